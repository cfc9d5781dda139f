"""STAGE105 synergistic-not-agreed: synergistic stage without a plan agreed with the customer.

What it checks
    A plan with ``stage: synergistic-kam`` has ``joint_planning.agreed: true``.

Why
    DOMAIN §4: synergistic KAM means joint business plans, shared resources
    and open books; a plan the customer has not agreed is not one.

Options
    None.

Where
    At the value of ``joint_planning.agreed``, or of ``stage`` when there is
    no ``joint_planning``.

PASS::

    stage: synergistic-kam
    joint_planning:
      agreed: true

FAIL::

    stage: synergistic-kam
    joint_planning:
      agreed: false               # STAGE105

Instead
    Agree the plan with the customer (and record when and with whom), or
    state the stage the relationship is in.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._stage import stage_hit

ID = "STAGE105"
NAME = "synergistic-not-agreed"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "A synergistic stage has a plan agreed with the customer.",
    "nb": "Synergistisk fase har en plan som er omforent med kunden.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "not_agreed": {
        "en": "the plan is not agreed with the customer (joint_planning.agreed); "
        "synergistic KAM means joint business plans",
        "nb": "planen er ikke omforent med kunden (joint_planning.agreed); "
        "synergistisk KAM betyr felles forretningsplaner",
    },
}


def applies(ctx: Context) -> bool:
    from kamctl.account import Stage

    return ctx.account.stage is Stage.synergistic_kam


def check(ctx: Context) -> Iterator[Hit]:
    jp = ctx.account.joint_planning
    if jp is None or not jp.agreed:
        loc = ("joint_planning", "agreed") if jp is not None else ("stage",)
        yield stage_hit(ctx, loc, ctx.say(MESSAGES, "not_agreed"))
