"""ABC classification (DOMAIN §2) against shares worked out by hand."""

from __future__ import annotations

import pytest

from kamctl.abc import abc_classify, summarize
from kamctl.config import AbcConfig, load_config
from kamctl.customers_csv import read_customers
from tests.conftest import EXAMPLES

CFG = AbcConfig()  # A 80 %, B 95 %


def classes(rows) -> dict[str, str]:
    return {r.id: r.cls for r in rows}


def test_the_customer_crossing_the_cut_off_is_a() -> None:
    # Total 100. Cumulative: a 50, b 75, c 85 (crosses 80 → still A), d 93,
    # e 97 (crosses 95 → still B), f 100 → C.
    items = [("a", "A", 50), ("b", "B", 25), ("c", "C", 10), ("d", "D", 8), ("e", "E", 4), ("f", "F", 3)]
    rows = abc_classify(items, CFG)
    assert classes(rows) == {"a": "A", "b": "A", "c": "A", "d": "B", "e": "B", "f": "C"}
    assert [r.rank for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r.cumulative for r in rows] == pytest.approx([50, 75, 85, 93, 97, 100])


def test_reaching_the_cut_off_exactly_ends_the_class() -> None:
    # Cumulative 60, 80 (reaches 80 exactly → A and the A set is complete),
    # 95 (reaches 95 exactly → B), 100 → C.
    rows = abc_classify([("a", "", 60), ("b", "", 20), ("c", "", 15), ("d", "", 5)], CFG)
    assert classes(rows) == {"a": "A", "b": "A", "c": "B", "d": "C"}


def test_exact_cut_off_with_decimals_that_are_not_exact_in_binary() -> None:
    # Total 0.7 + 0.1 + 0.09 + 0.06 + 0.05 = 1.0. Cumulative: a 70 %, b 80 %
    # exactly on paper (0.7 + 0.1 = 0.7999999999999999 in floats) → A and the
    # A set is complete; c starts at 80 → B (89 %); d reaches 95 % exactly → B;
    # e starts at 95 → C.
    rows = abc_classify(
        [("a", "", 0.7), ("b", "", 0.1), ("c", "", 0.09), ("d", "", 0.06), ("e", "", 0.05)], CFG
    )
    assert classes(rows) == {"a": "A", "b": "A", "c": "B", "d": "B", "e": "C"}


def test_single_customer_above_the_a_cut_off() -> None:
    # big = 900 of 1000 = 90 % ≥ 80 on its own → the only A. small1 starts at
    # 90 % < 95 → B (cum 96). small2 starts at 96 → C.
    rows = abc_classify([("small1", "", 60), ("big", "", 900), ("small2", "", 40)], CFG)
    assert [(r.id, r.cls) for r in rows] == [("big", "A"), ("small1", "B"), ("small2", "C")]
    assert rows[0].share == pytest.approx(90.0)  # 900 / 1000


def test_ties_are_ordered_by_id() -> None:
    # Equal values: ordered by id, so 'x1' ranks before 'x2' whatever the input
    # order. Total 100: big 70 (A), x1 15 → starts at 70 → A (cum 85),
    # x2 15 → starts at 85 → B (cum 100).
    for items in (
        [("x2", "", 15), ("big", "", 70), ("x1", "", 15)],
        [("x1", "", 15), ("x2", "", 15), ("big", "", 70)],
    ):
        rows = abc_classify(items, CFG)
        assert [(r.id, r.cls) for r in rows] == [("big", "A"), ("x1", "A"), ("x2", "B")]


def test_zero_and_negative_margins_are_d_when_ranking_by_margin() -> None:
    # Margins: p 60, q 30, r 10, zero 0, loss −20. Only p, q, r share the total
    # 100: p 60 (A), q starts 60 → A (cum 90), r starts 90 → B (cum 100).
    # zero and loss take no part and are D, ranked after the rest by value.
    items = [("loss", "", -20), ("p", "", 60), ("zero", "", 0), ("q", "", 30), ("r", "", 10)]
    rows = abc_classify(items, CFG, allow_d=True)
    assert [(r.id, r.cls, r.rank) for r in rows] == [
        ("p", "A", 1),
        ("q", "A", 2),
        ("r", "B", 3),
        ("zero", "D", 4),
        ("loss", "D", 5),
    ]
    assert rows[-1].share == pytest.approx(-20.0)  # −20 / 100
    assert rows[-1].cumulative == pytest.approx(100.0)  # D adds nothing


def test_without_d_a_zero_value_is_c_and_negative_is_refused() -> None:
    rows = abc_classify([("a", "", 10), ("z", "", 0)], CFG)
    assert classes(rows) == {"a": "A", "z": "C"}
    with pytest.raises(ValueError, match="negative"):
        abc_classify([("a", "", 10), ("n", "", -1)], CFG)


def test_all_zero_is_all_c() -> None:
    assert set(classes(abc_classify([("a", "", 0), ("b", "", 0)], CFG)).values()) == {"C"}


def test_configured_cut_offs() -> None:
    # A 50 %, B 90 %. Total 100: a 40 (A), b starts 40 → A (cum 70),
    # c starts 70 → B (cum 90), d starts 90 → C.
    rows = abc_classify([("a", "", 40), ("b", "", 30), ("c", "", 20), ("d", "", 10)], AbcConfig(a=50, b=90))
    assert classes(rows) == {"a": "A", "b": "A", "c": "B", "d": "C"}


def test_summary_per_class() -> None:
    rows = abc_classify([("a", "", 50), ("b", "", 25), ("c", "", 10), ("d", "", 8), ("e", "", 7)], CFG)
    # A: a, b, c = 85 (85 %); B: d (starts 85) 8, e (starts 93) 7 → 15 (15 %).
    s = summarize(rows)
    assert [(x.cls, x.count, x.value) for x in s] == [("A", 3, 85.0), ("B", 2, 15.0)]
    assert [x.share for x in s] == pytest.approx([85.0, 15.0])


# ------------------------------------------------------------- the examples


def test_examples_revenue_abc_matches_readme() -> None:
    from kamctl.loader import load_accounts

    cfg = load_config(EXAMPLES / "kamctl.toml")
    loaded, _ = load_accounts([str(EXAMPLES / "accounts")], cfg, jobs=1)
    items = []
    for f in loaded:
        fin = f.account.latest_financials(2025)
        items.append((f.account.id, f.account.name, fin.revenue))
    rows = abc_classify(items, cfg.abc)
    by_id = {r.id: r for r in rows}
    # README table: total 223 650 000; bergen-byggvare crosses 80 % (81.94) → A;
    # stavanger-offshore-service crosses 95 % (95.82) → B.
    assert [r.id for r in rows if r.cls == "A"] == [
        "havbris-sjomat",
        "nordmelk",
        "nordlys-dagligvare",
        "vestgruppen-fiskefor",
        "tromso-fiskeindustri",
        "bergen-byggvare",
    ]
    assert [r.id for r in rows if r.cls == "B"] == [
        "vestgruppen-logistikk",
        "mjosen-bakeri",
        "polarnett",
        "hallingdal-mobler",
        "stavanger-offshore-service",
    ]
    assert len([r for r in rows if r.cls == "C"]) == 6
    # 96 400 000 / 223 650 000 = 43.10 %; cumulative after bergen 183 250 000 / 223 650 000 = 81.94 %
    assert round(by_id["havbris-sjomat"].share, 2) == 43.10
    assert round(by_id["bergen-byggvare"].cumulative, 2) == 81.94
    assert round(by_id["stavanger-offshore-service"].cumulative, 2) == 95.82
    assert by_id["grenland-kjemi"].rank == 17 and by_id["grenland-kjemi"].cls == "C"


def test_examples_margin_abc_d_class() -> None:
    from kamctl.loader import load_accounts

    cfg = load_config(EXAMPLES / "kamctl.toml")
    loaded, _ = load_accounts([str(EXAMPLES / "accounts")], cfg, jobs=1)
    fins = {f.account.id: f.account.latest_financials(2025) for f in loaded}
    gross = abc_classify([(i, i, f.gross_margin) for i, f in fins.items()], cfg.abc, allow_d=True)
    contrib = abc_classify([(i, i, f.contribution_margin) for i, f in fins.items()], cfg.abc, allow_d=True)
    # README: by gross margin only grenland-kjemi (0) is D; by contribution
    # also sorlandet-frukt (−230 000).
    assert [r.id for r in gross if r.cls == "D"] == ["grenland-kjemi"]
    assert [r.id for r in contrib if r.cls == "D"] == ["grenland-kjemi", "sorlandet-frukt"]


def test_examples_csv_ties_and_d() -> None:
    cfg = load_config(EXAMPLES / "kamctl.toml")
    customers, diags = read_customers(EXAMPLES / "customers.csv", cfg.csv)
    assert diags == []
    rows = abc_classify([(c.id, c.name, c.revenue) for c in customers], cfg.abc)
    order = [r.id for r in rows]
    # Ties (README): 10361 and 10365 both 250 000; 10121 and 10124 both 464 515,84.
    assert order.index("10361") + 1 == order.index("10365")
    assert order.index("10121") + 1 == order.index("10124")
    assert rows[0].id == "havbris-sjomat"
    margin = abc_classify([(c.id, c.name, c.gross_margin) for c in customers], cfg.abc, allow_d=True)
    # 3 negative + 3 zero margins (incl. grenland-kjemi) → 6 D.
    assert sum(r.cls == "D" for r in margin) == 6
