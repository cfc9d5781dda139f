"""``kamctl abc``, ``kamctl classify`` and ``kamctl risk``.

Each command loads the accounts (all cores), builds a
:class:`~kamctl.tabular.Report` with the core modules and hands it to a
formatter. Invalid files are reported on stderr at their line and left out
of the analysis; the exit code is then 1, so a broken file can never shrink a
portfolio unnoticed.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from kamctl.cli import app
from kamctl.cli.common import (
    AS_OF_OPTION,
    CONFIG_OPTION,
    CSV_DIALECT_OPTION,
    FAIL_ON_HELP,
    FAIL_ON_VALUES,
    JOBS_OPTION,
    KAM_FILTER_OPTION,
    LANG_OPTION,
    OUTPUT_FILE_OPTION,
    PATHS_ARGUMENT,
    QUADRANT_FILTER_OPTION,
    TIER_FILTER_OPTION,
    account_filter,
    check_format,
    fail,
    finish,
    get_config,
    note,
    output_options,
    report_excluded,
    resolve_lang,
)
from kamctl.cli.revision import AT_OPTION, REV_OPTION, SAME_CONFIG_OPTION, travel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kamctl.account import Account
    from kamctl.config import Config
    from kamctl.customers_csv import Customer, CustomerFile
    from kamctl.diagnostics import Diagnostic
    from kamctl.filters import AccountFilter
    from kamctl.loader import Slim
    from kamctl.portfolio import Figures
    from kamctl.result import Result
    from kamctl.risk import RiskAccount

# Tables for people (text, or its other name table), scripts and spreadsheets;
# the findings alone as GitHub annotations or SARIF: the reporters of every command.
FORMATS = ("text", "table", "json", "csv", "xlsx", "github", "sarif")
FAIL_ON = FAIL_ON_VALUES
MEASURES = ("revenue", "gross_margin", "contribution")
TABLES = {
    "abc": ("customers", "classes"),
    "classify": ("accounts", "kams"),
    "risk": ("customers", "groups", "what_if"),
}
"""The tables of each command's report, by their JSON names (for --table)."""

FORMAT_OPTION = typer.Option(
    "text",
    "--format",
    "-f",
    help="Output: text or table (people), json (scripts; stable), csv (one table; see --csv-dialect), "
    "xlsx (every table, a sheet each; with --output); github or sarif (the findings, as lint writes them).",
)
FAIL_ON_OPTION = typer.Option("error", "--fail-on", help=FAIL_ON_HELP)
YEAR_OPTION = typer.Option(
    None, "--year", help="Fiscal year to analyse (default: fiscal_year in the config, else the latest)."
)
TABLE_OPTION = typer.Option(
    None, "--table", help="Only this table (its JSON name); with --format csv, the table to write."
)


# ---------------------------------------------------------------- plumbing


def _load(
    paths: list[str] | None, cfg: Config, jobs: int | None, per_file: Any = None, slim: Slim | None = None
) -> tuple[list[tuple[str, Any]], list[Diagnostic], int, dict[str, Any]]:
    """(path, account) of every valid file, the problems of the others, files seen,
    and per path what ``per_file`` returned (see :func:`kamctl.loader.load_accounts`).

    The accounts are Accounts, or with ``slim`` what it made of them."""
    from kamctl.diagnostics import Severity
    from kamctl.loader import load_accounts

    loaded, problems = load_accounts(paths or [], cfg, jobs=jobs, per_file=per_file, slim=slim)
    good: list[tuple[str, Any]] = []
    extras: dict[str, Any] = {}
    excluded: list[Diagnostic] = list(problems)
    for lf in loaded:
        kept = lf.account if slim is None else lf.slim
        if lf.ok and kept is not None:
            good.append((lf.path, kept))
            extras[lf.path] = lf.extra
        else:
            excluded.extend(d for d in lf.diagnostics if d.severity is Severity.error)
    seen = len(loaded) + len({d.path for d in problems})
    if not loaded and not problems:
        where = paths or [os.path.relpath(cfg.accounts_dir) if cfg.accounts_dir.is_dir() else "."]
        note(f"no account files (*.yaml, *.yml) in {', '.join(where)}")
    return good, excluded, seen, extras


def _read_csv(path: Path, cfg: Config, measure: str) -> CustomerFile:
    """The customer export, its problems reported on stderr: each bad row at its
    line, then how many rows were left out, or that the file was not read at all;
    and which encoding it was read in when that was not UTF-8."""
    from kamctl.customers_csv import ENCODING_NAMES, read_customer_file

    read = read_customer_file(path, cfg.csv, measure=measure, lang=cfg.lang)
    if read.encoding == "cp1252":
        nb, en = ENCODING_NAMES["cp1252"]
        note(
            f"{path}: lest som {nb} (Excels «CSV (semikolondelt)»), ikke UTF-8"
            if cfg.lang == "nb"
            else f"{path}: read as {en} (Excel's 'CSV (semikolondelt)'), not UTF-8"
        )
    if read.refused:
        report_excluded(read.diagnostics, count=False)
        sys.stderr.write(
            f"kamctl: {path} ble ikke lest; ingen kunder analysert\n"
            if cfg.lang == "nb"
            else f"kamctl: {path} was not read; no customer analysed\n"
        )
    else:
        report_excluded(read.diagnostics, "row")
    return read


def _apply_filter(
    report: Result, accounts: Sequence[tuple[str, Any]], flt: AccountFilter, cfg: Config
) -> None:
    """Show only the accounts ``flt`` selects; the figures stay portfolio-wide (see :mod:`kamctl.filters`)."""
    if not flt.active:
        return
    from kamctl.filters import filter_report

    ids = flt.ids([a for _, a in accounts], cfg)
    paths = {p for p, a in accounts if a.id in ids}
    filter_report(report, ids, paths, {flt.kam.casefold()} if flt.kam else None)
    report.meta["filter"] = {"kam": flt.kam, "tier": flt.tier, "quadrant": flt.quadrant}
    note(
        f"{len(ids)} of {len(accounts)} accounts shown ({flt.describe(cfg.lang)}); shares and classes are portfolio-wide"
    )


def _check_table(command: str, table: str | None) -> None:
    if table is not None and table not in TABLES[command]:
        fail(f"no table {table!r}; '{command}' has: {', '.join(TABLES[command])}")


def _with_year(cfg: Config, year: int | None) -> Config:
    return cfg if year is None else cfg.model_copy(update={"fiscal_year": year})


def _with_lang(cfg: Config, lang: str | None) -> Config:
    """The config with the output language settled (--lang, $KAMCTL_LANG, config):
    the builders read ``cfg.lang`` for numbers, findings and reasons."""
    return cfg.model_copy(update={"lang": resolve_lang(lang, cfg)})


def _no_revenue(year: int | None, missing: Sequence[str], lang: str, consequence: str) -> str:
    """``no revenue for 2025 in 2 accounts, so no ABC class: a, b`` — never "for None"
    (no account has a year of figures at all)."""
    from kamctl.i18n import ntr, tr

    ids, n, then = ", ".join(missing), len(missing), tr(lang, consequence)
    if year is None:
        return ntr(
            lang,
            "no revenue in {n} account, {then}: {ids}",
            "no revenue in {n} accounts, {then}: {ids}",
            n,
            then=then,
            ids=ids,
        )
    return ntr(
        lang,
        "no revenue for {year} in {n} account, {then}: {ids}",
        "no revenue for {year} in {n} accounts, {then}: {ids}",
        n,
        year=year,
        then=then,
        ids=ids,
    )


def _note_budget_only(accounts: Sequence[Figures], year: int | None, measure: str, lang: str) -> None:
    """Name the accounts left out because ``year`` holds only their budget: a
    budget ranked beside the others' actuals would pass a forecast off as a fact."""
    from kamctl.portfolio import budget_only

    ids = budget_only(accounts, year, measure)
    if not ids:
        return
    named = ", ".join(ids)
    note(
        f"bare budsjett (budget: true) for {year}, og budsjett rangeres ikke som faktiske tall: {named}"
        if lang == "nb"
        else f"only a budget (budget: true) for {year}, and a budget is not ranked as actual figures: {named}"
    )


def _note_currency(foreign: Sequence[Figures], currency: str) -> None:
    if foreign:
        named = ", ".join(f"{a.id} ({a.currency})" for a in foreign)
        note(
            f"amounts in another currency than {currency} cannot be added up; left out of sums and shares: {named}"
        )


# --------------------------------------------------------------- headings

# Table headings in Norwegian bokmål, by their English text (English is shown
# as written). Column keys, JSON and CSV field names never change.
_HEADINGS_NB = {
    "#": "#",
    "id": "id",
    "name": "navn",
    "share %": "andel %",
    "cum. %": "kum. %",
    "class": "klasse",
    "customers": "kunder",
    "prio": "prio",
    "tier": "nivå",
    "quadrant": "kvadrant",
    "attract.": "attrakt.",
    "strength": "styrke",
    "ABC": "ABC",
    "SoW %": "SoW %",
    "stage": "fase",
    "KAM": "KAM",
    "profile": "profil",
    "not scored": "mangler poeng",
    "why unclassified": "hvorfor ikke klassifisert",
    "accounts": "kunder",
    "over": "over",
    "ids": "id-er",
    "group": "konsern",
    "members": "medlemmer",
    "revenue": "omsetning",
    "gross margin": "bruttomargin",
    "contribution margin": "dekningsbidrag",
    "halves: revenue lost": "halveres: tapt omsetning",
    "% of total": "% av total",
    "margin lost": "tapt margin",
    "leaves: revenue lost": "faller bort: tapt omsetning",
    "% of margin": "% av margin",
}

_TEXT: dict[str, dict[str, str]] = {
    "abc_title": {
        "en": "ABC by {by}{year} (A up to {a} %, B up to {b} %)",
        "nb": "ABC etter {by}{year} (A opp til {a} %, B opp til {b} %)",
    },
    "per_class": {"en": "Per class", "nb": "Per klasse"},
    "classify_title": {
        "en": "KAISM classification by priority",
        "nb": "KAISM-klassifisering etter prioritet",
    },
    "classify_abc": {"en": " — ABC by revenue {year}", "nb": " — ABC etter omsetning {year}"},
    "kam_load": {"en": "KAM load (capacity {n})", "nb": "Kunder per KAM (kapasitet {n})"},
    "matrix_cell": {"en": "{tier} (priority {n})", "nb": "{tier} (prioritet {n})"},
    "revenue_by_account": {"en": "Revenue{year} by account", "nb": "Omsetning{year} per kunde"},
    "revenue_by_customer": {"en": "Revenue{year} by customer", "nb": "Omsetning{year} per kunde i eksporten"},
    "groups": {
        "en": "Groups (accounts with a parent, rolled up)",
        "nb": "Konsern (kunder med morselskap, samlet)",
    },
    "what_if": {
        "en": "What if a customer halves its volume or leaves",
        "nb": "Hva om en kunde halverer volumet eller faller bort",
    },
    "flagged": {"en": " (flagged)", "nb": " (over grensen)"},
    "note_total": {
        "en": "Total revenue{year}: {total}; top 5: {top5} %; largest: {largest}",
        "nb": "Samlet omsetning{year}: {total}; de fem største: {top5} %; største: {largest}",
    },
    "note_hhi": {
        "en": "HHI {hhi} ({band}), effectively {n} customers; groups merged: HHI {group_hhi} ({group_band}), "
        "effectively {group_n}",
        "nb": "HHI {hhi} ({band}), i praksis {n} kunder; med konsern samlet: HHI {group_hhi} ({group_band}), "
        "i praksis {group_n}",
    },
    "note_major": {
        "en": "At or above {limit} %: {major} (groups merged)",
        "nb": "På eller over {limit} %: {major} (konsern samlet)",
    },
    "none": {"en": "none", "nb": "ingen"},
    "band.unconcentrated": {"en": "unconcentrated", "nb": "lav konsentrasjon"},
    "band.moderate": {"en": "moderate", "nb": "moderat konsentrasjon"},
    "band.high": {"en": "high", "nb": "høy konsentrasjon"},
}


def _h(heading: str, lang: str) -> str:
    return _HEADINGS_NB.get(heading, heading) if lang == "nb" else heading


def _t(key: str, lang: str, **params: object) -> str:
    return _TEXT[key][lang].format(**params)


def _g(value: float, lang: str) -> str:
    from kamctl.i18n import decimal

    return decimal(value, "g", lang)


# --------------------------------------------------------------- builders


def abc_report(
    items: list[tuple[str, str, float]], cfg: Config, by: str, meta: dict[str, Any], missing: list[str]
) -> Result:
    from kamctl.abc import abc_classify, summarize
    from kamctl.result import Column, Result, Table

    rows = abc_classify(items, cfg.abc, allow_d=by != "revenue")
    label = {"revenue": "revenue", "gross_margin": "gross margin", "contribution": "contribution margin"}[by]
    year = f" {meta['year']}" if meta.get("year") else ""
    customers = Table(
        "customers",
        _t(
            "abc_title",
            cfg.lang,
            by=_h(label, cfg.lang),
            year=year,
            a=_g(cfg.abc.a, cfg.lang),
            b=_g(cfg.abc.b, cfg.lang),
        ),
        [
            Column("rank", _h("#", cfg.lang), "int"),
            Column("id", _h("id", cfg.lang)),
            Column("name", _h("name", cfg.lang)),
            Column("value", f"{_h(label, cfg.lang)} ({cfg.currency})", "money"),
            Column("share", _h("share %", cfg.lang), "percent"),
            Column("cumulative", _h("cum. %", cfg.lang), "percent"),
            Column("class", _h("class", cfg.lang)),
        ],
        [
            {
                "rank": r.rank,
                "id": r.id,
                "name": r.name,
                "value": r.value,
                "share": r.share,
                "cumulative": r.cumulative,
                "class": r.cls,
            }
            for r in rows
        ],
    )
    classes = Table(
        "classes",
        _t("per_class", cfg.lang),
        [
            Column("class", _h("class", cfg.lang)),
            Column("count", _h("customers", cfg.lang), "int"),
            Column("value", f"{_h(label, cfg.lang)} ({cfg.currency})", "money"),
            Column("share", _h("share %", cfg.lang), "percent"),
        ],
        [{"class": s.cls, "count": s.count, "value": s.value, "share": s.share} for s in summarize(rows)],
    )
    total = sum(v for _, _, v in items if by == "revenue" or v > 0)
    report = Result("abc", meta=meta, tables=[customers, classes], lang=cfg.lang)
    report.summary = {"customers": len(rows), "total": total, "missing": missing}
    return report


def classify_report(
    accounts: list[tuple[str, Account]], cfg: Config, meta: dict[str, Any], jobs: int | None = None
) -> tuple[Result, dict[str, dict[str, Any]]]:
    """The report and, per account id, the block ``classify --write`` stores."""
    from kamctl.abc import abc_classify
    from kamctl.checks import kaism_findings, locate_findings, portfolio_checks
    from kamctl.classify_write import kaism_block
    from kamctl.i18n import say
    from kamctl.kaism import MESSAGES as KAISM_MESSAGES
    from kamctl.kaism import PRIORITY, QUADRANTS, classify_account, shown_tier, tier_name
    from kamctl.portfolio import figures, in_currency
    from kamctl.result import Column, Matrix, Result, Table

    year = meta.get("year")
    accs = [a for _, a in accounts]
    paths = {a.id: p for p, a in accounts}
    same, foreign = in_currency(accs, cfg.currency)
    items, missing = figures(same, year, "revenue")
    abc = {r.id: r.cls for r in abc_classify(items, cfg.abc)}
    _note_currency(foreign, cfg.currency)
    if missing:
        from kamctl.i18n import N_

        note(_no_revenue(year, missing, cfg.lang, N_("so no ABC class")))
        _note_budget_only(same, year, "revenue", cfg.lang)
    results = {a.id: classify_account(a, cfg.kaism, cfg.lang) for a in accs}
    findings = [d for a in accs for d in kaism_findings(a, cfg, paths[a.id], lang=cfg.lang)]
    findings = locate_findings(findings, cfg.max_file_size, jobs=jobs)
    port = portfolio_checks(accs, cfg, paths, cfg.lang)
    findings.extend(locate_findings(port, cfg.max_file_size, jobs=jobs, locate=False))

    def order(a: Account) -> tuple[Any, ...]:
        r = results[a.id]
        return (r.priority or 9, -(r.attractiveness or 0), a.id)

    rows = []
    blocks: dict[str, dict[str, Any]] = {}
    for a in sorted(accs, key=order):
        r = results[a.id]
        sow = a.share_of_wallet(year)
        rows.append(
            {
                "priority": r.priority,
                "id": a.id,
                "name": a.name,
                "quadrant": r.quadrant,
                "tier": shown_tier(r.quadrant, r.tier, cfg.lang),
                "customer_attractiveness": r.attractiveness,
                "our_strength": r.strength,
                "abc": abc.get(a.id),
                "share_of_wallet": None if sow is None else sow * 100,
                "stage": a.stage.value if a.stage else None,
                "profile": a.profile.value,
                "kam": a.kam,
                "missing": list(r.missing),
                "reason": r.reason,
            }
        )
        # The same function as lint's KAM130, so the two never disagree.
        block = kaism_block(r, cfg.kaism.threshold)
        if abc.get(a.id):
            block["abc"] = abc[a.id]
        blocks[a.id] = block

    table = Table(
        "accounts",
        _t("classify_title", cfg.lang) + (_t("classify_abc", cfg.lang, year=year) if year else ""),
        [
            Column("priority", _h("prio", cfg.lang), "int"),
            Column("id", _h("id", cfg.lang)),
            Column("tier", _h("tier", cfg.lang)),
            Column("quadrant", _h("quadrant", cfg.lang), show=False),
            Column("customer_attractiveness", _h("attract.", cfg.lang), "score"),
            Column("our_strength", _h("strength", cfg.lang), "score"),
            Column("abc", _h("ABC", cfg.lang)),
            Column("share_of_wallet", _h("SoW %", cfg.lang), "percent"),
            Column("stage", _h("stage", cfg.lang)),
            Column("kam", _h("KAM", cfg.lang)),
            Column("profile", _h("profile", cfg.lang)),
            Column("name", _h("name", cfg.lang), show=False),
            Column("missing", _h("not scored", cfg.lang), show=False),
            Column("reason", _h("why unclassified", cfg.lang), show=False),
        ],
        rows,
    )
    from kamctl.portfolio import kam_load

    load = kam_load(accs)
    kams = Table(
        "kams",
        _t("kam_load", cfg.lang, n=cfg.portfolio.max_accounts_per_kam),
        [
            Column("kam", _h("KAM", cfg.lang)),
            Column("accounts", _h("accounts", cfg.lang), "int"),
            Column("over_capacity", _h("over", cfg.lang)),
            Column("ids", _h("ids", cfg.lang)),
        ],
        [
            {
                "kam": k,
                "accounts": len(ids),
                "over_capacity": len(ids) > cfg.portfolio.max_accounts_per_kam,
                "ids": ids,
            }
            for k, ids in load.items()
        ],
    )

    cells: dict[str, list[tuple[str, float, float]]] = {q: [] for q in QUADRANTS}
    for a in sorted(accs, key=order):
        r = results[a.id]
        if r.quadrant and r.attractiveness is not None and r.strength is not None:
            cells[r.quadrant].append((a.id, r.attractiveness, r.strength))
    titles = {
        q: _t("matrix_cell", cfg.lang, tier=shown_tier(q, tier_name(q, cfg.kaism), cfg.lang), n=PRIORITY[q])
        for q in QUADRANTS
    }
    report = Result("classify", meta=meta, tables=[table, kams], diagnostics=findings, lang=cfg.lang)
    report.matrix = Matrix(cells, titles, cfg.kaism.threshold)
    report.threshold = cfg.kaism.threshold
    counts = {q: len(cells[q]) for q in QUADRANTS}
    counts["unclassified"] = sum(1 for r in results.values() if r.quadrant is None)
    from kamctl.portfolio import key_account_count

    report.summary = {
        "accounts": len(accs),
        "key_accounts": key_account_count(accs),
        "quadrants": counts,
        "missing_revenue": missing,
        "other_currency": [a.id for a in foreign],
    }
    unclassified = [row for row in rows if row["reason"]]
    for row in unclassified:
        report.notes.append(
            say(KAISM_MESSAGES, "unclassified_note", cfg.lang, id=row["id"], reason=row["reason"])
        )
    return report, blocks


def risk_report(
    accounts: Sequence[tuple[str, Account | RiskAccount]],
    cfg: Config,
    as_of: _dt.date,
    meta: dict[str, Any],
    jobs: int | None,
    customers: list[Customer] | None = None,
    found: dict[str, list[Diagnostic]] | None = None,
    year_changed: bool = False,
) -> Result:
    """The risk report. ``found`` maps a path to the account findings made while
    loading it (:func:`kamctl.risk.account_findings`); ``year_changed`` says the
    fiscal year was settled only after loading, so year-dependent ones are redone.

    :class:`~kamctl.risk.RiskAccount` in ``accounts`` will do only where every
    finding is in ``found`` and the year did not change: the rest reads the
    whole account."""
    from kamctl.account import Account
    from kamctl.checks import (
        YEAR_DEPENDENT,
        account_risks,
        locate_findings,
        portfolio_findings,
        stage_findings,
    )
    from kamctl.result import Column, Result, Table
    from kamctl.risk import portfolio_risk

    accs = [a for _, a in accounts]
    paths = {a.id: p for p, a in accounts}
    if customers is None:
        pr = portfolio_risk(accs, cfg, year=meta.get("year"))
    else:
        # Shares of the whole company's revenue: every customer of the export,
        # grouped by the account files' parents.
        from kamctl.portfolio import in_currency
        from kamctl.risk import concentration

        same, _ = in_currency(accs, cfg.currency)
        rows = [(c.id, c.name, c.revenue or 0.0, c.gross_margin) for c in customers]
        pr = concentration(rows, same, cfg, year=meta.get("year"))
        in_csv = {c.id for c in customers}
        absent = [a.id for a in accs if a.id not in in_csv]
        if absent:
            note(
                f"{len(absent)} account(s) not in {meta['source']}, so not in the shares: {', '.join(absent)}"
            )
        pr = dataclasses.replace(pr, missing=absent)
    meta["year"] = pr.year
    _note_currency([a for a in accs if a.id in set(pr.other_currency)], cfg.currency)
    if pr.missing:
        from kamctl.i18n import N_

        note(_no_revenue(pr.year, pr.missing, cfg.lang, N_("left out of the shares")))
        _note_budget_only(accs, pr.year, "revenue", cfg.lang)
    findings = locate_findings(
        portfolio_findings(pr, cfg, paths, cfg.lang), cfg.max_file_size, jobs=jobs, locate=False
    )
    per_account: list[Diagnostic] = []
    late: list[Diagnostic] = []
    for path, a in accounts:
        made = (found or {}).get(path)
        if made is not None and not year_changed:
            per_account.extend(made)
            continue
        if not isinstance(a, Account):
            raise TypeError(f"{path}: the account findings need the whole account, not a {type(a).__name__}")
        if made is None:
            # Not made during the load: make them now, locate them below.
            late.extend(account_risks(a, cfg, as_of, path, lang=cfg.lang))
            late.extend(stage_findings(a, cfg, path, lang=cfg.lang, as_of=as_of))
        else:
            # Made before the year was known: redo the few that depend on it.
            per_account.extend(d for d in made if d.code not in YEAR_DEPENDENT)
            redo = account_risks(a, cfg, as_of, path, lang=cfg.lang) + stage_findings(
                a, cfg, path, lang=cfg.lang, as_of=as_of
            )
            late.extend(d for d in redo if d.code in YEAR_DEPENDENT)
    findings.extend(per_account)
    findings.extend(locate_findings(late, cfg.max_file_size, jobs=jobs))
    cur = cfg.currency
    major_ids = {s.id for s in pr.major}
    shares = Table(
        "customers",
        _t(
            "revenue_by_customer" if customers is not None else "revenue_by_account",
            cfg.lang,
            year=f" {pr.year}" if pr.year else "",
        ),
        [
            Column("rank", _h("#", cfg.lang), "int"),
            Column("id", _h("id", cfg.lang)),
            Column("group", _h("group", cfg.lang)),
            Column("revenue", f"{_h('revenue', cfg.lang)} ({cur})", "money"),
            Column("gross_margin", f"{_h('gross margin', cfg.lang)} ({cur})", "money"),
            Column("share", _h("share %", cfg.lang), "percent"),
            Column("major", f"≥ {_g(cfg.risk.major_customer_share, cfg.lang)} %"),
            Column("name", _h("name", cfg.lang)),
        ],
        [
            {
                "rank": i,
                "id": s.id,
                "group": s.group if s.group != s.id else None,
                "revenue": s.revenue,
                "gross_margin": s.gross_margin,
                "share": s.share,
                "major": s.id in major_ids,
                "name": s.name,
            }
            for i, s in enumerate(pr.shares, 1)
        ],
    )
    groups = Table(
        "groups",
        _t("groups", cfg.lang),
        [
            Column("id", _h("group", cfg.lang)),
            Column("name", _h("name", cfg.lang)),
            Column("members", _h("members", cfg.lang)),
            Column("revenue", f"{_h('revenue', cfg.lang)} ({cur})", "money"),
            Column("gross_margin", f"{_h('gross margin', cfg.lang)} ({cur})", "money"),
            Column("share", _h("share %", cfg.lang), "percent"),
        ],
        [
            {
                "id": g.id,
                "name": g.name,
                "members": list(g.members),
                "revenue": g.revenue,
                "gross_margin": g.gross_margin,
                "share": g.share,
            }
            for g in pr.groups
        ],
    )
    what_if = Table(
        "what_if",
        _t("what_if", cfg.lang),
        [
            Column("id", _h("id", cfg.lang)),
            Column("revenue", f"{_h('revenue', cfg.lang)} ({cur})", "money"),
            Column("halves_revenue", _h("halves: revenue lost", cfg.lang), "money"),
            Column("halves_share", _h("% of total", cfg.lang), "percent"),
            Column("halves_margin", _h("margin lost", cfg.lang), "money"),
            Column("leaves_revenue", _h("leaves: revenue lost", cfg.lang), "money"),
            Column("leaves_share", _h("% of total", cfg.lang), "percent"),
            Column("leaves_margin", _h("margin lost", cfg.lang), "money"),
            Column("leaves_margin_share", _h("% of margin", cfg.lang), "percent"),
        ],
        [
            {
                "id": w.id,
                "revenue": w.revenue,
                "halves_revenue": w.halves_revenue,
                "halves_share": w.halves_share,
                "halves_margin": w.halves_margin,
                "leaves_revenue": w.leaves_revenue,
                "leaves_share": w.leaves_share,
                "leaves_margin": w.leaves_margin,
                "leaves_margin_share": w.leaves_margin_share,
            }
            for w in pr.what_if
        ],
    )
    report = Result("risk", meta=meta, tables=[shares, groups, what_if], diagnostics=findings, lang=cfg.lang)
    report.summary = {
        "total_revenue": pr.total_revenue,
        "total_gross_margin": pr.total_gross_margin,
        "top5_share": pr.top5_share,
        "largest": None if pr.largest is None else {"id": pr.largest.id, "share": pr.largest_share},
        "largest_flagged": pr.largest is not None and pr.largest_share >= cfg.risk.single_customer_share,
        "major": [{"id": s.id, "share": s.share} for s in pr.major],
        "hhi": pr.hhi,
        "hhi_band": pr.hhi_band,
        "effective_n": pr.effective_n,
        "group_hhi": pr.group_hhi,
        "group_hhi_band": pr.group_hhi_band,
        "group_effective_n": pr.group_effective_n,
        "group_major": [{"id": g.id, "members": list(g.members), "share": g.share} for g in pr.group_major],
        "missing_revenue": pr.missing,
        "other_currency": pr.other_currency,
    }
    from kamctl.numbers import money
    from kamctl.tabular import format_number

    def n(v: Any, kind: str) -> str:
        return format_number(v, kind, cfg.lang)

    lang = cfg.lang
    largest = (
        f"{pr.largest.id} {n(pr.largest_share, 'percent')} %"
        + (_t("flagged", lang) if report.summary["largest_flagged"] else "")
        if pr.largest
        else "–"
    )
    report.notes += [
        _t(
            "note_total",
            lang,
            year=f" {pr.year}" if pr.year else "",
            total=money(pr.total_revenue, cur, lang),
            top5=n(pr.top5_share, "percent"),
            largest=largest,
        ),
        _t(
            "note_hhi",
            lang,
            hhi=n(pr.hhi, "number"),
            band=_t(f"band.{pr.hhi_band}", lang),
            n=n(pr.effective_n, "number"),
            group_hhi=n(pr.group_hhi, "number"),
            group_band=_t(f"band.{pr.group_hhi_band}", lang),
            group_n=n(pr.group_effective_n, "number"),
        ),
        _t(
            "note_major",
            lang,
            limit=_g(cfg.risk.major_customer_share, lang),
            major=", ".join(f"{g.id} {n(g.share, 'percent')} %" for g in pr.group_major) or _t("none", lang),
        ),
    ]
    return report


# --------------------------------------------------------------- commands


@app.command()
def abc(
    paths: list[str] | None = PATHS_ARGUMENT,
    csv_file: Path | None = typer.Option(
        None, "--csv", help="Rank the customers of this CSV export instead of account files.", dir_okay=False
    ),
    by: str = typer.Option("revenue", "--by", help="Rank by revenue, gross_margin or contribution."),
    year: int | None = YEAR_OPTION,
    as_of: str | None = AS_OF_OPTION,
    fmt: str = FORMAT_OPTION,
    fail_on: str = FAIL_ON_OPTION,
    table: str | None = TABLE_OPTION,
    output: Path | None = OUTPUT_FILE_OPTION,
    csv_dialect: str = CSV_DIALECT_OPTION,
    lang: str | None = LANG_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
    rev: str | None = REV_OPTION,
    at: str | None = AT_OPTION,
    same_config: bool = SAME_CONFIG_OPTION,
) -> None:
    """ABC analysis: rank customers by value, classify by cumulative share (A, B, C; D when loss-making).

    Over account files (default) or, with --csv, over a customer export from the ERP.
    """
    check_format(fmt, FORMATS)
    check_format(fail_on, FAIL_ON)
    _check_table("abc", table)
    out = output_options(csv_dialect, output)
    check_format(by, MEASURES)
    if csv_file is not None and (rev or at):
        fail("--rev and --at read account files from git; --csv reads the export on disk")
    base, today = travel(get_config(config), as_of, rev, at, same_config, lang)
    cfg = _with_lang(_with_year(base, year), lang)
    if csv_file is not None:
        if paths:
            fail("give account files or --csv, not both")
        if year is not None:
            note("--year does not apply to a CSV export: it holds one set of figures")
        if not csv_file.is_file():
            fail(f"no such file: {csv_file}")
        read = _read_csv(csv_file, cfg, by)
        customers, problems = read.customers, read.diagnostics
        # read_customers leaves out (and reports) every row without the measured value.
        rows = [(c.id, c.name, v) for c in customers if (v := c.value(by)) is not None]
        csv_meta: dict[str, Any] = {
            "source": str(csv_file),
            "by": by,
            "year": None,
            "as_of": today.isoformat(),
            "currency": cfg.currency,
            "encoding": read.encoding,
        }
        report = abc_report(rows, cfg, by, csv_meta, [])
        report.excluded = problems
        finish(report, fmt, fail_on, table, out)
    from kamctl.portfolio import analysis_year, figures, in_currency

    accounts, excluded, files, _ = _load(paths, cfg, jobs)
    report_excluded(excluded)
    accs, foreign = in_currency([a for _, a in accounts], cfg.currency)
    _note_currency(foreign, cfg.currency)
    the_year = analysis_year(accs, cfg.fiscal_year, by)
    items, missing = figures(accs, the_year, by)
    if missing:
        note(f"no {by} for {the_year} in {len(missing)} account(s), left out: {', '.join(missing)}")
        _note_budget_only(accs, the_year, by, cfg.lang)
    if not items and accs:
        # Nothing to rank is no pass: a CI job asking for a year nobody has
        # figures for must fail, and say which years there are.
        years = sorted({f.year for a in accs for f in a.financials if not f.budget})
        shown = ", ".join(map(str, years)) or ("ingen" if cfg.lang == "nb" else "none")
        fail(
            f"ingen faktiske tall ({by}) for {the_year} å rangere; år med faktiske tall: {shown}"
            if cfg.lang == "nb"
            else f"no actual {by} for {the_year} to rank; years with actual figures: {shown}"
        )
    meta: dict[str, Any] = {
        "source": "accounts",
        "by": by,
        "year": the_year,
        "as_of": today.isoformat(),
        "currency": cfg.currency,
    }
    report = abc_report(items, cfg, by, meta, missing)
    report.summary["other_currency"] = [a.id for a in foreign]
    report.files = files
    report.excluded = excluded
    finish(report, fmt, fail_on, table, out)


@app.command()
def classify(
    paths: list[str] | None = PATHS_ARGUMENT,
    year: int | None = YEAR_OPTION,
    as_of: str | None = AS_OF_OPTION,
    fmt: str = FORMAT_OPTION,
    fail_on: str = FAIL_ON_OPTION,
    table: str | None = TABLE_OPTION,
    output: Path | None = OUTPUT_FILE_OPTION,
    csv_dialect: str = CSV_DIALECT_OPTION,
    kam: str | None = KAM_FILTER_OPTION,
    tier: str | None = TIER_FILTER_OPTION,
    quadrant: str | None = QUADRANT_FILTER_OPTION,
    write: bool = typer.Option(
        False, "--write", help="Store quadrant, tier, priority, axis scores and ABC class in each file."
    ),
    check: bool = typer.Option(
        False,
        "--check",
        help="Write nothing; exit 1 when --write would change a file (a missing or out-of-date block), for CI.",
    ),
    lang: str | None = LANG_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
    rev: str | None = REV_OPTION,
    at: str | None = AT_OPTION,
    same_config: bool = SAME_CONFIG_OPTION,
) -> None:
    """KAISM classification: axis scores, quadrant, tier and investment priority per account.

    Alongside: ABC class by revenue, share of wallet, relationship stage; and the
    portfolio checks (number of key accounts, KAM capacity).
    """
    check_format(fmt, FORMATS)
    check_format(fail_on, FAIL_ON)
    _check_table("classify", table)
    out = output_options(csv_dialect, output)
    if write and (rev or at):
        fail("--write writes the files in the work tree; it cannot be combined with --rev or --at")
    if check and write:
        fail("use --write or --check, not both")
    if check and (rev or at):
        fail("--check compares the files in the work tree; it cannot be combined with --rev or --at")
    base, today = travel(get_config(config), as_of, rev, at, same_config, lang)
    cfg = _with_lang(_with_year(base, year), lang)
    from kamctl.portfolio import analysis_year

    accounts, excluded, files, _ = _load(paths, cfg, jobs)
    report_excluded(excluded)
    the_year = analysis_year([a for _, a in accounts], cfg.fiscal_year)
    meta = {
        "year": the_year,
        "as_of": today.isoformat(),
        "currency": cfg.currency,
        "threshold": cfg.kaism.threshold,
    }
    report, blocks = classify_report(accounts, cfg, meta, jobs)
    report.files = files
    report.excluded = excluded
    _apply_filter(report, accounts, account_filter(kam, tier, quadrant, cfg), cfg)
    if (write or check) and any(d.severity.value == "error" for d in excluded):
        # The ABC classes depend on every account's revenue: written over an
        # incomplete portfolio they would be wrong in every other file too.
        note("nothing written: fix the invalid files first (they would shift every account's ABC class)")
        from kamctl.formatters import emit

        emit(report, fmt, table=table, options=out)
        raise typer.Exit(1)
    if write or check:
        _write_blocks(accounts, blocks, cfg.lang, check=check, report=report, fmt=fmt, table=table, out=out)
    finish(report, fmt, fail_on, table, out)


def _write_blocks(
    accounts: list[tuple[str, Account]],
    blocks: dict[str, dict[str, Any]],
    lang: str,
    *,
    check: bool,
    report: Result,
    fmt: str,
    table: str | None,
    out: Any,
) -> None:
    """``classify --write`` / ``--check``: write (or compare) every block; exit 1 on a
    refused file, and with ``--check`` on a file a write would change."""
    from kamctl.classify_write import MESSAGES, write_classifications
    from kamctl.i18n import say

    outcome = write_classifications([(p, blocks[a.id], a) for p, a in accounts], check=check)
    label = say(MESSAGES, "error", lang)
    for path, message in outcome.refused:
        sys.stderr.write(f"{path}: {label}: {message}\n")
    if check:
        by_path = {p: a for p, a in accounts}
        for path in outcome.written:
            _report_stale(path, by_path[path], blocks[by_path[path].id], lang, label)
    summary = say(
        MESSAGES,
        "checked" if check else "written",
        lang,
        stale=len(outcome.written),
        written=len(outcome.written),
        unchanged=len(outcome.unchanged),
    )
    if outcome.refused:
        summary += say(MESSAGES, "not_checked" if check else "not_written", lang, n=len(outcome.refused))
    note(summary)
    if outcome.refused or (check and outcome.written):
        from kamctl.formatters import emit

        emit(report, fmt, table=table, options=out)
        raise typer.Exit(1)


def _report_stale(path: str, account: Account, wanted: dict[str, Any], lang: str, label: str) -> None:
    """``path:line:col: error: classification block out of date (priority: 1 → 4, …)``."""
    from kamctl.classify_write import MESSAGES, block_changes, shown
    from kamctl.i18n import say

    current = account.classification.model_dump(exclude_none=True) if account.classification else None
    if current is None:
        sys.stderr.write(f"{path}: {label}: {say(MESSAGES, 'missing', lang)}\n")
        return
    changes = ", ".join(f"{k}: {shown(old)} → {shown(new)}" for k, old, new in block_changes(current, wanted))
    line, column = _block_position(path)
    sys.stderr.write(f"{path}:{line}:{column}: {label}: {say(MESSAGES, 'stale', lang, changes=changes)}\n")


def _block_position(path: str) -> tuple[int, int]:
    from kamctl.lint.base import rule_position
    from kamctl.yamlsource import YamlProblem, decode, parse

    try:
        with open(path, "rb") as fh:
            doc = parse(decode(fh.read()))
    except (OSError, YamlProblem):
        return 1, 1
    line, column, _ = rule_position(doc, ("classification",))
    return line, column


@app.command()
def risk(
    paths: list[str] | None = PATHS_ARGUMENT,
    csv_file: Path | None = typer.Option(
        None,
        "--csv",
        help="Concentration over every customer of this CSV export (shares of the whole revenue).",
        dir_okay=False,
    ),
    as_of: str | None = AS_OF_OPTION,
    year: int | None = YEAR_OPTION,
    fmt: str = FORMAT_OPTION,
    fail_on: str = FAIL_ON_OPTION,
    table: str | None = TABLE_OPTION,
    output: Path | None = OUTPUT_FILE_OPTION,
    csv_dialect: str = CSV_DIALECT_OPTION,
    kam: str | None = KAM_FILTER_OPTION,
    tier: str | None = TIER_FILTER_OPTION,
    quadrant: str | None = QUADRANT_FILTER_OPTION,
    lang: str | None = LANG_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
    rev: str | None = REV_OPTION,
    at: str | None = AT_OPTION,
    same_config: bool = SAME_CONFIG_OPTION,
) -> None:
    """Risk: revenue concentration (top 5, largest, HHI, groups, what-if) and each account's risks.

    Account findings have stable ids (RISK1xx, STAGE1xx) and point at the evidence in the file.
    """
    check_format(fmt, FORMATS)
    check_format(fail_on, FAIL_ON)
    _check_table("risk", table)
    out = output_options(csv_dialect, output)
    base, today = travel(get_config(config), as_of, rev, at, same_config, lang)
    cfg = _with_lang(_with_year(base, year), lang)
    import functools

    from kamctl.checks import account_findings
    from kamctl.portfolio import analysis_year
    from kamctl.risk import risk_account

    # The account findings are made in the loading workers, where each file's
    # node tree is at hand to locate them: no second parse.
    per_file = functools.partial(account_findings, config=cfg, as_of=today, lang=cfg.lang)
    # With the year known before loading, no finding is redone afterwards and
    # the portfolio figures need only a few fields of each account: the
    # workers send back those (the whole models took seconds to unpickle).
    # Otherwise risk_report redoes the year-dependent findings on whole models.
    flt = account_filter(kam, tier, quadrant, cfg)
    # A filter reads the KAM and the KAISM scores: whole accounts then.
    slim = risk_account if cfg.fiscal_year is not None and not flt.active else None
    accounts, excluded, files, found = _load(paths, cfg, jobs, per_file, slim)
    report_excluded(excluded)
    known_year = cfg.fiscal_year
    the_year = analysis_year([a for _, a in accounts], cfg.fiscal_year)
    cfg = _with_year(cfg, the_year)
    meta = {
        "year": the_year,
        "as_of": today.isoformat(),
        "currency": cfg.currency,
        "source": "accounts",
    }
    customers = None
    rows_excluded: list[Diagnostic] = []
    if csv_file is not None:
        if not csv_file.is_file():
            fail(f"no such file: {csv_file}")
        read = _read_csv(csv_file, cfg, "revenue")
        customers, rows_excluded = read.customers, read.diagnostics
        meta["source"] = str(csv_file)
        meta["encoding"] = read.encoding
    report = risk_report(
        accounts, cfg, today, meta, jobs, customers, found, year_changed=known_year != the_year
    )
    report.files = files
    report.excluded = excluded + rows_excluded
    _apply_filter(report, accounts, flt, cfg)
    finish(report, fmt, fail_on, table, out)
