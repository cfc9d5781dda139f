"""Risk: concentration arithmetic by hand, and every account-level risk of DOMAIN §7."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kamctl.account import Account
from kamctl.checks import account_risks, portfolio_findings
from kamctl.config import Config, RiskConfig, load_config
from kamctl.loader import load_accounts
from kamctl.risk import hhi_band, portfolio_risk
from kamctl.yamlsource import parse
from tests.conftest import EXAMPLES

AS_OF = dt.date(2026, 11, 24)


def acc(id_: str, revenue: float | None = None, **kw: Any) -> Account:
    data: dict[str, Any] = {"id": id_, "name": id_.title(), **kw}
    if revenue is not None:
        data.setdefault("financials", [{"year": 2025, "revenue": revenue}])
    return Account.model_validate(data)


def codes(diags) -> list[str]:
    return sorted(d.code for d in diags)


# ----------------------------------------------------------- concentration


def test_hhi_top5_and_effective_number() -> None:
    # Revenue 50, 30, 20 of 100 → shares 50 %, 30 %, 20 %.
    # HHI = 50² + 30² + 20² = 2500 + 900 + 400 = 3800 (> 1800: high);
    # effective number = 10 000 / 3800 = 2.6315…
    pr = portfolio_risk([acc("a", 50), acc("b", 30), acc("c", 20)], Config())
    assert pr.hhi == pytest.approx(3800)
    assert pr.hhi_band == "high"
    assert pr.effective_n == pytest.approx(10_000 / 3800)
    assert pr.top5_share == pytest.approx(100.0)
    assert pr.largest is not None and pr.largest.id == "a" and pr.largest_share == pytest.approx(50.0)
    assert [s.id for s in pr.major] == ["a", "b", "c"]  # all ≥ 10 %


def test_ten_equal_customers() -> None:
    # 10 × 10 %: HHI = 10 × 10² = 1000 → exactly the lower bound of "moderate";
    # effective number 10 000 / 1000 = 10; every one sits exactly ON the 10 % level.
    pr = portfolio_risk([acc(f"c{i:02}", 7) for i in range(10)], Config())
    assert pr.hhi == pytest.approx(1000)
    assert pr.hhi_band == "moderate"
    assert pr.effective_n == pytest.approx(10)
    assert len(pr.major) == 10
    assert pr.top5_share == pytest.approx(50.0)


@pytest.mark.parametrize(
    ("hhi", "band"),
    [(999.99, "unconcentrated"), (1000, "moderate"), (1800, "moderate"), (1800.01, "high")],
)
def test_hhi_bands(hhi: float, band: str) -> None:
    # DOMAIN §7: < 1000 unconcentrated, 1000–1800 moderate, > 1800 high.
    assert hhi_band(hhi, RiskConfig()) == band


def test_hhi_bands_configurable() -> None:
    assert hhi_band(1600, RiskConfig(hhi_moderate=1500, hhi_high=2500)) == "moderate"
    assert hhi_band(1400, RiskConfig(hhi_moderate=1500, hhi_high=2500)) == "unconcentrated"


def test_largest_share_flag_at_40_percent() -> None:
    # 40 of 100 = 40 % exactly: "at or above 40 %" → flagged (RISK001).
    accounts = [acc("big", 40), acc("b", 30), acc("c", 30)]
    pr = portfolio_risk(accounts, Config())
    found = portfolio_findings(pr, Config())
    assert "RISK001" in codes(found)
    # 39 of 100 → not flagged.
    pr = portfolio_risk([acc("big", 39), acc("b", 31), acc("c", 30)], Config())
    assert "RISK001" not in codes(portfolio_findings(pr, Config()))


def test_what_if_halves_and_leaves() -> None:
    # a: revenue 80, margin 20; b: revenue 20, margin 5. Totals 100 and 25.
    # a halves: −40 revenue (40 % of 100), −10 margin. a leaves: −80 (80 %), −20 margin (80 % of 25).
    accounts = [
        acc("a", financials=[{"year": 2025, "revenue": 80, "gross_margin": 20}]),
        acc("b", financials=[{"year": 2025, "revenue": 20, "gross_margin": 5}]),
    ]
    pr = portfolio_risk(accounts, Config())
    w = pr.what_if[0]
    assert w.id == "a"
    assert (w.halves_revenue, w.halves_share, w.halves_margin) == (40, pytest.approx(40.0), 10)
    assert (w.leaves_revenue, w.leaves_share, w.leaves_margin) == (80, pytest.approx(80.0), 20)
    assert w.leaves_margin_share == pytest.approx(80.0)


def test_group_roll_up_follows_the_parent_chain() -> None:
    # holding ← sub ← subsub (a grandchild), and a standalone x.
    # Revenue: holding 10, sub 20, subsub 30, x 40 → total 100.
    # Alone each is < 40 %; the group is 10 + 20 + 30 = 60 %.
    # HHI accounts: 10² + 20² + 30² + 40² = 100 + 400 + 900 + 1600 = 3000.
    # HHI groups merged: 60² + 40² = 3600 + 1600 = 5200.
    accounts = [
        acc("holding", 10),
        acc("sub", 20, parent="holding"),
        acc("subsub", 30, parent="sub"),
        acc("x", 40),
    ]
    pr = portfolio_risk(accounts, Config())
    (g,) = pr.groups
    assert g.id == "holding" and set(g.members) == {"holding", "sub", "subsub"}
    assert g.share == pytest.approx(60.0)
    assert pr.hhi == pytest.approx(3000)
    assert pr.group_hhi == pytest.approx(5200)
    assert [e.id for e in pr.group_major] == ["holding", "x"]


def test_parent_outside_the_portfolio_is_still_a_group() -> None:
    pr = portfolio_risk([acc("a", 10, parent="konsern"), acc("b", 10, parent="konsern")], Config())
    (g,) = pr.groups
    assert (g.id, g.name, g.share) == ("konsern", "konsern", pytest.approx(100.0))


def test_parent_cycle_does_not_hang() -> None:
    pr = portfolio_risk([acc("a", 10, parent="b"), acc("b", 10, parent="a")], Config())
    assert pr.total_revenue == 20


def test_accounts_without_figures_for_the_year_are_listed_not_counted_as_zero() -> None:
    accounts = [acc("a", 100), acc("old", financials=[{"year": 2024, "revenue": 500}])]
    pr = portfolio_risk(accounts, Config(fiscal_year=2025))
    assert pr.missing == ["old"]
    assert pr.total_revenue == 100


def test_budget_rows_do_not_make_the_latest_year() -> None:
    # a has actuals 2025 and a 2026 budget; the portfolio's latest actual year is 2025.
    a = acc(
        "a",
        financials=[{"year": 2025, "revenue": 10}, {"year": 2026, "revenue": 99, "budget": True}],
    )
    pr = portfolio_risk([a, acc("b", 10)], Config())
    assert pr.year == 2025 and pr.total_revenue == 20


# ------------------------------------------------------------- the examples


@pytest.fixture(scope="module")
def examples() -> tuple[Config, list[tuple[str, Account]]]:
    cfg = load_config(EXAMPLES / "kamctl.toml")
    loaded, _ = load_accounts([str(EXAMPLES / "accounts")], cfg, jobs=1)
    return cfg, [(f.path, f.account) for f in loaded if f.account]


def test_examples_concentration(examples) -> None:
    cfg, accounts = examples
    pr = portfolio_risk([a for _, a in accounts], cfg)
    # README "Revenue 2025 and shares, by hand".
    assert pr.year == 2025
    assert pr.total_revenue == 223_650_000
    assert pr.largest.id == "havbris-sjomat"
    assert pr.largest_share == pytest.approx(96_400_000 / 223_650_000 * 100)  # 43.10
    assert round(pr.top5_share, 2) == 77.55  # 173 450 000 / 223 650 000
    assert round(pr.hhi, 1) == 2261.3
    assert pr.hhi_band == "high"
    assert round(pr.effective_n, 2) == round(10_000 / 2261.3, 2)  # 4.42
    assert round(pr.group_hhi, 2) == 2321.05
    assert [s.id for s in pr.major] == ["havbris-sjomat", "nordmelk"]
    assert [(g.id, round(g.share, 2)) for g in pr.group_major] == [
        ("havbris-sjomat", 43.10),
        ("nordmelk", 13.97),
        ("vestgruppen", 10.80),  # 24 150 000 / 223 650 000
    ]
    w = pr.what_if[0]
    # If havbris leaves: −96 400 000 revenue, −24 800 000 gross margin; halves: −48 200 000 (21.55 %).
    assert (w.leaves_revenue, w.leaves_margin, w.halves_revenue) == (96_400_000, 24_800_000, 48_200_000)
    assert round(w.halves_share, 2) == 21.55


def run_examples(examples, as_of: dt.date = AS_OF) -> dict[str, list[str]]:
    cfg, accounts = examples
    out: dict[str, list[str]] = {}
    for path, a in accounts:
        found = account_risks(a, cfg, as_of, path)
        out[a.id] = codes(found)
    return out


def test_examples_account_risks_match_the_readme(examples) -> None:
    found = run_examples(examples)
    # The clean plans have no account-level risk.
    for clean in ("havbris-sjomat", "nordmelk", "bergen-byggvare"):
        assert found[clean] == [], clean
    # README "Per-account facts for risk and lint (as of 2026-11-24)".
    assert {"RISK101", "RISK103"} <= set(found["tromso-fiskeindustri"])  # 127 days, 1 month notice
    assert "RISK101" in found["sorlandet-frukt"]  # 37 days
    assert {"RISK110", "RISK112", "RISK114"} <= set(found["nordlys-dagligvare"])
    assert "RISK112" in found["hallingdal-mobler"] and "RISK110" not in found["hallingdal-mobler"]
    assert "RISK112" in found["sorlandet-frukt"]
    assert "RISK114" in found["mjosen-bakeri"]
    assert "RISK120" in found["polarnett"] and "RISK120" in found["sorlandet-frukt"]
    for strong in ("polarnett", "sorlandet-frukt", "grenland-kjemi"):
        assert "RISK130" in found[strong], strong
    assert "RISK140" in found["stavanger-offshore-service"]
    # Stale contact, overdue action, stale plan: lint's KAM111/KAM106/KAM112, shared with risk.
    assert found["mjosen-bakeri"].count("KAM111") == 3
    assert found["mjosen-bakeri"].count("KAM106") == 2
    assert "KAM112" in found["mjosen-bakeri"]
    assert "RISK160" in found["sorlandet-frukt"]  # contribution −230 000
    # "no other account has a contact older than 90 days / an overdue open action".
    for acc_id, cs in found.items():
        if acc_id != "mjosen-bakeri":
            assert "KAM111" not in cs and "KAM106" not in cs and "KAM112" not in cs, acc_id
    # Contract ending is only reported for the two accounts that end within 180 days.
    assert sorted(i for i, cs in found.items() if "RISK101" in cs) == [
        "sorlandet-frukt",
        "tromso-fiskeindustri",
    ]


def test_messages_name_the_account_and_the_evidence(examples) -> None:
    cfg, accounts = examples
    by_id = {a.id: (p, a) for p, a in accounts}
    path, a = by_id["tromso-fiskeindustri"]
    doc = parse((EXAMPLES / "accounts" / "tromso-fiskeindustri.yaml").read_text(encoding="utf-8"))
    found = {d.code: d for d in account_risks(a, cfg, AS_OF, path, doc)}
    ending = found["RISK101"]
    # 2026-11-24 → 2027-03-31: 6 (rest of Nov) + 31 + 31 + 28 + 31 = 127 days.
    assert ending.message == (
        "tromso-fiskeindustri: contract ends 2027-03-31 (in 127 days) with 1 month notice "
        "and no automatic renewal"
    )
    assert ending.field == "contract.end"
    assert ending.source is not None and ending.source.strip() == "end: 2027-03-31"
    assert ending.line > 0 and ending.column > 0
    path, a = by_id["polarnett"]
    negative = next(d for d in account_risks(a, cfg, AS_OF, path) if d.code == "RISK120")
    assert "Henrik Bjørnstad" in negative.message and "−2 (critic)" in negative.message
    assert negative.field == "stakeholders[0].stance"


def test_as_of_fixes_today(examples) -> None:
    # On 2026-06-01 tromsø's contract end (2027-03-31) is 303 days away: not within 180.
    # 2026-06-01 → 2027-03-31: 29 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 = 303.
    found = run_examples(examples, dt.date(2026, 6, 1))
    assert "RISK101" not in found["tromso-fiskeindustri"]
    # And on 2028-01-01 every contract ending 2027-12-31 has ended (RISK102).
    later = run_examples(examples, dt.date(2028, 1, 1))
    assert "RISK102" in later["nordlys-dagligvare"]


def test_thresholds_are_configurable(examples) -> None:
    cfg, accounts = examples
    strict = cfg.model_copy(update={"risk": cfg.risk.model_copy(update={"contract_ending_days": 30})})
    tromso = next(a for _, a in accounts if a.id == "tromso-fiskeindustri")
    assert "RISK101" not in codes(account_risks(tromso, strict, AS_OF))  # 127 > 30


def test_handmade_account_hits_each_people_rule() -> None:
    a = acc(
        "solo",
        100,
        stakeholders=[
            {
                "name": "Kari",
                "role": "influencer",
                "level": "middle",
                "influence": "high",
                "stance": -1,
                "relationship": "weak",
                "owner": "Ola",
                "last_contact": "2026-11-01",
            },
        ],
    )
    found = codes(account_risks(a, Config(), AS_OF))
    # one person at the customer (110), one on our side (112), no strong relationship (113),
    # no top management (114), a high-influence sceptic (120), no contract on a full plan (104),
    # no review date (KAM112, the stale-plan check lint and risk share).
    assert found == ["KAM112", "RISK104", "RISK110", "RISK112", "RISK113", "RISK114", "RISK120"]


def test_auto_renewing_contract_ending_is_info() -> None:
    a = acc("r", 1, contract={"end": "2027-01-31", "notice_months": 1, "auto_renew": True})
    found = {d.code: d for d in account_risks(a, Config(), AS_OF)}
    assert found["RISK101"].severity.value == "info"
    assert "contract ends 2027-01-31 (in 68 days) with 1 month notice" in found["RISK101"].message


# ----------------------------------------------------------------- locating


def test_locate_findings_reads_flow_style(tmp_path) -> None:
    from kamctl.checks import locate_findings
    from kamctl.diagnostics import Diagnostic, Severity

    p = tmp_path / "a.yaml"
    p.write_text("id: a\nname: A\nstakeholders: [{name: X, stance: -2}]\n", encoding="utf-8")
    d = Diagnostic(str(p), 0, 0, Severity.warning, "RISK120", "a: x", "stakeholders[0].stance", account="a")
    (located,) = locate_findings([d], 10_000)
    # "stakeholders: [{name: X, stance: " is 33 characters: the value starts in column 34.
    assert (located.line, located.column) == (3, 34)
    assert located.source == "stakeholders: [{name: X, stance: -2}]"


def test_loss_is_judged_on_actuals_not_on_a_budget() -> None:
    # 2025 actual contribution −50 000; 2026 budget +10 000. Without a fiscal
    # year the latest ACTUAL year (2025) is judged: the loss is reported.
    a = acc(
        "l",
        financials=[
            {"year": 2025, "revenue": 100, "contribution_margin": -50000},
            {"year": 2026, "revenue": 100, "contribution_margin": 10000, "budget": True},
        ],
    )
    found = {d.code: d for d in account_risks(a, Config(), AS_OF)}
    assert "contribution margin 2025 is NOK −50,000" in found["RISK160"].message  # en money style
    assert found["RISK160"].field == "financials[0].contribution_margin"


def test_findings_made_while_loading_equal_those_made_after(examples) -> None:
    # load_accounts(per_file=account_findings) locates in the worker; made
    # afterwards and located by locate_findings they must be the same.
    import functools

    from kamctl.checks import account_findings, locate_findings, stage_findings

    cfg, accounts = examples
    per_file = functools.partial(account_findings, config=cfg, as_of=AS_OF)
    loaded, _ = load_accounts([p for p, _ in accounts], cfg, jobs=1, per_file=per_file)
    during = sorted((d for f in loaded for d in f.extra), key=lambda d: d.sort_key())
    after = [d for p, a in accounts for d in account_risks(a, cfg, AS_OF, p) + stage_findings(a, cfg, p)]
    after = sorted(locate_findings(after, cfg.max_file_size, jobs=1), key=lambda d: d.sort_key())
    assert [(d.path, d.line, d.column, d.code, d.message, d.source) for d in during] == [
        (d.path, d.line, d.column, d.code, d.message, d.source) for d in after
    ]
    assert all(d.line > 0 for d in during if d.field)
