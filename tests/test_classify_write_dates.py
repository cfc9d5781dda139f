"""``classify --write`` and text that ruamel.yaml reads as an impossible date (repro 24)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPRO = Path(__file__).parent / "data" / "repros" / "24-classify-write-date-like-text-crash"


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    shutil.copytree(REPRO, tmp_path / "p")
    return tmp_path / "p"


def test_one_impossible_date_refuses_that_file_and_the_others_are_written(
    kamctl, portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `notes: 2025-02-30` is text in YAML 1.2, so validate accepts it; ruamel.yaml
    # made it a date, raised "day is out of range", and the run stopped with an
    # internal error after alpha.yaml was written and before gamma.yaml.
    monkeypatch.chdir(portfolio)
    beta = (portfolio / "accounts" / "beta.yaml").read_bytes()
    assert kamctl("validate").exit_code == 0
    r = kamctl("classify", "--write")
    assert r.exit_code == 1, r.stderr
    assert "internal error" not in r.stderr
    assert (
        "accounts/beta.yaml: error: line 3: ruamel.yaml, which does the writing, reads 2025-02-30 as a date "
        "and there is no such date; quote it ('2025-02-30') to keep it as text; not written"
    ) in r.stderr
    assert (portfolio / "accounts" / "beta.yaml").read_bytes() == beta
    for name in ("alpha", "gamma"):
        assert "\nclassification:\n" in (portfolio / "accounts" / f"{name}.yaml").read_text()
    assert "2 file(s)" in r.stderr and "1 not written" in r.stderr


def test_quoted_as_the_message_says_it_is_written(
    kamctl, portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(portfolio)
    beta = portfolio / "accounts" / "beta.yaml"
    beta.write_text(beta.read_text().replace("notes: 2025-02-30", "notes: '2025-02-30'"))
    r = kamctl("classify", "--write")
    assert "not written" not in r.stderr
    text = beta.read_text()
    assert "notes: '2025-02-30'\n" in text and "\nclassification:\n" in text


def test_a_real_date_in_a_text_field_is_no_problem(
    kamctl, portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(portfolio)
    beta = portfolio / "accounts" / "beta.yaml"
    beta.write_text(beta.read_text().replace("2025-02-30", "2025-02-28"))
    r = kamctl("classify", "--write")
    assert "not written" not in r.stderr
    assert "notes: 2025-02-28\n" in beta.read_text()
