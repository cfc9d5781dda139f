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
from kamctl.lint.base import Context, Hit, join

ID = "KAM107"
NAME = "opportunity-incomplete"
SEVERITY = Severity.error
SUMMARY = "Every opportunity has a value, a probability and an owner."
PROFILES = ("full", "light")


def check(ctx: Context) -> Iterator[Hit]:
    for i, opp in enumerate(ctx.account.opportunities):
        missing = [f for f in ("value", "probability", "owner") if getattr(opp, f) in (None, "")]
        if missing:
            yield ctx.hit(("opportunities", i), f"opportunity {opp.name!r} has no {join(missing, 'or')}")
