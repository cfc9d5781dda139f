"""The stated relationship stage against the evidence in the plan (DOMAIN §4).

Millman & Wilson's stages have observable signs: how many people talk on each
side, at which levels, with what stance, whether plans are made jointly. A
stage that the file's own data contradicts is a finding (``STAGE1xx``): either
the stage is optimistic or the power map is out of date — both matter when
budgets follow the stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Severity, field_path
from .i18n import Messages, say

if TYPE_CHECKING:
    from .account import Account
    from .config import Config
    from .yamlsource import Document

STAGE_CODES = {
    "STAGE101": "partnership or synergistic stage with a single contact at the customer",
    "STAGE102": "partnership or synergistic stage with every relationship held by one person on our side",
    "STAGE103": "partnership or synergistic stage with no contact at top management",
    "STAGE104": "partnership or synergistic stage with a decision maker against us",
    "STAGE105": "synergistic stage without a plan agreed with the customer",
    "STAGE106": "mid-KAM with a single contact at the customer",
    "STAGE107": "pre-KAM stated, but there is revenue",
    "STAGE108": "a stage past pre-KAM stated, but no revenue in any year",
}
"""Stable ids of the stage checks. Never renumber."""

MESSAGES: Messages = {
    "but": {
        "en": "{id}: stage is {stage}, but {message}",
        "nb": "{id}: relasjonsfasen er {stage}, men {message}",
    },
    "single": {
        "en": "there is {who}; a partnership has many contacts on both sides",
        "nb": "det er {who}; et partnerskap har mange kontakter på begge sider",
    },
    "only_one": {
        "en": "only one contact at the customer ({name})",
        "nb": "bare én kontaktperson hos kunden ({name})",
    },
    "none": {"en": "no contacts at the customer", "nb": "ingen kontaktpersoner hos kunden"},
    "one_owner": {
        "en": "all {n} contacts are held by {owner} on our side; a partnership has many contacts on both sides",
        "nb": "alle {n} kontaktpersonene eies av {owner} hos oss; et partnerskap har mange kontakter på begge sider",
    },
    "no_top": {"en": "there is no contact at top management", "nb": "det er ingen kontakt i toppledelsen"},
    "against": {
        "en": "decision maker {name} has stance {stance}",
        "nb": "beslutningstakeren {name} har holdning {stance}",
    },
    "not_agreed": {
        "en": "the plan is not agreed with the customer (joint_planning.agreed); "
        "synergistic KAM means joint business plans",
        "nb": "planen er ikke omforent med kunden (joint_planning.agreed); "
        "synergistisk KAM betyr felles forretningsplaner",
    },
    "mid": {
        "en": "there is {what} at the customer; mid-KAM means more contacts on both sides",
        "nb": "det er {what} hos kunden; mid-KAM betyr flere kontakter på begge sider",
    },
    "mid.one": {"en": "only one contact", "nb": "bare én kontaktperson"},
    "mid.none": {"en": "no contact", "nb": "ingen kontaktperson"},
    "revenue": {
        "en": "revenue {year} is {amount}; pre-KAM means no transaction yet",
        "nb": "omsetningen {year} er {amount}; pre-KAM betyr at det ennå ikke har vært noen handel",
    },
    "no_revenue": {
        "en": "no year has any revenue; from early-KAM on there are deals",
        "nb": "det er ingen omsetning i noe år; fra early-KAM og videre er det handel",
    },
}
"""The findings' texts in English and Norwegian bokmål (see :mod:`kamctl.i18n`)."""


def stage_findings(
    account: Account, config: Config, path: str = "", doc: Document | None = None, lang: str = "en"
) -> list[Diagnostic]:
    from .account import DmuRole, OrgLevel, Stage
    from .risk import fmt_amount, signed

    stage = account.stage
    if stage is None:
        return []
    out: list[Diagnostic] = []

    def t(key: str, **params: object) -> str:
        return say(MESSAGES, key, lang, **params)

    def add(code: str, severity: Severity, loc: tuple[int | str, ...], message: str) -> None:
        line = col = 0
        source = None
        if doc is not None:
            line, col = doc.locate(loc)
            source = doc.source_line(line)
        out.append(
            Diagnostic(
                path,
                line,
                col,
                severity,
                code,
                t("but", id=account.id, stage=stage.value, message=message),
                field_path(loc),
                source,
                account.id,
            )
        )

    people = account.stakeholders
    close = stage in (Stage.partnership_kam, Stage.synergistic_kam)
    if close:
        if len(people) <= 1:
            who = t("only_one", name=people[0].name) if people else t("none")
            add("STAGE101", Severity.warning, ("stage",), t("single", who=who))
        owners = {p.owner.strip() for p in people if p.owner and p.owner.strip()}
        if len(people) > 1 and len(owners) == 1 and all(p.owner for p in people):
            add(
                "STAGE102",
                Severity.warning,
                ("stage",),
                t("one_owner", n=len(people), owner=next(iter(owners))),
            )
        if people and not any(p.level is OrgLevel.top for p in people):
            add("STAGE103", Severity.warning, ("stage",), t("no_top"))
        for i, p in enumerate(people):
            if p.role is DmuRole.decision_maker and p.stance is not None and p.stance < 0:
                add(
                    "STAGE104",
                    Severity.warning,
                    ("stakeholders", i, "stance"),
                    t("against", name=p.name, stance=signed(p.stance)),
                )
    if stage is Stage.synergistic_kam:
        jp = account.joint_planning
        if jp is None or not jp.agreed:
            add(
                "STAGE105",
                Severity.warning,
                ("joint_planning", "agreed") if jp is not None else ("stage",),
                t("not_agreed"),
            )
    if stage is Stage.mid_kam and len(people) <= 1:
        add(
            "STAGE106",
            Severity.warning,
            ("stage",),
            t("mid", what=t("mid.one" if people else "mid.none")),
        )

    revenue_rows = [(i, f) for i, f in enumerate(account.financials) if f.revenue and not f.budget]
    if stage is Stage.pre_kam:
        year = config.fiscal_year
        rows = [(i, f) for i, f in revenue_rows if year is None or f.year == year]
        if rows:
            i, f = max(rows, key=lambda r: r[1].year)
            assert f.revenue is not None  # revenue_rows holds only rows with revenue
            add(
                "STAGE107",
                Severity.warning,
                ("financials", i, "revenue"),
                t(
                    "revenue",
                    year=f.year,
                    amount=fmt_amount(f.revenue, account.currency or config.currency, lang),
                ),
            )
    elif stage is not Stage.uncoupling and account.financials and not revenue_rows:
        add(
            "STAGE108",
            Severity.info,
            ("stage",),
            t("no_revenue"),
        )
    return out
