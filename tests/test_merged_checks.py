"""One problem, one check: stale contact, overdue action and stale plan.

``lint`` and ``risk`` each used to have their own check for these (KAM111 and
RISK150, KAM106 and RISK151, KAM112 and RISK152), each with its own setting,
so every such problem in the examples was reported twice in different words.
They are lint's rules now, reported by both commands with one code and one
setting; the retired settings are located config errors.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tests.conftest import EXAMPLES

CONFIG = EXAMPLES / "kamctl.toml"
ACCOUNTS = EXAMPLES / "accounts"
LATE = "2027-06-01"  # late enough that many contacts, actions and reviews are stale
DATE_FIELDS = ("last_contact", "due", "reviewed", "next_review")


def _date_findings(kamctl, command: str, key: str) -> list[tuple[str, int, str]]:  # type: ignore[no-untyped-def]
    r = kamctl(command, "--config", CONFIG, ACCOUNTS, "--as-of", LATE, "-f", "json")
    assert r.exit_code in (0, 1), r.stderr  # lint fails on warnings here, risk by default on errors only
    return [
        (Path(d["path"]).name, d["line"], d["code"])
        for d in r.json()[key]
        if d["line"] > 0 and (d["field"] or "").endswith(DATE_FIELDS)
    ]


def test_lint_and_risk_report_each_date_problem_once(kamctl) -> None:
    lint = _date_findings(kamctl, "lint", "diagnostics")
    risk = _date_findings(kamctl, "risk", "diagnostics")
    codes: dict[tuple[str, int], set[str]] = defaultdict(set)
    for name, line, code in lint + risk:
        codes[(name, line)].add(code)
    # Many problems by 2027-06-01 (mjosen-bakeri alone has 3 stale contacts,
    # 2 overdue actions and a stale review: at least 6 lines).
    assert len(codes) >= 6
    twice = {place: cs for place, cs in codes.items() if len(cs) > 1}
    assert not twice, f"one problem under two codes: {twice}"
    assert set().union(*codes.values()) == {"KAM106", "KAM111", "KAM112"}
    # And both commands see the same problems at the same places.
    assert sorted(lint) == sorted(risk)


def test_one_setting_moves_both_commands(kamctl, tmp_path: Path) -> None:
    # Trude Sæther's last contact is 2026-06-18; as of 2026-11-24 that is
    # 12 + 31 + 31 + 30 + 31 + 24 = 159 days: stale at the default 90, fresh at 200.
    mjosen = ACCOUNTS / "mjosen-bakeri.yaml"
    config = tmp_path / "kamctl.toml"
    config.write_text("[lint]\n", encoding="utf-8")  # the defaults: 90 days

    def stale(command: str, key: str) -> int:
        r = kamctl(command, "--config", config, mjosen, "--as-of", "2026-11-24", "-f", "json")
        return sum(1 for d in r.json()[key] if d["code"] == "KAM111")

    assert stale("lint", "diagnostics") == stale("risk", "diagnostics") == 3
    text = "[lint]\nstale_contact_days = 400\n"
    config.write_text(text, encoding="utf-8")
    assert stale("lint", "diagnostics") == stale("risk", "diagnostics") == 0


def test_retired_setting_is_a_located_error_naming_its_successor(kamctl, tmp_path: Path) -> None:
    (tmp_path / "kamctl.toml").write_text(
        "# portfolio\n[risk]\ncontract_ending_days = 120\nstale_contact_days = 60\nstale_plan_months = 6\n",
        encoding="utf-8",
    )
    for command in ("risk", "lint", "validate"):
        r = kamctl(command)
        assert r.exit_code == 2, command
        # The keys are on lines 4 and 5 of the file, column 1.
        assert (
            "kamctl.toml:4:1: error: risk.stale_contact_days: retired setting; use [lint] stale_contact_days"
            in r.stderr
        ), r.stderr
        assert (
            "kamctl.toml:5:1: error: risk.stale_plan_months: retired setting; use [lint] review_months"
            in r.stderr
        )
        assert "Traceback" not in r.stderr
