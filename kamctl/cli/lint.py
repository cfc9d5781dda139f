"""``kamctl lint``, ``kamctl status`` and ``kamctl rules``: options, output and
exit codes only; the rules and the runner live in :mod:`kamctl.lint`."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

from kamctl.cli import app
from kamctl.cli.common import CONFIG_OPTION, JOBS_OPTION, PATHS_ARGUMENT, fail, get_config

if TYPE_CHECKING:
    from kamctl.config import Config
    from kamctl.formatters import RuleInfo
    from kamctl.lint.runner import Outcome
    from kamctl.lint.status import AccountStatus

LINT_FORMATS = ("text", "json", "github", "sarif")
STATUS_FORMATS = ("text", "json")
LEVELS = ("error", "warning", "info")

AS_OF_OPTION = typer.Option(
    None, "--as-of", help="Judge dates as of this day (YYYY-MM-DD; default: today).", show_default=False
)


def _as_of(value: str | None) -> _dt.date:
    if value is None:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of: {value!r} is not a date (YYYY-MM-DD)")


def _run(
    paths: list[str] | None, config: Config, as_of: _dt.date, jobs: int | None
) -> tuple[int, list[Outcome]]:
    from kamctl.lint.runner import LintSettingsError, Outcome, check_settings, lint_paths

    try:
        check_settings(config.lint)
    except LintSettingsError as exc:
        where = f"{config.source}: " if config.source else ""
        fail(f"{where}{exc}")
    files, outcomes, problems = lint_paths(paths or [], config, as_of, jobs=jobs)
    for p in problems:
        outcomes.append(Outcome(p.path, None, [p]))
    return files, outcomes


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def rule_infos() -> dict[str, RuleInfo]:
    from kamctl.formatters import RuleInfo
    from kamctl.lint.registry import RULES

    return {r.id: RuleInfo(r.id, r.name, r.summary, r.doc, r.severity) for r in RULES}


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
        help="Exit 1 when a finding is at least this severe: error, warning or info (default: [lint] fail_on, 'error').",
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
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
) -> None:
    """Check account plans for completeness and quality (rules KAM0xx and KAM1xx; 'kamctl rules' lists them).

    Pre-commit passes the changed files; CI passes a folder. Suppress a finding
    with '# kamctl: disable=KAM104' on its line. Exit 0 when no finding reaches
    --fail-on, 1 when one does, 2 on a usage or config error.
    """
    from kamctl.cli.common import check_format
    from kamctl.diagnostics import Severity
    from kamctl.formatters import CheckResult, emit

    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    check_format(fmt, LINT_FORMATS)
    if fail_on is not None:
        check_format(fail_on, LEVELS)
    day = _as_of(as_of)
    cfg = get_config(config)
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
    level = Severity(fail_on or cfg.lint.fail_on)
    files, outcomes = _run(paths, cfg, day, jobs)
    diags = [d for o in outcomes for d in o.diagnostics]
    extra: dict[str, Any] = {"as_of": day.isoformat()}
    rows = None
    if summary:
        from kamctl.lint.status import portfolio_status

        rows = portfolio_status(outcomes, cfg.lint, day)
        if fmt == "json":
            extra["status"] = [r.to_dict() for r in rows]
    result = CheckResult("lint", files, diags, extra if fmt == "json" else {}, rule_infos())
    emit(result, fmt)
    if rows is not None and fmt != "json":
        # Machine formats own stdout; the table goes to stderr (and to the job
        # summary page when running in GitHub Actions).
        stream = sys.stdout if fmt == "text" else sys.stderr
        if fmt == "text":
            stream.write("\n")
        write_status_table(rows, stream, day)
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if fmt == "github" and step_summary:
            try:
                with open(step_summary, "a", encoding="utf-8") as fh:
                    write_status_markdown(rows, fh, day)
            except OSError as exc:  # the findings matter more than the summary page
                sys.stderr.write(f"kamctl: cannot write the job summary ({exc.strerror})\n")
    failing = any(d.severity.at_least(level) for d in diags)
    raise typer.Exit(1 if failing and not exit_zero else 0)


@app.command()
def status(
    paths: list[str] | None = PATHS_ARGUMENT,
    fmt: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    explain: bool = typer.Option(
        False, "--explain", help="List the checks behind each completeness percentage."
    ),
    as_of: str | None = AS_OF_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
) -> None:
    """Plan health per account: completeness, freshness, relationship coverage, findings.

    Completeness is the share of the plan checks (lint rules) that apply and
    passed; --explain lists them. Bands (green/amber/red) come from [lint.status].
    Always exits 0 unless the command itself fails (2).
    """
    import json

    from kamctl.cli.common import check_format
    from kamctl.lint.status import portfolio_status

    check_format(fmt, STATUS_FORMATS)
    day = _as_of(as_of)
    cfg = get_config(config)
    _files, outcomes = _run(paths, cfg, day, jobs)
    rows = portfolio_status(outcomes, cfg.lint, day)
    if fmt == "json":
        doc = {
            "tool": "kamctl status",
            "version": 1,
            "as_of": day.isoformat(),
            "accounts": [r.to_dict() for r in rows],
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    write_status_table(rows, sys.stdout, day)
    if explain:
        write_explanation(rows, sys.stdout)


@app.command()
def rules(
    rule_id: str | None = typer.Argument(None, metavar="[ID]", help="Show this rule's full documentation."),
    fmt: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
) -> None:
    """List every lint rule with id, default severity, profiles and summary; or explain one."""
    import json

    from kamctl.cli.common import check_format
    from kamctl.lint import registry

    check_format(fmt, ("text", "json"))
    chosen = list(registry.RULES)
    if rule_id is not None:
        rule = registry.get(rule_id)
        if rule is None:
            fail(f"no rule {rule_id!r}; 'kamctl rules' lists them")
        chosen = [rule]
    if fmt == "json":
        doc = [
            {
                "id": r.id,
                "name": r.name,
                "severity": r.severity.value,
                "profiles": sorted(r.profiles),
                "summary": r.summary,
                "doc": r.doc,
            }
            for r in chosen
        ]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    if rule_id is not None:
        r = chosen[0]
        sys.stdout.write(
            f"{r.id} {r.name}  (default severity: {r.severity.value}; "
            f"profiles: {', '.join(sorted(r.profiles))})\n\n{r.summary}\n\n"
        )
        body = r.doc.split("\n", 1)[1].strip() if "\n" in r.doc else ""
        sys.stdout.write(body + "\n")
        return
    width = max(len(r.name) for r in chosen)
    for r in chosen:
        profiles = "full+light" if len(r.profiles) == 2 else next(iter(r.profiles))
        sys.stdout.write(f"{r.id}  {r.name:<{width}}  {r.severity.value:<7}  {profiles:<10}  {r.summary}\n")


# ------------------------------------------------------------------ status table

_MARK = {"green": "G", "amber": "A", "red": "R"}
_ANSI = {"green": "32", "amber": "33", "red": "31"}


def _cells(r: AccountStatus) -> list[tuple[str, str | None]]:
    from kamctl.kaism import round_half_up

    def days(v: int | None) -> str:
        return "never" if v is None else f"{v} d"

    if not r.valid:
        return [
            ("invalid", "red"),
            ("-", None),
            ("-", None),
            ("-", None),
            (f"{r.errors}/{r.warnings}/{r.info}", "red"),
        ]
    complete = (
        f"{round_half_up(r.completeness, 0):.0f}% ({len(r.passed)}/{len(r.passed) + len(r.failed)})"
        if r.completeness is not None
        else "-"
    )
    return [
        (complete, r.bands["completeness"]),
        (days(r.review_days), r.bands["review"]),
        ("none" if r.contact_days is None else f"{r.contact_days} d", r.bands["contact"]),
        (f"{r.coverage}/3", r.bands["coverage"]),
        (f"{r.errors}/{r.warnings}/{r.info}", r.bands["findings"]),
    ]


def write_status_table(rows: list[AccountStatus], stream: IO[str], as_of: _dt.date) -> None:
    """A fixed-width table (no Rich: it must not wrap when piped). Bands are
    colours on a terminal and a G/A/R letter otherwise."""
    from kamctl.formatters import use_color

    color = use_color(stream)
    header = ["account", "profile", "complete", "reviewed", "key contact", "coverage", "E/W/I"]
    table: list[list[tuple[str, str | None]]] = []
    for r in rows:
        table.append([(r.account or r.path, None), (r.profile or "-", None), *_cells(r)])

    def shown(text: str, band: str | None) -> str:
        return text if band is None or color else f"{text} {_MARK[band]}"

    widths = [len(h) for h in header]
    for row in table:
        for i, (text, band) in enumerate(row):
            widths[i] = max(widths[i], len(shown(text, band)))
    stream.write(f"Plan health as of {as_of.isoformat()}\n")
    stream.write("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip() + "\n")
    for row in table:
        out = []
        for (text, band), w in zip(row, widths, strict=True):
            cell = shown(text, band)
            pad = " " * (w - len(cell))
            if color and band is not None:
                cell = f"\033[{_ANSI[band]}m{cell}\033[0m"
            out.append(cell + pad)
        stream.write("  ".join(out).rstrip() + "\n")
    if not color:
        stream.write(
            "G green, A amber, R red. E/W/I: errors/warnings/info. 'kamctl status --explain' shows the checks.\n"
        )


def write_status_markdown(rows: list[AccountStatus], stream: IO[str], as_of: _dt.date) -> None:
    icon = {"green": "🟢", "amber": "🟡", "red": "🔴"}
    stream.write(f"### Plan health as of {as_of.isoformat()}\n\n")
    stream.write("| account | profile | complete | reviewed | key contact | coverage | E/W/I |\n")
    stream.write("|---|---|---:|---:|---:|---:|---:|\n")
    for r in rows:
        cells = " | ".join(f"{icon[b]} {t}" if b else t for t, b in _cells(r))
        name = (r.account or r.path).replace("|", "\\|")
        stream.write(f"| {name} | {r.profile or '-'} | {cells} |\n")
    stream.write("\n")


def write_explanation(rows: list[AccountStatus], stream: IO[str]) -> None:
    from kamctl.kaism import round_half_up
    from kamctl.lint.registry import BY_ID

    for r in rows:
        if not r.valid or r.completeness is None:
            continue
        total = len(r.passed) + len(r.failed)
        stream.write(
            f"\n{r.account}: {len(r.passed)} of {total} checks passed = {round_half_up(r.completeness, 1):.1f}%\n"
        )
        for rid in sorted(r.passed + r.failed):
            mark = "pass" if rid in r.passed else "FAIL"
            stream.write(f"  {mark}  {rid}  {BY_ID[rid].summary}\n")
