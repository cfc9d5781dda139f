"""The tables of ``kamctl measures`` (one function per table) over the typed
results of :mod:`kamctl.measures`, :mod:`kamctl.resources` and
:mod:`kamctl.winloss`: presentation only — headings in the output language,
the kind of each column for the reporters. No figure is computed here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kamctl.account import ResourceUnit
from kamctl.measures import Change, PortfolioMeasures
from kamctl.resources import AccountResources
from kamctl.result import Column, Result, Table
from kamctl.winloss import WinLossSummary, reason_label

MEASURES_TABLES = ("accounts", "goals", "portfolio", "resources", "win_loss")

_MEASURE_HEADINGS_NB = {
    "id": "id",
    "revenue": "omsetning",
    "prev.": "fjor",
    "Δ": "Δ",
    "Δ %": "Δ %",
    "gross margin": "bruttomargin",
    "GM Δ %": "BM Δ %",
    "SoW %": "SoW %",
    "SoW Δ pp": "SoW Δ pp",
    "our dep. %": "vår avh. %",
    "actions due": "tiltak forfalt",
    "done": "utført",
    "done %": "utført %",
    "on time": "i tide",
    "contacts": "kontakter",
    "strong": "sterke",
    "supp. DMs": "støttende beslutn.",
    "satisf.": "tilfredshet",
    "NPS": "NPS",
    "renewal %": "fornyelse %",
    "account": "kunde",
    "horizon": "horisont",
    "goal": "mål",
    "metric": "måltall",
    "target": "mål",
    "due": "frist",
    "actual": "faktisk",
    "status": "status",
    "accounts": "kunder",
    "priority": "prioritet",
    "tier": "nivå",
    "hours needed": "timer behov",
    "hours committed": "timer forpliktet",
    "people needed": "personer behov",
    "people committed": "personer forpliktet",
    "budget needed": "budsjett behov",
    "budget committed": "budsjett forpliktet",
    "currency": "valuta",
    "reason": "årsak",
    "outcome": "utfall",
    "deals": "avtaler",
    "value": "verdi",
    "competitors": "konkurrenter",
}


def _mh(text: str, lang: str) -> str:
    return _MEASURE_HEADINGS_NB.get(text, text) if lang == "nb" else text


Spec = tuple[str, str, str] | tuple[str, str, str, bool]
"""(key, English heading, kind[, shown in the terminal])."""


def _cols(lang: str, *spec: Spec) -> list[Column]:
    return [Column(s[0], _mh(s[1], lang), s[2], *s[3:]) for s in spec]


_CHANGE_COLS: tuple[Spec, ...] = (
    ("revenue", "revenue", "money"),
    ("revenue_prev", "prev.", "money"),
    ("revenue_change", "Δ", "money"),
    ("revenue_change_pct", "Δ %", "percent"),
    ("gross_margin", "gross margin", "money"),
    ("gross_margin_prev", "prev.", "money", False),
    ("gross_margin_change", "Δ", "money", False),
    ("gross_margin_change_pct", "GM Δ %", "percent"),
    ("share_of_wallet", "SoW %", "percent"),
    ("share_of_wallet_prev", "SoW prev.", "percent", False),
    ("share_of_wallet_trend", "SoW Δ pp", "percent"),
)
_ACTION_COLS: tuple[Spec, ...] = (
    ("actions_due", "actions due", "int"),
    ("actions_done", "done", "int"),
    ("actions_done_pct", "done %", "percent"),
    ("actions_on_time", "on time", "int"),
)


def _changes(revenue: Change, margin: Change, sow: Change) -> dict[str, float | None]:
    return {
        "revenue": revenue.now,
        "revenue_prev": revenue.before,
        "revenue_change": revenue.absolute,
        "revenue_change_pct": revenue.percent,
        "gross_margin": margin.now,
        "gross_margin_prev": margin.before,
        "gross_margin_change": margin.absolute,
        "gross_margin_change_pct": margin.percent,
        "share_of_wallet": sow.now,
        "share_of_wallet_prev": sow.before,
        "share_of_wallet_trend": sow.absolute,
    }


def accounts_table(pm: PortfolioMeasures, lang: str) -> Table:
    return Table(
        "accounts",
        "Måltall per kunde" if lang == "nb" else "Measures per account",
        _cols(
            lang,
            ("id", "id", "text"),
            ("kam", "KAM", "text", False),
            *_CHANGE_COLS,
            ("our_dependence", "our dep. %", "percent"),
            *_ACTION_COLS,
            ("contacts", "contacts", "int"),
            ("strong_relationships", "strong", "int"),
            ("supportive_decision_makers", "supp. DMs", "int"),
            ("satisfaction", "satisf.", "score"),
            ("nps", "NPS", "int"),
            ("renewal_rate", "renewal %", "percent"),
        ),
        [
            {
                "id": a.id,
                "kam": a.kam,
                **_changes(a.revenue, a.gross_margin, a.share_of_wallet),
                "our_dependence": a.our_dependence,
                "actions_due": a.actions_due,
                "actions_done": a.actions_done,
                "actions_done_pct": a.actions_done_pct,
                "actions_on_time": a.actions_on_time,
                "contacts": a.contacts,
                "strong_relationships": a.strong_relationships,
                "supportive_decision_makers": a.supportive_decision_makers,
                "satisfaction": a.satisfaction,
                "nps": a.nps,
                "renewal_rate": a.renewal_rate,
            }
            for a in pm.accounts
        ],
    )


def goals_table(pm: PortfolioMeasures, lang: str) -> Table:
    return Table(
        "goals",
        "Mål mot faktiske tall" if lang == "nb" else "Goals against actuals",
        _cols(
            lang,
            ("account", "account", "text"),
            ("horizon", "horizon", "text"),
            ("goal", "goal", "text"),
            ("metric", "metric", "text"),
            ("target", "target", "number"),
            ("due", "due", "date"),
            ("actual", "actual", "number"),
            ("forecast", "forecast", "text", False),
            ("status", "status", "text"),
        ),
        [
            {
                "account": g.account,
                "horizon": g.horizon,
                "goal": g.goal,
                "metric": g.metric,
                "target": g.target,
                "due": g.due.isoformat() if g.due else None,
                "actual": g.actual,
                "forecast": g.forecast,
                "status": g.status,
            }
            for a in pm.accounts
            for g in a.goals
        ],
    )


def portfolio_table(pm: PortfolioMeasures, lang: str) -> Table:
    due, done = pm.actions_due, pm.actions_done
    return Table(
        "portfolio",
        "Porteføljen" if lang == "nb" else "The portfolio",
        _cols(lang, ("accounts", "accounts", "int"), *_CHANGE_COLS, *_ACTION_COLS),
        [
            {
                "accounts": len(pm.accounts) - len(pm.left_out),
                **_changes(pm.revenue, pm.gross_margin, pm.share_of_wallet),
                "actions_due": due,
                "actions_done": done,
                "actions_done_pct": None if not due else 100.0 * done / due,
                "actions_on_time": pm.actions_on_time,
            }
        ],
    )


def _unit_cols(unit: str, kind: str) -> list[Spec]:
    return [(f"{unit}_needed", f"{unit} needed", kind), (f"{unit}_committed", f"{unit} committed", kind)]


def resources_table(resources: Sequence[AccountResources], lang: str) -> Table:
    return Table(
        "resources",
        "Interne ressurser mot prioritet" if lang == "nb" else "Internal resources against priority",
        _cols(
            lang,
            ("priority", "priority", "int"),
            ("id", "id", "text"),
            ("tier", "tier", "text"),
            *_unit_cols("hours", "number"),
            *_unit_cols("people", "number"),
            *_unit_cols("budget", "money"),
            ("currency", "currency", "text", False),
        ),
        [
            {
                "priority": r.priority,
                "id": r.account_id,
                "tier": r.tier,
                **{
                    f"{u.value}_{side}": getattr(r, side).get(u)
                    for u in ResourceUnit
                    for side in ("needed", "committed")
                },
                "currency": r.currency,
            }
            for r in resources
        ],
    )


def win_loss_table(win_loss: WinLossSummary | None, lang: str) -> Table:
    return Table(
        "win_loss",
        "Vinn/tap-årsaker" if lang == "nb" else "Win/loss reasons",
        _cols(
            lang,
            ("outcome", "outcome", "text"),
            ("reason", "reason", "text"),
            ("deals", "deals", "int"),
            ("value", "value", "money"),
            ("accounts", "accounts", "text"),
            ("competitors", "competitors", "text"),
        ),
        [
            {
                "outcome": _outcome(r.outcome, lang),
                "reason": reason_label(r.reason, lang) if r.reason is not None else _NOT_REVIEWED[lang],
                "deals": r.deals,
                "value": r.value,
                "accounts": ", ".join(r.accounts),
                "competitors": ", ".join(r.competitors),
            }
            for r in (win_loss.rows if win_loss is not None else [])
        ],
    )


def measures_report(
    pm: PortfolioMeasures,
    lang: str,
    meta: Mapping[str, object],
    resources: Sequence[AccountResources] = (),
    win_loss: WinLossSummary | None = None,
) -> Result:
    """``kamctl measures``' tables: accounts, goals, portfolio, resources, win_loss."""
    return Result(
        "measures",
        meta=dict(meta),
        summary={"goals": pm.goals, "left_out": pm.left_out},
        tables=[
            accounts_table(pm, lang),
            goals_table(pm, lang),
            portfolio_table(pm, lang),
            resources_table(resources, lang),
            win_loss_table(win_loss, lang),
        ],
        lang=lang,
    )


_NOT_REVIEWED = {"en": "(not reviewed)", "nb": "(ikke analysert)"}


def _outcome(outcome: str, lang: str) -> str:
    if lang != "nb":
        return outcome
    return {"won": "vunnet", "lost": "tapt"}[outcome]
