"""Computed facts about accounts and the portfolio, for rendered documents.

This module only *gathers*: every figure comes from the account model or from
the analysis modules (``kamctl.kaism``, ``kamctl.abc``, ``kamctl.risk``,
``kamctl.stage``, ``kamctl.lint``, ``kamctl.portfolio``), so a rendered plan
always agrees with ``kamctl classify``, ``kamctl abc``, ``kamctl risk`` and
``kamctl lint`` run on the same files and config.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .abc import AbcRow, abc_classify
from .account import Account, Action, ActionStatus, OpportunityStatus, Strength
from .checks import SHARED_RULES, account_risks, portfolio_checks, portfolio_findings, stage_findings
from .diagnostics import Diagnostic, Severity
from .kaism import KaismResult, classify_account
from .lint.runner import evaluate
from .lint.status import AccountStatus, account_status
from .portfolio import figures, year_row
from .risk import PortfolioRisk, portfolio_risk
from .types import INTERNAL

if TYPE_CHECKING:
    from .config import Config
    from .yamlsource import Document


@dataclass
class AccountFacts:
    account: Account
    path: str
    fiscal_year: int | None
    revenue: float | None
    gross_margin: float | None = field(metadata=INTERNAL)
    share_of_wallet: float | None
    """Percent, or None when revenue or category spend is unknown."""
    weighted_pipeline: float = field(metadata=INTERNAL)
    open_pipeline: float
    overdue: list[Action]
    actions_done: float | None
    """Percent of the actions due by today (cancelled ones aside) that are done."""
    strong_relationships: int = field(metadata=INTERNAL)
    kaism: KaismResult = field(metadata=INTERNAL)
    risks: list[Diagnostic] = field(metadata=INTERNAL)
    """Account-level risk signals (``RISK1xx``)."""
    stage: list[Diagnostic] = field(metadata=INTERNAL)
    """Stated stage against the evidence (``STAGE1xx``)."""
    lint: list[Diagnostic] = field(metadata=INTERNAL)
    """Plan completeness and quality (``KAM…``)."""
    abc: AbcRow | None = field(default=None, metadata=INTERNAL)
    """The account's row in the portfolio's ABC analysis by revenue (None without revenue)."""
    health: AccountStatus | None = field(default=None, metadata=INTERNAL)
    """Plan health as ``kamctl status`` shows it (completeness, review and contact age, coverage)."""

    @property
    def findings(self) -> list[Diagnostic]:
        return [*self.risks, *self.stage, *self.lint]

    def count(self, severity: str) -> int:
        return sum(1 for d in self.findings if d.severity is Severity(severity))


@dataclass
class PortfolioFacts:
    accounts: list[AccountFacts]
    fiscal_year: int | None
    abc_rows: list[AbcRow]
    risk: PortfolioRisk
    findings: list[Diagnostic]
    """Portfolio-level findings: concentration (``RISK00x``) and portfolio checks (``PORT1xx``)."""
    total_revenue: float = 0.0
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
    year: int | None,
    path: str = "",
    doc: Document | None = None,
    diagnostics: Sequence[Diagnostic] = (),
    lang: str = "en",
) -> AccountFacts:
    fin = year_row(account, year)
    sow = account.share_of_wallet(year) if fin is not None else None
    # One lint run gives both the findings and the plan health of kamctl status.
    outcome = evaluate(path, doc, account, list(diagnostics), config, as_of, lang)
    return AccountFacts(
        account=account,
        path=path,
        fiscal_year=year,
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
        kaism=classify_account(account, config.kaism, lang),
        # The checks risk shares with lint (stale contact, overdue action, stale
        # plan) are in ``lint`` already: one finding, shown once.
        risks=[
            d for d in account_risks(account, config, as_of, path, doc, lang) if d.code not in SHARED_RULES
        ],
        stage=stage_findings(account, config, path, doc, lang, as_of),
        lint=outcome.diagnostics,
        health=account_status(outcome, config.lint, as_of),
    )


def portfolio_facts(
    accounts: Sequence[AccountFacts],
    config: Config,
    *,
    year: int | None,
    context: Sequence[Account] = (),
    lang: str = "en",
) -> PortfolioFacts:
    """ABC classes and concentration over ``accounts`` plus ``context``.

    ``context`` holds the rest of the portfolio (the config's accounts folder)
    when only some accounts are rendered: an ABC class or a revenue share means
    nothing against a portfolio of one.
    """
    everyone: dict[str, Account] = {a.id: a for a in context}
    everyone.update({f.account.id: f.account for f in accounts})
    people = list(everyone.values())
    items, _missing = figures(people, year)
    rows = abc_classify(items, config.abc) if items else []
    by_row = {r.id: r for r in rows}
    for f in accounts:
        f.abc = by_row.get(f.account.id)
    risk = portfolio_risk(people, config, year=year)
    paths = {f.account.id: f.path for f in accounts}
    return PortfolioFacts(
        accounts=list(accounts),
        fiscal_year=year,
        abc_rows=rows,
        risk=risk,
        findings=[
            *portfolio_findings(risk, config, paths, lang),
            *portfolio_checks(people, config, paths, lang),
        ],
        total_revenue=risk.total_revenue,
        by_id={f.account.id: f for f in accounts},
    )
