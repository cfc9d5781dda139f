"""Every rule against its data files: ``cases/KAMxxx/{pass.yaml,fail.yaml,fail.expect}``.

``fail.expect`` lists the expected findings as ``line:col CODE``, one per line
(``#`` starts a comment). Findings of the codes named there are compared as a
multiset, positions included; findings of other rules are left to their own
cases. All cases are judged as of 2026-11-24 with the default config.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from kamctl.config import Config
from kamctl.lint import registry
from kamctl.lint.base import Rule
from kamctl.lint.runner import lint_file

CASES = Path(__file__).parent / "cases"
AS_OF = dt.date(2026, 11, 24)
CASE_IDS = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def _expected(path: Path) -> list[tuple[int, int, str]]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"(\d+):(\d+)\s+([A-Z]+\d+)", line)
        assert m, f"{path}: bad line {raw!r}"
        out.append((int(m.group(1)), int(m.group(2)), m.group(3)))
    return sorted(out)


def _findings(path: Path) -> list[tuple[int, int, str]]:
    outcome = lint_file(str(path), Config(), AS_OF)
    return sorted((d.line, d.column, d.code) for d in outcome.diagnostics)


def test_every_rule_has_a_case_and_every_case_a_rule() -> None:
    assert sorted(r.id for r in registry.RULES) == CASE_IDS


@pytest.mark.parametrize("rule_id", CASE_IDS)
def test_pass_case_has_no_finding_of_its_rule(rule_id: str) -> None:
    found = [f for f in _findings(CASES / rule_id / "pass.yaml") if f[2] == rule_id]
    assert found == []


@pytest.mark.parametrize("rule_id", CASE_IDS)
def test_fail_case_has_exactly_the_expected_findings(rule_id: str) -> None:
    expected = _expected(CASES / rule_id / "fail.expect")
    codes = {e[2] for e in expected}
    assert rule_id in codes, "a fail case must expect at least one finding of its own rule"
    found = [f for f in _findings(CASES / rule_id / "fail.yaml") if f[2] in codes]
    assert found == expected


@pytest.mark.parametrize("rule", registry.RULES, ids=lambda r: r.id)
def test_rule_documents_itself(rule: Rule) -> None:
    # The docstring is the user documentation `kamctl rules ID` prints.
    assert rule.doc.startswith(f"{rule.id} {rule.name}:")
    for part in ("What it checks", "Why", "Options", "PASS::", "FAIL::", "Instead"):
        assert part in rule.doc, f"{rule.id} docstring lacks {part!r}"
    if not rule.meta:
        assert "§" in rule.doc, f"{rule.id} should cite DOMAIN.md"
    assert rule.profiles <= {"full", "light"} and rule.profiles
    assert re.fullmatch(r"KAM[01]\d\d", rule.id)


def _doc_example(rule: Rule, label: str) -> str:
    m = re.search(label + r"::\n\n((?:    .*\n|\n)+)", rule.doc + "\n")
    assert m, f"{rule.id}: no {label} example"
    body = textwrap.dedent(m.group(1))
    # Examples show the part of a plan that matters; give them an id and name.
    return body if body.startswith("id:") else "id: doc\nname: Doc AS\n" + body


@pytest.mark.parametrize("rule", registry.RULES, ids=lambda r: r.id)
def test_documented_examples_do_what_the_docs_say(rule: Rule, tmp_path: Path) -> None:
    for label, should_fire in (("PASS", False), ("FAIL", True)):
        path = tmp_path / f"{label}.yaml"
        path.write_text(_doc_example(rule, label), encoding="utf-8")
        diags = lint_file(str(path), Config(), AS_OF).diagnostics
        if rule.id != "KAM001":
            assert not [d for d in diags if d.code == "KAM001"], f"{label} example is not a valid file"
        fired = [d for d in diags if d.code == rule.id]
        assert bool(fired) is should_fire, f"{rule.id} {label} example: {fired}"
