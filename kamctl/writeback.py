"""Writing files safely.

A write goes to a temporary file in the same folder, is fsynced, and replaces
the target with one ``rename`` — so a crash or Ctrl-C leaves either the old
file or the new one, never half of either. The file's mode is kept. A symlink
is not written through (we would replace the link, not its target), and a file
that changed on disk since we read it is not overwritten (someone's editor
saved in between).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class WriteRefused(Exception):
    """The target was not written; the message says why."""


def atomic_write_text(path: Path, text: str, *, expect: bytes | None = None) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically.

    With ``expect``, refuse unless the file still holds exactly those bytes.
    """
    if path.is_symlink():
        raise WriteRefused(f"{path} is a symlink; not written through")
    mode = None
    try:
        st = path.stat()
        mode = stat.S_IMODE(st.st_mode)
        if not stat.S_ISREG(st.st_mode):
            raise WriteRefused(f"{path} is not a regular file")
    except FileNotFoundError:
        if expect is not None:
            raise WriteRefused(f"{path} was removed since it was read") from None
    if expect is not None and path.read_bytes() != expect:
        raise WriteRefused(f"{path} changed on disk since it was read; run again")
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
