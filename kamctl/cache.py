"""A content-hash cache of per-file results.

Keyed by the BLAKE2b hash of a file's exact bytes, so an edit — however small,
whatever the mtime says — is a miss. The whole cache is dropped when kamctl's
version or the config changes. It lives in ``.kamctl_cache/`` beside the config
(or in the working folder), which holds its own ``.gitignore`` so it is never
committed, as pytest and ruff do with theirs.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from . import __version__

CACHE_DIR_NAME = ".kamctl_cache"


class ResultCache:
    def __init__(self, folder: Path, kind: str, fingerprint: str) -> None:
        self.folder = folder
        self.file = folder / f"{kind}.json"
        self.key = hashlib.blake2b(f"{__version__}\0{fingerprint}".encode(), digest_size=16).hexdigest()
        self.entries: dict[str, Any] = {}
        self.dirty = False
        try:
            stored = json.loads(self.file.read_text(encoding="utf-8"))
            if stored.get("key") == self.key:
                self.entries = stored.get("entries", {})
        except (OSError, ValueError, AttributeError):
            pass  # no cache, or a damaged one: start afresh

    @staticmethod
    def digest(raw: bytes) -> str:
        return hashlib.blake2b(raw, digest_size=16).hexdigest()

    def get(self, raw: bytes) -> Any:
        return self.entries.get(self.digest(raw))

    def put(self, raw: bytes, value: Any) -> None:
        self.entries[self.digest(raw)] = value
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by kamctl\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"key": self.key, "entries": self.entries}, fh, separators=(",", ":"))
            os.replace(tmp, self.file)
        except OSError:
            pass  # a read-only checkout still validates; it just is not cached
