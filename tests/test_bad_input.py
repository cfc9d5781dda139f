"""Every kind of bad input of issue #2 gives a located message, exit 1, no
traceback, and the other files are still checked."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import NEGATIVE, POSITIVE

# file → (line, column, what the message must say). Positions worked out from
# the file contents (1-based), e.g. deep-nesting: "notes: " is 7 columns, the
# 65th "[" (one past the limit of 64) is at column 7 + 65 = 72.
CASES = {
    "malformed.yaml": (3, 4, "expected ',' or ']'"),
    "duplicate-key.yaml": (4, 1, "duplicate key 'name' (first defined on line 2)"),
    "wrong-type.yaml": (5, 14, "financials[0].revenue: must be a number (got 'mye')"),
    "empty.yaml": (1, 1, "the file is empty"),
    "comments-only.yaml": (1, 1, "the file is empty"),
    "top-level-list.yaml": (1, 1, "the file holds a list"),
    "top-level-scalar.yaml": (1, 1, "the file holds a single value"),
    "two-documents.yaml": (3, 1, "several YAML documents in one file"),
    "latin1.yaml": (2, 9, "not UTF-8 text: byte 0xe5"),
    "binary.yaml": (2, 7, "binary data (a NUL byte)"),
    "tabs.yaml": (4, 1, "tab character"),
    "yaml11-directive.yaml": (1, 1, "'%YAML 1.1' directive"),
    "python-tag.yaml": (2, 7, "tag !!python/object/apply:os.system is not allowed"),
    "unknown-tag.yaml": (3, 6, "tag !secret is not allowed"),
    "alias-bomb.yaml": (1, 1, "alias bomb"),
    "deep-nesting.yaml": (3, 72, "nesting deeper than 64 levels"),
    "impossible-date.yaml": (4, 13, "review.reviewed: not a valid date: '2025-13-01'"),
    "stance-out-of-range.yaml": (8, 13, "stakeholders[2].stance: must be between -3 and 3 (got 5)"),
    "unknown-key.yaml": (3, 1, "unknown key 'stakeholder'; did you mean 'stakeholders'?"),
    "missing-name.yaml": (1, 1, "required key 'name' is missing"),
    "bad-id.yaml": (1, 5, "not a valid id '../etc/passwd'"),
}


def test_every_negative_file_has_a_case() -> None:
    assert sorted(p.name for p in NEGATIVE.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_reported_at_its_position(kamctl, name: str) -> None:
    line, col, text = CASES[name]
    r = kamctl("validate", "--no-cache", NEGATIVE / name)
    assert r.exit_code == 1
    assert "Traceback" not in r.stdout + r.stderr
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"{NEGATIVE / name}:{line}:{col}: error: "), first
    assert text in first


def test_all_files_are_checked_and_counted(kamctl) -> None:
    r = kamctl("validate", "--no-cache", NEGATIVE, POSITIVE)
    assert r.exit_code == 1
    reported = {line.split(":")[0] for line in r.stdout.splitlines() if ": error: " in line}
    assert reported == {str(NEGATIVE / n) for n in CASES}
    n_pos = len(list(POSITIVE.iterdir()))
    assert r.stdout.splitlines()[-1] == (
        f"{len(CASES) + n_pos} files checked, {len(CASES)} invalid, {len(CASES)} errors"
    )


def test_json_format_lists_every_error(kamctl) -> None:
    r = kamctl("validate", "--no-cache", "--format", "json", NEGATIVE / "stance-out-of-range.yaml")
    assert r.exit_code == 1
    doc = r.json()
    assert doc["files"] == {"checked": 1, "invalid": 1}
    assert doc["summary"] == {"errors": 1, "warnings": 0, "info": 0}
    (d,) = doc["diagnostics"]
    assert (d["line"], d["column"], d["field"]) == (8, 13, "stakeholders[2].stance")
    assert d["severity"] == "error"


def test_multi_megabyte_file(kamctl, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    # 3 MB of valid YAML: the size alone is the problem, so it is never parsed.
    big.write_text("id: big\nname: Big AS\nnotes: |\n" + ("  " + "x" * 98 + "\n") * 30_000)
    r = kamctl("validate", "--no-cache", big)
    assert r.exit_code == 1
    assert "big.yaml:1:1: error: file is 2.9 MB, over the 1.0 MB limit" in r.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_not_read(kamctl, tmp_path: Path) -> None:
    # Opening a FIFO would block forever; kamctl must report it without opening.
    folder = tmp_path / "accounts"
    folder.mkdir()
    os.mkfifo(folder / "pipe.yaml")
    shutil.copy(POSITIVE / "minimal.yaml", folder / "ok.yaml")
    for target in (folder, folder / "pipe.yaml"):
        r = kamctl("validate", "--no-cache", target)
        assert r.exit_code == 1
        assert "pipe.yaml: error: not a regular file (a FIFO/named pipe)" in r.stdout


def test_symlink_outside_the_folder_is_refused(kamctl, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    shutil.copy(POSITIVE / "minimal.yaml", outside)
    folder = tmp_path / "accounts"
    folder.mkdir()
    (folder / "link.yaml").symlink_to(outside)
    (folder / "inside.yaml").symlink_to(folder / "real.yml")
    shutil.copy(POSITIVE / "minimal.yaml", folder / "real.yml")
    r = kamctl("validate", "--no-cache", folder)
    assert r.exit_code == 1
    assert f"symlink points outside {folder}" in r.stdout
    # A link that stays inside stands for its target, which is checked once,
    # under its own name (issue 10, repro 11): link.yaml and real.yml.
    assert "inside.yaml" not in r.stdout
    assert r.stdout.splitlines()[-1] == "2 files checked, 1 invalid, 1 error"


def test_missing_path_is_an_error_not_a_skip(kamctl, tmp_path: Path) -> None:
    # A usage error like a missing --csv file (issue 10), not "1 invalid file".
    r = kamctl("validate", "--no-cache", tmp_path / "nope.yaml", POSITIVE / "minimal.yaml")
    assert r.exit_code == 2
    assert "no such file or folder: " in r.stderr and "nope.yaml" in r.stderr


def test_hidden_folders_and_other_suffixes_are_skipped(kamctl, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "bad.yaml").write_text("- not an account\n")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n")
    (tmp_path / "notes.txt").write_text("not yaml")
    shutil.copy(POSITIVE / "minimal.yaml", tmp_path / "a.yml")
    r = kamctl("validate", "--no-cache", tmp_path)
    assert r.exit_code == 0, r.stdout
    assert r.stdout.splitlines()[-1] == "1 file checked, 0 invalid, 0 errors"


def test_internal_error_exits_2_with_one_line(monkeypatch, capsys) -> None:
    import kamctl.loader
    from kamctl.cli import main

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(kamctl.loader, "validate_files", boom)
    monkeypatch.setattr("sys.argv", ["kamctl", "validate", str(POSITIVE)])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 2
    # The first line, if any, is the "no config found; using the defaults" note.
    err = capsys.readouterr().err
    assert [line for line in err.strip().splitlines() if "using the defaults" not in line] == [
        "kamctl: internal error: RuntimeError: disk on fire (set KAMCTL_DEBUG=1 for a traceback)"
    ]


def test_usage_error_exits_2(kamctl) -> None:
    assert kamctl("validate", "--format", "xml", POSITIVE).exit_code == 2
    assert kamctl("validate", "--no-such-option").exit_code == 2
