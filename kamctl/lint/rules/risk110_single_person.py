"""RISK110 single-person: the relationship rests on one person at the customer.

What it checks
    ``stakeholders`` lists more than one person.

Why
    DOMAIN §5 and §7: a relationship held by one person on either side is a
    risk — when that person changes job, falls ill or turns critical, the
    account has no other way in.

Options
    None.

Where
    At the value of the only stakeholder's ``name``.

PASS::

    stakeholders:
      - name: Kjetil Sandvik
      - name: Heidi Fossum

FAIL::

    stakeholders:
      - name: Kjetil Sandvik      # RISK110: the only person
        title: Innkjøpssjef

Instead
    Map and meet more people at the customer: finance, operations, top
    management (DOMAIN §5 lists the coverage to aim for).
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._text import who

ID = "RISK110"
NAME = "single-person"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The relationship rests on more than one person at the customer.",
    "nb": "Relasjonen hviler på flere enn én person hos kunden.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "one_person": {
        "en": "the relationship rests on one person at the customer: {who}",
        "nb": "relasjonen hviler på én person hos kunden: {who}",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    people = ctx.account.stakeholders
    if len(people) == 1:
        yield ctx.about(("stakeholders", 0, "name"), ctx.say(MESSAGES, "one_person", who=who(people[0])))
