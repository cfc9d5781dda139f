"""Inline suppression: ``# kamctl: disable=CODE`` and its two siblings.

A finding on a line with ``# kamctl: disable=R`` (or below a line with
``# kamctl: disable-next-line=R``, or anywhere in a file with
``# kamctl: disable-file=R``) is suppressed, whatever command reports it. A
suppression that suppresses nothing is itself a finding (KAM002, judged by
``lint`` for the rules lint runs). A finding about a whole file (line 0) is
suppressed only by ``disable-file``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kamctl.yamlsource import Document

# Ids are separated by commas; text after the last id (a space, then anything)
# is the reason and is ignored. A token that is no rule id ("all") is reported.
_DIRECTIVE = re.compile(
    r"#\s*kamctl:\s*(?P<kind>disable-next-line|disable-file|disable)\s*=\s*"
    r"(?P<ids>[^\s,]+(?:\s*,\s*[^\s,]+)*)"
)
_ID = re.compile(r"[^\s,]+")


@dataclass
class Suppression:
    line: int
    """The line of the comment."""
    column: int
    """Column of the rule id in the comment (where KAM002 points)."""
    kind: str
    rule_id: str
    """As written, upper-cased (ids are case-insensitive)."""
    written: str = ""
    used: bool = False

    def covers(self, line: int) -> bool:
        if self.kind == "disable-file":
            return True
        if self.kind == "disable-next-line":
            return line == self.line + 1
        return line == self.line


def find_suppressions(doc: Document) -> list[Suppression]:
    """Suppression comments in ``doc``; text that only looks like one inside a
    quoted or block scalar is not a comment and is skipped."""
    found: list[Suppression] = []
    if "kamctl:" not in doc.text:  # most files have none: skip the line split
        return found
    for number, line in enumerate(doc.text.splitlines(), 1):
        if "kamctl:" not in line:
            continue
        for m in _DIRECTIVE.finditer(line):
            start = m.start()
            if start > 0 and not line[start - 1].isspace():
                continue  # YAML: a comment starts at '#' after whitespace
            if _inside_scalar(doc.root, number - 1, start):
                continue
            for idm in _ID.finditer(m.group("ids")):
                found.append(
                    Suppression(
                        line=number,
                        column=m.start("ids") + idm.start() + 1,
                        kind=m.group("kind"),
                        rule_id=idm.group().upper(),
                        written=idm.group(),
                    )
                )
    return found


def suppressed(suppressions: list[Suppression], rule_id: str, line: int) -> bool:
    """Is a finding of ``rule_id`` at ``line`` suppressed? Marks the comments used."""
    hit_any = False
    for s in suppressions:
        if s.rule_id == rule_id and s.covers(line):
            s.used = True
            hit_any = True
    return hit_any


def _inside_scalar(node: Any, line: int, column: int) -> bool:
    """Is 0-based (line, column) inside a scalar's text (so not a comment)?"""
    start, end = node.start_mark, node.end_mark
    if (line, column) < (start.line, start.column) or (line, column) >= (end.line, end.column):
        return False
    if node.id == "scalar":
        return True
    children = node.value if node.id == "sequence" else [n for pair in node.value for n in pair]
    return any(_inside_scalar(child, line, column) for child in children)
