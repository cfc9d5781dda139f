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


@dataclass
class CheckResult:
    tool: str
    """The command that produced the result, e.g. ``validate`` or ``lint``."""
    files: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def invalid_files(self) -> int:
        return len({d.path for d in self.diagnostics if d.severity is Severity.error})

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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_location(d: Diagnostic) -> str:
    if d.line <= 0:
        return d.path
    if d.column <= 0:
        return f"{d.path}:{d.line}"
    return f"{d.path}:{d.line}:{d.column}"


def text(result: CheckResult, stream: IO[str]) -> None:
    """Compiler style: ``file:line:col: severity: field: message``, the line below."""
    color = use_color(stream)
    for d in result.sorted():
        sev = d.severity.value
        if color:
            sev = f"\033[{_COLORS[d.severity]}m{sev}\033[0m"
        code = f"[{d.code}] " if d.code not in ("yaml", "schema", "file", "config") else ""
        where = f"{d.field}: " if d.field else ""
        stream.write(f"{format_location(d)}: {sev}: {code}{where}{d.message}\n")
        if d.source is not None and d.line > 0:
            stream.write(f"    {d.source.rstrip()}\n")
            if d.column > 0:
                pad = "".join(c if c == "\t" else " " for c in d.source[: d.column - 1])
                stream.write(f"    {pad}^\n")
    stream.write(summary_line(result) + "\n")


def summary_line(result: CheckResult) -> str:
    errors, warnings = result.count(Severity.error), result.count(Severity.warning)
    parts = [f"{_plural(result.files, 'file')} checked"]
    if result.tool == "validate":
        parts.append(f"{result.invalid_files} invalid")
        parts.append(_plural(errors, "error"))
    else:
        parts.append(_plural(errors, "error"))
        parts.append(_plural(warnings, "warning"))
        infos = result.count(Severity.info)
        if infos:
            parts.append(f"{infos} info")
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
        "diagnostics": [{k: v for k, v in d.to_dict().items() if k != "source"} for d in result.sorted()],
        **result.extra,
    }
    json.dump(doc, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


Formatter = Callable[[CheckResult, IO[str]], None]

FORMATTERS: dict[str, Formatter] = {
    "text": text,
    "json": json_format,
}


def emit(result: CheckResult, fmt: str, stream: IO[str] | None = None) -> None:
    FORMATTERS[fmt](result, stream or sys.stdout)
