"""KAM101 section-missing: every minimum plan section is present and not empty.

What it checks
    The sections DOMAIN.md §6 lists as the minimum contents of an account
    plan are present and say something (``team: []`` or ``customer: {}`` count
    as missing).

    ``full`` profile: ``team``, ``customer``, ``goals``, ``strategy``,
    ``opportunities``, ``white_space``, ``risks``, ``stakeholders``,
    ``actions``, ``measures``, ``rhythm``.

    ``light`` profile (KAM light, §1: less time per customer, a plain
    buyer–seller relation): ``customer``, ``goals``, ``strategy``,
    ``stakeholders``, ``actions``.

    Joint planning and the plan review have rules of their own (KAM115, KAM112).

Why
    DOMAIN §6 (seed 004): a plan without these cannot answer who does what, where we
    want to go, how, with whom at the customer, and what happens next. A plan
    must be readable by people who did not write it (seed 002).

Options
    None; the plan's ``profile`` decides which sections are required.

Where
    An absent section is reported where it belongs — at the key of the next
    section the file has (it goes just above it), else at the file's last
    line — never at line 1, the modeline a pull request rarely touches; an
    empty one at its key.

PASS::

    profile: light
    customer: {business: Analyserer fisk og vannprøver for oppdrettere.}
    goals:
      operational:
        - {goal: Omsetning 2026, target: 2100000, unit: NOK}
    strategy: {main: Utvikle kjøleboks-konseptet sammen med kunden.}
    stakeholders:
      - {name: Nora Lie Strøm, role: decision_maker, stance: 2}
    actions:
      - {action: Test av kjøleboks, owner: Hanne Moen, due: 2027-01-20, status: planned}

FAIL::

    profile: light
    customer: {}              # KAM101 at customer: (empty)
    goals:
      operational:
        - {goal: Omsetning 2026, metric: revenue, target: 2100000, unit: NOK}
    # strategy, stakeholders and actions absent: three KAM101 findings at the last line

Instead
    Add the section; ``kamctl new`` scaffolds a plan with every section.
    If a section truly does not apply to a plan, set ``profile: light`` or
    ignore KAM101 for that file with a ``per_path`` entry in ``[lint]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages, is_empty

ID = "KAM101"
NAME = "section-missing"
SEVERITY = Severity.error
SUMMARY = {
    "en": "Every minimum plan section (DOMAIN §6) is present and not empty.",
    "nb": "Alle minimumsseksjonene i en kundeplan (DOMAIN §6) finnes og er fylt ut.",
}
PROFILES = ("full", "light")

SECTIONS = {
    "full": (
        "team",
        "customer",
        "goals",
        "strategy",
        "opportunities",
        "white_space",
        "risks",
        "stakeholders",
        "actions",
        "measures",
        "rhythm",
    ),
    "light": ("customer", "goals", "strategy", "stakeholders", "actions"),
}

MESSAGES: Messages = {
    "missing": {
        "en": "section '{section}' is missing: {what}",
        "nb": "seksjonen «{section}» mangler: {what}",
    },
    "empty": {
        "en": "section '{section}' is empty: add {what}",
        "nb": "seksjonen «{section}» er tom: legg inn {what}",
    },
    "what.team": {"en": "the account team (who does what)", "nb": "kundeteamet (hvem gjør hva)"},
    "what.customer": {"en": "the customer profile", "nb": "kundeprofilen"},
    "what.goals": {"en": "goals on three horizons", "nb": "mål på tre tidshorisonter"},
    "what.strategy": {
        "en": "the main strategy and part-strategies",
        "nb": "hovedstrategien og delstrategiene",
    },
    "what.opportunities": {"en": "the opportunity pipeline", "nb": "mulighetene i pipelinen"},
    "what.white_space": {
        "en": "the white-space matrix (our offerings × the customer's units)",
        "nb": "white space-matrisen (våre tilbud × kundens enheter)",
    },
    "what.risks": {"en": "the risks", "nb": "risikoene"},
    "what.stakeholders": {"en": "the stakeholder map", "nb": "interessentkartet"},
    "what.actions": {
        "en": "the actions for the next 3–12 months",
        "nb": "aktivitetene for de neste 3–12 månedene",
    },
    "what.measures": {"en": "how the account is measured", "nb": "hvordan kundeforholdet måles"},
    "what.rhythm": {
        "en": "the meeting rhythm (operational meetings, QBRs)",
        "nb": "møterytmen (driftsmøter, QBR-er)",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    data = ctx.doc.data if ctx.doc is not None else None
    for section in SECTIONS[ctx.profile]:
        value = getattr(ctx.account, section)
        present = section in data if isinstance(data, dict) else value not in (None, [])
        what = ctx.say(MESSAGES, f"what.{section}")
        if not present:
            yield ctx.hit((section,), ctx.say(MESSAGES, "missing", section=section, what=what))
        elif is_empty(value):
            yield ctx.hit((section,), ctx.say(MESSAGES, "empty", section=section, what=what))
