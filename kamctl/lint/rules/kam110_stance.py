"""KAM110 stance-missing: every decision maker has a recorded stance.

What it checks
    Each stakeholder with ``role: decision_maker`` has a ``stance`` on the
    −3..+3 scale (−3 blocker … 0 neutral … +3 advocate).

Why
    DOMAIN §5 (Company X's power map, seed 003): the stance of the people who
    decide is the single most useful thing a power map says; §7 counts a key
    decision maker with a negative stance as an account risk — which kamctl
    can only see if the stance is written down. "Unknown" is itself a
    finding: find out.

Options
    None.

Where
    At the decision maker's entry.

PASS::

    stakeholders:
      - {name: Bjørg Halvorsen, role: decision_maker, level: top, stance: 2}

FAIL::

    stakeholders:
      - {name: Bjørg Halvorsen, role: decision_maker, level: top}   # KAM110

Instead
    Record your honest estimate; ``stance: 0`` (neutral) is a valid answer.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.account import DmuRole
from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM110"
NAME = "stance-missing"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "Every decision maker has a recorded stance (-3..+3).",
    "nb": "Alle beslutningstakere har en registrert holdning (stance, -3..+3).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "missing": {
        "en": "decision maker {name} has no stance (-3 blocker … 0 neutral … +3 advocate)",
        "nb": "beslutningstakeren {name} har ingen registrert holdning "
        "(stance: -3 blokkerer … 0 nøytral … +3 ambassadør)",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    for i, person in enumerate(ctx.account.stakeholders):
        if person.role is DmuRole.decision_maker and person.stance is None:
            yield ctx.hit(("stakeholders", i), ctx.say(MESSAGES, "missing", name=person.name))
