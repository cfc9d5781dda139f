"""CSV in two dialects: ``plain`` for scripts (the default) and ``excel-nb`` for
a double-click in Norwegian Excel. Read back with Python's csv module using the
dialect, and with LibreOffice reading numbers in the nb-NO locale."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

CONFIG = EXAMPLES / "kamctl.toml"
ACCOUNTS = EXAMPLES / "accounts"
AS_OF = "2026-11-24"


def _write(kamctl, tmp_path: Path, *args: str | Path) -> bytes:
    out = tmp_path / "out.csv"
    r = kamctl(*args, "--config", CONFIG, "--as-of", AS_OF, "--format", "csv", "--output", out)
    assert r.exit_code in (0, 1), r.stderr
    return out.read_bytes()


def _nb_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads UTF-8, not cp1252
    text = data[3:].decode("utf-8")
    lines = text.split("\r\n")
    assert lines[-1] == "" and all("\n" not in line for line in lines)  # CRLF, and only CRLF
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_plain_is_the_default_and_unchanged_for_scripts(kamctl, tmp_path: Path) -> None:
    data = _write(kamctl, tmp_path, "risk", ACCOUNTS)
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    h = next(r for r in rows if r["id"] == "havbris-sjomat")
    # 96 400 000 / 223 650 000 = 0.43103062… → 43.1031 (4 decimals), '.' decimals.
    assert h["revenue"] == "96400000.0" and h["share"] == "43.1031" and h["major"] == "true"


def test_excel_nb_semicolons_decimal_comma_bom_crlf(kamctl, tmp_path: Path) -> None:
    data = _write(kamctl, tmp_path, "risk", ACCOUNTS, "--csv-dialect", "excel-nb", "--lang", "nb")
    rows = _nb_rows(data)
    header = rows[0]
    assert header[:4] == ["#", "id", "konsern", "omsetning (NOK)"]  # headings in the output language
    h = dict(zip(header, next(r for r in rows if r[1] == "havbris-sjomat"), strict=True))
    assert h["omsetning (NOK)"] == "96400000"  # no thousands group: it would make the cell text
    assert h["andel %"] == "43,1031"
    assert h["≥ 10 %"] == "ja"
    assert h["navn"] == "Havbris Sjømat AS"  # not "SjÃ¸mat"


def test_excel_nb_in_english_keeps_the_dialect(kamctl, tmp_path: Path) -> None:
    data = _write(kamctl, tmp_path, "classify", ACCOUNTS, "--csv-dialect", "excel-nb", "--lang", "en")
    rows = _nb_rows(data)
    h = dict(zip(rows[0], next(r for r in rows if r[1] == "havbris-sjomat"), strict=True))
    # 98/12 = 8.1666… → 8.17; SoW 96.4/131 = 73.5878 %.
    assert h["strength"] == "8,17" and h["SoW %"] == "73,5878"


def test_excel_nb_text_that_would_be_a_formula_gets_a_quote(kamctl, tmp_path: Path) -> None:
    folder = tmp_path / "accounts"
    folder.mkdir()
    (folder / "evil.yaml").write_text('id: evil\nname: "=1+2"\nkam: "-Kari"\n', encoding="utf-8")
    out = tmp_path / "c.csv"
    r = kamctl("classify", folder, "-f", "csv", "--csv-dialect", "excel-nb", "-o", out, "--lang", "en")
    assert r.exit_code == 0, r.stderr
    rows = _nb_rows(out.read_bytes())
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["name"] == "'=1+2" and row["KAM"] == "'-Kari"
    # plain CSV is for scripts: the value as it is.
    r = kamctl("classify", folder, "-f", "csv")
    assert next(csv.DictReader(io.StringIO(r.stdout)))["name"] == "=1+2"


def test_unknown_dialect_is_a_usage_error(kamctl) -> None:
    r = kamctl("classify", ACCOUNTS, "--config", CONFIG, "-f", "csv", "--csv-dialect", "excel-se")
    assert r.exit_code == 2 and "excel-nb" in r.stderr


def test_machine_value_rounds_money_shares_and_scores() -> None:
    from kamctl.tabular import machine_value

    assert machine_value(477601233.1499998, "money") == 477601233.15
    assert machine_value(4.125, "money") == 4.13  # half-up, as people round (binary 4.125 is exact)
    assert machine_value(100 / 24, "percent") == 4.1667
    assert machine_value(50 / 12, "score", 5.0) == 4.17
    # Never rounded across the KAISM threshold: 4.9951 is low, and says so.
    assert machine_value(4.9951, "score", 5.0) == 4.995
    assert machine_value(None, "money") is None and machine_value("x", "money") == "x"


def test_json_has_no_float_noise(kamctl) -> None:
    import json
    import re

    for command in ("classify", "abc", "risk", "measures"):
        r = kamctl(command, ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "-f", "json")
        assert r.exit_code in (0, 1), r.stderr
        json.loads(r.stdout)
        noisy = re.findall(r"\d+\.\d{5,}", r.stdout)
        assert noisy == [], (command, noisy[:5])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_in_nb_locale_reads_columns_and_numbers(kamctl, tmp_path: Path) -> None:
    import openpyxl

    from tests.office import import_csv_nb

    src = tmp_path / "risiko.csv"
    src.write_bytes(_write(kamctl, tmp_path, "risk", ACCOUNTS, "--csv-dialect", "excel-nb", "--lang", "nb"))
    ws = openpyxl.load_workbook(import_csv_nb(src, tmp_path / "lo")).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["#", "id", "konsern", "omsetning (NOK)"]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[1] == "havbris-sjomat")
    h = dict(zip(header, row, strict=True))
    assert h["omsetning (NOK)"] == 96_400_000
    assert h["andel %"] == pytest.approx(43.1031)
    assert h["navn"] == "Havbris Sjømat AS"
