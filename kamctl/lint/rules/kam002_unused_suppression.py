"""KAM002 unused-suppression: an inline suppression comment that suppresses nothing.

What it checks
    Every ``# kamctl: disable=KAMxxx`` (on the offending line),
    ``# kamctl: disable-next-line=KAMxxx`` (on the line above) and
    ``# kamctl: disable-file=KAMxxx`` (anywhere) comment must silence at least
    one finding of each rule it names, and name only rules that exist. A
    retired code (RISK150–152, merged into KAM111, KAM106, KAM112) is named
    with the code to use instead. Any rule's code may be named (RISK, STAGE,
    KAISM, PORT too); lint judges "suppresses nothing" only for the rules it
    runs itself, the KAM rules.

Why
    Suppressions outlive their reason: once the plan is fixed, a forgotten
    comment would silently hide the next real problem on that line. Like
    ruff's RUF100 and ESLint's ``--report-unused-disable-directives``, kamctl
    reports them so they get removed.

Options
    None. Ignore KAM002 in ``[lint]`` if you do not want it.

PASS::

    actions:
      - action: Befaring Verdal
        due: 2026-03-31   # kamctl: disable=KAM106
        status: planned   # (overdue on purpose: waiting for the customer)

FAIL::

    actions:
      - action: Befaring Verdal
        owner: Ingrid Solberg   # kamctl: disable=KAM105
        due: 2027-03-31
        status: planned

Instead
    Delete the comment (or the rule id from it).
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM002"
NAME = "unused-suppression"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "An inline '# kamctl: disable=…' comment suppresses nothing.",
    "nb": "Et unntak i filen («# kamctl: disable=…») slår ikke av noe funn.",
}
PROFILES = ("full", "light")
# Used by the runner, which alone knows every other rule's findings.
MESSAGES: Messages = {
    "no_rule": {
        "en": "'# kamctl: {kind}={written}': there is no rule {quoted} (see 'kamctl rules')",
        "nb": "«# kamctl: {kind}={written}»: det finnes ingen regel {quoted} (se «kamctl rules»)",
    },
    "retired": {
        "en": "'# kamctl: {kind}={written}': {written} is retired; use {new} (one check, one code)",
        "nb": "«# kamctl: {kind}={written}»: {written} er faset ut; bruk {new} (én kontroll, én kode)",
    },
    "cannot": {
        "en": "'# kamctl: {kind}={rule}': {rule} cannot be suppressed",
        "nb": "«# kamctl: {kind}={rule}»: {rule} kan ikke slås av",
    },
    "unused": {
        "en": "'# kamctl: {kind}={rule}' suppresses nothing: remove it",
        "nb": "«# kamctl: {kind}={rule}» slår ikke av noe funn: fjern kommentaren",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    # Needs every other rule's findings: computed by the runner.
    return iter(())
