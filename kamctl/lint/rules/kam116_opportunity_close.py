"""KAM116 opportunity-close-passed: every open opportunity has an expected close date still ahead.

What it checks
    Each opportunity with ``status: open`` has an ``expected_close`` date,
    and that date is not before today (``--as-of``).

Why
    DOMAIN §6: an opportunity has value, probability, owner and expected
    close. An open opportunity whose close date has passed was won, lost or
    postponed without anyone updating the plan — and it still counts in the
    weighted pipeline (Σ value × probability), which then promises revenue
    that is not coming this quarter. Without a date it cannot be forecast at all.

Options
    None; ``--as-of`` sets today.

Where
    At ``expected_close:``; at the opportunity's entry when there is no date.

PASS::

    opportunities:                # as of 2026-11-24
      - name: Emballasje til ny pakkelinje Verdal
        value: 6000000
        probability: 60
        owner: Ingrid Solberg
        expected_close: 2027-04-30
        status: open

FAIL::

    opportunities:                # as of 2026-11-24
      - name: Papirposer til ny pakkelinje
        value: 1500000
        probability: 40
        owner: Magnus Haugen
        expected_close: 2026-09-30   # KAM116: passed, still open
        status: open

Instead
    Record what happened: ``status: won`` or ``status: lost`` (keep the
    opportunity for the win/loss review), or a new ``expected_close`` with
    the probability it now deserves.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.account import OpportunityStatus
from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM116"
NAME = "opportunity-close-passed"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "Every open opportunity has an expected close date that has not passed.",
    "nb": "Alle åpne muligheter har en forventet avslutningsdato som ikke er passert.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "no_date": {
        "en": "open opportunity {name} has no expected_close date",
        "nb": "den åpne muligheten {name} har ingen forventet avslutningsdato (expected_close)",
    },
    "passed": {
        "en": "opportunity {name} was expected to close {date} ({days} ago) and is still open: "
        "record won/lost or a new date",
        "nb": "muligheten {name} skulle vært avsluttet {date} (for {days} siden) og er fortsatt åpen: "
        "registrer vunnet eller tapt (won/lost) eller en ny dato",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    for i, opp in enumerate(ctx.account.opportunities):
        if opp.status is not OpportunityStatus.open:
            continue
        if opp.expected_close is None:
            yield ctx.hit(("opportunities", i), ctx.say(MESSAGES, "no_date", name=ctx.quote(opp.name)))
        elif opp.expected_close < ctx.as_of:
            days = ctx.days((ctx.as_of - opp.expected_close).days)
            yield ctx.hit(
                ("opportunities", i, "expected_close"),
                ctx.say(
                    MESSAGES,
                    "passed",
                    name=ctx.quote(opp.name),
                    date=opp.expected_close.isoformat(),
                    days=days,
                ),
            )
