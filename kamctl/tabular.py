"""One result type for the analyses (abc, classify, risk) and its formatters.

A :class:`Report` is a few named tables, a summary of scalar facts, findings
(:class:`~kamctl.diagnostics.Diagnostic`) and the files left out. Each format
in :data:`FORMATTERS` renders any report:

``table``
    Rich tables for people (and, for classify, the KAISM matrix). Numbers are
    written as the output language writes them (``96 400 000`` and ``43,10``
    in ``nb``).
``json``
    The stable contract for scripts (see :func:`to_json`). Amounts are in the
    portfolio's currency, rounded to øre; shares to 4 decimals of a percent;
    scores as :func:`kamctl.kaism.shown_score` shows them (see
    :func:`machine_value`): no binary noise such as ``4.166666666666667``.
``csv``
    One table (the report's first, or the one named with ``--table``) for a
    spreadsheet. The ``plain`` dialect (default, for scripts): a header of
    column keys, ``,``-separated, ``.`` decimals, UTF-8, ``\n``. The
    ``excel-nb`` dialect opens as columns when double-clicked in Norwegian
    Excel: headers in the output language, ``;``, decimal comma, UTF-8 with
    BOM, CRLF (see :mod:`kamctl.csvout`).
``xlsx``
    Every table on a sheet of its own (see :mod:`kamctl.xlsx`).

Machine formats go straight to the stream; Rich never sees them.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .diagnostics import Diagnostic

JSON_VERSION = 1

KINDS = ("text", "int", "money", "percent", "score", "number", "date")

MATRIX_MAX = 15
"""Accounts named per quadrant of the drawn matrix; a big portfolio's are all in the table."""


@dataclass(frozen=True)
class Column:
    key: str
    """Key in each row, in JSON and in the CSV header."""
    header: str
    """Heading in the terminal table."""
    kind: str = "text"
    """text | int | money | percent | score | number | date: how each format writes it.

    A ``date`` value is an ISO ``YYYY-MM-DD`` string (so JSON keeps it as
    text); spreadsheets get a real date."""
    show: bool = True
    """Shown in the terminal table (every column is in JSON and CSV)."""


@dataclass
class Table:
    name: str
    """The table's key in JSON, e.g. ``customers``."""
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


@dataclass
class Report:
    tool: str
    """``abc``, ``classify`` or ``risk``."""
    meta: dict[str, Any] = field(default_factory=dict)
    """What the analysis was run on: year, as_of, by, currency, source, files."""
    summary: dict[str, Any] = field(default_factory=dict)
    """Scalar facts (totals, HHI, counts); keys are part of the JSON contract."""
    tables: list[Table] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    excluded: list[Diagnostic] = field(default_factory=list)
    """Problems with the input (invalid files, bad CSV rows); those inputs were left out."""
    matrix: Matrix | None = None
    notes: list[str] = field(default_factory=list)
    """Plain remarks for people, shown under the tables (not part of JSON)."""
    lang: str = "en"
    threshold: float | None = None
    """KAISM threshold: scores are never shown rounded across it."""

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)


# -------------------------------------------------------------------- numbers


def format_number(value: Any, kind: str, lang: str = "en", threshold: float | None = None) -> str:
    """A cell as people read it; ``None`` is an en dash (unknown, not zero)."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return ("ja" if lang == "nb" else "yes") if value else ""
    if kind == "text" or isinstance(value, str):
        return str(value)
    from . import numbers

    if kind == "int":
        return numbers.number(int(value), lang)
    if kind == "money":
        return numbers.number(value, lang)
    if kind == "score" and threshold is not None:
        from .kaism import shown_score

        shown = shown_score(float(value), threshold)
        # A score held back from the threshold keeps its third decimal (4,995).
        return numbers.number(
            shown, lang, 2 if numbers.round_half_up(shown, 2) == numbers.to_decimal(shown) else 3
        )
    if kind in ("percent", "score") or isinstance(value, float):
        return numbers.number(value, lang, 2)
    return numbers.number(value, lang)


MONEY_DECIMALS = 2
"""Amounts to øre: the smallest amount an account file may hold is 0.01."""
SHARE_DECIMALS = 4
"""Percentages to 4 decimals (0.0001 percentage points): the tables show 2,
but a share of 39.996 % written as 40.00 next to "not flagged at 40 %" would
read as a bug; 4 decimals leave that to shares within 0.00005 of a limit."""
NUMBER_DECIMALS = 4


def machine_value(value: Any, kind: str, threshold: float | None = None) -> Any:
    """A number as the machine formats (JSON, CSV, xlsx) carry it: rounded
    half-up by kind, so that sums of binary fractions (``477601233.1499998``)
    and repeating decimals (``4.166666666666667``) never reach a script or a
    spreadsheet. Everything else is returned as it is."""
    if not isinstance(value, float):
        return value
    from .kaism import round_half_up, shown_score

    if kind == "money":
        return round_half_up(value, MONEY_DECIMALS)
    if kind == "percent":
        return round_half_up(value, SHARE_DECIMALS)
    if kind == "score":
        return shown_score(value, threshold) if threshold is not None else round_half_up(value, 2)
    if kind == "int" and value.is_integer():
        return int(value)
    return round_half_up(value, NUMBER_DECIMALS)


def _clean(value: Any) -> Any:
    """Floats anywhere in a summary or meta block, to :data:`NUMBER_DECIMALS`."""
    if isinstance(value, float):
        return machine_value(value, "number")
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def machine_rows(t: Table, threshold: float | None = None) -> list[dict[str, Any]]:
    """The table's rows with every column present and numbers as :func:`machine_value` has them."""
    cols = [(c.key, c.kind) for c in t.columns]
    return [{key: machine_value(row.get(key), kind, threshold) for key, kind in cols} for row in t.rows]


# ------------------------------------------------------------------ options


CSV_DIALECTS = ("plain", "excel-nb")


@dataclass(frozen=True)
class OutputOptions:
    """How a report is written, beyond its format: chosen on the command line."""

    csv_dialect: str = "plain"
    """``plain`` (scripts) or ``excel-nb`` (double-click in Norwegian Excel)."""
    output: Path | None = None
    """The file to write (atomically); ``None`` is stdout. Needed for ``xlsx`` on a terminal."""


# ------------------------------------------------------------------ formatters


def to_json(report: Report) -> dict[str, Any]:
    """The JSON document (version 1)::

        {"tool": "kamctl <command>", "version": 1,
         "meta": {...}, "summary": {...},
         "<table name>": [{<column key>: value, ...}, ...],   # one key per table
         "findings": [Diagnostic...], "excluded": [Diagnostic...]}

    Diagnostics have path, line, column, severity, code, message, field,
    account. New keys may be added in version 1; none is removed or renamed.
    Numbers are rounded by their column's kind (:func:`machine_value`).
    """
    doc: dict[str, Any] = {"tool": f"kamctl {report.tool}", "version": JSON_VERSION}
    doc["meta"] = _clean(report.meta)
    doc["summary"] = _clean(report.summary)
    for t in report.tables:
        doc[t.name] = machine_rows(t, report.threshold)
    doc["findings"] = [_diag_json(d) for d in sorted(report.findings, key=Diagnostic.sort_key)]
    doc["excluded"] = [_diag_json(d) for d in sorted(report.excluded, key=Diagnostic.sort_key)]
    return doc


def _diag_json(d: Diagnostic) -> dict[str, Any]:
    # Built by hand: dataclasses.asdict deep-copies, which costs seconds over
    # the tens of thousands of findings of a large portfolio.
    out = {name: getattr(d, name) for name in _DIAG_FIELDS}
    out["severity"] = d.severity.value
    return out


_DIAG_FIELDS = tuple(f.name for f in dataclasses.fields(Diagnostic) if f.name != "source")


def json_format(report: Report, stream: IO[str], table: str | None = None) -> None:
    from .formatters import write_json

    write_json(to_json(report), stream)


def csv_format(report: Report, stream: IO[str], table: str | None = None) -> None:
    """The ``plain`` dialect (see :mod:`kamctl.csvout`); ``emit`` writes ``excel-nb``."""
    from .csvout import plain_csv

    stream.write(plain_csv(report.table(table) if table else report.tables[0], report.threshold))


def table_format(report: Report, stream: IO[str], table: str | None = None) -> None:
    from rich.console import Console

    from .fit import DROP_ORDER, terminal_width
    from .formatters import use_color

    width = terminal_width(stream)
    console = Console(
        file=stream,
        no_color=not use_color(stream),
        color_system="auto" if use_color(stream) else None,
        # Not a terminal and no $COLUMNS (a file, a pager): wide enough that cells do not wrap.
        width=width or 160,
        highlight=False,
        emoji=False,
        markup=False,
    )
    if report.matrix is not None:
        grid = _matrix(report.matrix, report.lang)
        natural = console.measure(grid, options=console.options.update(max_width=10_000)).maximum
        if natural <= (width or 160):
            console.print(grid)
        else:
            # Too narrow for the 2×2 grid: Rich would fold entries across lines.
            stream.write(_matrix_list(report.matrix, report.lang, width))
    shown = [report.table(table)] if table else report.tables
    color = use_color(stream)
    for t in shown:
        if t.rows:
            drop = DROP_ORDER.get((report.tool, t.name), ())
            stream.write(plain_table(t, report.lang, color, report.threshold, width, drop))
            stream.write("\n")
    from .fit import wrap

    for note in report.notes:
        stream.write(f"{wrap(note, width)}\n")
    if report.findings:
        from .formatters import format_location, severity_label

        stream.write("\n")
        for d in sorted(report.findings, key=lambda d: (d.path == "", d.path, d.line, d.column, d.code)):
            sev = severity_label(d.severity, color)
            where = format_location(d) if d.path else "portfolio"
            stream.write(f"{where}: {sev}: [{d.code}] {d.message}\n")
        counts = {
            sev: sum(1 for d in report.findings if d.severity.value == sev)
            for sev in ("error", "warning", "info")
        }
        if report.lang == "nb":
            from .i18n import Locale

            parts = [Locale("nb").counted(n, sev) for sev, n in counts.items() if n]
            stream.write(f"{len(report.findings)} funn: {', '.join(parts)}\n")
        else:
            parts = [f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in counts.items() if n]
            stream.write(
                f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}: {', '.join(parts)}\n"
            )
    stream.flush()


def plain_table(
    t: Table,
    lang: str = "en",
    color: bool = False,
    threshold: float | None = None,
    width: int | None = None,
    drop_order: tuple[str, ...] = (),
) -> str:
    """A table as aligned text: title, header, rule, rows; numbers right-aligned.

    Written by hand rather than with Rich: Rich lays out every cell for the
    terminal width, which takes seconds over the 10,000 rows of a large
    portfolio, and it folds a long cell onto several lines. Within ``width``
    (see :mod:`kamctl.fit`) the least important columns are left out and long
    text is cut with "…"; a row is never wrapped.
    """
    from rich.cells import cell_len

    from .fit import DROPPED_NOTE, fit, shorten, wrap

    cols = [c for c in t.columns if c.show]
    body = [
        [format_number(_display(row.get(c.key)), c.kind, lang, threshold) for c in cols] for row in t.rows
    ]
    heads = [cell_len(c.header) for c in cols]
    widths = [max([heads[i]] + [cell_len(r[i]) for r in body]) for i in range(len(cols))]
    fitted = fit(
        [c.key for c in cols],
        widths,
        [c.kind != "text" for c in cols],
        width,
        drop_order,
        header_widths=heads,
    )
    shown = [cols[i] for i in fitted.keep]
    sep = " " * fitted.gap

    def line(cells: list[str]) -> str:
        out = []
        for cell, c, w in zip(cells, shown, fitted.widths, strict=True):
            cell = shorten(cell, w)
            pad = " " * (w - cell_len(cell))
            out.append(cell + pad if c.kind == "text" else pad + cell)
        return "  " + sep.join(out).rstrip() + "\n"

    bold, reset = ("\033[1m", "\033[0m") if color else ("", "")
    parts = [
        f"{bold}{shorten(t.title, width) if width else t.title}{reset}\n",
        "\n",
        bold + line([c.header for c in shown]).rstrip("\n") + reset + "\n",
    ]
    # One cell narrower than before: a rule as wide as the rows, not one wider.
    parts.append(" " + "─" * (sum(fitted.widths) + fitted.gap * (len(shown) - 1) + 1) + "\n")
    parts.extend(line([r[i] for i in fitted.keep]) for r in body)
    if fitted.dropped and width is not None:
        names = ", ".join(cols[i].header for i in fitted.dropped)
        note = DROPPED_NOTE[lang if lang in DROPPED_NOTE else "en"].format(width=width, names=names)
        parts.append(wrap(note, width) + "\n")
    return "".join(parts)


def _display(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


_MATRIX_TEXT = {
    "more": {"en": "  … and {n} more (see the table)", "nb": "  … og {n} til (se tabellen)"},
    "title": {
        "en": "KAISM (scores: attractiveness / strength; high = at or above {t})",
        "nb": "KAISM (poeng: attraktivitet / styrke; høy = {t} eller mer)",
    },
    "strength_low": {"en": "our strength low (< {t})", "nb": "vår styrke lav (< {t})"},
    "strength_high": {"en": "our strength high (≥ {t})", "nb": "vår styrke høy (≥ {t})"},
    "attr_high": {
        "en": "customer\nattractiveness\nhigh (≥ {t})",
        "nb": "kundens\nattraktivitet\nhøy (≥ {t})",
    },
    "attr_low": {"en": "customer\nattractiveness\nlow (< {t})", "nb": "kundens\nattraktivitet\nlav (< {t})"},
}


def _matrix(m: Matrix, lang: str) -> Any:
    from rich import box
    from rich.table import Table as RichTable

    def cell(q: str) -> str:
        lines = [m.titles[q]]
        entries = m.cells.get(q, [])
        for label, a, s in entries[:MATRIX_MAX]:
            a_text = format_number(a, "score", lang, m.threshold)
            s_text = format_number(s, "score", lang, m.threshold)
            lines.append(f"  {label}  {a_text} / {s_text}")
        if len(entries) > MATRIX_MAX:
            more = format_number(len(entries) - MATRIX_MAX, "int", lang)
            lines.append(_MATRIX_TEXT["more"][lang].format(n=more))
        if not entries:
            lines.append("  –")
        return "\n".join(lines)

    t = format_number(m.threshold, "score", lang)
    grid = RichTable(
        title=_MATRIX_TEXT["title"][lang].format(t=t),
        title_justify="left",
        title_style="bold",
        box=box.SQUARE,
        show_lines=True,
    )
    grid.add_column("", justify="left")
    grid.add_column(_MATRIX_TEXT["strength_low"][lang].format(t=t), justify="left")
    grid.add_column(_MATRIX_TEXT["strength_high"][lang].format(t=t), justify="left")
    grid.add_row(_MATRIX_TEXT["attr_high"][lang].format(t=t), cell("key_development"), cell("key"))
    grid.add_row(_MATRIX_TEXT["attr_low"][lang].format(t=t), cell("opportunistic"), cell("maintenance"))
    return grid


def _matrix_list(m: Matrix, lang: str, width: int | None) -> str:
    """The KAISM matrix as four lists, one quadrant after the other, for a
    terminal too narrow for the grid: an entry is one line, never folded."""
    from .fit import shorten

    t = format_number(m.threshold, "score", lang)
    axes = {
        "key_development": ("attr_high", "strength_low"),
        "key": ("attr_high", "strength_high"),
        "maintenance": ("attr_low", "strength_high"),
        "opportunistic": ("attr_low", "strength_low"),
    }
    out = [_MATRIX_TEXT["title"][lang].format(t=t)]
    for q in ("key_development", "key", "maintenance", "opportunistic"):
        attr, strength = axes[q]
        where = (
            _MATRIX_TEXT[attr][lang].format(t=t).replace("\n", " ")
            + ", "
            + _MATRIX_TEXT[strength][lang].format(t=t)
        )
        out.append("")
        out.append(m.titles[q])
        out.append(f"  ({where})")
        entries = m.cells.get(q, [])
        for label, a, s in entries[:MATRIX_MAX]:
            a_text = format_number(a, "score", lang, m.threshold)
            s_text = format_number(s, "score", lang, m.threshold)
            out.append(f"  {label}  {a_text} / {s_text}")
        if len(entries) > MATRIX_MAX:
            more = format_number(len(entries) - MATRIX_MAX, "int", lang)
            out.append(_MATRIX_TEXT["more"][lang].format(n=more))
        if not entries:
            out.append("  –")
    return "".join((shorten(line, width) if width else line) + "\n" for line in out) + "\n"


Formatter = Callable[[Report, IO[str], "str | None"], None]

FORMATTERS: dict[str, Formatter] = {
    "table": table_format,
    "json": json_format,
    "csv": csv_format,
}
BINARY_FORMATS = ("xlsx",)
"""Formats that are bytes: written to ``--output FILE``, or to stdout only when it is not a terminal."""


class OutputError(Exception):
    """The output cannot be written where it was asked for; the message says why (exit 2)."""


def emit(
    report: Report,
    fmt: str,
    stream: IO[str] | None = None,
    table: str | None = None,
    options: OutputOptions | None = None,
) -> None:
    """Write ``report`` in ``fmt``. With ``options.output`` the whole document is
    made first and then written atomically: never half a file."""
    opts = options or OutputOptions()
    out = stream or sys.stdout
    if fmt == "xlsx":
        from .xlsx import MissingLibrary, workbook_bytes

        if opts.output is None and hasattr(out, "isatty") and out.isatty():
            raise OutputError(
                "--format xlsx writes a binary file; give --output FILE.xlsx or redirect stdout to a file"
            )
        try:
            data = workbook_bytes(report, table)
        except MissingLibrary as exc:
            raise OutputError(str(exc)) from None
        write_bytes(data, out, opts)
        return
    if fmt == "csv" and opts.csv_dialect == "excel-nb":
        from .csvout import excel_nb_csv

        t = report.table(table) if table else report.tables[0]
        write_bytes(excel_nb_csv(t, report.lang, report.threshold), out, opts)
        return
    if opts.output is None:
        FORMATTERS[fmt](report, out, table)
        return
    import io

    buf = io.StringIO()
    FORMATTERS[fmt](report, buf, table)
    write_bytes(buf.getvalue().encode("utf-8"), out, opts)


def write_bytes(data: bytes, stream: IO[str], opts: OutputOptions) -> None:
    """``data`` to ``opts.output`` atomically, else to the byte stream under ``stream``."""
    if opts.output is not None:
        from .writeback import WriteRefused, atomic_write_bytes

        try:
            atomic_write_bytes(opts.output, data)
        except (OSError, WriteRefused) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise OutputError(f"cannot write {opts.output}: {reason}") from None
        return
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text-only stream (tests): only text formats can go there
        stream.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()
