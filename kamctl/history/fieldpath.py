"""One value of an account followed through time (``kamctl log ACCOUNT --field PATH``).

A path names a value the way the change messages do: ``kam``,
``stakeholders[Randi Kvam].stance``, ``stakeholders.Randi Kvam.stance``,
``goals.tactical[0].target``, ``financials[2025].revenue``. List items are
matched by their stable key (a person's or opportunity's ``name``, an
action's text, a goal's text, a risk's description, a year), never by
position: a position (``[0]``) is read once, at the newest version, and turned
into that item's key, so reordering the list later does not switch items.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from ..account import Account

KEY_FIELDS = ("name", "action", "goal", "description", "criterion", "year")
"""The field that names a list item, in the order they are looked for."""

Json: TypeAlias = bool | int | float | str | list["Json"] | dict[str, "Json"] | None


class FieldPathError(ValueError):
    """The path is malformed or names nothing; the message says where."""


class Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING = Missing()
"""The value is not there (the field is absent, or the item or account does not exist)."""


@dataclass(frozen=True)
class Segment:
    text: str
    bracketed: bool
    """Written ``[text]``: a list item (by key or position), dots allowed inside."""
    keyed: bool = False
    """Pinned to a list item's key (see :func:`pin`)."""


def parse(path: str) -> list[Segment]:
    """``a.b[c d].e`` → segments; a malformed path is a FieldPathError naming the column."""
    out: list[Segment] = []
    i, n = 0, len(path)
    current = ""
    start = 0
    while i < n:
        ch = path[i]
        if ch == "[":
            if current:
                out.append(Segment(current, False))
                current = ""
            close = path.find("]", i + 1)
            if close < 0:
                raise FieldPathError(f"{path!r}: '[' at column {i + 1} is not closed")
            inner = path[i + 1 : close].strip()
            if not inner:
                raise FieldPathError(f"{path!r}: empty [] at column {i + 1}")
            out.append(Segment(inner, True))
            i = close + 1
            if i < n and path[i] == ".":
                i += 1
            start = i
            continue
        if ch == ".":
            if not current:
                raise FieldPathError(f"{path!r}: empty name at column {start + 1}")
            out.append(Segment(current, False))
            current = ""
            i += 1
            start = i
            continue
        if ch == "]":
            raise FieldPathError(f"{path!r}: ']' at column {i + 1} without '['")
        current += ch
        i += 1
    if current:
        out.append(Segment(current, False))
    elif not out or path.endswith("."):
        raise FieldPathError(f"{path!r}: empty name at column {n + 1}")
    if out[0].bracketed or out[0].text not in Account.model_fields:
        raise FieldPathError(
            f"{path!r}: an account has no field {out[0].text!r} "
            f"(fields: {', '.join(sorted(Account.model_fields))})"
        )
    return out


def show(segments: list[Segment]) -> str:
    """The path as the change messages write it: list items in brackets."""
    text = ""
    for s in segments:
        if s.bracketed or s.keyed:
            text += f"[{s.text}]"
        else:
            text += ("." if text else "") + s.text
    return text


def data(account: Account | None) -> Json:
    if account is None:
        return None
    dumped: Json = account.model_dump(mode="json", by_alias=True, exclude_none=True)
    return dumped


def _key(item: Json) -> str | None:
    if isinstance(item, dict):
        for k in KEY_FIELDS:
            if k in item:
                return str(item[k])
    return None


def _step(value: Json | Missing, seg: Segment) -> Json | Missing:
    if isinstance(value, dict):
        return value.get(seg.text, MISSING)
    if isinstance(value, list):
        for item in value:
            if _key(item) == seg.text:
                return item
        return MISSING
    return MISSING


def value_at(account: Account | None, segments: list[Segment]) -> Json | Missing:
    """The value the pinned path names in ``account`` (MISSING when it is not there)."""
    if account is None:
        return MISSING
    value: Json | Missing = data(account)
    for seg in segments:
        value = _step(value, seg)
        if isinstance(value, Missing):
            return MISSING
    return value


def pin(segments: list[Segment], newest: Account | None) -> list[Segment]:
    """Positions turned into the keys of the items at those positions in ``newest``.

    A segment that names an item's key stays as it is; so does one on a
    mapping. A position past the end of the list, or on a list whose items
    have no key, is a FieldPathError."""
    out: list[Segment] = []
    value: Json | Missing = data(newest) if newest is not None else MISSING
    for seg in segments:
        if isinstance(value, list):
            keys = [_key(item) for item in value]
            if seg.text in keys:
                out.append(Segment(seg.text, True, keyed=True))
                value = value[keys.index(seg.text)]
                continue
            if seg.text.lstrip("-").isdigit():
                pos = int(seg.text)
                if not -len(value) <= pos < len(value):
                    raise FieldPathError(
                        f"{show(out)} has {len(value)} item(s) in the newest version; [{pos}] is not one of them"
                    )
                key = keys[pos]
                if key is None:
                    raise FieldPathError(f"the items of {show(out)} have no name to follow them by")
                out.append(Segment(key, True, keyed=True))
                value = value[pos]
                continue
            # not in the newest version: follow the key as written (it may be in older ones)
            out.append(Segment(seg.text, True, keyed=True))
            value = MISSING
            continue
        if (
            seg.bracketed
            and isinstance(value, dict)
            and value
            and seg.text not in value
            and all(isinstance(v, list) for v in value.values())
        ):
            # goals[0], goals[Win the boxes]: over the horizons in file order
            # (strategic, tactical, operational), pinned to the horizon it is in.
            flat = [
                (group, item) for group, items in value.items() if isinstance(items, list) for item in items
            ]
            keys = [_key(item) for _, item in flat]
            if seg.text in keys:
                at = keys.index(seg.text)
            elif seg.text.lstrip("-").isdigit() and -len(flat) <= int(seg.text) < len(flat):
                at = int(seg.text) % len(flat)
            else:
                raise FieldPathError(
                    f"{show(out)} has no item {seg.text!r} in the newest version ({len(flat)} item(s) "
                    f"in {', '.join(value)})"
                )
            group, item = flat[at]
            key = keys[at]
            if key is None:
                raise FieldPathError(f"the items of {show(out)}.{group} have no name to follow them by")
            out += [Segment(group, False), Segment(key, True, keyed=True)]
            value = item
            continue
        if seg.bracketed and isinstance(value, dict) and seg.text.lstrip("-").isdigit():
            names = ", ".join(sorted(value)) or "none"
            raise FieldPathError(
                f"{show(out)} is not a list but has fields ({names}); write e.g. {show(out)}.{next(iter(sorted(value)), 'x')}"
            )
        out.append(Segment(seg.text, seg.bracketed))
        value = _step(value, seg)
    return out
