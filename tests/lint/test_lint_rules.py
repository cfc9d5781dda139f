"""Every rule against its data files (``cases/ID/``; see :mod:`tests.lint.casekit`).

Findings of the codes named in ``fail.expect`` are compared as a multiset,
positions included (and severities where the line gives one); findings of
other rules are left to their own cases. All cases are judged as of
2026-11-24, with the case's ``kamctl.toml`` or the default config.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from kamctl.config import Config
from kamctl.lint import registry
from kamctl.lint.base import Rule
from kamctl.lint.runner import lint_file
from tests.lint.casekit import AS_OF, CASE_IDS, config_of, expected, found


def test_every_rule_has_a_case_and_every_case_a_rule() -> None:
    assert sorted(r.id for r in registry.RULES) == CASE_IDS


@pytest.mark.parametrize("rule_id", CASE_IDS)
def test_pass_case_has_no_finding_of_its_rule(rule_id: str) -> None:
    assert found(registry.BY_ID[rule_id], "pass", {rule_id}, False) == []


@pytest.mark.parametrize("rule_id", CASE_IDS)
def test_fail_case_has_exactly_the_expected_findings(rule_id: str) -> None:
    want = expected(rule_id)
    codes = {e.code for e in want}
    assert rule_id in codes, "a fail case must expect at least one finding of its own rule"
    graded = any(e.severity for e in want)
    if graded:
        assert all(e.severity for e in want), "give every line a severity, or none"
    assert found(registry.BY_ID[rule_id], "fail", codes, graded) == want


@pytest.mark.parametrize("rule", registry.RULES, ids=lambda r: r.id)
def test_rule_documents_itself(rule: Rule) -> None:
    # The docstring is the user documentation `kamctl rules ID` prints.
    assert rule.doc.startswith(f"{rule.id} {rule.name}:")
    for part in ("What it checks", "Why", "Options", "PASS::", "FAIL::", "Instead"):
        assert part in rule.doc, f"{rule.id} docstring lacks {part!r}"
    if not rule.meta:
        assert "§" in rule.doc, f"{rule.id} should cite DOMAIN.md"
    assert rule.profiles <= {"full", "light"} and rule.profiles
    assert re.fullmatch(r"KAM[01]\d\d|RISK[01]\d\d|STAGE1\d\d|KAISM1\d\d|PORT1\d\d", rule.id)
    # A rule's family says which command reports it; a portfolio rule is about the accounts together.
    assert rule.scope == (
        "portfolio" if rule.id in {"RISK001", "RISK002", "RISK003"} or rule.family == "PORT" else "file"
    )


def _doc_example(rule: Rule, label: str) -> str:
    m = re.search(label + r"::\n\n((?:    .*\n|\n)+)", rule.doc + "\n")
    assert m, f"{rule.id}: no {label} example"
    body = textwrap.dedent(m.group(1))
    # Examples show the part of a plan that matters; give them an id and name.
    return body if body.startswith("id:") else "id: doc\nname: Doc AS\n" + body


@pytest.mark.parametrize("rule", registry.FILE_RULES, ids=lambda r: r.id)
def test_documented_examples_do_what_the_docs_say(rule: Rule, tmp_path: Path) -> None:
    # (A portfolio rule's examples describe several files; its cases are the check.)
    config: Config = config_of(rule.id)
    for label, should_fire in (("PASS", False), ("FAIL", True)):
        path = tmp_path / f"{label}.yaml"
        path.write_text(_doc_example(rule, label), encoding="utf-8")
        rules = registry.LINT_RULES if rule.family == "KAM" else registry.FILE_RULES
        diags = lint_file(str(path), config, AS_OF, rules=rules).diagnostics
        if rule.id != "KAM001":
            assert not [d for d in diags if d.code == "KAM001"], f"{label} example is not a valid file"
        fired = [d for d in diags if d.code == rule.id]
        assert bool(fired) is should_fire, f"{rule.id} {label} example: {fired}"


def test_every_rule_module_is_registered() -> None:
    # The registry names its modules; one left out would never run and never be listed.
    import kamctl.lint.rules as package

    folder = Path(package.__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if not p.name.startswith("_")}
    assert modules == set(registry.MODULES)
    assert len(registry.MODULES) == len(set(registry.MODULES))
