"""Writing files safely.

A write goes to a temporary file in the same folder, is fsynced, and replaces
the target with one ``rename`` — so a crash or Ctrl-C leaves either the old
file or the new one, never half of either. The file's mode is kept. A symlink
is not written through (we would replace the link, not its target), and a file
that changed on disk since we read it is not overwritten (someone's editor
saved in between).

The changed-on-disk check is a compare-and-swap as far as POSIX allows: it
runs after the new content is written and fsynced, immediately before the
``rename``. The remaining window is the time between reading the file back
for the comparison and the ``rename`` — a few system calls, no I/O we wait
on. An editor that saves inside it loses its save; closing that window
would need every editor to take a lock we could honour, which they do not.
A new file gets the mode the umask gives (``mkstemp`` alone makes 0600).

Two kamctl processes writing one file take an advisory lock on its folder
around the compare and the rename (:func:`_folder_lock`), so one of them
always sees the other's update and refuses: no lost update between kamctl
runs (tests/test_write_crash.py runs two writers against each other).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
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
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode if mode is not None else _umask_mode())
        if expect is None:
            os.replace(tmp, path)
        else:
            with _folder_lock(folder):
                _still_as_read(path, expect)
                os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive advisory lock on the folder, held across compare and rename.

    Two kamctl writers of one file (two ``classify --write`` runs) would
    otherwise both pass the comparison before either renames, and the second
    rename would drop the first one's update. Under the lock the second one
    compares after the first renamed, sees the change and refuses. Editors do
    not take this lock; for them the window in the module docstring remains.
    Where ``flock`` is missing (Windows) or the folder cannot be opened, the
    write goes on unlocked.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _still_as_read(path: Path, expect: bytes) -> None:
    """The compare half of the compare-and-swap; see the module docstring."""
    try:
        now = path.read_bytes()
    except FileNotFoundError:
        raise WriteRefused(f"{path} was removed since it was read") from None
    if now != expect:
        raise WriteRefused(f"{path} changed on disk since it was read; run again")


def _umask_mode() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


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


def stage_bytes(path: Path, data: bytes) -> Path:
    """``data`` in a hidden temporary file beside ``path`` (fsynced, with the mode
    ``path`` will have); ``path`` itself is not touched yet. A set of files is
    written all or nothing by staging each, then :func:`commit_staged`."""
    if path.is_symlink():
        raise WriteRefused(f"{path} is a symlink; not written through")
    mode = None
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise WriteRefused(f"{path} is not a regular file")
        mode = stat.S_IMODE(st.st_mode)
    except FileNotFoundError:
        pass
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode if mode is not None else _umask_mode())
    except BaseException:
        discard_staged([(Path(tmp), path)])
        raise
    return Path(tmp)


def commit_staged(staged: list[tuple[Path, Path]]) -> None:
    """Rename each staged ``(temporary, target)`` into place (each rename atomic)."""
    for tmp, target in staged:
        os.replace(tmp, target)
    for folder in {target.parent if str(target.parent) else Path(".") for _, target in staged}:
        _fsync_dir(folder)


def discard_staged(staged: list[tuple[Path, Path]]) -> None:
    for tmp, _ in staged:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace (or create) ``path`` with ``data`` atomically: a report written
    with ``--output`` (xlsx, CSV) is either the old file or the whole new one."""
    staged = [(stage_bytes(path, data), path)]
    try:
        commit_staged(staged)
    except BaseException:
        discard_staged(staged)
        raise
