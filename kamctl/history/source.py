"""A git revision as the loader's source of account files (``--rev`` / ``--at``).

Every command that reads accounts goes through :mod:`kamctl.loader`
(``discover`` and ``read_file``); installing a :class:`RevisionSource` there
makes classify, abc, risk, status, lint, render and report read the portfolio
as it was at one commit, from git objects, without a checkout and without
touching the work tree. A file's path is written the way git names it,
``HEAD~3:accounts/acme.yaml``, so every diagnostic says which revision it is
about and no work-tree file can be read in its place.

The blobs a command will read are fetched in one ``cat-file --batch`` pass
when the files are discovered, before the loader forks its workers: the
workers then read memory, never the parent's pipe to git.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..loader import SUFFIXES, NothingToCheck, printable
from .git import GitError, Repo
from .snapshot import revision_config


@dataclass(frozen=True)
class Revision:
    label: str
    """How paths name it: what the user typed for --rev, the short commit id for --at."""
    commit: str
    committed: _dt.date
    """The commit's committer date."""
    day: _dt.date
    """The default --as-of: the date asked for with --at, else the committer date."""
    subject: str


class RevisionSource:
    """The account files of one commit; see :class:`kamctl.loader.Source`."""

    def __init__(self, repo: Repo, revision: Revision) -> None:
        self.repo = repo
        self.revision = revision
        self._prefix = f"{revision.label}:"
        self._blobs: dict[str, bytes] = {}
        """Path from the repository root → bytes, for every file discovered so far."""
        self._tree: dict[str, str] | None = None

    # -- paths

    def _rel(self, path: str | Path) -> str:
        """``path`` (absolute, or from the working folder) from the repository root."""
        full = Path(os.path.abspath(path))
        for root in (self.repo.root, self.repo.root.resolve()):
            try:
                rel = full.relative_to(root).as_posix()
            except ValueError:
                continue
            return "" if rel == "." else rel
        raise NothingToCheck(f"{printable(str(path))} is outside the repository {self.repo.root}")

    def virtual(self, rel: str) -> str:
        return self._prefix + rel

    def tree_path(self, path: str) -> str:
        if not path.startswith(self._prefix):
            return path
        return str(self.repo.root / path[len(self._prefix) :])

    # -- the loader's Source

    def discover(self, paths: Sequence[str], default_dir: Path | None) -> list[str]:
        """Account files at the revision under ``paths`` (default: the config's accounts folder),
        in path order; hidden files and folders skipped, as on disk."""
        if paths:
            wanted = [(arg, self._rel(arg)) for arg in paths]
        else:
            target = default_dir if default_dir is not None else Path.cwd()
            wanted = [(os.path.relpath(target), self._rel(target))]
        if self._tree is None:
            self._tree = self.repo.tree(self.revision.commit, "")
        tree = self._tree
        found: list[str] = []
        seen: set[str] = set()
        for arg, rel in wanted:
            if rel in tree:  # a file named explicitly: taken whatever its suffix
                hits = [rel]
            else:
                under = "" if rel == "" else rel.rstrip("/") + "/"
                hits = [
                    p
                    for p in sorted(tree)
                    if p.startswith(under)
                    and p.endswith(SUFFIXES)
                    and not any(part.startswith(".") for part in p[len(under) :].split("/"))
                ]
                if not hits:
                    folder = any(p.startswith(under) for p in tree)
                    what = "no account files (*.yaml, *.yml) in" if folder else "no such file or folder in"
                    raise NothingToCheck(f"{what} {self.virtual(rel) if rel else self._prefix + '.'} ({arg})")
            for p in hits:
                if p not in seen:
                    seen.add(p)
                    found.append(p)
        todo = [p for p in found if p not in self._blobs]
        for p, data in zip(todo, self.repo.read_many([tree[p] for p in todo]), strict=True):
            self._blobs[p] = data
        return [self.virtual(p) for p in found]

    def read(self, path: str) -> bytes | None:
        if not path.startswith(self._prefix):
            return None
        return self._blobs.get(path[len(self._prefix) :])

    def close(self) -> None:
        self.repo.close()


def open_revision(
    start: Path, current: Config, rev: str | None, at: _dt.date | None, same_config: bool
) -> tuple[RevisionSource, Config]:
    """The source for ``--rev REV`` or ``--at DATE`` and the config to read it with
    (the revision's own, or ``current`` with ``same_config``). GitError says what is wrong."""
    repo = Repo(current.source.parent if current.source is not None else start)
    try:
        if rev is not None:
            sha = repo.resolve(rev)
            label = rev
        else:
            assert at is not None
            sha = repo.at(at)
            label = sha[:12]
        commit = repo.commit(sha)
        committed = repo.commit_day(sha)
        cfg = revision_config(repo, label, sha, current, same_config)
    except GitError:
        repo.close()
        raise
    revision = Revision(label, sha, committed, at if at is not None else committed, commit.subject)
    return RevisionSource(repo, revision), cfg
