"""What changed since a revision, for the report (``kamctl report --since REV|DATE``).

A typed result built from :func:`kamctl.history.diff.diff_portfolios`: the
quadrant moves, the stance changes of the people at the accounts, and every
account's changes; :func:`kamctl.history.messages.since_view` says it in a
language for the templates.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..account import Account, DmuRole
from ..config import Config
from ..diagnostics import Diagnostic
from ..loader import tree_path
from .diff import AccountDiff, diff_portfolios
from .git import Repo
from .snapshot import Entry, Snapshot, at_revision


@dataclass(frozen=True)
class Move:
    """An account whose KAISM quadrant changed."""

    id: str
    name: str
    old_quadrant: str | None
    new_quadrant: str | None
    old_tier: str | None
    new_tier: str | None
    old_priority: int | None
    new_priority: int | None


@dataclass(frozen=True)
class StanceChange:
    id: str
    name: str
    person: str
    role: str | None
    old: int | None
    new: int | None
    decision_maker_negative: bool


@dataclass
class Since:
    label: str
    """The revision as the user named it."""
    commit: str
    day: _dt.date
    """The commit's date."""
    moves: list[Move] = field(default_factory=list)
    stances: list[StanceChange] = field(default_factory=list)
    diffs: list[AccountDiff] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    """Files invalid at the old revision (left out of the comparison, as in ``kamctl diff``)."""


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def since_result(label: str, commit: str, day: _dt.date, diffs: list[AccountDiff], new: Snapshot) -> Since:
    """The report's "what changed" from the diff of the old portfolio to ``new``."""
    out = Since(label, commit, day, diffs=diffs)
    for d in diffs:
        prio = next((c for c in d.changes if c.code == "priority"), None)
        for c in d.changes:
            if c.code == "quadrant":
                out.moves.append(
                    Move(
                        d.id,
                        d.name,
                        _str(c.old),
                        _str(c.new),
                        _str(c.args.get("old_tier")),
                        _str(c.args.get("new_tier")),
                        _int(prio.old) if prio else None,
                        _int(prio.new) if prio else None,
                    )
                )
            elif c.code in ("stance", "decision_maker_negative"):
                person = c.field.removeprefix("stakeholders[").removesuffix("].stance")
                entry = new.accounts.get(d.id)
                role = None
                if entry is not None:
                    who = next((s for s in entry.account.stakeholders if s.name == person), None)
                    role = who.role.value if who is not None and isinstance(who.role, DmuRole) else None
                out.stances.append(
                    StanceChange(
                        d.id,
                        d.name,
                        person,
                        role,
                        _int(c.old),
                        _int(c.new),
                        c.code == "decision_maker_negative",
                    )
                )
    # A decision maker turning negative first, then by account and person.
    out.stances.sort(key=lambda s: (not s.decision_maker_negative, s.id, s.person))
    return out


def changes_since(
    start: Path,
    current: Config,
    since: str,
    accounts: list[tuple[str, Account]],
    same_config: bool = False,
) -> Since:
    """What changed from revision or date ``since`` to ``accounts`` (the portfolio being
    reported, read with ``current``). :class:`~kamctl.history.git.GitError` says what is
    wrong with ``since``."""
    with Repo(current.source.parent if current.source is not None else start) as repo:
        try:
            day = _dt.date.fromisoformat(since)
        except ValueError:
            sha = repo.resolve(since)
        else:
            sha = repo.at(day)
        old = at_revision(repo, since, sha, current, same_config)
        new = Snapshot("report", None, current)
        for path, account in accounts:
            # as the old side names it: from the repository root (a file of
            # --rev comes as REV:path, a work-tree file relative to the working folder)
            rel = os.path.relpath(os.path.abspath(tree_path(path)), repo.root)
            new.accounts[account.id] = Entry(Path(rel).as_posix(), account)
        result = since_result(since, sha, repo.commit_day(sha), diff_portfolios(old, new), new)
        result.problems = old.diagnostics
        return result
