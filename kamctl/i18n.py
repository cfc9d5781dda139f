"""Every text kamctl shows a person, in the person's language, from gettext catalogues.

English is the source language: a message id *is* the English text, and
``en`` needs no catalogue. Every other language is one catalogue,
``kamctl/locale/<lang>/LC_MESSAGES/kamctl.po``, compiled to the ``.mo`` beside
it that the wheel ships (docs/i18n.md: extract, update, compile, test).
:func:`translator` loads it with the standard library's :mod:`gettext` — Babel
is the developers' tool for the catalogues, not a run-time dependency (loading
Babel's locale data would cost start-up time and a dependency for formats that
two rows of the catalogue already say).

The formats of numbers, money and dates are :mod:`kamctl.numbers` (one
formatter, one rounding rule, one money style per language); :class:`Locale`
uses it with a no-break space in nb groups, so ``1 234 567 kr`` never breaks
across lines in print.
"""

from __future__ import annotations

import datetime as _dt
import functools
import gettext as _gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from . import numbers
from .numbers import MINUS, NBSP

__all__ = [
    "MINUS",
    "NBSP",
    "Locale",
    "Message",
    "decimal",
    "legacy",
    "ntr",
    "quantity",
    "say",
    "tr",
    "translator",
]

DOMAIN = "kamctl"
SOURCE_LANG = "en"
"""The language of the message ids; it needs no catalogue."""
DEFAULT_LANG = "nb"
"""The language when nothing else names one: kamctl's users are Norwegian."""
LOCALEDIR = Path(__file__).with_name("locale")
"""``<lang>/LC_MESSAGES/kamctl.mo`` for every language but English."""


def N_(message: str) -> str:
    """Mark ``message`` for extraction and return it untranslated (messages are
    data until a reporter shows them in the run's language)."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Like :func:`N_`, for a message whose English is ambiguous: the pair is
    translated with ``pgettext(context, message)``."""
    return (context, message)


def NN_(singular: str, plural: str) -> tuple[str, str]:
    """Like :func:`N_`, for a counted message: shown with :func:`ntr` (``ngettext``)."""
    return (singular, plural)


Label = str | tuple[str, str]
"""A message id, or (context, message id) for :func:`NP_`."""


class UnknownLanguage(ValueError):
    """No catalogue for this language."""


def languages() -> tuple[str, ...]:
    """Every language kamctl speaks: English and each compiled catalogue."""
    found = sorted(p.parent.parent.name for p in LOCALEDIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANG, *(lang for lang in found if lang != SOURCE_LANG))


@functools.cache
def translator(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``; English is the ids themselves.

    Loaded once per process and language (a .mo of ~600 messages reads in
    well under a millisecond)."""
    if lang == SOURCE_LANG:
        return _gettext.NullTranslations()
    path = LOCALEDIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as fh:
            return _gettext.GNUTranslations(fh)
    except FileNotFoundError:
        raise UnknownLanguage(
            f"no catalogue for language {lang!r}; kamctl speaks {', '.join(languages())}"
        ) from None


def tr(lang: str, message: Label, **params: object) -> str:
    """``message`` (an id from :func:`N_` or a pair from :func:`NP_`) in ``lang``,
    filled in with ``params`` by :meth:`str.format`."""
    cat = translator(lang)
    text = cat.pgettext(*message) if isinstance(message, tuple) else cat.gettext(message)
    return text.format(**params) if params else text


def ntr(lang: str, singular: str, plural: str, n: int, **params: object) -> str:
    """The form of a counted message for ``n``, filled in (``n`` included)."""
    return translator(lang).ngettext(singular, plural, n).format(n=n, **params)


# ------------------------------------------------------------- messages as data

MessageArg = Union[str, int, "Message"]


@dataclass(frozen=True)
class Message:
    """A text as data until a reporter shows it: a message id (from :func:`N_`
    or :func:`NP_`) and its arguments, which may be messages themselves.

    ``str(message)`` is the English; :meth:`text` any language. The pair goes
    into the validation cache as :meth:`to_data`, so a cached run shows the
    same text in every language as a fresh one."""

    id: Label
    args: tuple[tuple[str, MessageArg], ...] = ()

    @classmethod
    def of(cls, message: Label, **args: MessageArg) -> Message:
        return cls(message, tuple(args.items()))

    def text(self, lang: str) -> str:
        params = {k: _arg(v, lang) for k, v in self.args}
        return tr(lang, self.id, **params) if params else tr(lang, self.id)

    def __str__(self) -> str:
        return self.text(SOURCE_LANG)

    def to_data(self) -> dict[str, object]:
        """JSON-ready: ``{"id": ..., "context": ..., "args": {...}}``."""
        context, mid = self.id if isinstance(self.id, tuple) else (None, self.id)
        return {
            "id": mid,
            "context": context,
            "args": {k: v.to_data() if isinstance(v, Message) else v for k, v in self.args},
        }

    @classmethod
    def from_data(cls, data: object) -> Message | None:
        """:meth:`to_data` back; None for anything of another shape (a damaged cache)."""
        if not isinstance(data, dict) or set(data) != {"id", "context", "args"}:
            return None
        mid, context, raw = data["id"], data["context"], data["args"]
        if (
            not isinstance(mid, str)
            or not isinstance(context, (str, type(None)))
            or not isinstance(raw, dict)
        ):
            return None
        args: list[tuple[str, MessageArg]] = []
        for k, v in raw.items():
            if isinstance(v, dict):
                nested = cls.from_data(v)
                if nested is None:
                    return None
                args.append((k, nested))
            elif isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)):
                args.append((k, v))
            else:
                return None
        return cls((context, mid) if context is not None else mid, tuple(args))


def _arg(value: MessageArg, lang: str) -> str:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, int):
        # An int argument is a count, grouped as the language groups (12,345 / 12 345).
        return numbers.number(value, lang if lang in numbers.LANGS else SOURCE_LANG)
    return value


# ----------------------------------------------------------- language names

_ALIASES = {"no": "nb", "nob": "nb", "eng": "en"}
"""Spellings people and systems use for a language that has another code:
``no`` (Norwegian, as in ``LANG=no_NO``) is written in bokmål here."""

_TAG = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


def normalize_lang(value: str) -> str | None:
    """The language code in a spelling people use, or None for "no language named".

    ``nb``, ``no``, ``nb_NO``, ``nb_NO.UTF-8``, ``nb-NO``, ``en_GB.UTF-8@euro``
    → ``nb`` / ``en``. ``C``, ``POSIX`` and ``C.UTF-8`` name no language (they
    are what a bare container sets). Anything that is not a language tag raises
    :class:`ValueError`.
    """
    text = value.strip()
    base = text.split(".", 1)[0].split("@", 1)[0]
    if text == "" or base in ("C", "POSIX"):
        return None
    if not _TAG.fullmatch(base):
        raise ValueError(f"{value!r} is not a language (use e.g. nb, en, nb_NO.UTF-8)")
    code = re.split(r"[_-]", base, maxsplit=1)[0].lower()
    return _ALIASES.get(code, code)


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Consulted in this order, as gettext does; the first one set decides."""


def resolve_language(
    option: str | None,
    *,
    environ: Mapping[str, str],
    config_lang: str | None,
    env_var: str = "KAMCTL_LANG",
    environment: bool = True,
) -> tuple[str, str | None]:
    """The language of a run and the notice to show, if any.

    ``--lang``, then ``$KAMCTL_LANG``, then the config's ``lang`` (None when the
    config does not set it), then the locale (``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``), then nb. ``environment=False`` (documents shared with the team)
    skips the two that are one person's terminal settings. A language without
    a catalogue is English, with a notice naming it; a value that is no
    language at all raises :class:`ValueError` naming where it came from.
    """
    candidates: list[tuple[str, str | None]] = [("--lang", option)]
    if environment:
        candidates.append((env_var, environ.get(env_var)))
    candidates.append(("lang", config_lang))
    if environment:
        for name in LOCALE_VARIABLES:
            if environ.get(name, "").strip():
                candidates.append((name, environ[name]))
                break
    for source, raw in candidates:
        if raw is None:
            continue
        try:
            lang = normalize_lang(raw)
        except ValueError:
            if source in LOCALE_VARIABLES:
                continue  # a broken locale setting is the system's business, not a usage error
            raise ValueError(
                f"{source}: {raw!r} is not a language; use one of {', '.join(languages())}"
            ) from None
        if lang is None:
            continue
        if lang in languages():
            return lang, None
        return SOURCE_LANG, (
            f"no {lang!r} catalogue ({source}={raw}); using English. Languages: {', '.join(languages())}"
        )
    return DEFAULT_LANG, None


# Keys with a dot are enum values: "<enum>.<value>".
_LABELS: dict[str, Label] = {
    # document
    "plan_title": N_("Account plan"),
    "report_title": N_("Portfolio report"),
    "kam": N_("KAM"),
    "as_of": N_("Date"),
    "generated_by": N_("Made with kamctl"),
    "empty": N_("Not filled in."),
    "not_computed": N_("Not computed."),
    "unknown": N_("unknown"),
    "none": N_("none"),
    "yes": N_("yes"),
    "no": N_("no"),
    "light_note": N_("KAM light: a simplified plan without every section of a full account plan."),
    # sections
    "sec.summary": N_("Summary"),
    "sec.customer": N_("Customer profile"),
    "sec.team": N_("Account team"),
    "sec.classification": N_("Classification"),
    "sec.financials": N_("Financials"),
    "sec.goals": N_("Goals"),
    "sec.strategy": N_("Strategy"),
    "sec.stakeholders": N_("Decision process and stakeholder map"),
    "sec.opportunities": N_("Opportunities and pipeline"),
    "sec.white_space": N_("White space"),
    "sec.competition": N_("Competitors and contract"),
    "sec.risks": N_("Risks"),
    "sec.actions": N_("Actions"),
    "sec.measures": N_("Measures"),
    "sec.rhythm": N_("Meeting rhythm and joint planning"),
    "sec.quality": N_("Plan quality"),
    "sec.notes": N_("Notes"),
    "sec.not_filled": N_("Not yet filled in"),
    # report sections
    "rep.overview": N_("Overview"),
    "rep.kaism": N_("KAISM matrix"),
    "rep.abc": N_("ABC analysis"),
    "rep.concentration": N_("Concentration"),
    "rep.risk": N_("Risk summary"),
    "rep.accounts": N_("Accounts"),
    "rep.health": N_("Plan health"),
    "rep.pipeline": N_("Weighted pipeline by quarter"),
    "rep.renewals": N_("Contract renewals and notice deadlines, next 12 months"),
    "rep.qbrs": N_("Upcoming QBRs"),
    "health.note": N_(
        "Plans with a red or amber band in kamctl status (completeness, review, key contact, "
        "coverage, findings); green plans are left out."
    ),
    "health.all_green": N_("Every plan is green."),
    "health.red": N_("Red plans"),
    "health.stale": N_("Plans not reviewed in time"),
    "health.incomplete": N_("Incomplete plans"),
    "health.completeness": N_("Complete"),
    "health.reviewed": N_("Reviewed, days ago"),
    "health.key_contact": N_("Key contact, days ago"),
    "health.coverage": N_("Coverage"),
    "health.findings": N_("E/W/I"),
    "health.band": N_("Health"),
    "band.green": N_("green"),
    "band.amber": N_("amber"),
    "band.red": N_("red"),
    "never": N_("never"),
    "quarter": N_("Q{q} {year}"),
    "close_passed": N_("Expected close passed"),
    "close_undated": N_("No expected close"),
    "opportunities_count": N_("Opportunities"),
    "quarter_col": N_("Quarter"),
    "revenue_change": N_("Revenue against the year before"),
    "margin_change": N_("Gross margin against the year before"),
    "sow_change": N_("Share of wallet against the year before"),
    "actions_on_time": N_("Due actions done on time"),
    "actions_done_due": N_("Due actions done"),
    "rep.measures": N_("Measures of the portfolio"),
    "of_n": N_("{k} of {n}"),
    "points": N_("{n} percentage points"),
    "win_loss": N_("Win/loss reviews"),
    "wl.closed": N_("Closed"),
    "wl.reason": N_("Reason"),
    "wl.competitor": N_("Competitor"),
    "wl.lessons": N_("Lessons"),
    "wl.with_customer": N_("With the customer"),
    "wl.reviewed": N_("Reviewed"),
    "rep.win_loss": N_("Win/loss reasons across the portfolio"),
    "wl.sum_note": N_(
        "Won and lost deals per reason from their win/loss reviews, lost first; value in the portfolio's currency."
    ),
    "wl.none": N_("No won or lost deal yet."),
    "wl.not_reviewed": N_("(not reviewed)"),
    "wl.outcome": N_("Outcome"),
    "wl.deals": N_("Deals"),
    "wl.competitors": N_("Competitors"),
    "wl.accounts": N_("Accounts"),
    "res.title": N_("Internal resources"),
    "competitor_stance": N_("Stance towards the competitors"),
    "res.function": N_("Function"),
    "res.needed": N_("Needed"),
    "res.committed": N_("Committed"),
    "res.short": N_("Short"),
    "res.committed_by": N_("Committed by"),
    "date_from": N_("Date from"),
    "count_col": N_("Number"),
    "no_open_pipeline": N_("No open opportunities."),
    "sum_total": N_("Total"),
    "pipeline.note": N_(
        "Open opportunities by the quarter of their expected close; weighted = value × probability."
    ),
    "notice_deadline": N_("Last day to give notice"),
    "deadline_passed": N_("deadline passed"),
    "in_days": N_("in {n} days"),
    "renewals.none": N_("No contract ends in the next 12 months."),
    "qbr.planned_short": N_("planned"),
    "qbr.derived_short": N_("3 months after the last"),
    "qbr.none_upcoming": N_("No QBR in the next three months."),
    "qbr.no_date": N_("No QBR date"),
    "qbr.note": N_("Next QBR of each account up to three months ahead, overdue ones first."),
    # facts
    "quadrant": N_("KAISM quadrant"),
    "tier": N_("Tier"),
    "priority": N_("Investment priority"),
    "attractiveness": N_("Customer attractiveness"),
    "strength": N_("Our strength"),
    "criterion": N_("Criterion"),
    "weight": N_("Weight"),
    "score": N_("Score"),
    "threshold": N_("Threshold"),
    "unclassified": N_("Unclassified"),
    "missing_scores": N_("Missing scores"),
    "scored_on": N_("Scored on"),
    "scored_by": N_("Scored by"),
    "abc_class": N_("ABC class"),
    "abc_rank": N_("Rank"),
    "share": N_("Share"),
    "cumulative": N_("Cumulative share"),
    "selection_criteria": N_("Selection criteria"),
    "met": N_("Met"),
    "note": N_("Note"),
    "year": N_("Year"),
    "revenue": N_("Revenue"),
    "gross_margin": N_("Gross margin"),
    "contribution_margin": N_("Contribution margin"),
    "category_spend": N_("Customer's category spend"),
    "share_of_wallet": NP_("plan figure", "Share of wallet"),
    "sow": N_("Share of wallet"),
    "budget": N_("budget"),
    "fiscal_year": N_("Fiscal year"),
    "weighted_pipeline": N_("Weighted pipeline"),
    "pipeline_total": N_("Open pipeline (unweighted)"),
    "revenue_margin_chart": N_("Revenue and gross margin by year"),
    "revenue_chart": N_("Revenue by year"),
    "pipeline_chart": N_("Open pipeline by stage"),
    "kaism_chart": N_("KAISM matrix"),
    "pareto_chart": N_("ABC analysis (Pareto)"),
    "pareto_rest": N_("{n} other accounts"),
    # customer profile
    "name": N_("Name"),
    "org_number": N_("Org. no."),
    "industry": N_("Industry"),
    "country": N_("Country"),
    "customer_since": N_("Customer since"),
    "stage": N_("Relationship stage"),
    "profile": N_("Plan profile"),
    "parent": N_("Group"),
    "business": N_("Business"),
    "revenue_sources": N_("Revenue sources"),
    "customer_goals": N_("Customer's goals (1–3 years)"),
    "trends": N_("Trends"),
    "regulation": N_("Regulation"),
    "technology": N_("Technology"),
    "success_measures": N_("How the customer measures success"),
    "employees": N_("Employees"),
    "sites": N_("Units and sites"),
    "exposed_industry": N_("Exposed industry"),
    "decision_process": N_("Decision process"),
    # team
    "role": N_("Role"),
    "responsibility": N_("Responsibility"),
    "email": N_("E-mail"),
    # goals
    "goal": N_("Goal"),
    "metric": N_("Metric"),
    "target": N_("Target"),
    "due": N_("Due"),
    # stakeholders
    "title": N_("Title"),
    "dmu_role": N_("DMU role"),
    "org_level": N_("Level"),
    "influence": N_("Influence"),
    "stance": N_("Stance (−3..+3)"),
    "relationship": N_("Relationship"),
    "style": N_("Communication style"),
    "style_short": N_("Style"),
    "owner": N_("Owner (ours)"),
    "responsible": N_("Owner"),
    "last_contact": N_("Last contact"),
    "trust": N_("Trust"),
    "trust_scores": N_("Trust equation (Maister)"),
    "trust_formula": N_(
        "Trust = (credibility + reliability + intimacy) / self-orientation; each factor 1–10."
    ),
    "credibility": N_("Credibility"),
    "reliability": N_("Reliability"),
    "intimacy": N_("Intimacy"),
    "self_orientation": N_("Self-orientation"),
    "stakeholder_map": N_("Stakeholder map (by influence)"),
    # opportunities
    "opportunity": N_("Opportunity"),
    "value": N_("Value"),
    "probability": N_("Probability"),
    "weighted": N_("Weighted"),
    "expected_close": N_("Expected close"),
    "status": N_("Status"),
    "pipeline_stage": N_("Stage"),
    "offering": N_("Offering"),
    # white space
    "white_space_note": N_(
        "Rows are our offerings, columns the customer's units. Empty cells are untapped potential."
    ),
    "untapped": N_("untapped"),
    # competitors, contract
    "competitor": N_("Competitor"),
    "competitor_strength": N_("Strength"),
    "contract": N_("Contract"),
    "start": N_("Start"),
    "end": N_("End"),
    "notice_months": N_("Notice period (months)"),
    "auto_renew": N_("Renews automatically"),
    "terms": N_("Terms"),
    # risks
    "risk": N_("Risk"),
    "category": N_("Category"),
    "likelihood": N_("Likelihood"),
    "impact": N_("Impact"),
    "mitigation": N_("Mitigation"),
    "written_risks": N_("Risks in the plan"),
    "computed_risks": N_("Computed risk signals"),
    "stage_findings": N_("Stage against evidence"),
    "no_findings": N_("No findings."),
    "finding": N_("Finding"),
    "details": N_("Details"),
    "findings": N_("Findings"),
    "severity": N_("Severity"),
    "code": N_("Code"),
    # actions
    "action": N_("Action"),
    "overdue": N_("overdue"),
    "overdue_actions": N_("Overdue actions"),
    "actions_done": N_("Share of planned actions done"),
    # measures
    "satisfaction": N_("Customer satisfaction (0–10)"),
    "nps": N_("NPS"),
    "renewal_rate": N_("Renewal rate"),
    "sow_target": N_("Share of wallet target"),
    "strong_relationships": N_("Strong relationships"),
    # rhythm
    "operational_meetings": N_("Operational meetings"),
    "relationship_meetings": N_("Relationship meetings"),
    "last_qbr": N_("Last QBR"),
    "next_qbr": N_("Next QBR"),
    "agreed": N_("Agreed with the customer"),
    "reviewed": N_("Last reviewed"),
    "next_review": N_("Next review"),
    # quality
    # report
    "accounts_count": N_("Accounts in the portfolio"),
    "total_revenue": N_("Total revenue"),
    "largest_share": N_("Largest single account"),
    "top5_share": N_("Share of the top 5"),
    "hhi": N_("Concentration index (HHI)"),
    "effective_n": N_("Effective number of customers (groups merged)"),
    "accounts_short": N_("Accounts"),
    "major_accounts": N_("Accounts above the disclosure level"),
    "what_if": N_("What if the account leaves"),
    "if_halves": N_("Volume halved"),
    "if_leaves": N_("Leaves"),
    "account": N_("Account"),
    "errors": N_("Errors"),
    "warnings": N_("Warnings"),
    "infos": N_("Info"),
    "accounts_with_findings": N_("Accounts with findings"),
    # hhi bands
    "hhi_groups": N_("HHI with groups merged"),
    "margin_if_leaves": N_("Gross margin lost if it leaves"),
    "portfolio_findings": N_("Portfolio findings"),
    "findings_by_code": N_("Findings in the plans, by code"),
    "example": N_("Example"),
    "hhi.unconcentrated": N_("unconcentrated"),
    "hhi.moderate": N_("moderately concentrated"),
    "hhi.high": N_("highly concentrated"),
    # enums
    "profile.full": N_("Full"),
    "profile.light": N_("KAM light"),
    "stage.pre-kam": N_("Pre-KAM"),
    "stage.early-kam": N_("Early-KAM"),
    "stage.mid-kam": N_("Mid-KAM"),
    "stage.partnership-kam": N_("Partnership-KAM"),
    "stage.synergistic-kam": N_("Synergistic-KAM"),
    "stage.uncoupling": N_("Uncoupling"),
    "quadrant.key_development": N_("Key development account"),
    "quadrant.key": N_("Key account"),
    "quadrant.maintenance": N_("Maintenance account"),
    "quadrant.opportunistic": N_("Opportunistic account"),
    "level.high": N_("high"),
    "level.medium": N_("medium"),
    "level.low": N_("low"),
    "strength.strong": N_("strong"),
    "strength.medium": N_("medium"),
    "strength.weak": N_("weak"),
    "role.decision_maker": N_("decision maker"),
    "role.influencer": N_("influencer"),
    "role.user": N_("user"),
    "role.buyer": N_("buyer"),
    "role.gatekeeper": N_("gatekeeper"),
    "role.technical": N_("technical/IT"),
    "role.finance": N_("finance"),
    "orglevel.top": N_("top management"),
    "orglevel.middle": N_("middle management"),
    "orglevel.operational": N_("operational"),
    "style.red": N_("red"),
    "style.yellow": N_("yellow"),
    "style.green": N_("green"),
    "style.blue": N_("blue"),
    "style.driver": N_("driver"),
    "style.expressive": N_("expressive"),
    "style.amiable": N_("amiable"),
    "style.analytical": N_("analytical"),
    "powermap.title": N_("Power map"),
    "powermap.legend1": N_("Lines: reports to. Dashed arrows: influences."),
    "powermap.legend2": N_("Colour and text: stance. Size: influence. Border: strength of our relationship."),
    "powermap.owner": NP_("power map", "owner"),
    "powermap.no_stance": N_("stance unknown"),
    "stance.-3": N_("blocker"),
    "stance.-2": N_("critic"),
    "stance.-1": N_("sceptic"),
    "stance.0": N_("neutral"),
    "stance.1": N_("supporter"),
    "stance.2": N_("partner"),
    "stance.3": N_("advocate"),
    "oppstatus.open": N_("open"),
    "oppstatus.won": N_("won"),
    "oppstatus.lost": N_("lost"),
    "pipeline.lead": N_("lead"),
    "pipeline.qualified": N_("qualified"),
    "pipeline.proposal": N_("proposal"),
    "pipeline.negotiation": N_("negotiation"),
    "pipeline.closed": N_("closed"),
    "pipeline.none": N_("no stage"),
    "actstatus.planned": N_("planned"),
    "actstatus.in_progress": N_("in progress"),
    "actstatus.done": N_("done"),
    "actstatus.cancelled": N_("cancelled"),
    "ws.active": N_("active"),
    "ws.pilot": N_("pilot"),
    "ws.opportunity": N_("opportunity"),
    "ws.competitor": N_("competitor"),
    "ws.not_relevant": N_("not relevant"),
    "riskcat.people": N_("people"),
    "riskcat.competitor": N_("competitor"),
    "riskcat.technology": N_("technology"),
    "riskcat.dependence": N_("dependence"),
    "riskcat.contract": N_("contract"),
    "riskcat.industry": N_("industry"),
    "riskcat.delivery": N_("delivery"),
    "riskcat.other": N_("other"),
    "horizon.strategic": N_("Strategic goals (3–5 years)"),
    "horizon.tactical": N_("Tactical goals (1–2 years)"),
    "horizon.operational": N_("Operational goals (1 year)"),
    "strategy.main": N_("Main strategy"),
    "strategy.product": N_("Product"),
    "strategy.price": N_("Price"),
    "strategy.distribution": N_("Distribution"),
    "strategy.communication": N_("Communication"),
    "strategy.service": N_("Service"),
    "strategy.relationship": N_("Relationship"),
    "severity.error": N_("error"),
    "severity.warning": N_("warning"),
    "severity.info": N_("info"),
    "severity.error.n": N_("errors"),
    "severity.warning.n": N_("warnings"),
    "severity.info.n": N_("info"),
}


# Short titles of the findings of kamctl's analyses, by their stable codes, so
# that a Norwegian plan names each finding in Norwegian; the analysis' own
# message (with names, dates and figures) is shown beside it.
_FINDINGS: dict[str, Label] = {
    "RISK001": N_("One customer carries too much of the revenue"),
    "RISK002": N_("Major customer (above the disclosure level)"),
    "RISK003": N_("Revenue is concentrated"),
    "RISK101": N_("Contract ends soon"),
    "RISK102": N_("Contract has ended"),
    "RISK103": N_("Short notice period"),
    "RISK104": N_("No contract recorded"),
    "RISK110": N_("Relationship rests on one person at the customer"),
    "RISK111": N_("No people at the customer recorded"),
    "RISK112": N_("Every relationship held by one person on our side"),
    "RISK113": N_("Too few strong relationships"),
    "RISK114": N_("No contact at top management"),
    "RISK120": N_("Decision maker against us"),
    "RISK130": N_("Strong competitor present"),
    "RISK140": N_("Customer in an exposed industry"),
    "RISK160": N_("Loss-making customer (negative margin)"),
    "STAGE101": N_("Partnership with a single contact"),
    "STAGE102": N_("Partnership held by one person on our side"),
    "STAGE103": N_("Partnership without top-management contact"),
    "STAGE104": N_("Partnership with a decision maker against us"),
    "STAGE105": N_("Synergistic stage without a jointly agreed plan"),
    "STAGE106": N_("Mid-KAM with a single contact"),
    "STAGE107": N_("Pre-KAM stated, but there is revenue"),
    "STAGE108": N_("Stage past pre-KAM, but no revenue"),
    "KAM001": N_("Invalid account file"),
    "KAM002": N_("Unused suppression comment"),
    "KAM101": N_("Plan section missing"),
    "KAM102": N_("Goal without a numeric target"),
    "KAM103": N_("Part strategy missing"),
    "KAM104": N_("Team member without role or responsibility"),
    "KAM105": N_("Action without owner, due date or status"),
    "KAM106": N_("Overdue action"),
    "KAM107": N_("Opportunity without value, probability or owner"),
    "KAM108": N_("Gap in the stakeholder map"),
    "KAM109": N_("Single contact at the customer"),
    "KAM110": N_("Decision maker without a recorded stance"),
    "KAM111": N_("Stale contact"),
    "KAM112": N_("Plan not reviewed in time"),
    "KAM113": N_("No next QBR scheduled"),
    "KAM114": N_("KAISM scores missing"),
    "KAM115": N_("Joint planning not stated"),
    "KAM116": N_("Open opportunity past its expected close"),
    "KAM117": N_("Blocker influences a decision maker"),
    "KAM118": N_("Key person favours a competitor"),
    "KAM119": N_("Closed deal without a win/loss review"),
    "KAM125": N_("Win/loss reason not in the list"),
    "KAM126": N_("Committed resources short of the need"),
    "KAM127": N_("Decision maker no supporter reaches"),
    "KAM130": N_("Classification block out of date"),
    "KAM131": N_("Date of something done lies in the future"),
    "KAISM101": N_("Account cannot be classified (KAISM)"),
    "KAISM102": N_("KAISM classification on part of the criteria"),
    "PORT101": N_("Too few key accounts"),
    "PORT102": N_("Too many key accounts"),
    "PORT103": N_("Number of key accounts outside the guide"),
    "PORT104": N_("KAM holds too many accounts"),
    "PORT105": N_("Account without a KAM"),
    "PORT106": N_("Resources do not follow priority"),
}


# Labels of the usual KAISM criteria (DOMAIN §3, seed 003, the default config).
# Criteria are config keys a company names itself; a key not listed here is
# shown as written, with underscores as spaces.
_CRITERIA: dict[str, Label] = {
    "volume_potential": N_("Volume potential"),
    "margin_potential": N_("Margin potential"),
    "growth": N_("Growth"),
    "market_share_gain": N_("Market share gain"),
    "innovation": N_("Innovation"),
    "opinion_leadership": N_("Opinion leadership"),
    "reference_value": N_("Reference value"),
    "strategic_fit": N_("Strategic fit"),
    "ability_to_pay": N_("Ability to pay"),
    "financial_muscle": N_("Financial muscle"),
    "willingness_to_change": N_("Willingness to change"),
    "relationship_potential": N_("Relationship potential"),
    "product_fit": N_("Product fit"),
    "price_position": N_("Price position"),
    "relationship_depth": N_("Relationship depth"),
    "delivery_record": N_("Delivery record"),
    "share_of_wallet": N_("Share of wallet"),
}


def label_keys() -> frozenset[str]:
    return frozenset(_LABELS)


class UnknownLabel(KeyError):
    """A template asked for a label that does not exist (a typo in a template)."""


class Locale:
    """Formatting for one language. ``Locale("nb").money(1234567)`` → ``'1 234 567 kr'``."""

    def __init__(self, lang: str, currency: str = "NOK") -> None:
        self.lang = lang
        self.currency = currency
        self._cat = translator(lang)  # UnknownLanguage (a ValueError) for a language without one

    # -- labels -------------------------------------------------------------------

    def gettext(self, message: Label) -> str:
        """A message id (or an :func:`NP_` pair) in this language."""
        if isinstance(message, tuple):
            return self._cat.pgettext(*message)
        return self._cat.gettext(message)

    def t(self, key: str) -> str:
        try:
            message = _LABELS[key]
        except KeyError:
            raise UnknownLabel(f"no label {key!r} (kamctl.i18n)") from None
        return self.gettext(message)

    def enum(self, kind: str, value: object) -> str:
        """Label of an enum value: ``enum("role", DmuRole.buyer)`` → ``'innkjøp'``."""
        if value is None:
            return ""
        raw = getattr(value, "value", value)
        return self.t(f"{kind}.{raw}")

    def criterion(self, key: str) -> str:
        """A KAISM criterion's label: ``criterion("growth")`` → ``'Vekst i kundens marked'`` (nb)."""
        known = _CRITERIA.get(key)
        if known:
            return self.gettext(known)
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            return key
        text = key.replace("_", " ")
        return text[:1].upper() + text[1:]

    @staticmethod
    def known_criterion(key: str) -> bool:
        """Whether ``key`` is one of the KAISM criteria kamctl has a label for."""
        return key in _CRITERIA

    def finding_title(self, code: str) -> str:
        """A short title for a finding code in this language; '' for a code kamctl does not know."""
        title = _FINDINGS.get(code)
        return self.gettext(title) if title else ""

    def stance(self, value: int | None) -> str:
        """``+2 partner``, ``−3 blokkerer``, ``0 nøytral``."""
        if value is None:
            return ""
        sign = "+" if value > 0 else (MINUS if value < 0 else "")
        return f"{sign}{abs(value)} {self.t(f'stance.{value}')}"

    # -- numbers ------------------------------------------------------------------

    def number(self, value: float | int | None, decimals: int = 0) -> str:
        return "" if value is None else numbers.number(value, self.lang, decimals, space=NBSP)

    def money(self, value: float | int | None, currency: str | None = None, decimals: int = 0) -> str:
        if value is None:
            return ""
        return numbers.money(value, currency or self.currency, self.lang, decimals, space=NBSP)

    def money_short(self, value: float | int | None, currency: str | None = None) -> str:
        """Millions with one decimal for chart labels: ``31,3 mill. kr`` / ``NOK 31.3m``."""
        if value is None:
            return ""
        cur = currency or self.currency
        num = self.number(value / 1_000_000, 1)
        if self.lang == "nb":
            return f"{num}{NBSP}mill.{NBSP}{'kr' if cur == 'NOK' else cur}"
        return f"{cur}{NBSP}{num}m"

    def percent(self, value: float | None, decimals: int = 1) -> str:
        """``value`` is in percent (43.1 → ``43,1 %``)."""
        return "" if value is None else numbers.percent(value, self.lang, decimals, space=NBSP)

    def date(self, value: _dt.date | None) -> str:
        return "" if value is None else numbers.date(value, self.lang)

    def counted(self, n: int, severity: str) -> str:
        """``1 advarsel``, ``2 advarsler``, ``0 errors``."""
        singular, plural = _SEVERITY_COUNTS[severity]
        return self._cat.ngettext(singular, plural, n).format(n=n)

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self.t("yes") if value else self.t("no")


_SEVERITY_COUNTS = {
    "error": NN_("{n} error", "{n} errors"),
    "warning": NN_("{n} warning", "{n} warnings"),
    "info": NN_("{n} info", "{n} info"),
}


# ------------------------------------------------------------- terminal messages

Messages = Mapping[str, Mapping[str, str]]
"""Message key → language → :meth:`str.format` template: the shape lint rules
and analyses kept their texts in before the catalogues. Such a pair is still
shown through the catalogue (:func:`legacy`): the English text is the message
id, the key its context."""


def legacy(texts: Mapping[str, str], lang: str, context: str | None = None) -> str:
    """The catalogue's text for an ``{"en": ..., "nb": ...}`` pair.

    A module not yet converted to :func:`N_` keeps its pairs; ``kamctl.pot``
    carries their English (with the pair's key as context) and the catalogues
    the translations, so a third language needs no edit of that module. A pair
    the catalogue does not know yet (written after the last extract) shows its
    own text for the language, else English."""
    english = texts["en"]
    if lang == SOURCE_LANG or not english:
        # "" is no message id (gettext("") is the catalogue's header).
        return texts.get(lang, english)
    cat = translator(lang)
    text = cat.pgettext(context, english) if context is not None else cat.gettext(english)
    if text == english and not _knows(cat, context, english):
        return texts.get(lang, english)
    return text


def _knows(cat: _gettext.NullTranslations, context: str | None, message: str) -> bool:
    catalog = getattr(cat, "_catalog", {})
    return (f"{context}\x04{message}" if context is not None else message) in catalog


def say(messages: Messages, key: str, lang: str, **params: object) -> str:
    """``messages[key]`` in ``lang``, filled in with ``params``."""
    return legacy(messages[key], lang, key).format(**params)


_UNITS = {
    "day": NN_("{n} day", "{n} days"),
    "month": NN_("{n} month", "{n} months"),
}


def quantity(n: int, unit: str, lang: str) -> str:
    """``1 day``, ``236 days``, ``3 måneder`` (``unit``: day or month)."""
    singular, plural = _UNITS[unit]
    return translator(lang).ngettext(singular, plural, n).format(n=Locale(lang).number(n))


def decimal(value: float, spec: str, lang: str) -> str:
    """A figure in a message, without grouping: ``.2f`` → ``87,50`` (nb), rounded
    half up like every number kamctl shows; ``g`` → a setting as written (``12,5``)."""
    if spec == "g":
        return numbers.setting(value, lang)
    if not (spec.startswith(".") and spec.endswith("f") and spec[1:-1].isdigit()):
        raise ValueError(f"unsupported number format {spec!r}; use 'g' or '.Nf'")
    return numbers.number(value, lang, int(spec[1:-1]), group=False)
