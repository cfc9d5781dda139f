"""STAGE106 mid-single-contact: mid-KAM with at most one contact at the customer.

What it checks
    A plan with ``stage: mid-kam`` has more than one stakeholder.

Why
    DOMAIN §4: mid-KAM means more contacts on both sides; with one contact
    (or none) the relationship is still early-KAM, whatever the file says.

Options
    None.

Where
    At the value of ``stage``.

PASS::

    stage: mid-kam
    stakeholders:
      - name: Kjetil Sandvik
      - name: Heidi Fossum

FAIL::

    stage: mid-kam                # STAGE106
    stakeholders:
      - name: Kjetil Sandvik

Instead
    Record the other contacts, or state ``stage: early-kam``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._stage import stage_hit

ID = "STAGE106"
NAME = "mid-single-contact"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "A mid-KAM stage has more than one contact at the customer.",
    "nb": "Fasen mid-KAM har flere enn én kontakt hos kunden.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "mid": {
        "en": "there is {what} at the customer; mid-KAM means more contacts on both sides",
        "nb": "det er {what} hos kunden; mid-KAM betyr flere kontakter på begge sider",
    },
    "mid.one": {"en": "only one contact", "nb": "bare én kontaktperson"},
    "mid.none": {"en": "no contact", "nb": "ingen kontaktperson"},
}


def applies(ctx: Context) -> bool:
    from kamctl.account import Stage

    return ctx.account.stage is Stage.mid_kam


def check(ctx: Context) -> Iterator[Hit]:
    people = ctx.account.stakeholders
    if len(people) <= 1:
        what = ctx.say(MESSAGES, "mid.one" if people else "mid.none")
        yield stage_hit(ctx, ("stage",), ctx.say(MESSAGES, "mid", what=what))
