"""Two portfolios compared: accounts tracked by id, so a moved file is a rename."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..abc import abc_classify
from ..portfolio import analysis_year, year_row
from .changes import Change, Value, account_changes
from .snapshot import Snapshot


@dataclass
class AccountDiff:
    id: str
    name: str
    old_path: str | None
    new_path: str | None
    changes: list[Change] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "old_path": self.old_path,
            "new_path": self.new_path,
            "changes": [c.to_json() for c in self.changes],
        }


def abc_classes(snap: Snapshot) -> dict[str, str]:
    """ABC class by revenue of the analysed year, as ``kamctl abc`` ranks them."""
    accounts = [e.account for e in snap.accounts.values()]
    year = analysis_year(accounts, snap.config.fiscal_year)
    items = []
    for acc in accounts:
        row = year_row(acc, year)
        if row is not None and row.revenue is not None:
            items.append((acc.id, acc.name, float(row.revenue)))
    return {r.id: r.cls for r in abc_classify(items, snap.config.abc)}


def diff_portfolios(old: Snapshot, new: Snapshot) -> list[AccountDiff]:
    """Per account (by id, in id order) what changed; accounts without changes are left out."""
    abc_old, abc_new = abc_classes(old), abc_classes(new)
    out: list[AccountDiff] = []
    unknown = old.unreadable | new.unreadable  # their diagnostics say why
    for ident in sorted((set(old.accounts) | set(new.accounts)) - unknown):
        a, b = old.accounts.get(ident), new.accounts.get(ident)
        abc: tuple[Value, Value] = (abc_old.get(ident), abc_new.get(ident))
        changes = account_changes(
            a.account if a else None, b.account if b else None, old.config, new.config, abc
        )
        if a and b and a.path != b.path:
            changes.insert(0, Change("account_renamed", "path", a.path, b.path))
        if changes:
            name = (b or a).account.name  # type: ignore[union-attr]
            out.append(AccountDiff(ident, name, a.path if a else None, b.path if b else None, changes))
    return out
