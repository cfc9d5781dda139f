"""Two files with one account id: found on every run, cold or from the cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

A = "id: vestdal\nname: Vestdal AS\n"
# b.yaml reuses the id: the value 'vestdal' is on line 3, column 6 ("id:  " is 5 characters).
B = "# Kopi av Vestdal-planen, glemte å bytte id.\nname: Vestdal Logistikk AS\nid:  vestdal\n"


def _write(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "a.yaml").write_text(A)
    (folder / "b.yaml").write_text(B)


EXPECTED = "b.yaml:3:6: error: id: duplicate account id 'vestdal': accounts/a.yaml already uses it"


@pytest.mark.parametrize("cache", [False, True], ids=["no-cache", "cache"])
def test_duplicate_id_is_reported_at_the_second_files_id(kamctl, tmp_path: Path, cache: bool) -> None:
    _write(tmp_path / "accounts")
    args = ["validate", "accounts"] if cache else ["validate", "--no-cache", "accounts"]
    first = kamctl(*args)
    assert first.exit_code == 1
    assert "accounts/" + EXPECTED in first.stdout
    assert first.stdout.endswith("2 files checked, 1 invalid, 1 error\n")
    # Again: with the cache every file is now a hit, and the duplicate is still found.
    second = kamctl(*args)
    assert (second.exit_code, second.stdout) == (1, first.stdout)
    assert (tmp_path / ".kamctl_cache").exists() == cache


def test_duplicate_found_when_only_one_file_is_cached(kamctl, tmp_path: Path) -> None:
    (tmp_path / "accounts").mkdir()
    (tmp_path / "accounts" / "a.yaml").write_text(A)
    assert kamctl("validate", "accounts").exit_code == 0  # a.yaml is now cached
    (tmp_path / "accounts" / "b.yaml").write_text(B)
    r = kamctl("validate", "accounts")
    assert r.exit_code == 1 and "accounts/" + EXPECTED in r.stdout


def test_fixing_the_id_clears_the_error_on_a_warm_cache(kamctl, tmp_path: Path) -> None:
    _write(tmp_path / "accounts")
    assert kamctl("validate", "accounts").exit_code == 1
    (tmp_path / "accounts" / "b.yaml").write_text(B.replace("id:  vestdal", "id:  vestdal-logistikk"))
    r = kamctl("validate", "accounts")
    assert r.exit_code == 0, r.stdout
    # Deleting the copy instead works as well.
    _write(tmp_path / "accounts")
    assert kamctl("validate", "accounts").exit_code == 1
    (tmp_path / "accounts" / "b.yaml").unlink()
    assert kamctl("validate", "accounts").exit_code == 0


def test_duplicate_is_reported_besides_other_errors(kamctl, tmp_path: Path) -> None:
    _write(tmp_path / "accounts")
    (tmp_path / "accounts" / "b.yaml").write_text(B + "stage: partner\n")
    r = kamctl("validate", "--format", "json", "accounts")
    assert r.exit_code == 1
    found = {(d["line"], d["column"], d["field"]) for d in r.json()["diagnostics"]}  # type: ignore[index]
    # stage on line 4, value at column 8 ("stage: " is 7 characters); the id as above.
    assert found == {(4, 8, "stage"), (3, 6, "id")}


def test_duplicates_across_many_files_on_all_cores(
    kamctl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    pools: list[object] = []
    real_pool = concurrent.futures.ProcessPoolExecutor

    def counting_pool(*args: object, **kwargs: object) -> object:
        pools.append(args)
        return real_pool(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", counting_pool)
    # 130 files: above PARALLEL_FROM (128), so the files are checked in a process pool.
    folder = tmp_path / "accounts"
    folder.mkdir()
    for i in range(130):
        (folder / f"k{i:03d}.yaml").write_text(f"id: k{i:03d}\nname: K{i}\n")
    (folder / "k129.yaml").write_text("id: k007\nname: K129\n")
    for args in (["--no-cache"], [], []):
        r = kamctl("validate", "--jobs", "2", *args, "accounts")
        assert r.exit_code == 1
        assert (
            "accounts/k129.yaml:1:5: error: id: duplicate account id 'k007': accounts/k007.yaml already uses it"
            in (r.stdout)
        )
        assert r.stdout.endswith("130 files checked, 1 invalid, 1 error\n")
    # Parsed in a pool on the first two runs; the third had every file cached.
    assert len(pools) == 2


def test_load_accounts_reports_the_same_place_and_drops_the_second(tmp_path: Path) -> None:
    from kamctl.config import Config
    from kamctl.loader import load_accounts

    _write(tmp_path)
    loaded, problems = load_accounts([str(tmp_path)], Config(), jobs=1)
    assert not problems
    a, b = loaded
    assert a.account is not None and a.account.name == "Vestdal AS"
    assert b.account is None
    [d] = b.diagnostics
    assert (d.line, d.column, d.field) == (3, 6, "id")
    assert d.message == f"duplicate account id 'vestdal': {tmp_path / 'a.yaml'} already uses it"


def test_a_symlink_to_a_file_in_the_folder_is_not_a_duplicate(tmp_path: Path, monkeypatch) -> None:
    from kamctl.config import Config
    from kamctl.loader import load_accounts

    (tmp_path / "a.yaml").write_text(A)
    (tmp_path / "z.yaml").symlink_to(tmp_path / "a.yaml")
    loaded, _ = load_accounts([str(tmp_path)], Config(), jobs=1)
    # A folder walk takes the link as its target (issue 10, repro 11): one file, the real one.
    assert [(os.path.basename(lf.path), lf.account is not None) for lf in loaded] == [("a.yaml", True)]
    # Both names given explicitly: the account is counted once; the link says why it is left out.
    monkeypatch.chdir(tmp_path)  # an explicitly named link must stay inside the working folder
    loaded, _ = load_accounts(["a.yaml", "z.yaml"], Config(), jobs=1)
    assert [lf.account is not None for lf in loaded] == [True, False]
    assert [d.severity.value for d in loaded[1].diagnostics] == ["info"]
