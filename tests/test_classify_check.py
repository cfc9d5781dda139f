"""``kamctl classify --check``: exit 1 when ``--write`` would change a file, writing nothing (issue 10).

The repro-10 portfolio (one account, criteria ``growth`` and ``product_fit``
with weight 1): growth 8 and product_fit 3 give 8 ≥ 5 and 3 < 5, key
development, priority 1; the only account has all the revenue, ABC class A.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPRO = Path(__file__).parent / "data" / "repros" / "10-classify-write-stale-block-layout"


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    target = tmp_path / "p"
    shutil.copytree(REPRO, target)
    return target


def _check(kamctl, portfolio: Path, *extra: str):
    return kamctl(
        "classify", "--check", "--config", portfolio / "kamctl.toml", *extra, portfolio / "accounts"
    )


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_stale_block_exits_1_names_every_change_and_writes_nothing(kamctl, portfolio: Path) -> None:
    before = _snapshot(portfolio / "accounts")
    r = _check(kamctl, portfolio)
    assert r.exit_code == 1
    # The block is at line 12 (``classification:  # written by kamctl``).
    assert (
        "acme.yaml:12:1: error: classification block out of date (quadrant: key → key_development, "
        "tier: Old → Key development account, priority: – → 1, customer_attractiveness: – → 8.0, "
        "our_strength: – → 3.0, abc: – → A); run `kamctl classify --write`"
    ) in r.stderr
    assert "1 file(s) would be changed by --write, 0 up to date" in r.stderr
    assert _snapshot(portfolio / "accounts") == before


def test_after_write_check_passes(kamctl, portfolio: Path) -> None:
    w = kamctl("classify", "--write", "--config", portfolio / "kamctl.toml", portfolio / "accounts")
    assert w.exit_code == 0, w.stderr
    r = _check(kamctl, portfolio)
    assert r.exit_code == 0, r.stderr
    assert "0 file(s) would be changed by --write, 1 up to date" in r.stderr


def test_a_missing_block_is_a_change_too(kamctl, portfolio: Path) -> None:
    path = portfolio / "accounts" / "acme.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("classification:")] + "notes: Something.\n", encoding="utf-8")
    r = _check(kamctl, portfolio)
    assert r.exit_code == 1
    assert "acme.yaml: error: no classification block; `kamctl classify --write` adds one" in r.stderr


def test_a_changed_weight_makes_a_written_block_stale(kamctl, portfolio: Path) -> None:
    assert (
        kamctl("classify", "--write", "--config", portfolio / "kamctl.toml", portfolio / "accounts").exit_code
        == 0
    )
    # A second attractiveness criterion, scored 0 and weighted 3: (8·1 + 0·3) / 4 = 2 < 5,
    # so the account drops to opportunistic, priority 4.
    cfg = portfolio / "kamctl.toml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace("growth = 1", "growth = 1\nvolume = 3"), encoding="utf-8"
    )
    path = portfolio / "accounts" / "acme.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    growth: 8\n", "    growth: 8\n    volume: 0\n")
    )
    r = _check(kamctl, portfolio)
    assert r.exit_code == 1
    assert "quadrant: key_development → opportunistic" in r.stderr
    assert "priority: 1 → 4" in r.stderr and "customer_attractiveness: 8.0 → 2.0" in r.stderr


def test_check_speaks_bokmal(kamctl, portfolio: Path) -> None:
    r = _check(kamctl, portfolio, "--lang", "nb")
    assert r.exit_code == 1
    assert (
        "acme.yaml:12:1: feil: klassifiseringsblokken er utdatert (quadrant: key → key_development"
        in r.stderr
    )
    assert "1 fil(er) ville blitt endret av --write, 0 er oppdatert" in r.stderr


def test_check_and_write_together_is_a_usage_error(kamctl, portfolio: Path) -> None:
    r = kamctl(
        "classify", "--check", "--write", "--config", portfolio / "kamctl.toml", portfolio / "accounts"
    )
    assert r.exit_code == 2
    assert "use --write or --check, not both" in r.stderr


def test_lint_flags_the_stale_block_at_its_keys(kamctl, portfolio: Path) -> None:
    r = kamctl("lint", "--select", "KAM130", "--config", portfolio / "kamctl.toml", portfolio / "accounts")
    assert r.exit_code == 1
    # quadrant (line 13) is stale, tier (14) too; priority and the scores are missing from the block.
    assert (
        "acme.yaml:13:3: error: [KAM130] classification.quadrant is key, the scores give key_development"
        in (r.stderr + r.stdout)
    )
    assert (
        "acme.yaml:14:3: error: [KAM130] classification.tier is Old, the scores give Key development account"
        in (r.stderr + r.stdout)
    )
    assert "acme.yaml:12:1: error: [KAM130] classification has no priority; the scores give 1" in (
        r.stderr + r.stdout
    )
