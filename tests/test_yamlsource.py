"""The YAML layer: YAML 1.2 meaning, source text kept for text fields, and
every path (libyaml C, pure Python, ruamel round-trip write) giving the same data."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kamctl.account import Account
from kamctl.yamlsource import HAVE_LIBYAML, YamlProblem, parse
from tests.conftest import EXAMPLES, POSITIVE

TRICKY = """\
id: tricky
name: "Tricky: AS"
country: NO
industry: yes
kam: on
org_number: 0123
notes: off
currency: ~
customer:
  sites: [Oslo, 0150, 1.50, 1e3, 0x1F, 0o17, .inf, true, 2026-01-01]
  business: >-
    Folded
    text
joint_planning:
  agreed: true
financials:
  - year: 2025
    revenue: 1e3
"""


def _corpus() -> list[tuple[str, str]]:
    texts = [("tricky", TRICKY)]
    for p in sorted(POSITIVE.glob("*.yaml")) + sorted(EXAMPLES.glob("accounts/*.yaml")):
        texts.append((p.name, p.read_text(encoding="utf-8")))
    return texts


def test_yaml12_core_schema() -> None:
    data = parse(TRICKY).data
    assert data["country"] == "NO"  # YAML 1.1 would say False (the Norway problem)
    assert data["industry"] == "yes"
    assert data["kam"] == "on"
    assert data["notes"] == "off"
    assert data["currency"] is None
    assert data["customer"]["sites"] == ["Oslo", 150, 1.5, 1000.0, 31, 15, float("inf"), True, "2026-01-01"]
    assert data["customer"]["business"] == "Folded text"
    assert parse("a: 1_000\nb: 0b11\nc: 1:20\n").data == {"a": "1_000", "b": "0b11", "c": "1:20"}


def test_text_fields_keep_what_was_written() -> None:
    account = Account.model_validate(parse(TRICKY).data)
    assert account.org_number == "0123"  # a postal code / org number, not 123
    assert account.customer is not None
    assert account.customer.sites == [
        "Oslo",
        "0150",
        "1.50",
        "1e3",
        "0x1F",
        "0o17",
        ".inf",
        "true",
        "2026-01-01",
    ]
    assert account.country == "NO"
    assert account.industry == "yes"
    assert account.financials[0].revenue == 1000.0


def test_null_in_a_text_list_is_an_error_not_dropped() -> None:
    data = parse("id: a\nname: A\ncustomer:\n  sites: [Oslo, null]\n").data
    with pytest.raises(Exception, match="sites"):
        Account.model_validate(data)


def test_quoted_numbers_are_not_numbers() -> None:
    # Strict numbers keep kamctl in agreement with the JSON Schema editors use.
    data = parse('id: a\nname: A\nfinancials:\n  - year: "2025"\n').data
    with pytest.raises(Exception, match="year"):
        Account.model_validate(data)


@pytest.mark.skipif(not HAVE_LIBYAML, reason="PyYAML built without libyaml")
@pytest.mark.parametrize(("name", "text"), _corpus(), ids=[n for n, _ in _corpus()])
def test_c_and_pure_python_paths_agree(name: str, text: str) -> None:
    fast, pure = parse(text), parse(text, pure=True)
    assert fast.data == pure.data
    # Same types too: 1 == 1.0 == True would hide a difference.
    assert _types(fast.data) == _types(pure.data)
    assert Account.model_validate(fast.data) == Account.model_validate(pure.data)


@pytest.mark.parametrize(("name", "text"), _corpus(), ids=[n for n, _ in _corpus()])
def test_round_trip_write_keeps_the_data(name: str, text: str) -> None:
    """What ruamel.yaml writes back (classify --write) reads as the same account."""
    from ruamel.yaml import YAML

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096
    buf = io.StringIO()
    rt.dump(rt.load(text), buf)
    before = Account.model_validate(parse(text).data)
    after = Account.model_validate(parse(buf.getvalue()).data)
    assert before == after


@pytest.mark.skipif(not HAVE_LIBYAML, reason="PyYAML built without libyaml")
@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",
        "a:\n\tb: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: !!python/object:x {}\n",
        "a: [" * 1 + "[" * 80 + "]" * 81 + "\n",
        "a: b: c\n",
    ],
)
def test_c_and_pure_python_paths_agree_on_errors(text: str) -> None:
    with pytest.raises(YamlProblem) as fast:
        parse(text)
    with pytest.raises(YamlProblem) as pure:
        parse(text, pure=True)
    assert (fast.value.line, fast.value.column) == (pure.value.line, pure.value.column)
    assert fast.value.message.split(":")[0] == pure.value.message.split(":")[0]


def test_very_deep_nesting_does_not_crash_the_c_parser() -> None:
    # libyaml's composer recurses per level and would segfault near 100,000.
    text = "- " * 200_000 + "x\n"
    with pytest.raises(YamlProblem, match="nesting deeper than 64 levels"):
        parse(text)
    with pytest.raises(YamlProblem, match="nesting deeper than 64 levels"):
        parse("a: " + "[" * 150_000 + "]" * 150_000)


def test_locate_points_at_values_keys_and_missing_fields() -> None:
    doc = parse("id: x\nstakeholders:\n  - name: A\n  - name: B\n    stance: 5\n")
    assert doc.locate(["stakeholders", 1, "stance"]) == (5, 13)
    assert doc.locate(["stakeholders", 1, "stance"], key=True) == (5, 5)
    # a missing key is reported at the mapping where it belongs
    assert doc.locate(["stakeholders", 1, "role"]) == (4, 5)


def _types(value: object) -> object:
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


def test_positive_files_exist() -> None:
    assert any(Path(POSITIVE).glob("*.yaml"))
