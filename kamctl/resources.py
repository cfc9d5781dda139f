"""Internal resources against KAISM priority (seed 001, step 5; DOMAIN §3).

An account's plan lists what it needs of our functions — hours, people or
budget per year — and what management has committed (``resources`` in the
account file). Two questions follow: does each account get what its plan
needs (lint rule KAM126, per file), and does investment follow priority
across the portfolio (rule PORT106, from :func:`inversions` here)? Cheverton's KAISM matrix gives
the budget priority: key development accounts (1) and key accounts (2)
before maintenance (3) and opportunistic accounts (4, "fills spare
capacity"). A priority-3 or -4 account with more committed than a priority-1
or -2 account is the inversion the matrix exists to prevent.

Only accounts that list resources of a unit are compared in that unit: a plan
that records none says nothing about its share, and comparing it as 0 would
turn every missing section into a finding about someone else. Budgets are
compared only within one currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .account import ResourceUnit
from .i18n import Locale, Messages, say
from .kaism import classify_account

if TYPE_CHECKING:
    from .account import Account
    from .config import Config

UNITS = (ResourceUnit.hours, ResourceUnit.people, ResourceUnit.budget)

_UNIT_TEXT: Messages = {
    "hours": {"en": "{n} hours", "nb": "{n} timer"},
    "hours.1": {"en": "{n} hour", "nb": "{n} time"},
    "people": {"en": "{n} people", "nb": "{n} personer"},
    "people.1": {"en": "{n} person", "nb": "{n} person"},
}

LOW_PRIORITY = (3, 4)
HIGH_PRIORITY = (1, 2)


def amount_text(value: float, unit: ResourceUnit, currency: str, lang: str) -> str:
    """``400 hours``, ``1,5 personer``, ``NOK 250,000`` / ``250 000 kr``."""
    loc = Locale(lang)
    if unit is ResourceUnit.budget:
        return loc.money(value, currency)
    decimals = 0 if float(value).is_integer() else 1
    key = unit.value + (".1" if value == 1 else "")
    return say(_UNIT_TEXT, key, lang, n=loc.number(value, decimals))


@dataclass(frozen=True)
class AccountResources:
    """One account's resources in one year, summed per unit."""

    account_id: str
    name: str
    currency: str
    priority: int | None
    """KAISM investment priority (1 highest); None when unclassified."""
    tier: str | None
    needed: dict[ResourceUnit, float] = field(default_factory=dict)
    committed: dict[ResourceUnit, float] = field(default_factory=dict)

    def gap(self, unit: ResourceUnit) -> float | None:
        """Needed minus committed (positive: short); None when the unit is not listed."""
        if unit not in self.needed:
            return None
        return self.needed[unit] - self.committed.get(unit, 0.0)


@dataclass(frozen=True)
class Inversion:
    """A lower-priority account with more committed than a higher-priority one."""

    unit: ResourceUnit
    account_id: str
    priority: int
    amount: float
    other_id: str
    other_priority: int
    other_amount: float
    currency: str


def resource_year(accounts: Sequence[Account], year: int | None) -> int | None:
    """``year`` if given, else the latest year any resource line names (None: lines without a year)."""
    if year is not None:
        return year
    years = [r.year for a in accounts for r in a.resources if r.year is not None]
    return max(years, default=None)


def account_resources(account: Account, config: Config, year: int | None) -> AccountResources:
    """Sum of the account's lines for ``year``; a line without a year counts in every year."""
    result = classify_account(account, config.kaism)
    needed: dict[ResourceUnit, float] = {}
    committed: dict[ResourceUnit, float] = {}
    for r in account.resources:
        if r.year is not None and year is not None and r.year != year:
            continue
        needed[r.unit] = needed.get(r.unit, 0.0) + r.needed
        committed[r.unit] = committed.get(r.unit, 0.0) + (r.committed or 0.0)
    return AccountResources(
        account.id,
        account.name,
        account.currency or config.currency,
        result.priority,
        result.tier,
        needed,
        committed,
    )


def portfolio_resources(
    accounts: Sequence[Account], config: Config, year: int | None = None
) -> list[AccountResources]:
    """Accounts that list resources, by priority (unclassified last), then id."""
    the_year = resource_year(accounts, year)
    rows = [account_resources(a, config, the_year) for a in accounts if a.resources]
    return sorted(rows, key=lambda r: (r.priority is None, r.priority or 0, r.account_id))


def inversions(rows: Sequence[AccountResources]) -> list[Inversion]:
    """Per low-priority account and unit: the high-priority account with the least
    committed that it exceeds (one finding per account and unit, not one per pair)."""
    out: list[Inversion] = []
    for unit in UNITS:
        listed = [r for r in rows if unit in r.needed and r.priority is not None]
        for low in listed:
            if low.priority not in LOW_PRIORITY:
                continue
            mine = low.committed.get(unit, 0.0)
            below = [
                h
                for h in listed
                if h.priority in HIGH_PRIORITY
                and h.committed.get(unit, 0.0) < mine
                and (unit is not ResourceUnit.budget or h.currency == low.currency)
            ]
            if not below:
                continue
            other = min(below, key=lambda h: (h.committed.get(unit, 0.0), h.account_id))
            assert low.priority is not None and other.priority is not None
            out.append(
                Inversion(
                    unit,
                    low.account_id,
                    low.priority,
                    mine,
                    other.account_id,
                    other.priority,
                    other.committed.get(unit, 0.0),
                    low.currency,
                )
            )
    return out
