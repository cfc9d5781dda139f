"""The portfolio as a whole: which year's figures, how many key accounts, KAM load.

DOMAIN §1: 15–35 key accounts is the ideal, 5 is on the edge of too few and
50 on the edge of too many. A key account here is an account with the full
plan profile; KAM light plans (``profile: light``) are customers that do not
warrant the full treatment and are counted separately. A KAM's load counts
every plan they hold, light ones too: each takes their time. The findings
about it (``PORT1xx``) are rules in :mod:`kamctl.lint.rules`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from .account import Account, Financials

MEASURE_FIELDS = {
    "revenue": "revenue",
    "gross_margin": "gross_margin",
    "contribution": "contribution_margin",
}
"""``--by`` value → field of :class:`~kamctl.account.Financials`."""


class Figures(Protocol):
    """What the figure functions below read of an account: an
    :class:`~kamctl.account.Account`, or a :class:`~kamctl.risk.RiskAccount`
    made of one so that 10,000 full models need not cross from the workers."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def parent(self) -> str | None: ...
    @property
    def currency(self) -> str | None: ...
    @property
    def financials(self) -> Sequence[Financials]: ...


F = TypeVar("F", bound=Figures)


def analysis_year(accounts: Sequence[Figures], year: int | None, measure: str = "revenue") -> int | None:
    """``year`` if given, else the latest year in which any account has actual figures.

    Budget rows do not make a year "latest": comparing one account's budget
    with the others' actuals would rank forecasts against facts.
    """
    if year is not None:
        return year
    field = MEASURE_FIELDS[measure]
    actual = [
        f.year for a in accounts for f in a.financials if getattr(f, field) is not None and not f.budget
    ]
    if actual:
        return max(actual)
    any_year = [f.year for a in accounts for f in a.financials if getattr(f, field) is not None]
    return max(any_year, default=None)


def year_row(account: Figures, year: int | None) -> Financials | None:
    """The actual figures of ``year``, else its budget row (what a plan shows;
    the caller says "budget" when ``row.budget``), else None."""
    if year is None:
        return None
    rows = [f for f in account.financials if f.year == year]
    return next((f for f in rows if not f.budget), rows[0] if rows else None)


def actual_row(account: Figures, year: int | None) -> Financials | None:
    """The actual figures of ``year``; never a budget row. Rankings and shares
    (ABC, concentration, classification) compare facts, and a budget ranked
    beside the others' actuals would say nothing was forecast."""
    if year is None:
        return None
    return next((f for f in account.financials if f.year == year and not f.budget), None)


def budget_only(accounts: Sequence[Figures], year: int | None, measure: str = "revenue") -> list[str]:
    """Ids of the accounts with a budget for ``year`` and no actual figures:
    left out of rankings, and named so that nobody wonders why."""
    field = MEASURE_FIELDS[measure]
    return [
        a.id
        for a in accounts
        if actual_row(a, year) is None
        and any(f.year == year and f.budget and getattr(f, field) is not None for f in a.financials)
    ]


def in_currency(accounts: Sequence[F], currency: str) -> tuple[list[F], list[F]]:
    """(accounts whose amounts are in ``currency``, the others).

    An account without its own ``currency`` uses the portfolio's. Amounts in
    different currencies cannot be added up, so the others are left out of
    every sum and share (and named, so that nobody wonders where they went).
    """
    same: list[F] = []
    other: list[F] = []
    for a in accounts:
        if a.currency and a.currency.strip().upper() != currency.strip().upper():
            other.append(a)
        else:
            same.append(a)
    return same, other


def figures(
    accounts: Sequence[Figures], year: int | None, measure: str = "revenue"
) -> tuple[list[tuple[str, str, float]], list[str]]:
    """``(id, name, value)`` of every account with an actual value for ``year``
    (budget rows are not actuals), and the ids without one."""
    field = MEASURE_FIELDS[measure]
    items: list[tuple[str, str, float]] = []
    missing: list[str] = []
    for a in accounts:
        row = actual_row(a, year)
        value = getattr(row, field) if row is not None else None
        if value is None:
            missing.append(a.id)
        else:
            items.append((a.id, a.name, float(value)))
    return items, missing


def kam_load(accounts: Sequence[Account]) -> dict[str, list[str]]:
    """KAM → the ids of the accounts they hold, KAMs in name order."""
    load: dict[str, list[str]] = defaultdict(list)
    for a in accounts:
        if a.kam:
            load[a.kam.strip()].append(a.id)
    return {k: sorted(v) for k, v in sorted(load.items())}


def key_account_count(accounts: Sequence[Account]) -> int:
    from .account import Profile

    return sum(1 for a in accounts if a.profile is Profile.full)
