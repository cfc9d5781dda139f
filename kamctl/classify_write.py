"""``kamctl classify --write``: store the computed classification in each account file.

The file is the team's document, so the write must be invisible everywhere
but the ``classification`` block: comments, key order, quoting, indentation,
line ends and a byte-order mark all stay. ruamel.yaml's round-trip mode does
the editing; before it is trusted with a file we check that it reproduces the
file byte for byte, trying the indentation styles people use. A file it would
reformat is not written (the message says so) rather than reformatted.

After editing, the new text is parsed again by kamctl's own loader and must
hold exactly the old data plus the new block, or nothing is written. The
write itself is atomic and refuses a file that changed since it was read or
is a symlink (:func:`kamctl.writeback.atomic_write_text`). A second run finds
every block up to date and writes nothing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .i18n import Messages

if TYPE_CHECKING:
    from .account import Account
    from .kaism import KaismResult

BLOCK_KEYS = ("quadrant", "tier", "priority", "customer_attractiveness", "our_strength", "abc")
"""Order of the keys in a new block (the order of the Classification model)."""

KAISM_KEYS = BLOCK_KEYS[:5]
"""The keys an account's own scores decide (``abc`` depends on the whole portfolio)."""

MESSAGES: Messages = {
    "written": {
        "en": "classification written to {written} file(s), {unchanged} already up to date",
        "nb": "klassifisering skrevet i {written} fil(er), {unchanged} allerede oppdatert",
    },
    "checked": {
        "en": "{stale} file(s) would be changed by --write, {unchanged} up to date",
        "nb": "{stale} fil(er) ville blitt endret av --write, {unchanged} er oppdatert",
    },
    "not_written": {"en": ", {n} not written", "nb": ", {n} ikke skrevet"},
    "not_checked": {"en": ", {n} cannot be written", "nb": ", {n} kan ikke skrives"},
    "stale": {
        "en": "classification block out of date ({changes}); run `kamctl classify --write`",
        "nb": "klassifiseringsblokken er utdatert ({changes}); kjør `kamctl classify --write`",
    },
    "missing": {
        "en": "no classification block; `kamctl classify --write` adds one",
        "nb": "ingen klassifiseringsblokk; `kamctl classify --write` legger den til",
    },
    "error": {"en": "error", "nb": "feil"},
}


def kaism_block(result: KaismResult, threshold: float) -> dict[str, Any]:
    """The KAISM part of the block: quadrant, tier, priority and the two axis
    scores as shown (nothing when the account cannot be classified)."""
    from .kaism import shown_score

    if result.quadrant is None:
        return {}
    block: dict[str, Any] = {"quadrant": result.quadrant, "tier": result.tier, "priority": result.priority}
    for key, value in (("customer_attractiveness", result.attractiveness), ("our_strength", result.strength)):
        if value is not None:
            block[key] = shown_score(value, threshold)
    return block


def shown(value: object) -> str:
    """A block value as it reads in the file (``–`` for none)."""
    return "–" if value is None else str(value)


def block_changes(current: dict[str, Any] | None, wanted: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(key, in the file, computed) for each key of the block that differs, in block order."""
    have = current or {}
    return [(k, have.get(k), wanted.get(k)) for k in BLOCK_KEYS if have.get(k) != wanted.get(k)]


# (mapping, sequence, offset): 2/4/2 is kamctl's own style (``new`` and the
# examples); the others are what editors and other tools commonly write.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 2, 2), (3, 3, 1))


class CannotWrite(Exception):
    """The file is left as it is; the message says why."""


@dataclass
class WriteOutcome:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def _yaml(mapping: int, sequence: int, offset: int) -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def _dump(y: Any, data: Any) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def _round_tripper(text: str) -> tuple[Any, Any]:
    """(YAML instance, data) for an indentation style that reproduces ``text`` exactly."""
    from ruamel.yaml.error import YAMLError

    for style in _INDENTS:
        y = _yaml(*style)
        try:
            data = y.load(text)
        except YAMLError as exc:
            raise CannotWrite(f"ruamel.yaml cannot read the file: {exc}") from None
        except ValueError as exc:
            # ruamel.yaml resolves YAML 1.1 timestamps: `notes: 2025-02-30` is
            # valid YAML 1.2 text (validate accepts it), but an impossible date
            # to ruamel, which raised out of the whole run (repro 24).
            raise CannotWrite(_impossible_date(text, exc)) from None
        if _dump(y, data) == text:
            return y, data
    raise CannotWrite(
        "ruamel.yaml would change the file's layout beyond the classification block "
        "(unusual indentation or flow style); not written — add the block by hand"
    )


_DATE_LIKE = re.compile(r"^[^#]*?:[ \t]+(\d{4}-\d{1,2}-\d{1,2})[ \t]*(?:#.*)?$")


def _impossible_date(text: str, exc: ValueError) -> str:
    """Why ruamel.yaml could not read ``text``: the line of the date-like text it choked on."""
    import datetime as _dt

    for number, line in enumerate(text.split("\n"), 1):
        m = _DATE_LIKE.match(line)
        if m is None:
            continue
        try:
            _dt.date(*(int(part) for part in m.group(1).split("-")))
        except ValueError:
            value = m.group(1)
            return (
                f"line {number}: ruamel.yaml, which does the writing, reads {value} as a date and there is "
                f"no such date; quote it ('{value}') to keep it as text; not written"
            )
    return f"ruamel.yaml cannot read a value of the file ({exc}); not written"


def _insert_position(data: Any) -> int:
    """Right after the last key that comes before ``classification`` in the model's order."""
    from .account import Account

    order = list(Account.model_fields)
    before = set(order[: order.index("classification")])
    keys = list(data.keys())
    last = max((i for i, k in enumerate(keys) if k in before), default=len(keys) - 1)
    return last + 1


# ruamel.yaml keeps the blank lines and full-line comments that follow the last
# value of a block with that value (its "post" comment), not with the key they
# precede. Adding a key after that value would put them above the new key:
# ``tier: x`` / blank / ``priority: 1`` (repro 10), or a skeleton's
# ``# Our account team`` above the new ``classification:`` instead of above
# ``team:``. The helpers below move those lines to the new last value.


def _last_slot(node: Any) -> tuple[Any, Any, int] | None:
    """(ruamel comment items, key, index) of the comment after ``node``'s last value."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while True:
        if isinstance(node, CommentedMap) and len(node):
            key: Any = list(node.keys())[-1]
            index = 2
        elif isinstance(node, CommentedSeq) and len(node):
            key, index = len(node) - 1, 0
        else:
            return None
        child = node[key]
        if isinstance(child, (CommentedMap, CommentedSeq)) and len(child) and not child.fa.flow_style():
            node = child
            continue
        return node.ca.items, key, index


def _split_token(items: Any, key: Any, index: int) -> str:
    """Cut the lines after the first from the comment token; return them."""
    entry = items.get(key)
    token = entry[index] if entry and len(entry) > index else None
    if token is None:
        return ""
    value = token.value
    eol = value.find("\n")
    if eol < 0 or eol == len(value) - 1:
        return ""
    token.value = value[: eol + 1]
    return str(value[eol + 1 :])


def _take_tail(node: Any) -> str:
    """Remove and return the lines that follow ``node``'s last value (its own line end stays)."""
    slot = _last_slot(node)
    return _split_token(*slot) if slot else ""


def _take_key_tail(data: Any, key: str) -> str:
    """The same for a key whose value is empty or flow style (the comment sits at the key)."""
    value = data.get(key)
    slot = _last_slot(value) if value is not None else None
    return _split_token(*slot) if slot else _split_token(data.ca.items, key, 2)


def _put_tail(node: Any, rest: str) -> None:
    """Append ``rest`` (from :func:`_take_tail`) after ``node``'s last value."""
    slot = _last_slot(node)
    if rest and slot is not None:
        _put_tail_at(slot, rest)


def _delete_block(data: Any) -> None:
    """Remove ``classification``; the lines after it go to the section before it."""
    keys = list(data.keys())
    i = keys.index("classification")
    rest = _take_key_tail(data, "classification")
    del data["classification"]
    if i == 0 or not rest:
        return
    slot = _last_slot(data[keys[i - 1]]) or (data.ca.items, keys[i - 1], 2)
    before = _split_token(*slot)
    # The blank line that separated the previous section from the block is
    # already in ``rest``; keep only one of them.
    _put_tail_at(slot, rest if not before.strip("\n") else before + rest)


def _put_tail_at(slot: tuple[Any, Any, int], rest: str) -> None:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    items, key, index = slot
    entry = items.setdefault(key, [None, None, None, None])
    if entry[index] is None:
        entry[index] = CommentToken("\n" + rest, CommentMark(0), None)
    else:
        entry[index].value = entry[index].value + rest


def _keep_comment_gap(y: Any, block: Any, key: str, value: object, lines: list[str]) -> None:
    """A comment after a changed value keeps its column, or its distance when the value grows.

    ruamel.yaml keeps the column and falls back to one space: ``key  # old``
    became ``key_development # old`` (repro 10).
    """
    from ruamel.yaml.error import CommentMark

    entry = block.ca.items.get(key)
    token = entry[2] if entry and len(entry) > 2 else None
    pos = block.lc.data.get(key)
    if token is None or pos is None or not token.value.startswith("#"):
        return
    line, col = pos[2], pos[3]
    if line >= len(lines) or token.column <= col:
        return
    old_value = lines[line][col : token.column].rstrip(" ")
    gap = token.column - col - len(old_value)
    new_value = _dump(y, {key: value}).split(": ", 1)[1].rstrip("\n")
    token.start_mark = CommentMark(max(token.column, col + len(new_value) + gap))


def update_text(text: str, block: dict[str, Any]) -> str:
    """``text`` with its classification block set to ``block`` (removed when empty).

    Returns ``text`` itself when the block is already up to date.
    """
    from ruamel.yaml.comments import CommentedMap

    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    crlf = "\r\n" in body
    if crlf:
        if body.count("\r\n") != body.count("\n"):
            raise CannotWrite("the file mixes CRLF and LF line ends; not written")
        body = body.replace("\r\n", "\n")
    y, data = _round_tripper(body)
    if not isinstance(data, CommentedMap):
        raise CannotWrite("the file is not a mapping")
    current = data.get("classification")
    wanted = {k: block[k] for k in BLOCK_KEYS if k in block}
    if isinstance(current, dict) and dict(current) == wanted:
        return text
    if current is None and not wanted:
        return text
    if not wanted:
        _delete_block(data)
    elif isinstance(current, CommentedMap) and current:
        # Edit in place: comments inside the block and the user's key order stay.
        rest = _take_tail(current)
        lines = body.split("\n")
        for k in [k for k in current if k not in wanted]:
            del current[k]
        for k, v in wanted.items():
            if current.get(k) != v:
                _keep_comment_gap(y, current, k, v, lines)
                current[k] = v
        _put_tail(current, rest)
    else:
        new = CommentedMap(wanted.items())
        if "classification" in data:
            # ``classification:`` with no value (or ``{}``): what followed it
            # belongs after the new block.
            rest = _take_key_tail(data, "classification")
            data["classification"] = new
        else:
            pos = _insert_position(data)
            # The comment lines and blank lines after the previous section belong
            # to the key after it; they move below the new block.
            rest = _take_tail(data[list(data.keys())[pos - 1]]) if pos > 0 else ""
            data.insert(pos, "classification", new)
            # A blank line before the new block, as between the file's other sections.
            data.yaml_set_comment_before_after_key("classification", before="\n")
        _put_tail(new, rest)
    out = _dump(y, data)
    if crlf:
        out = out.replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + out


def _same_data_but_block(old_text: str, new_text: str, block: dict[str, Any]) -> None:
    """Parse both texts with kamctl's loader: only the classification may differ."""
    from .yamlsource import parse

    old = dict(parse(old_text.lstrip("\ufeff")).data)
    new = dict(parse(new_text.lstrip("\ufeff")).data)
    old.pop("classification", None)
    got = new.pop("classification", None) or {}
    if old != new or dict(got) != {k: block[k] for k in BLOCK_KEYS if k in block}:
        raise CannotWrite("the edited file would not hold the same data; not written (please report this)")


def _planned(path: Path, block: dict[str, Any], account: Account | None) -> tuple[bytes, str, str]:
    """(bytes on disk, their text, the text with ``block``); refuses what cannot be written."""
    from .yamlsource import YamlProblem, decode, parse

    if path.is_symlink():
        raise CannotWrite("is a symlink; not written through")
    raw = path.read_bytes()
    try:
        text = decode(raw)
    except YamlProblem as exc:
        raise CannotWrite(exc.message) from None
    # decode() drops a BOM; keep it for the write.
    if raw.startswith(b"\xef\xbb\xbf") and not text.startswith("\ufeff"):
        text = "\ufeff" + text
    if account is not None:
        from pydantic import ValidationError

        from .account import Account

        try:
            now = Account.model_validate(parse(text.lstrip("\ufeff")).data)
        except (YamlProblem, ValidationError):
            raise CannotWrite("changed on disk since it was read (no longer valid); run again") from None
        if now.model_dump(exclude={"classification"}) != account.model_dump(exclude={"classification"}):
            raise CannotWrite("changed on disk since it was read; run again")
    new_text = update_text(text, block)
    if new_text != text:
        _same_data_but_block(text, new_text, block)
    return raw, text, new_text


def write_one(path: str | Path, block: dict[str, Any], account: Account | None = None) -> bool:
    """Write ``block`` into the file at ``path``; True when the file changed.

    With ``account`` (the model the block was computed from), refuse when the
    file on disk no longer holds that account: it was edited since it was analysed.
    """
    from .writeback import atomic_write_text

    p = Path(path)
    raw, text, new_text = _planned(p, block, account)
    if new_text == text:
        return False
    atomic_write_text(p, new_text, expect=raw)
    return True


def would_change(path: str | Path, block: dict[str, Any], account: Account | None = None) -> bool:
    """True when :func:`write_one` would change the file (``classify --check``); writes nothing."""
    _, text, new_text = _planned(Path(path), block, account)
    return new_text != text


def write_classifications(
    items: Sequence[tuple[str, dict[str, Any]] | tuple[str, dict[str, Any], Account]],
    *,
    check: bool = False,
) -> WriteOutcome:
    """Write each ``(path, block[, account])``; one file's problem never stops the others.

    With ``check``, nothing is written: ``written`` lists the files a write would change.
    """
    from .writeback import WriteRefused

    outcome = WriteOutcome()
    for item in items:
        path, block = item[0], item[1]
        account = item[2] if len(item) > 2 else None
        try:
            changed = (would_change if check else write_one)(path, block, account)
        except (CannotWrite, WriteRefused) as exc:
            outcome.refused.append((path, str(exc)))
            continue
        except OSError as exc:
            outcome.refused.append((path, f"cannot write: {exc.strerror or exc}"))
            continue
        (outcome.written if changed else outcome.unchanged).append(path)
    return outcome
