"""RISK140 exposed-industry: the customer is in an industry exposed to cuts.

What it checks
    ``customer.exposed_industry`` is not true.

Why
    DOMAIN §7: a customer in an exposed industry (cuts, reorganisation) can
    shrink or vanish for reasons no plan controls; the dependence on it
    deserves a conscious decision.

Options
    None. The note in ``customer.exposure_note`` is quoted in the message.

Where
    At the value of ``customer.exposed_industry``.

PASS::

    customer:
      exposed_industry: false

FAIL::

    industry: Offshore
    customer:
      exposed_industry: true      # RISK140
      exposure_note: oljeprisen styrer investeringene

Instead
    Keep it flagged — it is a fact, not a mistake — and say in the plan how
    the dependence is limited; ignore RISK140 for such files if it is noise.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK140"
NAME = "exposed-industry"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The customer's industry is exposed to cuts or reorganisation.",
    "nb": "Kundens bransje er utsatt for kutt eller omorganisering.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "exposed": {
        "en": "the customer's industry{industry} is exposed to cuts or reorganisation{why}",
        "nb": "kundens bransje{industry} er utsatt for kutt eller omorganisering{why}",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    cust = ctx.account.customer
    if cust is None or not cust.exposed_industry:
        return
    why = f": {cust.exposure_note}" if cust.exposure_note else ""
    industry = f" ({ctx.account.industry})" if ctx.account.industry else ""
    yield ctx.about(
        ("customer", "exposed_industry"), ctx.say(MESSAGES, "exposed", industry=industry, why=why)
    )
