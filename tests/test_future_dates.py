"""Dates of things done that lie ahead of --as-of: KAM131, and status never shows them as fresh."""

from __future__ import annotations

from pathlib import Path

import pytest

# Issue 10's typo: reviewed 2062-09-18 and last_contact 2062-11-04, as of 2026-11-24.
TYPO = (
    "id: z\nname: Z AS\nreview:\n  reviewed: 2062-09-18\n"
    "stakeholders:\n  - name: Kari Lie\n    role: decision_maker\n    last_contact: 2062-11-04\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "kamctl.toml").write_text('accounts = "accounts"\n')
    (tmp_path / "accounts").mkdir()
    (tmp_path / "accounts" / "z.yaml").write_text(TYPO)
    return tmp_path


def test_lint_locates_each_future_date(kamctl, folder: Path) -> None:
    r = kamctl("lint", "--as-of", "2026-11-24", "--select", "KAM131")
    assert r.exit_code == 1
    # 2026-11-24 → 2062-09-18: 36 years minus 67 days; 36 × 365 + 9 leap days (2028 … 2060) = 13,149;
    # 13,149 − 67 (Sep 18 → Nov 24) = 13,082. last_contact is 47 days later: 13,129.
    assert (
        "accounts/z.yaml:4:3: error: [KAM131] review.reviewed 2062-09-18 is 13,082 days after today "
        "(2026-11-24); a date of something done cannot lie ahead — a typo?"
    ) in r.stdout
    assert (
        "accounts/z.yaml:8:5: error: [KAM131] stakeholders[0].last_contact 2062-11-04 is 13,129 days"
        in r.stdout
    )


def test_one_day_ahead_is_the_slack(kamctl, folder: Path) -> None:
    text = TYPO.replace("2062-09-18", "2026-11-25").replace("2062-11-04", "2026-11-26")
    (folder / "accounts" / "z.yaml").write_text(text)
    r = kamctl("lint", "--as-of", "2026-11-24", "--select", "KAM131")
    found = [line for line in r.stdout.splitlines() if "[KAM131]" in line]
    assert len(found) == 1 and "last_contact 2026-11-26 is 2 days after today" in found[0]


@pytest.mark.parametrize(("lang", "shown"), [("en", "ahead (KAM131)"), ("nb", "fram i tid (KAM131)")])
def test_status_shows_a_future_date_as_such_in_red(kamctl, folder: Path, lang: str, shown: str) -> None:
    # It showed "-13082 d G": a typo made a stale plan look fresh for good.
    r = kamctl("status", "--as-of", "2026-11-24", "--lang", lang)
    row = next(line for line in r.stdout.splitlines() if line.startswith("z "))
    assert "-13" not in row
    assert row.count(f"{shown} R") == 2  # review and key contact, both red
    r = kamctl("status", "--as-of", "2026-11-24", "--format", "json")
    (account,) = r.json()["tables"]["accounts"]
    assert account["bands"]["review"] == "red" and account["bands"]["contact"] == "red"
