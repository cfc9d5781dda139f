"""A plan marked ``status: draft`` can be committed while it is being written.

Why: ``kamctl new`` writes a skeleton that validates but lacks every section,
and init's pre-commit hook runs ``kamctl lint``. Before this, the first commit
of a new plan was blocked by 16 KAM101 errors, though the README says a plan
starts small and grows. So a draft's *completeness* findings — what a plan
still lacks, not what it says wrong — are warnings: the commit passes, and CI
and ``kamctl lint`` still list every one of them (``--fail-on warning``
makes CI strict again). Findings about wrong content (a stale classification,
an invalid file) stay errors in a draft.

Why a field and not a date: a plan is finished when its team says so, not
after a fixed number of days; ``status: active`` (or deleting the line) makes
every finding count again. Plans without ``status`` are active, so nothing
changes for existing files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kamctl.diagnostics import Severity

if TYPE_CHECKING:
    from kamctl.account import Account

COMPLETENESS = frozenset({"KAM101", "KAM102", "KAM105", "KAM107", "KAM114"})
"""The error-level rules that judge what a plan lacks (sections, numeric goals,
action owners and dates, opportunity values, KAISM scores)."""


def draft_severity(account: Account, rule_id: str, severity: Severity) -> Severity:
    """``severity``, lowered to a warning for a completeness rule on a draft plan."""
    from kamctl.account import PlanStatus

    if severity is Severity.error and rule_id in COMPLETENESS and account.status is PlanStatus.draft:
        return Severity.warning
    return severity
