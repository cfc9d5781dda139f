"""RISK112 single-owner: every relationship is held by one person on our side.

What it checks
    When every stakeholder has an ``owner``, they are not all the same person.

Why
    DOMAIN §5 and §7: a relationship held by one person on *our* side is as
    fragile as one held by one person at the customer — if the KAM leaves,
    every door closes at once.

Options
    None.

Where
    At the value of the first stakeholder's ``owner``.

PASS::

    stakeholders:
      - {name: Kjetil Sandvik, owner: Kari Nordvik}
      - {name: Heidi Fossum, owner: Ola Berg}

FAIL::

    stakeholders:
      - {name: Kjetil Sandvik, owner: Kari Nordvik}   # RISK112
      - {name: Heidi Fossum, owner: Kari Nordvik}

Instead
    Give other team members their own contacts at the customer (service,
    finance, management) and record them as ``owner``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK112"
NAME = "single-owner"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The relationships are held by more than one person on our side.",
    "nb": "Relasjonene eies av flere enn én person hos oss.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "one_owner": {
        "en": "every relationship at the customer is held by one person on our side: {owner} ({contacts})",
        "nb": "alle relasjonene hos kunden eies av én person hos oss: {owner} ({contacts})",
    },
    "the_only_contact": {"en": "the only contact", "nb": "den eneste kontaktpersonen"},
    "both_contacts": {"en": "both contacts", "nb": "begge kontaktpersonene"},
    "all_contacts": {"en": "all {n} contacts", "nb": "alle {n} kontaktpersonene"},
}


def check(ctx: Context) -> Iterator[Hit]:
    people = ctx.account.stakeholders
    owners = {p.owner.strip() for p in people if p.owner and p.owner.strip()}
    if not people or len(owners) != 1 or not all(p.owner for p in people):
        return
    (owner,) = owners
    if len(people) == 1:
        contacts = ctx.say(MESSAGES, "the_only_contact")
    elif len(people) == 2:  # "both", as people say it, not "all 2"
        contacts = ctx.say(MESSAGES, "both_contacts")
    else:
        contacts = ctx.say(MESSAGES, "all_contacts", n=len(people))
    yield ctx.about(
        ("stakeholders", 0, "owner"), ctx.say(MESSAGES, "one_owner", owner=owner, contacts=contacts)
    )
