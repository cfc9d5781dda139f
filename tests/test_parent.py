"""``parent`` names an account of the portfolio: not itself, not an unknown id, no cycle."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamctl.risk import group_of

FILES = {
    # a and b name each other; c names itself; d misspells vestgruppen.
    "a": "id: a\nname: A AS\nparent: b\nfinancials:\n  - year: 2025\n    revenue: 500\n",
    "b": "id: b\nname: B AS\nparent: a\nfinancials:\n  - year: 2025\n    revenue: 500\n",
    "c": "id: c\nname: C AS\nparent: c\n",
    "d": "id: d\nname: D AS\nparent: vestgrupen\n",
    "vestgruppen": "id: vestgruppen\nname: Vestgruppen AS\nfinancials:\n  - year: 2025\n    revenue: 900\n",
    "e": "id: e\nname: E AS\nparent: vestgruppen\n",
}
# Each "parent:" is line 3; its value starts at column 9.
EXPECTED = [
    "accounts/a.yaml:3:9: error: parent: a cycle: a → b → a; the top of a group has no parent",
    "accounts/b.yaml:3:9: error: parent: a cycle: b → a → b; the top of a group has no parent",
    "accounts/c.yaml:3:9: error: parent: names this account itself (c); parent is the id of the group's account",
    "accounts/d.yaml:3:9: error: parent: 'vestgrupen' is not an account of the portfolio "
    "(no file has id: vestgrupen); did you mean 'vestgruppen'?",
]


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    (tmp_path / "kamctl.toml").write_text('accounts = "accounts"\nlang = "en"\n')
    (tmp_path / "accounts").mkdir()
    for name, text in FILES.items():
        (tmp_path / "accounts" / f"{name}.yaml").write_text(text)
    return tmp_path


def test_validate_locates_each_parent_problem_cold_and_warm(kamctl, portfolio: Path) -> None:
    for _ in ("cold", "warm"):  # the second run reads the cache, which keeps each file's parent
        r = kamctl("validate")
        assert r.exit_code == 1
        errors = [line for line in r.stdout.splitlines() if ": error: " in line]
        assert errors == EXPECTED
        assert r.stdout.endswith("6 files checked, 4 invalid, 4 errors\n")


@pytest.mark.parametrize("command", ["risk", "classify", "abc"])
def test_the_analyses_report_them_too(kamctl, portfolio: Path, command: str) -> None:
    r = kamctl(command, "--as-of", "2026-01-15")
    assert r.exit_code == 1, r.stderr
    for line in EXPECTED:
        assert line in r.stderr + r.stdout


def test_a_parent_in_a_file_not_checked_this_run_is_known(kamctl, portfolio: Path) -> None:
    # pre-commit passes the changed files only: e's parent lives in an unchanged file.
    r = kamctl("validate", "accounts/e.yaml")
    assert r.exit_code == 0, r.stdout
    r = kamctl("validate", "accounts/d.yaml", "accounts/e.yaml")
    assert r.exit_code == 1
    assert EXPECTED[3] in r.stdout


def test_a_good_group_is_no_problem(kamctl, portfolio: Path) -> None:
    for name in ("a", "b", "c", "d"):
        (portfolio / "accounts" / f"{name}.yaml").unlink()
    assert kamctl("validate").exit_code == 0


def test_a_cycle_is_one_group_wherever_the_walk_starts() -> None:
    # The walk stopped where it met the cycle: a's group was b and b's was a,
    # so the two were split and the group's concentration finding vanished.
    parents: dict[str, str | None] = {"a": "b", "b": "c", "c": "b", "x": "a"}
    assert {group_of(i, parents) for i in ("a", "b", "c", "x")} == {"b"}
    assert group_of("y", {"y": "z"}) == "z"  # a parent outside the portfolio is still the top
