"""KAM103 part-strategy-missing: a main strategy and all six part-strategies.

What it checks
    ``strategy`` states the ``main`` strategy and each part-strategy:
    ``product``, ``price``, ``distribution``, ``communication``, ``service``
    and ``relationship``. ``full`` profile only.

Why
    DOMAIN §6 (seed 002): a main strategy is carried out through
    part-strategies. A part left blank is usually a decision nobody took —
    price set by whoever answers the next tender, service by habit.

Options
    None.

Where
    At ``strategy:``, naming the missing parts.

PASS::

    strategy:
      main: Befeste posisjonen som foretrukket partner.
      product: Fiberbaserte brett med lavere gramvekt.
      price: Toårig fastpris med råvareklausul.
      distribution: Daglig direkte levering fra Stjørdal.
      communication: Felles klimaregnskap i kundens bærekraftsrapport.
      service: Fast kontaktperson og ukentlig prognosemøte.
      relationship: Kontakter på alle nivåer; årlig toppledermøte.

FAIL::

    strategy:                  # KAM103: price, distribution, service missing
      main: Befeste posisjonen som foretrukket partner.
      product: Fiberbaserte brett med lavere gramvekt.
      communication: Felles klimaregnskap.
      relationship: Kontakter på alle nivåer.

Instead
    Write one sentence per part; "as today" is a legitimate answer if it is a
    decision.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM103"
NAME = "part-strategy-missing"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The strategy has a main strategy and all six part-strategies.",
    "nb": "Strategien har en hovedstrategi og alle seks delstrategiene.",
}
PROFILES = ("full",)

PARTS = ("main", "product", "price", "distribution", "communication", "service", "relationship")
MESSAGES: Messages = {
    "missing": {"en": "the strategy does not state: {missing}", "nb": "strategien mangler: {missing}"},
    "part.main": {"en": "main", "nb": "hovedstrategi (main)"},
    "part.product": {"en": "product", "nb": "produkt (product)"},
    "part.price": {"en": "price", "nb": "pris (price)"},
    "part.distribution": {"en": "distribution", "nb": "distribusjon (distribution)"},
    "part.communication": {"en": "communication", "nb": "kommunikasjon (communication)"},
    "part.service": {"en": "service", "nb": "service"},
    "part.relationship": {"en": "relationship", "nb": "relasjon (relationship)"},
}


def check(ctx: Context) -> Iterator[Hit]:
    strategy = ctx.account.strategy
    if strategy is None:
        return  # KAM101
    missing = [ctx.say(MESSAGES, f"part.{p}") for p in PARTS if not (getattr(strategy, p) or "").strip()]
    if missing:
        yield ctx.hit(("strategy",), ctx.say(MESSAGES, "missing", missing=ctx.join(missing)))
