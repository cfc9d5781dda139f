"""KAM112 plan-not-reviewed: the plan was reviewed within N months.

What it checks
    ``review.reviewed`` is recorded and no more than ``review_months``
    (default 12) calendar months before today (``--as-of``); and a
    ``review.next_review`` date, when given, has not passed.

Why
    DOMAIN §6: the plan is written yearly and updated continuously; §7 counts
    a stale plan among the account risks. A plan nobody reviewed this year
    describes last year's customer.

Options
    ``[lint] review_months = 12``

Where
    At ``reviewed:`` / ``next_review:``; at ``review:`` when the date is
    missing; where the section belongs when there is no ``review`` section
    (the next section's key, else the file's last line).

PASS::

    review:                       # as of 2026-11-24
      reviewed: 2026-09-25
      reviewed_by: Erik Dahl
      next_review: 2027-03-25

FAIL::

    review:                       # as of 2026-11-24
      reviewed: 2025-09-15        # KAM112: more than 12 months ago
      next_review: 2026-09-15     # KAM112: passed

Instead
    Review the plan with the team (and, ideally, the customer) and record the
    date, who reviewed it and when the next review is.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages, add_months

ID = "KAM112"
NAME = "plan-not-reviewed"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The plan was reviewed within review_months (default 12).",
    "nb": "Planen er gjennomgått i løpet av de siste review_months månedene (standard 12).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "no_date": {
        "en": "no review date: record when the plan was last reviewed",
        "nb": "ingen dato for gjennomgang: skriv inn når planen sist ble gjennomgått (review.reviewed)",
    },
    "stale": {
        "en": "plan last reviewed {date} ({days} ago); review at least every {months} months",
        "nb": "planen ble sist gjennomgått {date} (for {days} siden); gå gjennom planen minst hver {months}. måned",
    },
    "next_passed": {
        "en": "the planned review on {date} is {days} overdue",
        "nb": "den planlagte gjennomgangen {date} er {days} forsinket",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    months = ctx.config.lint.review_months
    review = ctx.account.review
    if review is None or review.reviewed is None:
        yield ctx.hit(("review", "reviewed"), ctx.say(MESSAGES, "no_date"))
    elif add_months(review.reviewed, months) < ctx.as_of:
        days = ctx.days((ctx.as_of - review.reviewed).days)
        yield ctx.hit(
            ("review", "reviewed"),
            ctx.say(MESSAGES, "stale", date=review.reviewed.isoformat(), days=days, months=months),
        )
    if review is not None and review.next_review is not None and review.next_review < ctx.as_of:
        days = ctx.days((ctx.as_of - review.next_review).days)
        yield ctx.hit(
            ("review", "next_review"),
            ctx.say(MESSAGES, "next_passed", date=review.next_review.isoformat(), days=days),
        )
