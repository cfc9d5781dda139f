"""The benchmark input: realistic, valid, the advertised size, and reproducible."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
assert _spec is not None and _spec.loader is not None
generate_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate_mod)

N = 20


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generated_files_validate_and_are_about_8_kb(kamctl, tmp_path: Path) -> None:
    generate_mod.generate(tmp_path / "p", N)
    files = sorted((tmp_path / "p" / "accounts").glob("*.yaml"))
    assert len(files) == N
    for f in files:
        assert 6_000 <= f.stat().st_size <= 10_000, (f.name, f.stat().st_size)

    r = kamctl(
        "validate", "--no-cache", "--config", tmp_path / "p" / "kamctl.toml", tmp_path / "p" / "accounts"
    )
    assert r.exit_code == 0, r.stdout + r.stderr
    assert f"{N} files checked, 0 invalid, 0 errors" in r.stdout


def test_ids_are_unique_and_match_the_file_names(tmp_path: Path) -> None:
    generate_mod.generate(tmp_path, N)
    ids = []
    for f in (tmp_path / "accounts").glob("*.yaml"):
        m = re.search(r"^id: (\S+)$", f.read_text(encoding="utf-8"), re.MULTILINE)
        assert m is not None
        assert f.name == m.group(1) + ".yaml"
        ids.append(m.group(1))
    assert len(set(ids)) == N


def test_every_configured_kaism_criterion_is_scored(tmp_path: Path) -> None:
    from kamctl.account import Account
    from kamctl.config import load_config
    from kamctl.loader import load_accounts

    generate_mod.generate(tmp_path, 5)
    cfg = load_config(tmp_path / "kamctl.toml")
    examples = load_config(ROOT / "examples" / "kamctl.toml")
    assert cfg.kaism.customer_attractiveness == examples.kaism.customer_attractiveness
    assert cfg.kaism.our_strength == examples.kaism.our_strength
    loaded, problems = load_accounts([str(tmp_path / "accounts")], cfg, jobs=1)
    assert not problems
    accounts: list[Account] = [lf.account for lf in loaded if lf.account is not None]
    assert len(accounts) == 5
    for a in accounts:
        assert a.kaism is not None
        assert set(a.kaism.customer_attractiveness) == set(cfg.kaism.customer_attractiveness)
        assert set(a.kaism.our_strength) == set(cfg.kaism.our_strength)
        assert len(a.stakeholders) >= 3 and len(a.actions) >= 3
        assert {f.year for f in a.financials} >= {2023, 2024, 2025}


def test_two_runs_give_identical_bytes(tmp_path: Path) -> None:
    generate_mod.generate(tmp_path / "a", N)
    generate_mod.generate(tmp_path / "b", N)
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert len(a) == N + 1  # the files and kamctl.toml
    assert a == b


def test_another_seed_gives_another_portfolio(tmp_path: Path) -> None:
    generate_mod.generate(tmp_path / "a", 3, seed=1)
    generate_mod.generate(tmp_path / "b", 3, seed=2)
    assert _tree(tmp_path / "a") != _tree(tmp_path / "b")
