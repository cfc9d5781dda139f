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

if TYPE_CHECKING:
    from .account import Account

BLOCK_KEYS = ("quadrant", "tier", "priority", "customer_attractiveness", "our_strength", "abc")
"""Order of the keys in a new block (the order of the Classification model)."""

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
        del data["classification"]
    elif isinstance(current, dict) and current:
        # Edit in place: comments inside the block and the user's key order stay.
        for k in [k for k in current if k not in wanted]:
            del current[k]
        for k, v in wanted.items():
            if current.get(k) != v:
                current[k] = v
    else:
        new = CommentedMap(wanted.items())
        if "classification" in data:
            data["classification"] = new
        else:
            data.insert(_insert_position(data), "classification", new)
            # A blank line before the new block, as between the file's other sections.
            data.yaml_set_comment_before_after_key("classification", before="\n")
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


def write_one(path: str | Path, block: dict[str, Any], account: Account | None = None) -> bool:
    """Write ``block`` into the file at ``path``; True when the file changed.

    With ``account`` (the model the block was computed from), refuse when the
    file on disk no longer holds that account: it was edited since it was analysed.
    """
    from .writeback import atomic_write_text
    from .yamlsource import YamlProblem, decode, parse

    p = Path(path)
    if p.is_symlink():
        raise CannotWrite("is a symlink; not written through")
    raw = p.read_bytes()
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
    if new_text == text:
        return False
    _same_data_but_block(text, new_text, block)
    atomic_write_text(p, new_text, expect=raw)
    return True


def write_classifications(
    items: Sequence[tuple[str, dict[str, Any]] | tuple[str, dict[str, Any], Account]],
) -> WriteOutcome:
    """Write each ``(path, block[, account])``; one file's problem never stops the others."""
    from .writeback import WriteRefused

    outcome = WriteOutcome()
    for item in items:
        path, block = item[0], item[1]
        account = item[2] if len(item) > 2 else None
        try:
            changed = write_one(path, block, account)
        except (CannotWrite, WriteRefused) as exc:
            outcome.refused.append((path, str(exc)))
            continue
        except OSError as exc:
            outcome.refused.append((path, f"cannot write: {exc.strerror or exc}"))
            continue
        (outcome.written if changed else outcome.unchanged).append(path)
    return outcome
