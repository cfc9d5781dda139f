"""--kam, --tier, --quadrant on classify, risk, status and report; --sort on status;
shell completion. Expected accounts are examples/README.md's (KAM load, quadrants)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES

CONFIG = EXAMPLES / "kamctl.toml"
ACCOUNTS = EXAMPLES / "accounts"
AS_OF = "2026-11-24"
# examples/README: KAM load.
ANDERS = ["agder-elektro", "grenland-kjemi", "kystlab", "polarnett"]
# examples/README: the key quadrant (Diamond in the example config).
KEY = ["havbris-sjomat", "nordlys-dagligvare", "nordmelk", "vestgruppen"]


def _json(kamctl, *args: str) -> dict:
    r = kamctl(*args, "--config", CONFIG, "--as-of", AS_OF, "-f", "json", "--lang", "en")
    assert r.exit_code in (0, 1), r.stderr
    doc = r.json()
    assert isinstance(doc, dict)
    return doc


def test_classify_by_kam_keeps_portfolio_wide_classes(kamctl) -> None:
    doc = _json(kamctl, "classify", ACCOUNTS, "--kam", "anders lie")
    assert sorted(r["id"] for r in doc["tables"]["accounts"]) == ANDERS
    # polarnett is B by revenue over the whole portfolio, filtered or not.
    assert next(r for r in doc["tables"]["accounts"] if r["id"] == "polarnett")["abc"] == "B"
    assert [k["kam"] for k in doc["tables"]["kams"]] == ["Anders Lie"]
    assert doc["meta"]["filter"] == {"kam": "anders lie", "tier": None, "quadrant": None}
    # agder-elektro's KAISM101 is Anders's; Magnus Haugen's capacity finding (PORT104)
    # is about the portfolio and stays.
    codes = sorted(f["code"] for f in doc["diagnostics"])
    assert "KAISM101" in codes


def test_classify_by_tier_and_by_quadrant_agree(kamctl) -> None:
    by_tier = _json(kamctl, "classify", ACCOUNTS, "--tier", "diamond")
    by_quadrant = _json(kamctl, "classify", ACCOUNTS, "--quadrant", "key")
    assert sorted(r["id"] for r in by_tier["tables"]["accounts"]) == KEY
    assert sorted(r["id"] for r in by_quadrant["tables"]["accounts"]) == KEY
    unclassified = _json(kamctl, "classify", ACCOUNTS, "--quadrant", "unclassified")
    assert [r["id"] for r in unclassified["tables"]["accounts"]] == ["agder-elektro"]


def test_filters_combine(kamctl) -> None:
    doc = _json(kamctl, "classify", ACCOUNTS, "--kam", "Silje Berg", "--quadrant", "key")
    # Silje Berg holds nordlys-dagligvare, vestgruppen, vestgruppen-fiskefor and
    # vestgruppen-logistikk; of those, nordlys and vestgruppen are key (Diamond).
    assert sorted(r["id"] for r in doc["tables"]["accounts"]) == ["nordlys-dagligvare", "vestgruppen"]


def test_unknown_tier_or_quadrant_is_a_usage_error(kamctl) -> None:
    r = kamctl("classify", ACCOUNTS, "--config", CONFIG, "--tier", "Gold")
    assert r.exit_code == 2 and "Diamond" in r.stderr and "Traceback" not in r.stderr
    r = kamctl("classify", ACCOUNTS, "--config", CONFIG, "--quadrant", "star")
    assert r.exit_code == 2 and "key_development" in r.stderr


def test_risk_by_kam_shows_shares_of_the_whole_portfolio(kamctl) -> None:
    doc = _json(kamctl, "risk", ACCOUNTS, "--kam", "Ingrid Solberg", "--fail-on", "never")
    assert sorted(r["id"] for r in doc["tables"]["customers"]) == ["havbris-sjomat", "nordmelk"]
    # 96 400 000 of the whole 223 650 000 = 43.10 %, not of Ingrid's two accounts.
    assert next(r for r in doc["tables"]["customers"] if r["id"] == "havbris-sjomat")["share"] == 43.1031
    accounts = {f["account"] for f in doc["diagnostics"] if f["account"]}
    assert accounts <= {"havbris-sjomat", "nordmelk"}
    paths = {f["path"] for f in doc["diagnostics"] if f["path"]}
    assert all(p.endswith(("havbris-sjomat.yaml", "nordmelk.yaml")) for p in paths)


def test_status_filter_and_sort(kamctl) -> None:
    r = kamctl("status", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "-f", "json", "--kam", "Anders Lie")
    doc = r.json()
    assert isinstance(doc, dict)
    assert sorted(a["account"] for a in doc["tables"]["accounts"]) == ANDERS
    r = kamctl(
        "status", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "-f", "json", "--sort", "completeness"
    )
    doc = r.json()
    assert isinstance(doc, dict)
    values = [a["completeness"] for a in doc["tables"]["accounts"]]
    assert values == sorted(values)
    r = kamctl("status", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "-f", "json", "--sort", "findings")
    doc = r.json()
    assert isinstance(doc, dict)
    errors = [a["findings"]["errors"] for a in doc["tables"]["accounts"]]
    assert errors == sorted(errors, reverse=True)
    r = kamctl("status", ACCOUNTS, "--config", CONFIG, "--sort", "size")
    assert r.exit_code == 2


def test_report_by_kam(kamctl, tmp_path) -> None:
    out = tmp_path / "silje"
    r = kamctl(
        "report", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "-f", "md", "-o", out, "--kam", "Silje Berg"
    )
    assert r.exit_code in (0, 1), r.stderr
    text = (out / "index.md").read_text(encoding="utf-8")
    assert "Nordlys Dagligvare AS" in text and "Vestgruppen Logistikk" in text
    assert "Havbris Sjømat AS](havbris-sjomat.md)" not in text  # Ingrid's account is not listed
    r = kamctl("report", ACCOUNTS, "--config", CONFIG, "-o", tmp_path / "none", "--kam", "Nobody")
    assert r.exit_code == 2 and "Nobody" in r.stderr


@pytest.mark.parametrize(
    ("shell", "marker"), [("bash", "complete "), ("zsh", "compdef"), ("fish", "complete ")]
)
def test_shell_completion_scripts(shell: str, marker: str) -> None:
    env = {**os.environ, "_KAMCTL_COMPLETE": f"source_{shell}"}
    r = subprocess.run([sys.executable, "-m", "kamctl"], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert marker in r.stdout and "_KAMCTL_COMPLETE" in r.stdout


def test_bash_completes_command_names() -> None:
    env = {**os.environ, "_KAMCTL_COMPLETE": "complete_bash", "COMP_WORDS": "kamctl cla", "COMP_CWORD": "1"}
    r = subprocess.run([sys.executable, "-m", "kamctl"], env=env, capture_output=True, text=True, timeout=60)
    assert "classify" in r.stdout.split()


def test_quiet_leaves_out_the_notes_but_not_the_findings(kamctl, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("KAMCTL_QUIET", "0")  # restored after the test: -q sets it for the process
    plan = tmp_path / "acme.yaml"
    plan.write_text("id: acme\nname: Acme AS\nkam: Kari\n", encoding="utf-8")
    loud = kamctl("classify", plan, "--as-of", AS_OF)
    assert "using the defaults" in loud.stderr  # no kamctl.toml in the scratch folder
    quiet = kamctl("-q", "classify", plan, "--as-of", AS_OF)
    assert quiet.exit_code == loud.exit_code
    assert "using the defaults" not in quiet.stderr and "kamctl:" not in quiet.stderr
    assert quiet.stdout == loud.stdout  # the table and its findings are the same
