"""The portfolio report's figures for the planning meeting (issue 13):
the weighted pipeline by quarter, contract renewals with their notice
deadlines, and the upcoming QBRs.

Pure functions over validated accounts and an as-of date, each returning
typed rows; the report (:mod:`kamctl.render`) only lays them out. The dates
follow ``kamctl agenda``: the notice deadline is the contract end minus
``notice_months`` calendar months (:func:`kamctl.lint.base.add_months`, so
31 March minus one month is 28/29 February), and an account without a
planned QBR has its next one three months after the last.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from .account import Account, OpportunityStatus
from .lint.base import add_months

QBR_MONTHS = 3
"""A quarterly business review every three months (as ``kamctl agenda``)."""
RENEWAL_MONTHS = 12
"""Contracts ending within this many months of the as-of date are listed."""
QBR_DAYS = 91
"""QBRs within this many days (a quarter) are "upcoming"."""


# ------------------------------------------------------------------ pipeline


@dataclass(frozen=True)
class QuarterRow:
    year: int | None
    """None for the rows that are no quarter: past their close date, or undated."""
    quarter: int | None
    kind: str
    """``quarter``, ``overdue`` (expected close before the as-of date) or ``undated``."""
    count: int
    value: float
    weighted: float


def quarter_of(day: _dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def pipeline_by_quarter(accounts: Sequence[Account], as_of: _dt.date) -> list[QuarterRow]:
    """Open opportunities by the quarter of their expected close, in date order.

    Weighted value = value × probability / 100; no value or no probability
    counts as 0 (as :meth:`kamctl.account.Account.weighted_pipeline`). An
    expected close before ``as_of`` is not a forecast any more: those are one
    row, ``overdue``, first; opportunities without a date are one row,
    ``undated``, last.
    """
    buckets: dict[tuple[str, int, int], list[float]] = {}
    for a in accounts:
        for o in a.opportunities:
            if o.status is not OpportunityStatus.open:
                continue
            value = o.value or 0.0
            weighted = value * (o.probability or 0.0) / 100.0
            if o.expected_close is None:
                key = ("undated", 0, 0)
            elif o.expected_close < as_of:
                key = ("overdue", 0, 0)
            else:
                key = ("quarter", *quarter_of(o.expected_close))
            row = buckets.setdefault(key, [0, 0.0, 0.0])
            row[0] += 1
            row[1] += value
            row[2] += weighted
    order = {"overdue": 0, "quarter": 1, "undated": 2}
    out = []
    for (kind, year, q), (n, value, weighted) in sorted(
        buckets.items(), key=lambda kv: (order[kv[0][0]], kv[0])
    ):
        out.append(
            QuarterRow(
                year if kind == "quarter" else None,
                q if kind == "quarter" else None,
                kind,
                int(n),
                value,
                weighted,
            )
        )
    return out


# ------------------------------------------------------------------ renewals


@dataclass(frozen=True)
class Renewal:
    account: Account
    end: _dt.date
    notice_months: int | None
    notice_deadline: _dt.date | None
    """The last day to give notice: ``end`` minus ``notice_months`` months."""
    auto_renew: bool | None

    def deadline_passed(self, as_of: _dt.date) -> bool:
        return self.notice_deadline is not None and self.notice_deadline < as_of


def renewals(accounts: Sequence[Account], as_of: _dt.date, months: int = RENEWAL_MONTHS) -> list[Renewal]:
    """Contracts that end from ``as_of`` up to ``months`` months later, by notice deadline
    (then end, then account id); a contract without a notice period sorts by its end."""
    until = add_months(as_of, months)
    out = []
    for a in accounts:
        c = a.contract
        if c is None or c.end is None or not (as_of <= c.end <= until):
            continue
        deadline = add_months(c.end, -c.notice_months) if c.notice_months is not None else None
        out.append(Renewal(a, c.end, c.notice_months, deadline, c.auto_renew))
    out.sort(key=lambda r: (r.notice_deadline or r.end, r.end, r.account.id))
    return out


# ---------------------------------------------------------------------- QBRs


@dataclass(frozen=True)
class Qbr:
    account: Account
    day: _dt.date
    planned: bool
    """True from ``rhythm.next_qbr``; False when derived from ``rhythm.last_qbr``."""

    def overdue(self, as_of: _dt.date) -> bool:
        return self.day < as_of


def next_qbr(account: Account) -> Qbr | None:
    r = account.rhythm
    if r is not None and r.next_qbr is not None:
        return Qbr(account, r.next_qbr, True)
    if r is not None and r.last_qbr is not None:
        return Qbr(account, add_months(r.last_qbr, QBR_MONTHS), False)
    return None


def upcoming_qbrs(
    accounts: Sequence[Account], as_of: _dt.date, days: int = QBR_DAYS
) -> tuple[list[Qbr], list[Account]]:
    """The next QBR of each account up to ``days`` days ahead — overdue ones
    (before ``as_of``) included, first — by date; and the accounts with no QBR
    date at all (neither planned nor a last one to count from)."""
    until = as_of + _dt.timedelta(days=days)
    found, none = [], []
    for a in accounts:
        q = next_qbr(a)
        if q is None:
            none.append(a)
        elif q.day <= until:
            found.append(q)
    found.sort(key=lambda q: (q.day, q.account.id))
    return found, sorted(none, key=lambda a: a.id)
