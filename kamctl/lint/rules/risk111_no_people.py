"""RISK111 no-people: no people at the customer are recorded.

What it checks
    ``stakeholders`` lists at least one person.

Why
    DOMAIN §5 and §7: the power map is where relationship risks show; a plan
    without people cannot show any, so its risk picture is empty, not clean.

Options
    None.

Where
    The whole file (the section is missing or empty).

PASS::

    stakeholders:
      - name: Kjetil Sandvik

FAIL::

    stakeholders: []              # RISK111: nobody at the customer

Instead
    Record the people you deal with, with role, level and stance.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK111"
NAME = "no-people"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "At least one person at the customer is recorded.",
    "nb": "Minst én person hos kunden er registrert.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "no_people": {
        "en": "no people at the customer recorded (section 'stakeholders')",
        "nb": "ingen personer hos kunden registrert (seksjonen «stakeholders»)",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    if not ctx.account.stakeholders:
        yield ctx.about((), ctx.say(MESSAGES, "no_people"))
