"""Band boundaries of plan health (``[lint.status]`` defaults), by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from kamctl.config import LintConfig
from kamctl.lint.runner import FAIL, PASS, Outcome, PlanFacts
from kamctl.lint.status import AccountStatus, account_status

AS_OF = dt.date(2026, 11, 24)


def _status(
    passed: int, failed: int, reviewed: dt.date | None, contact: dt.date | None, coverage: int
) -> AccountStatus:
    checks = {f"KAM{100 + i}": PASS for i in range(1, passed + 1)}
    checks.update({f"KAM{200 + i}": FAIL for i in range(1, failed + 1)})
    facts = PlanFacts("acme", "Acme AS", "full", reviewed, contact, coverage)
    return account_status(Outcome("acme.yaml", None, [], checks, facts), LintConfig(), AS_OF)


@pytest.mark.parametrize(
    ("passed", "failed", "band"),
    [
        (9, 1, "green"),  # 90 % ≥ 90
        (17, 2, "amber"),  # 89.47 %
        (7, 3, "amber"),  # 70 % ≥ 70
        (2, 1, "red"),  # 66.67 %
    ],
)
def test_completeness_band(passed: int, failed: int, band: str) -> None:
    assert _status(passed, failed, None, None, 3).bands["completeness"] == band


@pytest.mark.parametrize(
    ("days", "band"),
    [(183, "green"), (184, "amber"), (365, "amber"), (366, "red"), (None, "red")],
)
def test_review_band(days: int | None, band: str) -> None:
    reviewed = None if days is None else AS_OF - dt.timedelta(days=days)
    row = _status(1, 0, reviewed, None, 3)
    assert row.review_days == days
    assert row.bands["review"] == band


@pytest.mark.parametrize(
    ("days", "band"),
    [(45, "green"), (46, "amber"), (90, "amber"), (91, "red"), (None, "red")],
)
def test_contact_band(days: int | None, band: str) -> None:
    contact = None if days is None else AS_OF - dt.timedelta(days=days)
    assert _status(1, 0, None, contact, 3).bands["contact"] == band


@pytest.mark.parametrize(("coverage", "band"), [(3, "green"), (2, "amber"), (1, "red"), (0, "red")])
def test_coverage_band(coverage: int, band: str) -> None:
    assert _status(1, 0, None, None, coverage).bands["coverage"] == band


def test_no_applicable_checks_is_unknown_not_full_marks() -> None:
    row = _status(0, 0, None, None, 0)
    assert row.completeness is None
    assert row.bands["completeness"] == "red"
