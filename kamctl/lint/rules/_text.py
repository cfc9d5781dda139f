"""Words the analyses' rules (RISK, STAGE) put into their messages: a person,
a stance, an amount. Not a rule (the registry lists the rules)."""

from __future__ import annotations

from typing import Protocol


class _Person(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str | None: ...


def who(person: _Person) -> str:
    """``Hanne Lie (CFO)``, or just the name."""
    return f"{person.name} ({person.title})" if person.title else person.name


def signed(n: int) -> str:
    """A stance as people write it: +2, 0, −3 (with a real minus sign)."""
    return f"{n:+d}".replace("-", "−") if n else "0"


def fmt_amount(value: float, currency: str = "", lang: str = "en") -> str:
    """An amount in a message, in the one money style of :mod:`kamctl.numbers`:
    ``−230 000 kr`` (nb), ``NOK −230,000`` (en)."""
    from kamctl.numbers import money

    return money(value, currency, lang)
