"""Computed facts about accounts and the portfolio, for rendered documents.

This module only *gathers*: every figure comes from the account model or from
the analysis modules (``kamctl.kaism``, ``kamctl.abc``, ``kamctl.risk``,
``kamctl.stage``, ``kamctl.lint``), so a rendered plan always agrees with
``kamctl classify``, ``kamctl risk`` and ``kamctl lint`` run on the same files.

The analyses are reached through :func:`_analysis`, the one seam: while a
module is not installed the fact is ``None`` and the document says "not
computed" instead of guessing.
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .account import Account, Action, ActionStatus, OpportunityStatus, Strength
from .diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from .config import Config
    from .yamlsource import Document


def _analysis(module: str, name: str) -> Callable[..., Any] | None:
    """``kamctl.<module>.<name>``, or None while that analysis is not installed."""
    try:
        mod = importlib.import_module(f"kamctl.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"kamctl.{module}":
            return None
        raise
    return getattr(mod, name, None)


@dataclass
class AccountFacts:
    account: Account
    path: str
    fiscal_year: int | None
    revenue: float | None
    gross_margin: float | None
    share_of_wallet: float | None
    """Percent, or None when revenue or category spend is unknown."""
    weighted_pipeline: float
    open_pipeline: float
    overdue: list[Action]
    actions_done: float | None
    """Percent of the actions due by today (cancelled ones aside) that are done."""
    strong_relationships: int
    kaism: Any = None
    """``kamctl.kaism.KaismResult`` or None when not computed."""
    abc: Any = None
    """``kamctl.abc.AbcRow`` or None (no revenue figure, or ABC not computed)."""
    risks: list[Diagnostic] | None = None
    stage: list[Diagnostic] | None = None
    lint: list[Diagnostic] | None = None

    @property
    def findings(self) -> list[Diagnostic]:
        return [*(self.risks or []), *(self.stage or []), *(self.lint or [])]

    def count(self, severity: str) -> int:
        return sum(1 for d in self.findings if d.severity is Severity(severity))


@dataclass
class PortfolioFacts:
    accounts: list[AccountFacts]
    abc_rows: list[Any] | None
    risk: Any = None
    """``kamctl.risk.PortfolioRisk`` or None."""
    total_revenue: float = 0.0
    fiscal_year: int | None = None
    by_id: dict[str, AccountFacts] = field(default_factory=dict)


def _actions_done(account: Account, as_of: _dt.date) -> float | None:
    due = [
        a
        for a in account.actions
        if a.status is not ActionStatus.cancelled and (a.due is None or a.due <= as_of)
    ]
    if not due:
        return None
    return 100.0 * sum(1 for a in due if a.status is ActionStatus.done) / len(due)


def account_facts(
    account: Account,
    config: Config,
    as_of: _dt.date,
    *,
    path: str = "",
    doc: Document | None = None,
    diagnostics: Sequence[Diagnostic] = (),
) -> AccountFacts:
    fy = config.fiscal_year
    fin = account.latest_financials(fy)
    sow = account.share_of_wallet(fin.year if fin else fy)
    facts = AccountFacts(
        account=account,
        path=path,
        fiscal_year=fin.year if fin else fy,
        revenue=fin.revenue if fin else None,
        gross_margin=fin.gross_margin if fin else None,
        share_of_wallet=None if sow is None else sow * 100.0,
        weighted_pipeline=account.weighted_pipeline(),
        open_pipeline=sum(
            o.value or 0.0 for o in account.opportunities if o.status is OpportunityStatus.open
        ),
        overdue=account.overdue_actions(as_of),
        actions_done=_actions_done(account, as_of),
        strong_relationships=sum(1 for s in account.stakeholders if s.relationship is Strength.strong),
    )
    classify = _analysis("kaism", "classify_account")
    if classify is not None:
        facts.kaism = classify(account, config.kaism)
    risks = _analysis("risk", "account_risks")
    if risks is not None:
        facts.risks = list(risks(account, config, as_of, path, doc))
    stage = _analysis("stage", "stage_findings")
    if stage is not None:
        facts.stage = list(stage(account, config, path, doc))
    lint = _analysis("lint", "lint_document")
    if lint is not None:
        facts.lint = list(lint(path, doc, account, list(diagnostics), config, as_of))
    return facts


def portfolio_facts(
    accounts: Sequence[AccountFacts],
    config: Config,
    *,
    context: Sequence[Account] = (),
) -> PortfolioFacts:
    """ABC classes and concentration over ``accounts`` plus ``context``.

    ``context`` holds the rest of the portfolio (the config's accounts folder)
    when only some accounts are rendered: an ABC class or a revenue share means
    nothing against a portfolio of one.
    """
    everyone: dict[str, Account] = {a.id: a for a in context}
    everyone.update({f.account.id: f.account for f in accounts})
    fy = config.fiscal_year
    values: list[tuple[str, str, float]] = []
    for acc in everyone.values():
        fin = acc.latest_financials(fy)
        if fin is not None and fin.revenue is not None:
            values.append((acc.id, acc.name, float(fin.revenue)))
    total = sum(v for _, _, v in values)
    out = PortfolioFacts(
        accounts=list(accounts),
        abc_rows=None,
        total_revenue=total,
        fiscal_year=fy,
        by_id={f.account.id: f for f in accounts},
    )
    abc = _analysis("abc", "abc_classify")
    if abc is not None and values:
        out.abc_rows = list(abc(values, config.abc))
        by_id = {row.id: row for row in out.abc_rows}
        for f in accounts:
            f.abc = by_id.get(f.account.id)
    prisk = _analysis("risk", "portfolio_risk")
    if prisk is not None:
        out.risk = prisk(list(everyone.values()), config)
    return out
