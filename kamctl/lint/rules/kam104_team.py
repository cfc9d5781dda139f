"""KAM104 team-role-missing: every account-team member has a role and a responsibility.

What it checks
    Each entry under ``team`` has a ``role`` (KAM, service manager, product
    specialist …) and a ``responsibility`` (what this person does for the
    account).

Why
    DOMAIN §6: the account team is members, roles and responsibilities — who
    does what. A list of names does not tell the customer's planner whom to
    call, and DOMAIN §8 counts "a dedicated team" among the success factors.

Options
    None.

Where
    At the team member's entry.

PASS::

    team:
      - name: Ingrid Solberg
        role: KAM
        responsibility: Eier planen, prisforhandlinger og QBR.

FAIL::

    team:
      - name: Marte Vik        # KAM104: no role, no responsibility

Instead
    Add ``role:`` and ``responsibility:`` to each member.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM104"
NAME = "team-role-missing"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "Every account-team member has a role and a responsibility.",
    "nb": "Alle i kundeteamet har en rolle og et ansvar.",
}
PROFILES = ("full", "light")

FIELDS = ("role", "responsibility")
MESSAGES: Messages = {
    "missing": {"en": "team member {name} has no {missing}", "nb": "teammedlemmet {name} mangler {missing}"},
    "field.role": {"en": "role", "nb": "rolle (role)"},
    "field.responsibility": {"en": "responsibility", "nb": "ansvar (responsibility)"},
}


def check(ctx: Context) -> Iterator[Hit]:
    for i, member in enumerate(ctx.account.team):
        missing = [ctx.say(MESSAGES, f"field.{f}") for f in FIELDS if not (getattr(member, f) or "").strip()]
        if missing:
            text = ctx.say(MESSAGES, "missing", name=ctx.quote(member.name), missing=ctx.join(missing, "nor"))
            yield ctx.hit(("team", i), text)
