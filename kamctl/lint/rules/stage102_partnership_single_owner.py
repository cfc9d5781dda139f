"""STAGE102 partnership-single-owner: partnership or synergistic stage with every contact held by one person of ours.

What it checks
    A plan with ``stage: partnership-kam`` or ``synergistic-kam`` and more
    than one stakeholder does not have the same ``owner`` for all of them.

Why
    DOMAIN §4: partnership means many contacts on *both* sides. When one
    person of ours holds every relationship, the many-to-many diamond is a
    one-to-many fan.

Options
    None.

Where
    At the value of ``stage``.

PASS::

    stage: partnership-kam
    stakeholders:
      - {name: Kjetil Sandvik, owner: Kari Nordvik}
      - {name: Heidi Fossum, owner: Ola Berg}

FAIL::

    stage: partnership-kam        # STAGE102: all held by Kari Nordvik
    stakeholders:
      - {name: Kjetil Sandvik, owner: Kari Nordvik}
      - {name: Heidi Fossum, owner: Kari Nordvik}

Instead
    Bring other team members into the relationship and record them as
    owners — or state the stage the relationship is in.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._stage import close_stage, stage_hit

ID = "STAGE102"
NAME = "partnership-single-owner"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "A partnership or synergistic stage has contacts held by more than one person on our side.",
    "nb": "Fasen partnerskap eller synergistisk har kontakter som eies av flere enn én hos oss.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "one_owner": {
        "en": "all {n} contacts are held by {owner} on our side; a partnership has many contacts on both sides",
        "nb": "alle {n} kontaktpersonene eies av {owner} hos oss; et partnerskap har mange kontakter på begge sider",
    },
    "one_owner_both": {
        "en": "both contacts are held by {owner} on our side; a partnership has many contacts on both sides",
        "nb": "begge kontaktpersonene eies av {owner} hos oss; et partnerskap har mange kontakter på begge sider",
    },
}

applies = close_stage


def check(ctx: Context) -> Iterator[Hit]:
    people = ctx.account.stakeholders
    owners = {p.owner.strip() for p in people if p.owner and p.owner.strip()}
    if len(people) > 1 and len(owners) == 1 and all(p.owner for p in people):
        owner = next(iter(owners))
        if len(people) == 2:  # "both", as people say it, not "all 2"
            message = ctx.say(MESSAGES, "one_owner_both", owner=owner)
        else:
            message = ctx.say(MESSAGES, "one_owner", n=len(people), owner=owner)
        yield stage_hit(ctx, ("stage",), message)
