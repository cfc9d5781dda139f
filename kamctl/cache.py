"""A content-hash cache of per-file results.

Keyed by the BLAKE2b hash of a file's exact bytes, so an edit — however small,
whatever the mtime says — is a miss. The whole cache is dropped when the
config, kamctl's version, its validating code (size and mtime of those
modules, which catches edits to an editable install), Python or Pydantic
changes. It lives in ``.kamctl_cache/`` beside the config (or in the working
folder), which holds its own ``.gitignore`` so it is never committed, as
pytest and ruff do with theirs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import __version__

CACHE_DIR_NAME = ".kamctl_cache"
FORMAT = 3
"""Bump when the shape of an entry changes."""
MAX_ENTRIES = 200_000
"""Above this, entries not used in this run are dropped (old versions of edited files)."""

# The modules whose code decides a validation result.
_CODE = (
    "account.py",
    "types.py",
    "validation.py",
    "yamlsource.py",
    "loader.py",
    "diagnostics.py",
    "cache.py",
)


def _code_stamp() -> str:
    here = Path(__file__).parent
    parts = []
    for name in _CODE:
        try:
            st = os.stat(here / name)
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:-")
    return ";".join(parts)


def _runtime() -> str:
    import pydantic  # loaded already (the config is a model): no cost

    return f"{sys.version_info[0]}.{sys.version_info[1]}:{pydantic.VERSION}"


class ResultCache:
    def __init__(self, folder: Path, kind: str, fingerprint: str) -> None:
        self.folder = folder
        self.file = folder / f"{kind}.json"
        stamp = "\0".join((str(FORMAT), __version__, _runtime(), _code_stamp(), fingerprint))
        self.key = hashlib.blake2b(stamp.encode(), digest_size=16).hexdigest()
        self.entries: dict[str, Any] = {}
        self.used: set[str] = set()
        self.dirty = False
        try:
            stored = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no cache, or a damaged one: start afresh
        if isinstance(stored, dict) and stored.get("key") == self.key:
            entries = stored.get("entries")
            if isinstance(entries, dict):
                self.entries = entries

    @staticmethod
    def digest(raw: bytes) -> str:
        return hashlib.blake2b(raw, digest_size=16).hexdigest()

    def get(self, raw: bytes) -> Any:
        """The value stored for these exact bytes, or None. Callers check its shape:
        the file is only as trustworthy as the disk it sits on."""
        key = self.digest(raw)
        self.used.add(key)
        return self.entries.get(key)

    def put(self, raw: bytes, value: Any) -> None:
        key = self.digest(raw)
        self.used.add(key)
        self.entries[key] = value
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        if len(self.entries) > MAX_ENTRIES:
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        tmp: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by kamctl\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                # dumps, not dump: one write, and the C encoder.
                fh.write(json.dumps({"key": self.key, "entries": self.entries}, separators=(",", ":")))
            os.replace(tmp, self.file)
        except OSError:
            # A read-only checkout still validates; it just is not cached.
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
