"""Plan health at a glance: one row per account, every number traceable.

- **completeness**: the share of the plan checks (KAM1xx rules) that apply to
  the account's profile, are turned on for its file, and passed. A check
  passes when the rule has no finding (a finding suppressed inline counts as
  passed: the team decided). ``passed / applicable × 100``; the checks
  behind it are listed by ``kamctl status --explain`` and in the JSON.
- **review age**: days from ``review.reviewed`` to the as-of date.
- **contact age**: days from the latest ``last_contact`` with a *key person*
  (a decision maker, or anyone with ``influence: high``) to the as-of date.
- **coverage** (0–3): 0 no contacts; 1 contacts but no decision maker;
  2 decision makers, none supportive; 3 a supportive decision maker
  (stance +1 or higher).
- **findings**: the lint findings by severity.

Each column gets a band, green/amber/red, by ``[lint.status]`` thresholds;
a number that is unknown (never reviewed, no key person) is red.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kamctl.diagnostics import Severity
from kamctl.kaism import round_half_up

from .runner import FAIL, PASS, SUPPRESSED, Outcome

if TYPE_CHECKING:
    from kamctl.config import LintConfig

GREEN, AMBER, RED = "green", "amber", "red"


@dataclass
class AccountStatus:
    path: str
    account: str | None
    name: str | None
    profile: str | None
    valid: bool
    completeness: float | None
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    review_days: int | None = None
    contact_days: int | None = None
    coverage: int | None = None
    errors: int = 0
    warnings: int = 0
    info: int = 0
    bands: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "account": self.account,
            "name": self.name,
            "profile": self.profile,
            "valid": self.valid,
            "completeness": None if self.completeness is None else round_half_up(self.completeness, 1),
            "checks": {"passed": self.passed, "failed": self.failed},
            "review_days": self.review_days,
            "contact_days": self.contact_days,
            "coverage": self.coverage,
            "findings": {"errors": self.errors, "warnings": self.warnings, "info": self.info},
            "bands": self.bands,
        }


def _band_high(value: float | None, green: float, amber: float) -> str:
    if value is None:
        return RED
    return GREEN if value >= green else AMBER if value >= amber else RED


def _band_low(value: float | None, green: float, amber: float) -> str:
    from kamctl.lint.rules.kam131_date_in_future import SLACK_DAYS

    # A date ahead of today is a typo (KAM131), not a fresh plan: -13082 days
    # was shown green.
    if value is None or value < -SLACK_DAYS:
        return RED
    return GREEN if value <= green else AMBER if value <= amber else RED


def account_status(outcome: Outcome, cfg: LintConfig, as_of: _dt.date) -> AccountStatus:
    diags = outcome.diagnostics
    counts = {s: sum(1 for d in diags if d.severity is s) for s in Severity}
    facts = outcome.facts
    if facts is None:
        return AccountStatus(
            path=outcome.path,
            account=None,
            name=None,
            profile=None,
            valid=False,
            completeness=None,
            errors=counts[Severity.error],
            warnings=counts[Severity.warning],
            info=counts[Severity.info],
            bands={"completeness": RED, "review": RED, "contact": RED, "coverage": RED, "findings": RED},
        )
    passed = [rid for rid, state in outcome.checks.items() if state in (PASS, SUPPRESSED)]
    failed = [rid for rid, state in outcome.checks.items() if state == FAIL]
    judged = len(passed) + len(failed)
    completeness = 100.0 * len(passed) / judged if judged else None
    review_days = (as_of - facts.reviewed).days if facts.reviewed else None
    contact_days = (as_of - facts.key_contact).days if facts.key_contact else None
    cov = facts.coverage
    t = cfg.status
    findings_band = GREEN
    if counts[Severity.error]:
        findings_band = RED
    elif counts[Severity.warning]:
        findings_band = AMBER
    return AccountStatus(
        path=outcome.path,
        account=facts.id,
        name=facts.name,
        profile=facts.profile,
        valid=True,
        completeness=completeness,
        passed=passed,
        failed=failed,
        review_days=review_days,
        contact_days=contact_days,
        coverage=cov,
        errors=counts[Severity.error],
        warnings=counts[Severity.warning],
        info=counts[Severity.info],
        bands={
            "completeness": _band_high(completeness, t.completeness_green, t.completeness_amber),
            "review": _band_low(review_days, t.review_green_days, t.review_amber_days),
            "contact": _band_low(contact_days, t.contact_green_days, t.contact_amber_days),
            "coverage": _band_high(cov, t.coverage_green, t.coverage_amber),
            "findings": findings_band,
        },
    )


def portfolio_status(outcomes: Sequence[Outcome], cfg: LintConfig, as_of: _dt.date) -> list[AccountStatus]:
    rows = [account_status(o, cfg, as_of) for o in outcomes]
    return sorted(rows, key=lambda r: (r.account is None, r.account or r.path))
