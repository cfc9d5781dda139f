"""PORT102 too-many: more key accounts than warn_above.

What it checks
    The number of plans with ``profile: full`` is at most
    ``[portfolio] warn_above`` (default 50).

Why
    DOMAIN §1: 50 key accounts is on the edge of too many; if every customer
    gets KAM treatment, nothing is prioritised and the KAMs' time is spread
    too thin to matter.

Options
    ``[portfolio] warn_above = 50``; the guide (15–35) is quoted.

Where
    The portfolio (no file).

PASS::

    # 30 account files with profile: full

FAIL::

    # 51 account files with profile: full    PORT102

Instead
    Move the accounts of the lower KAISM quadrants to KAM light plans
    (``profile: light``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Hit, Messages, PortfolioContext
from kamctl.lint.rules._portfolio import counted, guide, key_accounts

ID = "PORT102"
NAME = "too-many"
SEVERITY = Severity.warning
SCOPE = "portfolio"
SUMMARY = {
    "en": "The portfolio has at most warn_above (default 50) key accounts.",
    "nb": "Porteføljen har høyst warn_above nøkkelkunder (standard 50).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "too_many": {
        "en": "{counted}: more than {limit}; if every customer gets KAM treatment, "
        "nothing is prioritised (guide {low}–{high})",
        "nb": "{counted}: flere enn {limit}; når alle kunder får KAM-behandling, "
        "blir ingenting prioritert (anbefalt {low}–{high})",
    },
}


def check(ctx: PortfolioContext) -> Iterator[Hit]:
    limit = ctx.config.portfolio.warn_above
    if key_accounts(ctx) > limit:
        yield ctx.hit(ctx.say(MESSAGES, "too_many", counted=counted(ctx), limit=limit, **guide(ctx)))
