"""Plan completeness and quality rules (``kamctl lint``).

The public entry point is :func:`lint_document`; rules live one per module in
:mod:`kamctl.lint.rules` and are listed in :mod:`kamctl.lint.registry`.
"""

from __future__ import annotations

from .runner import lint_document

__all__ = ["lint_document"]
