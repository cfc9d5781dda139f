"""Validate parsed data against the model and turn Pydantic's errors into
located diagnostics with messages written for people, not for programmers."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, Severity, field_path
from .yamlsource import Document

_EXPECTED = {
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "bool_type": "must be true or false",
    "string_type": "must be text",
    "list_type": "must be a list (items starting with '- ')",
    "dict_type": "must be a mapping of 'key: value' lines",
    "model_type": "must be a mapping of 'key: value' lines",
    "model_attributes_type": "must be a mapping of 'key: value' lines",
}


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
        diags.append(
            Diagnostic(
                path=path,
                line=line,
                column=col,
                severity=Severity.error,
                code="schema",
                message=f"… and {len(placed) - MAX_ERRORS:,} more errors in this file (the first {MAX_ERRORS} are shown)",
                source=doc.source_line(line),
            )
        )
    return None, diags


def to_diagnostic(
    model: type[BaseModel], doc: Document, path: str, err: Any, at: tuple[int, int] | None = None
) -> Diagnostic:
    loc = tuple(err["loc"])
    kind = err["type"]
    message = describe(model, err)
    # An unknown key is pointed at the key itself; everything else at the value.
    line, col = at or doc.locate(loc, key=kind == "extra_forbidden")
    return Diagnostic(
        path=path,
        line=line,
        column=col,
        severity=Severity.error,
        code="schema",
        message=message,
        field=field_path(loc) or None,
        source=doc.source_line(line),
    )


def describe(model: type[BaseModel], err: Any) -> str:
    """A plain-language message for one Pydantic error dict."""
    kind = err["type"]
    loc = tuple(err["loc"])
    got = err.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        known = known_keys(model, loc[:-1])
        hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        if hint:
            return f"unknown key {key!r}; did you mean {hint[0]!r}?"
        return f"unknown key {key!r}; expected one of: {', '.join(sorted(known))}"
    if kind == "missing":
        return f"required key {str(loc[-1])!r} is missing"
    if kind in ("enum", "literal_error"):
        expected = err.get("ctx", {}).get("expected", "")
        return f"must be one of {expected} (got {_show(got)})"
    if kind in _EXPECTED:
        msg = f"{_EXPECTED[kind]} (got {_show(got)})"
        if kind in ("float_type", "int_type") and isinstance(got, str) and any(c.isdigit() for c in got):
            msg += "; write numbers without spaces or quotes, e.g. 12500000 or 0.5"
        return msg
    if kind in ("value_error", "assertion_error"):
        # Our own validators' text, without Pydantic's "Value error, " prefix.
        error = err.get("ctx", {}).get("error")
        if error is not None and str(error):
            return str(error)
    return str(err["msg"])


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "nothing"
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
