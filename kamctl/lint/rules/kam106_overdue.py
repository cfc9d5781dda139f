"""KAM106 action-overdue: no open action is past its due date.

What it checks
    An action whose ``due`` date is before today (``--as-of``) while its
    ``status`` is ``planned``, ``in_progress`` or not set.

Why
    DOMAIN §7 lists overdue actions among the account-level risk signs, and
    "never losing focus" (§8, seed 003) is what an overdue list measures. An
    overdue action is either not done (say so: move the date) or done and not
    recorded (set ``status: done``).

Options
    None; ``--as-of`` sets today.

Where
    At the action's ``due:`` key.

PASS::

    actions:                      # as of 2026-11-24
      - action: Vinn/tap-analyse strekkfilm
        owner: Ingrid Solberg
        due: 2026-05-15
        status: done

FAIL::

    actions:                      # as of 2026-11-24
      - action: Ny prisavtale
        owner: Magnus Haugen
        due: 2026-03-31           # KAM106: 238 days overdue
        status: planned

Instead
    Do it, or record what happened: ``status: done``, ``status: cancelled``,
    or a new ``due`` date agreed with the owner.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM106"
NAME = "action-overdue"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "No open action is past its due date.",
    "nb": "Ingen åpen aktivitet har passert fristen.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "overdue": {
        "en": "action {name} was due {due} ({days} ago) and is still {status}",
        "nb": "aktiviteten {name} hadde frist {due} (for {days} siden) og har fortsatt status «{status}»",
    },
    "overdue_no_status": {
        "en": "action {name} was due {due} ({days} ago) and has no status",
        "nb": "aktiviteten {name} hadde frist {due} (for {days} siden) og har ingen status",
    },
    "status.planned": {"en": "planned", "nb": "planlagt"},
    "status.in_progress": {"en": "in_progress", "nb": "pågår"},
}


def check(ctx: Context) -> Iterator[Hit]:
    for i, action in enumerate(ctx.account.actions):
        if action.due is None or not action.is_overdue(ctx.as_of):
            continue
        facts = {"name": ctx.quote(action.action), "due": action.due.isoformat()}
        facts["days"] = ctx.days((ctx.as_of - action.due).days)
        if action.status is None:
            text = ctx.say(MESSAGES, "overdue_no_status", **facts)
        else:
            status = ctx.say(MESSAGES, f"status.{action.status.value}")
            text = ctx.say(MESSAGES, "overdue", status=status, **facts)
        yield ctx.hit(("actions", i, "due"), text)
