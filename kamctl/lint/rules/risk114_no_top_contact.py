"""RISK114 no-top-contact: nobody at the customer's top management.

What it checks
    At least one stakeholder has ``level: top``. A plan without stakeholders
    is RISK111's.

Why
    DOMAIN §5 and §7: coverage should reach top management; decisions that
    end a supplier relationship are taken there, and a contact at that level
    is how you hear of them in time.

Options
    None.

Where
    At the value of ``stakeholders``.

PASS::

    stakeholders:
      - name: Kjetil Sandvik
        level: top

FAIL::

    stakeholders:                 # RISK114: levels middle, unknown
      - name: Kjetil Sandvik
        level: middle
      - name: Heidi Fossum

Instead
    Find the way to the customer's management — through your own management,
    a QBR or a joint project — and record the person with ``level: top``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK114"
NAME = "no-top-contact"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "Someone at the customer's top management is a contact.",
    "nb": "Vi har kontakt med noen i kundens toppledelse.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "no_top": {
        "en": "no contact at top management (levels: {levels})",
        "nb": "ingen kontakt i toppledelsen (nivåer: {levels})",
    },
    "unknown": {"en": "unknown", "nb": "ukjent"},
}


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.account import OrgLevel

    people = ctx.account.stakeholders
    if not people or any(p.level is OrgLevel.top for p in people):
        return
    levels = ", ".join(p.level.value if p.level else ctx.say(MESSAGES, "unknown") for p in people)
    yield ctx.about(("stakeholders",), ctx.say(MESSAGES, "no_top", levels=levels))
