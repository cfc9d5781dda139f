"""ABC analysis (DOMAIN §2): rank customers by a value, classify by cumulative share.

The boundary rule is exact: A is the *smallest* set of top customers whose
cumulative share reaches the A cut-off, so the customer whose share crosses
the cut-off is still A; B likewise up to the B cut-off; C is the rest. Ties in
value are ordered by id. When ranking by a margin, customers at or below zero
take no part in the cumulative share and are D (loss-making).

The comparisons are made on exact decimal fractions of the values as written
(``Fraction(repr(x))``), not on floats: a customer whose cumulative share is
80 % on paper must not become B because 0.1 + 0.7 is 0.7999999999999999.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import AbcConfig

CLASSES = ("A", "B", "C", "D")


@dataclass(frozen=True)
class AbcRow:
    id: str
    name: str
    value: float
    rank: int
    """1-based position in the ranking; D customers are ranked after all others."""
    share: float
    """Percent of the total of the positive values (negative for D customers)."""
    cumulative: float
    """Cumulative percent up to and including this customer; D customers add nothing."""
    cls: str
    """"A" | "B" | "C" | "D"."""


@dataclass(frozen=True)
class ClassSummary:
    cls: str
    count: int
    value: float
    share: float


def _exact(value: float) -> Fraction:
    # repr() is the shortest text that reads back as the same float: for
    # amounts read from "1 234 567,50" or YAML that is the text the user wrote.
    return Fraction(repr(float(value)))


def abc_classify(
    items: Sequence[tuple[str, str, float]], cfg: AbcConfig, *, allow_d: bool = False
) -> list[AbcRow]:
    """Rank ``(id, name, value)`` items and classify them A/B/C (and D with ``allow_d``).

    Without ``allow_d`` (ranking by revenue) a negative value is a caller bug:
    revenue cannot be negative.
    """
    ranked = sorted(items, key=lambda it: (-it[2], it[0]))
    if allow_d:
        positive = [it for it in ranked if it[2] > 0]
        loss = [it for it in ranked if it[2] <= 0]
    else:
        bad = [it for it in ranked if it[2] < 0]
        if bad:
            raise ValueError(f"negative value for {bad[0][0]!r}; only margins may be negative")
        positive, loss = ranked, []

    total = sum((_exact(it[2]) for it in positive), Fraction(0))
    a_cut = _exact(cfg.a) / 100
    b_cut = _exact(cfg.b) / 100
    rows: list[AbcRow] = []
    running = Fraction(0)
    for rank, (id_, name, value) in enumerate(positive, 1):
        # With a zero total nothing is shared out; starting "at 100 %" puts
        # every customer in C, since none carries any of the business.
        before = running / total if total else Fraction(1)
        running += _exact(value)
        # The class is decided by where the customer *starts*: whoever starts
        # below the cut-off is needed to reach it, so it belongs inside.
        if before < a_cut:
            cls = "A"
        elif before < b_cut:
            cls = "B"
        else:
            cls = "C"
        share = float(_exact(value) * 100 / total) if total else 0.0
        cumulative = float(running * 100 / total) if total else 0.0
        rows.append(AbcRow(id_, name, float(value), rank, share, cumulative, cls))
    last_cum = rows[-1].cumulative if rows else 0.0
    for rank, (id_, name, value) in enumerate(loss, len(rows) + 1):
        share = float(_exact(value) * 100 / total) if total else 0.0
        rows.append(AbcRow(id_, name, float(value), rank, share, last_cum, "D"))
    return rows


def summarize(rows: Sequence[AbcRow]) -> list[ClassSummary]:
    """Count, value and share per class, in A, B, C, D order (classes with no customer omitted)."""
    total = sum((_exact(r.value) for r in rows if r.cls != "D"), Fraction(0))
    out = []
    for cls in CLASSES:
        members = [r for r in rows if r.cls == cls]
        if not members:
            continue
        value = sum((_exact(r.value) for r in members), Fraction(0))
        out.append(
            ClassSummary(cls, len(members), float(value), float(value * 100 / total) if total else 0.0)
        )
    return out
