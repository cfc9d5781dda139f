"""Options and helpers shared by the commands."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from kamctl.config import Config
    from kamctl.diagnostics import Diagnostic
    from kamctl.filters import AccountFilter
    from kamctl.result import Result
    from kamctl.tabular import OutputOptions

CONFIG_OPTION = typer.Option(
    None,
    "--config",
    "-c",
    help="Config file (default: nearest kamctl.toml or pyproject.toml with [tool.kamctl], searching upward).",
    dir_okay=False,
)
PATHS_ARGUMENT = typer.Argument(
    None,
    help="Account files or folders (default: the config's accounts folder, else '.').",
    show_default=False,
)
JOBS_OPTION = typer.Option(None, "--jobs", "-j", min=1, help="Processes to use (default: all cores).")
LANG_OPTION = typer.Option(
    None,
    "--lang",
    help="Language of the messages: nb or en (default: $KAMCTL_LANG, else the config's lang, else nb).",
    show_default=False,
)
AS_OF_OPTION = typer.Option(
    None,
    "--as-of",
    help="Take this date (YYYY-MM-DD) as today, for reproducible runs (default: today).",
    metavar="DATE",
    show_default=False,
)
OUTPUT_FILE_OPTION = typer.Option(
    None,
    "--output",
    "-o",
    help="Write to this file (atomically: the old file or the whole new one) instead of stdout; "
    "--format xlsx needs it on a terminal.",
    dir_okay=False,
    show_default=False,
)
CSV_DIALECT_OPTION = typer.Option(
    "plain",
    "--csv-dialect",
    help="With --format csv: plain (scripts: column keys, ',' and '.', UTF-8) or excel-nb "
    "(double-click in Norwegian Excel: ';', decimal comma, UTF-8 with BOM, CRLF, headings in --lang).",
)
KAM_FILTER_OPTION = typer.Option(
    None,
    "--kam",
    help="Only the accounts of this KAM (case-insensitive); figures stay portfolio-wide.",
    show_default=False,
)
TIER_FILTER_OPTION = typer.Option(
    None,
    "--tier",
    help="Only the accounts in this tier (the config's tier names, or 'unclassified').",
    show_default=False,
)
QUADRANT_FILTER_OPTION = typer.Option(
    None,
    "--quadrant",
    help="Only the accounts in this KAISM quadrant: key_development, key, maintenance, opportunistic, unclassified.",
    show_default=False,
)
QUIET_ENV = "KAMCTL_QUIET"
"""``kamctl -q`` sets it (so worker processes see it too); ``KAMCTL_QUIET=1`` does the same."""
LANG_ENV = "KAMCTL_LANG"
_noticed: set[str] = set()


def resolve_lang(option: str | None, cfg: Config, *, environment: bool = True) -> str:
    """The output language (:func:`kamctl.i18n.resolve_language`): ``--lang``,
    ``$KAMCTL_LANG``, the config's ``lang``, the locale, nb. A value that is no
    language is a usage error (exit 2) named after where it came from; one
    without a catalogue is English with one notice on stderr. Documents pass
    ``environment=False``: they are shared with the team, so one person's
    terminal settings must not change them."""
    from kamctl.i18n import resolve_language

    # The config's lang counts only where the file sets it: its default (nb)
    # must not hide the locale.
    config_lang = cfg.lang if "lang" in cfg.model_fields_set else None
    try:
        lang, notice = resolve_language(
            option, environ=os.environ, config_lang=config_lang, env_var=LANG_ENV, environment=environment
        )
    except ValueError as exc:
        if option is not None and str(exc).startswith("--lang"):
            raise typer.BadParameter(str(exc).removeprefix("--lang: "), param_hint="--lang") from None
        fail(str(exc))
    if notice and notice not in _noticed:
        _noticed.add(notice)
        sys.stderr.write(f"kamctl: {notice}\n")
    return lang


def parse_as_of(value: str | None) -> _dt.date:
    """``--as-of`` as a date; a malformed one is a usage error (exit 2)."""
    if value is None:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint="--as-of") from None


def quiet() -> bool:
    return os.environ.get(QUIET_ENV, "") == "1"


def note(message: str) -> None:
    """An informational line on stderr — not a finding, not an error: ``-q`` silences it."""
    if not quiet():
        sys.stderr.write(f"kamctl: {message}\n")


def fail(message: str, code: int = 2) -> NoReturn:
    sys.stderr.write(f"kamctl: {message}\n")
    raise typer.Exit(code)


def get_config(path: Path | None) -> Config:
    """The config, or exit 2 with its located errors."""
    from kamctl.config import ConfigError, load_config

    if path is not None and not path.is_file():
        fail(f"config file not found: {path}")
    if path is None:
        from kamctl.config import find_config

        path = find_config()
        if path is None and not quiet():
            # Never a silent fallback: say that the defaults are in use (unless asked to be quiet).
            sys.stderr.write(
                "kamctl: no kamctl.toml (or [tool.kamctl] in pyproject.toml) found; using the defaults\n"
            )
    try:
        cfg = load_config(path, search=False)
    except ConfigError as exc:
        report_config_error(exc.diagnostics)
        raise typer.Exit(2) from None
    lint = cfg.lint
    if lint.select or lint.ignore or lint.severity or lint.per_path:
        # The rule settings govern every command's findings, so every command
        # refuses a setting that names no rule (only then is the registry imported).
        from kamctl.lint.selection import LintSettingsError, check_settings

        try:
            check_settings(lint)
        except LintSettingsError as exc:
            fail(f"{cfg.source}: {exc}" if cfg.source else str(exc))
    return cfg


def shown_path(path: str) -> str:
    """``path`` relative to the working folder, as the user would type it (the
    config is found by searching upward, which yields an absolute path)."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows: no relative form
        return path


def report_config_error(diagnostics: list[Diagnostic]) -> None:
    """Each config error at its line, then one line saying nothing was checked:
    no "1 file checked" (the config is not one of the files checked)."""
    from kamctl.formatters import format_location, severity_label, use_color, write_source

    color = use_color(sys.stderr)
    for d in diagnostics:
        d = dataclasses.replace(d, path=shown_path(d.path))
        where = f"{d.field}: " if d.field else ""
        sys.stderr.write(f"{format_location(d)}: {severity_label(d.severity, color)}: {where}{d.message}\n")
        write_source(d, sys.stderr)
    n = len(diagnostics)
    env = os.environ.get(LANG_ENV, "").strip()
    if env == "en":
        sys.stderr.write(f"kamctl: {n} error{'s' if n != 1 else ''} in the config; nothing was checked\n")
    else:
        sys.stderr.write(f"kamctl: {n} feil i konfigurasjonen; ingenting ble kontrollert\n")


def check_format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}")
    return value


def output_options(csv_dialect: str, output: Path | None) -> OutputOptions:
    """``--csv-dialect`` and ``--output`` checked (exit 2 on a bad value)."""
    from kamctl.tabular import CSV_DIALECTS, OutputOptions

    if csv_dialect not in CSV_DIALECTS:
        raise typer.BadParameter(
            f"{csv_dialect!r} is not one of {', '.join(CSV_DIALECTS)}", param_hint="--csv-dialect"
        )
    return OutputOptions(csv_dialect=csv_dialect, output=output)


# ------------------------------------------------------------ formats, exit codes

FAIL_ON_VALUES = ("error", "warning", "info", "never")
"""The same ``--fail-on`` values for every command (kamctl.result.FAIL_ON)."""


FAIL_ON_HELP = (
    "Exit 1 when a finding has at least this severity: error, warning, info or never "
    "(an input left out of an analysis is always exit 1)."
)


def check_fail_on(value: str) -> str:
    return check_format(value, FAIL_ON_VALUES)


def report_excluded(excluded: list[Diagnostic], what: str = "file", *, count: bool = True) -> None:
    """The inputs left out of an analysis, on stderr at their place, and (``count``) how many."""
    if not excluded:
        return
    from kamctl.diagnostics import Severity
    from kamctl.formatters import write_diagnostics

    write_diagnostics(excluded, sys.stderr)
    bad = sorted(
        {(d.path, d.line) if what == "row" else d.path for d in excluded if d.severity is Severity.error}
    )
    if bad and count:
        n = len(bad)
        sys.stderr.write(f"kamctl: {n} invalid {what}{'s' if n != 1 else ''} left out of the analysis\n")


def finish(
    result: Result, fmt: str, fail_on: str, table: str | None = None, options: OutputOptions | None = None
) -> NoReturn:
    """Write the remarks (stderr) and the result in ``fmt`` (stdout, or
    ``--output``), and exit with the one exit-code rule
    (:meth:`kamctl.result.Result.exit_code`)."""
    from kamctl.formatters import emit

    for remark in result.remarks:
        note(remark)
    emit(result, fmt, table=table, options=options)
    raise typer.Exit(result.exit_code(fail_on))


def account_filter(kam: str | None, tier: str | None, quadrant: str | None, cfg: Config) -> AccountFilter:
    """``--kam``/``--tier``/``--quadrant`` checked against the config (exit 2 naming the values that exist)."""
    from kamctl.filters import AccountFilter, FilterError

    flt = AccountFilter(kam, tier, quadrant)
    try:
        flt.check(cfg)
    except FilterError as exc:
        fail(str(exc))
    return flt
