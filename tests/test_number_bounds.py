"""Numbers in an account file are finite and bounded (issue 10, repros 01, 02,
03, 23): nonsense is a located error in ``validate``, never an internal error
later in an analysis or a rendered plan."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Run

REPROS = ROOT / "tests" / "data" / "repros"


def _out(r: Run) -> str:
    return r.stdout + r.stderr


def _copy(name: str, tmp_path: Path) -> Path:
    dest = tmp_path / name
    shutil.copytree(REPROS / name, dest)
    return dest


def test_an_int_of_4301_digits_is_located_and_other_files_still_checked(
    kamctl: Callable[..., Run], tmp_path: Path
) -> None:
    folder = _copy("01-int-over-4300-digits", tmp_path)
    r = kamctl("validate", "--no-cache", folder)
    assert r.exit_code == 1
    # big.yaml line 5 is "    revenue: 111…": the value starts after 4 + 9 columns.
    assert "big.yaml:5:14: error: a number of 4,301 digits is too long to read" in _out(r)
    # fine.yaml's own error is still reported: the crash used to hide it.
    assert "fine.yaml:5:13: error: stakeholders[0].stance: must be between -3 and 3 (got 9)" in _out(r)
    assert "internal error" not in _out(r)


@pytest.mark.parametrize(("literal", "shown"), [(".inf", "inf"), ("-.inf", "-inf"), (".nan", "nan")])
def test_non_finite_money_is_a_located_error(
    kamctl: Callable[..., Run], tmp_path: Path, literal: str, shown: str
) -> None:
    folder = _copy("02-nonfinite-money", tmp_path)
    (folder / "inf-co.yaml").write_text(
        f"id: inf-co\nname: Inf AS\nfinancials:\n  - year: 2025\n    revenue: {literal}\n"
    )
    r = kamctl("validate", "--no-cache", folder)
    assert r.exit_code == 1
    assert f"inf-co.yaml:5:14: error: financials[0].revenue: must be a finite number (got {shown})" in _out(r)
    assert "2 files checked, 1 invalid" in _out(r)


def test_1e400_reads_as_infinity_and_is_refused(kamctl: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\nname: A\nfinancials:\n  - year: 2025\n    gross_margin: 1e400\n")
    r = kamctl("validate", "--no-cache", tmp_path / "a.yaml")
    assert r.exit_code == 1
    assert "a.yaml:5:19: error: financials[0].gross_margin: must be a finite number (got inf)" in _out(r)


@pytest.mark.parametrize(("folder", "value"), [("classify", "1e+30"), ("risk", "1e+308")])
def test_huge_finite_money_is_refused(
    kamctl: Callable[..., Run], tmp_path: Path, folder: str, value: str
) -> None:
    root = _copy("03-huge-finite-money", tmp_path)
    r = kamctl("validate", "--no-cache", root / folder)
    assert r.exit_code == 1
    assert (
        f"big-co.yaml:5:14: error: financials[0].revenue: is too large: at most 1e15 in size (got {value})"
        in _out(r)
    )


@pytest.mark.parametrize("name", ["stance.yaml", "employees.yaml"])
def test_an_int_beyond_float_range_is_a_located_error(
    kamctl: Callable[..., Run], tmp_path: Path, name: str
) -> None:
    root = _copy("23-int-beyond-float-range", tmp_path)
    r = kamctl("validate", "--no-cache", root / name)
    assert r.exit_code == 1, _out(r)
    # The 2 followed by 308 zeros: 309 digits, shown shortened.
    assert "is too large: at most 1e15 in size (got 200000… (309 digits))" in _out(r)
    assert "internal error" not in _out(r)


def test_a_cent_below_is_refused_and_zero_is_fine(kamctl: Callable[..., Run], tmp_path: Path) -> None:
    # 5e-324 as category_spend made revenue / category_spend infinite.
    (tmp_path / "a.yaml").write_text(
        "id: a\nname: A\nfinancials:\n  - year: 2025\n    revenue: 0\n    category_spend: 5e-324\n"
    )
    r = kamctl("validate", "--no-cache", tmp_path / "a.yaml")
    assert r.exit_code == 1
    assert "a.yaml:6:21: error: financials[0].category_spend: must be 0 or at least 0.01 in size" in _out(r)


EXTREMES = """\
id: {id}
name: Extreme {id}
kaism:
  customer_attractiveness: {{volume: 10}}
  our_strength: {{fit: 0}}
financials:
  - year: 2025
    revenue: {revenue}
    gross_margin: {margin}
    contribution_margin: {margin}
    category_spend: 0.01
opportunities:
  - name: big
    value: 1000000000000000
    probability: 100
customer:
  employees: 1000000000000000
stakeholders:
  - name: P
    stance: -3
"""


@pytest.mark.parametrize(
    "command",
    [
        ["classify"],
        ["classify", "--write"],
        ["abc"],
        ["abc", "--by", "gross_margin"],
        ["risk"],
        ["status"],
        ["lint"],
        ["render", "-o", "out"],
        ["render", "-f", "md", "-o", "out"],
        ["report", "-o", "rep"],
    ],
)
def test_the_largest_and_smallest_valid_amounts_pass_every_command(
    kamctl: Callable[..., Run], tmp_path: Path, command: list[str]
) -> None:
    # The bounds themselves (1e15 and 0.01) validate; nothing downstream may
    # then fail on them: a share of wallet of 1e15 / 0.01 = 1e17 is finite.
    acc = tmp_path / "accounts"
    acc.mkdir()
    (acc / "big.yaml").write_text(EXTREMES.format(id="big", revenue="1e15", margin="-1e15"))
    (acc / "small.yaml").write_text(EXTREMES.format(id="small", revenue="0.01", margin="0.01"))
    assert kamctl("validate", "--no-cache", acc).exit_code == 0
    r = kamctl(*command, acc)
    assert r.exit_code in (0, 1), _out(r)
    assert "internal error" not in _out(r)
