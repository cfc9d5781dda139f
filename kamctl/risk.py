"""Risk analysis (DOMAIN §7): concentration over the portfolio, and each account's risks.

Portfolio level: the share of revenue carried by the top 5 customers and by
the largest one, every customer at or above the disclosure level, the
Herfindahl–Hirschman index with its band and the effective number of
customers, and what happens if a customer halves or leaves. Accounts with a
``parent`` are also rolled up into their group: concentration risk is the
group's, since one group decision moves all its companies at once.

The findings — account level (``RISK1xx``) and portfolio level
(``RISK00x``) — are rules in :mod:`kamctl.lint.rules`, run by
:mod:`kamctl.checks`; this module only computes the figures.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .account import Account, Financials
    from .config import Config, RiskConfig
    from .portfolio import Figures

# ----------------------------------------------------------- portfolio level


@dataclass(frozen=True)
class RiskAccount:
    """The part of an account that the portfolio figures read (see
    :class:`kamctl.portfolio.Figures`), once its findings are made.

    A worker sends this back in place of the Account: unpickling fifty-odd
    models per account in the parent was most of ``risk``'s cost at 10,000
    files. Its own class, not an Account with fields left out, so that code
    reaching for anything else fails instead of reading a default.
    """

    id: str
    name: str
    parent: str | None
    currency: str | None
    financials: tuple[Financials, ...]


def risk_account(account: Account) -> RiskAccount:
    """For ``load_accounts(slim=...)``."""
    return RiskAccount(account.id, account.name, account.parent, account.currency, tuple(account.financials))


@dataclass(frozen=True)
class Share:
    id: str
    name: str
    revenue: float
    gross_margin: float | None
    share: float
    """Percent of the portfolio's revenue."""
    group: str
    """The group the account belongs to (its own id when it has no parent)."""


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    members: tuple[str, ...]
    revenue: float
    gross_margin: float | None
    share: float


@dataclass(frozen=True)
class WhatIf:
    id: str
    name: str
    revenue: float
    gross_margin: float | None
    halves_revenue: float
    """Revenue lost if the customer halves its volume."""
    halves_share: float
    """… as a percent of the portfolio's revenue."""
    halves_margin: float | None
    leaves_revenue: float
    leaves_share: float
    leaves_margin: float | None
    leaves_margin_share: float | None
    """Gross margin lost if it leaves, as a percent of the portfolio's gross margin."""


@dataclass(frozen=True)
class PortfolioRisk:
    year: int | None
    total_revenue: float
    total_gross_margin: float | None
    shares: list[Share]
    """Every account with revenue in ``year``, largest first (ties by id)."""
    top5_share: float
    largest: Share | None
    largest_share: float
    major: list[Share]
    """Accounts at or above the major-customer level."""
    hhi: float
    hhi_band: str
    """"unconcentrated" | "moderate" | "high"."""
    effective_n: float | None
    what_if: list[WhatIf]
    groups: list[Group]
    """Groups with more than one member, or whose parent is not in the portfolio."""
    group_hhi: float
    group_hhi_band: str
    group_effective_n: float | None
    group_major: list[Group]
    """Entities (groups merged, standalone accounts) at or above the major-customer level."""
    missing: list[str] = field(default_factory=list)
    """Accounts without revenue for ``year``: left out of every share."""
    other_currency: list[str] = field(default_factory=list)
    """Accounts whose amounts are in another currency than the portfolio's: left out of every share."""


def hhi_of(shares: Sequence[float]) -> float:
    """Σ of squared percentage shares: 0 (atomised) to 10 000 (a single customer)."""
    import math

    return math.fsum(s * s for s in shares)


def hhi_band(hhi: float, cfg: RiskConfig) -> str:
    """DOMAIN §7 / 2023 US merger guidelines: < 1 000, 1 000–1 800, > 1 800."""
    if hhi < cfg.hhi_moderate:
        return "unconcentrated"
    if hhi <= cfg.hhi_high:
        return "moderate"
    return "high"


def group_of(account_id: str, parents: dict[str, str | None]) -> str:
    """The top of ``account_id``'s parent chain (itself when it has no parent).

    A cycle has no top (validation reports it); its members are still one
    group, named by the smallest id in the cycle, so that every member lands
    in the same group wherever the walk starts."""
    chain = [account_id]
    current = account_id
    while True:
        parent = parents.get(current)
        if not parent:
            return current
        if parent in chain:
            return min(chain[chain.index(parent) :])
        chain.append(parent)
        current = parent


def portfolio_risk(accounts: Sequence[Figures], config: Config, *, year: int | None = None) -> PortfolioRisk:
    """Concentration of the portfolio's revenue in ``year`` (default: config's fiscal_year, else latest)."""
    from .portfolio import actual_row, analysis_year, in_currency

    accounts, foreign = in_currency(accounts, config.currency)
    year = analysis_year(accounts, year if year is not None else config.fiscal_year)
    rows: list[tuple[str, str, float, float | None]] = []
    missing: list[str] = []
    for a in accounts:
        row = actual_row(a, year)
        if row is None or row.revenue is None:
            missing.append(a.id)
            continue
        margin = None if row.gross_margin is None else float(row.gross_margin)
        rows.append((a.id, a.name, float(row.revenue), margin))
    pr = concentration(rows, accounts, config, year=year)
    return dataclasses.replace(pr, missing=missing, other_currency=[a.id for a in foreign])


def concentration(
    customers: Sequence[tuple[str, str, float, float | None]],
    accounts: Sequence[Figures],
    config: Config,
    *,
    year: int | None = None,
) -> PortfolioRisk:
    """Concentration over ``(id, name, revenue, gross margin)`` of every customer.

    ``accounts`` supply the group structure (``parent``) and say which
    customers are key accounts: the what-if table is for those. Used for
    the accounts' own figures and for a customer export (``risk --csv``),
    where the shares are of the whole company's revenue.
    """
    import math

    cfg = config.risk
    parents = {a.id: a.parent for a in accounts}
    names = {a.id: a.name for a in accounts}
    names.update({c[0]: c[1] for c in customers if c[0] not in names})
    rows = sorted(customers, key=lambda r: (-r[2], r[0]))
    total = math.fsum(r[2] for r in rows)
    margins = [r[3] for r in rows]
    total_margin = (
        math.fsum(m for m in margins if m is not None) if any(m is not None for m in margins) else None
    )

    def pct(value: float, of: float | None) -> float:
        return value * 100.0 / of if of else 0.0

    shares = [Share(i, n, rev, gm, pct(rev, total), group_of(i, parents)) for i, n, rev, gm in rows]
    major_level = cfg.major_customer_share
    major = [s for s in shares if s.share >= major_level]
    hhi = hhi_of([s.share for s in shares])

    key = {a.id for a in accounts}
    what_if = [
        WhatIf(
            s.id,
            s.name,
            s.revenue,
            s.gross_margin,
            s.revenue / 2,
            s.share / 2,
            None if s.gross_margin is None else s.gross_margin / 2,
            s.revenue,
            s.share,
            s.gross_margin,
            None if s.gross_margin is None or not total_margin else pct(s.gross_margin, total_margin),
        )
        for s in shares
        if s.revenue > 0 and s.id in key
    ]

    # Roll up into groups.
    members: dict[str, list[Share]] = {}
    for s in shares:
        members.setdefault(s.group, []).append(s)
    entities: list[Group] = []
    for gid, ms in members.items():
        revenue = math.fsum(m.revenue for m in ms)
        gms = [m.gross_margin for m in ms if m.gross_margin is not None]
        entities.append(
            Group(
                gid,
                names.get(gid, gid),
                tuple(m.id for m in ms),
                revenue,
                math.fsum(gms) if gms else None,
                pct(revenue, total),
            )
        )
    entities.sort(key=lambda g: (-g.revenue, g.id))
    # A group worth showing: several members, or one member under a parent.
    groups = [g for g in entities if len(g.members) > 1 or g.id != g.members[0]]
    group_hhi = hhi_of([g.share for g in entities])

    return PortfolioRisk(
        year=year,
        total_revenue=total,
        total_gross_margin=total_margin,
        shares=shares,
        top5_share=math.fsum(s.share for s in shares[:5]),
        largest=shares[0] if shares else None,
        largest_share=shares[0].share if shares else 0.0,
        major=major,
        hhi=hhi,
        hhi_band=hhi_band(hhi, cfg),
        effective_n=10_000 / hhi if hhi else None,
        what_if=what_if,
        groups=groups,
        group_hhi=group_hhi,
        group_hhi_band=hhi_band(group_hhi, cfg),
        group_effective_n=10_000 / group_hhi if group_hhi else None,
        group_major=[g for g in entities if g.share >= major_level],
    )
