"""The one result type every check produces: a message at a place in a file.

``kamctl validate`` (schema errors), ``kamctl lint`` (rule findings) and
``kamctl risk`` (account-level findings) all yield :class:`Diagnostic`; the
formatters in :mod:`kamctl.formatters` know nothing else.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any

from .i18n import Message


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank


@dataclass(frozen=True)
class Diagnostic:
    path: str
    """The file as the user named it (relative paths stay relative)."""
    line: int
    """1-based; 0 when the problem is with the whole file or not with a file."""
    column: int
    """1-based; 0 when unknown."""
    severity: Severity
    code: str
    """Stable id: ``yaml`` and ``schema`` for validation, ``KAM1xx`` for lint rules, …"""
    message: str
    field: str | None = None
    """Dotted path of the offending field, e.g. ``stakeholders[2].stance``."""
    source: str | None = dataclasses.field(default=None, compare=False)
    """The offending line of the file, shown under the message."""
    account: str | None = None
    text_data: Message | None = dataclasses.field(default=None, compare=False)
    """The message as data (id and arguments) where its producer has converted
    to the catalogues; ``message`` is then its English. Reporters show
    :meth:`text` in the run's language."""

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.column, self.code, self.message)

    def text(self, lang: str) -> str:
        """The message in ``lang`` (the English ``message`` when it is not data)."""
        return self.text_data.text(lang) if self.text_data is not None else self.message

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("text_data")
        d["severity"] = self.severity.value
        return d


def field_path(loc: tuple[int | str, ...] | list[int | str]) -> str:
    """('stakeholders', 2, 'stance') → 'stakeholders[2].stance'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
