"""STAGE101 partnership-single-contact: partnership or synergistic stage with one contact at the customer.

What it checks
    A plan with ``stage: partnership-kam`` or ``synergistic-kam`` has more
    than one stakeholder.

Why
    DOMAIN §4: partnership-KAM means many-to-many contacts (the "diamond");
    a stage the file's own data contradicts is either optimistic or the power
    map is out of date — both matter when budgets follow the stage.

Options
    None.

Where
    At the value of ``stage``.

PASS::

    stage: partnership-kam
    stakeholders:
      - name: Kjetil Sandvik
      - name: Heidi Fossum

FAIL::

    stage: partnership-kam        # STAGE101: only Kjetil Sandvik
    stakeholders:
      - name: Kjetil Sandvik

Instead
    Record the other people you work with, or state the stage the
    relationship really is in (early-kam, mid-kam).
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._stage import close_stage, stage_hit

ID = "STAGE101"
NAME = "partnership-single-contact"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "A partnership or synergistic stage has more than one contact at the customer.",
    "nb": "Fasen partnerskap eller synergistisk har flere enn én kontakt hos kunden.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "single": {
        "en": "there is {who}; a partnership has many contacts on both sides",
        "nb": "det er {who}; et partnerskap har mange kontakter på begge sider",
    },
    "only_one": {
        "en": "only one contact at the customer ({name})",
        "nb": "bare én kontaktperson hos kunden ({name})",
    },
    "none": {"en": "no contacts at the customer", "nb": "ingen kontaktpersoner hos kunden"},
}

applies = close_stage


def check(ctx: Context) -> Iterator[Hit]:
    people = ctx.account.stakeholders
    if len(people) > 1:
        return
    who = ctx.say(MESSAGES, "only_one", name=people[0].name) if people else ctx.say(MESSAGES, "none")
    yield stage_hit(ctx, ("stage",), ctx.say(MESSAGES, "single", who=who))
