"""Win/loss reviews: reasons from a configurable list (KAM125) and their sum
over the portfolio (issue 14 item 4; DOMAIN §8)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kamctl.account import Account
from kamctl.config import Config
from kamctl.lint.runner import lint_file
from kamctl.winloss import win_loss_summary

AS_OF = dt.date(2026, 11, 24)


def _deal(name: str, status: str, value: float, reason: str | None = None, **review: Any) -> dict[str, Any]:
    deal: dict[str, Any] = {"name": name, "status": status, "value": value, "closed": "2026-05-01"}
    if reason is not None or review:
        deal["win_loss"] = {"date": "2026-05-10", **({"reason": reason} if reason else {}), **review}
    return deal


def _account(id: str, *deals: dict[str, Any], currency: str | None = None) -> Account:
    data: dict[str, Any] = {"id": id, "name": id.title(), "opportunities": list(deals)}
    if currency:
        data["currency"] = currency
    return Account.model_validate(data)


def test_reasons_are_summed_across_accounts_lost_first() -> None:
    accounts = [
        _account(
            "a",
            _deal("a1", "lost", 1_000_000, "price", competitor="Rival"),
            _deal("a2", "won", 500_000, "relationship"),
        ),
        _account(
            "b", _deal("b1", "lost", 2_000_000, "price", competitor="Rival"), _deal("b2", "lost", 300_000)
        ),
        _account(
            "c", _deal("c1", "lost", 400_000, "price", competitor="Other"), _deal("c2", "open", 9_999_999)
        ),
    ]
    s = win_loss_summary(accounts, "NOK")
    # lost/price: a1 + b1 + c1 = 3 deals, 3 400 000; lost/not reviewed: b2; won/relationship: a2.
    assert [(r.outcome, r.reason, r.deals, r.value, r.accounts, r.competitors) for r in s.rows] == [
        ("lost", "price", 3, 3_400_000.0, ("a", "b", "c"), ("Rival", "Other")),
        ("lost", None, 1, 300_000.0, ("b",), ()),
        ("won", "relationship", 1, 500_000.0, ("a",), ()),
    ]
    assert (s.won, s.lost, s.reviewed) == (1, 4, 4)


def test_foreign_currency_deals_are_counted_but_their_value_left_out() -> None:
    accounts = [
        _account("nok", _deal("n", "lost", 100, "price")),
        _account("eur", _deal("e", "lost", 50, "price"), currency="EUR"),
    ]
    s = win_loss_summary(accounts, "NOK")
    assert [(r.deals, r.value) for r in s.rows] == [(2, 100.0)]
    assert s.left_out == ["eur"]


def test_since_keeps_only_deals_closed_on_or_after_it() -> None:
    accounts = [
        _account(
            "a",
            _deal("old", "lost", 1, "price"),
            {**_deal("new", "won", 2, "timing"), "closed": "2026-09-01"},
        )
    ]
    s = win_loss_summary(accounts, "NOK", since=dt.date(2026, 6, 1))
    assert [(r.reason, r.deals) for r in s.rows] == [("timing", 1)]


def _lint_codes(tmp_path: Any, text: str, config: Config) -> list[tuple[int, str]]:
    path = tmp_path / "acme.yaml"
    path.write_text(text, encoding="utf-8")
    return [
        (d.line, d.message) for d in lint_file(str(path), config, AS_OF).diagnostics if d.code == "KAM125"
    ]


PLAN = """id: acme
name: Acme AS
opportunities:
  - name: Strekkfilm
    status: lost
    closed: 2026-03-31
    win_loss:
      date: 2026-04-10
      reason: pris
"""


def test_the_reason_list_is_the_teams_own(tmp_path: Any) -> None:
    # Default list: "pris" is not in it (the default reasons are English codes).
    found = _lint_codes(tmp_path, PLAN, Config())
    assert [line for line, _ in found] == [9]
    assert "'pris'" in found[0][1] and "'Strekkfilm'" in found[0][1]
    # A team that writes its reasons in Norwegian lists them; then "pris" passes.
    assert (
        _lint_codes(
            tmp_path, PLAN, Config.model_validate({"lint": {"win_loss_reasons": ["pris", "relasjon"]}})
        )
        == []
    )
    # An empty list accepts any reason.
    assert _lint_codes(tmp_path, PLAN, Config.model_validate({"lint": {"win_loss_reasons": []}})) == []


def test_a_near_miss_gets_a_suggestion(tmp_path: Any) -> None:
    found = _lint_codes(tmp_path, PLAN.replace("reason: pris", "reason: prise"), Config())
    assert found and found[0][1].endswith("did you mean 'price'?")


def test_measures_sums_the_examples_reasons(kamctl: Any) -> None:
    from tests.conftest import example_measures

    doc = example_measures(kamctl, "--lang", "en")
    tables = doc["tables"]
    assert isinstance(tables, dict)
    rows = [(r["outcome"], r["reason"], r["deals"], r["value"]) for r in tables["win_loss"]]
    # examples/accounts: lost on price — nordmelk (Strekkfilm alle meierier,
    # 1 800 000) and sørlandet-frukt (2 000 000) = 3 800 000; won on relationship —
    # havbris (lagerhotell 6 200 000); won on delivery — polarnett.
    assert rows[0] == ("lost", "price", 2, 3_800_000)
    assert ("won", "relationship", 1, 6_200_000) in rows
    assert {r[1] for r in rows} == {"price", "relationship", "delivery"}


def test_the_report_sums_the_reasons_across_the_portfolio(kamctl: Any, tmp_path: Any) -> None:
    from tests.conftest import EXAMPLES

    out = tmp_path / "out"
    run = kamctl(
        "report",
        "--as-of",
        "2026-11-24",
        "--config",
        EXAMPLES / "kamctl.toml",
        EXAMPLES / "accounts",
        "--format",
        "md",
        "--output",
        out,
    )
    assert run.exit_code in (0, 1), run.stderr
    text = (out / "index.md").read_text(encoding="utf-8")
    section = text.split("## Vinn/tap-årsaker i porteføljen", 1)[1].split("\n## ", 1)[0]
    # Same figures as measures' table: lost on price twice (1 800 000 + 2 000 000),
    # in Norwegian labels; then the wins.
    assert (
        "| tapt | pris | 2 | 3\u00a0800\u00a0000\u00a0kr | nordmelk, sorlandet-frukt | Smurfit Westrock Norge |"
        in section
    )
    assert "| vunnet | relasjon | 1 | 6\u00a0200\u00a0000\u00a0kr | havbris-sjomat |" in section
