"""RISK130 strong-competitor: a competitor of strength high is present.

What it checks
    No entry of ``competitors`` has ``strength: high``.

Why
    DOMAIN §6 and §7: strong competitors present are an account risk — the
    customer has a real alternative, and every weakness in the plan is their
    opening.

Options
    None.

Where
    At the value of the competitor's ``strength``.

PASS::

    competitors:
      - name: Tine
        strength: medium

FAIL::

    competitors:
      - name: Tine
        strength: high            # RISK130
        share: 35

Instead
    Say in the strategy how you differ from them and what keeps the customer
    with you; watch the people who favour them (KAM118).
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK130"
NAME = "strong-competitor"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "No competitor of strength high is present at the customer.",
    "nb": "Ingen sterk konkurrent (strength: high) er til stede hos kunden.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "competitor": {
        "en": "strong competitor {name} (strength high{share})",
        "nb": "sterk konkurrent {name} (strength: high{share})",
    },
    "competitor_share": {"en": ", {share} % of the customer's spend", "nb": ", {share} % av kundens kjøp"},
}


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.account import Level
    from kamctl.i18n import decimal

    for i, comp in enumerate(ctx.account.competitors):
        if comp.strength is not Level.high:
            continue
        share = ""
        if comp.share is not None:
            share = ctx.say(MESSAGES, "competitor_share", share=decimal(comp.share, "g", ctx.lang))
        yield ctx.about(
            ("competitors", i, "strength"), ctx.say(MESSAGES, "competitor", name=comp.name, share=share)
        )
