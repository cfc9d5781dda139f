"""KAM117 blocker-sways-decision-maker: no blocker influences a decision maker unnoticed.

What it checks
    A stakeholder with stance −3 (blocker) whose ``influences`` names a
    decision maker (``role: decision_maker``) of the same account.

Why
    DOMAIN §5 and §7: key decision makers with a negative stance are a risk,
    and seed 003's power map exists to show "decision processes and
    relationships between people": a blocker who sways a decision maker can
    turn a supporter against us. The plan should say how we handle it.

Options
    None; the severity is set with ``[lint.severity]``.

Where
    At the name in the blocker's ``influences`` list.

PASS::

    stakeholders:
      - {name: Bjørg Halvorsen, role: decision_maker, stance: 2}
      - {name: Per Holm, role: finance, stance: -1, influences: [Bjørg Halvorsen]}

FAIL::

    stakeholders:
      - {name: Bjørg Halvorsen, role: decision_maker, stance: 2}
      - name: Per Holm
        role: finance
        stance: -3
        influences: [Bjørg Halvorsen]   # KAM117

Instead
    Win the blocker over, or reach the decision maker another way (an
    advocate who influences them too) — and write down how in the actions.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.account import DmuRole
from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM117"
NAME = "blocker-sways-decision-maker"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "No blocker (stance −3) influences a decision maker.",
    "nb": "Ingen blokkerer (holdning −3) påvirker en beslutningstaker.",
}
PROFILES = ("full",)

MESSAGES: Messages = {
    "sways": {
        "en": "{name} is a blocker (−3) and influences decision maker {dm}",
        "nb": "{name} er en blokkerer (−3) og påvirker beslutningstakeren {dm}",
    },
}


def applies(ctx: Context) -> bool:
    """Only plans that record this part of the power map are judged."""
    return any(s.influences for s in ctx.account.stakeholders)


def check(ctx: Context) -> Iterator[Hit]:
    deciders = {s.name for s in ctx.account.stakeholders if s.role is DmuRole.decision_maker}
    for i, person in enumerate(ctx.account.stakeholders):
        if person.stance != -3:
            continue
        for j, other in enumerate(person.influences):
            if other in deciders:
                yield ctx.hit(
                    ("stakeholders", i, "influences", j),
                    ctx.say(MESSAGES, "sways", name=person.name, dm=other),
                )
