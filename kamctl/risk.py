"""Risk analysis (DOMAIN §7): concentration over the portfolio, and each account's risks.

Portfolio level: the share of revenue carried by the top 5 customers and by
the largest one, every customer at or above the disclosure level, the
Herfindahl–Hirschman index with its band and the effective number of
customers, and what happens if a customer halves or leaves. Accounts with a
``parent`` are also rolled up into their group: concentration risk is the
group's, since one group decision moves all its companies at once.

Account level: every risk of §7 is a :class:`~kamctl.diagnostics.Diagnostic`
with a stable code (``RISK1xx``), a severity and a message that names the
account and the evidence, located at the field that shows it.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic, Severity, field_path
from .i18n import Messages, decimal, quantity, say

if TYPE_CHECKING:
    from .account import Account, Financials
    from .config import Config, RiskConfig
    from .portfolio import Figures
    from .yamlsource import Document

# --------------------------------------------------------------------- codes

RISK_CODES = {
    "RISK001": "one customer carries at least the configured share of revenue (default 40 %)",
    "RISK002": "a customer or group at or above the major-customer level (default 10 %)",
    "RISK003": "revenue is concentrated (HHI in the moderate or high band)",
    "RISK101": "contract ends soon",
    "RISK102": "contract has ended",
    "RISK103": "short notice period",
    "RISK104": "no contract recorded (full plan)",
    "RISK110": "relationship rests on one person at the customer",
    "RISK111": "no people at the customer recorded",
    "RISK112": "every relationship is held by one person on our side",
    "RISK113": "few strong relationships",
    "RISK114": "no contact at top management",
    "RISK120": "decision maker or high-influence person with a negative stance",
    "RISK130": "strong competitor present",
    "RISK140": "customer in an exposed industry",
    "RISK160": "loss-making customer (margin below zero)",
}
"""Stable ids of the RISK findings. Never renumber. RISK150, RISK151 and RISK152
are retired: stale contact, overdue action and stale plan are lint's KAM111,
KAM106 and KAM112, which ``kamctl risk`` reports too (:data:`SHARED_RULES`)."""

SHARED_RULES = ("KAM111", "KAM106", "KAM112")
"""Lint rules that are also account risks (DOMAIN §7: no contact for a long
time, overdue actions, stale plan). One check each, one setting, one code."""

MESSAGES: Messages = {
    # RISK10x contract
    "ended": {
        "en": "contract ended {date} ({days} ago){renew}",
        "nb": "avtalen løp ut {date} (for {days} siden){renew}",
    },
    "ends": {
        "en": "contract ends {date} (in {days}){notice}{renew}",
        "nb": "avtalen løper ut {date} (om {days}){notice}{renew}",
    },
    "notice": {"en": " with {months} notice", "nb": " med {months}s oppsigelsestid"},
    "renews": {"en": "; it renews automatically", "nb": "; den fornyes automatisk"},
    "no_renew": {"en": " and no automatic renewal", "nb": " og fornyes ikke automatisk"},
    "no_renew_ended": {"en": "; no automatic renewal", "nb": "; ingen automatisk fornyelse"},
    "short_notice": {
        "en": "notice period is {months} (shorter than {limit}): the customer can leave at short notice",
        "nb": "oppsigelsestiden er {months} (kortere enn {limit}): kunden kan gå på kort varsel",
    },
    "no_contract": {
        "en": "no contract recorded (section 'contract')",
        "nb": "ingen avtale registrert (seksjonen «contract»)",
    },
    # RISK11x people
    "no_people": {
        "en": "no people at the customer recorded (section 'stakeholders')",
        "nb": "ingen personer hos kunden registrert (seksjonen «stakeholders»)",
    },
    "one_person": {
        "en": "the relationship rests on one person at the customer: {who}",
        "nb": "relasjonen hviler på én person hos kunden: {who}",
    },
    "one_owner": {
        "en": "every relationship at the customer is held by one person on our side: {owner} ({contacts})",
        "nb": "alle relasjonene hos kunden eies av én person hos oss: {owner} ({contacts})",
    },
    "the_only_contact": {"en": "the only contact", "nb": "den eneste kontaktpersonen"},
    "all_contacts": {"en": "all {n} contacts", "nb": "alle {n} kontaktpersonene"},
    "few_strong": {
        "en": "{strong} (of {contacts}; at least {wanted} wanted)",
        "nb": "{strong} (av {contacts}; minst {wanted} ønsket)",
    },
    "strong.1": {"en": "{n} strong relationship", "nb": "{n} sterk relasjon"},
    "strong.n": {"en": "{n} strong relationships", "nb": "{n} sterke relasjoner"},
    "contacts.1": {"en": "{n} contact", "nb": "{n} kontaktperson"},
    "contacts.n": {"en": "{n} contacts", "nb": "{n} kontaktpersoner"},
    "no_top": {
        "en": "no contact at top management (levels: {levels})",
        "nb": "ingen kontakt i toppledelsen (nivåer: {levels})",
    },
    "unknown": {"en": "unknown", "nb": "ukjent"},
    # RISK120
    "against": {
        "en": "{who} {person} has stance {stance} ({label})",
        "nb": "{who} {person} har holdning {stance} ({label})",
    },
    "decision_maker": {"en": "decision maker", "nb": "beslutningstakeren"},
    "high_influence": {"en": "high-influence contact", "nb": "kontaktpersonen med stor innflytelse"},
    # RISK130, RISK140
    "competitor": {
        "en": "strong competitor {name} (strength high{share})",
        "nb": "sterk konkurrent {name} (strength: high{share})",
    },
    "competitor_share": {"en": ", {share} % of the customer's spend", "nb": ", {share} % av kundens kjøp"},
    "exposed": {
        "en": "the customer's industry{industry} is exposed to cuts or reorganisation{why}",
        "nb": "kundens bransje{industry} er utsatt for kutt eller omorganisering{why}",
    },
    # RISK160
    "loss": {
        "en": "{label} {year} is {amount}: high revenue is not good business if the margin is gone",
        "nb": "{label} {year} er {amount}: høy omsetning er ikke god butikk når marginen er borte",
    },
    "contribution_margin": {"en": "contribution margin", "nb": "dekningsbidraget"},
    "gross_margin": {"en": "gross margin", "nb": "bruttomarginen"},
    # RISK00x portfolio
    "single": {
        "en": "{id}: carries {share} % of the portfolio's revenue{year} (at or above {limit} %): "
        "one tree bearing that much of the harvest",
        "nb": "{id}: står for {share} % av porteføljens omsetning{year} (grensen er {limit} %): "
        "ett tre bærer for mye av avlingen",
    },
    "major": {
        "en": "{what}: {share} % of the portfolio's revenue{year}, at or above the major-customer level of {limit} %",
        "nb": "{what}: {share} % av porteføljens omsetning{year}, på eller over grensen for store kunder på {limit} %",
    },
    "group": {"en": "group {id} ({members})", "nb": "konsernet {id} ({members})"},
    "concentrated": {
        "en": "revenue{year} is {degree} concentrated: HHI {group_hhi} with groups merged "
        "(accounts alone {hhi}); effectively {n} customers",
        "nb": "omsetningen{year} er {degree} konsentrert: HHI {group_hhi} med konsern samlet "
        "(kundene hver for seg {hhi}); i praksis {n} kunder",
    },
    "degree.high": {"en": "highly", "nb": "svært"},
    "degree.moderate": {"en": "moderately", "nb": "moderat"},
}
"""The findings' texts in English and Norwegian bokmål (see :mod:`kamctl.i18n`)."""


# ------------------------------------------------------------ number helpers


def fmt_amount(value: float, currency: str = "", lang: str = "en") -> str:
    """An amount in a message, in the one money style of :mod:`kamctl.numbers`:
    ``−230 000 kr`` (nb), ``NOK −230,000`` (en)."""
    from .numbers import money

    return money(value, currency, lang)


def signed(n: int) -> str:
    """A stance as people write it: +2, 0, −3 (with a real minus sign)."""
    return f"{n:+d}".replace("-", "−") if n else "0"


# ------------------------------------------------------------- account level


class _Findings:
    def __init__(self, account: Account, path: str, doc: Document | None) -> None:
        self.account = account
        self.path = path
        self.doc = doc
        self.out: list[Diagnostic] = []

    def add(self, code: str, severity: Severity, loc: tuple[int | str, ...], message: str) -> None:
        line = col = 0
        source = None
        # An empty loc is the whole file (something missing): no line to point at.
        if self.doc is not None and loc:
            line, col = self.doc.locate(loc)
            source = self.doc.source_line(line)
        self.out.append(
            Diagnostic(
                self.path,
                line,
                col,
                severity,
                code,
                f"{self.account.id}: {message}",
                field_path(loc) or None,
                source,
                self.account.id,
            )
        )


def _who(s: Any) -> str:
    return f"{s.name} ({s.title})" if s.title else s.name


def account_risks(
    account: Account,
    config: Config,
    as_of: _dt.date,
    path: str = "",
    doc: Document | None = None,
    lang: str = "en",
) -> list[Diagnostic]:
    """Every account-level risk of DOMAIN §7 found in ``account`` as of ``as_of``;
    messages in ``lang`` (en or nb)."""
    from .account import STANCE_LABELS, DmuRole, Level, OrgLevel, Profile, Strength
    from .i18n import Locale
    from .portfolio import actual_row

    cfg: RiskConfig = config.risk
    f = _Findings(account, path, doc)

    def t(key: str, **params: object) -> str:
        return say(MESSAGES, key, lang, **params)

    def days(n: int) -> str:
        return quantity(n, "day", lang)

    def months(n: int) -> str:
        return quantity(n, "month", lang)

    # Contract: ending soon, ended, short notice, none at all.
    c = account.contract
    if c is not None and c.end is not None:
        left = (c.end - as_of).days
        notice = t("notice", months=months(c.notice_months)) if c.notice_months is not None else ""
        renew = {True: "renews", False: "no_renew", None: ""}[c.auto_renew]
        if left < 0:
            ended = {"no_renew": "no_renew_ended"}.get(renew, renew)
            f.add(
                "RISK102",
                Severity.warning,
                ("contract", "end"),
                t("ended", date=c.end.isoformat(), days=days(-left), renew=t(ended) if ended else ""),
            )
        elif left <= cfg.contract_ending_days:
            f.add(
                "RISK101",
                Severity.info if c.auto_renew else Severity.warning,
                ("contract", "end"),
                t(
                    "ends",
                    date=c.end.isoformat(),
                    days=days(left),
                    notice=notice,
                    renew=t(renew) if renew else "",
                ),
            )
    if c is not None and c.notice_months is not None and c.notice_months < cfg.short_notice_months:
        f.add(
            "RISK103",
            Severity.warning,
            ("contract", "notice_months"),
            t("short_notice", months=months(c.notice_months), limit=months(cfg.short_notice_months)),
        )
    if c is None and account.profile is Profile.full:
        f.add("RISK104", Severity.info, (), t("no_contract"))

    # People: concentration on one person, coverage, strength, stance.
    people = account.stakeholders
    if not people:
        f.add("RISK111", Severity.warning, (), t("no_people"))
    elif len(people) == 1:
        f.add(
            "RISK110",
            Severity.warning,
            ("stakeholders", 0, "name"),
            t("one_person", who=_who(people[0])),
        )
    owners = {p.owner.strip() for p in people if p.owner and p.owner.strip()}
    if people and len(owners) == 1 and all(p.owner for p in people):
        (owner,) = owners
        contacts = t("the_only_contact") if len(people) == 1 else t("all_contacts", n=len(people))
        f.add(
            "RISK112",
            Severity.warning,
            ("stakeholders", 0, "owner"),
            t("one_owner", owner=owner, contacts=contacts),
        )
    if people:
        strong = [p for p in people if p.relationship is Strength.strong]
        if len(strong) < cfg.min_strong_relationships:
            f.add(
                "RISK113",
                Severity.warning,
                ("stakeholders",),
                t(
                    "few_strong",
                    strong=t("strong.1" if len(strong) == 1 else "strong.n", n=len(strong)),
                    contacts=t("contacts.1" if len(people) == 1 else "contacts.n", n=len(people)),
                    wanted=cfg.min_strong_relationships,
                ),
            )
        if not any(p.level is OrgLevel.top for p in people):
            levels = ", ".join(p.level.value if p.level else t("unknown") for p in people)
            f.add("RISK114", Severity.warning, ("stakeholders",), t("no_top", levels=levels))
    for i, p in enumerate(people):
        if p.stance is None or p.stance >= 0:
            continue
        key = p.role is DmuRole.decision_maker or p.influence is Level.high
        if not key:
            continue
        who = t("decision_maker" if p.role is DmuRole.decision_maker else "high_influence")
        label = STANCE_LABELS[p.stance] if lang == "en" else Locale(lang).t(f"stance.{p.stance}")
        f.add(
            "RISK120",
            Severity.warning,
            ("stakeholders", i, "stance"),
            t("against", who=who, person=_who(p), stance=signed(p.stance), label=label),
        )

    # Competitors.
    for i, comp in enumerate(account.competitors):
        if comp.strength is Level.high:
            share = (
                t("competitor_share", share=decimal(comp.share, "g", lang)) if comp.share is not None else ""
            )
            f.add(
                "RISK130",
                Severity.warning,
                ("competitors", i, "strength"),
                t("competitor", name=comp.name, share=share),
            )

    # Industry exposure.
    cust = account.customer
    if cust is not None and cust.exposed_industry:
        why = f": {cust.exposure_note}" if cust.exposure_note else ""
        industry = f" ({account.industry})" if account.industry else ""
        f.add(
            "RISK140",
            Severity.warning,
            ("customer", "exposed_industry"),
            t("exposed", industry=industry, why=why),
        )

    # Staleness: contacts, actions, the plan itself — lint's rules, shared.
    from .lint.runner import run_rules

    f.out.extend(run_rules(SHARED_RULES, path, doc, account, config, as_of, lang))

    # Loss-making in the year analysed.
    # Without a fiscal year: the latest actuals (a budget is a plan, not a loss).
    year = config.fiscal_year
    if year is None:
        year = max((f.year for f in account.financials if not f.budget), default=None)
    row = actual_row(account, year)
    if row is not None:
        index = account.financials.index(row)
        currency = account.currency or config.currency
        for name in ("contribution_margin", "gross_margin"):
            value = getattr(row, name)
            if value is not None and value < 0:
                f.add(
                    "RISK160",
                    Severity.warning,
                    ("financials", index, name),
                    t("loss", label=t(name), year=row.year, amount=fmt_amount(value, currency, lang)),
                )
                break
    return f.out


YEAR_DEPENDENT = frozenset({"RISK160", "STAGE107"})
"""Findings that depend on the fiscal year analysed (the rest depend on the file and as_of only)."""


def account_findings(
    path: str, account: Account, doc: Document, *, config: Config, as_of: _dt.date, lang: str = "en"
) -> list[Diagnostic]:
    """Every account-level finding of ``kamctl risk``: risks and stage checks, located.

    Shaped for ``load_accounts(per_file=functools.partial(account_findings, config=..., as_of=...))``,
    so the findings are made in the worker that parsed the file.
    """
    from .stage import stage_findings

    return account_risks(account, config, as_of, path, doc, lang) + stage_findings(
        account, config, path, doc, lang
    )


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
    """The top of ``account_id``'s parent chain (itself when it has no parent)."""
    seen = {account_id}
    current = account_id
    while True:
        parent = parents.get(current)
        if not parent or parent in seen:  # no parent, or a cycle: stop where we are
            return current
        seen.add(parent)
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


def portfolio_findings(
    pr: PortfolioRisk, config: Config, paths: dict[str, str] | None = None, lang: str = "en"
) -> list[Diagnostic]:
    """The portfolio's concentration as findings (``RISK00x``), pointing at the account files."""
    cfg = config.risk
    paths = paths or {}

    def t(key: str, **params: object) -> str:
        return say(MESSAGES, key, lang, **params)

    out: list[Diagnostic] = []
    year = f" {pr.year}" if pr.year else ""
    if pr.largest is not None and pr.largest_share >= cfg.single_customer_share:
        s = pr.largest
        out.append(
            Diagnostic(
                paths.get(s.id, ""),
                0,
                0,
                Severity.warning,
                "RISK001",
                t(
                    "single",
                    id=s.id,
                    share=decimal(s.share, ".2f", lang),
                    year=year,
                    limit=decimal(cfg.single_customer_share, "g", lang),
                ),
                account=s.id,
            )
        )
    flagged = {pr.largest.id} if out and pr.largest else set()
    for g in pr.group_major:
        if g.id in flagged:
            continue
        what = t("group", id=g.id, members=", ".join(g.members)) if len(g.members) > 1 else g.members[0]
        out.append(
            Diagnostic(
                paths.get(g.id, paths.get(g.members[0], "")),
                0,
                0,
                Severity.info,
                "RISK002",
                t(
                    "major",
                    what=what,
                    share=decimal(g.share, ".2f", lang),
                    year=year,
                    limit=decimal(cfg.major_customer_share, "g", lang),
                ),
                account=g.id,
            )
        )
    if pr.group_hhi_band != "unconcentrated":
        out.append(
            Diagnostic(
                "",
                0,
                0,
                Severity.warning if pr.group_hhi_band == "high" else Severity.info,
                "RISK003",
                t(
                    "concentrated",
                    year=year,
                    degree=t("degree.high" if pr.group_hhi_band == "high" else "degree.moderate"),
                    group_hhi=decimal(pr.group_hhi, ".0f", lang),
                    hhi=decimal(pr.hhi, ".0f", lang),
                    n=decimal(pr.group_effective_n or 0.0, ".1f", lang),
                ),
            )
        )
    return out


# ------------------------------------------------------------------ locating


def parse_field_path(text: str | None) -> tuple[int | str, ...]:
    """'stakeholders[2].stance' → ('stakeholders', 2, 'stance'); the inverse of field_path."""
    if not text:
        return ()
    out: list[int | str] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", text):
        out.append(int(index) if index else name)
    return tuple(out)


def _locate_file(item: tuple[str, int, list[tuple[str, str | None]]]) -> list[tuple[int, int, str] | None]:
    import yaml

    from .lint.base import rule_position
    from .loader import read_file
    from .yamlsource import Document

    path, max_size, fields = item
    raw, problem = read_file(path, max_size)
    if raw is None or problem is not None:
        return [None] * len(fields)
    # Positions need only the node tree: compose with libyaml and skip
    # construction. The file was validated moments ago, so the guards of the
    # full parse (alias bombs, depth) have done their work.
    try:
        text = raw.decode("utf-8-sig")
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (UnicodeDecodeError, yaml.YAMLError):
        return [None] * len(fields)
    if root is None:
        return [None] * len(fields)
    doc = Document(None, root, text)
    out: list[tuple[int, int, str] | None] = []
    for code, f in fields:
        if code in SHARED_RULES:  # a lint rule's finding points at the key, as lint shows it
            line, col, absent = rule_position(doc, parse_field_path(f))
            out.append((line, col, "" if absent else doc.source_line(line)))
            continue
        line, col = doc.locate(parse_field_path(f))
        out.append((line, col, doc.source_line(line)))
    return out


def locate_findings(
    findings: Sequence[Diagnostic], max_size: int, *, jobs: int | None = None
) -> list[Diagnostic]:
    """Fill in line, column and source of account findings made without a Document.

    For findings computed after loading (the models keep no positions). Only
    the files that have such findings are read again; where many files have
    findings, compute them during the load instead (:func:`account_findings`
    with ``load_accounts(per_file=...)``), while the node tree is at hand.
    """
    from .loader import _map

    todo: dict[str, list[int]] = {}
    for i, d in enumerate(findings):
        if d.path and d.line == 0 and d.account is not None and d.field is not None:
            todo.setdefault(d.path, []).append(i)
    if not todo:
        return list(findings)
    items = [
        (path, max_size, [(findings[i].code, findings[i].field) for i in idx]) for path, idx in todo.items()
    ]
    located = _map(_locate_file, items, jobs)
    out = list(findings)
    for (_path, idx), positions in zip(todo.items(), located, strict=True):
        for i, pos in zip(idx, positions, strict=True):
            if pos is not None:
                line, col, source = pos
                out[i] = dataclasses.replace(out[i], line=line, column=col, source=source or None)
    return out
