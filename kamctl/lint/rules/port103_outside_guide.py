"""PORT103 outside-guide: the number of key accounts is outside the 15–35 guide.

What it checks
    Between ``warn_below`` and ``warn_above`` (where PORT101 and PORT102 are
    silent), the number of plans with ``profile: full`` lies within
    ``[portfolio] min_key_accounts``–``max_key_accounts`` (default 15–35).

Why
    DOMAIN §1: 15–35 key accounts is the ideal. Outside it the programme
    works, but is worth a look: too few to spread the risk, or too many for
    the team.

Options
    ``[portfolio] min_key_accounts = 15``, ``max_key_accounts = 35``.

Where
    The portfolio (no file).

PASS::

    # 20 account files with profile: full

FAIL::

    # 12 account files with profile: full    PORT103 (info)

Instead
    Nothing urgent: revisit the selection at the next KAISM round.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Hit, Messages, PortfolioContext
from kamctl.lint.rules._portfolio import counted, guide, key_accounts

ID = "PORT103"
NAME = "outside-guide"
SEVERITY = Severity.info
SCOPE = "portfolio"
SUMMARY = {
    "en": "The number of key accounts is within the guide (default 15–35).",
    "nb": "Antall nøkkelkunder er innenfor det anbefalte spennet (standard 15–35).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "outside": {
        "en": "{counted}: {side} the guide of {low}–{high}",
        "nb": "{counted}: {side} det anbefalte spennet {low}–{high}",
    },
    "below": {"en": "below", "nb": "under"},
    "above": {"en": "above", "nb": "over"},
}


def check(ctx: PortfolioContext) -> Iterator[Hit]:
    cfg = ctx.config.portfolio
    n = key_accounts(ctx)
    if n < cfg.warn_below or n > cfg.warn_above or cfg.min_key_accounts <= n <= cfg.max_key_accounts:
        return
    side = ctx.say(MESSAGES, "below" if n < cfg.min_key_accounts else "above")
    yield ctx.hit(ctx.say(MESSAGES, "outside", counted=counted(ctx), side=side, **guide(ctx)))
