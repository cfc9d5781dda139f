"""Portfolio checks: number of key accounts against the 15–35 guide, KAM capacity (DOMAIN §1)."""

from __future__ import annotations

from typing import Any

import pytest

from kamctl.account import Account
from kamctl.checks import portfolio_checks
from kamctl.config import Config, PortfolioConfig
from kamctl.portfolio import analysis_year, figures, kam_load


def accounts(n: int, profile: str = "full", kam: str | None = None, start: int = 0) -> list[Account]:
    return [
        Account.model_validate(
            {"id": f"a{i:03}", "name": f"A{i}", "profile": profile, "kam": kam or f"KAM {i}"}
        )
        for i in range(start, start + n)
    ]


def codes(accs: list[Account], **cfg: Any) -> list[str]:
    config = Config(portfolio=PortfolioConfig(**cfg)) if cfg else Config()
    return sorted(d.code for d in portfolio_checks(accs, config))


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (4, ["PORT101"]),  # below 5: too few (warning)
        (5, ["PORT103"]),  # 5 is on the edge: not a warning, but below the 15–35 guide
        (14, ["PORT103"]),
        (15, []),  # within 15–35
        (35, []),
        (36, ["PORT103"]),
        (50, ["PORT103"]),  # 50 is on the edge
        (51, ["PORT102"]),  # above 50: too many (warning)
    ],
)
def test_key_account_count_against_the_guide(n: int, expected: list[str]) -> None:
    assert codes(accounts(n)) == expected


def test_light_plans_are_not_key_accounts() -> None:
    # 3 full + 20 light: 3 key accounts (< 5) → warning, and the message says so.
    accs = accounts(3) + accounts(20, "light", start=100)
    found = portfolio_checks(accs, Config())
    assert [d.code for d in found] == ["PORT101"]
    assert found[0].message.startswith("3 key accounts (profile full), besides 20 KAM light plans")
    assert found[0].severity.value == "warning"


def test_kam_capacity() -> None:
    # 20 accounts spread 1 per KAM plus 5 held by Magnus; capacity 4 → one finding.
    accs = accounts(20) + accounts(5, kam="Magnus", start=100)
    found = [d for d in portfolio_checks(accs, Config(portfolio=PortfolioConfig(max_accounts_per_kam=4)))]
    assert [d.code for d in found] == ["PORT104"]
    assert found[0].message.startswith("Magnus holds 5 accounts, more than the capacity of 4")
    # Exactly at capacity is fine.
    accs = accounts(20) + accounts(4, kam="Magnus", start=100)
    assert codes(accs, max_accounts_per_kam=4) == []


def test_light_plans_count_towards_kam_load() -> None:
    accs = accounts(15) + accounts(2, kam="Kari", start=100) + accounts(1, "light", kam="Kari", start=200)
    assert kam_load(accs)["Kari"] == ["a100", "a101", "a200"]
    assert codes(accs, max_accounts_per_kam=2) == ["PORT104"]


def test_account_without_kam() -> None:
    accs = [*accounts(15), Account.model_validate({"id": "nobody", "name": "N"})]
    found = portfolio_checks(accs, Config(), {"nobody": "accounts/nobody.yaml"})
    assert [(d.code, d.path) for d in found] == [("PORT105", "accounts/nobody.yaml")]


def fin(id_: str, rows: list[dict[str, Any]]) -> Account:
    return Account.model_validate({"id": id_, "name": id_, "financials": rows})


def test_year_selection() -> None:
    a = fin("a", [{"year": 2024, "revenue": 1}, {"year": 2025, "revenue": 2}])
    b = fin("b", [{"year": 2026, "revenue": 5, "budget": True}])
    # Latest ACTUAL year: 2025 (b's 2026 is a budget).
    assert analysis_year([a, b], None) == 2025
    assert analysis_year([a, b], 2024) == 2024
    # Only budgets: the latest of them.
    assert analysis_year([b], None) == 2026
    assert analysis_year([], None) is None
    items, missing = figures([a, b], 2025)
    assert items == [("a", "a", 2.0)] and missing == ["b"]
