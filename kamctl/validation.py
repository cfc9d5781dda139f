"""Validate parsed data against the model and turn Pydantic's errors into
located diagnostics with messages written for people, not for programmers."""

from __future__ import annotations

import difflib
import string
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, Severity, field_path
from .i18n import N_, Message
from .types import ERRORS
from .yamlsource import Document

# Each message is data (kamctl.i18n.Message) until a reporter shows it in the
# run's language; its English is the Diagnostic's ``message``.
_EXPECTED = {
    "int_type": N_("must be a whole number (got {got})"),
    "int_from_float": N_("must be a whole number (got {got})"),
    "float_type": N_("must be a number (got {got})"),
    "bool_type": N_("must be true or false (got {got})"),
    "string_type": N_("must be text (got {got})"),
    "list_type": N_("must be a list (items starting with '- ') (got {got})"),
    "dict_type": N_("must be a mapping of 'key: value' lines (got {got})"),
    "model_type": N_("must be a mapping of 'key: value' lines (got {got})"),
    "model_attributes_type": N_("must be a mapping of 'key: value' lines (got {got})"),
}
_NUMBER_HINT = N_("{problem}; write numbers without spaces or quotes, e.g. 12500000 or 0.5")


MAX_ERRORS = 100
"""Errors reported per file; the rest are counted in one "… and N more" line.
Nobody reads 40,000 messages, and describing one costs ~0.5 ms (the
did-you-mean search), so the cap keeps a file of 10,000 errors well under a
second (bench: tests/test_error_scaling.py)."""


def validate(model: type[BaseModel], doc: Document, path: str) -> tuple[Any, list[Diagnostic]]:
    """The model instance (or None) and the diagnostics for ``doc``."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    # Locating is cheap (an index per long mapping), so every error is placed
    # and the first MAX_ERRORS in file order are described.
    placed = sorted(
        ((*doc.locate(tuple(e["loc"]), key=e["type"] == "extra_forbidden"), i) for i, e in enumerate(errors)),
    )
    diags = [to_diagnostic(model, doc, path, errors[i], (line, col)) for line, col, i in placed[:MAX_ERRORS]]
    diags.sort(key=Diagnostic.sort_key)
    if len(placed) > MAX_ERRORS:
        line, col, _ = placed[MAX_ERRORS]
        more = Message.of(
            N_("… and {n} more errors in this file (the first {max} are shown)"),
            n=len(placed) - MAX_ERRORS,
            max=MAX_ERRORS,
        )
        diags.append(
            Diagnostic(
                path=path,
                line=line,
                column=col,
                severity=Severity.error,
                code="schema",
                message=str(more),
                source=doc.source_line(line),
                text_data=more,
            )
        )
    return None, diags


def to_diagnostic(
    model: type[BaseModel], doc: Document, path: str, err: Any, at: tuple[int, int] | None = None
) -> Diagnostic:
    loc = tuple(err["loc"])
    kind = err["type"]
    message = describe_message(model, err)
    # An unknown key is pointed at the key itself; everything else at the value.
    line, col = at or doc.locate(loc, key=kind == "extra_forbidden")
    return Diagnostic(
        path=path,
        line=line,
        column=col,
        severity=Severity.error,
        code="schema",
        message=str(message),
        field=field_path(loc) or None,
        source=doc.source_line(line),
        text_data=message,
    )


def describe(model: type[BaseModel], err: Any) -> str:
    """A plain-language message for one Pydantic error dict, in English."""
    return str(describe_message(model, err))


def describe_message(model: type[BaseModel], err: Any) -> Message:
    """:func:`describe` as data, for a reporter to show in the run's language."""
    kind = err["type"]
    loc = tuple(err["loc"])
    got = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        known = known_keys(model, loc[:-1])
        hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        if hint:
            return Message.of(N_("unknown key {key!r}; did you mean {hint!r}?"), key=key, hint=hint[0])
        return Message.of(
            N_("unknown key {key!r}; expected one of: {known}"), key=key, known=", ".join(sorted(known))
        )
    if kind == "missing":
        return Message.of(N_("required key {key!r} is missing"), key=str(loc[-1]))
    if kind in ("enum", "literal_error"):
        return Message.of(N_("must be one of {expected} (got {got})"), expected=_choices(ctx), got=_show(got))
    if kind in _EXPECTED:
        msg = Message.of(_EXPECTED[kind], got=_show(got))
        if kind in ("float_type", "int_type") and isinstance(got, str) and any(c.isdigit() for c in got):
            msg = Message.of(_NUMBER_HINT, problem=msg)
        return msg
    if kind in ERRORS and set(ctx) == {
        name for _, name, _, _ in string.Formatter().parse(ERRORS[kind]) if name
    }:
        return Message.of(
            ERRORS[kind], **{k: v if isinstance(v, Message) else str(v) for k, v in ctx.items()}
        )
    if kind in ("value_error", "assertion_error"):
        # Our own validators' text, without Pydantic's "Value error, " prefix.
        error = ctx.get("error")
        if error is not None and str(error):
            return _verbatim(str(error))
    return _verbatim(str(err["msg"]))


def _verbatim(text: str) -> Message:
    # A text that is not kamctl's own message (Pydantic's, or a validator's not
    # yet in the catalogue): shown as it is in every language.
    return Message.of("{text}", text=text)


def _choices(ctx: Any) -> str | Message:
    """Pydantic's ``'a', 'b' or 'c'`` with the language's "or"."""
    expected = str(ctx.get("expected", ""))
    head, sep, last = expected.rpartition(" or ")
    if not sep:
        return expected
    return Message.of(N_("{choices} or {last}"), choices=head, last=last)


def _show(value: Any) -> str | Message:
    if isinstance(value, (dict, list)):
        return Message.of(N_("a mapping")) if isinstance(value, dict) else Message.of(N_("a list"))
    if value is None:
        return Message.of(N_("nothing"))
    text = (
        repr(value)
        if isinstance(value, str)
        else str(value).lower()
        if isinstance(value, bool)
        else str(value)
    )
    return text if len(text) <= 60 else text[:57] + "..."


def known_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model found at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap_model(current)
    if current is None:
        return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _step(tp: Any, part: Any) -> Any:
    tp = _strip(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for name, f in tp.model_fields.items():
            if part in (name, f.alias):
                return f.annotation
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (list, tuple) and args and isinstance(part, int):
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _strip(tp: Any) -> Any:
    """Remove Annotated[...] and Optional[...] wrappers."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp


def _unwrap_model(tp: Any) -> type[BaseModel] | None:
    tp = _strip(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None
