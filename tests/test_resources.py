"""Internal resources (issue 14 item 5; seed 001 step 5): KAM126 per account,
PORT106 when investment does not follow KAISM priority, and the measures table.

The accounts below are scored on one criterion per axis with threshold 5, so
the quadrant is read off directly: attractiveness 8 / strength 2 → key
development (priority 1); 8/8 → key account (2); 2/8 → maintenance (3);
2/2 → opportunistic (4).
"""

from __future__ import annotations

from typing import Any

from kamctl.account import Account, ResourceUnit
from kamctl.checks import portfolio_checks
from kamctl.config import Config
from kamctl.resources import amount_text, inversions, portfolio_resources

CONFIG = Config.model_validate(
    {"kaism": {"customer_attractiveness": {"a": 1}, "our_strength": {"s": 1}, "threshold": 5}}
)
SCORES = {1: (8, 2), 2: (8, 8), 3: (2, 8), 4: (2, 2)}


def _account(id: str, priority: int, resources: list[dict[str, Any]], **extra: Any) -> Account:
    a, s = SCORES[priority]
    return Account.model_validate(
        {
            "id": id,
            "name": id.title(),
            "kaism": {"customer_attractiveness": {"a": a}, "our_strength": {"s": s}},
            "resources": resources,
            **extra,
        }
    )


def hours(needed: float, committed: float | None = None, **kw: Any) -> dict[str, Any]:
    return {"function": "support", "unit": "hours", "needed": needed, "committed": committed, **kw}


def test_an_opportunistic_account_with_more_hours_than_a_key_development_account_is_one_finding() -> None:
    accounts = [
        _account("dev", 1, [hours(200, 200)]),
        _account("key", 2, [hours(800, 800)]),
        _account("opp", 4, [hours(600, 600)]),
        _account("maint", 3, [hours(150, 150)]),
        # Lists no resources: not compared (as 0 it would be "exceeded" by everyone).
        _account("bare", 1, []),
    ]
    found = inversions(portfolio_resources(accounts, CONFIG))
    # opp (600) exceeds dev (200) but not key (800): one finding, against dev.
    # maint (150) exceeds nobody of priority 1-2.
    assert [
        (i.account_id, i.priority, i.amount, i.other_id, i.other_priority, i.other_amount) for i in found
    ] == [("opp", 4, 600.0, "dev", 1, 200.0)]


def test_the_finding_names_the_least_committed_high_priority_account_once() -> None:
    accounts = [
        _account("dev-a", 1, [hours(300, 300)]),
        _account("dev-b", 1, [hours(100, 100)]),
        _account("key", 2, [hours(250, 250)]),
        _account("opp", 4, [hours(400, 400)]),
    ]
    found = inversions(portfolio_resources(accounts, CONFIG))
    # opp exceeds all three; named once, against the one with the least (dev-b, 100).
    assert [(i.account_id, i.other_id, i.other_amount) for i in found] == [("opp", "dev-b", 100.0)]


def test_committed_counts_not_needed_and_uncommitted_is_zero() -> None:
    accounts = [
        _account("dev", 1, [hours(900, None)]),  # needs a lot, nothing committed yet
        _account("opp", 4, [hours(50, 50)]),
    ]
    found = inversions(portfolio_resources(accounts, CONFIG))
    assert [(i.account_id, i.amount, i.other_id, i.other_amount) for i in found] == [
        ("opp", 50.0, "dev", 0.0)
    ]


def test_budgets_in_different_currencies_are_not_compared() -> None:
    budget = {"function": "marketing", "unit": "budget", "needed": 10_000, "committed": 10_000}
    accounts = [
        _account("dev", 1, [{**budget, "committed": 5_000}]),
        _account("opp", 4, [budget], currency="EUR"),
    ]
    assert inversions(portfolio_resources(accounts, CONFIG)) == []
    same = [_account("dev", 1, [{**budget, "committed": 5_000}]), _account("opp", 4, [budget])]
    assert [i.account_id for i in inversions(portfolio_resources(same, CONFIG))] == ["opp"]


def test_lines_count_in_the_latest_year_named_and_lines_without_a_year_in_every_year() -> None:
    accounts = [
        _account("dev", 1, [hours(500, 500, year=2026), hours(100, 100, year=2025)]),
        _account("opp", 4, [hours(300, 300, year=2025), hours(50, 50)]),
    ]
    rows = {r.account_id: r for r in portfolio_resources(accounts, CONFIG)}
    # Latest year named: 2026. dev: 500 (2026 only); opp: 50 (no year → every year).
    assert rows["dev"].committed[ResourceUnit.hours] == 500
    assert rows["opp"].committed[ResourceUnit.hours] == 50
    assert inversions(list(rows.values())) == []
    rows_2025 = {r.account_id: r for r in portfolio_resources(accounts, CONFIG, 2025)}
    # 2025: dev 100, opp 300 + 50 = 350 → an inversion.
    assert rows_2025["opp"].committed[ResourceUnit.hours] == 350
    assert [i.other_amount for i in inversions(list(rows_2025.values()))] == [100.0]


def test_port106_is_a_located_portfolio_finding_in_both_languages() -> None:
    accounts = [_account("dev", 1, [hours(200, 200)]), _account("opp", 4, [hours(600, 600)])]
    paths = {"dev": "accounts/dev.yaml", "opp": "accounts/opp.yaml"}
    for lang, text in (
        ("en", "opp (priority 4) has 600 hours committed, more than dev (priority 1, 200 hours)"),
        ("nb", "opp (prioritet 4) har 600 timer forpliktet, mer enn dev (prioritet 1, 200 timer)"),
    ):
        found = [d for d in portfolio_checks(accounts, CONFIG, paths, lang) if d.code == "PORT106"]
        assert len(found) == 1
        assert found[0].path == "accounts/opp.yaml"
        assert found[0].field == "resources"
        assert found[0].message.startswith(text)


def test_amounts_read_in_each_language() -> None:
    assert amount_text(1.5, ResourceUnit.people, "NOK", "nb") == "1,5 personer"
    assert amount_text(1, ResourceUnit.people, "NOK", "en") == "1 person"
    assert amount_text(1200, ResourceUnit.hours, "NOK", "en") == "1,200 hours"
    assert amount_text(1200, ResourceUnit.hours, "NOK", "nb") == "1\u00a0200 timer"


def test_measures_shows_resources_against_priority_over_the_examples(kamctl: Any) -> None:
    from tests.conftest import example_measures

    doc = example_measures(kamctl, "--table", "resources")
    tables = doc["tables"]
    assert isinstance(tables, dict)
    rows = {r["id"]: r for r in tables["resources"]}
    # examples/accounts: havbris 1200 h + 2 people, nordmelk 900 h, polarnett 600 h
    # + 150 000 budget, tromsø 300 h (all 2026, all committed).
    assert rows["havbris-sjomat"]["hours_committed"] == 1200
    assert rows["havbris-sjomat"]["people_needed"] == 2
    assert rows["polarnett"]["budget_committed"] == 150_000
    assert [r["id"] for r in tables["resources"]] == [
        "polarnett",
        "havbris-sjomat",
        "nordmelk",
        "tromso-fiskeindustri",
    ]
    # Priority 1 before 2 before 3, as the KAISM matrix of the examples places them.
    assert [r["priority"] for r in tables["resources"]] == [1, 2, 2, 3]


def test_the_internal_plan_shows_resources_with_the_gap_and_the_customer_copy_leaves_them_out(
    kamctl: Any, tmp_path: Any
) -> None:
    plan = tmp_path / "acme.yaml"
    plan.write_text(
        "id: acme\nname: Acme AS\nresources:\n"
        "  - {function: teknisk support, unit: hours, year: 2026, needed: 400, committed: 250, committed_by: Per}\n"
        "  - {function: logistikk, unit: people, needed: 1.5}\n",
        encoding="utf-8",
    )
    run = kamctl("render", "-f", "md", "--lang", "nb", "--as-of", "2026-11-24", "-o", tmp_path / "in", plan)
    assert run.exit_code in (0, 1), run.stderr
    text = (tmp_path / "in" / "acme.md").read_text(encoding="utf-8")
    # 400 − 250 = 150 hours short; nothing committed of 1,5 people → 1,5 short.
    assert "| teknisk support | 2026 | 400 timer | 250 timer | 150 timer | Per |  |" in text
    assert "| logistikk |  | 1,5 personer |  | 1,5 personer |  |  |" in text
    run = kamctl(
        "render", "-f", "md", "--lang", "nb", "--audience", "customer", "--as-of", "2026-11-24",
        "-o", tmp_path / "out", plan,
    )  # fmt: skip
    assert run.exit_code in (0, 1), run.stderr
    customer = (tmp_path / "out" / "acme.md").read_text(encoding="utf-8")
    assert "teknisk support" not in customer and "Interne ressurser" not in customer
