"""`kamctl measures`: the figures worked out by hand in examples/README.md
("Measures, by hand"), the goal statuses, and the formats.

"Today" is 2026-11-24 and the year 2025 (the examples' config), as in examples/README.md.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Callable
from typing import Any

import pytest

from kamctl.account import Account
from kamctl.measures import goal_status
from tests.conftest import EXAMPLES, Run

BASE = ("--as-of", "2026-11-24", "--config", EXAMPLES / "kamctl.toml", EXAMPLES / "accounts")
Kamctl = Callable[..., Run]


def _json(kamctl: Kamctl, *args: str) -> dict[str, Any]:
    run = kamctl("measures", *BASE, "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert isinstance(doc, dict)
    return doc


@pytest.fixture(scope="module")
def rows() -> dict[str, dict[str, Any]]:
    from typer.testing import CliRunner

    from kamctl.cli import app

    result = CliRunner().invoke(app, ["measures", *map(str, BASE), "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    import json

    return {r["id"]: r for r in json.loads(result.stdout)["tables"]["accounts"]}


# Expected values: examples/README.md, "Measures, by hand".
@pytest.mark.parametrize(
    ("account", "key", "expected"),
    [
        ("nordmelk", "revenue_change", 1_450_000),
        ("nordmelk", "revenue_change_pct", 4.87),
        ("nordmelk", "gross_margin_change", 350_000),
        ("nordmelk", "gross_margin_change_pct", 4.90),
        ("nordmelk", "share_of_wallet", 58.41),
        ("nordmelk", "share_of_wallet_trend", 1.10),
        ("nordmelk", "our_dependence", 13.97),
        ("havbris-sjomat", "revenue_change", 7_700_000),
        ("havbris-sjomat", "revenue_change_pct", 8.68),
        ("havbris-sjomat", "gross_margin_change", 2_200_000),
        ("havbris-sjomat", "gross_margin_change_pct", 9.73),
        ("havbris-sjomat", "share_of_wallet", 73.59),
        ("havbris-sjomat", "share_of_wallet_trend", 2.06),
        ("havbris-sjomat", "our_dependence", 43.10),
    ],
)
def test_hand_worked_figures(
    rows: dict[str, dict[str, Any]], account: str, key: str, expected: float
) -> None:
    assert rows[account][key] == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize(
    ("account", "expected"),
    [
        # due, done, done %, on time, contacts, strong, supportive decision makers, satisfaction, NPS, renewal
        ("nordmelk", (1, 1, 100.0, 1, 5, 2, 1, 8.1, 38, 95.0)),
        ("havbris-sjomat", (1, 1, 100.0, 0, 5, 3, 1, 8.6, 52, 100.0)),
    ],
)
def test_actions_and_relationships(
    rows: dict[str, dict[str, Any]], account: str, expected: tuple[Any, ...]
) -> None:
    keys = (
        "actions_due",
        "actions_done",
        "actions_done_pct",
        "actions_on_time",
        "contacts",
        "strong_relationships",
        "supportive_decision_makers",
        "satisfaction",
        "nps",
        "renewal_rate",
    )
    assert tuple(rows[account][k] for k in keys) == expected


def test_goal_statuses_of_the_examples(kamctl: Kamctl) -> None:
    goals = _json(kamctl)["tables"]["goals"]
    got = {
        (g["account"], g["goal"]): g["status"]
        for g in goals
        if g["account"] in ("nordmelk", "havbris-sjomat")
    }
    assert got[("nordmelk", "Omsetning 2026")] == "no_data"
    assert got[("nordmelk", "Leveringspresisjon")] == "not_measurable"
    assert got[("nordmelk", "Vinne emballasjen til den nye pakkelinjen i Verdal")] == "not_started"
    assert got[("havbris-sjomat", "Omsetning 2026 i tråd med felles budsjett")] == "on_track"
    margin = next(g for g in goals if g["goal"] == "Bruttomargin over 25 %")
    # 26 500 000 / 103 000 000 = 25.73 % of revenue, from the 2026 budget row.
    assert margin["status"] == "on_track"
    assert margin["actual"] == pytest.approx(25.73, abs=0.005)
    assert margin["forecast"] is True


def _account(rows: list[dict[str, Any]], goal: dict[str, Any]) -> Account:
    return Account.model_validate(
        {"id": "x", "name": "X", "financials": rows, "goals": {"operational": [goal]}}
    )


GOAL = {"goal": "Omsetning", "metric": "revenue", "target": 1000, "due": "2026-12-31"}


@pytest.mark.parametrize(
    ("rows", "goal", "today", "status"),
    [
        # Before the goal's year begins: not judged.
        ([{"year": 2026, "revenue": 2000}], GOAL, "2025-12-31", "not_started"),
        # Actuals reach the target (even before the due date): met.
        ([{"year": 2026, "revenue": 1000}], GOAL, "2026-06-01", "met"),
        # Actuals short of it, due date passed: missed.
        ([{"year": 2026, "revenue": 999}], GOAL, "2027-01-01", "missed"),
        # Short, but the year is still running: on track.
        ([{"year": 2026, "revenue": 400}], GOAL, "2026-06-01", "on_track"),
        # The year's forecast (budget row) falls short: behind.
        ([{"year": 2026, "revenue": 900, "budget": True}], GOAL, "2026-06-01", "behind"),
        # No figure for the year while it runs: no data; after the due date: missed.
        ([{"year": 2025, "revenue": 5000}], GOAL, "2026-06-01", "no_data"),
        ([{"year": 2025, "revenue": 5000}], GOAL, "2027-02-01", "missed"),
        # Share of wallet in percent: 300 / 1000 = 30 % ≥ 30.
        (
            [{"year": 2026, "revenue": 300, "category_spend": 1000}],
            {**GOAL, "metric": "share_of_wallet", "target": 30},
            "2026-06-01",
            "met",
        ),
        ([{"year": 2026, "revenue": 300}], {**GOAL, "metric": "sites"}, "2026-06-01", "not_measurable"),
    ],
)
def test_goal_status_rules(rows: list[dict[str, Any]], goal: dict[str, Any], today: str, status: str) -> None:
    account = _account(rows, goal)
    assert account.goals is not None
    _, _, got = goal_status(account, account.goals.operational[0], _dt.date.fromisoformat(today))
    assert got == status


def test_portfolio_is_like_for_like(kamctl: Kamctl, tmp_path: Any) -> None:
    # a grows 100 → 150; b is new in 2025 (no 2024 row) and must not count as growth.
    acc = tmp_path / "acc"
    acc.mkdir()
    (acc / "a.yaml").write_text(
        "id: a\nname: A\nfinancials:\n  - {year: 2024, revenue: 100, gross_margin: 10}\n"
        "  - {year: 2025, revenue: 150, gross_margin: 20}\n",
        encoding="utf-8",
    )
    (acc / "b.yaml").write_text(
        "id: b\nname: B\nfinancials:\n  - {year: 2025, revenue: 850}\n", encoding="utf-8"
    )
    run = kamctl("measures", acc, "--year", "2025", "--format", "json", "--as-of", "2026-01-01")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert isinstance(doc, dict)
    p = doc["tables"]["portfolio"][0]
    assert (p["revenue"], p["revenue_prev"], p["revenue_change_pct"]) == (150, 100, 50.0)
    assert p["gross_margin_change_pct"] == 100.0
    by_id = {r["id"]: r for r in doc["tables"]["accounts"]}
    # Our dependence: 150 / (150 + 850) = 15 %, 850 / 1000 = 85 %.
    assert (by_id["a"]["our_dependence"], by_id["b"]["our_dependence"]) == (15.0, 85.0)


def test_csv_table_and_unknown_table(kamctl: Kamctl) -> None:
    run = kamctl("measures", *BASE, "--format", "csv", "--table", "goals")
    assert run.exit_code == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert {"account", "goal", "target", "actual", "status"} <= set(rows[0])
    bad = kamctl("measures", *BASE, "--table", "nope")
    assert bad.exit_code == 2
    assert "accounts, goals, portfolio" in bad.stderr


def test_the_report_shows_the_portfolio_measures_of_kamctl_measures(kamctl: Kamctl, tmp_path: Any) -> None:
    # The report's "Porteføljens måltall" and `kamctl measures --table portfolio`
    # are one computation: the same like-for-like change, shown in words.
    portfolio = _json(kamctl, "--table", "portfolio")["tables"]["portfolio"][0]
    run = kamctl("report", *BASE, "--format", "md", "--output", tmp_path / "out")
    assert run.exit_code in (0, 1), run.stderr
    text = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    section = text.split("## Porteføljens måltall", 1)[1].split("\n## ", 1)[0]
    change = round(portfolio["revenue_change"])
    assert change == 15_700_000  # Σ revenue 2025 − Σ 2024 of the accounts with both years
    assert "**Omsetning mot året før:** +15\u00a0700\u00a0000\u00a0kr (+7,63\u00a0%)" in section
    due, done = portfolio["actions_due"], portfolio["actions_done"]
    assert f"**Forfalte tiltak utført:** {done} av {due}" in section
