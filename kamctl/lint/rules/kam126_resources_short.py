"""KAM126 resources-short: management has committed what the plan needs.

What it checks
    Each line of ``resources`` has ``committed`` at least ``needed``. A line
    without ``committed`` has nothing committed yet.

Why
    DOMAIN §7, seed 001 step 5 ("Sikre interne ressurser"): once the
    account's goals are set, the KAM team must have the resources needed to
    reach them. A plan whose goals rest on hours nobody has promised is a
    wish list; saying so early is how the gap gets to management.

Options
    None.

Where
    At the line's ``committed:``, or at ``needed:`` when nothing is committed.

PASS::

    resources:
      - function: teknisk support
        unit: hours
        needed: 400
        committed: 400

FAIL::

    resources:
      - function: teknisk support
        unit: hours
        needed: 400
        committed: 250            # KAM126: 150 hours short
      - function: logistikk
        unit: people
        needed: 1                 # KAM126: nothing committed

Instead
    Take the gap to management with the goal it serves, or lower the goal;
    record what was committed (and by whom, ``committed_by``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.account import ResourceUnit
from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.resources import amount_text

ID = "KAM126"
NAME = "resources-short"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "Management has committed at least the internal resources the plan needs.",
    "nb": "Ledelsen har forpliktet minst de interne ressursene planen trenger.",
}
PROFILES = ("full",)

MESSAGES: Messages = {
    "short": {
        "en": "{function}: {committed} committed of {needed} needed, {gap} short",
        "nb": "{function}: {committed} forpliktet av {needed} nødvendig, mangler {gap}",
    },
    "none": {
        "en": "{function}: {needed} needed and nothing committed yet",
        "nb": "{function}: {needed} nødvendig og ingenting forpliktet ennå",
    },
}


def applies(ctx: Context) -> bool:
    """Only plans that list the resources they need are judged."""
    return bool(ctx.account.resources)


def check(ctx: Context) -> Iterator[Hit]:
    currency = ctx.account.currency or ctx.config.currency
    for i, r in enumerate(ctx.account.resources):

        def text(value: float, unit: ResourceUnit = r.unit) -> str:
            return amount_text(value, unit, currency, ctx.lang)

        if r.committed is None:
            yield ctx.hit(
                ("resources", i, "needed"),
                ctx.say(MESSAGES, "none", function=ctx.quote(r.function), needed=text(r.needed)),
            )
        elif r.committed < r.needed:
            yield ctx.hit(
                ("resources", i, "committed"),
                ctx.say(
                    MESSAGES,
                    "short",
                    function=ctx.quote(r.function),
                    committed=text(r.committed),
                    needed=text(r.needed),
                    gap=text(r.needed - r.committed),
                ),
            )
