"""STAGE108 no-revenue: a stage past pre-KAM, but no revenue in any year.

What it checks
    A plan with a stage after pre-KAM (and not uncoupling) whose
    ``financials`` has rows has actual (non-budget) revenue in at least one.

Why
    DOMAIN §4: from early-KAM on there are deals. Financial rows without any
    revenue say either that the stage is ahead of the facts or that the
    figures were never filled in.

Options
    None.

Where
    At the value of ``stage``.

PASS::

    stage: early-kam
    financials:
      - {year: 2025, revenue: 1200000}

FAIL::

    stage: mid-kam                # STAGE108
    financials:
      - {year: 2025, revenue: 0}

Instead
    Fill in the revenue, or state ``stage: pre-kam``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._stage import stage_hit

ID = "STAGE108"
NAME = "no-revenue"
SEVERITY = Severity.info
SUMMARY = {
    "en": "A stage past pre-KAM has revenue in some year.",
    "nb": "En fase etter pre-KAM har omsetning i minst ett år.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "no_revenue": {
        "en": "no year has any revenue; from early-KAM on there are deals",
        "nb": "det er ingen omsetning i noe år; fra early-KAM og videre er det handel",
    },
}


def applies(ctx: Context) -> bool:
    from kamctl.account import Stage

    return ctx.account.stage not in (None, Stage.pre_kam, Stage.uncoupling)


def check(ctx: Context) -> Iterator[Hit]:
    financials = ctx.account.financials
    if financials and not any(f.revenue and not f.budget for f in financials):
        yield stage_hit(ctx, ("stage",), ctx.say(MESSAGES, "no_revenue"))
