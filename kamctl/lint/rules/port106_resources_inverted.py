"""PORT106 resources-inverted: a lower-priority account gets more than a higher-priority one.

What it checks
    Per unit (hours, people, budget in one currency), no account of KAISM
    priority 3 or 4 (maintenance, opportunistic) has more ``resources``
    committed in the year (the latest any line names) than an account of
    priority 1 or 2 (key development, key). Only accounts that list
    resources of a unit are compared in it; one finding per account and
    unit, naming the higher-priority account with the least committed.

Why
    DOMAIN §3 and seed 001 step 5: Cheverton's matrix is the budget
    priority — key development and key accounts first, opportunistic ones
    "fill spare capacity". Investment that runs the other way is what the
    matrix exists to prevent.

Options
    The KAISM settings (``[kaism]``) that set the priorities.

Where
    The lower-priority account's file (line 0), field ``resources``.

PASS::

    # key account a: 400 hours committed; maintenance account c: 200 hours

FAIL::

    # key account a: 100 hours committed; maintenance account c: 300 hours   PORT106 in c.yaml

Instead
    Move the committed resources to the accounts the matrix puts first, or
    revisit the classification if it no longer says where the future is.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Hit, Messages, PortfolioContext

ID = "PORT106"
NAME = "resources-inverted"
SEVERITY = Severity.warning
SCOPE = "portfolio"
SUMMARY = {
    "en": "Committed resources follow KAISM priority (no priority-3/4 account above a priority-1/2 one).",
    "nb": "Forpliktede ressurser følger KAISM-prioriteten (ingen prioritet 3/4-kunde over en prioritet 1/2-kunde).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "inverted": {
        "en": (
            "{id} (priority {priority}) has {amount} committed, more than {other} (priority "
            "{other_priority}, {other_amount}): investment should follow KAISM priority"
        ),
        "nb": (
            "{id} (prioritet {priority}) har {amount} forpliktet, mer enn {other} (prioritet "
            "{other_priority}, {other_amount}): investeringene bør følge KAISM-prioriteten"
        ),
    },
}


def check(ctx: PortfolioContext) -> Iterator[Hit]:
    from kamctl.resources import amount_text, inversions, portfolio_resources

    for inv in inversions(portfolio_resources(ctx.accounts, ctx.config)):
        message = ctx.say(
            MESSAGES,
            "inverted",
            id=inv.account_id,
            priority=inv.priority,
            amount=amount_text(inv.amount, inv.unit, inv.currency, ctx.lang),
            other=inv.other_id,
            other_priority=inv.other_priority,
            other_amount=amount_text(inv.other_amount, inv.unit, inv.currency, ctx.lang),
        )
        yield ctx.hit(message, account=inv.account_id, field="resources")
