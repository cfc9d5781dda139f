"""KAM001 invalid-file: the file is not a valid account file.

What it checks
    The file can be read as UTF-8, parsed as YAML 1.2 and validated against the
    account schema (the same checks as ``kamctl validate``). Every YAML or
    schema error is reported as one KAM001 finding at its line and column.

Why
    The plan rules (KAM1xx) read the plan's content; a file that does not
    validate has no reliable content, so none of them runs on it. Reporting
    the errors under a rule id of their own keeps CI output in one format and
    lets ``--fail-on`` and SARIF treat them like any other finding.

Options
    None. KAM001 cannot be ignored or suppressed: an invalid file must be fixed.

PASS::

    id: nordmelk
    name: Nordmelk SA
    stakeholders:
      - name: Bjørg Halvorsen
        stance: 2

FAIL::

    id: nordmelk
    name: Nordmelk SA
    stakeholders:
      - name: Bjørg Halvorsen
        stance: 5          # KAM001: stance is -3..+3

Instead
    Fix the error as the message says; ``kamctl schema`` prints the schema,
    and editors with the YAML language server check it as you type.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM001"
NAME = "invalid-file"
SEVERITY = Severity.error
SUMMARY = {
    "en": "The file is not a valid account file (YAML or schema error).",
    "nb": "Filen er ikke en gyldig kundefil (feil i YAML eller mot skjemaet).",
}
PROFILES = ("full", "light")
# The reader's and validator's own detail stays English (it is shared with
# `kamctl validate`); nb says in Norwegian what kind of finding it is.
MESSAGES: Messages = {
    "invalid": {"en": "{detail}", "nb": "ugyldig kundefil: {detail}"},
    "duplicate_id": {
        "en": "duplicate account id {id} (also in {other})",
        "nb": "kunde-id-en {id} er brukt i to filer (også i {other})",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    # The runner reports these from the loader's diagnostics; a valid file
    # never has a KAM001 finding.
    return iter(())
