"""The measures of an account plan (§6, seed 004), per account and for the portfolio.

:func:`measures` is a pure function from accounts, the analysed year and a
date to typed results:

* revenue and gross margin of the year against the year before: the change in
  money and in percent of the year before (unknown when that year had none);
* share of wallet (revenue / category spend, percent) now and its trend in
  percentage points against the year before;
* our dependence on the customer (its share of the portfolio's revenue) beside
  its dependence on us (share of wallet) — seed 004 asks both ways;
* goal targets against actuals (:func:`goal_status`);
* actions due by today (not cancelled): how many are done, the share done,
  and how many were done by their due date (where ``completed`` is recorded);
* contacts, strong relationships and supportive decision makers (stance ≥ +1);
* satisfaction, NPS and renewal rate as the plan records them.

Amounts in another currency than the portfolio's are left out of the
portfolio's sums and shares (they cannot be added up).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from .account import Account, ActionStatus, DmuRole, Financials, Goal, Strength
from .portfolio import in_currency, year_row

GOAL_METRICS = ("revenue", "gross_margin", "contribution_margin", "share_of_wallet")
"""Goal metrics kamctl can measure from the financials; other goals are ``not_measurable``."""

GOAL_STATUSES = ("met", "missed", "on_track", "behind", "not_started", "no_data", "not_measurable")


@dataclass(frozen=True)
class GoalResult:
    account: str
    horizon: str
    goal: str
    metric: str | None
    target: float | None
    due: _dt.date | None
    actual: float | None
    """The figure of the goal's year (``due.year``): actuals, or a budget row as forecast."""
    forecast: bool
    """True when ``actual`` comes from a budget row."""
    status: str
    """One of :data:`GOAL_STATUSES`."""


@dataclass(frozen=True)
class Change:
    now: float | None
    before: float | None

    @property
    def absolute(self) -> float | None:
        if self.now is None or self.before is None:
            return None
        return self.now - self.before

    @property
    def percent(self) -> float | None:
        """Change in percent of the year before; unknown when that was 0 or negative."""
        if self.absolute is None or self.before is None or self.before <= 0:
            return None
        return 100.0 * self.absolute / self.before


@dataclass(frozen=True)
class AccountMeasures:
    id: str
    name: str
    kam: str | None
    revenue: Change
    gross_margin: Change
    share_of_wallet: Change
    """Percent; the change is in percentage points."""
    our_dependence: float | None
    """The account's share of the portfolio's revenue in the year, percent."""
    actions_due: int
    actions_done: int
    actions_on_time: int
    contacts: int
    strong_relationships: int
    supportive_decision_makers: int
    satisfaction: float | None
    nps: int | None
    renewal_rate: float | None
    goals: list[GoalResult] = field(default_factory=list)

    @property
    def actions_done_pct(self) -> float | None:
        return None if not self.actions_due else 100.0 * self.actions_done / self.actions_due


@dataclass(frozen=True)
class PortfolioMeasures:
    year: int | None
    accounts: list[AccountMeasures]
    revenue: Change
    gross_margin: Change
    share_of_wallet: Change
    """Σ revenue / Σ category spend; like for like (see :func:`_like_for_like`), as are revenue and margin."""
    actions_due: int
    actions_done: int
    actions_on_time: int
    goals: dict[str, int]
    """Goal status → how many goals."""
    left_out: list[str]
    """Accounts in another currency, left out of the sums."""


def _value(row: Financials | None, metric: str, percent: bool = False) -> float | None:
    """The metric of one year; with ``percent`` a margin is in percent of revenue."""
    if row is None:
        return None
    if percent and metric in ("gross_margin", "contribution_margin"):
        margin = getattr(row, metric)
        if margin is None or not row.revenue:
            return None
        return 100.0 * margin / row.revenue
    if metric == "share_of_wallet":
        if row.revenue is None or not row.category_spend:
            return None
        return 100.0 * row.revenue / row.category_spend
    value: float | None = getattr(row, metric)
    return value


def goal_status(account: Account, goal: Goal, as_of: _dt.date) -> tuple[float | None, bool, str]:
    """(actual, from a budget row, status) of one goal as of ``as_of``.

    The goal's year is the year of ``due``. Before that year begins the goal is
    ``not_started``. From then on: ``met`` when the year's actuals reach the
    target; ``missed`` when the due date has passed without that; before the
    due date ``on_track``, or ``behind`` when the year's budget row (the
    forecast) falls short of the target. Without a figure for the year:
    ``no_data``. A metric kamctl cannot read from the financials (or no
    target or due date): ``not_measurable``. A margin goal whose unit is ``%``
    is measured as margin in percent of revenue.
    """
    if goal.metric not in GOAL_METRICS or goal.target is None or goal.due is None:
        return None, False, "not_measurable"
    if as_of < _dt.date(goal.due.year, 1, 1):
        return None, False, "not_started"
    row = year_row(account, goal.due.year)
    # "Bruttomargin over 25 %": a margin target with unit % is a margin ratio, not an amount.
    actual = _value(row, goal.metric, percent=(goal.unit or "").strip() == "%")
    forecast = bool(row is not None and row.budget)
    if actual is None:
        return None, False, "missed" if as_of > goal.due else "no_data"
    if not forecast and actual >= goal.target:
        return actual, False, "met"
    if as_of > goal.due:
        return actual, forecast, "missed"
    if forecast and actual < goal.target:
        return actual, True, "behind"
    return actual, forecast, "on_track"


def _goals(account: Account, as_of: _dt.date) -> list[GoalResult]:
    out: list[GoalResult] = []
    if account.goals is None:
        return out
    for horizon in ("strategic", "tactical", "operational"):
        for g in getattr(account.goals, horizon):
            actual, forecast, status = goal_status(account, g, as_of)
            out.append(
                GoalResult(account.id, horizon, g.goal, g.metric, g.target, g.due, actual, forecast, status)
            )
    return out


def _actions(account: Account, as_of: _dt.date) -> tuple[int, int, int]:
    """(due by as_of, of those done, of those done by their due date)."""
    due = [
        a
        for a in account.actions
        if a.due is not None and a.due <= as_of and a.status is not ActionStatus.cancelled
    ]
    done = [a for a in due if a.status is ActionStatus.done]
    on_time = [a for a in done if a.completed is not None and a.due is not None and a.completed <= a.due]
    return len(due), len(done), len(on_time)


def account_measures(
    account: Account, year: int | None, as_of: _dt.date, total_revenue: float | None
) -> AccountMeasures:
    now = year_row(account, year)
    before = year_row(account, None if year is None else year - 1)
    revenue = now.revenue if now else None
    due, done, on_time = _actions(account, as_of)
    m = account.measures
    return AccountMeasures(
        id=account.id,
        name=account.name,
        kam=account.kam,
        revenue=Change(revenue, before.revenue if before else None),
        gross_margin=Change(now.gross_margin if now else None, before.gross_margin if before else None),
        share_of_wallet=Change(_value(now, "share_of_wallet"), _value(before, "share_of_wallet")),
        our_dependence=None if revenue is None or not total_revenue else 100.0 * revenue / total_revenue,
        actions_due=due,
        actions_done=done,
        actions_on_time=on_time,
        contacts=len(account.stakeholders),
        strong_relationships=sum(1 for s in account.stakeholders if s.relationship is Strength.strong),
        supportive_decision_makers=sum(
            1
            for s in account.stakeholders
            if s.role is DmuRole.decision_maker and s.stance is not None and s.stance >= 1
        ),
        satisfaction=m.satisfaction if m else None,
        nps=m.nps if m else None,
        renewal_rate=m.renewal_rate if m else None,
        goals=_goals(account, as_of),
    )


def _like_for_like(accounts: Sequence[Account], year: int | None, metric: str) -> Change:
    """Σ of ``metric`` this year and the year before over the accounts that have it
    in both years: a customer new this year is not growth of the old ones, and
    one without last year's figures would inflate the change."""
    if year is None:
        return Change(None, None)
    now = before = 0.0
    spend_now = spend_before = 0.0
    seen = False
    for a in accounts:
        r, p = year_row(a, year), year_row(a, year - 1)
        if r is None or p is None:
            continue
        if metric == "share_of_wallet":
            if r.revenue is None or p.revenue is None or not r.category_spend or not p.category_spend:
                continue
            now, before = now + r.revenue, before + p.revenue
            spend_now, spend_before = spend_now + r.category_spend, spend_before + p.category_spend
        else:
            x, y = getattr(r, metric), getattr(p, metric)
            if x is None or y is None:
                continue
            now, before = now + x, before + y
        seen = True
    if not seen:
        return Change(None, None)
    if metric == "share_of_wallet":
        return Change(100.0 * now / spend_now, 100.0 * before / spend_before)
    return Change(now, before)


def measures(
    accounts: Sequence[Account], currency: str, year: int | None, as_of: _dt.date
) -> PortfolioMeasures:
    """The measures of every account and of the portfolio in ``year`` (vs ``year - 1``)."""
    same, other = in_currency(list(accounts), currency)

    revenues = [
        r.revenue for r in (year_row(a, year) for a in same) if r is not None and r.revenue is not None
    ]
    total_revenue = sum(revenues) if revenues else None
    rows = [account_measures(a, year, as_of, total_revenue if a in same else None) for a in accounts]
    in_sums = [r for r in rows if r.id not in {a.id for a in other}]
    goals: dict[str, int] = {s: 0 for s in GOAL_STATUSES}
    for r in rows:
        for g in r.goals:
            goals[g.status] += 1
    return PortfolioMeasures(
        year=year,
        accounts=rows,
        revenue=_like_for_like(same, year, "revenue"),
        gross_margin=_like_for_like(same, year, "gross_margin"),
        share_of_wallet=_like_for_like(same, year, "share_of_wallet"),
        actions_due=sum(r.actions_due for r in in_sums),
        actions_done=sum(r.actions_done for r in in_sums),
        actions_on_time=sum(r.actions_on_time for r in in_sums),
        goals=goals,
        left_out=[a.id for a in other],
    )
