"""RISK120 key-person-against: a decision maker or high-influence person with a negative stance.

What it checks
    No stakeholder with ``role: decision_maker`` or ``influence: high`` has a
    ``stance`` below 0 (−1 sceptic, −2 critic, −3 blocker).

Why
    DOMAIN §5 and §7: key decision makers with a negative stance are an
    account risk; they decide whether the account stays, whatever the
    friendly contacts further down think.

Options
    None.

Where
    At the value of the person's ``stance``.

PASS::

    stakeholders:
      - name: Kjetil Sandvik
        role: decision_maker
        stance: 1

FAIL::

    stakeholders:
      - name: Kjetil Sandvik
        role: decision_maker
        stance: -2                # RISK120: critic

Instead
    Find out why, and plan actions that address it (with an owner and a due
    date); KAM117 and KAM118 show who else is pulling that way.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages
from kamctl.lint.rules._text import signed, who

ID = "RISK120"
NAME = "key-person-against"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "No decision maker or high-influence person has a negative stance.",
    "nb": "Ingen beslutningstaker eller person med stor innflytelse er negativ til oss.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "against": {
        "en": "{who} {person} has stance {stance} ({label})",
        "nb": "{who} {person} har holdning {stance} ({label})",
    },
    "decision_maker": {"en": "decision maker", "nb": "beslutningstakeren"},
    "high_influence": {"en": "high-influence contact", "nb": "kontaktpersonen med stor innflytelse"},
}


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.account import STANCE_LABELS, DmuRole, Level
    from kamctl.i18n import Locale

    for i, p in enumerate(ctx.account.stakeholders):
        if p.stance is None or p.stance >= 0:
            continue
        if p.role is not DmuRole.decision_maker and p.influence is not Level.high:
            continue
        role = "decision_maker" if p.role is DmuRole.decision_maker else "high_influence"
        label = STANCE_LABELS[p.stance] if ctx.lang == "en" else Locale(ctx.lang).t(f"stance.{p.stance}")
        message = ctx.say(
            MESSAGES,
            "against",
            who=ctx.say(MESSAGES, role),
            person=who(p),
            stance=signed(p.stance),
            label=label,
        )
        yield ctx.about(("stakeholders", i, "stance"), message)
