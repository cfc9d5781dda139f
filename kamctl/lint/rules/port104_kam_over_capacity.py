"""PORT104 kam-over-capacity: a KAM holds more accounts than max_accounts_per_kam.

What it checks
    No name in ``kam`` is on more than ``[portfolio] max_accounts_per_kam``
    (default 6) plans; light plans count too, since each takes the KAM's time.

Why
    DOMAIN §1: KAM is a resource decision; a KAM with too many accounts
    cannot stay close to any of them, and "not staying close over time" is
    the commonest cause of losing a key account.

Options
    ``[portfolio] max_accounts_per_kam = 6``

Where
    The portfolio (no file); the message names the KAM and the accounts.

PASS::

    # Kari Nordvik is kam of 4 account files

FAIL::

    # Kari Nordvik is kam of 7 account files   PORT104

Instead
    Hand accounts over (a new ``kam``) or move some to KAM light plans.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Hit, Messages, PortfolioContext

ID = "PORT104"
NAME = "kam-over-capacity"
SEVERITY = Severity.warning
SCOPE = "portfolio"
SUMMARY = {
    "en": "No KAM holds more than max_accounts_per_kam (default 6) accounts.",
    "nb": "Ingen KAM har flere enn max_accounts_per_kam kunder (standard 6).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "over_capacity": {
        "en": "{kam} holds {n} accounts, more than the capacity of {cap}: {ids}",
        "nb": "{kam} har {n} kunder, flere enn kapasiteten på {cap}: {ids}",
    },
}


def check(ctx: PortfolioContext) -> Iterator[Hit]:
    from kamctl.portfolio import kam_load

    cap = ctx.config.portfolio.max_accounts_per_kam
    for kam, ids in kam_load(ctx.accounts).items():
        if len(ids) > cap:
            message = ctx.say(MESSAGES, "over_capacity", kam=kam, n=len(ids), cap=cap, ids=", ".join(ids))
            yield ctx.hit(message)
