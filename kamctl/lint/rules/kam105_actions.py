"""KAM105 action-incomplete: every action has an owner, a due date and a status.

What it checks
    Each entry under ``actions`` has ``owner``, ``due`` and ``status``
    (planned, in_progress, done or cancelled).

Why
    DOMAIN §6: actions are concrete activities for the next 3–12 months, each
    with an owner, a due date and a status. Without an owner nobody does it;
    without a date it is never late; without a status nobody can measure the
    share of planned actions actually done (§6, measures).

Options
    None.

Where
    At the action's entry.

PASS::

    actions:
      - action: Tilbud på emballasje til Verdal
        owner: Ingrid Solberg
        due: 2027-02-15
        status: planned

FAIL::

    actions:
      - action: Tilbud på emballasje til Verdal   # KAM105: no owner, no status
        due: 2027-02-15

Instead
    Add the missing fields; use ``status: cancelled`` rather than deleting an
    action the team decided against.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, join

ID = "KAM105"
NAME = "action-incomplete"
SEVERITY = Severity.error
SUMMARY = "Every action has an owner, a due date and a status."
PROFILES = ("full", "light")


def check(ctx: Context) -> Iterator[Hit]:
    for i, action in enumerate(ctx.account.actions):
        missing = [f for f in ("owner", "due", "status") if getattr(action, f) in (None, "")]
        if missing:
            yield ctx.hit(("actions", i), f"action {action.action!r} has no {join(missing, 'or')}")
