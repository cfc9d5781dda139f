"""RISK002 major-customer: a customer or group at or above the major-customer level.

What it checks
    Lists every entity — a group (accounts with a common ``parent`` chain
    merged) or a standalone account — whose share of the portfolio's revenue
    is at least ``[risk] major_customer_share`` (default 10 %), apart from
    the one RISK001 already names. It is information (the disclosure level
    of a major customer), not a problem in itself.

Why
    DOMAIN §7: concentration risk is the group's, since one group decision
    moves all its companies at once; the major customers are the ones whose
    loss the what-if table is for.

Options
    ``[risk] major_customer_share = 10``; ``fiscal_year``.

Where
    The group's (or the account's) file, line 0; a group without a file of
    its own points at its first member's.

PASS::

    # twelve accounts of equal revenue (8.33 % each)

FAIL::

    # a: 2 000 000, ten others 800 000 each: a has 20 %   RISK002 in a.yaml

Instead
    Nothing to fix; know who they are. Ignore RISK002 if the list is noise.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Hit, Messages, PortfolioContext

ID = "RISK002"
NAME = "major-customer"
SEVERITY = Severity.info
SCOPE = "portfolio"
SUMMARY = {
    "en": "Customers and groups at or above the major-customer level (default 10 %).",
    "nb": "Kunder og konsern på eller over grensen for store kunder (standard 10 %).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "major": {
        "en": "{what}: {share} % of the portfolio's revenue{year}, at or above the major-customer level of {limit} %",
        "nb": "{what}: {share} % av porteføljens omsetning{year}, på eller over grensen for store kunder på {limit} %",
    },
    "group": {"en": "group {id} ({members})", "nb": "konsernet {id} ({members})"},
}


def check(ctx: PortfolioContext) -> Iterator[Hit]:
    from kamctl.i18n import decimal
    from kamctl.lint.rules.risk001_single_customer import flagged

    pr = ctx.concentration()
    single = flagged(ctx)
    for g in pr.group_major:
        if g.id == single:
            continue
        if len(g.members) > 1:
            what = ctx.say(MESSAGES, "group", id=g.id, members=", ".join(g.members))
        else:
            what = g.members[0]
        message = ctx.say(
            MESSAGES,
            "major",
            what=what,
            share=decimal(g.share, ".2f", ctx.lang),
            year=f" {pr.year}" if pr.year else "",
            limit=decimal(ctx.config.risk.major_customer_share, "g", ctx.lang),
        )
        path = ctx.paths.get(g.id, ctx.paths.get(g.members[0], ""))
        yield ctx.hit(message, account=g.id, path=path)
