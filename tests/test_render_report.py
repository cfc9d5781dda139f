"""The report's planning sections: plan health, the weighted pipeline by
quarter, contract renewals with notice deadlines, upcoming QBRs, and the
findings table that names every account. Expected values worked out by hand
from examples/accounts/*.yaml (as of 24 November 2026)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kamctl.account import Account
from kamctl.planning import next_qbr, pipeline_by_quarter, renewals, upcoming_qbrs
from tests.conftest import EXAMPLES, Run

Kamctl = Callable[..., Run]
AS_OF = dt.date(2026, 11, 24)
CONFIG = EXAMPLES / "kamctl.toml"
NBSP = "\u00a0"


def _acc(**fields: object) -> Account:
    return Account.model_validate({"id": "x", "name": "X AS", **fields})


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    from typer.testing import CliRunner

    from kamctl.cli import app

    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(
        app, ["report", "--config", str(CONFIG), "--as-of", "2026-11-24", "-f", "md", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    return (out / "index.md").read_text(encoding="utf-8")


def _section(md: str, heading: str) -> str:
    return md.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def _rows(section: str) -> list[list[str]]:
    lines = [ln for ln in section.splitlines() if ln.startswith("| ")]
    return [[c.strip() for c in ln.strip("|").split(" | ")] for ln in lines[2:]]  # no header, rule


# ------------------------------------------------------------------ pipeline


def test_pipeline_by_quarter_by_hand() -> None:
    a = _acc(
        opportunities=[
            {"name": "late", "value": 1_500_000, "probability": 40, "expected_close": "2026-09-30"},
            {"name": "q4", "value": 1_000_000, "probability": 50, "expected_close": "2026-12-31"},
            {"name": "q1a", "value": 700_000, "probability": 60, "expected_close": "2027-01-01"},
            {"name": "q1b", "value": 300_000, "expected_close": "2027-03-31"},  # no probability: weighs 0
            {
                "name": "won",
                "value": 9_000_000,
                "probability": 100,
                "status": "won",
                "expected_close": "2027-01-15",
            },
            {"name": "undated", "value": 200_000, "probability": 10},
            {"name": "today", "value": 100_000, "probability": 100, "expected_close": "2026-11-24"},
        ]
    )
    rows = pipeline_by_quarter([a], AS_OF)
    got = [(r.kind, r.year, r.quarter, r.count, r.value, r.weighted) for r in rows]
    assert got == [
        ("overdue", None, None, 1, 1_500_000, 600_000),  # 1.5 M × 40 %
        ("quarter", 2026, 4, 2, 1_100_000, 600_000),  # today counts (not past): 0.5 M + 0.1 M
        ("quarter", 2027, 1, 2, 1_000_000, 420_000),  # 0.7 M × 60 % + 0
        ("undated", None, None, 1, 200_000, 20_000),
    ]


def test_report_pipeline_of_the_examples(report: str) -> None:
    # Open opportunities in the example files (value, probability, expected close):
    # Q1 2027: agder 0.7 M 60 % (0.42), bergen kitting 3.5 M 50 % (1.75), havbris
    #   fiskekasse 14 M 70 % (9.8), kystlab 0.65 M 50 % (0.325), tromsø 36 M 75 % (27),
    #   vestgruppen 75 M 50 % (37.5) → 6, 129.85 M, 76.795 M.
    # Q2 2027: bergen esker 2.2 M 25 % (0.55), havbris returkasse 4.5 M 40 % (1.8),
    #   nordlys 2.5 M 30 % (0.75), nordmelk 6 M 60 % (3.6), vestgruppen-fiskefor
    #   9 M 45 % (4.05) → 5, 24.2 M, 10.75 M.
    # Q3 2027: grenland 1 M 10 % (0.1), polarnett 3 M 20 % (0.6) → 2, 4 M, 0.7 M.
    # Past expected close: mjøsen 1.5 M 40 %, 30 Sep 2026 → 0.6 M.
    kr = f"{NBSP}kr"
    rows = _rows(_section(report, "Vektet pipeline per kvartal"))
    assert rows == [
        ["Forventet avslutning passert", "1", f"1{NBSP}500{NBSP}000{kr}", f"600{NBSP}000{kr}"],
        ["1. kvartal 2027", "6", f"129{NBSP}850{NBSP}000{kr}", f"76{NBSP}795{NBSP}000{kr}"],
        ["2. kvartal 2027", "5", f"24{NBSP}200{NBSP}000{kr}", f"10{NBSP}750{NBSP}000{kr}"],
        ["3. kvartal 2027", "2", f"4{NBSP}000{NBSP}000{kr}", f"700{NBSP}000{kr}"],
        ["Sum", "14", f"159{NBSP}550{NBSP}000{kr}", f"88{NBSP}845{NBSP}000{kr}"],
    ]


# ------------------------------------------------------------------ renewals


def test_notice_deadline_is_end_minus_notice_months() -> None:
    accounts = [
        _acc(id="a", contract={"end": "2027-03-31", "notice_months": 1}),  # → 28 Feb (no 31 Feb)
        _acc(id="b", contract={"end": "2026-12-31", "notice_months": 3}),  # → 30 Sep, passed
        _acc(id="c", contract={"end": "2027-11-24"}),  # the last day in the window, no notice period
        _acc(id="d", contract={"end": "2027-11-25", "notice_months": 6}),  # a day too late
        _acc(id="e", contract={"end": "2026-11-23", "notice_months": 1}),  # ended yesterday
    ]
    got = [(r.account.id, r.notice_deadline, r.deadline_passed(AS_OF)) for r in renewals(accounts, AS_OF)]
    assert got == [
        ("b", dt.date(2026, 9, 30), True),
        ("a", dt.date(2027, 2, 28), False),
        ("c", None, False),
    ]


def test_report_renewals_of_the_examples(report: str) -> None:
    # Contracts ending 24 Nov 2026 – 24 Nov 2027 (examples/accounts):
    # sørlandet 31 Dec 2026, 3 months → 30 Sep 2026 (passed); vestgruppen and its two
    # subsidiaries 30 Jun 2027, 6 months → 30 Dec 2026 (36 days: 6 in Nov + 30);
    # tromsø 31 Mar 2027, 1 month → 28 Feb 2027 (6 + 31 + 31 + 28 = 96 days);
    # polarnett 31 Aug 2027, 3 months → 31 May 2027 (96 + 31 + 30 + 31 = 188 days).
    rows = _rows(_section(report, "Avtaler som løper ut, med oppsigelsesfrister, neste 12 måneder"))
    got = [(r[0], r[2], r[3], r[4], r[5]) for r in rows]
    assert got == [
        ("Sørlandet Frukt og Grønt AS", "31. desember 2026", "3", "30. september 2026", "fristen er passert"),
        ("Vestgruppen AS", "30. juni 2027", "6", "30. desember 2026", "om 36 dager"),
        ("Vestgruppen Fiskefôr AS", "30. juni 2027", "6", "30. desember 2026", "om 36 dager"),
        ("Vestgruppen Logistikk AS", "30. juni 2027", "6", "30. desember 2026", "om 36 dager"),
        ("Tromsø Fiskeindustri AS", "31. mars 2027", "1", "28. februar 2027", "om 96 dager"),
        ("Polarnett AS", "31. august 2027", "3", "31. mai 2027", "om 188 dager"),
    ]


# ---------------------------------------------------------------------- QBRs


def test_next_qbr_planned_or_three_months_after_the_last() -> None:
    planned = next_qbr(_acc(rhythm={"next_qbr": "2026-12-03", "last_qbr": "2026-09-01"}))
    assert planned is not None and planned.day == dt.date(2026, 12, 3) and planned.planned
    derived = next_qbr(_acc(rhythm={"last_qbr": "2026-11-30"}))
    assert derived is not None and derived.day == dt.date(2027, 2, 28) and not derived.planned
    assert next_qbr(_acc()) is None


def test_upcoming_qbrs_window_and_order() -> None:
    accounts = [
        _acc(id="later", rhythm={"next_qbr": "2027-02-23"}),  # 91 days ahead: in
        _acc(id="far", rhythm={"next_qbr": "2027-02-24"}),  # 92 days: out
        _acc(id="past", rhythm={"next_qbr": "2026-10-01"}),  # overdue: in, first
        _acc(id="none"),
    ]
    found, missing = upcoming_qbrs(accounts, AS_OF)
    assert [(q.account.id, q.overdue(AS_OF)) for q in found] == [("past", True), ("later", False)]
    assert [a.id for a in missing] == ["none"]


def test_report_upcoming_qbrs_of_the_examples(report: str) -> None:
    section = _section(report, "Kommende QBR-er")
    rows = _rows(section)
    # mjøsen has no next_qbr; its last was 19 Feb 2026, so the next was due 19 May 2026.
    assert rows[0] == [
        "Mjøsen Bakeri AS",
        "Magnus Haugen",
        "19. mai 2026",
        "3 måneder etter forrige",
        "forfalt",
    ]
    # nordlys' next_qbr is 3 Dec 2026: 9 days after 24 Nov.
    assert rows[1] == ["Nordlys Dagligvare AS", "Silje Berg", "3. desember 2026", "planlagt", "om 9 dager"]
    dates = [r[2] for r in rows]
    assert "10. februar 2027" in dates  # stavanger, 78 days: inside the 91
    assert "**Uten QBR-dato:** Agder Elektro AS, Grenland Kjemi AS" in section


# -------------------------------------------------------------- plan health


def test_report_plan_health_agrees_with_kamctl_status(report: str, kamctl: Kamctl) -> None:
    run = kamctl("status", "--config", CONFIG, "--as-of", "2026-11-24", "--format", "json")
    assert run.exit_code in (0, 1), run.stderr
    doc = run.json()
    assert isinstance(doc, dict)
    status = {r["name"]: r for r in doc["tables"]["accounts"]}
    rows = _rows(_section(report, "Planhelse"))
    shown = {r[0]: r for r in rows}
    for name, r in status.items():
        bands = set(r["bands"].values())
        worst = "red" if "red" in bands else "amber" if "amber" in bands else "green"
        assert (name in shown) == (worst != "green"), name
        if name in shown:
            assert shown[name][-1] == {"red": "rød", "amber": "gul"}[worst], name
    # mjøsen, by hand: reviewed 15 Sep 2025 → 365 + 70 = 435 days before 24 Nov 2026;
    # latest key contact (Trude Sæther) 18 Jun 2026 → 12 + 31 + 31 + 30 + 31 + 24 = 159 days.
    m = shown["Mjøsen Bakeri AS"]
    assert m[3] == "435" and m[4] == "159" and m[-1] == "rød"
    # Red ones first.
    assert [r[-1] for r in rows] == sorted((r[-1] for r in rows), key=lambda b: b != "rød")


# ------------------------------------------------------------ findings table


def test_findings_by_code_names_every_account(report: str, kamctl: Kamctl) -> None:
    section = _section(report, "Risikooversikt").split("### Funn i kundeplanene, per kode", 1)[1]
    rows = {r[0]: r for r in _rows(section)}
    # RISK101 (contract ends within 180 days, up to 23 May 2027): sørlandet (31 Dec 2026)
    # and tromsø (31 Mar 2027), not the Vestgruppen three (30 Jun 2027);
    # RISK103 (notice under 3 months): tromsø's 1 month alone (sørlandet's is 3).
    assert rows["RISK101"][2:] == ["2", "Sørlandet Frukt og Grønt AS, Tromsø Fiskeindustri AS"]
    assert rows["RISK103"][2:] == ["1", "Tromsø Fiskeindustri AS"]
    run = kamctl("risk", "--config", CONFIG, "--as-of", "2026-11-24", "--format", "json")
    doc = run.json()
    assert isinstance(doc, dict)
    names = {}
    for d in doc["diagnostics"]:
        if d["account"] and re.fullmatch(r"(RISK1|STAGE1)\d\d", d["code"]) and d["code"] in rows:
            names.setdefault(d["code"], set()).add(d["account"])
    for code, ids in names.items():
        assert int(rows[code][2]) == len(ids), code
        assert len(rows[code][3].split(", ")) == len(ids), code


def test_report_sections_in_english(tmp_path: Path, kamctl: Kamctl) -> None:
    run = kamctl(
        "report", "--config", CONFIG, "--as-of", "2026-11-24", "-f", "md", "-o", "out", "--lang", "en"
    )
    assert run.exit_code == 0, run.stderr
    md = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    for heading in (
        "Plan health",
        "Weighted pipeline by quarter",
        "Contract renewals and notice deadlines, next 12 months",
        "Upcoming QBRs",
    ):
        assert f"## {heading}\n" in md, heading
    assert f"| Q1 2027 | 6 | NOK{NBSP}129,850,000 | NOK{NBSP}76,795,000 |" in md


def test_plan_measures_and_win_loss_by_hand(tmp_path: Path, kamctl: Kamctl) -> None:
    run = kamctl(
        "render", EXAMPLES / "accounts" / "nordmelk.yaml", "--config", CONFIG,
        "--as-of", "2026-11-24", "-f", "md", "-o", "out",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    md = (tmp_path / "out" / "nordmelk.md").read_text(encoding="utf-8")
    # examples/README.md, "Measures, by hand": revenue 31 250 000 against 29 800 000
    # (+1 450 000, +4.87 %), gross margin 7 500 000 against 7 150 000 (+350 000,
    # +4.90 %), share of wallet 58.41 % against 57.31 % (+1.10 points), 1 of 1 on time.
    assert f"- **Omsetning mot året før:** +1{NBSP}450{NBSP}000{NBSP}kr (+4,87{NBSP}%)" in md
    assert f"- **Bruttomargin mot året før:** +350{NBSP}000{NBSP}kr (+4,90{NBSP}%)" in md
    assert "- **Andel av kundens kjøp mot året før:** +1,10 prosentpoeng" in md
    assert "- **Forfalte aktiviteter utført i tide:** 1 av 1" in md
    # The lost strekkfilm deal and its review (nordmelk.yaml).
    wl = md.split("### Vunnet/tapt-gjennomganger", 1)[1]
    assert "| Strekkfilm alle meierier | tapt |" in wl and "| 14. april 2026 |" in wl
    run = kamctl(
        "render", EXAMPLES / "accounts" / "nordmelk.yaml", "--config", CONFIG, "--as-of", "2026-11-24",
        "-f", "md", "-o", "shared", "--audience", "customer",
    )  # fmt: skip
    shared = (tmp_path / "shared" / "nordmelk.md").read_text(encoding="utf-8")
    assert "Vunnet/tapt" not in shared and "Bruttomargin mot året før" not in shared
