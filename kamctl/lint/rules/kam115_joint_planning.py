"""KAM115 joint-planning-unstated: the plan says whether it was agreed with the customer.

What it checks
    A ``joint_planning`` section with ``agreed: true`` or ``agreed: false``.
    ``full`` profile only (KAM light has no joint planning, §1).

Why
    DOMAIN §6 lists joint planning — whether the plan was agreed with the
    customer — in the plan; §4: joint business plans mark the synergistic
    stage, and §8 counts mutual value creation among the success factors.
    ``agreed: false`` is a fine answer; not knowing is not.

Options
    None.

Where
    Where the section belongs when it is absent: the key of the next section
    the file has (``review:``), else the file's last line.

PASS::

    joint_planning:
      agreed: true
      date: 2026-01-20
      with: Kjetil Sandvik

FAIL::

    review:
      reviewed: 2026-09-25
    # KAM115: no joint_planning section

Instead
    Add ``joint_planning: {agreed: false}`` until the plan has been agreed.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM115"
NAME = "joint-planning-unstated"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "The plan states whether it was agreed with the customer (joint planning).",
    "nb": "Planen sier om den er omforent med kunden (felles planlegging).",
}
PROFILES = ("full",)

MESSAGES: Messages = {
    "unstated": {
        "en": "the plan does not say whether it was agreed with the customer (joint_planning.agreed)",
        "nb": "planen sier ikke om den er omforent med kunden (joint_planning.agreed)",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    if ctx.account.joint_planning is None:
        yield ctx.hit(("joint_planning",), ctx.say(MESSAGES, "unstated"))
