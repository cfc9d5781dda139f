"""RISK001 single-customer: one customer carries at least single_customer_share of revenue.

What it checks
    The largest account's share of the portfolio's revenue in the year
    analysed is below ``[risk] single_customer_share`` (default 40 %).
    Accounts in another currency, or without revenue that year, are left
    out of every share (and named by ``kamctl risk``).

Why
    DOMAIN §7: one tree bearing 40 % of the harvest is extreme vulnerability
    — if that customer halves its volume, the company loses a fifth of its
    revenue.

Options
    ``[risk] single_customer_share = 40``; ``fiscal_year``.

Where
    The largest account's file (line 0: it is about the file as a whole).

PASS::

    # a: 3 500 000, b: 3 000 000, c: 3 500 000 (the largest has 35 %)

FAIL::

    # a: 6 000 000, b: 2 000 000, c: 2 000 000 (a: 60 %)   RISK001 in a.yaml

Instead
    Grow the other accounts, or plan how the company would cope if this one
    halved (``kamctl risk`` shows the what-if table).
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Hit, Messages, PortfolioContext

ID = "RISK001"
NAME = "single-customer"
SEVERITY = Severity.warning
SCOPE = "portfolio"
SUMMARY = {
    "en": "No customer carries single_customer_share (default 40 %) or more of the revenue.",
    "nb": "Ingen kunde står for single_customer_share (standard 40 %) eller mer av omsetningen.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "single": {
        "en": "{id}: carries {share} % of the portfolio's revenue{year} (at or above {limit} %): "
        "one tree bearing that much of the harvest",
        "nb": "{id}: står for {share} % av porteføljens omsetning{year} (grensen er {limit} %): "
        "ett tre bærer for mye av avlingen",
    },
}


def flagged(ctx: PortfolioContext) -> str | None:
    """The id of the account this rule flags, if any (RISK002 leaves it to this rule)."""
    pr = ctx.concentration()
    if pr.largest is not None and pr.largest_share >= ctx.config.risk.single_customer_share:
        return pr.largest.id
    return None


def check(ctx: PortfolioContext) -> Iterator[Hit]:
    from kamctl.i18n import decimal

    pr = ctx.concentration()
    if flagged(ctx) is None or pr.largest is None:
        return
    s = pr.largest
    message = ctx.say(
        MESSAGES,
        "single",
        id=s.id,
        share=decimal(s.share, ".2f", ctx.lang),
        year=f" {pr.year}" if pr.year else "",
        limit=decimal(ctx.config.risk.single_customer_share, "g", ctx.lang),
    )
    yield ctx.hit(message, account=s.id)
