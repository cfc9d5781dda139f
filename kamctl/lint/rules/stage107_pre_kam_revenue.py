"""STAGE107 pre-kam-revenue: pre-KAM stated, but there is revenue.

What it checks
    A plan with ``stage: pre-kam`` has no actual (non-budget) revenue in the
    year analysed (``fiscal_year``; without one, in any year).

Why
    DOMAIN §4: pre-KAM means no transaction yet. Revenue says the first
    deals are done: the relationship is early-KAM, and the plan should say so.

Options
    ``fiscal_year`` (top level of the config).

Where
    At the value of the latest such row's ``revenue``.

PASS::

    stage: pre-kam
    financials:
      - {year: 2025, revenue: 0}

FAIL::

    stage: pre-kam
    financials:
      - {year: 2025, revenue: 1200000}   # STAGE107

Instead
    State ``stage: early-kam``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._stage import stage_hit
from kamctl.lint.rules._text import fmt_amount

ID = "STAGE107"
NAME = "pre-kam-revenue"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "A pre-KAM stage has no revenue yet.",
    "nb": "Fasen pre-KAM har ingen omsetning ennå.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "revenue": {
        "en": "revenue {year} is {amount}; pre-KAM means no transaction yet",
        "nb": "omsetningen {year} er {amount}; pre-KAM betyr at det ennå ikke har vært noen handel",
    },
}


def applies(ctx: Context) -> bool:
    from kamctl.account import Stage

    return ctx.account.stage is Stage.pre_kam


def check(ctx: Context) -> Iterator[Hit]:
    year = ctx.config.fiscal_year
    rows = [
        (i, f)
        for i, f in enumerate(ctx.account.financials)
        if f.revenue and not f.budget and (year is None or f.year == year)
    ]
    if not rows:
        return
    i, f = max(rows, key=lambda r: r[1].year)
    assert f.revenue is not None  # rows holds only rows with revenue
    amount = fmt_amount(f.revenue, ctx.account.currency or ctx.config.currency, ctx.lang)
    yield stage_hit(
        ctx, ("financials", i, "revenue"), ctx.say(MESSAGES, "revenue", year=f.year, amount=amount)
    )
