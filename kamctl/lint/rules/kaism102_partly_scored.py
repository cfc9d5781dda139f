"""KAISM102 partly-scored: classified on the criteria scored, some not scored.

What it checks
    With ``[kaism] min_scored`` below 1, an account can be classified on part
    of the criteria (their weights renormalised); this says which are not
    scored.

Why
    DOMAIN §3: a missing criterion is reported, never counted as zero. The
    placement stands, but it rests on less than the whole picture.

Options
    ``[kaism] min_scored`` (with the default 1.0 every criterion is needed,
    and a missing one is KAISM101 instead).

Where
    At the value of ``kaism``.

PASS::

    kaism:                        # the default config's criteria
      customer_attractiveness: {volume_potential: 8, margin_potential: 6, growth: 5, strategic_fit: 8, reference_value: 8, relationship_potential: 7}
      our_strength: {product_fit: 8, relationship_depth: 8, delivery_record: 9, price_position: 7, share_of_wallet: 7}

FAIL::

    kaism:                        # KAISM102 with min_scored = 0.5
      customer_attractiveness: {volume_potential: 8, margin_potential: 6, growth: 5, strategic_fit: 8, reference_value: 8}
      our_strength: {product_fit: 8, relationship_depth: 8, delivery_record: 9, price_position: 7, share_of_wallet: 7}

Instead
    Score the remaining criteria.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAISM102"
NAME = "partly-scored"
SEVERITY = Severity.info
SUMMARY = {
    "en": "The account is classified on every criterion, not on part of them.",
    "nb": "Kunden er klassifisert på alle kriteriene, ikke bare noen av dem.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "partial": {
        "en": "classified on the criteria scored; not scored: {missing}",
        "nb": "klassifisert på kriteriene som har poeng; mangler poeng: {missing}",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    r = ctx.kaism
    if not r.reason and r.missing:
        yield ctx.about(("kaism",), ctx.say(MESSAGES, "partial", missing=", ".join(r.missing)))
