"""The one number, money, percent and date formatter (nb, en).

Every figure kamctl shows a person — terminal tables, finding messages,
rendered plans and reports — is written here, so 4.125 reads the same
wherever it appears:

========  ==========================  ============================
          nb (bokmål)                 en
========  ==========================  ============================
number    ``1 234 567,5``             ``1,234,567.5``
money     ``−230 000 kr``, ``12 EUR``  ``NOK −230,000``, ``EUR 12``
percent   ``43,1 %``                  ``43.1%``
date      ``22. november 2026``       ``22 November 2026``
========  ==========================  ============================

**One rounding rule: half up on the decimal value** (4.125 → 4,13; 0.005 →
0,01; −4.125 → −4,13, away from zero), as people round by hand. The value is
taken as the shortest decimal that reads back as the same float (``repr``),
then :data:`decimal.ROUND_HALF_UP` applies; Python's ``round`` and ``format``
round half to even on the binary value and print 4.125 as 4.12.

**One money style per language.** nb writes the amount first and the
currency after it (``kr`` for NOK, as Norwegians write it; another currency
by its ISO code); en writes the code first (``NOK −230,000``), as English
financial text does. Both use the minus sign U+2212 (a hyphen may break a
line in print) and never print ``−0``.

**Grouping.** en groups thousands with ``,``; nb with a space (Språkrådet).
In documents that space is U+00A0 (NO-BREAK SPACE, ``space=NBSP``), so an
amount never breaks across lines in print; on a terminal and in messages it
is an ordinary space, which a user can type into ``grep``.

A leaf module: no kamctl imports, so every layer may use it.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NBSP = "\u00a0"
MINUS = "\u2212"
LANGS = ("nb", "en")

_MONTHS = {
    "nb": (
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def _check(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use nb or en")


def to_decimal(value: float | int | Decimal) -> Decimal:
    """The decimal a person reads: 4.125 → Decimal('4.125'), not the binary 4.12499…."""
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    else:
        try:
            d = Decimal(repr(float(value)))
        except (InvalidOperation, ValueError):
            raise ValueError(f"cannot format {value!r} as a number") from None
    if not d.is_finite():  # nan, inf
        raise ValueError(f"cannot format {value!r} as a number")
    return d


def round_half_up(value: float | int | Decimal, decimals: int = 0) -> Decimal:
    """``value`` rounded half up (away from zero) to ``decimals`` places."""
    return to_decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(
    value: float | int | Decimal, lang: str, decimals: int = 0, *, group: bool = True, space: str = " "
) -> str:
    """``1234567.891`` → ``1 234 567,89`` (nb, 2 decimals) / ``1,234,567.89`` (en).

    ``group=False`` leaves out the thousands separator (for settings and
    small figures that people write without one, ``1234``).
    """
    _check(lang)
    q = round_half_up(value, decimals)
    text = f"{abs(q):{',' if group else ''}.{decimals}f}"
    if lang == "nb":
        text = text.replace(",", space).replace(".", ",")
    return (MINUS if q < 0 else "") + text


def setting(value: float | int, lang: str) -> str:
    """A configured limit as it was written, no trailing zeros: 80 → ``80``, 12.5 → ``12,5``."""
    _check(lang)
    d = to_decimal(value)
    text = str(int(d)) if d == d.to_integral_value() else format(d.normalize(), "f")
    text = text.replace("-", MINUS)
    return text.replace(".", ",") if lang == "nb" else text


def money(
    value: float | int | Decimal, currency: str, lang: str, decimals: int = 0, *, space: str = " "
) -> str:
    """``−230 000 kr`` (nb) / ``NOK −230,000`` (en); see the module's table."""
    num = number(value, lang, decimals, space=space)
    if lang == "nb":
        return f"{num}{space}{'kr' if currency == 'NOK' else currency}"
    return f"{currency}{space}{num}" if currency else num


def percent(value: float | int | Decimal, lang: str, decimals: int = 1, *, space: str = " ") -> str:
    """``value`` is in percent: 43.1031 → ``43,1 %`` (nb) / ``43.1%`` (en)."""
    num = number(value, lang, decimals, space=space)
    return f"{num}{space}%" if lang == "nb" else f"{num}%"


def date(value: _dt.date, lang: str) -> str:
    """``22. november 2026`` (nb) / ``22 November 2026`` (en)."""
    _check(lang)
    month = _MONTHS[lang][value.month - 1]
    if lang == "nb":
        return f"{value.day}. {month} {value.year}"
    return f"{value.day} {month} {value.year}"
