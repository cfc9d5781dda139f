"""Tables for people at 80 columns: nothing wraps, the least important columns
go first (and a line says which), the KAISM matrix never folds an entry, and a
status band is a letter as well as a colour."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from tests.conftest import EXAMPLES

CONFIG = EXAMPLES / "kamctl.toml"
ACCOUNTS = EXAMPLES / "accounts"
AS_OF = "2026-11-24"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _lines(text: str) -> list[str]:
    return [ANSI.sub("", line) for line in text.splitlines()]


@pytest.mark.parametrize("command", ["classify", "abc", "risk", "status", "measures", "agenda"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_line_fits_80_columns(kamctl, monkeypatch, command: str, lang: str) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    r = kamctl(command, ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "--lang", lang)
    assert r.exit_code in (0, 1), r.stderr
    # Finding lines are messages (file:line: text), not table rows; a terminal wraps them as prose.
    rows = [
        line for line in _lines(r.stdout) if not re.match(r"^(\S+\.yaml|portfolio|portefølje)[:\s]", line)
    ]
    too_wide = [line for line in rows if cell_len(line) > 80]
    assert too_wide == []


def test_classify_at_80_keeps_the_decision_columns_and_says_what_it_left_out(kamctl, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    r = kamctl("classify", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "--lang", "en")
    lines = _lines(r.stdout)
    header = next(line for line in lines if line.strip().startswith("prio"))
    assert header.split() == ["prio", "id", "tier", "attract.", "strength", "ABC", "SoW", "%"]
    # 2 + prio 4 + id 26 + tier 13 + attract. 8 + strength 8 + ABC 3 + SoW % 5 + six
    # two-space gaps = 81: profile, stage and KAM (the least needed to decide
    # investment) are left out, and "Opportunistic" is cut to 12 ("Opportunist…").
    note = next(line for line in lines if line.startswith("(left out to fit 80 columns"))
    assert note.startswith("(left out to fit 80 columns: profile, stage, KAM;")
    row = next(line for line in lines if "stavanger-offshore-service" in line and "Opportunist" in line)
    assert row.split() == ["4", "stavanger-offshore-service", "Opportunist…", "3.35", "4.42", "B", "39.80"]
    assert max(cell_len(line) for line in lines if "Opportunist…" in line) == 80


def test_wide_terminal_shows_every_column(kamctl, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    r = kamctl("classify", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "--lang", "en")
    header = next(line for line in _lines(r.stdout) if line.strip().startswith("prio"))
    assert header.split()[-3:] == ["stage", "KAM", "profile"]
    assert "left out to fit" not in r.stdout


def test_kaism_matrix_never_splits_an_entry(kamctl, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    r = kamctl("classify", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "--lang", "nb")
    lines = _lines(r.stdout)
    # examples/README: every classified account with its two scores, each on one line.
    for entry in (
        "stavanger-offshore-service  3,35 / 4,42",
        "vestgruppen-logistikk  4,70 / 6,75",
        "bergen-byggvare  7,15 / 4,17",
    ):
        assert any(line.strip() == entry for line in lines), entry


def test_status_bands_keep_their_letter_in_colour(kamctl, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    r = kamctl("status", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "--lang", "en")
    assert "\x1b[31m" in r.stdout  # coloured …
    row = next(line for line in _lines(r.stdout) if line.startswith("grenland-kjemi"))
    # … and lettered: grenland-kjemi has no key contact (red) and 1/3 coverage (red).
    assert "none R" in row and "1/3 R" in row


def test_status_at_80_shortens_headings_before_dropping_columns(kamctl, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    r = kamctl("status", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "--lang", "nb")
    lines = _lines(r.stdout)
    # Shorter headings and no checks count first; still 81 wide (26 + 6 + 8 + 7 + 7 + 7 + 8
    # and six gaps of 2), so the profile goes too, and a line says so.
    assert lines[1].split() == ["kunde", "komplett", "gj.gått", "kontakt", "dekning", "F/A/I"]
    assert any(line.startswith("(utelatt for å passe i 80 kolonner: profil;") for line in lines)
    row = next(line for line in lines if line.startswith("agder-elektro"))
    # 10 of 11 checks = 91 % (the count goes at 80 columns), band green.
    assert row.split()[:4] == ["agder-elektro", "91", "%", "G"]
    assert all(cell_len(line) <= 80 for line in lines)


def test_plain_table_fits_a_fixed_width() -> None:
    from kamctl.tabular import Column, Table, plain_table

    t = Table(
        "t",
        "T",
        [Column("id", "id"), Column("name", "name"), Column("value", "value", "money")],
        [{"id": "a-very-long-account-id", "name": "A name that is far too long to fit", "value": 1234567.0}],
    )
    # 2 + 22 + 34 + 9 + two gaps of 2 = 71; at 50 the name is cut to 13 cells (at
    # least 12 are kept) and nothing is left out.
    text = plain_table(t, "en", width=50, drop_order=())
    assert all(cell_len(line) <= 50 for line in text.splitlines())
    title, blank, header, rule, row = text.splitlines()
    assert (title, blank) == ("T", "")
    assert header.split() == ["id", "name", "value"]
    assert cell_len(rule) == cell_len(row) == 50
    # The id and the amount are whole; the name is cut with "…".
    assert "a-very-long-account-id" in row and "1,234,567" in row and "…" in row
