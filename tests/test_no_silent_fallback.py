"""Set-up mistakes are reported, never silently worked around (issue 10,
repros 11, 12, 13, 16, 17)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

BAD = "id: bad\nname: Bad AS\nstakeholders:\n  - name: X\n    stance: 9\n"
GOOD = "id: good\nname: Good AS\n"


def test_configured_accounts_folder_missing_is_config_error_at_key(kamctl, tmp_path: Path) -> None:
    # The typo'd folder must not fall back to scanning '.' (which holds a valid file).
    (tmp_path / "kamctl.toml").write_text('lang = "en"\naccounts = "acounts"\n')
    (tmp_path / "good.yaml").write_text(GOOD)
    r = kamctl("validate")
    assert r.exit_code == 2
    assert "kamctl.toml:2:1" in r.stderr  # line 2 holds the key
    assert "'acounts' does not exist" in r.stderr


def test_no_config_says_defaults_are_used(kamctl, tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD)
    r = kamctl("validate", "good.yaml")
    assert r.exit_code == 0
    assert "using the defaults" in r.stderr
    assert r.stderr.count("\n") == 1  # one line, nothing more


@pytest.mark.parametrize("command", ["validate", "lint", "classify", "abc", "risk", "status"])
def test_nothing_to_check_is_exit_2_naming_the_folder(kamctl, tmp_path: Path, command: str) -> None:
    (tmp_path / "kamctl.toml").write_text('accounts = "plans"\n')
    (tmp_path / "plans").mkdir()
    r = kamctl(command)
    assert r.exit_code == 2
    assert "no account files (*.yaml, *.yml) in plans" in r.stderr


def test_missing_path_is_exit_2(kamctl, tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD)
    r = kamctl("validate", "good.yaml", "nope.yaml")
    assert r.exit_code == 2
    assert "no such file or folder: nope.yaml" in r.stderr


def test_unreadable_subfolder_is_an_error_not_skipped(kamctl, tmp_path: Path, monkeypatch) -> None:
    # Repro 13. Tests run as root, who reads any folder: simulate the
    # permission error for that one folder.
    acc = tmp_path / "accounts" / "region-nord"
    acc.mkdir(parents=True)
    (tmp_path / "accounts" / "good.yaml").write_text(GOOD)
    (acc / "bad.yaml").write_text(BAD)
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.path.basename(os.fspath(path)) == "region-nord":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = kamctl("validate", "--no-cache", "accounts")
    assert r.exit_code == 1
    assert "accounts/region-nord: error: cannot read: Permission denied" in r.stdout


def test_non_utf8_file_name_printed_with_escapes(kamctl, tmp_path: Path) -> None:
    # Repro 12: Latin-1 'kunde-æø.yaml' (bytes e6 f8) in a UTF-8 locale.
    if sys.getfilesystemencoding().lower() != "utf-8":
        pytest.skip("needs a UTF-8 file system encoding")
    (tmp_path / "accounts").mkdir()
    name = os.fsencode(str(tmp_path / "accounts")) + b"/kunde-\xe6\xf8.yaml"
    with open(name, "wb") as fh:
        fh.write(BAD.encode())
    r = kamctl("validate", "--no-cache", "accounts")
    assert r.exit_code == 1
    assert "accounts/kunde-\\xe6\\xf8.yaml: error: file name is not valid UTF-8" in r.stdout


def test_symlink_sorting_first_writes_the_real_file(kamctl, tmp_path: Path) -> None:
    # Repro 11: 'a-link.yaml' -> 'real.yaml' sorts first.
    acc = tmp_path / "accounts"
    acc.mkdir()
    (tmp_path / "kamctl.toml").write_text('accounts = "accounts"\n')
    (acc / "real.yaml").write_text("id: real\nname: Real AS\nfinancials:\n  - year: 2025\n    revenue: 100\n")
    (acc / "other.yaml").write_text(
        "id: other\nname: Other AS\nfinancials:\n  - year: 2025\n    revenue: 50\n"
    )
    (acc / "a-link.yaml").symlink_to("real.yaml")
    r = kamctl("classify", "--write")
    assert r.exit_code == 0, r.stderr
    assert "a-link" not in r.stdout + r.stderr
    # Before the fix the link became the account's path and was refused
    # every run, so real.yaml never got its block.
    assert "classification:" in (acc / "real.yaml").read_text()
    assert (acc / "a-link.yaml").is_symlink()
    again = kamctl("classify", "--write")
    assert again.exit_code == 0
    assert "0 file(s)" in again.stderr


def test_new_files_respect_umask(tmp_path: Path) -> None:
    # Repro 17: mkstemp alone gives 0600.
    from kamctl.writeback import atomic_write_text

    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644  # 0666 & ~022


def test_rewritten_file_keeps_mode(tmp_path: Path) -> None:
    from kamctl.writeback import atomic_write_text

    target = tmp_path / "a.yaml"
    target.write_text("a")
    target.chmod(0o640)
    atomic_write_text(target, "b", expect=b"a")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text() == "b"


STEPS = ["write", "flush", "fsync", "chmod"]


@pytest.mark.parametrize("step", STEPS)
def test_concurrent_save_at_every_step_is_never_overwritten(tmp_path: Path, monkeypatch, step: str) -> None:
    # Repro 16: an editor saves while kamctl writes its temporary file. The
    # check runs after every one of these steps, right before the rename, so
    # the save survives and the write is refused.
    import kamctl.writeback as wb

    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    edit = "old\n# IMPORTANT EDIT SAVED BY A COLLEAGUE\n"

    def save() -> None:
        target.write_text(edit)

    if step == "chmod":
        real_chmod = os.chmod

        def chmod(path: object, mode: int) -> None:
            real_chmod(path, mode)  # type: ignore[arg-type]
            save()

        monkeypatch.setattr(wb.os, "chmod", chmod)
    elif step == "fsync":
        real_fsync = os.fsync

        def fsync(fd: int) -> None:
            save()
            real_fsync(fd)

        monkeypatch.setattr(wb.os, "fsync", fsync)
    else:
        real_fdopen = os.fdopen

        class Hooked:
            def __init__(self, fh: object) -> None:
                self.fh = fh

            def __enter__(self) -> Hooked:
                return self

            def __exit__(self, *a: object) -> None:
                self.fh.close()  # type: ignore[attr-defined]

            def fileno(self) -> int:
                return self.fh.fileno()  # type: ignore[attr-defined,no-any-return]

            def write(self, text: str) -> None:
                self.fh.write(text)  # type: ignore[attr-defined]
                if step == "write":
                    save()

            def flush(self) -> None:
                self.fh.flush()  # type: ignore[attr-defined]
                if step == "flush":
                    save()

        monkeypatch.setattr(wb.os, "fdopen", lambda *a, **k: Hooked(real_fdopen(*a, **k)))
    with pytest.raises(wb.WriteRefused, match="changed on disk"):
        wb.atomic_write_text(target, "new\n", expect=b"old\n")
    assert target.read_text() == edit
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]  # no temporary file left
