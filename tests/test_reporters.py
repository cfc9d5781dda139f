"""Every command that reports findings speaks the same reporter formats and --fail-on values."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.conftest import EXAMPLES

CONFIG = ["--config", str(EXAMPLES / "kamctl.toml")]
ACCOUNTS = str(EXAMPLES / "accounts")
AS_OF = ["--as-of", "2026-11-24"]
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def _codes(findings: list[dict[str, object]]) -> list[str]:
    return sorted(str(f["code"]) for f in findings)


def test_risk_sarif_is_valid_and_carries_the_same_findings_as_json(kamctl) -> None:
    # The official SARIF 2.1.0 schema decides validity; the findings must be the ones
    # `risk -f json` lists (same codes, same count), so a reporter loses nothing.
    r = kamctl("risk", ACCOUNTS, *CONFIG, *AS_OF, "-f", "sarif", "--fail-on", "never")
    assert r.exit_code == 0, r.stdout
    doc = json.loads(r.stdout)
    jsonschema.validate(doc, SARIF_SCHEMA)
    results = doc["runs"][0]["results"]
    j = json.loads(kamctl("risk", ACCOUNTS, *CONFIG, *AS_OF, "-f", "json", "--fail-on", "never").stdout)
    assert sorted(x["ruleId"] for x in results) == _codes(j["diagnostics"])
    assert any(x["ruleId"].startswith("RISK1") for x in results)
    # A finding about one file points at its line: RISK1xx are account findings.
    located = [x for x in results if x["ruleId"].startswith("RISK1")]
    assert all("region" in x["locations"][0]["physicalLocation"] for x in located)


def test_risk_github_writes_one_annotation_per_finding(kamctl) -> None:
    j = json.loads(kamctl("risk", ACCOUNTS, *CONFIG, *AS_OF, "-f", "json", "--fail-on", "never").stdout)
    r = kamctl("risk", ACCOUNTS, *CONFIG, *AS_OF, "-f", "github", "--fail-on", "never")
    assert r.exit_code == 0
    annotations = [ln for ln in r.stdout.splitlines() if ln.startswith("::")]
    assert len(annotations) == len(j["diagnostics"]) > 0


def test_lint_fail_on_never_reports_but_exits_0(kamctl, tmp_path: Path) -> None:
    # A stance of 7 is out of range (-3..3): an error, so the default --fail-on error exits 1.
    f = tmp_path / "a.yaml"
    f.write_text("id: a\nname: A\nstakeholders:\n  - name: B\n    stance: 7\n")
    failing = kamctl("lint", "a.yaml", "--fail-on", "error")
    assert failing.exit_code == 1
    r = kamctl("lint", "a.yaml", "--fail-on", "never")
    assert r.exit_code == 0
    assert "must be between -3 and 3" in r.stdout
