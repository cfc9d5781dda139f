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
