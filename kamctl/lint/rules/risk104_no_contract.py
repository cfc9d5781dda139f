"""RISK104 no-contract: a full plan records no contract.

What it checks
    A plan with ``profile: full`` has a ``contract`` section.

Why
    DOMAIN §6 and §7: contract terms and the notice period belong to the
    risks of a key account plan; without them nobody can tell when the
    customer may leave. KAM light plans are not asked for one.

Options
    None.

Where
    The whole file (the section is missing).

PASS::

    contract:
      end: 2027-12-31
      notice_months: 6

FAIL::

    id: doc                       # RISK104: no 'contract' section
    name: Doc AS
    profile: full

Instead
    Add ``contract`` with ``end``, ``notice_months`` and ``auto_renew`` — or
    ``contract: {}`` with a comment when there is truly none.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "RISK104"
NAME = "no-contract"
SEVERITY = Severity.info
SUMMARY = {
    "en": "A full plan records its contract.",
    "nb": "En full plan har avtalen registrert.",
}
PROFILES = ("full",)

MESSAGES: Messages = {
    "no_contract": {
        "en": "no contract recorded (section 'contract')",
        "nb": "ingen avtale registrert (seksjonen «contract»)",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    if ctx.account.contract is None:
        yield ctx.about((), ctx.say(MESSAGES, "no_contract"))
