"""Inline SVG charts for the HTML documents: no scripts, no fonts, no network.

Each function returns :class:`markupsafe.Markup` holding one ``<svg>``
element. Every piece of text that came from an account file (names, labels)
goes through :func:`markupsafe.escape`, so it cannot close the element or add
attributes; numbers are formatted by the caller's :class:`~kamctl.i18n.Locale`
and escaped as well. Each chart prints at its natural size — one ``viewBox`` unit is one
CSS pixel (0.75 pt) — and shrinks only on a screen narrower than that
(``max-width: 100%``). So a label of :data:`MIN_FONT` units prints at 8.25 pt
on A4, and no chart is wider than :data:`PRINT_WIDTH`, the text column of an
A4 page (210 mm − 2 × 14 mm margins = 182 mm = 687.9 px). The first version
scaled a 520-unit matrix into half a column and printed its labels at 4 pt
(issue 13). The charts use the Okabe–Ito colours (distinguishable for colour-
blind readers and in greyscale print by their lightness).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from .i18n import Locale

BLUE = "#0072B2"
ORANGE = "#E69F00"
RED = "#D55E00"
SKY = "#56B4E9"
GREY = "#6b6b6b"
INK = "#1a1a1a"

QUADRANT_FILL = {
    "key_development": "#fff4d6",
    "key": "#dff0e8",
    "maintenance": "#e3eef8",
    "opportunistic": "#f4f4f4",
}
CLASS_COLOUR = {"A": BLUE, "B": SKY, "C": "#a9a9a9", "D": RED}


def _num(x: float) -> str:
    """Coordinates with at most one decimal, no trailing zeros (stable goldens)."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(
    x: float, y: float, content: object, *, size: float = 11, anchor: str = "start", **attrs: str
) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="{anchor}"{extra}>'
        f"{escape(content)}</text>"
    )


MIN_FONT = 11.0
"""Smallest font size in any chart, in viewBox units = CSS px: 8.25 pt printed."""
PRINT_WIDTH = 680
"""The A4 text column is 182 mm = 687.9 CSS px; 8 px to spare, because a chart
wider than the column makes Chromium shrink the whole page to fit."""
HALF_WIDTH = 330
"""Half the column less the gap, for a chart beside a list (``.two``)."""


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the printed width of ``text`` in Liberation Sans.

    Measured on the examples' labels: the average advance is 0.52 em regular
    and 0.57 em bold; 0.58 and 0.62 leave room for wide letters (m, W, Ø).
    """
    return len(text) * size * (0.62 if bold else 0.58)


def _svg(width: float, height: float, title: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="{_num(width)}" height="{_num(height)}" role="img" aria-label="{escape(title)}" '
        f'class="chart">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10^k) giving at most ``ticks`` intervals over ``span``.

    43.1 % over 5 ticks: the raw step 8.62 rounds up to 10 → 0, 10, 20, 30, 40, 50.
    """
    import math

    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw - 1e-12:
            return m * power
    return 10 * power


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------- KAISM


@dataclass(frozen=True)
class KaismPoint:
    label: str
    attractiveness: float
    strength: float
    marker: str = ""
    """Short text inside the dot (a number in the portfolio matrix)."""
    weight: float = 0.0
    """Revenue or similar; sets the dot's area when several accounts are shown."""


@dataclass(frozen=True)
class Bubble:
    """A dot as drawn: where it belongs (``x0, y0``) and where it is (``x, y``)."""

    x0: float
    y0: float
    x: float
    y: float
    r: float


BUBBLE_GAP = 2.0
"""Clear space between two bubbles, in px."""


def place_bubbles(
    anchors: Sequence[tuple[float, float, float]], box: tuple[float, float, float, float]
) -> list[tuple[float, float]]:
    """Centres for circles ``(x, y, r)`` near their anchors with no two overlapping.

    Pairs that overlap are pushed apart along the line between them (each half
    the overlap, plus :data:`BUBBLE_GAP`), and every circle is kept inside
    ``box`` (x0, y0, x1, y1), until nothing overlaps. Two circles on the same
    spot part at a fixed angle per index (the golden angle), so the result is
    deterministic. In the examples at most three bubbles touch (Kystlab under
    Innlandet Trykkeri was the issue's case); 40 on one spot still part.
    """
    import math

    xs = [a[0] for a in anchors]
    ys = [a[1] for a in anchors]
    rs = [a[2] for a in anchors]
    n = len(anchors)
    x0, y0, x1, y1 = box

    def clamp(i: int) -> None:
        xs[i] = min(max(xs[i], x0 + rs[i]), x1 - rs[i])
        ys[i] = min(max(ys[i], y0 + rs[i]), y1 - rs[i])

    for i in range(n):
        clamp(i)
    for _ in range(500):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                d = math.hypot(dx, dy)
                need = rs[i] + rs[j] + BUBBLE_GAP
                if d >= need - 1e-6:
                    continue
                if d < 1e-6:
                    angle = (i * 2.399963 + j * 0.7) % (2 * math.pi)
                    dx, dy, d = math.cos(angle), math.sin(angle), 1.0
                push = (need - d) / 2 + 0.01
                ux, uy = dx / d, dy / d
                xs[i] -= ux * push
                ys[i] -= uy * push
                xs[j] += ux * push
                ys[j] += uy * push
                clamp(i)
                clamp(j)
                moved = True
        if not moved:
            break
    return list(zip(xs, ys, strict=True))


def _wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """``text`` on as few lines as fit ``width`` (at word breaks; a long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def kaism_matrix(
    points: Sequence[KaismPoint],
    loc: Locale,
    *,
    threshold: float = 5.0,
    quadrant_names: dict[str, str] | None = None,
    title: str = "",
    width: float = HALF_WIDTH,
) -> Markup:
    """Customer attractiveness (up) against our strength (right), 0–10 each.

    Strength grows to the right (not Cheverton's right-to-left) because that is
    how every reader reads a chart; the quadrants are named, so nothing hangs
    on the direction. With several points (the portfolio), each bubble's area
    follows its weight and bubbles that would overlap are moved apart
    (:func:`place_bubbles`), a thin line joining each moved bubble to a small
    dot where its scores put it.
    """
    left, top, right, bottom = 44.0, 8.0, 8.0, 40.0
    size = width - left - right
    w, h = width, top + size + bottom
    names = quadrant_names or {}

    def sx(v: float) -> float:
        return left + max(0.0, min(10.0, v)) / 10 * size

    def sy(v: float) -> float:
        return top + size - max(0.0, min(10.0, v)) / 10 * size

    tx, ty = sx(threshold), sy(threshold)
    body = [
        f'<rect x="{_num(left)}" y="{_num(top)}" width="{_num(size)}" height="{_num(size)}" fill="#fff" stroke="{GREY}"/>'
    ]
    quads = [
        ("key_development", left, top, tx - left, ty - top),
        ("key", tx, top, left + size - tx, ty - top),
        ("opportunistic", left, ty, tx - left, top + size - ty),
        ("maintenance", tx, ty, left + size - tx, top + size - ty),
    ]
    for key, x, y, qw, qh in quads:
        body.append(
            f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(qw)}" height="{_num(qh)}" '
            f'fill="{QUADRANT_FILL[key]}"/>'
        )
    for key, x, y, qw, qh in quads:
        lines = _wrap(names.get(key, key), MIN_FONT, qw - 8, bold=True)
        if qw < 40 or qh < 16 * len(lines) + 4:
            continue
        upper = key in ("key_development", "key")
        for k, line in enumerate(lines):
            ly = y + 15 + 14 * k if upper else y + qh - 7 - 14 * (len(lines) - 1 - k)
            body.append(
                _text(x + qw / 2, ly, line, size=MIN_FONT, anchor="middle", fill=GREY, font_weight="bold")
            )
    body.append(
        f'<line x1="{_num(tx)}" y1="{_num(top)}" x2="{_num(tx)}" y2="{_num(top + size)}" stroke="{GREY}" '
        f'stroke-dasharray="4 3"/>'
        f'<line x1="{_num(left)}" y1="{_num(ty)}" x2="{_num(left + size)}" y2="{_num(ty)}" stroke="{GREY}" '
        f'stroke-dasharray="4 3"/>'
    )
    for v in range(0, 11, 2):
        body.append(_text(sx(v), top + size + 14, loc.number(v), size=MIN_FONT, anchor="middle", fill=GREY))
        body.append(_text(left - 5, sy(v) + 4, loc.number(v), size=MIN_FONT, anchor="end", fill=GREY))
    body.append(_text(left + size / 2, top + size + 32, loc.t("strength"), size=12, anchor="middle"))
    cx, cy = 14, top + size / 2
    body.append(
        f'<text x="{cx}" y="{_num(cy)}" font-size="12" text-anchor="middle" '
        f'transform="rotate(-90 {cx} {_num(cy)})">{escape(loc.t("attractiveness"))}</text>'
    )
    if len(points) == 1:
        body += _single_point(points[0], sx, sy, left, size, loc)
        return _svg(w, h, title or loc.t("kaism_chart"), body)
    biggest = max((p.weight for p in points), default=0.0)
    order = sorted(points, key=lambda p: -p.weight)
    radii = [9.0 if biggest <= 0 else 9 + 9 * (max(p.weight, 0) / biggest) ** 0.5 for p in order]
    anchors = [(sx(p.strength), sy(p.attractiveness), r) for p, r in zip(order, radii, strict=True)]
    placed = place_bubbles(anchors, (left, top, left + size, top + size))
    for (ax, ay, _r), (x, y) in zip(anchors, placed, strict=True):
        if abs(x - ax) > 0.5 or abs(y - ay) > 0.5:
            body.append(
                f'<line x1="{_num(ax)}" y1="{_num(ay)}" x2="{_num(x)}" y2="{_num(y)}" stroke="{INK}" '
                f'stroke-width="0.8"/><circle cx="{_num(ax)}" cy="{_num(ay)}" r="2" fill="{INK}" class="anchor"/>'
            )
    for p, (_ax, _ay, r), (x, y) in zip(order, anchors, placed, strict=True):
        body.append(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill="{BLUE}" fill-opacity="0.85" '
            f'stroke="#fff" stroke-width="1.5" class="bubble"><title>{escape(p.label)}</title></circle>'
        )
        if p.marker:
            body.append(
                _text(x, y + 4, p.marker, size=MIN_FONT, anchor="middle", fill="#fff", font_weight="bold")
            )
    return _svg(w, h, title or loc.t("kaism_chart"), body)


def _single_point(
    p: KaismPoint,
    sx: Callable[[float], float],
    sy: Callable[[float], float],
    left: float,
    size: float,
    loc: Locale,
) -> list[str]:
    """One account's dot with its name and scores beside it, on the side with room."""
    x, y = sx(p.strength), sy(p.attractiveness)
    scores = f"{loc.number(p.attractiveness, 2)} / {loc.number(p.strength, 2)}"
    label = _shorten(p.label, 40)
    need = max(text_width(label, 12), text_width(scores, MIN_FONT)) + 12
    anchor = "end" if x + need > left + size else "start"
    dx = -10 if anchor == "end" else 10
    ly = y - 8 if y - 22 > 0 else y + 18  # above the dot, unless at the very top
    return [
        f'<circle cx="{_num(x)}" cy="{_num(y)}" r="7" fill="{BLUE}" stroke="#fff" stroke-width="1.5" class="bubble"/>',
        _text(x + dx, ly, label, size=12, anchor=anchor, fill=INK, font_weight="bold"),
        _text(x + dx, ly + 14, scores, size=MIN_FONT, anchor=anchor, fill=INK),
    ]


# ------------------------------------------------------------ revenue by year


@dataclass(frozen=True)
class YearFigures:
    year: int
    revenue: float | None
    gross_margin: float | None
    budget: bool = False


def revenue_by_year(rows: Sequence[YearFigures], loc: Locale, currency: str | None = None) -> Markup:
    """Revenue and gross margin per year as pairs of bars; budget years hatched."""
    w, h = 560, 210
    left, top, bottom, right = 10, 22, 48, 10
    plot_h = h - top - bottom
    values = [v for r in rows for v in (r.revenue, r.gross_margin) if v is not None]
    hi = max([*values, 0.0]) or 1.0
    lo = min([*values, 0.0])
    span = hi - lo
    zero = top + plot_h * hi / span

    def sy(v: float) -> float:
        return zero - v / span * plot_h

    slot = (w - left - right) / max(len(rows), 1)
    # Each bar's value label is centred on it: the bar is at least as wide as
    # its label so neighbouring labels never touch.
    labels = [
        loc.money_short(v, currency) for r in rows for v in (r.revenue, r.gross_margin) if v is not None
    ]
    bar = min(max(48.0, max((text_width(t, MIN_FONT) for t in labels), default=0) + 4), slot / 2 - 4)
    body = [
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{BLUE}" stroke-width="3"/></pattern></defs>',
        f'<line x1="{left}" y1="{_num(zero)}" x2="{w - right}" y2="{_num(zero)}" stroke="{GREY}"/>',
    ]
    for i, r in enumerate(rows):
        cx = left + slot * i + slot / 2
        for j, (value, colour) in enumerate(((r.revenue, BLUE), (r.gross_margin, ORANGE))):
            if value is None:
                continue
            x = cx - bar - 2 + j * (bar + 4)
            y0, y1 = sorted((sy(value), zero))
            fill = "url(#hatch)" if r.budget and j == 0 else colour
            body.append(
                f'<rect x="{_num(x)}" y="{_num(y0)}" width="{_num(bar)}" height="{_num(max(y1 - y0, 0.5))}" '
                f'fill="{fill}" stroke="{colour}"/>'
            )
            ly = y0 - 5 if value >= 0 else y1 + 13
            body.append(
                _text(
                    x + bar / 2,
                    ly,
                    loc.money_short(value, currency),
                    size=MIN_FONT,
                    anchor="middle",
                    fill=INK,
                )
            )
        label = f"{r.year} ({loc.t('budget')})" if r.budget else str(r.year)
        body.append(_text(cx, h - bottom + 16, label, size=12, anchor="middle"))
    ly = h - 8
    body.append(f'<rect x="{left}" y="{ly - 10}" width="11" height="11" fill="{BLUE}"/>')
    body.append(_text(left + 15, ly, loc.t("revenue"), size=12))
    if not any(r.gross_margin is not None for r in rows):  # e.g. the customer's copy
        return _svg(w, h, loc.t("revenue_chart"), body)
    gx = left + 15 + text_width(loc.t("revenue"), 12) + 16
    body.append(f'<rect x="{_num(gx)}" y="{ly - 10}" width="11" height="11" fill="{ORANGE}"/>')
    body.append(_text(gx + 15, ly, loc.t("gross_margin"), size=12))
    return _svg(w, h, loc.t("revenue_margin_chart"), body)


# ------------------------------------------------------------- pipeline bars


@dataclass(frozen=True)
class StageBar:
    label: str
    value: float
    weighted: float


def pipeline_by_stage(bars: Sequence[StageBar], loc: Locale, currency: str | None = None) -> Markup:
    """Open pipeline per stage: full value (light) with the weighted value inside (dark)."""
    row = 28
    w = 560
    label_w = max([text_width(b.label, 12) for b in bars] + [60.0]) + 12
    top = 6
    h = top + row * len(bars) + 34
    hi = max((b.value for b in bars), default=0.0) or 1.0
    value_w = max(
        (
            text_width(
                f"{loc.money_short(b.weighted, currency)} / {loc.money_short(b.value, currency)}", MIN_FONT
            )
            for b in bars
        ),
        default=0.0,
    )
    plot_w = w - label_w - value_w - 16
    body = []
    for i, b in enumerate(bars):
        y = top + i * row
        body.append(_text(label_w - 8, y + 18, b.label, size=12, anchor="end"))
        full = plot_w * max(b.value, 0) / hi
        weighted = plot_w * max(min(b.weighted, b.value), 0) / hi
        body.append(
            f'<rect x="{_num(label_w)}" y="{y + 4}" width="{_num(max(full, 0.5))}" height="20" fill="{SKY}" '
            f'fill-opacity="0.45"/>'
            f'<rect x="{_num(label_w)}" y="{y + 4}" width="{_num(max(weighted, 0.5))}" height="20" fill="{BLUE}"/>'
        )
        body.append(
            _text(
                label_w + full + 6,
                y + 18,
                f"{loc.money_short(b.weighted, currency)} / {loc.money_short(b.value, currency)}",
                size=MIN_FONT,
                fill=INK,
            )
        )
    ly = h - 10
    body.append(f'<rect x="{_num(label_w)}" y="{ly - 10}" width="11" height="11" fill="{BLUE}"/>')
    body.append(_text(label_w + 15, ly, loc.t("weighted"), size=12))
    vx = label_w + 15 + text_width(loc.t("weighted"), 12) + 16
    body.append(
        f'<rect x="{_num(vx)}" y="{ly - 10}" width="11" height="11" fill="{SKY}" fill-opacity="0.45"/>'
    )
    body.append(_text(vx + 15, ly, loc.t("value"), size=12))
    return _svg(w, h, loc.t("pipeline_chart"), body)


# ------------------------------------------------------------------- Pareto


@dataclass(frozen=True)
class ParetoBar:
    label: str
    share: float
    """Percent of the total."""
    cumulative: float
    """Percent."""
    cls: str


PARETO_ROWS = 25
"""Accounts drawn one per row; the rest are summed in a last row (a chart of
243 rows would be four pages long)."""


def pareto(bars: Sequence[ParetoBar], loc: Locale, *, cut_a: float = 80.0, cut_b: float = 95.0) -> Markup:
    """The ABC analysis as two panels sharing one row per account, largest first.

    Left: the account's share of the total as a bar coloured by its class, on
    round ticks (:func:`nice_step`). Right: the cumulative share as a line
    from 0 to 100 % with the A and B cut-offs. Names are written out in full
    on the left (the first version rotated them 60° and cut five of them).
    """
    shown = list(bars[:PARETO_ROWS])
    rest = list(bars[PARETO_ROWS:])
    labels = [b.label for b in shown]
    if rest:
        labels.append(loc.t("pareto_rest").format(n=len(rest)))
    row = 18.0
    name_w = min(max([text_width(t, MIN_FONT) for t in labels] + [60.0]) + 10, 230.0)
    w = PRINT_WIDTH
    top, bottom = 22.0, 44.0
    n = max(len(labels), 1)
    plot_h = row * n
    h = top + plot_h + bottom
    # Room between the panels and on the right for half a tick label ("100 %")
    # and the B cut-off's label, which starts right of its line.
    gap, right = 44.0, 44.0
    share_x = name_w
    share_w = (w - name_w - gap - right) * 0.5
    cum_x = share_x + share_w + gap
    cum_w = w - cum_x - right
    hi = max([b.share for b in shown] + [sum(b.share for b in rest), 0.0]) or 1.0
    step = nice_step(hi, 5)
    top_tick = step * -(-hi // step)

    def bx(v: float) -> float:
        return share_x + max(v, 0) / top_tick * share_w

    def cx(v: float) -> float:
        return cum_x + max(0.0, min(v, 100.0)) / 100 * cum_w

    body = [
        f'<rect x="{_num(share_x)}" y="{_num(top)}" width="{_num(share_w)}" height="{_num(plot_h)}" fill="#fff" stroke="{GREY}"/>',
        f'<rect x="{_num(cum_x)}" y="{_num(top)}" width="{_num(cum_w)}" height="{_num(plot_h)}" fill="#fff" stroke="{GREY}"/>',
        _text(share_x + share_w / 2, top - 8, loc.t("share"), size=12, anchor="middle"),
        _text(cum_x + cum_w / 2, top - 8, loc.t("cumulative"), size=12, anchor="middle"),
    ]
    k = 0
    while k * step <= top_tick + 1e-9:
        v = k * step
        x = bx(v)
        body.append(
            f'<line x1="{_num(x)}" y1="{_num(top)}" x2="{_num(x)}" y2="{_num(top + plot_h)}" stroke="#e2e2e2"/>'
        )
        decimals = 0 if abs(v - round(v)) < 1e-9 else 1
        body.append(
            _text(x, top + plot_h + 14, loc.percent(v, decimals), size=MIN_FONT, anchor="middle", fill=GREY)
        )
        k += 1
    for v in (0, 25, 50, 75, 100):
        x = cx(v)
        body.append(
            f'<line x1="{_num(x)}" y1="{_num(top)}" x2="{_num(x)}" y2="{_num(top + plot_h)}" stroke="#e2e2e2"/>'
        )
        body.append(_text(x, top + plot_h + 14, loc.percent(v, 0), size=MIN_FONT, anchor="middle", fill=GREY))
    for cut in (cut_a, cut_b):
        x = cx(cut)
        body.append(
            f'<line x1="{_num(x)}" y1="{_num(top)}" x2="{_num(x)}" y2="{_num(top + plot_h)}" stroke="{INK}" '
            f'stroke-dasharray="4 3"/>'
        )
    # The cut-off labels go under the axis, one line below the ticks, so they
    # never sit on a tick label (A 80 % and 75 % are 5 points apart).
    for cut, name, anchor in ((cut_a, "A", "end"), (cut_b, "B", "start")):
        x = cx(cut)
        body.append(
            _text(
                x + (-3 if anchor == "end" else 3),
                top + plot_h + 30,
                f"{name} {loc.percent(cut, 0)}",
                size=MIN_FONT,
                anchor=anchor,
                fill=INK,
            )
        )
    points = []
    rows = [(b.label, b.share, b.cumulative, b.cls) for b in shown]
    if rest:
        rows.append((labels[-1], sum(b.share for b in rest), rest[-1].cumulative, ""))
    for i, (label, share, cumulative, cls) in enumerate(rows):
        y = top + i * row
        body.append(
            _text(share_x - 6, y + row / 2 + 4, _shorten(label, 40), size=MIN_FONT, anchor="end", fill=INK)
        )
        body.append(
            f'<rect x="{_num(share_x)}" y="{_num(y + 3)}" width="{_num(max(bx(share) - share_x, 0.5))}" '
            f'height="{_num(row - 6)}" fill="{CLASS_COLOUR.get(cls, GREY)}"/>'
        )
        points.append(f"{_num(cx(cumulative))},{_num(y + row / 2)}")
    if points:
        body.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{RED}" stroke-width="2"/>')
        for p in points:
            px, py = p.split(",")
            body.append(f'<circle cx="{px}" cy="{py}" r="2.5" fill="{RED}"/>')
    lx = share_x
    ly = h - 4
    for c in ("A", "B", "C", "D"):
        if any(b.cls == c for b in bars):
            body.append(
                f'<rect x="{_num(lx)}" y="{_num(ly - 10)}" width="11" height="11" fill="{CLASS_COLOUR[c]}"/>'
            )
            body.append(_text(lx + 15, ly, c, size=12))
            lx += 40
    return _svg(w, h, loc.t("pareto_chart"), body)
