"""load_accounts(per_file=...): per-file work where the node tree is at hand."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from kamctl.account import Account
from kamctl.config import Config
from kamctl.loader import PARALLEL_FROM, load_accounts
from kamctl.yamlsource import Document


def stance_position(path: str, account: Account, doc: Document, *, index: int) -> tuple[str, int, int]:
    return (account.id, *doc.locate(("stakeholders", index, "stance")))


@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "pool"])
def test_per_file_result_arrives_with_each_valid_account(tmp_path: Path, jobs: int) -> None:
    n = PARALLEL_FROM + 2  # enough for the pool when jobs=2
    for i in range(n):
        # "  - name: P\n    stance: 1": the stance value is on line 5, column 13 ("    stance: " is 12 characters).
        (tmp_path / f"a{i:03d}.yaml").write_text(
            f"id: a{i:03d}\nname: A{i}\nstakeholders:\n  - name: P\n    stance: 1\n"
        )
    (tmp_path / "bad.yaml").write_text("id: bad\nname: Bad\nstakeholders:\n  - name: P\n    stance: 9\n")
    loaded, problems = load_accounts(
        [str(tmp_path)], Config(), jobs=jobs, per_file=partial(stance_position, index=0)
    )
    assert not problems
    by_name = {Path(lf.path).name: lf for lf in loaded}
    assert by_name["a007.yaml"].extra == ("a007", 5, 13)
    assert all(lf.extra == (lf.account.id, 5, 13) for lf in loaded if lf.account is not None)
    # An invalid file has no account, and per_file did not run for it.
    assert by_name["bad.yaml"].account is None and by_name["bad.yaml"].extra is None
    assert sum(lf.account is not None for lf in loaded) == n


def test_without_per_file_extra_is_none(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\nname: A\n")
    [lf], _ = load_accounts([str(tmp_path)], Config(), jobs=1)
    assert lf.account is not None and lf.extra is None


def test_models_from_workers_equal_those_built_here(tmp_path: Path) -> None:
    # Workers send models back in a short pickled form; the parent must get
    # the very models a single process builds, down to which fields were set.
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("bench_generate_for_loader", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    gen.generate(tmp_path, PARALLEL_FROM + 2)
    one, _ = load_accounts([str(tmp_path / "accounts")], Config(), jobs=1)
    pool, _ = load_accounts([str(tmp_path / "accounts")], Config(), jobs=2)
    assert len(one) == len(pool) == PARALLEL_FROM + 2
    for a, b in zip(one, pool, strict=True):
        assert a.account is not None and b.account is not None
        assert type(b.account) is Account
        assert a.account == b.account
        assert a.account.model_dump(exclude_unset=True) == b.account.model_dump(exclude_unset=True)
        assert b.account.stakeholders[0].model_fields_set == a.account.stakeholders[0].model_fields_set
        assert b.account.model_dump_json() == a.account.model_dump_json()
