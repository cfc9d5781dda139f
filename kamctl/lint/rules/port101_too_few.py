"""PORT101 too-few: fewer key accounts than warn_below.

What it checks
    The number of plans with ``profile: full`` is at least
    ``[portfolio] warn_below`` (default 5).

Why
    DOMAIN §1: 15–35 key accounts is the ideal and 5 is on the edge of too
    few; below that there is no KAM programme to run, only a few big
    customers.

Options
    ``[portfolio] warn_below = 5``; the guide ``min_key_accounts`` and
    ``max_key_accounts`` (15–35) is quoted in the message.

Where
    The portfolio (no file).

PASS::

    # six account files with profile: full

FAIL::

    # four account files with profile: full   PORT101

Instead
    Choose the key accounts with KAISM (``kamctl classify``); the rest can
    run KAM light plans.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Hit, Messages, PortfolioContext
from kamctl.lint.rules._portfolio import counted, guide, key_accounts

ID = "PORT101"
NAME = "too-few"
SEVERITY = Severity.warning
SCOPE = "portfolio"
SUMMARY = {
    "en": "The portfolio has at least warn_below (default 5) key accounts.",
    "nb": "Porteføljen har minst warn_below nøkkelkunder (standard 5).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "too_few": {
        "en": "{counted}: fewer than {limit} is too few to be a KAM programme (guide {low}–{high})",
        "nb": "{counted}: færre enn {limit} er for få for et KAM-program (anbefalt {low}–{high})",
    },
}


def check(ctx: PortfolioContext) -> Iterator[Hit]:
    limit = ctx.config.portfolio.warn_below
    if key_accounts(ctx) < limit:
        yield ctx.hit(ctx.say(MESSAGES, "too_few", counted=counted(ctx), limit=limit, **guide(ctx)))
