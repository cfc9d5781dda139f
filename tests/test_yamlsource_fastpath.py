"""Files without aliases skip the alias-bomb pass; the answer must not change.

``construct(root, aliases=False)`` checks size and depth while building the
data instead of in a pass of its own. For every input here both ways must
give the same data, or the same error at the same place.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, NEGATIVE, POSITIVE

from kamctl.yamlsource import MAX_DEPTH, MAX_NODES, YamlProblem, _CLoader, construct, decode, parse


def _root(text: str):  # type: ignore[no-untyped-def]
    loader = _CLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _outcome(text: str, aliases: bool) -> object:
    try:
        return ("data", construct(_root(text), aliases=aliases))
    except YamlProblem as exc:
        return ("problem", exc.message, exc.line, exc.column)


DEEP = "a: " + "[" * (MAX_DEPTH + 3) + "]" * (MAX_DEPTH + 3) + "\n"
CRAFTED = {
    "duplicate key then too deep": "x: 1\nx: 2\n" + DEEP.replace("a:", "b:"),
    "too deep then duplicate key": DEEP + "x: 1\nx: 2\n",
    "unknown tag then too deep": "t: !!python/name:os.system x\n" + DEEP,
    "list as a key then too deep": "? [1]\n: 2\n" + DEEP,
    "just deep enough": "a: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n",
    "one level too deep": "a: " + "[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH + "\n",
    "yaml 1.2 scalars": "a: no\nb: on\nc: 0123\nd: 1_000\ne: .inf\nf: 0x1F\ng: ~\nh: True\n",
}


def _cases() -> list[tuple[str, str]]:
    cases = list(CRAFTED.items())
    for folder in (POSITIVE, NEGATIVE, EXAMPLES / "accounts"):
        for f in sorted(folder.glob("*.y*ml")):
            try:
                text = decode(f.read_bytes())
            except YamlProblem:
                continue
            if "*" in text:
                continue  # has aliases: always takes the guarded path
            try:
                if _root(text) is None:
                    continue  # empty: parse() reports it before construct
            except Exception:
                continue  # not even a node tree: construct is never reached
            cases.append((f.name, text))
    return cases


@pytest.mark.parametrize(("name", "text"), _cases(), ids=[c[0] for c in _cases()])
def test_both_ways_agree(name: str, text: str) -> None:
    assert _outcome(text, aliases=False) == _outcome(text, aliases=True)


def test_the_error_found_first_by_the_guard_wins() -> None:
    # The guard pass reports the nesting before construction sees the duplicate
    # key. Line 3 is "b: [[[...": the root mapping is depth 0, the k-th '[' is
    # depth k at column 3 + k, so the first one deeper than 64 is at column 68.
    with pytest.raises(YamlProblem) as exc:
        parse(CRAFTED["duplicate key then too deep"])
    assert (exc.value.message, exc.value.line, exc.value.column) == (
        f"nesting deeper than {MAX_DEPTH} levels",
        3,
        68,
    )


def test_too_many_values_without_aliases_is_still_refused() -> None:
    # A flow list of MAX_NODES scalars is MAX_NODES + 1 values with the list itself.
    text = "[" + "1," * MAX_NODES + "]\n"
    assert "*" not in text
    with pytest.raises(YamlProblem, match=r"too many values \(200,001\)"):
        parse(text)
    assert _outcome(text, aliases=False) == _outcome(text, aliases=True)


def test_a_star_that_is_no_alias_reads_as_text() -> None:
    doc = parse('id: x\nname: "5 * 3 AS"\nnotes: a * b\n')
    assert doc.data == {"id": "x", "name": "5 * 3 AS", "notes": "a * b"}
