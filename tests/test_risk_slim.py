"""``risk`` sends back slim accounts from the loading workers when the year is
known before loading; the report must not change for it."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT

from kamctl.config import load_config
from kamctl.loader import PARALLEL_FROM, load_accounts
from kamctl.risk import RiskAccount, risk_account

_spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
assert _spec is not None and _spec.loader is not None
generate_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate_mod)

N = max(240, PARALLEL_FROM + 40)  # well into the pool's range with --jobs 2


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("portfolio")
    generate_mod.generate(folder, N)
    toml = (folder / "kamctl.toml").read_text(encoding="utf-8")
    assert "\nfiscal_year = 2025\n" in toml
    # The same portfolio with the year left to be found from the figures
    # (2025 is the latest with actuals, so the report is the same).
    (folder / "no-year.toml").write_text(toml.replace("\nfiscal_year = 2025\n", "\n"), encoding="utf-8")
    # One invalid file and one in another currency, so exclusions and the
    # currency note take part too.
    (folder / "accounts" / "zz-broken.yaml").write_text("id: zz-broken\nname: [\n", encoding="utf-8")
    first = sorted((folder / "accounts").glob("*.yaml"))[0]
    text = re.sub(r"(?m)^currency:.*\n", "", first.read_text(encoding="utf-8"))
    first.write_text(text.replace("\nname:", "\ncurrency: EUR\nname:", 1), encoding="utf-8")
    return folder


def test_risk_json_is_the_same_slim_or_whole_one_process_or_pool(kamctl, portfolio: Path) -> None:
    accounts = portfolio / "accounts"
    runs = {}
    for config, extra in [
        ("kamctl.toml", []),  # year in the config: slim accounts
        ("no-year.toml", []),  # year found after loading: whole accounts
        ("no-year.toml", ["--year", "2025"]),  # year given: slim accounts
    ]:
        for jobs in ("1", "2"):
            r = kamctl(
                "risk",
                "--format",
                "json",
                "--as-of",
                "2026-11-24",
                "--jobs",
                jobs,
                "--config",
                portfolio / config,
                *extra,
                accounts,
            )
            runs[(config, *extra, jobs)] = (r.exit_code, r.stdout, r.stderr)
    first = next(iter(runs.values()))
    report = json.loads(first[1])
    # A real report: shares of every valid account, account findings, the exclusion.
    assert len(report["tables"]["customers"]) >= N - 2
    assert any(f["code"].startswith(("RISK1", "STAGE1")) for f in report["diagnostics"])
    assert "zz-broken" in first[2]
    assert "EUR" in first[2]
    for key, run in runs.items():
        assert run == first, key


@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "pool"])
def test_slim_accounts_arrive_in_place_of_the_models(portfolio: Path, jobs: int) -> None:
    cfg = load_config(portfolio / "kamctl.toml")
    slim, _ = load_accounts([str(portfolio / "accounts")], cfg, jobs=jobs, slim=risk_account)
    whole, _ = load_accounts([str(portfolio / "accounts")], cfg, jobs=1)
    assert [lf.ok for lf in slim] == [lf.ok for lf in whole]
    for s, w in zip(slim, whole, strict=True):
        assert s.account is None
        if w.account is None:
            assert s.slim is None
            continue
        assert isinstance(s.slim, RiskAccount)
        assert s.slim == risk_account(w.account)
