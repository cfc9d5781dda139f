"""KAM111 stale-contact: every contact touched within N days.

What it checks
    Each stakeholder's ``last_contact`` is within ``stale_contact_days``
    (default 90) of today (``--as-of``), and is recorded at all.

Why
    DOMAIN §4 and §7: the commonest cause of losing a key account is "not
    staying close over time" (seed 003); contact that goes stale is a risk.
    Ninety days is one quarter — one QBR cycle without a word.

Options
    ``[lint] stale_contact_days = 90``

Where
    At the stakeholder's ``last_contact:`` key, or the stakeholder's entry
    when no date is recorded.

PASS::

    stakeholders:                 # as of 2026-11-24
      - name: Kjetil Sandvik
        last_contact: 2026-11-16

FAIL::

    stakeholders:                 # as of 2026-11-24
      - name: Kjetil Sandvik
        last_contact: 2026-04-02  # KAM111: 236 days ago
      - name: Heidi Fossum        # KAM111: no last_contact

Instead
    Meet, call or write — and update ``last_contact``. If the person no
    longer matters, remove them from the map.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM111"
NAME = "stale-contact"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "Every contact has been touched within stale_contact_days (default 90).",
    "nb": "Vi har hatt kontakt med hver kontaktperson de siste stale_contact_days dagene (standard 90).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "no_date": {
        "en": "no last_contact recorded for {name}",
        "nb": "ingen siste kontakt (last_contact) registrert for {name}",
    },
    "stale": {
        "en": "last contact with {name} was {days} ago ({date}; limit {limit})",
        "nb": "siste kontakt med {name} var for {days} siden ({date}; grensen er {limit} dager)",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    limit = ctx.config.lint.stale_contact_days
    for i, person in enumerate(ctx.account.stakeholders):
        if person.last_contact is None:
            yield ctx.hit(("stakeholders", i), ctx.say(MESSAGES, "no_date", name=person.name))
            continue
        days = (ctx.as_of - person.last_contact).days
        if days > limit:
            yield ctx.hit(
                ("stakeholders", i, "last_contact"),
                ctx.say(
                    MESSAGES,
                    "stale",
                    name=person.name,
                    days=ctx.days(days),
                    date=person.last_contact.isoformat(),
                    limit=limit,
                ),
            )
