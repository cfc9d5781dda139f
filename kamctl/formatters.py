"""Formatters over one result type: a list of :class:`Diagnostic` plus counts.

Each formatter is a function ``(result, stream) -> None`` in :data:`FORMATTERS`.
Machine formats are written straight to the stream: no Rich, no wrapping at
the terminal width, no colour.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from .diagnostics import Diagnostic, Severity

INVALID_CODES = frozenset({"yaml", "schema", "file", "config", "KAM001"})
"""Codes that mean "this file is not a valid account file"."""


@dataclass(frozen=True)
class RuleInfo:
    """What SARIF and GitHub annotations say about a diagnostic code."""

    id: str
    name: str
    summary: str
    help: str = ""
    severity: Severity = Severity.error


@dataclass
class CheckResult:
    tool: str
    """The command that produced the result, e.g. ``validate`` or ``lint``."""
    files: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    """Code → description, for the formats that carry rule metadata (SARIF)."""
    lang: str = "en"
    """Language of the summary line (``nb`` or ``en``); messages come translated."""

    @property
    def invalid_files(self) -> int:
        """Files that could not be read as account files (not files with findings)."""
        return len(
            {d.path for d in self.diagnostics if d.severity is Severity.error and d.code in INVALID_CODES}
        )

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=Diagnostic.sort_key)


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


def text(result: CheckResult, stream: IO[str]) -> None:
    """Compiler style: ``file:line:col: severity: field: message``, the line below."""
    color = use_color(stream)
    for d in result.sorted():
        sev = severity_label(d.severity, color)
        code = f"[{d.code}] " if d.code not in ("yaml", "schema", "file", "config") else ""
        where = f"{d.field}: " if d.field and _show_field(result, d) else ""
        stream.write(f"{format_location(d)}: {sev}: {code}{where}{d.text(result.lang)}\n")
        write_source(d, stream)
    stream.write(summary_line(result) + "\n")


def _show_field(result: CheckResult, d: Diagnostic) -> bool:
    # A lint rule's message names what it is about; a schema error's does not.
    return d.code not in result.rules or d.code.startswith("KAM0")


def summary_line(result: CheckResult) -> str:
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


def json_format(result: CheckResult, stream: IO[str]) -> None:
    """A stable contract for scripts; see README, "JSON output"."""
    doc = {
        "tool": f"kamctl {result.tool}",
        "version": 1,
        "summary": {
            "files": result.files,
            "invalid_files": result.invalid_files,
            "errors": result.count(Severity.error),
            "warnings": result.count(Severity.warning),
            "info": result.count(Severity.info),
        },
        "diagnostics": [
            {k: v for k, v in d.to_dict().items() if k != "source"} | {"message": d.text(result.lang)}
            for d in result.sorted()
        ],
        **result.extra,
    }
    write_json(doc, stream)


# ------------------------------------------------------------------ GitHub Actions

_GH_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}
_PLAIN_CODES = ("yaml", "schema", "file", "config")


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


def github(result: CheckResult, stream: IO[str]) -> None:
    """Workflow commands (``::error file=…,line=…,col=…,title=…::message``) that
    GitHub Actions turns into annotations on the pull request's lines."""
    for d in result.sorted():
        props = [f"file={gh_escape_property(repo_relative(d.path))}"]
        if d.line > 0:
            props.append(f"line={d.line}")
            if d.column > 0:
                props.append(f"col={d.column}")
        rule = result.rules.get(d.code)
        title = f"{d.code} {rule.name}" if rule else f"kamctl {result.tool}: {d.code}"
        props.append(f"title={gh_escape_property(title)}")
        message = d.text(result.lang)
        if d.field and _show_field(result, d):
            message = f"{d.field}: {message}"
        stream.write(f"::{_GH_LEVEL[d.severity]} {','.join(props)}::{gh_escape_data(message)}\n")
    stream.write(summary_line(result) + "\n")


# -------------------------------------------------------------------------- SARIF


def sarif(result: CheckResult, stream: IO[str]) -> None:
    """SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers (see :mod:`kamctl.sarif`)."""
    from .sarif import sarif_document

    write_json(sarif_document(result), stream)


Formatter = Callable[[CheckResult, IO[str]], None]

FORMATTERS: dict[str, Formatter] = {
    "text": text,
    "json": json_format,
    "github": github,
    "sarif": sarif,
}


def emit(result: CheckResult, fmt: str, stream: IO[str] | None = None) -> None:
    FORMATTERS[fmt](result, stream or sys.stdout)
