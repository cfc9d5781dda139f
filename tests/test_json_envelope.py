"""One result, one set of reporters: every command's JSON is the one envelope
(schemas/result.schema.json, docs/json.md), every findings command takes the
same --format and --fail-on values, and the finding formats show the same
findings as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, ROOT, SHARED

SCHEMA = json.loads((ROOT / "schemas" / "result.schema.json").read_text(encoding="utf-8"))
CONFIG = ("--config", str(EXAMPLES / "kamctl.toml"))
ACCOUNTS = str(EXAMPLES / "accounts")
AS_OF = ("--as-of", "2026-11-24")

COMMANDS = {
    "validate": (),
    "lint": AS_OF,
    "status": AS_OF,
    "classify": AS_OF,
    "abc": AS_OF,
    "risk": AS_OF,
    "agenda": AS_OF,
    "measures": AS_OF,
}
FINDINGS_COMMANDS = ("validate", "lint", "status", "classify", "abc", "risk")


def test_the_schema_is_a_valid_draft_07_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_writes_the_one_envelope(kamctl, command: str) -> None:
    r = kamctl(command, ACCOUNTS, *CONFIG, *COMMANDS[command], "--format", "json")
    assert r.exit_code in (0, 1), r.stderr
    doc = r.json()
    jsonschema.validate(doc, SCHEMA)
    assert doc["tool"] == f"kamctl {command}" and doc["version"] == 2
    tables = {
        "status": ["accounts"],
        "classify": ["accounts", "kams"],
        "abc": ["customers", "classes"],
        "risk": ["customers", "groups", "what_if"],
        "agenda": ["events"],
        "measures": ["accounts", "goals", "portfolio", "resources", "win_loss"],
    }
    assert list(doc["tables"]) == tables.get(command, [])
    # The 17 example plans, all valid.
    assert doc["files"] == {"checked": 17, "invalid": 0}
    # The counts are the diagnostics' own.
    for key, severity in (("errors", "error"), ("warnings", "warning"), ("info", "info")):
        assert doc["summary"][key] == sum(1 for d in doc["diagnostics"] if d["severity"] == severity)


def test_an_invalid_file_is_counted_and_excluded_in_the_envelope(kamctl, tmp_path: Path) -> None:
    accounts = tmp_path / "accounts"
    accounts.mkdir()
    (accounts / "a.yaml").write_text(
        "id: a\nname: A\nfinancials:\n  - year: 2025\n    revenue: 100\n", encoding="utf-8"
    )
    (accounts / "b.yaml").write_text("id: b\nname: B\nstage: partner\n", encoding="utf-8")
    for command in ("validate", "lint", "risk"):
        r = kamctl(command, accounts, "--format", "json", *(AS_OF if command != "validate" else ()))
        assert r.exit_code == 1
        doc = r.json()
        jsonschema.validate(doc, SCHEMA)
        assert doc["files"] == {"checked": 2, "invalid": 1}
        # validate and lint report the broken file as their finding; an
        # analysis leaves it out of the figures and says so.
        where = doc["excluded"] if command == "risk" else doc["diagnostics"]
        (bad,) = [d for d in where if d["code"] in ("schema", "KAM001")]
        assert (bad["path"], bad["line"], bad["column"]) == (str(accounts / "b.yaml"), 3, 8)


@pytest.mark.parametrize("command", FINDINGS_COMMANDS)
@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_findings_command_takes_the_same_formats(kamctl, command: str, fmt: str) -> None:
    r = kamctl(command, ACCOUNTS, *CONFIG, *COMMANDS[command], "--format", fmt, "--fail-on", "never")
    assert r.exit_code == 0, r.stderr


@pytest.mark.parametrize("command", FINDINGS_COMMANDS)
def test_fail_on_takes_the_same_values_everywhere(kamctl, tmp_path: Path, command: str) -> None:
    # A plan of 'id', 'name' and one year's revenue: lint finds missing
    # sections (errors), the analyses little; every command takes every value.
    f = tmp_path / "accounts" / "a.yaml"
    f.parent.mkdir()
    f.write_text("id: a\nname: A\nfinancials:\n  - year: 2025\n    revenue: 100\n", encoding="utf-8")
    r = kamctl(command, f.parent, *COMMANDS[command], "--fail-on", "bogus")
    assert r.exit_code == 2
    for value in ("error", "warning", "info", "never"):
        r = kamctl(command, f.parent, *COMMANDS[command], "--fail-on", value)
        assert r.exit_code in (0, 1), (value, r.stderr)
    assert kamctl(command, f.parent, *COMMANDS[command], "--fail-on", "never").exit_code == 0


def test_validate_fail_on_never_reports_and_exits_0(kamctl, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("id: a\nname: A\nstakeholders:\n  - name: B\n    stance: 7\n", encoding="utf-8")
    assert kamctl("validate", f).exit_code == 1
    r = kamctl("validate", f, "--fail-on", "never")
    assert r.exit_code == 0
    assert "a.yaml:5:13: error: stakeholders[0].stance: must be between -3 and 3 (got 7)" in r.stdout


def test_status_shows_lint_findings_as_annotations_and_sarif(kamctl) -> None:
    lint = kamctl("lint", ACCOUNTS, *CONFIG, *AS_OF, "--format", "json").json()
    gh = kamctl("status", ACCOUNTS, *CONFIG, *AS_OF, "--format", "github")
    assert gh.exit_code == 0  # status fails on nothing unless asked (--fail-on never)
    annotations = [line for line in gh.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == len(lint["diagnostics"]) > 0
    sarif = kamctl("status", ACCOUNTS, *CONFIG, *AS_OF, "--format", "sarif").json()
    if (SHARED / "schemas" / "sarif-schema-2.1.0.json").is_file():
        schema = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        jsonschema.validate(sarif, schema)
    codes = sorted(x["ruleId"] for x in sarif["runs"][0]["results"])
    assert codes == sorted(d["code"] for d in lint["diagnostics"])
    # The examples have warnings (README: 35): --fail-on warning makes status a gate.
    assert kamctl("status", ACCOUNTS, *CONFIG, *AS_OF, "--fail-on", "warning").exit_code == 1


@pytest.mark.parametrize("command", ["classify", "abc", "risk"])
def test_text_is_the_analyses_table_format(kamctl, command: str) -> None:
    text = kamctl(command, ACCOUNTS, *CONFIG, *AS_OF, "--format", "text", "--fail-on", "never")
    table = kamctl(command, ACCOUNTS, *CONFIG, *AS_OF, "--format", "table", "--fail-on", "never")
    assert text.exit_code == table.exit_code == 0
    assert text.stdout == table.stdout
    assert len(text.stdout.splitlines()) > 17  # a row per account at least


def test_json_with_table_holds_only_that_table(kamctl) -> None:
    doc = kamctl("risk", ACCOUNTS, *CONFIG, *AS_OF, "--format", "json", "--table", "groups").json()
    jsonschema.validate(doc, SCHEMA)
    assert list(doc["tables"]) == ["groups"]
    # Vestgruppen and its two subsidiaries (examples/README.md): one group.
    assert [g["id"] for g in doc["tables"]["groups"]] == ["vestgruppen"]
