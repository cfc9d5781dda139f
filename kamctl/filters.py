"""``--kam``, ``--tier`` and ``--quadrant``: which accounts a table shows.

A filter narrows what is *shown*, never what is *computed*: ABC classes,
revenue shares and concentration stay relative to the whole portfolio (an ABC
class "within Kari's accounts" would be a different analysis). Findings about
the whole portfolio are kept; findings about an account are kept when the
account is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .account import Account
    from .config import Config
    from .result import Result

QUADRANTS = ("key_development", "key", "maintenance", "opportunistic", "unclassified")


class FilterError(ValueError):
    """A filter value that names nothing (exit 2, with the values that exist)."""


@dataclass(frozen=True)
class AccountFilter:
    kam: str | None = None
    tier: str | None = None
    quadrant: str | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.kam, self.tier, self.quadrant))

    def check(self, config: Config) -> None:
        if self.quadrant is not None and self.quadrant not in QUADRANTS:
            raise FilterError(f"--quadrant {self.quadrant!r} is not one of {', '.join(QUADRANTS)}")
        if self.tier is not None:
            names = tier_names(config)
            if self.tier.casefold() not in {n.casefold() for n in names} | {"unclassified"}:
                raise FilterError(f"--tier {self.tier!r} is not one of {', '.join([*names, 'unclassified'])}")

    def matches(self, account: Account, config: Config) -> bool:
        if self.kam is not None and (account.kam or "").casefold() != self.kam.casefold():
            return False
        if self.tier is None and self.quadrant is None:
            return True
        from .kaism import classify_account, tier_name

        quadrant = classify_account(account, config.kaism).quadrant
        if self.quadrant is not None and (quadrant or "unclassified") != self.quadrant:
            return False
        if self.tier is not None:
            tier = tier_name(quadrant, config.kaism) if quadrant else "unclassified"
            if tier.casefold() != self.tier.casefold():
                return False
        return True

    def ids(self, accounts: Iterable[Account], config: Config) -> set[str]:
        return {a.id for a in accounts if self.matches(a, config)}

    def describe(self, lang: str) -> str:
        parts = [
            f"{name} {value}"
            for name, value in (("--kam", self.kam), ("--tier", self.tier), ("--quadrant", self.quadrant))
            if value is not None
        ]
        return ", ".join(parts)


def tier_names(config: Config) -> list[str]:
    from .kaism import tier_name

    return [tier_name(q, config.kaism) for q in QUADRANTS[:4]]


_ACCOUNT_KEYS = ("id", "account")


def filter_report(
    report: Result, ids: set[str], paths: set[str] | None = None, kams: set[str] | None = None
) -> None:
    """Keep the rows, matrix entries and findings of the accounts in ``ids``.

    A row is about an account when it has an ``id`` or ``account`` column; a
    group row when it has ``members`` (kept when one member is shown); a KAM
    row (``kam`` and ``ids``) when the KAM is in ``kams``. Other rows (ABC's
    per-class sums) are about the portfolio and stay.
    """
    for t in report.tables:
        keys = {c.key for c in t.columns}
        if "members" in keys:
            t.rows = [r for r in t.rows if ids & set(r.get("members") or ())]
        elif "ids" in keys and "kam" in keys:
            t.rows = [
                {**r, "ids": [i for i in r.get("ids") or () if i in ids]}
                for r in t.rows
                if kams is None or (r.get("kam") or "").casefold() in kams
            ]
            t.rows = [r for r in t.rows if r["ids"]]
        else:
            key = next((k for k in _ACCOUNT_KEYS if k in keys), None)
            if key is not None:
                t.rows = [r for r in t.rows if r.get(key) in ids]
    if report.matrix is not None:
        report.matrix.cells = {
            q: [e for e in entries if e[0] in ids] for q, entries in report.matrix.cells.items()
        }
    # A finding is about a shown account by its account id or, without one, by
    # its file; one without either is about the portfolio and stays.
    report.diagnostics = [
        d
        for d in report.diagnostics
        if ((d.account in ids) if d.account else (not d.path or paths is None or d.path in paths))
    ]
