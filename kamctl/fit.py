"""Tables that fit the terminal: never a wrapped row.

A table wider than the terminal wraps every row onto two lines, which makes
it unreadable at 80 columns (classify's table is 129 columns wide). Before
that happens, in this order:

1. the gap between columns shrinks from three spaces to two;
2. the least important columns are left out, in the order of
   :data:`DROP_ORDER` (a table not listed there loses its rightmost columns,
   never its first two) — a line under the table names them;
3. text columns that may be shortened (:data:`SHORTEN`) are cut with "…";
4. as a last resort the widest text column is cut.

Never shortened: ids and numbers (a cut number is a wrong number).

The width is the terminal's when writing to one (``$COLUMNS`` wins, as
:func:`shutil.get_terminal_size` has it); when writing elsewhere, ``$COLUMNS``
if it is set, else no limit (a file or a pipe keeps every column).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

DROP_ORDER: dict[tuple[str, str], tuple[str, ...]] = {
    ("classify", "accounts"): ("profile", "stage", "kam", "share_of_wallet", "abc"),
    ("classify", "kams"): (),
    ("abc", "customers"): ("name", "cumulative"),
    ("risk", "customers"): ("name", "group", "gross_margin", "major"),
    ("risk", "groups"): ("name", "gross_margin"),
    ("risk", "what_if"): ("halves_margin", "leaves_margin", "revenue", "leaves_margin_share", "halves_share"),
    ("agenda", "events"): ("kam",),
    ("status", "accounts"): ("profile",),
}
"""Per (command, table): the columns to leave out first when the table is too wide."""

SHORTEN = frozenset({"ids", "members", "name", "what", "why", "reason", "goal", "tier"})
"""Text columns that may be cut with "…" (a list of ids, a name, a reason)."""

MIN_SHORTENED = 12
"""A shortened column keeps at least this many cells: "bergen-bygg…" still says which."""


def terminal_width(stream: IO[str]) -> int | None:
    """The width to fit, or None for no limit (see the module docstring)."""
    if hasattr(stream, "isatty") and stream.isatty():
        return shutil.get_terminal_size().columns
    cols = os.environ.get("COLUMNS", "").strip()
    return int(cols) if cols.isdigit() and int(cols) > 0 else None


@dataclass
class Fitted:
    keep: list[int]
    """Indices of the columns shown."""
    widths: list[int]
    """Width of each shown column (after shortening)."""
    gap: int
    dropped: list[int]


def fit(
    keys: Sequence[str],
    widths: Sequence[int],
    numeric: Sequence[bool],
    width: int | None,
    drop_order: Sequence[str] = (),
    indent: int = 2,
    header_widths: Sequence[int] | None = None,
) -> Fitted:
    """Which columns to show, how wide, and with what gap, to fit ``width``."""
    n = len(keys)
    keep = list(range(n))
    cols = list(widths)

    def total(indices: list[int], gap: int) -> int:
        return indent + sum(cols[i] for i in indices) + gap * max(len(indices) - 1, 0)

    if width is None or total(keep, 3) <= width:
        return Fitted(keep, [cols[i] for i in keep], 3, [])
    gap = 2
    dropped: list[int] = []
    floors = [max(MIN_SHORTENED, (header_widths or widths)[i]) for i in range(n)]

    def shortenable(indices: list[int]) -> int:
        return sum(max(0, cols[i] - floors[i]) for i in indices if keys[i] in SHORTEN)

    order = [keys.index(k) for k in drop_order if k in keys]
    order += [i for i in range(n - 1, 1, -1) if i not in order]  # then from the right, never the first two
    for i in order:
        # Cutting a long name or tier with "…" keeps more than leaving a column out.
        if total(keep, gap) - shortenable(keep) <= width or len(keep) <= 2:
            break
        keep.remove(i)
        dropped.append(i)
    for i in sorted((i for i in keep if keys[i] in SHORTEN), key=lambda i: -cols[i]):
        over = total(keep, gap) - width
        if over <= 0:
            break
        cols[i] = max(floors[i], cols[i] - over)
    over = total(keep, gap) - width
    if over > 0:  # last resort: the widest text column, down to its heading
        text = [i for i in keep if not numeric[i]]
        if text:
            i = max(text, key=lambda i: cols[i])
            cols[i] = max((header_widths or [1] * n)[i], cols[i] - over, 1)
    return Fitted(keep, [cols[i] for i in keep], gap, dropped)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells with a trailing "…"."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    return set_cell_size(text, width - 1).rstrip() + "…"


def wrap(text: str, width: int | None) -> str:
    """A line of prose folded at ``width`` (a note under a table is prose, not a row)."""
    if width is None or len(text) <= width:
        return text
    import textwrap

    return "\n".join(textwrap.wrap(text, width, subsequent_indent=" ", break_on_hyphens=False))


DROPPED_NOTE = {
    "en": "(left out to fit {width} columns: {names}; a wider terminal or --format csv shows them)",
    "nb": "(utelatt for å passe i {width} kolonner: {names}; et bredere vindu eller --format csv viser dem)",
}
