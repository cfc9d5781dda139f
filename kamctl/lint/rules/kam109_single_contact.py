"""KAM109 single-contact: more than one contact at the customer.

What it checks
    ``stakeholders`` lists at least two people. ``full`` profile only: a
    light plan may be a plain buyer–seller relation (§1).

Why
    DOMAIN §5 and §7: a relationship held by one person is a risk — when that
    person leaves, changes role or turns against us, the account goes with
    them. The commonest cause of losing a key account is "not staying close
    over time" (seed 003).

Options
    None.

Where
    At the single stakeholder's entry.

PASS::

    stakeholders:
      - {name: Randi Kvam, role: buyer, level: middle}
      - {name: Per Holm, role: decision_maker, level: top}

FAIL::

    stakeholders:
      - {name: Randi Kvam, role: buyer, level: middle}   # KAM109

Instead
    Build a second relationship, preferably at another level; for a customer
    that does not warrant it, use ``profile: light``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM109"
NAME = "single-contact"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The account has more than one contact at the customer.",
    "nb": "Vi har mer enn én kontaktperson hos kunden.",
}
PROFILES = ("full",)

MESSAGES: Messages = {
    "single": {
        "en": "{name} is the only contact at the customer: the relationship hangs on one person",
        "nb": "{name} er den eneste kontaktpersonen hos kunden: relasjonen henger på én person",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    people = ctx.account.stakeholders
    if len(people) == 1:
        yield ctx.hit(("stakeholders", 0), ctx.say(MESSAGES, "single", name=people[0].name))
