"""RISK113 few-strong: fewer strong relationships than min_strong_relationships.

What it checks
    At least ``[risk] min_strong_relationships`` (default 1) stakeholders
    have ``relationship: strong``. A plan without stakeholders is RISK111's.

Why
    DOMAIN §7: few strong relationships is an account risk. Weak and medium
    relationships do not carry a customer through a price increase, a
    delivery failure or a competitor's offer.

Options
    ``[risk] min_strong_relationships = 1``

Where
    At the value of ``stakeholders``.

PASS::

    stakeholders:
      - name: Kjetil Sandvik
        relationship: strong

FAIL::

    stakeholders:                 # RISK113: 0 strong relationships
      - name: Kjetil Sandvik
        relationship: medium

Instead
    Invest in the relationships that matter most — regular meetings,
    delivering on promises — and record the strength honestly.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK113"
NAME = "few-strong"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "At least min_strong_relationships (default 1) relationships are strong.",
    "nb": "Minst min_strong_relationships relasjoner (standard 1) er sterke.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "few_strong": {
        "en": "{strong} (of {contacts}; at least {wanted} wanted)",
        "nb": "{strong} (av {contacts}; minst {wanted} ønsket)",
    },
    "strong.1": {"en": "{n} strong relationship", "nb": "{n} sterk relasjon"},
    "strong.n": {"en": "{n} strong relationships", "nb": "{n} sterke relasjoner"},
    "contacts.1": {"en": "{n} contact", "nb": "{n} kontaktperson"},
    "contacts.n": {"en": "{n} contacts", "nb": "{n} kontaktpersoner"},
}


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.account import Strength

    people = ctx.account.stakeholders
    wanted = ctx.config.risk.min_strong_relationships
    strong = sum(1 for p in people if p.relationship is Strength.strong)
    if not people or strong >= wanted:
        return
    message = ctx.say(
        MESSAGES,
        "few_strong",
        strong=ctx.say(MESSAGES, "strong.1" if strong == 1 else "strong.n", n=strong),
        contacts=ctx.say(MESSAGES, "contacts.1" if len(people) == 1 else "contacts.n", n=len(people)),
        wanted=wanted,
    )
    yield ctx.about(("stakeholders",), message)
