"""KAM127 decision-maker-unreached: every decision maker is reached by a supporter.

What it checks
    In a plan that records who influences whom (``influences``), each
    decision maker (``role: decision_maker``) who is not a supporter
    themselves (stance below +1) can be reached from some supporter
    (stance +1 or more) along ``influences``: directly, or through people in
    between. A decision maker no supporter reaches is a finding.

Why
    DOMAIN §5 and seed 003: the power map exists to show "decision
    processes and relationships between people at the customer". A deal is
    decided by its decision makers; if none of the people on our side has a
    line of influence to one of them, nobody speaks for us where it matters,
    however many supporters the map lists. Miller & Heiman's strategic
    selling calls this the missing coach.

Options
    None; the severity is set with ``[lint.severity]``. Plans without any
    ``influences`` are not judged (the map is not drawn yet, which KAM108
    and KAM110 already cover).

Where
    At the decision maker's ``role:``.

PASS::

    stakeholders:
      - {name: Bjørg Halvorsen, role: decision_maker, stance: 0}
      - {name: Per Holm, role: user, stance: 1, influences: [Ola Dahl]}
      - {name: Ola Dahl, role: technical, stance: 0, influences: [Bjørg Halvorsen]}

FAIL::

    stakeholders:
      - {name: Bjørg Halvorsen, role: decision_maker, stance: 0}   # KAM127
      - {name: Per Holm, role: user, stance: 2, influences: [Ola Dahl]}
      - {name: Ola Dahl, role: technical, stance: 0}

Instead
    Find who the decision maker listens to and build that relationship, or
    win the decision maker directly — and put it in the actions with an owner.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.account import DmuRole
from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM127"
NAME = "decision-maker-unreached"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "Every decision maker who is not a supporter is reached by a supporter along influences.",
    "nb": "Hver beslutningstaker som ikke er en støttespiller, nås av en støttespiller gjennom påvirkning.",
}
PROFILES = ("full",)

MESSAGES: Messages = {
    "unreached": {
        "en": "decision maker {name} (stance {stance:+d}) is not reached by any supporter along influences",
        "nb": "beslutningstakeren {name} (holdning {stance:+d}) nås ikke av noen støttespiller gjennom påvirkning",
    },
    "no_supporter": {
        "en": "decision maker {name} (stance {stance:+d}) is not reached by any supporter: the map has no supporter",
        "nb": "beslutningstakeren {name} (holdning {stance:+d}) nås ikke av noen støttespiller: kartet har ingen støttespiller",
    },
}

SUPPORTER = 1
"""Stance from which a person speaks for us (+1 supporter, +2 partner, +3 advocate)."""


def applies(ctx: Context) -> bool:
    """Only plans that record influence, and have a decision maker, are judged."""
    people = ctx.account.stakeholders
    return any(p.influences for p in people) and any(p.role is DmuRole.decision_maker for p in people)


def reached(ctx: Context) -> set[str]:
    """Names reachable from a supporter along ``influences`` (supporters included)."""
    sways = {p.name: list(p.influences) for p in ctx.account.stakeholders}
    seen = {p.name for p in ctx.account.stakeholders if (p.stance or 0) >= SUPPORTER}
    todo = list(seen)
    while todo:
        for name in sways.get(todo.pop(), []):
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return seen


def check(ctx: Context) -> Iterator[Hit]:
    people = ctx.account.stakeholders
    reach = reached(ctx)
    any_supporter = any((p.stance or 0) >= SUPPORTER for p in people)
    for i, p in enumerate(people):
        if p.role is not DmuRole.decision_maker or p.name in reach:
            continue
        yield ctx.hit(
            ("stakeholders", i, "role"),
            ctx.say(
                MESSAGES,
                "unreached" if any_supporter else "no_supporter",
                name=ctx.quote(p.name),
                stance=p.stance or 0,
            ),
        )
