"""KAM127's message says why a decision maker is unreached: no line from a
supporter, or no supporter on the map at all (the case data covers positions)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kamctl.config import Config
from kamctl.lint.runner import lint_file

PLAN = """id: acme
name: Acme AS
stakeholders:
  - {name: Bjørg Halvorsen, role: decision_maker, stance: -1}
  - {name: Ola Dahl, role: technical, stance: 0, influences: [Bjørg Halvorsen]}
"""


def test_a_map_without_supporters_says_so(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(PLAN, encoding="utf-8")
    found = [
        d for d in lint_file(str(path), Config(), dt.date(2026, 11, 24)).diagnostics if d.code == "KAM127"
    ]
    assert [(d.line, d.message) for d in found] == [
        (
            4,
            "decision maker 'Bjørg Halvorsen' (stance -1) is not reached by any supporter: the map has no supporter",
        )
    ]


def test_a_supporter_one_step_away_is_enough(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(PLAN.replace("stance: 0, influences", "stance: 1, influences"), encoding="utf-8")
    found = [
        d for d in lint_file(str(path), Config(), dt.date(2026, 11, 24)).diagnostics if d.code == "KAM127"
    ]
    assert found == []
