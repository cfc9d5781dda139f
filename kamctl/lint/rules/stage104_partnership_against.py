"""STAGE104 partnership-against: partnership or synergistic stage with a decision maker against us.

What it checks
    In a plan with ``stage: partnership-kam`` or ``synergistic-kam``, no
    stakeholder with ``role: decision_maker`` has a ``stance`` below 0.

Why
    DOMAIN §4 and §5: a partnership needs the decision makers on our side; a
    critic among them contradicts the stated stage.

Options
    None.

Where
    At the value of the decision maker's ``stance``.

PASS::

    stage: partnership-kam
    stakeholders:
      - {name: Kjetil Sandvik, role: decision_maker, stance: 2}

FAIL::

    stage: partnership-kam
    stakeholders:
      - name: Kjetil Sandvik
        role: decision_maker
        stance: -1                # STAGE104

Instead
    Work on that person's view of us (RISK120 says the same for any stage),
    or state the stage the relationship is in.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._stage import close_stage, stage_hit
from kamctl.lint.rules._text import signed

ID = "STAGE104"
NAME = "partnership-against"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "A partnership or synergistic stage has no decision maker against us.",
    "nb": "Fasen partnerskap eller synergistisk har ingen beslutningstaker mot oss.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "against": {
        "en": "decision maker {name} has stance {stance}",
        "nb": "beslutningstakeren {name} har holdning {stance}",
    },
}

applies = close_stage


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.account import DmuRole

    for i, p in enumerate(ctx.account.stakeholders):
        if p.role is DmuRole.decision_maker and p.stance is not None and p.stance < 0:
            message = ctx.say(MESSAGES, "against", name=p.name, stance=signed(p.stance))
            yield stage_hit(ctx, ("stakeholders", i, "stance"), message)
