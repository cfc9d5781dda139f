"""KAM108 stakeholder-coverage: contacts in top management, purchasing/finance and operations/IT.

What it checks
    The stakeholder map has at least one person in each group:

    - top management: ``level: top``
    - purchasing/finance: ``role: buyer`` or ``role: finance``
    - operations/IT: ``role: technical``

    ``full`` profile only; a plan with no stakeholders at all is KAM101's.

Why
    DOMAIN §5 (seed 004) asks for coverage of top management,
    specialists/users, purchasing and finance, and operations/IT/logistics;
    §7 counts "none at top management" as an account risk. Decisions are made
    where we have nobody.

Options
    None.

Where
    At ``stakeholders:``, one finding per missing group.

PASS::

    stakeholders:
      - {name: Bjørg Halvorsen, role: decision_maker, level: top}
      - {name: Kjetil Sandvik, role: buyer, level: middle}
      - {name: Rune Ødegård, role: technical, level: middle}

FAIL::

    stakeholders:              # KAM108: no top management, no operations/IT
      - {name: Kjetil Sandvik, role: buyer, level: middle}
      - {name: Tone Brekke, role: user, level: operational}

Instead
    Find and record the missing people (``owner:`` says who on our side
    builds the relationship), or record the ones you know but left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.account import DmuRole, OrgLevel
from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM108"
NAME = "stakeholder-coverage"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The stakeholder map covers top management, purchasing/finance and operations/IT.",
    "nb": "Interessentkartet dekker toppledelsen, innkjøp/økonomi og drift/IT.",
}
PROFILES = ("full",)

MESSAGES: Messages = {
    "top": {
        "en": "no contact in top management (level: top)",
        "nb": "ingen kontaktperson i toppledelsen (level: top)",
    },
    "buyer": {
        "en": "no contact in purchasing or finance (role: buyer or finance)",
        "nb": "ingen kontaktperson i innkjøp eller økonomi (role: buyer eller finance)",
    },
    "technical": {
        "en": "no contact in operations/IT (role: technical)",
        "nb": "ingen kontaktperson i drift/IT (role: technical)",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    people = ctx.account.stakeholders
    if not people:
        return  # KAM101
    if not any(p.level is OrgLevel.top for p in people):
        yield ctx.hit(("stakeholders",), ctx.say(MESSAGES, "top"))
    if not any(p.role in (DmuRole.buyer, DmuRole.finance) for p in people):
        yield ctx.hit(("stakeholders",), ctx.say(MESSAGES, "buyer"))
    if not any(p.role is DmuRole.technical for p in people):
        yield ctx.hit(("stakeholders",), ctx.say(MESSAGES, "technical"))
