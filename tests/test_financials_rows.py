"""One financials row per year (and one budget row beside it); budgets are never ranked as actuals."""

from __future__ import annotations

from pathlib import Path

import pytest


def portfolio(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "kamctl.toml").write_text('accounts = "accounts"\nlang = "en"\n')
    (tmp_path / "accounts").mkdir()
    for name, text in files.items():
        (tmp_path / "accounts" / f"{name}.yaml").write_text(text)
    return tmp_path


TWO_2025 = (
    "id: b\nname: B AS\nfinancials:\n  - year: 2025\n    revenue: 100\n  - year: 2025\n    revenue: 1850000\n"
)


def test_two_actual_rows_for_one_year_are_an_error_at_the_second(kamctl, tmp_path: Path) -> None:
    # The first row won silently: ABC used 100 instead of 1 850 000.
    portfolio(tmp_path, {"b": TWO_2025})
    r = kamctl("validate")
    assert r.exit_code == 1
    # Line 6 is the second "  - year: 2025"; the value starts at column 11.
    assert (
        "accounts/b.yaml:6:11: error: financials[1].year: a second row of actual figures for 2025 "
        "(the first is financials[0]); one row per year, and one budget row (budget: true) beside it"
    ) in r.stdout
    r = kamctl("abc", "--format", "json")
    assert r.exit_code != 0  # the file is left out, not analysed with either figure


def test_two_budget_rows_are_an_error_too(kamctl, tmp_path: Path) -> None:
    text = (
        "id: b\nname: B AS\nfinancials:\n"
        "  - year: 2026\n    revenue: 5\n    budget: true\n"
        "  - year: 2026\n    revenue: 6\n    budget: true\n"
    )
    portfolio(tmp_path, {"b": text})
    r = kamctl("validate")
    assert r.exit_code == 1
    assert "accounts/b.yaml:7:11: error: financials[1].year: a second budget row for 2026" in r.stdout


def test_actuals_beside_a_budget_of_the_same_year_rank_as_actuals(kamctl, tmp_path: Path) -> None:
    # The budget row comes first; the ranking must take the actual 100 (first-wins took 1 850 000).
    a = (
        "id: a\nname: A AS\nfinancials:\n"
        "  - year: 2025\n    revenue: 1850000\n    budget: true\n"
        "  - year: 2025\n    revenue: 100\n"
    )
    c = "id: c\nname: C AS\nfinancials:\n  - year: 2025\n    revenue: 300\n"
    portfolio(tmp_path, {"a": a, "c": c})
    assert kamctl("validate").exit_code == 0
    r = kamctl("abc", "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert [(row["id"], row["value"]) for row in r.json()["tables"]["customers"]] == [
        ("c", 300.0),
        ("a", 100.0),
    ]
    r = kamctl("risk", "--format", "json", "--as-of", "2026-01-15")
    assert r.json()["summary"]["total_revenue"] == 400.0


ACTUAL_2026 = "id: c\nname: C AS\nfinancials:\n  - year: 2026\n    revenue: 300\n"
BUDGET_2026 = (
    "id: a\nname: A AS\nfinancials:\n  - year: 2025\n    revenue: 100\n"
    "  - year: 2026\n    revenue: 5000\n    budget: true\n"
)


def test_a_budget_is_not_ranked_beside_actuals_and_is_named(kamctl, tmp_path: Path) -> None:
    portfolio(tmp_path, {"a": BUDGET_2026, "c": ACTUAL_2026})
    r = kamctl("abc", "--year", "2026", "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert [row["id"] for row in r.json()["tables"]["customers"]] == ["c"]
    assert r.json()["summary"]["total"] == 300.0  # not 5 300
    assert (
        "kamctl: only a budget (budget: true) for 2026, and a budget is not ranked as actual figures: a"
    ) in r.stderr


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_year_of_budgets_only_is_nothing_to_rank(kamctl, tmp_path: Path, lang: str) -> None:
    # `abc --year 2026` ranked the budget row as actual revenue, saying so nowhere.
    portfolio(tmp_path, {"a": BUDGET_2026})
    r = kamctl("abc", "--year", "2026", "--lang", lang)
    assert r.exit_code == 2
    assert r.stdout == ""
    expected = {
        "en": "kamctl: no actual revenue for 2026 to rank; years with actual figures: 2025\n",
        "nb": "kamctl: ingen faktiske tall (revenue) for 2026 å rangere; år med faktiske tall: 2025\n",
    }
    assert r.stderr.endswith(expected[lang])


def test_risk_leaves_a_budget_out_of_the_shares(kamctl, tmp_path: Path) -> None:
    portfolio(tmp_path, {"a": BUDGET_2026, "c": ACTUAL_2026})
    r = kamctl("risk", "--year", "2026", "--as-of", "2026-06-01", "--format", "json")
    doc = r.json()
    assert doc["summary"]["total_revenue"] == 300.0
    assert [c["id"] for c in doc["tables"]["customers"]] == ["c"]
    assert "only a budget (budget: true) for 2026" in r.stderr
