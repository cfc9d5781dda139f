"""The one result every command reports, whatever it checked or computed.

``validate``, ``lint``, ``status``, ``classify``, ``abc``, ``risk``,
``agenda`` and ``measures`` each end in a :class:`Result`: the files looked
at, the findings (:class:`~kamctl.diagnostics.Diagnostic`), the inputs left
out and why, named tables of figures and a summary. The reporters in
:mod:`kamctl.formatters` (text, json, csv, github, sarif) know nothing else,
so every command can be shown in every format that makes sense for it, and
one exit-code rule (:meth:`Result.exit_code`) serves them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Diagnostic, Severity

JSON_VERSION = 2
"""The version of the JSON envelope (docs/json.md). 2: one envelope for every
command (``files``, ``diagnostics``, ``excluded``, ``tables``); version 1 had
the analyses' tables at the top level and their findings under ``findings``."""

FAIL_ON = ("error", "warning", "info", "never")
"""``--fail-on`` values, the same for every command."""

INVALID_CODES = frozenset({"yaml", "schema", "file", "config", "KAM001"})
"""Codes that mean "this file is not a valid account file"."""

KINDS = ("text", "int", "money", "percent", "score", "number")


@dataclass(frozen=True)
class Column:
    key: str
    """Key in each row, in JSON and in the CSV header."""
    header: str
    """Heading in the terminal table."""
    kind: str = "text"
    """text | int | money | percent | score | number: how the table formatter writes it."""
    show: bool = True
    """Shown in the terminal table (every column is in JSON and CSV)."""


@dataclass
class Table:
    name: str
    """The table's key in JSON (``tables.<name>``) and for ``--table``, e.g. ``customers``."""
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Matrix:
    """The KAISM 2×2: quadrant → [(label, attractiveness, strength)], with axis titles."""

    cells: dict[str, list[tuple[str, float, float]]]
    titles: dict[str, str]
    """Quadrant → heading (tier name and priority)."""
    threshold: float


@dataclass(frozen=True)
class RuleInfo:
    """What SARIF and GitHub annotations say about a diagnostic code."""

    id: str
    name: str
    summary: str
    help: str = ""
    severity: Severity = Severity.error


@dataclass
class Result:
    tool: str
    """The command, e.g. ``validate`` or ``risk``."""
    files: int = 0
    """Files looked at (valid or not)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """The findings: what ``--fail-on`` judges."""
    excluded: list[Diagnostic] = field(default_factory=list)
    """Problems with the input (invalid files, bad CSV rows): those inputs were
    left out of the figures. An error here always makes the exit code 1, so a
    broken file never shrinks a portfolio unnoticed."""
    tables: list[Table] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    """Scalar facts (totals, HHI, counts); keys are part of the JSON contract."""
    meta: dict[str, Any] = field(default_factory=dict)
    """What was analysed: year, as_of, by, currency, source."""
    matrix: Matrix | None = None
    notes: list[str] = field(default_factory=list)
    """Remarks for people, shown under the tables (not part of JSON)."""
    remarks: list[str] = field(default_factory=list)
    """What a person should know about the input (an account in another
    currency left out, a year without figures): the CLI writes them to stderr."""
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    """Code → description, for the formats that carry rule metadata (SARIF)."""
    lang: str = "en"
    threshold: float | None = None
    """KAISM threshold: scores are never shown rounded across it."""

    @property
    def invalid_files(self) -> int:
        """Files that could not be read as account files (not files with findings)."""
        return len(
            {
                d.path
                for d in (*self.diagnostics, *self.excluded)
                if d.severity is Severity.error and d.code in INVALID_CODES
            }
        )

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=Diagnostic.sort_key)

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def exit_code(self, fail_on: str) -> int:
        """1 when an input was left out, or a finding reaches ``fail_on``; else 0."""
        if fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
        if any(d.severity is Severity.error for d in self.excluded):
            return 1
        if fail_on == "never":
            return 0
        limit = Severity(fail_on)
        return 1 if any(d.severity.at_least(limit) for d in self.diagnostics) else 0
