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
SIZE = {"high": (168.0, 84.0), "medium": (150.0, 76.0), "low": (132.0, 68.0), None: (150.0, 76.0)}
BORDER = {"strong": 4.0, "medium": 2.0, "weak": 0.8, None: 0.8}
PER_ROW = 6
CELL_W, CELL_H = 180.0, 118.0
PAD = 12.0
TOP = 30.0
ARROW_DX = 16.0
"""Room for the two legend lines above the map."""


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


def _layout(people: Sequence[Person]) -> tuple[list[Box], float, float]:
    depth = levels(people)
    rows: list[list[int]] = []
    for d in sorted(set(depth)):
        members = [i for i, x in enumerate(depth) if x == d]
        for k in range(0, len(members), PER_ROW):
            rows.append(members[k : k + PER_ROW])
    boxes: dict[int, Box] = {}
    width = CELL_W * min(PER_ROW, max((len(r) for r in rows), default=1)) + 2 * PAD
    for r, members in enumerate(rows):
        offset = (width - 2 * PAD - CELL_W * len(members)) / 2
        for c, i in enumerate(members):
            p = people[i]
            w, h = SIZE[_value(getattr(p, "influence", None))]
            cx = PAD + offset + CELL_W * c + CELL_W / 2
            cy = PAD + TOP + CELL_H * r + CELL_H / 2
            boxes[i] = Box(p.name, cx - w / 2, cy - h / 2, w, h)
    height = PAD * 2 + TOP + CELL_H * len(rows)
    return [boxes[i] for i in range(len(people))], width, height


def _value(x: object) -> str | None:
    value = getattr(x, "value", x)
    return value if isinstance(value, str) else None


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "middle") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{c}>{escape(text)}</text>'


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def power_map_svg(people: Sequence[Person], loc: Locale) -> Markup | None:
    """The map as one ``<svg>``, or None when nobody has a reporting line or influence."""
    if not any(p.reports_to or p.influences for p in people):
        return None
    boxes, width, height = _layout(people)
    at = {b.name: b for b in boxes}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'class="chart powermap" role="img" aria-label="{escape(loc.t("powermap.title"))}">',
        '<defs><marker id="pm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>',
        "<style>text{font:11px sans-serif;fill:#1a1a1a}.nm{font-weight:bold;font-size:12px}"
        ".sub{font-size:10px;fill:#444}.legend{font-size:10px;fill:#444}.inv{fill:#ffffff}</style>",
        _text(PAD, PAD + 8, loc.t("powermap.legend1"), "legend", "start"),
        _text(PAD, PAD + 22, loc.t("powermap.legend2"), "legend", "start"),
    ]
    for p, b in zip(people, boxes, strict=True):
        boss = at.get(p.reports_to) if p.reports_to else None
        if boss is not None and boss is not b:
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
            if abs((t.y + t.h / 2) - (b.y + b.h / 2)) < 1:
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
            f'height="16" fill="{colour}"/>',
            _text(
                b.x + b.w / 2,
                b.y + border / 2 + 12,
                label,
                "sub" if stance is None or abs(stance) < 2 else "sub inv",
            ),
            _text(b.x + b.w / 2, b.y + 34, _clip(p.name, 24), "nm"),
            _text(b.x + b.w / 2, b.y + 48, _clip(title, 28), "sub"),
            _text(b.x + b.w / 2, b.y + 62, _clip(f"{loc.t('powermap.owner')}: {owner or '–'}", 28), "sub"),
            "</g>",
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
