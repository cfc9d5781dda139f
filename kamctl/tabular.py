"""Tables for people and spreadsheets: the terminal layout of a result's
tables and KAISM matrix, the number format of their cells, and how the
machine formats (JSON, CSV, xlsx) carry numbers.

The result type itself (:class:`~kamctl.result.Result`, with
:class:`~kamctl.result.Table` and :class:`~kamctl.result.Column`) lives in
:mod:`kamctl.result`; the one registry of reporters in :mod:`kamctl.formatters`.

- Terminal: numbers as the output language writes them (``96 400 000`` and
  ``43,10`` in ``nb``), through :mod:`kamctl.numbers`.
- JSON, CSV, xlsx: amounts rounded to øre, shares to 4 decimals of a
  percent, scores as :func:`kamctl.kaism.shown_score` shows them (see
  :func:`machine_value`): no binary noise such as ``4.166666666666667``.
- CSV: one table (the result's first, or the one named with ``--table``).
  The ``plain`` dialect (default, for scripts): a header of column keys,
  ``,``-separated, ``.`` decimals, UTF-8, ``\n``. The ``excel-nb`` dialect
  opens as columns when double-clicked in Norwegian Excel: headers in the
  output language, ``;``, decimal comma, UTF-8 with BOM, CRLF (see
  :mod:`kamctl.csvout`).
- xlsx: every table on a sheet of its own (see :mod:`kamctl.xlsx`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .result import KINDS, Column, Matrix, Result, Table

__all__ = [
    "KINDS",
    "Column",
    "Matrix",
    "OutputOptions",
    "Table",
    "csv_format",
    "format_number",
    "machine_rows",
    "machine_value",
    "plain_table",
    "write_tables",
]

MATRIX_MAX = 15
"""Accounts named per quadrant of the drawn matrix; a big portfolio's are all in the table."""


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


def clean(value: Any) -> Any:
    """Floats anywhere in a summary or meta block, to :data:`NUMBER_DECIMALS`."""
    if isinstance(value, float):
        return machine_value(value, "number")
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
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


def csv_format(result: Result, stream: IO[str], table: str | None = None) -> None:
    """The ``plain`` dialect (see :mod:`kamctl.csvout`); ``emit`` writes ``excel-nb``."""
    from .csvout import plain_csv

    stream.write(plain_csv(result.table(table) if table else result.tables[0], result.threshold))


def write_tables(result: Result, stream: IO[str], table: str | None = None) -> None:
    """The KAISM matrix (if any), each table with rows (or only ``table``), the
    notes: fitted to the terminal's width (:mod:`kamctl.fit`)."""
    from rich.console import Console

    from .fit import DROP_ORDER, terminal_width, wrap
    from .formatters import use_color

    color = use_color(stream)
    width = terminal_width(stream)
    if result.matrix is not None:
        console = Console(
            file=stream,
            no_color=not color,
            color_system="auto" if color else None,
            # Not a terminal and no $COLUMNS (a file, a pager): wide enough that cells do not wrap.
            width=width or 160,
            highlight=False,
            emoji=False,
            markup=False,
        )
        grid = _matrix(result.matrix, result.lang)
        natural = console.measure(grid, options=console.options.update(max_width=10_000)).maximum
        if natural <= (width or 160):
            console.print(grid)
        else:
            # Too narrow for the 2×2 grid: Rich would fold entries across lines.
            stream.write(_matrix_list(result.matrix, result.lang, width))
    shown = [result.table(table)] if table else result.tables
    for t in shown:
        if t.rows:
            drop = DROP_ORDER.get((result.tool, t.name), ())
            stream.write(plain_table(t, result.lang, color, result.threshold, width, drop))
            stream.write("\n")
    for note in result.notes:
        stream.write(f"{wrap(note, width)}\n")


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


BINARY_FORMATS = ("xlsx",)
"""Formats that are bytes: written to ``--output FILE``, or to stdout only when it is not a terminal."""


class OutputError(Exception):
    """The output cannot be written where it was asked for; the message says why (exit 2)."""


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
