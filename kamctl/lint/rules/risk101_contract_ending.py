"""RISK101 contract-ending: the contract ends within contract_ending_days.

What it checks
    ``contract.end`` lies between today (``--as-of``) and
    ``[risk] contract_ending_days`` (default 180) ahead. The finding is a
    warning, or info when ``contract.auto_renew`` is true: a contract that
    renews by itself still deserves a look before it does.

Why
    DOMAIN §7: weak contract terms and a contract ending soon are account
    risks; the renewal is when a competitor gets its chance.

Options
    ``[risk] contract_ending_days = 180``

Where
    At the value of ``contract.end``.

PASS::

    contract:                     # as of 2026-11-24
      end: 2028-06-30

FAIL::

    contract:
      end: 2027-03-31             # RISK101: in 127 days
      notice_months: 1
      auto_renew: false

Instead
    Plan the renewal now: an action with an owner and a due date well before
    the notice deadline, and the decision maker's view of it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK101"
NAME = "contract-ending"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The contract ends within contract_ending_days (default 180).",
    "nb": "Avtalen løper ut innen contract_ending_days dager (standard 180).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "ends": {
        "en": "contract ends {date} (in {days}){notice}{renew}",
        "nb": "avtalen løper ut {date} (om {days}){notice}{renew}",
    },
    "notice": {"en": " with {months} notice", "nb": " med {months}s oppsigelsestid"},
    "renews": {"en": "; it renews automatically", "nb": "; den fornyes automatisk"},
    "no_renew": {"en": " and no automatic renewal", "nb": " og fornyes ikke automatisk"},
}


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.i18n import quantity

    c = ctx.account.contract
    if c is None or c.end is None:
        return
    left = (c.end - ctx.as_of).days
    if left < 0 or left > ctx.config.risk.contract_ending_days:
        return
    notice = ""
    if c.notice_months is not None:
        notice = ctx.say(MESSAGES, "notice", months=quantity(c.notice_months, "month", ctx.lang))
    renew = {True: "renews", False: "no_renew", None: ""}[c.auto_renew]
    message = ctx.say(
        MESSAGES,
        "ends",
        date=c.end.isoformat(),
        days=ctx.days(left),
        notice=notice,
        renew=ctx.say(MESSAGES, renew) if renew else "",
    )
    yield ctx.about(("contract", "end"), message, Severity.info if c.auto_renew else Severity.warning)
