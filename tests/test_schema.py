"""schemas/account.schema.json: committed, current, valid draft-07, described,
and in agreement with `kamctl validate`."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft7Validator

from kamctl.account import Account
from kamctl.schema import schema_text
from kamctl.validation import validate
from kamctl.yamlsource import YamlProblem, parse
from tests.conftest import EXAMPLES, NEGATIVE, POSITIVE, ROOT

SCHEMA_PATH = ROOT / "schemas" / "account.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "schemas/account.schema.json is out of date: run 'kamctl schema'"
    )


def test_schema_is_valid_draft07(schema: dict) -> None:
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"

    # draft-07 ignores siblings of $ref; the generator must not leave any
    def walk(node: object) -> None:
        if isinstance(node, dict):
            assert not ("$ref" in node and len(node) > 1), node
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)


def test_every_field_has_a_description(schema: dict) -> None:
    missing = []
    for where, node in [("Account", schema), *schema["definitions"].items()]:
        for name, prop in node.get("properties", {}).items():
            if not prop.get("description"):
                missing.append(f"{where}.{name}")
    assert missing == []


def _valid_by_kamctl(text: str) -> tuple[object, bool]:
    doc = parse(text)
    account, diags = validate(Account, doc, "x")
    return doc.data, account is not None and not diags


def _parses(path) -> bool:
    try:
        parse(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, YamlProblem):
        return False  # not YAML data: the schema has nothing to say about it
    return True


def _files() -> list:
    files = sorted(POSITIVE.glob("*.yaml")) + sorted(EXAMPLES.glob("accounts/*.yaml"))
    return files + [p for p in sorted(NEGATIVE.glob("*.yaml")) if _parses(p)]


@pytest.mark.parametrize("path", _files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_agrees_with_validate(schema: dict, path) -> None:
    data, ok = _valid_by_kamctl(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        ok_schema = False
    else:
        ok_schema = not list(
            Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER).iter_errors(data)
        )
    assert ok_schema == ok
