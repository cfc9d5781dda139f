"""KAM102 goals-not-numeric: goals with a numeric target on every horizon.

What it checks
    ``goals`` has, on each horizon, at least one goal with a numeric
    ``target``: ``strategic`` (3–5 years), ``tactical`` (1–2 years) and
    ``operational`` (this year). A ``light`` plan needs only ``operational``.
    Strategic goals without a number (position, joint projects) are welcome,
    as long as one goal on the horizon can be measured.

Why
    DOMAIN §6: goals are numbers (revenue, margin, share of wallet) and
    strategic goals, on three horizons. A goal without a number cannot be
    followed up in the QBR, and a missing horizon means the plan either has
    no direction (strategic) or no next step (operational).

Options
    None; the plan's ``profile`` decides which horizons are required.

Where
    A missing horizon is reported at ``goals:``; a horizon whose goals all
    lack a target at that horizon's key.

PASS::

    goals:
      strategic:
        - {goal: Alle tre meierier, metric: share_of_wallet, target: 70, unit: "%"}
      tactical:
        - {goal: Verdal-linjen, metric: revenue, target: 6000000, unit: NOK}
      operational:
        - {goal: Omsetning 2026, metric: revenue, target: 33000000, unit: NOK}

FAIL::

    goals:                     # KAM102: no tactical goal
      strategic:
        - goal: Bli foretrukket leverandør   # KAM102: no numeric target
      operational:
        - {goal: Omsetning 2026, target: 33000000, unit: NOK}

Instead
    Give each horizon a measurable goal: ``metric``, ``target`` and ``unit``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM102"
NAME = "goals-not-numeric"
SEVERITY = Severity.error
SUMMARY = {
    "en": "Goals have a numeric target on every horizon (strategic, tactical, operational).",
    "nb": "Målene har en tallfestet målverdi på hver tidshorisont (strategisk, taktisk, operativ).",
}
PROFILES = ("full", "light")

HORIZONS = {
    "full": ("strategic", "tactical", "operational"),
    "light": ("operational",),
}
MESSAGES: Messages = {
    "none": {"en": "no {horizon} goal ({span})", "nb": "ingen {horizon} mål ({span})"},
    "no_target": {
        "en": "no {horizon} goal has a numeric target: add metric, target and unit to at least one",
        "nb": "ingen av de {horizon} målene har en tallfestet målverdi: "
        "legg inn metric, target og unit på minst ett av dem",
    },
    "horizon.strategic": {"en": "strategic", "nb": "strategiske"},
    "horizon.tactical": {"en": "tactical", "nb": "taktiske"},
    "horizon.operational": {"en": "operational", "nb": "operative"},
    "span.strategic": {"en": "3–5 years", "nb": "3–5 år"},
    "span.tactical": {"en": "1–2 years", "nb": "1–2 år"},
    "span.operational": {"en": "this year", "nb": "dette året"},
}


def check(ctx: Context) -> Iterator[Hit]:
    goals = ctx.account.goals
    if goals is None:
        return  # the missing section is KAM101's finding
    for horizon in HORIZONS[ctx.profile]:
        items = getattr(goals, horizon)
        words = ctx.say(MESSAGES, f"horizon.{horizon}")
        if not items:
            span = ctx.say(MESSAGES, f"span.{horizon}")
            yield ctx.hit(("goals", horizon), ctx.say(MESSAGES, "none", horizon=words, span=span))
        elif not any(g.target is not None for g in items):
            yield ctx.hit(("goals", horizon), ctx.say(MESSAGES, "no_target", horizon=words))
