"""Scalar types of the account file.

The loader (:mod:`kamctl.yamlsource`) resolves plain scalars by the YAML 1.2
core schema, so ``no``/``on``/``yes`` are strings and ``0123`` is a number.
The types here decide what a *field* accepts:

* numbers and booleans are strict: ``"5"`` (quoted) is not a number, ``yes`` is
  not a boolean. That keeps ``kamctl validate`` in agreement with the JSON
  Schema an editor checks against.
* text fields take what was written: ``postal_code: 0123`` is the text
  ``"0123"``, not the number 123 (the loader keeps the source text of every
  plain number for exactly this).
* dates are ISO ``YYYY-MM-DD`` text; a number is never read as a timestamp.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, Strict, WithJsonSchema
from pydantic_core import PydanticCustomError

from .i18n import N_, Message

ERRORS: dict[str, str] = {
    "date_type": N_("must be a date written as YYYY-MM-DD (got {got})"),
    "date_invalid": N_("not a valid date: {got} (write an existing date as YYYY-MM-DD)"),
    "not_finite": N_("must be a finite number (got {got})"),
    "too_large": N_("is too large: at most 1e15 in size (got {got})"),
    "too_small": N_("must be 0 or at least 0.01 in size (got {got})"),
    "out_of_range": N_("must be between {lo} and {hi} (got {got})"),
    "negative": N_("must be zero or more (got {got})"),
    "account_id": N_("not a valid id {got}: {why}"),
}
"""The messages of the custom errors below, by error type: the Pydantic error
carries the English, and :func:`kamctl.validation.describe` shows the message
as data from here (``ctx`` holds its arguments)."""


def _error(kind: str, **ctx: object) -> PydanticCustomError:
    return PydanticCustomError(kind, ERRORS[kind], ctx)


class YamlInt(int):
    """An int read from a plain YAML scalar, remembering how it was written."""

    text: str

    def __new__(cls, value: int, text: str) -> YamlInt:
        obj = super().__new__(cls, value)
        obj.text = text
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (YamlInt, (int(self), self.text))


class YamlFloat(float):
    """A float read from a plain YAML scalar, remembering how it was written."""

    text: str

    def __new__(cls, value: float, text: str) -> YamlFloat:
        obj = super().__new__(cls, value)
        obj.text = text
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (YamlFloat, (float(self), self.text))


def _as_text(value: Any) -> Any:
    if isinstance(value, (YamlInt, YamlFloat)):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and type(value) is not str:
        return str(value)
    return value


def _strip_number(value: Any) -> Any:
    # YamlInt/YamlFloat must not leak into models (they pickle and compare fine,
    # but json and equality-by-type in tests should see plain numbers).
    if type(value) is YamlInt:
        return int(value)
    if type(value) is YamlFloat:
        return float(value)
    return value


def _as_date(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise _error("date_type", got=repr(value))
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _error("date_invalid", got=repr(value)) from None


Text = Annotated[
    str,
    BeforeValidator(_as_text),
    # The schema says what kamctl accepts: `org_number: 0123` is valid text, so
    # an editor must not flag it either.
    WithJsonSchema({"type": ["string", "number", "boolean"]}),
]
"""Free text. Numbers and booleans written plainly are kept as their text."""

NUMBER_MAX = 10**15
"""Largest magnitude of any number in an account file (amounts, counts, targets).

A thousand trillion is above any customer's yearly revenue in any currency, and
below 2**53, so every whole amount is still exact as a float. It keeps sums,
shares and the formatting of a whole portfolio finite (``1e308`` validated and
then overflowed every analysis)."""

AMOUNT_MIN = 0.01
"""Smallest amount other than zero: one cent. A share is an amount divided by
another, so a bound on both ends keeps every share of wallet and margin rate
finite (``1e15 / 5e-324`` is infinity)."""


def _finite(value: float) -> float:
    # NaN fails every comparison, so it is caught by the isfinite test first.
    if not isinstance(value, int) and not math.isfinite(value):
        raise _error("not_finite", got=_num(value))
    if abs(value) > NUMBER_MAX:
        raise _error("too_large", got=_num(value))
    return value


def _amount(value: float) -> float:
    if value and abs(value) < AMOUNT_MIN:
        raise _error("too_small", got=_num(value))
    return value


Int = Annotated[int, Strict(), BeforeValidator(_strip_number), AfterValidator(_finite)]
Float = Annotated[float, Strict(), BeforeValidator(_strip_number), AfterValidator(_finite)]
Bool = Annotated[bool, Strict()]
Date = Annotated[_dt.date, BeforeValidator(_as_date), Field(json_schema_extra={"format": "date"})]


def _ranged(lo: float, hi: float) -> Any:
    def check(value: float) -> float:
        if not lo <= value <= hi:
            raise _error("out_of_range", lo=_num(lo), hi=_num(hi), got=_num(value))
        return value

    return AfterValidator(check)


def in_range(lo: float, hi: float) -> Any:
    """The check of :func:`Ranged` alone, for aliases mypy reads as the plain
    type: ``Days = Annotated[Int, in_range(0, 36_600)]``."""
    return _ranged(lo, hi)


def _num(x: float) -> str:
    if isinstance(x, int):
        # An int beyond float range cannot go through float(); a long one is
        # shortened (the source line shows it whole).
        text = str(x)
        return text if len(text) <= 20 else f"{text[:6]}… ({len(text)} digits)"
    if not math.isfinite(x):
        return str(x)
    return str(int(x)) if x.is_integer() and abs(x) < 1e16 else str(x)


def Ranged(base: Any, lo: float, hi: float) -> Any:
    """``base`` limited to ``lo..hi``, with one clear message and schema bounds."""
    # Bounds go to the schema only; the validator gives the one message we want.
    return Annotated[base, _ranged(lo, hi), Field(json_schema_extra={"minimum": lo, "maximum": hi})]


def _non_negative(value: float) -> float:
    if value < 0:
        raise _error("negative", got=_num(value))
    return value


Money = Annotated[
    float,
    Strict(),
    BeforeValidator(_strip_number),
    AfterValidator(_finite),
    AfterValidator(_non_negative),
    AfterValidator(_amount),
    Field(json_schema_extra={"minimum": 0, "maximum": NUMBER_MAX}),
]
"""An amount in the account's currency; never negative (a loss is a margin).
0 or between 0.01 and 10**15."""

SignedMoney = Annotated[
    Float,
    AfterValidator(_amount),
    Field(json_schema_extra={"minimum": -NUMBER_MAX, "maximum": NUMBER_MAX}),
]
"""A margin: may be negative (a loss-making customer); 0 or 0.01..10**15 in size."""

Score = Ranged(Float, 0, 10)
"""A criterion score on the KAISM scale 0–10."""

Percent = Ranged(Float, 0, 100)
Stance = Ranged(Int, -3, 3)
TrustFactor = Ranged(Int, 1, 10)
Year = Ranged(Int, 1900, 2200)


# Ids become file names (kamctl new, kamctl render), so they are restricted to
# what is safe on every file system and in URLs.
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"


def id_problem(value: str) -> str | None:
    """Why ``value`` is not a usable account id (in English), or None when it is."""
    problem = id_problem_message(value)
    return None if problem is None else str(problem)


def id_problem_message(value: str) -> Message | None:
    """:func:`id_problem` as a message, for a reporter to show in any language."""
    if not value:
        return Message.of(N_("must not be empty"))
    if len(value) > 64:
        return Message.of(N_("must be at most 64 characters"))
    if not set(value) <= _ID_CHARS:
        return Message.of(
            N_("may use only lowercase letters a-z, digits, '-' and '_' (it becomes a file name)")
        )
    if value[0] in "-_":
        return Message.of(N_("must start with a letter or digit"))
    if value in _WINDOWS_RESERVED:
        return Message.of(N_("{name!r} is a reserved file name on Windows"), name=value)
    return None


def _check_id(value: str) -> str:
    problem = id_problem_message(value)
    if problem is not None:
        raise _error("account_id", got=repr(value), why=problem)
    return value


AccountId = Annotated[
    str,
    BeforeValidator(_as_text),
    AfterValidator(_check_id),
    Field(json_schema_extra={"pattern": ID_PATTERN}),
]


INTERNAL: dict[str, Any] = {"internal": True}
"""Marks a field as ours alone, left out of the customer's copy (read by
:mod:`kamctl.audience`): ``Field(..., json_schema_extra=INTERNAL)`` on a model
field, ``field(metadata=INTERNAL)`` on a computed fact."""
