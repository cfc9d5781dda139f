"""KAM113 qbr-not-scheduled: key and key development accounts have a next QBR booked.

What it checks
    For an account whose KAISM quadrant (computed from its scores and the
    config's criteria exactly as DOMAIN §3: weighted mean per axis, high at or
    above the threshold) is ``key`` or ``key_development``:
    ``rhythm.next_qbr`` is set and not in the past (``--as-of``).
    ``full`` profile only. An account that cannot be classified (scores
    incomplete, see KAM114) is not checked.

Why
    DOMAIN §6: the rhythm of a key account includes quarterly business
    reviews; §3: key development (priority 1) and key accounts (priority 2)
    are where the investment goes, so they are the ones that must not drift.
    A QBR that is not in the calendar does not happen.

Options
    The quadrant follows ``[kaism]``: ``threshold``, the criteria weights and ``min_scored``.

Where
    At ``next_qbr:`` when it has passed; at ``rhythm:`` when it is missing;
    where the section belongs when there is no ``rhythm`` section (the next
    section's key, else the file's last line).

PASS::

    kaism:                        # every criterion 8 (default config): a key account
      customer_attractiveness: {volume_potential: 8, margin_potential: 8, growth: 8, strategic_fit: 8, reference_value: 8, relationship_potential: 8}
      our_strength: {product_fit: 8, relationship_depth: 8, delivery_record: 8, price_position: 8, share_of_wallet: 8}
    rhythm:                       # as of 2026-11-24
      last_qbr: 2026-10-08
      next_qbr: 2027-01-14

FAIL::

    kaism:                        # every criterion 8 (default config): a key account
      customer_attractiveness: {volume_potential: 8, margin_potential: 8, growth: 8, strategic_fit: 8, reference_value: 8, relationship_potential: 8}
      our_strength: {product_fit: 8, relationship_depth: 8, delivery_record: 8, price_position: 8, share_of_wallet: 8}
    rhythm:                       # as of 2026-11-24
      last_qbr: 2026-08-20
      next_qbr: 2026-11-20        # KAM113: passed

Instead
    Book the next QBR with the customer and write the date.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM113"
NAME = "qbr-not-scheduled"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "Key and key development accounts have a next QBR scheduled.",
    "nb": "Nøkkelkunder og utviklingskunder har neste QBR avtalt.",
}
PROFILES = ("full",)

QUADRANTS = ("key", "key_development")
MESSAGES: Messages = {
    "missing": {
        "en": "no next QBR scheduled for {what} (rhythm.next_qbr)",
        "nb": "ingen neste QBR avtalt for {what} (rhythm.next_qbr)",
    },
    "passed": {
        "en": "next QBR {date} was {days} ago: book the next one for {what}",
        "nb": "neste QBR {date} var for {days} siden: avtal en ny QBR for {what}",
    },
    "what.key": {"en": "a key account", "nb": "en nøkkelkunde"},
    "what.key_development": {"en": "a key development account", "nb": "en utviklingskunde"},
}


def check(ctx: Context) -> Iterator[Hit]:
    quadrant = ctx.quadrant
    if quadrant not in QUADRANTS:
        return
    rhythm = ctx.account.rhythm
    what = ctx.say(MESSAGES, f"what.{quadrant}")
    if rhythm is None or rhythm.next_qbr is None:
        yield ctx.hit(("rhythm", "next_qbr"), ctx.say(MESSAGES, "missing", what=what))
    elif rhythm.next_qbr < ctx.as_of:
        days = ctx.days((ctx.as_of - rhythm.next_qbr).days)
        yield ctx.hit(
            ("rhythm", "next_qbr"),
            ctx.say(MESSAGES, "passed", date=rhythm.next_qbr.isoformat(), days=days, what=what),
        )
