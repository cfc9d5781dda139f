"""examples/make_history.py builds a repository whose diff and log tell the story it wrote."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamctl.cli import app

runner = CliRunner()
SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "make_history.py"


def test_demo_history_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "demo"
    runpy.run_path(str(SCRIPT))["build"](root)
    monkeypatch.chdir(root)
    monkeypatch.delenv("KAMCTL_LANG", raising=False)
    log = runner.invoke(app, ["log", "polarnett", "--lang", "en"])
    assert log.exit_code == 0, log.output
    # five commits touch polarnett; 2026-12-20 → 2027-01-20 is 11 + 20 = 31 days
    heads = [line.split(" ", 2)[2] for line in log.output.splitlines() if not line.startswith("  ")]
    assert heads == [
        "Ola Berg: Kundeplaner 2026",
        "Ola Berg: QBR Q1 Polarnett: demoen flyttes til januar",
        "Anders Lie: Polarnett: Anders Lie overtar som KAM",
        "Anders Lie: QBR Q3 Polarnett: driftsdirektøren er kritisk",
        "Erik Dahl: Planen gjennomgått",
    ]
    assert (
        "  - action postponed by 31 days: actions[Demo av esker for automatisk eskeformer].due" in log.output
    )
    assert (
        "  - DECISION MAKER TURNED NEGATIVE: stakeholders[Henrik Bjørnstad].stance: 0 → \u22122" in log.output
    )
    # the rubber stamp: the review commit changes nothing but the date
    assert log.output.endswith(
        "Erik Dahl: Planen gjennomgått\n  - plan reviewed: 2026-06-01 → 2026-09-01 (by Erik Dahl)\n"
    )
    diff = runner.invoke(app, ["diff", "2026-01-31", "HEAD", "--lang", "nb"])
    assert diff.exit_code == 0, diff.output
    assert [line for line in diff.output.splitlines() if line.startswith("  - ")] == [
        "  - KAM overlevert: Ola Berg → Anders Lie",
        "  - BESLUTTER BLE NEGATIV: stakeholders[Henrik Bjørnstad].stance: 0 → \u22122",
        "  - tiltak utsatt 31 dager: actions[Demo av esker for automatisk eskeformer].due: 2026-12-20 → 2027-01-20",
        "  - TILTAK FJERNET UTEN Å VÆRE UTFØRT: Workshop om returlogistikk",
        "  - planen gjennomgått: 2026-06-01 → 2026-09-01 (av Erik Dahl)",
    ]
    # the last commit leaves the files exactly as in examples/
    assert runner.invoke(app, ["diff", "--lang", "en"]).output.endswith("no changes\n")
