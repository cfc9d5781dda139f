"""Win/loss reviews summed over the portfolio (DOMAIN §8: Company X sits down
after every win and every loss).

:func:`win_loss_summary` counts the closed deals per reason and outcome, with
their value, so the planning meeting sees which lesson recurs — "we lose on
price" is a finding about the portfolio, not about one account. A closed deal
without a reviewed reason is counted under ``reason = None`` (not reviewed):
leaving it out would make the reasons look more complete than they are.

Values are in the portfolio's currency; deals of an account in another
currency are counted but their value is left out (it cannot be added up), and
the account is named in ``left_out``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from .account import Account, OpportunityStatus

REASON_LABELS: dict[str, dict[str, str]] = {
    "price": {"en": "price", "nb": "pris"},
    "relationship": {"en": "relationship", "nb": "relasjon"},
    "product_fit": {"en": "product fit", "nb": "produkttilpasning"},
    "delivery": {"en": "delivery", "nb": "leveranse"},
    "service": {"en": "service", "nb": "service"},
    "timing": {"en": "timing", "nb": "tidspunkt"},
    "no_decision": {"en": "no decision", "nb": "ingen beslutning"},
    "other": {"en": "other", "nb": "annet"},
}
"""The default reasons (``[lint] win_loss_reasons``) as a reader sees them; a
team's own reasons are shown as written."""


def reason_label(reason: str, lang: str) -> str:
    return REASON_LABELS.get(reason, {}).get(lang, reason)


@dataclass(frozen=True)
class ReasonRow:
    reason: str | None
    """The review's reason; None: closed without a reviewed reason."""
    outcome: str
    """"won" or "lost"."""
    deals: int
    value: float
    """Σ value of the deals in the portfolio's currency."""
    accounts: tuple[str, ...]
    competitors: tuple[str, ...]
    """Competitors the reviews name, each once, in order of first mention."""


@dataclass(frozen=True)
class WinLossSummary:
    rows: list[ReasonRow]
    """By outcome (lost first: the lessons), then deals (most first), then reason."""
    won: int
    lost: int
    reviewed: int
    left_out: list[str]


def win_loss_summary(
    accounts: Sequence[Account], currency: str, since: _dt.date | None = None
) -> WinLossSummary:
    """Closed deals (closed on or after ``since``, when given) per reason and outcome."""
    groups: dict[tuple[str | None, str], list[tuple[Account, float, str | None]]] = {}
    left_out: list[str] = []
    won = lost = reviewed = 0
    for a in accounts:
        same = (a.currency or currency) == currency
        for o in a.opportunities:
            if o.status is OpportunityStatus.open:
                continue
            day = o.closed or o.expected_close
            if since is not None and (day is None or day < since):
                continue
            review = o.win_loss
            reason = review.reason if review is not None and review.reason else None
            if reason is not None:
                reviewed += 1
            if o.status is OpportunityStatus.won:
                won += 1
            else:
                lost += 1
            if not same and o.value and a.id not in left_out:
                left_out.append(a.id)
            value = (o.value or 0.0) if same else 0.0
            competitor = review.competitor if review is not None else None
            groups.setdefault((reason, o.status.value), []).append((a, value, competitor))
    rows = [
        ReasonRow(
            reason,
            outcome,
            len(deals),
            sum(v for _, v, _ in deals),
            tuple(dict.fromkeys(a.id for a, _, _ in deals)),
            tuple(dict.fromkeys(c for _, _, c in deals if c)),
        )
        for (reason, outcome), deals in groups.items()
    ]
    rows.sort(key=lambda r: (r.outcome != "lost", -r.deals, r.reason is None, r.reason or ""))
    return WinLossSummary(rows, won, lost, reviewed, left_out)
