"""The validate cache: a repeat run is fast, but never at the price of a stale answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kamctl.loader

GOOD = "id: nordvik\nname: Nordvik AS\nstakeholders:\n  - name: Kari Lie\n    stance: 2\n"
# The same file with the stance out of range: line 5 "    stance: 5", value at column 13.
BAD = GOOD.replace("stance: 2", "stance: 5")
OTHER = "id: fjordheim\nname: Fjordheim AS\n"


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files kamctl really parsed (cache misses), run by run."""
    calls: list[str] = []
    real = kamctl.loader._check  # the one parse every path goes through

    def spy(path: str, raw: bytes):  # type: ignore[no-untyped-def]
        calls.append(Path(path).name)
        return real(path, raw)

    monkeypatch.setattr(kamctl.loader, "_check", spy)
    return calls


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "kamctl.toml").write_text('accounts = "accounts"\n')
    accounts = tmp_path / "accounts"
    accounts.mkdir()
    (accounts / "nordvik.yaml").write_text(GOOD)
    (accounts / "fjordheim.yaml").write_text(OTHER)
    return tmp_path


def test_second_run_parses_nothing(kamctl, folder: Path, parsed: list[str]) -> None:
    assert kamctl("validate").exit_code == 0
    assert sorted(parsed) == ["fjordheim.yaml", "nordvik.yaml"]
    parsed.clear()
    r = kamctl("validate")
    assert r.exit_code == 0
    assert r.stdout.endswith("2 files checked, 0 invalid, 0 errors\n")
    assert parsed == []


def test_an_edit_is_seen_and_a_revert_is_clean_again(kamctl, folder: Path, parsed: list[str]) -> None:
    f = folder / "accounts" / "nordvik.yaml"
    assert kamctl("validate").exit_code == 0
    f.write_text(BAD)
    parsed.clear()
    r = kamctl("validate")
    assert r.exit_code == 1
    assert "accounts/nordvik.yaml:5:13: error: stakeholders[0].stance" in r.stdout
    assert parsed == ["nordvik.yaml"]  # only the edited file
    # The error comes from the cache as well, at the same place.
    parsed.clear()
    again = kamctl("validate")
    assert (again.exit_code, again.stdout, parsed) == (1, r.stdout, [])
    f.write_text(GOOD)
    parsed.clear()
    r = kamctl("validate")
    assert r.exit_code == 0 and "error" not in r.stdout.replace("0 errors", "")
    assert parsed == []  # those exact bytes were validated before


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(kamctl, folder: Path) -> None:
    import os

    f = folder / "accounts" / "nordvik.yaml"
    assert kamctl("validate").exit_code == 0
    st = f.stat()
    f.write_text(BAD)  # same length as GOOD: one digit changed
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert f.stat().st_size == st.st_size
    assert kamctl("validate").exit_code == 1


def test_a_config_change_drops_the_cache(kamctl, folder: Path, parsed: list[str]) -> None:
    assert kamctl("validate").exit_code == 0
    parsed.clear()
    (folder / "kamctl.toml").write_text('accounts = "accounts"\nfiscal_year = 2025\n')
    assert kamctl("validate").exit_code == 0
    assert sorted(parsed) == ["fjordheim.yaml", "nordvik.yaml"]


def test_the_file_size_limit_applies_on_a_warm_cache(kamctl, folder: Path) -> None:
    assert kamctl("validate").exit_code == 0
    (folder / "kamctl.toml").write_text('accounts = "accounts"\nmax_file_size = 40\n')
    r = kamctl("validate")
    # nordvik.yaml: 12 + 17 + 14 + 19 + 14 = 76 bytes > 40; fjordheim.yaml: 14 + 19 = 33 bytes.
    assert r.exit_code == 1
    assert "accounts/nordvik.yaml:1:1: error: file is" in r.stdout
    assert r.stdout.endswith("2 files checked, 1 invalid, 1 error\n")


@pytest.mark.parametrize(
    "damage",
    [
        "not json at all {",
        "",
        "[1, 2, 3]",
        '{"key": 7, "entries": []}',
        "\x00\xff",
    ],
)
def test_a_corrupt_cache_file_is_ignored(kamctl, folder: Path, parsed: list[str], damage: str) -> None:
    assert kamctl("validate").exit_code == 0
    cache_file = folder / ".kamctl_cache" / "validate.json"
    cache_file.write_text(damage, encoding="latin-1")
    parsed.clear()
    r = kamctl("validate")
    assert r.exit_code == 0, r.stdout + r.stderr
    assert len(parsed) == 2
    # ...and it is rewritten, so the run after that is warm again.
    parsed.clear()
    assert kamctl("validate").exit_code == 0
    assert parsed == []


@pytest.mark.parametrize("entry", [42, None, [], {"diagnostics": 3, "id": None}, {"id": ["x", 1]}, {}])
def test_damaged_entries_with_a_valid_key_are_misses(
    kamctl, folder: Path, parsed: list[str], entry: object
) -> None:
    (folder / "accounts" / "nordvik.yaml").write_text(BAD)
    assert kamctl("validate").exit_code == 1
    cache_file = folder / ".kamctl_cache" / "validate.json"
    stored = json.loads(cache_file.read_text())
    stored["entries"] = {k: entry for k in stored["entries"]}
    cache_file.write_text(json.dumps(stored))
    parsed.clear()
    r = kamctl("validate")
    assert r.exit_code == 1
    assert "accounts/nordvik.yaml:5:13: error: stakeholders[0].stance" in r.stdout
    assert len(parsed) == 2


def test_the_cache_folder_ignores_itself(kamctl, folder: Path) -> None:
    assert kamctl("validate").exit_code == 0
    lines = (folder / ".kamctl_cache" / ".gitignore").read_text().splitlines()
    assert "*" in lines


def test_no_cache_neither_reads_nor_writes_it(kamctl, folder: Path, parsed: list[str]) -> None:
    assert kamctl("validate", "--no-cache").exit_code == 0
    assert not (folder / ".kamctl_cache").exists()
    assert kamctl("validate").exit_code == 0
    parsed.clear()
    assert kamctl("validate", "--no-cache").exit_code == 0
    assert len(parsed) == 2


def test_an_unwritable_cache_folder_is_no_error(kamctl, folder: Path) -> None:
    (folder / ".kamctl_cache").write_text("a file where the folder should be")
    r = kamctl("validate")
    assert r.exit_code == 0, r.stdout + r.stderr


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("line", "5"),  # repro 19: a string where the line number was
        ("line", True),  # a bool is an int to Python, not a line number
        ("line", -1),
        ("column", 13.0),
        ("severity", "fatal"),
        ("message", None),
        ("field", 7),
        ("source", ["x"]),
        ("extra", 1),
        ("drop:code", None),
    ],
)
def test_a_type_damaged_diagnostic_is_a_miss_and_is_rewritten(
    kamctl, folder: Path, parsed: list[str], where: str, value: object
) -> None:
    (folder / "accounts" / "nordvik.yaml").write_text(BAD)
    assert kamctl("validate").exit_code == 1
    cache_file = folder / ".kamctl_cache" / "validate.json"
    stored = json.loads(cache_file.read_text())
    key = next(k for k, v in stored["entries"].items() if v["diagnostics"])
    good_entry = stored["entries"][key]
    damaged = dict(good_entry["diagnostics"][0])
    if where.startswith("drop:"):
        del damaged[where[5:]]
    else:
        damaged[where] = value
    stored["entries"][key] = {**good_entry, "diagnostics": [damaged]}
    cache_file.write_text(json.dumps(stored))
    for _ in range(2):  # every run, not just the first, was an internal error
        parsed.clear()
        r = kamctl("validate")
        assert r.exit_code == 1, r.stderr
        assert "accounts/nordvik.yaml:5:13: error: stakeholders[0].stance" in r.stdout
        assert r.stdout.endswith("2 files checked, 1 invalid, 1 error\n")
        # The damaged entry was a miss once, and its rewrite a hit after that.
        assert parsed == (["nordvik.yaml"] if _ == 0 else [])
    assert json.loads(cache_file.read_text())["entries"][key] == good_entry


@pytest.mark.parametrize("ident", [["nordvik", "1", 1], ["nordvik", 1], "abc", [None, 1, 1], ["x", 1, False]])
def test_a_damaged_id_is_a_miss(kamctl, folder: Path, parsed: list[str], ident: object) -> None:
    assert kamctl("validate").exit_code == 0
    cache_file = folder / ".kamctl_cache" / "validate.json"
    stored = json.loads(cache_file.read_text())
    stored["entries"] = {k: {**v, "id": ident} for k, v in stored["entries"].items()}
    cache_file.write_text(json.dumps(stored))
    parsed.clear()
    assert kamctl("validate").exit_code == 0
    assert len(parsed) == 2
