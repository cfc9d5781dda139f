"""STAGE103 partnership-no-top: partnership or synergistic stage with no contact at top management.

What it checks
    A plan with ``stage: partnership-kam`` or ``synergistic-kam`` and at
    least one stakeholder has one with ``level: top``.

Why
    DOMAIN §4: a partnership is a relationship between the companies, which
    includes their management; without a top-level contact the stage is
    more hope than fact.

Options
    None.

Where
    At the value of ``stage``.

PASS::

    stage: partnership-kam
    stakeholders:
      - {name: Kjetil Sandvik, level: top}
      - {name: Heidi Fossum, level: middle}

FAIL::

    stage: partnership-kam        # STAGE103
    stakeholders:
      - {name: Kjetil Sandvik, level: middle}
      - {name: Heidi Fossum, level: operational}

Instead
    Build the management contact (and record it with ``level: top``), or
    state the stage the relationship is in.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._stage import close_stage, stage_hit

ID = "STAGE103"
NAME = "partnership-no-top"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "A partnership or synergistic stage has a contact at top management.",
    "nb": "Fasen partnerskap eller synergistisk har kontakt i toppledelsen.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "no_top": {"en": "there is no contact at top management", "nb": "det er ingen kontakt i toppledelsen"},
}

applies = close_stage


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.account import OrgLevel

    people = ctx.account.stakeholders
    if people and not any(p.level is OrgLevel.top for p in people):
        yield stage_hit(ctx, ("stage",), ctx.say(MESSAGES, "no_top"))
