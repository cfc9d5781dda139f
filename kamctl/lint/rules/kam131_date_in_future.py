"""KAM131 date-in-future: a date that records something done is not after today.

What it checks
    Dates that say something *happened* are on or before today (``--as-of``),
    give or take one day: ``review.reviewed``, each stakeholder's
    ``last_contact``, ``completed`` of an action, ``closed`` of a won or lost
    opportunity and the ``date`` of its win/loss review, ``kaism.scored_on``,
    ``measures.satisfaction_date``, ``rhythm.last_qbr``,
    ``joint_planning.date``; and ``customer_since`` is not after this year.

Why
    DOMAIN §6 and §7: the plan is kept up to date, and a stale plan or a
    contact gone cold is an account risk; both are judged by these dates. A
    typo such as ``reviewed: 2062-09-18`` made a stale plan look fresh for
    good (``kamctl status`` showed ``-13082 d`` in green), and a
    ``last_contact`` in the future hides a contact going stale (issue 10).
    One day of slack because ``--as-of`` defaults to the machine's own date:
    a plan written in Oslo just after midnight and checked by a CI runner on
    UTC is a day "ahead".

Options
    None.

Where
    At the date; at ``customer_since:`` for the year.

PASS::

    review:                       # as of 2026-11-24
      reviewed: 2026-11-25        # one day ahead: the slack
    stakeholders:
      - name: Kjetil Sandvik
        last_contact: 2026-11-16

FAIL::

    review:                       # as of 2026-11-24
      reviewed: 2062-09-18        # KAM131: 13,082 days after today
    stakeholders:
      - name: Kjetil Sandvik
        last_contact: 2062-11-04  # KAM131

Instead
    Correct the date (most often a mistyped year). A date that is planned
    belongs in ``next_review``, ``due``, ``next_qbr`` or ``expected_close``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM131"
NAME = "date-in-future"
SEVERITY = Severity.error
SUMMARY = {
    "en": "A date that records something done (reviewed, last_contact, completed, …) is not after today.",
    "nb": "En dato for noe som er gjort (reviewed, last_contact, completed, …) ligger ikke etter i dag.",
}
PROFILES = ("full", "light")

SLACK_DAYS = 1
"""A date this many days after --as-of still passes (time zones: see Why)."""

MESSAGES: Messages = {
    "future": {
        "en": "{field} {date} is {days} after today ({today}); a date of something done cannot lie ahead — a typo?",
        "nb": "{field} {date} ligger {days} etter i dag ({today}); datoen for noe som er gjort, kan ikke ligge fram i tid — en skrivefeil?",
    },
    "future_year": {
        "en": "customer_since {year} is after this year ({this_year})",
        "nb": "customer_since {year} ligger etter i år ({this_year})",
    },
}


def _happened(ctx: Context) -> Iterator[tuple[tuple[str | int, ...], _dt.date]]:
    """(where, date) of every date in the plan that records something done."""
    a = ctx.account
    if a.review is not None and a.review.reviewed is not None:
        yield ("review", "reviewed"), a.review.reviewed
    for i, person in enumerate(a.stakeholders):
        if person.last_contact is not None:
            yield ("stakeholders", i, "last_contact"), person.last_contact
    for i, action in enumerate(a.actions):
        if action.completed is not None:
            yield ("actions", i, "completed"), action.completed
    for i, o in enumerate(a.opportunities):
        if o.status.value in ("won", "lost") and o.closed is not None:
            yield ("opportunities", i, "closed"), o.closed
        if o.win_loss is not None and o.win_loss.date is not None:
            yield ("opportunities", i, "win_loss", "date"), o.win_loss.date
    if a.kaism is not None and a.kaism.scored_on is not None:
        yield ("kaism", "scored_on"), a.kaism.scored_on
    if a.measures is not None and a.measures.satisfaction_date is not None:
        yield ("measures", "satisfaction_date"), a.measures.satisfaction_date
    if a.rhythm is not None and a.rhythm.last_qbr is not None:
        yield ("rhythm", "last_qbr"), a.rhythm.last_qbr
    if a.joint_planning is not None and a.joint_planning.date is not None:
        yield ("joint_planning", "date"), a.joint_planning.date


def applies(ctx: Context) -> bool:
    """Only a plan with a date ahead is judged: this is a check of the data,
    not an item of the plan, so a plan without such a date is not made "more
    complete" by it (``kamctl status`` counts the checks a plan passes)."""
    return next(check(ctx), None) is not None


def check(ctx: Context) -> Iterator[Hit]:
    for where, date in _happened(ctx):
        ahead = (date - ctx.as_of).days
        if ahead > SLACK_DAYS:
            field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in where).replace(".[", "[")
            yield ctx.hit(
                where,
                ctx.say(
                    MESSAGES,
                    "future",
                    field=field,
                    date=date.isoformat(),
                    days=ctx.days(ahead),
                    today=ctx.as_of.isoformat(),
                ),
            )
    since = ctx.account.customer_since
    if since is not None and since > ctx.as_of.year:
        yield ctx.hit(
            ("customer_since",), ctx.say(MESSAGES, "future_year", year=since, this_year=ctx.as_of.year)
        )
