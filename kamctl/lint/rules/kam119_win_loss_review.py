"""KAM119 win-loss-review: every closed deal gets a win/loss review.

What it checks
    A won or lost opportunity whose close (``closed``, else
    ``expected_close``) is more than ``win_loss_review_days`` (default 30)
    days before today has a ``win_loss`` review with a ``date``.

Why
    DOMAIN §8: Company X's success factors include the systematic use of
    win/loss reviews — it sits down after every win and every loss. A deal
    closed a month ago without a review is a lesson lost.

Options
    ``[lint] win_loss_review_days = 30``

Where
    At the opportunity's ``status:``.

PASS::

    opportunities:                # as of 2026-11-24
      - name: Strekkfilm alle meierier
        status: lost
        closed: 2026-03-31
        win_loss: {date: 2026-04-10, reason: price, lessons: Tilby råvareklausul}

FAIL::

    opportunities:                # as of 2026-11-24
      - name: Strekkfilm alle meierier
        status: lost              # KAM119: closed 2026-03-31, no review
        closed: 2026-03-31

Instead
    Hold the review (with the customer if you can) and record reason,
    competitor, lessons and date under ``win_loss``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.account import OpportunityStatus
from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM119"
NAME = "win-loss-review"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "Every won or lost deal older than win_loss_review_days (default 30) has a win/loss review.",
    "nb": "Alle vunne og tapte avtaler eldre enn win_loss_review_days (standard 30) har en vinn/tap-analyse.",
}
PROFILES = ("full",)

MESSAGES: Messages = {
    "missing": {
        "en": "opportunity {name!r} was {status} on {date} ({days} ago) and has no win/loss review (win_loss.date)",
        "nb": "muligheten «{name}» ble {status} {date} (for {days} siden) og har ingen vinn/tap-analyse (win_loss.date)",
    },
}
_STATUS = {"won": {"en": "won", "nb": "vunnet"}, "lost": {"en": "lost", "nb": "tapt"}}


def applies(ctx: Context) -> bool:
    """Only plans with a won or lost opportunity are judged."""
    return any(o.status is not OpportunityStatus.open for o in ctx.account.opportunities)


def check(ctx: Context) -> Iterator[Hit]:
    limit = ctx.config.lint.win_loss_review_days
    for i, o in enumerate(ctx.account.opportunities):
        if o.status is OpportunityStatus.open:
            continue
        day = o.closed or o.expected_close
        if day is None or (ctx.as_of - day).days <= limit:
            continue
        if o.win_loss is not None and o.win_loss.date is not None:
            continue
        status = _STATUS[o.status.value][ctx.lang]
        yield ctx.hit(
            ("opportunities", i, "status"),
            ctx.say(
                MESSAGES,
                "missing",
                name=o.name,
                status=status,
                date=day.isoformat(),
                days=ctx.days((ctx.as_of - day).days),
            ),
        )
