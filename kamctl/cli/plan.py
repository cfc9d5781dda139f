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
    from collections.abc import Mapping

    from kamctl.agenda import Event
    from kamctl.result import Result
    from kamctl.tabular import OutputOptions

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
    # Imported here, not at the top: the model and the analyses stay off the
    # start-up path of every other command (`kamctl --help` is benchmarked).
    from kamctl.measures_report import MEASURES_TABLES, measures_report

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
