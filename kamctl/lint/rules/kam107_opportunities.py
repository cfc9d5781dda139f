"""KAM107 opportunity-incomplete: every opportunity has a value, a probability and an owner.

What it checks
    Each entry under ``opportunities`` has ``value``, ``probability`` (0–100)
    and ``owner``.

Why
    DOMAIN §6: the weighted pipeline is Σ value × probability. An opportunity
    without a value or a probability adds nothing to it — the pipeline looks
    smaller than it is, or (when someone guesses later) larger. Without an
    owner nobody moves it.

Options
    None.

Where
    At the opportunity's entry.

PASS::

    opportunities:
      - name: Emballasje til ny pakkelinje Verdal
        value: 6000000
        probability: 60
        owner: Ingrid Solberg

FAIL::

    opportunities:
      - name: Emballasje til ny pakkelinje Verdal   # KAM107: no probability, no owner
        value: 6000000

Instead
    Estimate; a rough value and probability beat none. Lost or won
    opportunities keep their figures (``status: lost``, ``probability: 0``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM107"
NAME = "opportunity-incomplete"
SEVERITY = Severity.error
SUMMARY = {
    "en": "Every opportunity has a value, a probability and an owner.",
    "nb": "Alle muligheter har verdi, sannsynlighet og ansvarlig.",
}
PROFILES = ("full", "light")

FIELDS = ("value", "probability", "owner")
MESSAGES: Messages = {
    "missing": {"en": "opportunity {name} has no {missing}", "nb": "muligheten {name} mangler {missing}"},
    "field.value": {"en": "value", "nb": "verdi (value)"},
    "field.probability": {"en": "probability", "nb": "sannsynlighet (probability)"},
    "field.owner": {"en": "owner", "nb": "ansvarlig (owner)"},
}


def check(ctx: Context) -> Iterator[Hit]:
    for i, opp in enumerate(ctx.account.opportunities):
        missing = [ctx.say(MESSAGES, f"field.{f}") for f in FIELDS if getattr(opp, f) in (None, "")]
        if missing:
            text = ctx.say(MESSAGES, "missing", name=ctx.quote(opp.name), missing=ctx.join(missing, "nor"))
            yield ctx.hit(("opportunities", i), text)
