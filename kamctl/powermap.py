"""The power map (§5): who reports to whom, who sways whom, drawn as SVG.

Three optional fields of a stakeholder make the map: ``reports_to`` (another
stakeholder of the same account), ``influences`` (names of the people this
person sways) and ``competitor_stance`` (competitor → −3..+3).

:func:`problems` checks the names — an unknown name, a person reporting to
themselves, a reporting cycle — and gives each problem a location in the
file; the account model turns them into validation errors.

:func:`power_map_svg` draws the map without scripts: one row per reporting
level (a person without ``reports_to`` is at the top), stance as the colour
of a band *and* as label text (never colour alone), influence as the size of
the box, relationship strength as the width of its border, influence as
dashed arrows, our owner in each box. The layout depends only on the file's
order, so the same plan gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from .i18n import Locale

Loc = tuple[int | str, ...]


class Person(Protocol):
    name: str
    reports_to: str | None
    influences: list[str]


def problems(people: Sequence[Person]) -> list[tuple[Loc, str]]:
    """(location, message) of every bad name in the power map, in file order."""
    names = {p.name for p in people}
    out: list[tuple[Loc, str]] = []
    for i, p in enumerate(people):
        if p.reports_to is not None:
            if p.reports_to == p.name:
                out.append((("stakeholders", i, "reports_to"), f"{p.name!r} cannot report to themselves"))
            elif p.reports_to not in names:
                out.append(
                    (
                        ("stakeholders", i, "reports_to"),
                        f"{p.reports_to!r} is not a stakeholder of this account (reports_to names one)",
                    )
                )
        for j, other in enumerate(p.influences):
            if other == p.name:
                out.append((("stakeholders", i, "influences", j), f"{p.name!r} cannot influence themselves"))
            elif other not in names:
                out.append(
                    (
                        ("stakeholders", i, "influences", j),
                        f"{other!r} is not a stakeholder of this account (influences names them)",
                    )
                )
    out.extend(_cycles(people))
    return out


def _cycles(people: Sequence[Person]) -> list[tuple[Loc, str]]:
    """One error per reporting cycle, at the first member of it in the file."""
    boss = {p.name: p.reports_to for p in people if p.reports_to and p.reports_to != p.name}
    index = {p.name: i for i, p in enumerate(people)}
    reported: set[str] = set()
    out: list[tuple[Loc, str]] = []
    for p in people:
        path: list[str] = []
        at: str | None = p.name
        while at is not None and at in boss and at not in path:
            path.append(at)
            at = boss.get(at)
        if at is not None and at in path:
            cycle = path[path.index(at) :]
            key = frozenset(cycle)
            if not reported & key:
                reported |= key
                first = min(cycle, key=lambda n: index[n])
                start = cycle.index(first)
                ring = [*cycle[start:], *cycle[:start], first]
                out.append(
                    (("stakeholders", index[first], "reports_to"), "reporting cycle: " + " → ".join(ring))
                )
    return out


def levels(people: Sequence[Person]) -> list[int]:
    """Reporting depth of each person (0 = reports to nobody in the map)."""
    by_name = {p.name: p for p in people}
    out = []
    for p in people:
        depth, seen, at = 0, {p.name}, p.reports_to
        while at is not None and at in by_name and at not in seen:
            seen.add(at)
            depth += 1
            at = by_name[at].reports_to
        out.append(depth)
    return out


# ---------------------------------------------------------------------- drawing

STANCE_COLOUR = {
    -3: "#b2182b",
    -2: "#d6604d",
    -1: "#f4a582",
    0: "#bababa",
    1: "#92c5de",
    2: "#4393c3",
    3: "#2166ac",
}
"""A diverging red–blue scale (ColorBrewer RdBu), readable by colour-blind readers."""
SIZE = {"high": (152.0, 92.0), "medium": (140.0, 88.0), "low": (128.0, 84.0), None: (140.0, 88.0)}
BORDER = {"strong": 4.0, "medium": 2.0, "weak": 0.8, None: 0.8}
PER_ROW = 4
CELL_W, CELL_H = 166.0, 112.0
PAD = 8.0
TOP = 34.0
"""Room for the two legend lines above the map."""
ARROW_DX = 16.0
STACK_INDENT = 14.0
"""How far a stacked report sits right of its column, to leave room for the line to its boss."""
FONT, NAME_FONT = 11.0, 12.0
"""CSS px; the map is drawn at its own size (4 × 166 + 2 × 8 = 680 px, the
A4 text column), so 11 px prints at 8.25 pt. The first version was 1,104
units wide and printed its smallest text at 6 pt."""


@dataclass(frozen=True)
class Box:
    name: str
    x: float
    y: float
    w: float
    h: float


def _n(x: float) -> str:
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _tree(people: Sequence[Person]) -> tuple[dict[int, tuple[float, int]], set[int]] | None:
    """An org chart: (column, row) per person and the people stacked under their boss.

    A boss whose reports have no reports of their own gets them in one column
    below, one per row (an org chart's usual way with a team), so a
    director's five people take one column, not five. Otherwise reports sit
    side by side under their boss. None when that needs more than
    :data:`PER_ROW` columns; :func:`_layout` then wraps each level instead.
    """
    index = {p.name: i for i, p in enumerate(people)}
    kids: dict[int, list[int]] = {i: [] for i in range(len(people))}
    roots = []
    for i, p in enumerate(people):
        boss = index.get(p.reports_to) if p.reports_to else None
        if boss is None or boss == i:
            roots.append(i)
        else:
            kids[boss].append(i)
    stacked: set[int] = set()

    def span(i: int) -> int:
        if not kids[i]:
            return 1
        if len(kids[i]) > 1 and all(not kids[k] for k in kids[i]):
            stacked.update(kids[i])
            return 1
        return sum(span(k) for k in kids[i])

    if sum(span(r) for r in roots) > PER_ROW:
        return None
    at: dict[int, tuple[float, int]] = {}

    def place(i: int, col: int, row: int) -> None:
        width = span(i)
        at[i] = (col + (width - 1) / 2, row)
        if kids[i] and kids[i][0] in stacked:
            for k, child in enumerate(kids[i]):
                at[child] = (col, row + 1 + k)
            return
        for child in kids[i]:
            place(child, col, row + 1)
            col += span(child)

    col = 0
    for r in roots:
        place(r, col, 0)
        col += span(r)
    return at, stacked


def _layout(people: Sequence[Person], min_width: float = 0.0) -> tuple[list[Box], float, float, set[int]]:
    """Boxes, the map's width and height, and who is stacked under their boss."""
    tree = _tree(people)
    cells: dict[int, tuple[float, int]] = {}
    stacked: set[int] = set()
    if tree is not None:
        cells, stacked = tree
    else:
        depth = levels(people)
        order = {i: i for i in range(len(people))}
        r = 0
        for d in sorted(set(depth)):
            # Under their bosses' order, so lines cross as little as a wrap allows.
            boss_at = {p.name: order[i] for i, p in enumerate(people)}
            members = sorted(
                (i for i, x in enumerate(depth) if x == d),
                key=lambda i: (boss_at.get(people[i].reports_to or "", -1), i),
            )
            for k in range(0, len(members), PER_ROW):
                for c, i in enumerate(members[k : k + PER_ROW]):
                    cells[i] = (float(c), r)
                    order[i] = r * PER_ROW + c
                r += 1
    columns = max((c for c, _ in cells.values()), default=0.0) + 1
    width = CELL_W * min(PER_ROW, columns) + 2 * PAD
    width = min(max(width, min_width), CELL_W * PER_ROW + 2 * PAD)
    offset = (width - 2 * PAD - CELL_W * columns) / 2
    boxes: dict[int, Box] = {}
    for i, (col, row) in cells.items():
        p = people[i]
        w, h = SIZE[_value(getattr(p, "influence", None))]
        left = PAD + offset + CELL_W * col
        cy = PAD + TOP + CELL_H * row + CELL_H / 2
        x = left + STACK_INDENT if i in stacked else left + (CELL_W - w) / 2
        boxes[i] = Box(p.name, x, cy - h / 2, w, h)
    rows = max((row for _, row in cells.values()), default=0) + 1
    height = PAD * 2 + TOP + CELL_H * rows
    return [boxes[i] for i in range(len(people))], width, height, stacked


def _value(x: object) -> str | None:
    value = getattr(x, "value", x)
    return value if isinstance(value, str) else None


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "middle") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{c}>{escape(text)}</text>'


def _clip(text: str, width: float, size: float = FONT, bold: bool = False) -> str:
    """``text`` cut with "…" to fit ``width`` px (the full names are in the table above the map)."""
    from .svg import text_width

    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _lines(b: Box, name: str, title: str, owner: str) -> list[str]:
    """The name (on two lines when it needs them), the title and our owner, inside the box."""
    from .svg import _wrap

    names = _wrap(name, NAME_FONT, b.w - 10, bold=True)
    if len(names) > 2:
        names = [names[0], " ".join(names[1:])]
    names = [_clip(n, b.w - 10, NAME_FONT, bold=True) for n in names]
    y = b.y + 35
    out = []
    for line in names:
        out.append(_text(b.x + b.w / 2, y, line, "nm"))
        y += 14
    out.append(_text(b.x + b.w / 2, y + 2, _clip(title, b.w - 10), "sub"))
    out.append(_text(b.x + b.w / 2, y + 17, _clip(owner, b.w - 10), "sub"))
    return out


def power_map_svg(people: Sequence[Person], loc: Locale) -> Markup | None:
    """The map as one ``<svg>``, or None when nobody has a reporting line or influence."""
    if not any(p.reports_to or p.influences for p in people):
        return None
    from .svg import text_width

    legend = max(text_width(loc.t(f"powermap.legend{i}"), FONT) for i in (1, 2)) + 2 * PAD
    boxes, width, height, stacked = _layout(people, legend)
    at = {b.name: b for b in boxes}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" '
        f'class="chart powermap" role="img" aria-label="{escape(loc.t("powermap.title"))}">',
        '<defs><marker id="pm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>',
        f"<style>text{{font-family:sans-serif;font-size:{_n(FONT)}px;fill:#1a1a1a}}"
        f".nm{{font-weight:bold;font-size:{_n(NAME_FONT)}px}}"
        f".sub{{font-size:{_n(FONT)}px;fill:#333}}.legend{{font-size:{_n(FONT)}px;fill:#333}}"
        ".inv{fill:#ffffff}</style>",
        _text(PAD, PAD + 10, loc.t("powermap.legend1"), "legend", "start"),
        _text(PAD, PAD + 25, loc.t("powermap.legend2"), "legend", "start"),
    ]
    for p, b in zip(people, boxes, strict=True):
        boss = at.get(p.reports_to) if p.reports_to else None
        if boss is None or boss is b:
            continue
        if people.index(p) in stacked:
            # Down a line left of the stacked team, then across to each box.
            bus = b.x - STACK_INDENT / 2
            mid = b.y + b.h / 2
            parts.append(
                f'<polyline points="{_n(boss.x)},{_n(boss.y + boss.h / 2)} {_n(bus)},{_n(boss.y + boss.h / 2)} '
                f'{_n(bus)},{_n(mid)} {_n(b.x)},{_n(mid)}" fill="none" stroke="#888" stroke-width="1.5"/>'
            )
        else:
            parts.append(
                f'<line x1="{_n(b.x + b.w / 2)}" y1="{_n(b.y)}" x2="{_n(boss.x + boss.w / 2)}" '
                f'y2="{_n(boss.y + boss.h)}" stroke="#888" stroke-width="1.5"/>'
            )
    for p, b in zip(people, boxes, strict=True):
        for other in p.influences:
            t = at.get(other)
            if t is None or t is b:
                continue
            # Influence arrows leave and reach a box off-centre (reporting lines
            # use the centre) and bend, so the two kinds of line do not overlap.
            same_column = abs((t.x + t.w / 2) - (b.x + b.w / 2)) < CELL_W / 2
            if same_column and abs(t.y - b.y) > CELL_H * 1.5:
                # Past the boxes in between: out of the right side, through the
                # gap beside the column (16 px), into the other box's right side.
                right = max(b.x + b.w, t.x + t.w)
                x1, y1 = b.x + b.w, b.y + b.h / 2
                x2, y2 = t.x + t.w + 2, t.y + t.h / 2
                mx, my = right + 22, (y1 + y2) / 2
            elif abs((t.y + t.h / 2) - (b.y + b.h / 2)) < 1:
                # Same row: under the boxes in between, from bottom to bottom.
                x1, y1 = b.x + b.w / 2 + ARROW_DX, b.y + b.h
                x2, y2 = t.x + t.w / 2 - ARROW_DX, t.y + t.h + 2
                mx, my = (x1 + x2) / 2, max(y1, y2) + 30
            else:
                down = t.y > b.y
                x1, y1 = b.x + b.w / 2 + ARROW_DX, (b.y + b.h) if down else b.y
                x2, y2 = t.x + t.w / 2 + ARROW_DX, (t.y - 2) if down else (t.y + t.h + 2)
                mx, my = (x1 + x2) / 2 + 40, (y1 + y2) / 2
            parts.append(
                f'<path d="M{_n(x1)},{_n(y1)} Q{_n(mx)},{_n(my)} {_n(x2)},{_n(y2)}" fill="none" '
                'stroke="#444" stroke-width="1.2" stroke-dasharray="5 3" marker-end="url(#pm-arrow)"/>'
            )
    for p, b in zip(people, boxes, strict=True):
        stance = getattr(p, "stance", None)
        colour = STANCE_COLOUR.get(stance, "#ffffff") if stance is not None else "#ffffff"
        border = BORDER[_value(getattr(p, "relationship", None))]
        label = (
            f"{loc.t(f'stance.{stance}')} ({stance:+d})".replace("-", "−").replace("(+0)", "(0)")
            if stance is not None
            else loc.t("powermap.no_stance")
        )
        title = getattr(p, "title", None) or ""
        owner = getattr(p, "owner", None)
        parts += [
            f'<g class="person"><rect x="{_n(b.x)}" y="{_n(b.y)}" width="{_n(b.w)}" height="{_n(b.h)}" '
            f'rx="5" fill="#ffffff" stroke="#1a1a1a" stroke-width="{_n(border)}"/>',
            f'<rect x="{_n(b.x + border / 2)}" y="{_n(b.y + border / 2)}" width="{_n(b.w - border)}" '
            f'height="17" fill="{colour}"/>',
            _text(
                b.x + b.w / 2,
                b.y + border / 2 + 13,
                label,
                "sub" if stance is None or abs(stance) < 2 else "sub inv",
            ),
            *_lines(b, p.name, title, f"{loc.t('powermap.owner')}: {owner or '–'}"),
            "</g>",
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
