"""``kamctl render`` (one plan per account) and ``kamctl report`` (the portfolio).

Options, loading and exit codes only; the documents are built by
:mod:`kamctl.render` from the facts in :mod:`kamctl.facts`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import typer

from kamctl.cli import app
from kamctl.cli.common import (
    AS_OF_OPTION,
    CONFIG_OPTION,
    JOBS_OPTION,
    KAM_FILTER_OPTION,
    PATHS_ARGUMENT,
    QUADRANT_FILTER_OPTION,
    TIER_FILTER_OPTION,
    get_config,
    resolve_lang,
)
from kamctl.cli.revision import AT_OPTION, REV_OPTION, SAME_CONFIG_OPTION, SINCE_OPTION, since_section, travel

FORMAT_OPTION = typer.Option(
    "html",
    "--format",
    "-f",
    help="Output format: md (Markdown), html (self-contained, printable) or pdf (A4, printed by headless "
    "Chromium; one file per document); for the report also xlsx (its tables, a sheet each).",
)
OUT_OPTION = typer.Option(
    Path("rendered"), "--output", "-o", help="Folder to write into (created if missing).", file_okay=False
)
LANG_OPTION = typer.Option(None, "--lang", help="Language: nb or en (default: the config's lang, else nb).")
AUDIENCE_OPTION = typer.Option(
    "internal",
    "--audience",
    help="internal (everything) or customer: leaves out what is ours alone (stance, trust, margins, "
    "classification, competitors, risks, findings) for a plan to share in joint planning.",
)
TEMPLATES_OPTION = typer.Option(
    None,
    "--templates",
    help="Folder of template overrides, searched before the plan repository's templates/ and the shipped ones.",
    file_okay=False,
)


@app.command()
def render(
    paths: list[str] | None = PATHS_ARGUMENT,
    fmt: str = FORMAT_OPTION,
    out: Path = OUT_OPTION,
    lang: str | None = LANG_OPTION,
    templates: Path | None = TEMPLATES_OPTION,
    as_of: str | None = AS_OF_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
    audience: str = AUDIENCE_OPTION,
    rev: str | None = REV_OPTION,
    at: str | None = AT_OPTION,
    same_config: bool = SAME_CONFIG_OPTION,
) -> None:
    """Render one account plan per account file, as Markdown, HTML or PDF.

    Files are named after the account id (<id>.md, <id>.html or <id>.pdf). Invalid files
    are reported and skipped. Exit 0 when every file was rendered, 1 when some
    were invalid, 2 on a usage, config or template error.
    """
    past = (rev, at, same_config)
    raise typer.Exit(
        _run("plan", paths or [], fmt, out, lang, templates, as_of, config, jobs, audience, past)
    )


@app.command()
def report(
    paths: list[str] | None = PATHS_ARGUMENT,
    fmt: str = FORMAT_OPTION,
    out: Path = OUT_OPTION,
    lang: str | None = LANG_OPTION,
    templates: Path | None = TEMPLATES_OPTION,
    as_of: str | None = AS_OF_OPTION,
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
    rev: str | None = REV_OPTION,
    at: str | None = AT_OPTION,
    same_config: bool = SAME_CONFIG_OPTION,
    kam: str | None = KAM_FILTER_OPTION,
    tier: str | None = TIER_FILTER_OPTION,
    quadrant: str | None = QUADRANT_FILTER_OPTION,
    since: str | None = SINCE_OPTION,
) -> None:
    """Render the portfolio report (index.md, index.html or index.pdf): KAISM matrix, ABC
    Pareto chart, concentration, risk summary and a table of accounts linking
    to their plans (render those into the same folder).

    Exit 0 when every file was read, 1 when some were invalid, 2 on a usage,
    config or template error.
    """
    past = (rev, at, same_config)
    raise typer.Exit(
        _run(
            "report",
            paths or [],
            fmt,
            out,
            lang,
            templates,
            as_of,
            config,
            jobs,
            past=past,
            only=(kam, tier, quadrant),
            since=since,
        )
    )


def _run(
    kind: Literal["plan", "report"],
    paths: list[str],
    fmt: str,
    out: Path,
    lang: str | None,
    templates: Path | None,
    as_of: str | None,
    config_path: Path | None,
    jobs: int | None,
    audience: str = "internal",
    past: tuple[str | None, str | None, bool] = (None, None, False),
    only: tuple[str | None, str | None, str | None] = (None, None, None),
    since: str | None = None,
) -> int:
    import sys

    from kamctl.cli.common import check_format, fail
    from kamctl.diagnostics import Severity
    from kamctl.formatters import text
    from kamctl.result import Result

    # The report's tables also go to a workbook (index.xlsx); a plan is a document, not a table.
    check_format(fmt, ("md", "html", "pdf", "xlsx") if kind == "report" else ("md", "html", "pdf"))
    if fmt == "pdf":
        from kamctl.pdf import PdfError, require_browser

        try:
            require_browser()  # before reading anything: say how to get one
        except PdfError as exc:
            fail(str(exc))
    from kamctl.audience import AUDIENCES

    if audience not in AUDIENCES:
        fail(f"unknown audience {audience!r}; use {' or '.join(AUDIENCES)}")
    if templates is not None and not templates.is_dir():
        fail(f"templates folder not found: {templates}")
    cfg, today = travel(get_config(config_path), as_of, *past, lang=lang)
    terminal_lang = resolve_lang(lang, cfg)
    lang = resolve_lang(lang, cfg, environment=False)

    from kamctl.loader import load_accounts
    from kamctl.render import REPORT_STEM, RenderError, render_documents

    loaded, problems = load_accounts(paths, cfg, jobs=jobs)
    context = []
    if kind == "plan" and paths and cfg.accounts_dir.is_dir():
        # A plan's ABC class and revenue share are relative to the whole
        # portfolio, also when only some plans are rendered. (A report is about
        # exactly the accounts it is given.)
        others, _ = load_accounts([str(cfg.accounts_dir)], cfg, jobs=jobs)
        context = [lf.account for lf in others if lf.account is not None]
    bad = [d for lf in loaded for d in lf.diagnostics if d.severity is Severity.error] + problems
    if bad:
        text(Result("render" if kind == "plan" else "report", len(loaded), bad), sys.stderr)
    good = [lf for lf in loaded if lf.ok]
    if not good:
        # Nothing to render; an empty report would only mislead.
        fail("no valid account files to render" if bad else "no account files found", 1)
    from kamctl.cli.common import account_filter

    flt = account_filter(*only, cfg)
    everyone = [(lf.path, lf.account) for lf in good if lf.account is not None]
    if flt.active:
        # The report is about the chosen accounts; the others stay as context, so
        # ABC classes and shares are still those of the whole portfolio.
        chosen = [lf for lf in good if lf.account is not None and flt.matches(lf.account, cfg)]
        if not chosen:
            fail(f"no account matches {flt.describe(lang)}")
        context = [*context, *(lf.account for lf in good if lf not in chosen and lf.account is not None)]
        good = chosen
    if any(lf.account is not None and lf.account.id == REPORT_STEM for lf in good):
        sys.stderr.write(
            f"kamctl: warning: account id {REPORT_STEM!r} has the report's file name "
            f"({REPORT_STEM}.{fmt}); render the plans and the report into different folders\n"
        )
    if fmt == "xlsx":
        from kamctl.report_tables import write_report_workbook

        sys.stdout.write(f"{write_report_workbook(good, cfg, lang, today, out, context)}\n")
        return 1 if bad else 0
    changes = None
    if since is not None:
        # The whole portfolio is compared (an account filtered out is not "removed"),
        # the section shows the chosen accounts.
        keep = {lf.account.id for lf in good if lf.account is not None} if flt.active else None
        changes = since_section(since, cfg, everyone, past[2], lang, keep)
    try:
        written = render_documents(
            kind,
            good,
            cfg,
            fmt=fmt,
            lang=lang,
            as_of=today,
            out_dir=out,
            templates=templates,
            context=context,
            audience="customer" if audience == "customer" else "internal",
            since=changes,
        )
    except RenderError as exc:
        fail(exc.problem.text(terminal_lang) if exc.problem else str(exc))
    for path in written:
        sys.stdout.write(f"{path}\n")
    return 1 if bad else 0
