"""PORT105 no-kam: an account names no KAM.

What it checks
    Every account file has a non-empty ``kam``.

Why
    DOMAIN §1 and §6: a key account has one person who owns it — who does
    what in the account team starts there. Without a name nobody owns the
    account, and the KAM-load figures (PORT104) cannot count it.

Options
    None.

Where
    The account's file (line 0: the field is missing).

PASS::

    kam: Kari Nordvik

FAIL::

    id: doc                       # PORT105: no kam
    name: Doc AS

Instead
    Name the KAM: ``kam: Kari Nordvik``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Hit, Messages, PortfolioContext

ID = "PORT105"
NAME = "no-kam"
SEVERITY = Severity.warning
SCOPE = "portfolio"
SUMMARY = {
    "en": "Every account names its KAM.",
    "nb": "Hver kunde har en KAM oppgitt.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "no_kam": {
        "en": "{id}: no KAM named (field 'kam'); nobody owns the account",
        "nb": "{id}: ingen KAM oppgitt (feltet «kam»); ingen eier kunden",
    },
}


def check(ctx: PortfolioContext) -> Iterator[Hit]:
    for a in ctx.accounts:
        if not (a.kam and a.kam.strip()):
            yield ctx.hit(ctx.say(MESSAGES, "no_kam", id=a.id), account=a.id, field="kam")
