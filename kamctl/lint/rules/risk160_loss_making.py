"""RISK160 loss-making: the customer's margin is below zero in the year analysed.

What it checks
    In the year analysed (``fiscal_year``; without one, the latest year with
    actual figures — a budget is a plan, not a loss), neither
    ``contribution_margin`` nor, failing that, ``gross_margin`` is negative.

Why
    DOMAIN §2 and §7: high revenue is not good business if the margin is
    gone; an unprofitable key account drains the resources the others need.

Options
    ``fiscal_year`` (top level of the config).

Where
    At the value of the negative margin in that year's ``financials`` row.

PASS::

    financials:
      - {year: 2025, revenue: 4000000, contribution_margin: 300000}

FAIL::

    financials:
      - {year: 2025, revenue: 4000000, contribution_margin: -230000}   # RISK160

Instead
    Find out where the margin goes (prices, service cost, logistics), and
    put the fix in the plan's price or service strategy.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._text import fmt_amount

ID = "RISK160"
NAME = "loss-making"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The customer's margin is not below zero in the year analysed.",
    "nb": "Kundens margin er ikke negativ i året som analyseres.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "loss": {
        "en": "{label} {year} is {amount}: high revenue is not good business if the margin is gone",
        "nb": "{label} {year} er {amount}: høy omsetning er ikke god butikk når marginen er borte",
    },
    "contribution_margin": {"en": "contribution margin", "nb": "dekningsbidraget"},
    "gross_margin": {"en": "gross margin", "nb": "bruttomarginen"},
}


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.portfolio import actual_row

    account = ctx.account
    year = ctx.config.fiscal_year
    if year is None:
        year = max((f.year for f in account.financials if not f.budget), default=None)
    row = actual_row(account, year)
    if row is None:
        return
    index = account.financials.index(row)
    currency = account.currency or ctx.config.currency
    for name in ("contribution_margin", "gross_margin"):
        value = getattr(row, name)
        if value is not None and value < 0:
            amount = fmt_amount(value, currency, ctx.lang)
            message = ctx.say(MESSAGES, "loss", label=ctx.say(MESSAGES, name), year=row.year, amount=amount)
            yield ctx.about(("financials", index, name), message)
            return
