"""One account through its commits: who changed what, when (``kamctl log``).

One ``git log --raw`` over the accounts folder gives, per commit, the blob ids
of the files it changed; only those blobs are parsed (once each, by blob id),
and the account is followed by its ``id`` across renames. Merges count by
their first parent, as the current branch saw them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..account import Account
from ..config import Config
from .changes import Change, account_changes
from .fieldpath import MISSING, Json, Missing, Segment, pin, value_at
from .git import Commit, Repo
from .snapshot import parse_blob

_NULL = "0" * 40


@dataclass
class Step:
    commit: Commit
    path: str
    changes: list[Change]


def _commits(repo: Repo, rev: str, folder: str) -> list[tuple[Commit, list[tuple[str, str]]]]:
    """(commit, [(path, new blob id or the null id when deleted)]) oldest first."""
    out = repo.git(
        "log", "--first-parent", "-m", "--raw", "--no-abbrev", "--no-renames", "--reverse", "-z",
        "--format=%x01%H%x00%an%x00%aI%x00%s", rev, "--", folder,
    )  # fmt: skip
    found: list[tuple[Commit, list[tuple[str, str]]]] = []
    for chunk in out.split(b"\x01")[1:]:
        fields = chunk.split(b"\0")
        sha, author, date, subject = (f.decode("utf-8", "replace") for f in fields[:4])
        files: list[tuple[str, str]] = []
        rest = [f for f in fields[4:] if f.strip(b"\n")]
        for meta, name in zip(rest[::2], rest[1::2], strict=False):
            parts = meta.strip(b"\n").split(b" ")
            files.append((os.fsdecode(name), parts[3].decode()))
        found.append((Commit(sha, author, date, subject.strip("\n")), files))
    return found


@dataclass
class Version:
    commit: Commit
    account: Account | None
    """The account after the commit (None: removed, or not yet there)."""
    path: str | None
    old_path: str | None


def versions(
    repo: Repo, rev: str, folder: str, account_id: str, start: tuple[Account, str] | None = None
) -> list[Version]:
    """Each commit up to ``rev`` that changed the account ``account_id`` (followed by id
    across moves), with the account as that commit left it; oldest first."""
    out: list[Version] = []
    current: Account | None = start[0] if start else None
    path: str | None = start[1] if start else None
    for commit, files in _commits(repo, rev, folder):
        new, new_path = current, path
        for name, blob in files:
            if blob == _NULL:
                if name == path:
                    new, new_path = None, None
                continue
            account, _, id_at = parse_blob(repo, blob, f"{commit.sha[:8]}:{name}")
            if id_at is not None and id_at[0] == account_id and account is not None:
                new, new_path = account, name
            elif name == path:  # the file now holds another id, or is invalid
                new, new_path = (None, None) if id_at is None or id_at[0] != account_id else (current, path)
        if new is current and new_path == path:
            continue
        out.append(Version(commit, new, new_path, path))
        current, path = new, new_path
    return out


def timeline(
    repo: Repo,
    rev: str,
    folder: str,
    account_id: str,
    cfg: Config,
    start: tuple[Account, str] | None = None,
) -> list[Step]:
    """Every commit up to ``rev`` that changed ``account_id``, with the changes in words of ``diff``.

    KAISM is scored with ``cfg`` throughout, so a step shows what the plan's
    authors changed, not a change of criteria.
    """
    steps: list[Step] = []
    current: Account | None = start[0] if start else None
    for v in versions(repo, rev, folder, account_id, start):
        changes = account_changes(current, v.account, cfg, cfg)
        if v.old_path and v.path and v.old_path != v.path:
            changes.insert(0, Change("account_renamed", "path", v.old_path, v.path))
        if changes:
            steps.append(Step(v.commit, v.path or v.old_path or "", changes))
        current = v.account
    return steps


def blame(changes: list[Change], steps: list[Step]) -> list[Change]:
    """Each change with the commit, author and date of the last step that changed its field
    (changes no commit made, e.g. in the working tree, stay as they are)."""
    last: dict[str, Commit] = {}
    for step in steps:
        for c in step.changes:
            last[c.field] = step.commit
    out = []
    for c in changes:
        commit = last.get(c.field)
        if commit is None:
            out.append(c)
            continue
        args = {**c.args, "commit": commit.sha, "author": commit.author, "date": commit.date[:10]}
        out.append(Change(c.code, c.field, c.old, c.new, args))
    return out


@dataclass
class FieldStep:
    commit: Commit
    path: str
    old: Json | Missing
    new: Json | Missing


def field_history(found: list[Version], segments: list[Segment]) -> tuple[list[Segment], list[FieldStep]]:
    """The path pinned at the newest version (see :func:`fieldpath.pin`) and every
    commit of ``found`` that changed the value it names."""
    newest = next((v.account for v in reversed(found) if v.account is not None), None)
    pinned = pin(segments, newest)
    steps: list[FieldStep] = []
    before: Json | Missing = MISSING
    for v in found:
        now = value_at(v.account, pinned)
        if now != before:
            steps.append(FieldStep(v.commit, v.path or v.old_path or "", before, now))
        before = now
    return pinned, steps
