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
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM105"
NAME = "action-incomplete"
SEVERITY = Severity.error
SUMMARY = {
    "en": "Every action has an owner, a due date and a status.",
    "nb": "Alle aktiviteter har ansvarlig, frist og status.",
}
PROFILES = ("full", "light")

FIELDS = ("owner", "due", "status")
MESSAGES: Messages = {
    "missing": {"en": "action {name} has no {missing}", "nb": "aktiviteten {name} mangler {missing}"},
    "field.owner": {"en": "owner", "nb": "ansvarlig (owner)"},
    "field.due": {"en": "due", "nb": "frist (due)"},
    "field.status": {"en": "status", "nb": "status"},
}


def check(ctx: Context) -> Iterator[Hit]:
    for i, action in enumerate(ctx.account.actions):
        missing = [ctx.say(MESSAGES, f"field.{f}") for f in FIELDS if getattr(action, f) in (None, "")]
        if missing:
            text = ctx.say(
                MESSAGES, "missing", name=ctx.quote(action.action), missing=ctx.join(missing, "nor")
            )
            yield ctx.hit(("actions", i), text)
