"""KAM118 key-person-favours-competitor: a key person prefers a competitor that is present.

What it checks
    A key person — a decision maker, or anyone with ``influence: high`` —
    whose ``competitor_stance`` towards a competitor listed under
    ``competitors`` is +1 or more and higher than their stance towards us
    (an unknown stance towards us counts as 0).

Why
    DOMAIN §7: strong competitors present and key people with a poor stance
    are account risks; seed 003 (Company X) measures each person's stance
    "also towards competitors". A decision maker who favours a competitor
    already at the account is where a key account is lost.

Options
    None; the severity is set with ``[lint.severity]``.

Where
    At the competitor's entry in the person's ``competitor_stance``.

PASS::

    competitors:
      - {name: Emballasjehuset Vest AS, strength: medium}
    stakeholders:
      - name: Gunnar Tveit
        role: decision_maker
        stance: 2
        competitor_stance: {Emballasjehuset Vest AS: 1}

FAIL::

    competitors:
      - {name: Emballasjehuset Vest AS, strength: medium}
    stakeholders:
      - name: Gunnar Tveit
        role: decision_maker
        stance: 0
        competitor_stance: {Emballasjehuset Vest AS: 2}   # KAM118

Instead
    Find out what the competitor gives this person that we do not, and put
    an action with an owner into the plan.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.account import DmuRole, Level
from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM118"
NAME = "key-person-favours-competitor"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "No key person favours a competitor present at the account over us.",
    "nb": "Ingen nøkkelperson foretrekker en konkurrent som er inne hos kunden framfor oss.",
}
PROFILES = ("full",)

MESSAGES: Messages = {
    "favours": {
        "en": "{name} favours competitor {competitor} ({theirs:+d}) over us ({ours:+d})",
        "nb": "{name} foretrekker konkurrenten {competitor} ({theirs:+d}) framfor oss ({ours:+d})",
    },
}


def applies(ctx: Context) -> bool:
    """Only plans that record this part of the power map are judged."""
    return any(s.competitor_stance for s in ctx.account.stakeholders)


def check(ctx: Context) -> Iterator[Hit]:
    present = {c.name for c in ctx.account.competitors}
    for i, person in enumerate(ctx.account.stakeholders):
        if person.role is not DmuRole.decision_maker and person.influence is not Level.high:
            continue
        ours = person.stance if person.stance is not None else 0
        for competitor, theirs in person.competitor_stance.items():
            if competitor in present and theirs >= 1 and theirs > ours:
                yield ctx.hit(
                    ("stakeholders", i, "competitor_stance", competitor),
                    ctx.say(
                        MESSAGES, "favours", name=person.name, competitor=competitor, theirs=theirs, ours=ours
                    ),
                )
