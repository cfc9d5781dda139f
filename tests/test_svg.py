"""Inline SVG charts: well-formed, text escaped, points where they belong."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kamctl import svg
from kamctl.i18n import Locale

NS = "{http://www.w3.org/2000/svg}"
NB = Locale("nb")
EVIL = '<script>alert(1)</script> "q" & </svg>'


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))  # raises on anything not well-formed


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{NS}text")]


def test_kaism_matrix_escapes_the_account_name() -> None:
    chart = svg.kaism_matrix([svg.KaismPoint(EVIL, 7.05, 7.83)], NB)
    assert "<script" not in chart
    root = _parse(chart)
    assert EVIL in _texts(root)
    assert not list(root.iter(f"{NS}script"))


def test_kaism_point_lands_in_its_quadrant() -> None:
    # The plot is 360 units square from (70, 20); threshold 5 → x = 250, y = 200.
    # nordmelk: attractiveness 7.05 (high), strength 7.83 (high) → upper right:
    # x = 70 + 7.83/10 × 360 = 351.88 → "351.9", y = 20 + 360 − 7.05/10 × 360 = 126.2.
    root = _parse(svg.kaism_matrix([svg.KaismPoint("Nordmelk SA", 7.05, 7.83)], NB))
    (dot,) = list(root.iter(f"{NS}circle"))
    assert dot.get("cx") == "351.9" and dot.get("cy") == "126.2"
    assert float(dot.get("cx", 0)) > 250 and float(dot.get("cy", 0)) < 200


def test_kaism_labels_scores_in_the_locale() -> None:
    texts = _texts(_parse(svg.kaism_matrix([svg.KaismPoint("X", 5.0, 4.5)], NB)))
    assert "5,00 / 4,50" in texts


def test_portfolio_matrix_numbers_the_dots_and_sizes_them_by_revenue() -> None:
    points = [svg.KaismPoint("Big", 8, 8, "1", 100.0), svg.KaismPoint("Small", 2, 2, "2", 25.0)]
    root = _parse(svg.kaism_matrix(points, NB))
    radii = {c.get("cx"): float(c.get("r", 0)) for c in root.iter(f"{NS}circle")}
    # r = 8 + 14 × √(share of the biggest): 8 + 14 = 22 and 8 + 14 × √0.25 = 15.
    assert sorted(radii.values()) == [15.0, 22.0]
    assert {"1", "2"} <= set(_texts(root))


def test_revenue_chart_has_a_bar_per_figure_and_escapes_nothing_it_should_not() -> None:
    rows = [svg.YearFigures(2024, 29_800_000, 7_150_000), svg.YearFigures(2025, 31_250_000, 7_500_000)]
    root = _parse(svg.revenue_by_year(rows, NB))
    bars = [r for r in root.iter(f"{NS}rect") if r.get("fill") in (svg.BLUE, svg.ORANGE)]
    # Two years × (revenue, margin), plus the two legend swatches.
    assert len(bars) == 6
    assert "31,3\u00a0mill.\u00a0kr" in _texts(root)


def test_revenue_chart_handles_a_negative_margin() -> None:
    root = _parse(svg.revenue_by_year([svg.YearFigures(2025, 2_750_000, -230_000)], NB))
    assert "\u2212" + "0,2\u00a0mill.\u00a0kr" in _texts(root)


def test_pipeline_chart_escapes_stage_labels() -> None:
    chart = svg.pipeline_by_stage([svg.StageBar("<b>x</b>", 100.0, 50.0)], NB)
    assert "<b>" not in chart
    assert "<b>x</b>" in _texts(_parse(chart))


def test_pareto_chart_marks_cut_offs_and_escapes_names() -> None:
    bars = [svg.ParetoBar(EVIL, 60.0, 60.0, "A"), svg.ParetoBar("B & C", 40.0, 100.0, "B")]
    root = _parse(svg.pareto(bars, NB, cut_a=80, cut_b=95))
    texts = _texts(root)
    assert "A 80\u00a0%" in texts and "B 95\u00a0%" in texts
    assert "B & C" in texts
    assert any(EVIL[:21] in t for t in texts)  # long names are shortened, still as text
    (line,) = list(root.iter(f"{NS}polyline"))
    assert len(line.get("points", "").split()) == 2


def test_empty_inputs_still_draw() -> None:
    for chart in (
        svg.kaism_matrix([], NB),
        svg.revenue_by_year([], NB),
        svg.pipeline_by_stage([], NB),
        svg.pareto([], NB),
    ):
        _parse(chart)
