"""The JSON Schema of an account file, generated from the Pydantic models.

Draft-07, because that is the draft the YAML language server (the VS Code YAML
extension) has understood longest; references use ``#/definitions/…``. Every
field carries a description, which editors show on hover and in completion.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_FILE = "schemas/account.schema.json"
SCHEMA_ID = "https://kamctl.invalid/schemas/account.schema.json"
DRAFT = "http://json-schema.org/draft-07/schema#"


def account_schema() -> dict[str, Any]:
    from .account import Account

    schema = Account.model_json_schema(ref_template="#/definitions/{model}", mode="validation")
    defs = schema.pop("$defs", {})
    out: dict[str, Any] = {"$schema": DRAFT, "$id": SCHEMA_ID}
    out.update(schema)
    out["title"] = "kamctl account file"
    if defs:
        out["definitions"] = defs
    _draft07(out)
    return out


def _draft07(node: Any) -> None:
    """Draft-07 ignores keywords beside ``$ref``: move them into an allOf."""
    if isinstance(node, dict):
        if "$ref" in node and len(node) > 1:
            ref = node.pop("$ref")
            node["allOf"] = [{"$ref": ref}]
        for value in node.values():
            _draft07(value)
    elif isinstance(node, list):
        for value in node:
            _draft07(value)


def schema_text() -> str:
    return json.dumps(account_schema(), indent=2, ensure_ascii=False) + "\n"
