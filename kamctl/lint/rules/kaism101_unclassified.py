"""KAISM101 unclassified: the account cannot be placed in the KAISM matrix.

What it checks
    Both axes of ``kaism`` have enough of the config's criteria scored to be
    computed: all of them with the default ``[kaism] min_scored = 1.0``, else
    that share of them.

Why
    DOMAIN §3: a criterion the config names but the account does not score
    is missing — never counted as zero, since a zero would silently push the
    account into a lower quadrant and so into a lower budget. An account
    that cannot be placed gets no investment priority (``kamctl classify``).

Options
    ``[kaism] min_scored``, and the criteria in
    ``[kaism.customer_attractiveness]`` and ``[kaism.our_strength]``.

Where
    At the value of the axis that cannot be scored; the whole file when
    there is no ``kaism`` section.

PASS::

    kaism:                        # the default config's criteria
      customer_attractiveness: {volume_potential: 8, margin_potential: 6, growth: 5, strategic_fit: 8, reference_value: 8, relationship_potential: 7}
      our_strength: {product_fit: 8, relationship_depth: 8, delivery_record: 9, price_position: 7, share_of_wallet: 7}

FAIL::

    kaism:
      customer_attractiveness: {volume_potential: 8}   # KAISM101: 5 not scored
      our_strength: {product_fit: 8, relationship_depth: 8, delivery_record: 9, price_position: 7, share_of_wallet: 7}

Instead
    Score the missing criteria with the classification team; KAM114 (lint)
    points at each one.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAISM101"
NAME = "unclassified"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The account can be placed in the KAISM matrix (enough criteria scored).",
    "nb": "Kunden kan plasseres i KAISM-matrisen (nok kriterier har poeng).",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "unclassified": {"en": "unclassified: {reason}", "nb": "ikke klassifisert: {reason}"},
}


def check(ctx: Context) -> Iterator[Hit]:
    r = ctx.kaism
    if not r.reason:
        return
    if ctx.account.kaism is None:
        loc: tuple[str, ...] = ()
    else:
        loc = ("kaism", "customer_attractiveness" if r.attractiveness is None else "our_strength")
    yield ctx.about(loc, ctx.say(MESSAGES, "unclassified", reason=r.reason))
