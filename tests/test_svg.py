"""Inline SVG charts: well-formed, text escaped, points where they belong."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from kamctl import svg
from kamctl.i18n import Locale

NS = "{http://www.w3.org/2000/svg}"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
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
    # The plan's matrix is 330 wide: plot from x = 44, y = 8, 330 − 44 − 8 = 278 square;
    # threshold 5 → x = 44 + 139 = 183, y = 8 + 139 = 147.
    # nordmelk: attractiveness 7.05 (high), strength 7.83 (high) → upper right:
    # x = 44 + 0.783 × 278 = 261.67 → "261.7", y = 8 + 278 − 0.705 × 278 = 90.01 → "90".
    root = _parse(svg.kaism_matrix([svg.KaismPoint("Nordmelk SA", 7.05, 7.83)], NB))
    (dot,) = list(root.iter(f"{NS}circle"))
    assert dot.get("cx") == "261.7" and dot.get("cy") == "90"
    assert float(dot.get("cx", 0)) > 183 and float(dot.get("cy", 0)) < 147


def test_kaism_labels_scores_in_the_locale() -> None:
    texts = _texts(_parse(svg.kaism_matrix([svg.KaismPoint("X", 5.0, 4.5)], NB)))
    assert "5,00 / 4,50" in texts


def test_portfolio_matrix_numbers_the_dots_and_sizes_them_by_revenue() -> None:
    points = [svg.KaismPoint("Big", 8, 8, "1", 100.0), svg.KaismPoint("Small", 2, 2, "2", 25.0)]
    root = _parse(svg.kaism_matrix(points, NB))
    radii = sorted(float(c.get("r", 0)) for c in root.iter(f"{NS}circle") if c.get("class") == "bubble")
    # r = 9 + 9 × √(share of the biggest): 9 + 9 = 18 and 9 + 9 × √0.25 = 13.5.
    assert radii == [13.5, 18.0]
    assert {"1", "2"} <= set(_texts(root))


def _bubbles(root: ET.Element) -> list[tuple[float, float, float]]:
    return [
        (float(c.get("cx", 0)), float(c.get("cy", 0)), float(c.get("r", 0)))
        for c in root.iter(f"{NS}circle")
        if c.get("class") == "bubble"
    ]


def _assert_apart(bubbles: list[tuple[float, float, float]]) -> None:
    for i, (x1, y1, r1) in enumerate(bubbles):
        for x2, y2, r2 in bubbles[i + 1 :]:
            # Coordinates are written with one decimal: allow 0.1 of rounding.
            assert math.hypot(x2 - x1, y2 - y1) >= r1 + r2 - 0.1, ((x1, y1, r1), (x2, y2, r2))


def test_no_bubble_hides_another_when_scores_coincide() -> None:
    # Kystlab (5.00 / 4.50) under Innlandet Trykkeri (4.95 / 4.33) was the
    # issue's case: 0.17 × 36 px = 6 px apart with radii of 9 and more.
    points = [
        svg.KaismPoint("Innlandet Trykkeri AS", 4.95, 4.33, "16", 1_450_000),
        svg.KaismPoint("Kystlab AS", 5.00, 4.50, "4", 1_850_000),
    ]
    root = _parse(svg.kaism_matrix(points, NB, width=400))
    bubbles = _bubbles(root)
    assert len(bubbles) == 2
    _assert_apart(bubbles)
    # A moved bubble is joined by a line to a dot where its scores put it:
    # plot 400 − 52 = 348 square from (44, 8); Kystlab at x = 44 + 0.45 × 348 = 200.6,
    # y = 8 + 348 − 0.5 × 348 = 182.
    anchors = {(c.get("cx"), c.get("cy")) for c in root.iter(f"{NS}circle") if c.get("class") == "anchor"}
    assert ("200.6", "182") in anchors


def test_forty_accounts_on_one_spot_still_part_inside_the_plot() -> None:
    points = [svg.KaismPoint(f"A{i}", 6.0, 6.0, str(i), 1.0 + i) for i in range(40)]
    root = _parse(svg.kaism_matrix(points, NB, width=400))
    bubbles = _bubbles(root)
    assert len(bubbles) == 40
    _assert_apart(bubbles)
    for x, y, r in bubbles:  # inside the plot square (44, 8)–(392, 356)
        assert x - r >= 44 - 0.1 and x + r <= 392 + 0.1 and y - r >= 8 - 0.1 and y + r <= 356 + 0.1


def test_nice_steps_are_round() -> None:
    # 43.1 % (Havbris) over five intervals: 8.62 → 10; 100 → 20; 7 → 2 (7/5 = 1.4 → 2); 0.9 → 0.2.
    assert svg.nice_step(43.1) == 10
    assert svg.nice_step(100) == 20
    assert svg.nice_step(7) == 2
    assert svg.nice_step(0.9) == 0.2
    assert svg.nice_step(12.5, 5) == 2.5


def test_pareto_names_are_whole_and_ticks_round() -> None:
    names = ["Stavanger Offshore Service AS", "Sørlandet Frukt og Grønt AS", "Vestgruppen Logistikk AS"]
    bars = [svg.ParetoBar(names[0], 43.1, 43.1, "A"), svg.ParetoBar(names[1], 30.0, 73.1, "A")]
    bars.append(svg.ParetoBar(names[2], 26.9, 100.0, "B"))
    texts = _texts(_parse(svg.pareto(bars, NB)))
    assert set(names) <= set(texts)
    assert not any("…" in t for t in texts)
    # Share ticks every 10 % up to 50 % (43.1 rounded up to the step); cumulative every 25 %.
    for v in (0, 10, 20, 30, 40, 50):
        assert f"{v}\u00a0%" in texts
    assert "43\u00a0%" not in texts and "22\u00a0%" not in texts


def _all_charts() -> list[tuple[str, str]]:
    """Every chart the documents draw, over the example portfolio."""
    import datetime as dt

    from kamctl.config import load_config
    from kamctl.facts import account_facts, portfolio_facts
    from kamctl.loader import load_accounts
    from kamctl.render import Options, plan_context, report_context

    cfg = load_config(EXAMPLES / "kamctl.toml")
    loaded, _ = load_accounts([], cfg)
    opts = Options("html", "nb", dt.date(2026, 11, 24), cfg.currency)
    facts = [account_facts(lf.account, cfg, opts.as_of, year=2025) for lf in loaded if lf.account is not None]
    portfolio = portfolio_facts(facts, cfg, year=2025)
    out = [(f"report/{k}", str(v)) for k, v in report_context(portfolio, cfg, opts)["charts"].items() if v]
    for f in facts:
        out += [(f"{f.account.id}/{k}", str(v)) for k, v in plan_context(f, cfg, opts)["charts"].items() if v]
    return out


def test_every_chart_prints_its_labels_at_8_pt_or_more() -> None:
    """One viewBox unit prints as one CSS px (0.75 pt): the chart is drawn at
    its own width, which fits the A4 column, so 11 units print at 8.25 pt."""
    charts = _all_charts()
    assert len(charts) > 40
    for name, chart in charts:
        root = _parse(chart)
        vb = [float(v) for v in root.get("viewBox", "").split()]
        assert root.get("width") == svg._num(vb[2]), name  # natural size: no scaling
        assert vb[2] <= svg.PRINT_WIDTH, name
        sizes = [float(t.get("font-size", 0)) for t in root.iter(f"{NS}text") if t.get("font-size")]
        # The power map sets its sizes in its own <style>.
        sizes += [float(v) for v in re.findall(r"font(?:-size)?:\s*(?:bold\s+)?([\d.]+)px", chart)]
        assert sizes, name
        assert min(sizes) * 0.75 >= 8, (name, min(sizes))


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
    assert EVIL in texts  # as text, whole
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
