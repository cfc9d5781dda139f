"""Inline SVG charts for the HTML documents: no scripts, no fonts, no network.

Each function returns :class:`markupsafe.Markup` holding one ``<svg>``
element. Every piece of text that came from an account file (names, labels)
goes through :func:`markupsafe.escape`, so it cannot close the element or add
attributes; numbers are formatted by the caller's :class:`~kamctl.i18n.Locale`
and escaped as well. The charts size themselves by ``viewBox`` and scale to the
width of the page, and use the Okabe–Ito colours (distinguishable for colour-
blind readers and in greyscale print by their lightness).
"""

from __future__ import annotations

from collections.abc import Sequence
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


def _svg(width: int, height: int, title: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="chart">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


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


def kaism_matrix(
    points: Sequence[KaismPoint],
    loc: Locale,
    *,
    threshold: float = 5.0,
    quadrant_names: dict[str, str] | None = None,
    title: str = "",
) -> Markup:
    """Customer attractiveness (up) against our strength (right), 0–10 each.

    Strength grows to the right (not Cheverton's right-to-left) because that is
    how every reader reads a chart; the quadrants are named, so nothing hangs
    on the direction.
    """
    w, h = 520, 440
    left, top, size = 70, 20, 360
    names = quadrant_names or {}

    def sx(v: float) -> float:
        return left + max(0.0, min(10.0, v)) / 10 * size

    def sy(v: float) -> float:
        return top + size - max(0.0, min(10.0, v)) / 10 * size

    tx, ty = sx(threshold), sy(threshold)
    body = [f'<rect x="{left}" y="{top}" width="{size}" height="{size}" fill="#fff" stroke="{GREY}"/>']
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
        if qw > 40 and qh > 20:
            name = names.get(key, key)
            ly = y + 16 if key in ("key_development", "key") else y + qh - 8
            body.append(_text(x + qw / 2, ly, name, size=13, anchor="middle", fill=GREY, font_weight="bold"))
    body.append(
        f'<line x1="{_num(tx)}" y1="{top}" x2="{_num(tx)}" y2="{top + size}" stroke="{GREY}" '
        f'stroke-dasharray="4 3"/>'
        f'<line x1="{left}" y1="{_num(ty)}" x2="{left + size}" y2="{_num(ty)}" stroke="{GREY}" '
        f'stroke-dasharray="4 3"/>'
    )
    for v in range(0, 11, 2):
        body.append(_text(sx(v), top + size + 16, loc.number(v), size=10, anchor="middle", fill=GREY))
        body.append(_text(left - 8, sy(v) + 4, loc.number(v), size=10, anchor="end", fill=GREY))
    body.append(_text(left + size / 2, top + size + 36, loc.t("strength"), size=13, anchor="middle"))
    cx, cy = 22, top + size / 2
    body.append(
        f'<text x="{cx}" y="{_num(cy)}" font-size="13" text-anchor="middle" '
        f'transform="rotate(-90 {cx} {_num(cy)})">{escape(loc.t("attractiveness"))}</text>'
    )
    biggest = max((p.weight for p in points), default=0.0)
    single = len(points) == 1
    for p in sorted(points, key=lambda p: -p.weight):
        x, y = sx(p.strength), sy(p.attractiveness)
        r = 7.0 if single or biggest <= 0 else 8 + 14 * (max(p.weight, 0) / biggest) ** 0.5
        body.append(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill="{BLUE}" fill-opacity="0.75" '
            f'stroke="#fff" stroke-width="1.5"/>'
        )
        if p.marker:
            body.append(_text(x, y + 4, p.marker, size=10, anchor="middle", fill="#fff", font_weight="bold"))
        if single:
            anchor = "end" if x > left + size * 0.6 else "start"
            dx = -12 if anchor == "end" else 12
            body.append(_text(x + dx, y - 10, _shorten(p.label, 40), size=12, anchor=anchor, fill=INK))
            body.append(
                _text(
                    x + dx,
                    y + 6,
                    f"{loc.number(p.attractiveness, 2)} / {loc.number(p.strength, 2)}",
                    size=10,
                    anchor=anchor,
                    fill=GREY,
                )
            )
    return _svg(w, h, title or loc.t("kaism_chart"), body)


# ------------------------------------------------------------ revenue by year


@dataclass(frozen=True)
class YearFigures:
    year: int
    revenue: float | None
    gross_margin: float | None
    budget: bool = False


def revenue_by_year(rows: Sequence[YearFigures], loc: Locale, currency: str | None = None) -> Markup:
    """Revenue and gross margin per year as pairs of bars; budget years hatched."""
    w, h = 640, 220
    left, top, bottom, right = 20, 24, 40, 20
    plot_h = h - top - bottom
    values = [v for r in rows for v in (r.revenue, r.gross_margin) if v is not None]
    hi = max([*values, 0.0]) or 1.0
    lo = min([*values, 0.0])
    span = hi - lo
    zero = top + plot_h * hi / span

    def sy(v: float) -> float:
        return zero - v / span * plot_h

    slot = (w - left - right) / max(len(rows), 1)
    bar = min(48.0, slot / 3)
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
            ly = y0 - 4 if value >= 0 else y1 + 12
            body.append(
                _text(x + bar / 2, ly, loc.money_short(value, currency), size=10, anchor="middle", fill=INK)
            )
        label = f"{r.year} ({loc.t('budget')})" if r.budget else str(r.year)
        body.append(_text(cx, h - bottom + 18, label, size=11, anchor="middle"))
    ly = h - 8
    body.append(f'<rect x="{left}" y="{ly - 9}" width="10" height="10" fill="{BLUE}"/>')
    body.append(_text(left + 14, ly, loc.t("revenue"), size=11))
    if not any(r.gross_margin is not None for r in rows):  # e.g. the customer's copy
        return _svg(w, h, loc.t("revenue_chart"), body)
    body.append(f'<rect x="{left + 130}" y="{ly - 9}" width="10" height="10" fill="{ORANGE}"/>')
    body.append(_text(left + 144, ly, loc.t("gross_margin"), size=11))
    return _svg(w, h, loc.t("revenue_margin_chart"), body)


# ------------------------------------------------------------- pipeline bars


@dataclass(frozen=True)
class StageBar:
    label: str
    value: float
    weighted: float


def pipeline_by_stage(bars: Sequence[StageBar], loc: Locale, currency: str | None = None) -> Markup:
    """Open pipeline per stage: full value (light) with the weighted value inside (dark)."""
    row = 30
    w = 640
    label_w = 130
    top = 10
    h = top + row * len(bars) + 34
    hi = max((b.value for b in bars), default=0.0) or 1.0
    plot_w = w - label_w - 150
    body = []
    for i, b in enumerate(bars):
        y = top + i * row
        body.append(_text(label_w - 8, y + 18, _shorten(b.label, 20), size=11, anchor="end"))
        full = plot_w * max(b.value, 0) / hi
        weighted = plot_w * max(min(b.weighted, b.value), 0) / hi
        body.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{_num(max(full, 0.5))}" height="20" fill="{SKY}" '
            f'fill-opacity="0.45"/>'
            f'<rect x="{label_w}" y="{y + 4}" width="{_num(max(weighted, 0.5))}" height="20" fill="{BLUE}"/>'
        )
        body.append(
            _text(
                label_w + full + 6,
                y + 18,
                f"{loc.money_short(b.weighted, currency)} / {loc.money_short(b.value, currency)}",
                size=10,
                fill=INK,
            )
        )
    ly = h - 10
    body.append(f'<rect x="{label_w}" y="{ly - 9}" width="10" height="10" fill="{BLUE}"/>')
    body.append(_text(label_w + 14, ly, loc.t("weighted"), size=11))
    body.append(
        f'<rect x="{label_w + 110}" y="{ly - 9}" width="10" height="10" fill="{SKY}" fill-opacity="0.45"/>'
    )
    body.append(_text(label_w + 124, ly, loc.t("value"), size=11))
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


def pareto(bars: Sequence[ParetoBar], loc: Locale, *, cut_a: float = 80.0, cut_b: float = 95.0) -> Markup:
    """Share per account (bars, coloured by ABC class) and the cumulative share (line)."""
    w, h = 680, 330
    left, right, top, bottom = 44, 44, 16, 110
    plot_w, plot_h = w - left - right, h - top - bottom
    n = max(len(bars), 1)
    slot = plot_w / n
    hi = max((b.share for b in bars), default=0.0) or 1.0

    def sy_share(v: float) -> float:
        return top + plot_h - max(v, 0) / hi * plot_h

    def sy_cum(v: float) -> float:
        return top + plot_h - max(0.0, min(v, 100.0)) / 100 * plot_h

    body = [f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fff" stroke="{GREY}"/>']
    for cut, name in ((cut_a, "A"), (cut_b, "B")):
        y = sy_cum(cut)
        body.append(
            f'<line x1="{left}" y1="{_num(y)}" x2="{left + plot_w}" y2="{_num(y)}" stroke="{GREY}" '
            f'stroke-dasharray="4 3"/>'
        )
        body.append(_text(left + plot_w + 4, y + 4, f"{name} {loc.percent(cut, 0)}", size=10, fill=GREY))
    for v in (0, 25, 50, 75, 100):
        if all(abs(v - cut) > 4 for cut in (cut_a, cut_b)):  # keep tick and cut-off labels apart
            body.append(_text(left + plot_w + 4, sy_cum(v) + 4, loc.percent(v, 0), size=9, fill=GREY))
    for tick in (0.0, hi / 2, hi):
        body.append(
            _text(left - 4, sy_share(tick) + 4, loc.percent(tick, 0), size=9, anchor="end", fill=GREY)
        )
    points = []
    for i, b in enumerate(bars):
        x = left + i * slot
        y = sy_share(b.share)
        body.append(
            f'<rect x="{_num(x + slot * 0.15)}" y="{_num(y)}" width="{_num(slot * 0.7)}" '
            f'height="{_num(max(top + plot_h - y, 0.5))}" fill="{CLASS_COLOUR.get(b.cls, GREY)}"/>'
        )
        cx = x + slot / 2
        points.append(f"{_num(cx)},{_num(sy_cum(b.cumulative))}")
        lx, ly = cx + 3, top + plot_h + 8
        body.append(
            f'<text x="{_num(lx)}" y="{_num(ly)}" font-size="9" text-anchor="end" '
            f'transform="rotate(-60 {_num(lx)} {_num(ly)})">{escape(_shorten(b.label, 22))}</text>'
        )
    if points:
        body.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{RED}" stroke-width="2"/>')
        for p in points:
            px, py = p.split(",")
            body.append(f'<circle cx="{px}" cy="{py}" r="2.5" fill="{RED}"/>')
    lx = left
    ly = h - 6
    for cls in ("A", "B", "C", "D"):
        if any(b.cls == cls for b in bars):
            body.append(f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{CLASS_COLOUR[cls]}"/>')
            body.append(_text(lx + 14, ly, cls, size=11))
            lx += 44
    body.append(
        f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 16}" y2="{ly - 4}" stroke="{RED}" stroke-width="2"/>'
    )
    body.append(_text(lx + 20, ly, loc.t("cumulative"), size=11))
    return _svg(w, h, loc.t("pareto_chart"), body)
