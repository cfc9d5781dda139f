from __future__ import annotations

from pathlib import Path

import pytest

from kamctl.config import Config, ConfigError, find_config, load_config


def test_defaults_need_no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cfg = load_config()
    assert cfg == Config()
    assert cfg.kaism.threshold == 5.0
    assert (cfg.abc.a, cfg.abc.b) == (80.0, 95.0)
    assert cfg.currency == "NOK" and cfg.lang == "nb"


def test_found_by_searching_upward(tmp_path: Path) -> None:
    (tmp_path / "kamctl.toml").write_text('currency = "EUR"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "kamctl.toml"


def test_pyproject_tool_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.kamctl]\nlang = "en"\n[tool.kamctl.abc]\na = 70\n'
    )
    monkeypatch.chdir(tmp_path)
    cfg = load_config()
    assert cfg.lang == "en" and cfg.abc.a == 70.0
    assert cfg.root == tmp_path


def test_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") in (None,) or not str(find_config(tmp_path / "sub")).startswith(
        str(tmp_path)
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("lang = 'norsk!'\n", 1, "'norsk!' is not a language"),
        ("[kaism]\nthreshold = 11\n", 2, "must be between 0 and 10 (got 11)"),
        ("[abc]\na = 90\nb = 80\n", 1, "B cut-off (80.0) must not be below the A cut-off (90.0)"),
        ("[kaism]\n\n[kaism.tiers]\ndiamond = 'Diamant'\n", 3, "unknown quadrant 'diamond'"),
        ("curency = 'NOK'\n", 1, "unknown key 'curency'; did you mean 'currency'?"),
        ("[kaism\n", 1, "invalid TOML"),
    ],
)
def test_config_errors_are_located(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "kamctl.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    (d,) = exc.value.diagnostics
    assert d.path == str(path)
    assert d.line == line
    assert message in d.message


def test_bad_config_exits_2_with_location(kamctl, tmp_path: Path) -> None:
    (tmp_path / "kamctl.toml").write_text("[kaism]\nthreshold = 'high'\n")
    r = kamctl("validate")
    assert r.exit_code == 2
    assert "kamctl.toml:2:1: error: kaism.threshold: must be a number (got 'high')" in r.stderr


# ------------------------------------------------ bounds (repro 18), messages

ACCOUNT = (
    "id: nordvik\nname: Nordvik AS\nreview:\n  reviewed: 2026-09-01\n"
    "stakeholders:\n  - name: Kari Lie\n    last_contact: 2026-10-01\n"
    "contract:\n  end_date: 2027-03-01\n  notice_months: 2\n"
)


def portfolio(tmp_path: Path, config: str) -> Path:
    (tmp_path / "kamctl.toml").write_text('accounts = "accounts"\n' + config)
    (tmp_path / "accounts").mkdir()
    (tmp_path / "accounts" / "nordvik.yaml").write_text(ACCOUNT)
    return tmp_path


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        # Repro 18: these validated, then were internal errors in lint/risk/status.
        (
            "[lint]\nreview_months = 1000000000\n",
            3,
            "lint.review_months: must be between 0 and 1200 (got 1000000000)",
        ),
        ("[lint]\nreview_months = 96000\n", 3, "lint.review_months: must be between 0 and 1200 (got 96000)"),
        (
            "[lint]\nreview_months = 1000000000000000000\n",
            3,
            "lint.review_months: is too large: at most 1e15 in size (got 1000000000000000000)",
        ),
        (
            "[lint]\nstale_contact_days = -5\n",
            3,
            "lint.stale_contact_days: must be between 0 and 36600 (got -5)",
        ),
        ("max_file_size = -1\n", 2, "max_file_size: must be between 1 and 1073741824 (got -1)"),
        ("fiscal_year = 99999\n", 2, "fiscal_year: must be between 1900 and 2200 (got 99999)"),
        (
            "[risk]\ncontract_ending_days = 99999999\n",
            3,
            "risk.contract_ending_days: must be between 0 and 36600",
        ),
        ("[risk]\nhhi_high = 1e300\n", 3, "risk.hhi_high: is too large"),
        (
            "[lint.status]\nreview_green_days = 10000000\n",
            3,
            "lint.status.review_green_days: must be between 0 and",
        ),
        (
            "[portfolio]\nmax_accounts_per_kam = -1\n",
            3,
            "portfolio.max_accounts_per_kam: must be between 0 and",
        ),
        (
            "[render]\ntemplates = '" + "t" * 10_000 + "'\n",
            3,
            "render.templates: is too long for a path: 10,000",
        ),
    ],
)
@pytest.mark.parametrize("command", ["lint", "risk", "status", "validate"])
def test_unbounded_settings_are_located_config_errors(
    kamctl, tmp_path: Path, config: str, line: int, message: str, command: str
) -> None:
    portfolio(tmp_path, config)
    args = () if command == "validate" else ("--as-of", "2026-11-24")
    r = kamctl(command, *args)
    assert r.exit_code == 2, r.stderr
    assert f"kamctl.toml:{line}:1: error: {message}" in r.stderr
    assert "internal error" not in r.stderr


def test_a_ten_thousand_character_accounts_path(kamctl, tmp_path: Path) -> None:
    (tmp_path / "kamctl.toml").write_text(f'accounts = "{"a" * 10_000}"\n')
    r = kamctl("validate")
    assert r.exit_code == 2
    assert (
        "kamctl.toml:1:1: error: accounts: is too long for a path: 10,000 characters (at most 1,024)"
        in r.stderr
    )


def test_the_largest_settings_still_run(kamctl, tmp_path: Path) -> None:
    # The bounds are chosen so that every date computed from them stays in
    # Python's range: the extremes must run, not crash.
    portfolio(
        tmp_path,
        "[lint]\nreview_months = 1200\nstale_contact_days = 36600\nwin_loss_review_days = 36600\n"
        "[risk]\ncontract_ending_days = 36600\nshort_notice_months = 1200\n"
        "[lint.status]\nreview_green_days = 36600\nreview_amber_days = 36600\n"
        "contact_green_days = 36600\ncontact_amber_days = 36600\n",
    )
    for command in ("lint", "risk", "status", "classify", "abc"):
        r = kamctl(command, "--as-of", "2026-11-24")
        assert r.exit_code in (0, 1), (command, r.stderr)
        assert "internal error" not in r.stderr


def test_config_messages_have_no_pydantic_prefix(kamctl, tmp_path: Path) -> None:
    (tmp_path / "kamctl.toml").write_text("lang = 'norsk!'\n")
    r = kamctl("validate")
    assert r.exit_code == 2
    assert (
        "kamctl.toml:1:1: error: lang: 'norsk!' is not a language (use e.g. nb, en, nb_NO.UTF-8)\n"
        in r.stderr
    )
    assert "Value error" not in r.stderr


def test_config_error_path_is_relative_and_nothing_is_said_checked(
    kamctl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by searching upward, the config was shown by its absolute path and
    # followed by "1 file checked", though no account file was checked.
    (tmp_path / "kamctl.toml").write_text("[kaism]\nthreshold = 11\n")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    r = kamctl("validate")
    assert r.exit_code == 2
    assert r.stderr.startswith(
        "../kamctl.toml:2:1: error: kaism.threshold: must be between 0 and 10 (got 11)\n"
    )
    assert str(tmp_path) not in r.stderr
    assert "checked" not in r.stderr.replace("nothing was checked", "")
    assert r.stderr.endswith("kamctl: 1 error in the config; nothing was checked\n")


def test_config_error_summary_in_bokmal(kamctl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAMCTL_LANG", "nb")
    (tmp_path / "kamctl.toml").write_text("lang = 'norsk!'\n[kaism]\nthreshold = 11\n")
    r = kamctl("validate")
    assert r.stderr.endswith("kamctl: 2 feil i konfigurasjonen; ingenting ble kontrollert\n")
