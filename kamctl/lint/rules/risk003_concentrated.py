"""RISK003 concentrated: revenue is concentrated (HHI in the moderate or high band).

What it checks
    The Herfindahl–Hirschman index of the portfolio's revenue shares, with
    groups merged, is below ``[risk] hhi_moderate`` (default 1 000). From
    there to ``hhi_high`` (1 800) it is moderate (info); above, high
    (warning). The message also gives the HHI of the accounts on their own
    and the effective number of customers (10 000 / HHI).

Why
    DOMAIN §7: the concentration index over customer shares; the bands are
    those of the 2023 US merger guidelines.

Options
    ``[risk] hhi_moderate = 1000``, ``hhi_high = 1800``; ``fiscal_year``.

Where
    The portfolio (no file).

PASS::

    # twelve accounts of equal revenue: HHI 12 × 8.33² = 833

FAIL::

    # four accounts of equal revenue: HHI 4 × 25² = 2 500 (high)   RISK003

Instead
    Spread the revenue: grow the smaller accounts and win new ones; and plan
    for the loss of the largest (``kamctl risk`` shows the what-if table).
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Hit, Messages, PortfolioContext

ID = "RISK003"
NAME = "concentrated"
SEVERITY = Severity.warning
SCOPE = "portfolio"
SUMMARY = {
    "en": "Revenue is not concentrated (HHI below hhi_moderate, default 1 000).",
    "nb": "Omsetningen er ikke konsentrert (HHI under hhi_moderate, standard 1 000).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "concentrated": {
        "en": "revenue{year} is {degree} concentrated: HHI {group_hhi} with groups merged "
        "(accounts alone {hhi}); effectively {n} customers",
        "nb": "omsetningen{year} er {degree} konsentrert: HHI {group_hhi} med konsern samlet "
        "(kundene hver for seg {hhi}); i praksis {n} kunder",
    },
    "degree.high": {"en": "highly", "nb": "svært"},
    "degree.moderate": {"en": "moderately", "nb": "moderat"},
}


def check(ctx: PortfolioContext) -> Iterator[Hit]:
    from kamctl.i18n import decimal

    pr = ctx.concentration()
    if pr.group_hhi_band == "unconcentrated":
        return
    high = pr.group_hhi_band == "high"
    message = ctx.say(
        MESSAGES,
        "concentrated",
        year=f" {pr.year}" if pr.year else "",
        degree=ctx.say(MESSAGES, "degree.high" if high else "degree.moderate"),
        group_hhi=decimal(pr.group_hhi, ".0f", ctx.lang),
        hhi=decimal(pr.hhi, ".0f", ctx.lang),
        n=decimal(pr.group_effective_n or 0.0, ".1f", ctx.lang),
    )
    yield ctx.hit(message, severity=Severity.warning if high else Severity.info)
