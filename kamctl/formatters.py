"""The one registry of reporters, over the one result type (:class:`~kamctl.result.Result`).

Each reporter is a function ``(result, stream, table) -> None`` in
:data:`REPORTERS`; ``table`` names the one table to show (``--table``), or
None for all. Every command picks its reporter here:

``text`` (alias ``table``)
    For people: the tables (and the KAISM matrix), then each finding
    compiler-style (``file:line:col: severity: [CODE] message``, the line of
    the file below it), then one summary line.
``json``
    The stable envelope for scripts (:func:`to_json`; docs/json.md).
``csv``
    One table for a spreadsheet (:func:`kamctl.tabular.csv_format`; the
    ``excel-nb`` dialect in :mod:`kamctl.csvout`).
``xlsx``
    Every table on a sheet of its own (:mod:`kamctl.xlsx`): bytes, so
    :func:`emit` writes it, not a text reporter.
``github``
    Workflow commands that GitHub Actions shows as annotations on the lines.
``sarif``
    SARIF 2.1.0 for code scanning.

Machine formats are written straight to the stream: no Rich, no wrapping at
the terminal width, no colour.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any

from .diagnostics import Diagnostic, Severity
from .result import INVALID_CODES, JSON_VERSION, Result, RuleInfo

if TYPE_CHECKING:
    from .tabular import OutputOptions

__all__ = ["INVALID_CODES", "REPORTERS", "Result", "RuleInfo", "emit", "to_json"]


def use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


_COLORS = {Severity.error: "31", Severity.warning: "33", Severity.info: "36"}


def write_json(doc: Any, stream: IO[str]) -> None:
    """One JSON document and a newline, in one write.

    Indented for a person at a terminal; compact when piped, because only
    the compact form uses the json module's C encoder (indenting is done in
    pure Python, about 2 s for a risk report over 10,000 accounts) and
    programs do not need the whitespace.
    """
    tty = hasattr(stream, "isatty") and stream.isatty()
    stream.write(json.dumps(doc, ensure_ascii=False, indent=2 if tty else None, default=str))
    stream.write("\n")


def format_location(d: Diagnostic) -> str:
    if d.line <= 0:
        return d.path
    if d.column <= 0:
        return f"{d.path}:{d.line}"
    return f"{d.path}:{d.line}:{d.column}"


def severity_label(severity: Severity, color: bool) -> str:
    """``error``/``warning``/``info``, coloured for a terminal that wants colour."""
    return f"\033[{_COLORS[severity]}m{severity.value}\033[0m" if color else severity.value


def write_source(d: Diagnostic, stream: IO[str]) -> None:
    """The offending line under a message, with a caret under its column."""
    if d.source is not None and d.line > 0:
        stream.write(f"    {d.source.rstrip()}\n")
        if d.column > 0:
            # Tabs stay tabs so the caret lines up however the terminal shows them.
            pad = "".join(c if c == "\t" else " " for c in d.source[: d.column - 1])
            stream.write(f"    {pad}^\n")


_PLAIN_CODES = ("yaml", "schema", "file", "config", "csv")
"""Codes of input problems: their messages say what is wrong, the field says where."""


def show_field(d: Diagnostic) -> bool:
    """Whether the message needs the field in front of it: a schema error's
    (and lint's KAM0xx wrapping one) does not name what it is about; a rule's
    message does."""
    return bool(d.field) and (d.code in _PLAIN_CODES or d.code.startswith("KAM0"))


def text_order(d: Diagnostic) -> tuple[Any, ...]:
    """File order, findings about the whole portfolio (no file) last."""
    return (d.path == "", *d.sort_key())


def write_diagnostics(
    diags: Iterable[Diagnostic], stream: IO[str], color: bool | None = None, lang: str = "en"
) -> None:
    """Compiler style: ``file:line:col: severity: [CODE] field: message``, the line below.

    A finding about the whole portfolio has no file: it is shown as ``portfolio:``."""
    if color is None:
        color = use_color(stream)
    for d in sorted(diags, key=text_order):
        sev = severity_label(d.severity, color)
        code = f"[{d.code}] " if d.code not in _PLAIN_CODES else ""
        where = f"{d.field}: " if show_field(d) else ""
        place = format_location(d) if d.path else "portfolio"
        stream.write(f"{place}: {sev}: {code}{where}{d.text(lang)}\n")
        write_source(d, stream)


def text(result: Result, stream: IO[str], table: str | None = None) -> None:
    """For people: tables (if any), findings, a summary line."""
    color = use_color(stream)
    if result.tables or result.matrix is not None:
        from .tabular import write_tables

        write_tables(result, stream, table)
        if result.diagnostics:
            stream.write("\n")
            write_diagnostics(result.diagnostics, stream, color, result.lang)
            stream.write(findings_line(result) + "\n")
        stream.flush()
        return
    write_diagnostics(result.diagnostics, stream, color, result.lang)
    stream.write(summary_line(result) + "\n")


def findings_line(result: Result) -> str:
    """``44 findings: 42 warnings, 2 info`` — the last line under an analysis."""
    counts = {sev: result.count(sev) for sev in Severity}
    total = len(result.diagnostics)
    if result.lang == "nb":
        from .i18n import Locale

        loc = Locale("nb")
        return f"{total} funn: " + ", ".join(loc.counted(n, s.value) for s, n in counts.items() if n)
    parts = [
        f"{n} {s.value}{'s' if n != 1 and s is not Severity.info else ''}" for s, n in counts.items() if n
    ]
    return f"{total} finding{'s' if total != 1 else ''}: {', '.join(parts)}"


def summary_line(result: Result) -> str:
    """``2 files checked, 1 invalid, 3 errors`` / ``2 filer kontrollert, 0 feil, 1 advarsel``."""
    from .i18n import Locale, ntr

    lang, loc = result.lang, Locale(result.lang)
    errors, warnings = result.count(Severity.error), result.count(Severity.warning)
    parts = [ntr(lang, "{n} file checked", "{n} files checked", result.files)]
    if result.tool == "validate":
        parts.append(ntr(lang, "{n} invalid", "{n} invalid", result.invalid_files))
        parts.append(loc.counted(errors, "error"))
    else:
        parts.append(loc.counted(errors, "error"))
        parts.append(loc.counted(warnings, "warning"))
        infos = result.count(Severity.info)
        if infos:
            parts.append(loc.counted(infos, "info"))
    return ", ".join(parts)


# ------------------------------------------------------------------------ JSON


def to_json(result: Result, table: str | None = None) -> dict[str, Any]:
    """The JSON envelope (version 2), the same for every command; docs/json.md
    is the contract and ``kamctl/schemas/result.schema.json`` its schema::

        {"tool": "kamctl <command>", "version": 2,
         "meta": {...},                                # what was analysed
         "files": {"checked": N, "invalid": N},
         "summary": {"errors": N, "warnings": N, "info": N, ...},
         "diagnostics": [Diagnostic...],               # the findings
         "excluded": [Diagnostic...],                  # inputs left out, and why
         "tables": {"<name>": [{<column key>: value, ...}, ...]}}

    Numbers are rounded by their column's kind
    (:func:`kamctl.tabular.machine_value`); new keys may be added within a
    version, none is removed or renamed.
    """
    from .tabular import clean, machine_rows

    counts = {"errors": result.count(Severity.error), "warnings": result.count(Severity.warning)}
    counts["info"] = result.count(Severity.info)
    shown = [result.table(table)] if table else result.tables
    return {
        "tool": f"kamctl {result.tool}",
        "version": JSON_VERSION,
        "meta": clean(result.meta),
        "files": {"checked": result.files, "invalid": result.invalid_files},
        "summary": {**counts, **clean(result.summary)},
        "diagnostics": [diagnostic_json(d, result.lang) for d in result.sorted()],
        "excluded": [
            diagnostic_json(d, result.lang) for d in sorted(result.excluded, key=Diagnostic.sort_key)
        ],
        "tables": {t.name: machine_rows(t, result.threshold) for t in shown},
    }


_DIAG_FIELDS = ("path", "line", "column", "severity", "code", "message", "field", "account")


def diagnostic_json(d: Diagnostic, lang: str = "en") -> dict[str, Any]:
    # Built by hand: dataclasses.asdict deep-copies, which costs seconds over
    # the tens of thousands of findings of a large portfolio.
    out = {name: getattr(d, name) for name in _DIAG_FIELDS}
    out["severity"] = d.severity.value
    out["message"] = d.text(lang)
    return out


def json_format(result: Result, stream: IO[str], table: str | None = None) -> None:
    """A stable contract for scripts; see docs/json.md."""
    write_json(to_json(result, table), stream)


# ------------------------------------------------------------------ GitHub Actions

_GH_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def gh_escape_data(value: str) -> str:
    """Escape a workflow command's message as the Actions runner unescapes it."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_escape_property(value: str) -> str:
    """Escape a workflow command property (file=, title=): also ':' and ','."""
    return gh_escape_data(value).replace(":", "%3A").replace(",", "%2C")


def repo_relative(path: str) -> str:
    """``path`` relative to the root of the git repository around the working
    folder (the working folder outside one), when it lies inside it.

    GitHub attaches annotations and code-scanning alerts to files by their
    path in the repository, whichever subfolder kamctl ran in; a folder taken
    from the config is absolute.
    """
    import os
    from pathlib import Path

    from .sarif import repository_root

    p = Path(path)
    cwd = Path.cwd()
    absolute = Path(os.path.normpath(p if p.is_absolute() else cwd / p))
    root = repository_root(cwd)
    for base in (root, root.resolve()):
        try:
            return absolute.relative_to(base).as_posix()
        except ValueError:
            continue
    return path


def _found(result: Result) -> list[Diagnostic]:
    """What the finding formats show: the findings and the inputs left out."""
    return sorted([*result.excluded, *result.diagnostics], key=Diagnostic.sort_key)


def github(result: Result, stream: IO[str], table: str | None = None) -> None:
    """Workflow commands (``::error file=…,line=…,col=…,title=…::message``) that
    GitHub Actions turns into annotations on the pull request's lines."""
    for d in _found(result):
        props = [f"file={gh_escape_property(repo_relative(d.path))}"]
        if d.line > 0:
            props.append(f"line={d.line}")
            if d.column > 0:
                props.append(f"col={d.column}")
        rule = result.rules.get(d.code)
        title = f"{d.code} {rule.name}" if rule else f"kamctl {result.tool}: {d.code}"
        props.append(f"title={gh_escape_property(title)}")
        message = d.text(result.lang)
        if show_field(d):
            message = f"{d.field}: {message}"
        stream.write(f"::{_GH_LEVEL[d.severity]} {','.join(props)}::{gh_escape_data(message)}\n")
    stream.write(summary_line(result) + "\n")


# -------------------------------------------------------------------------- SARIF


def sarif(result: Result, stream: IO[str], table: str | None = None) -> None:
    """SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers
    (see :mod:`kamctl.sarif`): the findings and the inputs left out."""
    import dataclasses

    from .sarif import sarif_document

    write_json(sarif_document(dataclasses.replace(result, diagnostics=_found(result), excluded=[])), stream)


def csv_format(result: Result, stream: IO[str], table: str | None = None) -> None:
    """One table (``--table``, else the first), for a spreadsheet."""
    from .tabular import csv_format as write_csv

    write_csv(result, stream, table)


Reporter = Callable[[Result, IO[str], "str | None"], None]

REPORTERS: dict[str, Reporter] = {
    "text": text,
    "table": text,
    "json": json_format,
    "csv": csv_format,
    "github": github,
    "sarif": sarif,
}
"""Every output format of every command; ``table`` is another name for ``text``."""

FINDING_FORMATS = ("text", "json", "github", "sarif")
"""What every command that reports findings accepts."""
TABLE_FORMATS = ("text", "table", "json", "csv", "github", "sarif")
"""What a command with tables accepts: the finding formats, ``table`` and ``csv``."""


BINARY_FORMATS = ("xlsx",)
"""Formats that are bytes: written to ``--output FILE``, or to stdout only when it is not a terminal."""


def emit(
    result: Result,
    fmt: str,
    stream: IO[str] | None = None,
    table: str | None = None,
    options: OutputOptions | None = None,
) -> None:
    """Write ``result`` in ``fmt``. With ``options.output`` the whole document is
    made first and then written atomically: never half a file."""
    from .tabular import OutputError, OutputOptions, write_bytes

    opts = options or OutputOptions()
    out = stream or sys.stdout
    if fmt == "xlsx":
        from .xlsx import MissingLibrary, workbook_bytes

        if opts.output is None and hasattr(out, "isatty") and out.isatty():
            raise OutputError(
                "--format xlsx writes a binary file; give --output FILE.xlsx or redirect stdout to a file"
            )
        try:
            data = workbook_bytes(result, table)
        except MissingLibrary as exc:
            raise OutputError(str(exc)) from None
        write_bytes(data, out, opts)
        return
    if fmt == "csv" and opts.csv_dialect == "excel-nb":
        from .csvout import excel_nb_csv

        t = result.table(table) if table else result.tables[0]
        write_bytes(excel_nb_csv(t, result.lang, result.threshold), out, opts)
        return
    if opts.output is None:
        REPORTERS[fmt](result, out, table)
        return
    import io

    buf = io.StringIO()
    REPORTERS[fmt](result, buf, table)
    write_bytes(buf.getvalue().encode("utf-8"), out, opts)
