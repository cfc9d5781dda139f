"""``kamctl lint``, ``kamctl status`` and ``kamctl rules``: options, output and
exit codes only; the rules and the runner live in :mod:`kamctl.lint`."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

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
    fail,
    get_config,
    output_options,
    resolve_lang,
)
from kamctl.cli.revision import AT_OPTION, REV_OPTION, SAME_CONFIG_OPTION, travel
from kamctl.i18n import Locale

if TYPE_CHECKING:
    from kamctl.config import Config
    from kamctl.lint.runner import Outcome
    from kamctl.lint.status import AccountStatus
    from kamctl.result import RuleInfo, Table

LINT_FORMATS = ("text", "json", "github", "sarif")
# status has a table besides its findings: also csv and xlsx, and table as another name for text.
STATUS_FORMATS = ("text", "table", "json", "csv", "xlsx", "github", "sarif")
STATUS_SORTS = ("account", "health", "completeness", "review", "contact", "coverage", "findings")


def sort_status(rows: list[AccountStatus], key: str) -> list[AccountStatus]:
    """``rows`` in the order ``--sort`` names; ties by account id. Unknown values
    (never reviewed, no contact) sort as the worst."""
    never = float("inf")

    def by(r: AccountStatus) -> tuple[float, ...]:
        if key == "health":
            bands = list(r.bands.values())
            return (-bands.count("red"), -bands.count("amber")) if r.valid else (-99.0, 0.0)
        if key == "completeness":
            return (r.completeness if r.completeness is not None else -1.0,)
        if key == "review":
            return (-(r.review_days if r.review_days is not None else never),)
        if key == "contact":
            return (-(r.contact_days if r.contact_days is not None else never),)
        if key == "coverage":
            return (r.coverage if r.coverage is not None else -1.0,)
        if key == "findings":
            return (-r.errors, -r.warnings, -r.info)
        return ()

    return sorted(rows, key=lambda r: (*by(r), r.account or r.path))


# The same --fail-on values as every command: "never" reports without failing.
LEVELS = FAIL_ON_VALUES

# The terminal text of lint, status and rules (rule messages live with the rules).
# Severity words, rule ids, band letters G/A/R and `file:line:col:` stay the
# same in every language: problem matchers, editors and scripts read them.
_TEXT: dict[str, dict[str, str]] = {
    "title": {"en": "Plan health as of {date}", "nb": "Planhelse per {date}"},
    "h.account": {"en": "account", "nb": "kunde"},
    "h.profile": {"en": "profile", "nb": "profil"},
    "h.complete": {"en": "complete", "nb": "komplett"},
    "h.reviewed": {"en": "reviewed", "nb": "gjennomgått"},
    "h.contact": {"en": "key contact", "nb": "nøkkelkontakt"},
    "h.reviewed_short": {"en": "reviewed", "nb": "gj.gått"},
    "h.contact_short": {"en": "contact", "nb": "kontakt"},
    "h.coverage": {"en": "coverage", "nb": "dekning"},
    "h.findings": {"en": "E/W/I", "nb": "F/A/I"},
    "never": {"en": "never", "nb": "aldri"},
    "none": {"en": "none", "nb": "ingen"},
    "future": {"en": "ahead (KAM131)", "nb": "fram i tid (KAM131)"},
    "invalid": {"en": "invalid", "nb": "ugyldig"},
    "percent": {"en": "{n}%", "nb": "{n} %"},
    "legend": {
        "en": "G green, A amber, R red. E/W/I: errors/warnings/info. 'kamctl status --explain' shows the checks.",
        "nb": "G grønn, A gul (amber), R rød. F/A/I: feil/advarsler/info. "
        "«kamctl status --explain» viser kontrollene.",
    },
    "explained": {
        "en": "{account}: {passed} of {total} checks passed = {percent}",
        "nb": "{account}: {passed} av {total} kontroller bestått = {percent}",
    },
    "pass": {"en": "pass", "nb": "ok"},
    "fail": {"en": "FAIL", "nb": "FEIL"},
    "rule_head": {
        "en": "{id} {name}  (default severity: {severity}; profiles: {profiles})",
        "nb": "{id} {name}  (standard alvorlighet: {severity}; profiler: {profiles})",
    },
    "reported_by": {"en": "Reported by: {commands}.", "nb": "Rapporteres av: {commands}."},
    "doc_english": {"en": "", "nb": "(Dokumentasjonen av reglene er på engelsk.)\n\n"},
}


def _t(key: str, lang: str, **params: object) -> str:
    return _TEXT[key][lang].format(**params)


def _percent(value: float, decimals: int, lang: str) -> str:
    from kamctl.numbers import number

    return _t("percent", lang, n=number(value, lang, decimals))


def _run(
    paths: list[str] | None, config: Config, as_of: _dt.date, jobs: int | None, lang: str
) -> tuple[int, list[Outcome]]:
    from kamctl.lint.runner import LintSettingsError, Outcome, check_settings, lint_paths

    try:
        check_settings(config.lint)
    except LintSettingsError as exc:
        where = f"{config.source}: " if config.source else ""
        fail(f"{where}{exc}")
    files, outcomes, problems = lint_paths(paths or [], config, as_of, jobs=jobs, lang=lang)
    for p in problems:
        outcomes.append(Outcome(p.path, None, [p]))
    return files, outcomes


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def rule_infos(lang: str = "en") -> dict[str, RuleInfo]:
    from kamctl.lint.registry import RULES
    from kamctl.result import RuleInfo

    return {r.id: RuleInfo(r.id, r.name, r.summary_in(lang), r.doc, r.severity) for r in RULES}


@app.command()
def lint(
    paths: list[str] | None = PATHS_ARGUMENT,
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="Output format: text, json, github or sarif (default: github in GitHub Actions, else text).",
        show_default=False,
    ),
    fail_on: str | None = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a finding is at least this severe: error, warning, info or never (default: [lint] fail_on, 'error').",
        show_default=False,
    ),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even with findings (gradual rollout)."),
    select: str | None = typer.Option(
        None,
        "--select",
        help="Run only these rules (comma-separated ids or prefixes, e.g. KAM101,KAM11); replaces [lint] select.",
        show_default=False,
    ),
    ignore: str | None = typer.Option(
        None,
        "--ignore",
        help="Also skip these rules (comma-separated ids or prefixes); added to [lint] ignore.",
        show_default=False,
    ),
    as_of: str | None = AS_OF_OPTION,
    summary: bool = typer.Option(
        False, "--summary", help="Also show plan health per account (as 'kamctl status')."
    ),
    lang: str | None = LANG_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
    rev: str | None = REV_OPTION,
    at: str | None = AT_OPTION,
    same_config: bool = SAME_CONFIG_OPTION,
) -> None:
    """Check account plans for completeness and quality (rules KAM0xx and KAM1xx; 'kamctl rules' lists them).

    Pre-commit passes the changed files; CI passes a folder. Suppress a finding
    with '# kamctl: disable=KAM104' on its line. Exit 0 when no finding reaches
    --fail-on, 1 when one does, 2 on a usage or config error.
    """
    from kamctl.cli.common import check_format
    from kamctl.formatters import emit
    from kamctl.result import Result

    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    check_format(fmt, LINT_FORMATS)
    if fail_on is not None:
        check_format(fail_on, LEVELS)
    cfg, day = travel(get_config(config), as_of, rev, at, same_config, lang)
    lang = resolve_lang(lang, cfg)
    if select is not None or ignore is not None:
        from kamctl.lint.runner import LintSettingsError, check_ids

        try:
            check_ids(_ids(select or ""), "--select")
            check_ids(_ids(ignore or ""), "--ignore", ignoring=True)
        except LintSettingsError as exc:
            fail(str(exc))
        update: dict[str, list[str]] = {}
        if select is not None:
            update["select"] = _ids(select)
        if ignore is not None:
            update["ignore"] = [*cfg.lint.ignore, *_ids(ignore)]
        cfg = cfg.model_copy(update={"lint": cfg.lint.model_copy(update=update)})
    threshold = fail_on or cfg.lint.fail_on
    files, outcomes = _run(paths, cfg, day, jobs, lang)
    diags = [d for o in outcomes for d in o.diagnostics]
    result = Result("lint", files, diags, meta={"as_of": day.isoformat()}, rules=rule_infos(lang), lang=lang)
    rows = None
    if summary:
        from kamctl.lint.status import portfolio_status

        rows = portfolio_status(outcomes, cfg.lint, day)
        if fmt == "json":
            result.tables.append(status_table(rows, lang, day))
    emit(result, fmt)
    if rows is not None and fmt != "json":
        # Machine formats own stdout; the table goes to stderr (and to the job
        # summary page when running in GitHub Actions).
        stream = sys.stdout if fmt == "text" else sys.stderr
        if fmt == "text":
            stream.write("\n")
        write_status_table(rows, stream, day, lang)
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if fmt == "github" and step_summary:
            try:
                with open(step_summary, "a", encoding="utf-8") as fh:
                    write_status_markdown(rows, fh, day, lang)
            except OSError as exc:  # the findings matter more than the summary page
                sys.stderr.write(f"kamctl: cannot write the job summary ({exc.strerror})\n")
    raise typer.Exit(0 if exit_zero else result.exit_code(threshold))


def status_table(rows: list[AccountStatus], lang: str, as_of: _dt.date) -> Table:
    """The status rows as a result table (JSON ``tables.accounts``, CSV)."""
    from kamctl.result import Column, Table

    keys = (
        "path",
        "account",
        "name",
        "profile",
        "valid",
        "completeness",
        "checks",
        "review_days",
        "contact_days",
        "coverage",
        "findings",
        "bands",
    )
    return Table(
        "accounts",
        _t("title", lang, date=Locale(lang).date(as_of)),
        [Column(k, k, "percent" if k == "completeness" else "text") for k in keys],
        [r.to_dict() for r in rows],
    )


@app.command()
def status(
    paths: list[str] | None = PATHS_ARGUMENT,
    fmt: str = typer.Option(
        "text",
        "--format",
        "-f",
        help="Output format: text, json, csv (see --csv-dialect), xlsx; github or sarif (the findings).",
    ),
    fail_on: str = typer.Option("never", "--fail-on", help=FAIL_ON_HELP),
    output: Path | None = OUTPUT_FILE_OPTION,
    csv_dialect: str = CSV_DIALECT_OPTION,
    explain: bool = typer.Option(
        False, "--explain", help="List the checks behind each completeness percentage."
    ),
    kam: str | None = KAM_FILTER_OPTION,
    tier: str | None = TIER_FILTER_OPTION,
    quadrant: str | None = QUADRANT_FILTER_OPTION,
    sort: str = typer.Option(
        "account",
        "--sort",
        help="Order: account (id), health (most red and amber bands first), completeness (least first), "
        "review or contact (longest ago first), coverage (least first), findings (most errors, then warnings).",
    ),
    as_of: str | None = AS_OF_OPTION,
    lang: str | None = LANG_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
    rev: str | None = REV_OPTION,
    at: str | None = AT_OPTION,
    same_config: bool = SAME_CONFIG_OPTION,
) -> None:
    """Plan health per account: completeness, freshness, relationship coverage, findings.

    Completeness is the share of the plan checks (lint rules) that apply and
    passed; --explain lists them. Bands (green/amber/red) come from [lint.status].
    Exits 0 (--fail-on never, the default), or 1 when a finding reaches --fail-on;
    2 when the command itself fails.
    """
    from kamctl.cli.common import check_fail_on, check_format, finish
    from kamctl.lint.status import portfolio_status
    from kamctl.result import Result

    check_format(fmt, STATUS_FORMATS)
    check_fail_on(fail_on)
    out = output_options(csv_dialect, output)
    cfg, day = travel(get_config(config), as_of, rev, at, same_config, lang)
    lang = resolve_lang(lang, cfg)
    check_format(sort, STATUS_SORTS)
    flt = account_filter(kam, tier, quadrant, cfg)
    files, outcomes = _run(paths, cfg, day, jobs, lang)
    rows = sort_status(portfolio_status(outcomes, cfg.lint, day), sort)
    if flt.active:
        from kamctl.loader import load_accounts

        # The plans themselves (KAM, KAISM scores): lint's workers send back only what status shows.
        loaded, _ = load_accounts(paths or [], cfg, jobs=jobs)
        chosen = {lf.path for lf in loaded if lf.account is not None and flt.matches(lf.account, cfg)}
        # An invalid file stays: its KAM is unknown, and it needs fixing whoever owns it.
        rows = [r for r in rows if not r.valid or r.path in chosen]
    diags = [d for o in outcomes for d in o.diagnostics]
    if fmt in ("text", "table"):
        # The health table has its own layout (bands as colours or G/A/R letters).
        write_status_table(rows, sys.stdout, day, lang)
        if explain:
            write_explanation(rows, sys.stdout, lang)
        raise typer.Exit(Result("status", files, diags).exit_code(fail_on))
    if fmt in ("csv", "xlsx"):
        # For a spreadsheet: one flat column per figure and band (kamctl.status_report).
        from kamctl.status_report import status_report

        result = status_report(rows, day, lang, files)
    else:
        # For scripts: each row as AccountStatus.to_dict (bands as data values).
        result = Result(
            "status", files, tables=[status_table(rows, lang, day)], meta={"as_of": day.isoformat()}
        )
    result.diagnostics = diags
    result.rules = rule_infos(lang)
    result.lang = lang
    finish(result, fmt, fail_on, options=out)


@app.command()
def rules(
    rule_id: str | None = typer.Argument(None, metavar="[ID]", help="Show this rule's full documentation."),
    fmt: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    lang: str | None = LANG_OPTION,
    config: Path | None = CONFIG_OPTION,
) -> None:
    """List every rule — every code kamctl can emit — with id, default severity, profiles and summary; or explain one.

    KAM rules are reported by lint; RISK and STAGE by risk; KAISM and PORT by
    classify; the rendered plans and the report show them all.
    """
    import json

    from kamctl.cli.common import check_format
    from kamctl.lint import registry

    check_format(fmt, ("text", "json"))
    lang = resolve_lang(lang, get_config(config))
    chosen = list(registry.RULES)
    if rule_id is not None:
        rule = registry.get(rule_id)
        if rule is None:
            from kamctl.lint.base import RETIRED

            new = RETIRED.get(rule_id.strip().upper())
            if new:
                fail(f"{rule_id.strip().upper()} is retired; use {new} ('kamctl rules {new}' explains it)")
            fail(f"no rule {rule_id!r}; 'kamctl rules' lists them")
        chosen = [rule]
    if fmt == "json":
        doc = [
            {
                "id": r.id,
                "name": r.name,
                "severity": r.severity.value,
                "profiles": sorted(r.profiles),
                "scope": r.scope,
                "reported_by": list(r.reported_by),
                "summary": r.summary_in(lang),
                "doc": r.doc,
            }
            for r in chosen
        ]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    if rule_id is not None:
        r = chosen[0]
        head = _t(
            "rule_head",
            lang,
            id=r.id,
            name=r.name,
            severity=r.severity.value,
            profiles=", ".join(sorted(r.profiles)),
        )
        commands = _t("reported_by", lang, commands=", ".join(f"kamctl {c}" for c in r.reported_by))
        sys.stdout.write(f"{head}\n\n{r.summary_in(lang)}\n\n{_t('doc_english', lang)}")
        body = r.doc.split("\n", 1)[1].strip() if "\n" in r.doc else ""
        sys.stdout.write(f"{body}\n\n{commands}\n")
        return
    width = max(len(r.name) for r in chosen)
    for r in chosen:
        profiles = "full+light" if len(r.profiles) == 2 else next(iter(r.profiles))
        sys.stdout.write(
            f"{r.id}  {r.name:<{width}}  {r.severity.value:<7}  {profiles:<10}  {r.summary_in(lang)}\n"
        )


# ------------------------------------------------------------------ status table

_MARK = {"green": "G", "amber": "A", "red": "R"}
_ANSI = {"green": "32", "amber": "33", "red": "31"}


def _cells(r: AccountStatus, lang: str, counts: bool = True) -> list[tuple[str, str | None]]:
    from kamctl.lint.rules.kam131_date_in_future import SLACK_DAYS

    def days(v: int | None, empty: str = "never") -> str:
        if v is None:
            return _t(empty, lang)
        # A date ahead of today is shown as what it is, never as "-13082 d".
        return _t("future", lang) if v < -SLACK_DAYS else f"{max(v, 0)} d"

    if not r.valid:
        return [
            (_t("invalid", lang), "red"),
            ("-", None),
            ("-", None),
            ("-", None),
            (f"{r.errors}/{r.warnings}/{r.info}", "red"),
        ]
    complete = "-" if r.completeness is None else _percent(r.completeness, 0, lang)
    if counts and r.completeness is not None:
        complete += f" ({len(r.passed)}/{len(r.passed) + len(r.failed)})"
    return [
        (complete, r.bands["completeness"]),
        (days(r.review_days), r.bands["review"]),
        (days(r.contact_days, "none"), r.bands["contact"]),
        (f"{r.coverage}/3", r.bands["coverage"]),
        (f"{r.errors}/{r.warnings}/{r.info}", r.bands["findings"]),
    ]


_HEADER = ("account", "profile", "complete", "reviewed", "contact", "coverage", "findings")
# At 80 columns the long headings ("nøkkelkontakt", "gjennomgått") cost a column each.
_HEADER_SHORT = ("account", "profile", "complete", "reviewed_short", "contact_short", "coverage", "findings")


def write_status_table(
    rows: list[AccountStatus], stream: IO[str], as_of: _dt.date, lang: str = "en", width: int | None = None
) -> None:
    """A fixed-width table (no Rich: it must not wrap when piped). Each band is
    its letter G/A/R, coloured on a terminal: colour alone says nothing to a
    red–green colour-blind reader or on a black-and-white printout.

    Within ``width`` (default: the terminal's, see :mod:`kamctl.fit`) the
    checks count ``(10/11)`` goes first, then the headings shorten, then the
    profile column; an account id is cut with "…" only as a last resort."""
    from kamctl.fit import DROP_ORDER, fit, shorten, terminal_width
    from kamctl.formatters import use_color

    color = use_color(stream)
    if width is None:
        width = terminal_width(stream)

    def build(compact: bool) -> tuple[list[str], list[list[tuple[str, str | None]]]]:
        names = _HEADER_SHORT if compact else _HEADER
        header = [_t(f"h.{h}", lang) for h in names]
        table = [
            [(r.account or r.path, None), (r.profile or "-", None), *_cells(r, lang, counts=not compact)]
            for r in rows
        ]
        return header, table

    def shown(text: str, band: str | None) -> str:
        return text if band is None else f"{text} {_MARK[band]}"

    def measure(header: list[str], table: list[list[tuple[str, str | None]]]) -> list[int]:
        widths = [len(h) for h in header]
        for row in table:
            for i, (text, band) in enumerate(row):
                widths[i] = max(widths[i], len(shown(text, band)))
        return widths

    header, table = build(False)
    widths = measure(header, table)
    if width is not None and sum(widths) + 2 * (len(widths) - 1) > width:
        header, table = build(True)
        widths = measure(header, table)
    keys = list(_HEADER)
    fitted = fit(
        keys,
        widths,
        [i > 1 for i in range(len(keys))],
        width,
        DROP_ORDER[("status", "accounts")],
        0,
        [len(h) for h in header],
    )
    gap = " " * min(fitted.gap, 2)
    stream.write(_t("title", lang, date=Locale(lang).date(as_of)) + "\n")
    stream.write(
        gap.join(
            shorten(header[i], w).ljust(w) for i, w in zip(fitted.keep, fitted.widths, strict=True)
        ).rstrip()
        + "\n"
    )
    for row in table:
        out = []
        for i, w in zip(fitted.keep, fitted.widths, strict=True):
            text, band = row[i]
            cell = shorten(shown(text, band), w)
            pad = " " * (w - len(cell))
            if color and band is not None:
                cell = f"\033[{_ANSI[band]}m{cell}\033[0m"
            out.append(cell + pad)
        stream.write(gap.join(out).rstrip() + "\n")
    if fitted.dropped and width is not None:
        from kamctl.fit import DROPPED_NOTE, wrap

        names = ", ".join(header[i] for i in fitted.dropped)
        stream.write(wrap(DROPPED_NOTE[lang].format(width=width, names=names), width) + "\n")
    legend = _t("legend", lang)
    from kamctl.fit import wrap as fold

    stream.write(fold(legend, width) + "\n")


def write_status_markdown(
    rows: list[AccountStatus], stream: IO[str], as_of: _dt.date, lang: str = "en"
) -> None:
    icon = {"green": "🟢", "amber": "🟡", "red": "🔴"}
    stream.write("### " + _t("title", lang, date=Locale(lang).date(as_of)) + "\n\n")
    stream.write("| " + " | ".join(_t(f"h.{h}", lang) for h in _HEADER) + " |\n")
    stream.write("|---|---|---:|---:|---:|---:|---:|\n")
    for r in rows:
        cells = " | ".join(f"{icon[b]} {t}" if b else t for t, b in _cells(r, lang))
        name = (r.account or r.path).replace("|", "\\|")
        stream.write(f"| {name} | {r.profile or '-'} | {cells} |\n")
    stream.write("\n")


def write_explanation(rows: list[AccountStatus], stream: IO[str], lang: str = "en") -> None:
    from kamctl.lint.registry import BY_ID

    for r in rows:
        if not r.valid or r.completeness is None:
            continue
        total = len(r.passed) + len(r.failed)
        percent = _percent(r.completeness, 1, lang)
        line = _t("explained", lang, account=r.account, passed=len(r.passed), total=total, percent=percent)
        stream.write(f"\n{line}\n")
        for rid in sorted(r.passed + r.failed):
            mark = _t("pass" if rid in r.passed else "fail", lang).ljust(4)
            stream.write(f"  {mark}  {rid}  {BY_ID[rid].summary_in(lang)}\n")
