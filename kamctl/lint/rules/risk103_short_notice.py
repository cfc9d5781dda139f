"""RISK103 short-notice: the notice period is shorter than short_notice_months.

What it checks
    ``contract.notice_months`` is at least ``[risk] short_notice_months``
    (default 3).

Why
    DOMAIN §7: short notice periods are weak contract terms — the customer can
    leave before there is time to win them back or to replace the revenue.

Options
    ``[risk] short_notice_months = 3``

Where
    At the value of ``contract.notice_months``.

PASS::

    contract:
      notice_months: 6

FAIL::

    contract:
      notice_months: 1            # RISK103: shorter than 3 months

Instead
    Negotiate a longer notice period at the next renewal; until then, keep
    the relationships close enough that notice never comes as a surprise.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK103"
NAME = "short-notice"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The notice period is shorter than short_notice_months (default 3).",
    "nb": "Oppsigelsestiden er kortere enn short_notice_months måneder (standard 3).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "short_notice": {
        "en": "notice period is {months} (shorter than {limit}): the customer can leave at short notice",
        "nb": "oppsigelsestiden er {months} (kortere enn {limit}): kunden kan gå på kort varsel",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.i18n import quantity

    c = ctx.account.contract
    limit = ctx.config.risk.short_notice_months
    if c is None or c.notice_months is None or c.notice_months >= limit:
        return
    message = ctx.say(
        MESSAGES,
        "short_notice",
        months=quantity(c.notice_months, "month", ctx.lang),
        limit=quantity(limit, "month", ctx.lang),
    )
    yield ctx.about(("contract", "notice_months"), message)
