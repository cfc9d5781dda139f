"""Living the plan: ``kamctl agenda`` (the plan's dates) and ``kamctl measures``.

The commands parse options, load the accounts, call the pure functions in
:mod:`kamctl.agenda` and :mod:`kamctl.measures` and pick a reporter; invalid
files are reported on stderr, left out, and make the exit code 1.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kamctl.cli import app
from kamctl.cli.analyses import _load, _with_lang
from kamctl.cli.common import (
    AS_OF_OPTION,
    CONFIG_OPTION,
    CSV_DIALECT_OPTION,
    JOBS_OPTION,
    LANG_OPTION,
    OUTPUT_FILE_OPTION,
    PATHS_ARGUMENT,
    check_format,
    fail,
    finish,
    get_config,
    output_options,
    parse_as_of,
    report_excluded,
)

if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Mapping, Sequence

    from kamctl.agenda import Event
    from kamctl.measures import Change, PortfolioMeasures
    from kamctl.resources import AccountResources
    from kamctl.result import Result
    from kamctl.tabular import OutputOptions
    from kamctl.winloss import WinLossSummary

AGENDA_FORMATS = ("text", "table", "json", "csv", "xlsx", "ics")

_AGENDA_HEADINGS = {
    "date": ("dato", "date"),
    "account": ("kunde", "account"),
    "KAM": ("KAM", "KAM"),
    "what": ("hva", "what"),
    "why": ("hvorfor", "why"),
}


def _heading(key: str, lang: str) -> str:
    nb, en = _AGENDA_HEADINGS[key]
    return nb if lang == "nb" else en


def agenda_report(events: list[Event], lang: str, meta: Mapping[str, object]) -> Result:
    from kamctl.agenda import reason, title
    from kamctl.result import Column, Result, Table

    columns = [
        Column("date", _heading("date", lang), "date"),
        Column("account", _heading("account", lang)),
        Column("kam", _heading("KAM", lang)),
        Column("kind", "kind", show=False),
        Column("what", _heading("what", lang)),
        Column("why", _heading("why", lang)),
        Column("field", "field", show=False),
        Column("uid", "uid", show=False),
    ]
    rows = [
        {
            "date": e.day.isoformat(),
            "account": e.account,
            "kam": e.kam,
            "kind": e.kind,
            "what": title(e, lang),
            "why": reason(e, lang),
            "field": e.field,
            "uid": e.uid,
        }
        for e in events
    ]
    title_text = "Planens datoer" if lang == "nb" else "The plan's dates"
    return Result(
        "agenda",
        meta=dict(meta),
        summary={"events": len(events)},
        tables=[Table("events", title_text, columns, rows)],
        lang=lang,
    )


@app.command()
def agenda(
    paths: list[str] | None = PATHS_ARGUMENT,
    weeks: int = typer.Option(12, "--weeks", "-w", min=1, max=520, help="How many weeks ahead, from today."),
    kam: str | None = typer.Option(None, "--kam", help="Only the accounts of this KAM (case-insensitive)."),
    fmt: str = typer.Option(
        "table",
        "--format",
        "-f",
        help="Output: table (people), json, csv, xlsx, or ics (an iCalendar file for calendar subscription).",
    ),
    output: Path | None = OUTPUT_FILE_OPTION,
    csv_dialect: str = CSV_DIALECT_OPTION,
    as_of: str | None = AS_OF_OPTION,
    lang: str | None = LANG_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
) -> None:
    """The plan's dates for the next weeks: QBRs, plan reviews, actions, expected closes,
    contract ends, notice deadlines, contacts going stale and the yearly KAISM re-scoring.

    Exit 0 fine, 1 when an account file is invalid (it is left out), 2 on a usage or config error.
    """
    check_format(fmt, AGENDA_FORMATS)
    out = output_options(csv_dialect, output)
    today = parse_as_of(as_of)
    cfg = _with_lang(get_config(config), lang)
    from kamctl.agenda import agenda as build

    accounts, excluded, files, _ = _load(paths, cfg, jobs)
    report_excluded(excluded)
    events = build(
        accounts,
        as_of=today,
        weeks=weeks,
        review_months=cfg.lint.review_months,
        stale_contact_days=cfg.lint.stale_contact_days,
        kam=kam,
    )
    if fmt == "ics":
        _write_ics(events, cfg.lang, today, out)
        raise typer.Exit(1 if excluded else 0)
    meta = {"as_of": today.isoformat(), "weeks": weeks, "kam": kam}
    report = agenda_report(events, cfg.lang, meta)
    report.files = files
    report.excluded = excluded
    finish(report, fmt, "never", None, out)


def _write_ics(events: list[Event], lang: str, today: _dt.date, out: OutputOptions) -> None:
    from kamctl.agenda import to_ics
    from kamctl.tabular import write_bytes

    # Bytes, not text: the file's CRLF line ends must survive any platform newline translation.
    write_bytes(to_ics(events, lang=lang, as_of=today).encode("utf-8"), sys.stdout, out)


# ----------------------------------------------------------------- measures

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


def measures_report(
    pm: PortfolioMeasures,
    lang: str,
    meta: Mapping[str, object],
    resources: Sequence[AccountResources] = (),
    win_loss: WinLossSummary | None = None,
) -> Result:
    from kamctl.result import Column, Result, Table

    def cols(*spec: tuple[str, str, str] | tuple[str, str, str, bool]) -> list[Column]:
        return [Column(s[0], _mh(s[1], lang), s[2], *s[3:]) for s in spec]

    change_cols = (
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
    action_cols = (
        ("actions_due", "actions due", "int"),
        ("actions_done", "done", "int"),
        ("actions_done_pct", "done %", "percent"),
        ("actions_on_time", "on time", "int"),
    )

    def changes(revenue: Change, margin: Change, sow: Change) -> dict[str, float | None]:
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

    accounts = Table(
        "accounts",
        "Måltall per kunde" if lang == "nb" else "Measures per account",
        cols(
            ("id", "id", "text"),
            ("kam", "KAM", "text", False),
            *change_cols,
            ("our_dependence", "our dep. %", "percent"),
            *action_cols,
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
                **changes(a.revenue, a.gross_margin, a.share_of_wallet),
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
    goals = Table(
        "goals",
        "Mål mot faktiske tall" if lang == "nb" else "Goals against actuals",
        cols(
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
    due, done = pm.actions_due, pm.actions_done
    portfolio = Table(
        "portfolio",
        "Porteføljen" if lang == "nb" else "The portfolio",
        cols(("accounts", "accounts", "int"), *change_cols, *action_cols),
        [
            {
                "accounts": len(pm.accounts) - len(pm.left_out),
                **changes(pm.revenue, pm.gross_margin, pm.share_of_wallet),
                "actions_due": due,
                "actions_done": done,
                "actions_done_pct": None if not due else 100.0 * done / due,
                "actions_on_time": pm.actions_on_time,
            }
        ],
    )
    from kamctl.account import ResourceUnit
    from kamctl.winloss import reason_label

    def unit_cols(unit: str, kind: str) -> list[tuple[str, str, str]]:
        return [(f"{unit}_needed", f"{unit} needed", kind), (f"{unit}_committed", f"{unit} committed", kind)]

    resource_table = Table(
        "resources",
        "Interne ressurser mot prioritet" if lang == "nb" else "Internal resources against priority",
        cols(
            ("priority", "priority", "int"),
            ("id", "id", "text"),
            ("tier", "tier", "text"),
            *unit_cols("hours", "number"),
            *unit_cols("people", "number"),
            *unit_cols("budget", "money"),
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
    reasons = Table(
        "win_loss",
        "Vinn/tap-årsaker" if lang == "nb" else "Win/loss reasons",
        cols(
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
    return Result(
        "measures",
        meta=dict(meta),
        summary={"goals": pm.goals, "left_out": pm.left_out},
        tables=[accounts, goals, portfolio, resource_table, reasons],
        lang=lang,
    )


_NOT_REVIEWED = {"en": "(not reviewed)", "nb": "(ikke analysert)"}


def _outcome(outcome: str, lang: str) -> str:
    if lang != "nb":
        return outcome
    return {"won": "vunnet", "lost": "tapt"}[outcome]


@app.command()
def measures(
    paths: list[str] | None = PATHS_ARGUMENT,
    year: int | None = typer.Option(
        None,
        "--year",
        help="Fiscal year to measure, against the year before (default: the config's, else the latest).",
    ),
    fmt: str = typer.Option(
        "table",
        "--format",
        "-f",
        help="Output: table (people), json (scripts; stable), csv (one table; see --csv-dialect) or "
        "xlsx (every table, a sheet each).",
    ),
    table: str | None = typer.Option(
        None, "--table", help="Only this table: accounts, goals, portfolio, resources or win_loss."
    ),
    output: Path | None = OUTPUT_FILE_OPTION,
    csv_dialect: str = CSV_DIALECT_OPTION,
    as_of: str | None = AS_OF_OPTION,
    lang: str | None = LANG_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
) -> None:
    """The plan's measures: revenue and margin year on year, share of wallet and its trend,
    dependence both ways, goals against actuals, actions done (and on time), relationships;
    internal resources against KAISM priority, and win/loss reasons summed over the portfolio.

    Exit 0 fine, 1 when an account file is invalid (it is left out), 2 on a usage or config error.
    """
    check_format(fmt, ("text", "table", "json", "csv", "xlsx"))
    out = output_options(csv_dialect, output)
    if table is not None and table not in MEASURES_TABLES:
        fail(f"no table {table!r}; 'measures' has: {', '.join(MEASURES_TABLES)}")
    today = parse_as_of(as_of)
    cfg = _with_lang(get_config(config), lang)
    from kamctl.measures import measures as build
    from kamctl.portfolio import analysis_year

    loaded, excluded, files, _ = _load(paths, cfg, jobs)
    report_excluded(excluded)
    accounts = [a for _, a in loaded]
    the_year = analysis_year(accounts, year if year is not None else cfg.fiscal_year)
    pm = build(accounts, cfg.currency, the_year, today)
    if pm.left_out:
        sys.stderr.write(
            f"kamctl: amounts in another currency than {cfg.currency} cannot be added up; "
            f"left out of the portfolio's sums: {', '.join(pm.left_out)}\n"
        )
    meta = {"year": the_year, "as_of": today.isoformat(), "currency": cfg.currency}
    from kamctl.resources import portfolio_resources
    from kamctl.winloss import win_loss_summary

    report = measures_report(
        pm,
        cfg.lang,
        meta,
        portfolio_resources(accounts, cfg),
        win_loss_summary(accounts, cfg.currency),
    )
    report.files = files
    report.excluded = excluded
    finish(report, fmt, "never", table, out)
