"""Reading a git repository through the ``git`` binary, never by checking out.

Trees come from ``git ls-tree -r -z`` and blobs from one long-lived
``git cat-file --batch`` per repository, so reading a revision of N files costs
two processes, not N. The binary (not dulwich or pygit2) because it is already
there wherever the repository is, reads every repository layout git itself
writes (packs, alternates, worktrees, partial and shallow clones) and adds no
dependency; see docs/history.md for the measurement.
"""

from __future__ import annotations

import datetime as _dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import IO


class GitError(Exception):
    """A repository problem the user can act on; the message says what to do."""


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str
    date: str
    """Author date, ISO 8601 with its offset."""
    subject: str


# Reproducible and independent of the user's git settings that change output.
_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}


def _run(args: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, env={**os.environ, **_ENV}, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed (kamctl reads history with the git command)") from None
    if check and proc.returncode != 0:
        raise GitError(f"git {args[0]} failed: {proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc


class Repo:
    """A work tree's repository; ``root`` is its top folder."""

    def __init__(self, start: Path) -> None:
        proc = _run(["rev-parse", "--show-toplevel"], start, check=False)
        if proc.returncode != 0:
            raise GitError(f"{start} is not in a git repository; history needs the account plans kept in git")
        self.root = Path(os.fsdecode(proc.stdout.strip()))
        self._batch: subprocess.Popen[bytes] | None = None

    def git(self, *args: str) -> bytes:
        return _run(list(args), self.root).stdout

    @property
    def shallow(self) -> bool:
        return self.git("rev-parse", "--is-shallow-repository").strip() == b"true"

    def _shallow_hint(self) -> str:
        return (
            "; this is a shallow clone, so older commits are missing: fetch the whole history "
            "(git fetch --unshallow, or fetch-depth: 0 in actions/checkout)"
            if self.shallow
            else ""
        )

    def resolve(self, rev: str) -> str:
        """The commit id ``rev`` names, or GitError naming it."""
        if rev.startswith("-"):
            raise GitError(f"unknown revision {rev!r}")
        proc = _run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], self.root, False
        )
        if proc.returncode != 0:
            if _run(["rev-parse", "--verify", "--quiet", "HEAD"], self.root, False).returncode != 0:
                raise GitError("the repository has no commits yet")
            raise GitError(f"unknown revision {rev!r}{self._shallow_hint()}")
        return proc.stdout.decode().strip()

    def at(self, day: _dt.date, branch: str = "HEAD") -> str:
        """The last commit on ``branch`` (following first parents) made on or before
        ``day`` (committer date, end of that day in UTC)."""
        out = self.git(
            "rev-list", "-1", "--first-parent", f"--before={day.isoformat()} 23:59:59 +0000", branch, "--"
        ).strip()
        if not out:
            raise GitError(
                f"no commit on the current branch on or before {day.isoformat()}{self._shallow_hint()}"
            )
        return out.decode()

    def commit(self, sha: str) -> Commit:
        out = self.git("show", "-s", "--format=%H%x00%an%x00%aI%x00%s", sha).decode("utf-8", "replace")
        h, author, date, subject = out.rstrip("\n").split("\0", 3)
        return Commit(h, author, date, subject)

    def tree(self, sha: str, folder: str) -> dict[str, str]:
        """{path from the repository root: blob id} of the files under ``folder`` at ``sha``."""
        args = ["ls-tree", "-r", "-z", "--full-tree", sha]
        if folder not in ("", "."):
            args += ["--", folder.rstrip("/") + "/"]
        found: dict[str, str] = {}
        for entry in self.git(*args).split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            _mode, kind, blob = meta.split(b" ")
            if kind == b"blob":
                found[os.fsdecode(name)] = blob.decode()
        return found

    def blob_at(self, sha: str, path: str) -> str | None:
        """The blob id of ``path`` at ``sha``, or None when the file is not there."""
        proc = _run(["rev-parse", "--verify", "--quiet", f"{sha}:{path}"], self.root, False)
        return proc.stdout.decode().strip() if proc.returncode == 0 else None

    def read(self, blob: str) -> bytes:
        """The bytes of one blob, through the long-lived ``cat-file --batch``."""
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env={**os.environ, **_ENV},
            )
        stdin: IO[bytes] | None = self._batch.stdin
        stdout: IO[bytes] | None = self._batch.stdout
        assert stdin is not None and stdout is not None
        stdin.write(blob.encode() + b"\n")
        stdin.flush()
        header = stdout.readline().split()
        if len(header) != 3:
            raise GitError(f"object {blob} is missing from the repository")
        data = stdout.read(int(header[2]))
        stdout.read(1)  # the newline after each object
        return data

    def read_many(self, blobs: list[str]) -> list[bytes]:
        """The bytes of many blobs in one stream: the ids are written from a thread
        while the answers are read, so neither side waits for the other (one round
        trip per blob, as ``read`` does, costs a pipe flush and a wake-up each)."""
        if not blobs:
            return []
        if self._batch is None:
            self.read(blobs[0])  # starts the process
        assert self._batch is not None
        stdin, stdout = self._batch.stdin, self._batch.stdout
        assert stdin is not None and stdout is not None
        import threading

        def feed() -> None:
            stdin.write(b"".join(b.encode() + b"\n" for b in blobs))
            stdin.flush()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        out: list[bytes] = []
        missing: str | None = None
        for blob in blobs:
            header = stdout.readline().split()
            if len(header) != 3:
                missing = missing or blob
                continue
            out.append(stdout.read(int(header[2])))
            stdout.read(1)
        writer.join()
        if missing is not None:
            raise GitError(f"object {missing} is missing from the repository")
        return out

    def commit_day(self, sha: str) -> _dt.date:
        """The day of the commit's committer date, in its own time zone."""
        return _dt.date.fromisoformat(self.git("show", "-s", "--format=%cs", sha).decode().strip())

    def close(self) -> None:
        if self._batch is not None:
            assert self._batch.stdin is not None
            self._batch.stdin.close()
            self._batch.wait()
            self._batch = None

    def __enter__(self) -> Repo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
