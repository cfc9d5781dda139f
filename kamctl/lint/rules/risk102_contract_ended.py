"""RISK102 contract-ended: the contract's end date has passed.

What it checks
    ``contract.end`` lies before today (``--as-of``).

Why
    DOMAIN §7: contract terms are an account risk. A customer served without
    a valid contract can leave at once, and the prices and terms the plan
    counts on bind nobody.

Options
    None.

Where
    At the value of ``contract.end``.

PASS::

    contract:                     # as of 2026-11-24
      end: 2027-12-31

FAIL::

    contract:
      end: 2026-06-30             # RISK102: 147 days ago
      auto_renew: false

Instead
    Renew or replace the contract and record the new ``end``; if it did renew
    by itself, say so with ``auto_renew: true`` and the new end date.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK102"
NAME = "contract-ended"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The contract has ended.",
    "nb": "Avtalen har løpt ut.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "ended": {
        "en": "contract ended {date} ({days} ago){renew}",
        "nb": "avtalen løp ut {date} (for {days} siden){renew}",
    },
    "renews": {"en": "; it renews automatically", "nb": "; den fornyes automatisk"},
    "no_renew": {"en": "; no automatic renewal", "nb": "; ingen automatisk fornyelse"},
}


def check(ctx: Context) -> Iterator[Hit]:
    c = ctx.account.contract
    if c is None or c.end is None or c.end >= ctx.as_of:
        return
    renew = {True: "renews", False: "no_renew", None: ""}[c.auto_renew]
    message = ctx.say(
        MESSAGES,
        "ended",
        date=c.end.isoformat(),
        days=ctx.days((ctx.as_of - c.end).days),
        renew=ctx.say(MESSAGES, renew) if renew else "",
    )
    yield ctx.about(("contract", "end"), message)
