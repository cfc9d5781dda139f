"""The one number, money and date formatter (kamctl.numbers) and that every
output uses it: 4.125 reads 4,13 / 4.13 in a table, a finding and a document.

Every expected value is worked out by hand: half up on the decimal value
(the digit after the last kept one is 5 or more → round away from zero).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path

import pytest

from kamctl import numbers
from kamctl.numbers import MINUS, NBSP


@pytest.mark.parametrize(
    ("value", "decimals", "nb", "en"),
    [
        # 4.125 is exactly 4 + 1/8 in binary: round-half-even ('%.2f') gives 4.12.
        (4.125, 2, "4,13", "4.13"),
        # 0.005 is 0.00500000000000000010… in binary; as written it is a half: up.
        (0.005, 2, "0,01", "0.01"),
        (0.004, 2, "0,00", "0.00"),
        # 1.005 is 1.00499999999999989… in binary; a person reads 1.005 → 1.01.
        (1.005, 2, "1,01", "1.01"),
        # Negative halves go away from zero, as they do by hand: −4.125 → −4.13.
        (-4.125, 2, f"{MINUS}4,13", f"{MINUS}4.13"),
        # Never a negative zero: −0.004 shows as 0.00.
        (-0.004, 2, "0,00", "0.00"),
        # Grouping by thousands: nb with a space, en with a comma.
        (1234567.891, 2, "1 234 567,89", "1,234,567.89"),
        (1234567.5, 0, "1 234 568", "1,234,568"),
        (2.5, 0, "3", "3"),  # round() would give 2
        (999.995, 2, "1 000,00", "1,000.00"),
        (-230000, 0, f"{MINUS}230 000", f"{MINUS}230,000"),
        (0, 0, "0", "0"),
        (10**15, 0, "1 000 000 000 000 000", "1,000,000,000,000,000"),
    ],
)
def test_number_rounds_half_up_and_groups(value: float, decimals: int, nb: str, en: str) -> None:
    assert numbers.number(value, "nb", decimals) == nb
    assert numbers.number(value, "en", decimals) == en


def test_round_half_up_is_decimal() -> None:
    assert numbers.round_half_up(4.125, 2) == Decimal("4.13")
    assert numbers.round_half_up(-0.005, 2) == Decimal("-0.01")
    assert numbers.round_half_up(Decimal("2.675"), 2) == Decimal("2.68")  # float 2.675 < 2.675


def test_nan_and_infinity_are_refused() -> None:
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValueError, match="cannot format"):
            numbers.number(bad, "nb")


def test_one_money_style_per_language() -> None:
    # nb: amount, then "kr" for NOK or the ISO code; en: the code, then the amount.
    assert numbers.money(-230000, "NOK", "nb") == f"{MINUS}230 000 kr"
    assert numbers.money(-230000, "NOK", "en") == f"NOK {MINUS}230,000"
    assert numbers.money(1234.5, "EUR", "nb") == "1 235 EUR"
    assert numbers.money(1234.5, "EUR", "en") == "EUR 1,235"
    # Documents use a no-break space, so the amount never breaks across a line.
    assert numbers.money(1234567, "NOK", "nb", space=NBSP) == f"1{NBSP}234{NBSP}567{NBSP}kr"


def test_percent_date_and_settings() -> None:
    assert numbers.percent(43.10313, "nb", 2) == "43,10 %"
    assert numbers.percent(43.10313, "en", 2) == "43.10%"
    assert numbers.percent(12.25, "nb", 1) == "12,3 %"  # 12.25 exact in binary; half up
    assert numbers.date(_dt.date(2026, 11, 22), "nb") == "22. november 2026"
    assert numbers.date(_dt.date(2026, 11, 22), "en") == "22 November 2026"
    assert numbers.setting(80.0, "nb") == "80"
    assert numbers.setting(12.5, "nb") == "12,5"
    assert numbers.setting(12.5, "en") == "12.5"
    with pytest.raises(ValueError, match="unknown language"):
        numbers.number(1, "sv")


def test_every_formatter_of_the_program_agrees_on_a_half() -> None:
    """The document Locale, the terminal tables, the messages and the figures
    of the lint summary are one formatter: 4.125 is 4,13 in all of them."""
    from kamctl.i18n import Locale, decimal
    from kamctl.kaism import round_half_up
    from kamctl.lint.rules._text import fmt_amount
    from kamctl.tabular import format_number

    assert Locale("nb").number(4.125, 2) == "4,13"
    assert Locale("nb").percent(4.125, 2) == f"4,13{NBSP}%"
    assert format_number(4.125, "percent", "nb") == "4,13"
    assert format_number(4.125, "percent", "en") == "4.13"
    assert decimal(4.125, ".2f", "nb") == "4,13"
    assert round_half_up(4.125, 2) == 4.13
    # The messages' money is the documents' money, with an ordinary space.
    assert fmt_amount(-230000, "NOK", "nb") == f"{MINUS}230 000 kr"
    assert fmt_amount(-230000, "NOK", "en") == f"NOK {MINUS}230,000"
    assert Locale("en").money(-230000) == f"NOK{NBSP}{MINUS}230,000"


def _portfolio(tmp_path: Path) -> Path:
    # Revenues 3 290 + 2 710 + 2 000 = 8 000; a's share 3 290 / 8 000 = 41.125 %
    # exactly (41 + 1/8 in binary), at or above the 40 % of RISK001.
    accounts = tmp_path / "accounts"
    accounts.mkdir()
    for acc_id, revenue in (("a", 3290), ("b", 2710), ("c", 2000)):
        (accounts / f"{acc_id}.yaml").write_text(
            f"id: {acc_id}\nname: {acc_id.upper()}\nfinancials:\n  - year: 2025\n    revenue: {revenue}\n",
            encoding="utf-8",
        )
    return accounts


@pytest.mark.parametrize(("lang", "shown"), [("nb", "41,13"), ("en", "41.13")])
def test_risk_table_and_finding_show_the_same_share(kamctl, tmp_path: Path, lang: str, shown: str) -> None:
    accounts = _portfolio(tmp_path)
    r = kamctl("risk", accounts, "--as-of", "2026-11-24", "--lang", lang, "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    row = next(line for line in r.stdout.splitlines() if line.split()[:2] == ["1", "a"])
    assert shown in row.split()
    finding = next(line for line in r.stdout.splitlines() if "[RISK001]" in line)
    assert f"{shown} %" in finding or f"{shown}%" in finding
    assert "41,12" not in r.stdout and "41.12" not in r.stdout
