"""Check that the example portfolio still does its job as a test fixture.

    python examples/tools/check_examples.py

Checks, for every file in examples/accounts:

* the first line points the editor at the JSON schema, and the file name is ``<id>.yaml``;
* the data validates against schemas/account.schema.json (what an editor sees) and
  against the Pydantic model (what ``kamctl validate`` sees);

and over the whole portfolio:

* every field of the account model, at every depth, is used at least once;
* every value of every enum (stage, DMU role, style, statuses, ...) and every stance
  -3..+3 is used at least once;
* ``classification`` (written by ``kamctl classify --write``) appears in at most one file;

and that customers.csv is still the export the README describes (BOM, CRLF,
header, at least 220 unique customers, every key account with its 2025 figures,
negative and zero margins, a revenue tie, both kinds of thousands separator).

It prints each account's KAISM axis scores and 2025 revenue share so the hand
arithmetic in examples/README.md can be cross-checked; it does not replace it.
Exit 0 when all checks pass, 1 otherwise.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import jsonschema
from pydantic import BaseModel

from kamctl.account import Account
from kamctl.config import load_config
from kamctl.yamlsource import parse

HERE = Path(__file__).resolve().parent.parent
REPO = HERE.parent
# Fields whose keys are free-form (criteria, offerings, units): their keys are
# not field names, and an enum below them is found under any key.
FREE_FORM = ("kaism.customer_attractiveness", "kaism.our_strength", "white_space.offerings")
HEADER = "# yaml-language-server: $schema=../../schemas/account.schema.json\n"


def _inner_types(annotation: Any) -> list[Any]:
    """The classes inside Optional[...], list[...], dict[..., ...], Annotated[...]."""
    args = typing.get_args(annotation)
    if not args:
        return [annotation]
    out: list[Any] = []
    for arg in args:
        out.extend(_inner_types(arg))
    return out


def _expected(model: type[BaseModel], prefix: str, fields: set[str], enums: dict[str, set[str]]) -> None:
    for name, info in model.model_fields.items():
        key = info.alias or name
        path = f"{prefix}{key}"
        fields.add(path)
        for inner in _inner_types(info.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                _expected(inner, path + ".", fields, enums)
            elif isinstance(inner, type) and issubclass(inner, Enum):
                enums[path] = {member.value for member in inner}


def _seen(value: Any, path: str, fields: set[str], values: dict[str, set[Any]]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            sub = f"{path}.{key}" if path else str(key)
            fields.add(sub)
            _seen(item, sub, fields, values)
    elif isinstance(value, list):
        for item in value:
            _seen(item, path, fields, values)
    else:
        values.setdefault(path, set()).add(value)


def main() -> int:
    schema = json.loads((REPO / "schemas" / "account.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    config = load_config(HERE / "kamctl.toml", search=False)
    problems: list[str] = []
    expected_fields: set[str] = set()
    enums: dict[str, set[str]] = {}
    _expected(Account, "", expected_fields, enums)
    seen_fields: set[str] = set()
    seen_values: dict[str, set[Any]] = {}
    accounts: list[Account] = []
    with_classification = []

    files = sorted((HERE / config.accounts).glob("*.yaml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        if not text.startswith(HEADER):
            problems.append(f"{path.name}: first line must be {HEADER.strip()!r}")
        data = parse(text).data
        if f"{data.get('id')}.yaml" != path.name:
            problems.append(f"{path.name}: id {data.get('id')!r} does not match the file name")
        for error in validator.iter_errors(data):
            problems.append(f"{path.name}: schema: {list(error.path)}: {error.message}")
        accounts.append(Account.model_validate(data))
        if "classification" in data:
            with_classification.append(path.name)
        _seen(data, "", seen_fields, seen_values)

    free = set(FREE_FORM)
    for field in sorted(expected_fields):
        if field not in seen_fields:
            problems.append(f"field never used: {field}")
    for field, members in sorted(enums.items()):
        used = {str(v) for path, vs in seen_values.items() if _under(path, field) for v in vs}
        missing = members - used
        if missing:
            problems.append(f"{field}: values never used: {sorted(missing)}")
    stances = seen_values.get("stakeholders.stance", set())
    if set(range(-3, 4)) - stances:
        problems.append(f"stances never used: {sorted(set(range(-3, 4)) - stances)}")
    if len(with_classification) > 1:
        problems.append(f"classification in more than one file: {with_classification}")
    for field in sorted(seen_fields):
        if not any(field == f or field.startswith(f + ".") for f in expected_fields | free):
            problems.append(f"unexpected field: {field}")

    problems.extend(_check_csv(HERE / "customers.csv", accounts, config.fiscal_year))
    _report(accounts, config)
    for problem in problems:
        print("PROBLEM:", problem)
    print(f"{len(files)} files, {len(problems)} problems")
    return 1 if problems else 0


def _csv_number(text: str) -> float:
    return float(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))


def _check_csv(path: Path, accounts: list[Account], year: int | None) -> list[str]:
    raw = path.read_bytes()
    problems = []
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("customers.csv: no UTF-8 byte-order mark")
    text = raw.decode("utf-8-sig")
    lines = text.split("\r\n")
    if lines[-1] != "" or any("\n" in line for line in lines):
        problems.append("customers.csv: line ends must all be CRLF")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    if lines[0] != "id;name;revenue;margin":
        problems.append(f"customers.csv: header is {lines[0]!r}")
    ids = [row["id"] for row in rows]
    if len(rows) < 220 or len(set(ids)) != len(ids):
        problems.append(f"customers.csv: {len(rows)} rows, {len(set(ids))} unique ids")
    by_id = {row["id"]: row for row in rows}
    for account in accounts:
        row = by_id.get(account.id)
        figures = account.latest_financials(year)
        if row is None or figures is None:
            problems.append(f"customers.csv: key account {account.id} missing")
            continue
        got = (row["name"], _csv_number(row["revenue"]), _csv_number(row["margin"]))
        if got != (account.name, figures.revenue, figures.gross_margin):
            problems.append(f"customers.csv: {account.id} is {got}, the account file says otherwise")
    margins = [_csv_number(row["margin"]) for row in rows]
    revenues = [_csv_number(row["revenue"]) for row in rows]
    if not any(m < 0 for m in margins) or not any(m == 0 for m in margins):
        problems.append("customers.csv: needs negative and zero margins")
    if len(set(revenues)) == len(revenues):
        problems.append("customers.csv: needs an exact tie in revenue")
    if not any("\u00a0" in row["revenue"] for row in rows) or not any(" " in row["revenue"] for row in rows):
        problems.append("customers.csv: needs both space and no-break-space thousands separators")
    return problems


def _under(path: str, field: str) -> bool:
    if path == field:
        return True
    return field in FREE_FORM and path.startswith(field + ".")


def _axis(scores: dict[str, float], weights: dict[str, float]) -> float | None:
    if any(criterion not in scores for criterion in weights):
        return None
    return sum(weights[c] * scores[c] for c in weights) / sum(weights.values())


def _report(accounts: list[Account], config: Any) -> None:
    year = config.fiscal_year
    revenues = {}
    for account in accounts:
        row = account.latest_financials(year)
        revenues[account.id] = row.revenue if row and row.revenue is not None else 0.0
    total = sum(revenues.values())
    kaism = config.kaism
    print(f"{'id':28} {'stage':16} {'profile':7} {'CA':>6} {'OS':>6}  quadrant          revenue  share")
    for account in accounts:
        scores = account.kaism
        ca = _axis(scores.customer_attractiveness, kaism.customer_attractiveness) if scores else None
        os_ = _axis(scores.our_strength, kaism.our_strength) if scores else None
        if ca is None or os_ is None:
            quadrant = "unclassified"
        else:
            high_ca, high_os = ca >= kaism.threshold, os_ >= kaism.threshold
            quadrant = {
                (True, False): "key_development",
                (True, True): "key",
                (False, True): "maintenance",
                (False, False): "opportunistic",
            }[(high_ca, high_os)]
        print(
            f"{account.id:28} {account.stage.value if account.stage else '-':16} {account.profile.value:7} "
            f"{_fmt(ca):>6} {_fmt(os_):>6}  {quadrant:16} {revenues[account.id]:>11,.0f} "
            f"{100 * revenues[account.id] / total:6.2f}"
        )
    print(f"{'total':28} {'':16} {'':7} {'':>6} {'':>6}  {'':16} {total:>11,.0f}")


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    sys.exit(main())
