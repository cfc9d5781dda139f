"""Reading customer exports: Norwegian and plain numbers, delimiters, BOM, errors at their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamctl.config import CsvConfig, load_config
from kamctl.customers_csv import (
    NumberError,
    parse_number,
    read_customer_file,
    read_customers,
    sniff_delimiter,
)
from tests.conftest import EXAMPLES

DATA = Path(__file__).parent / "data"
REPROS = DATA / "repros"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234 567,50", 1234567.50),
        ("1\u00a0234\u00a0567,50", 1234567.50),  # no-break space (Excel nb-NO)
        ("1\u202f234\u202f567,50", 1234567.50),  # narrow no-break space
        ("1234567,5", 1234567.5),
        ("1234567.50", 1234567.50),
        ("1.234.567,50", 1234567.50),
        ("1,234,567.50", 1234567.50),
        ("3900000", 3900000.0),
        ("-230 000,00", -230000.0),
        ("\u2212230 000", -230000.0),  # the minus sign U+2212
        (" 42 ", 42.0),
        ("0,00", 0.0),
    ],
)
def test_numbers(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "12 34", "1 234.567,5", "1,2,3", "kr 100", "1e5", "--1"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)


def test_sniff() -> None:
    assert sniff_delimiter("id;name;revenue;margin") == ";"
    assert sniff_delimiter("id,name,revenue,margin") == ","
    assert sniff_delimiter('"a;b",name,revenue') == ","  # quoted ; does not count
    assert sniff_delimiter("id\tname\trevenue") == "\t"


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / "customers.csv"
    p.write_bytes(text.encode(encoding))
    return p


def test_semicolon_bom_crlf_norwegian(tmp_path: Path) -> None:
    p = write(tmp_path, "\ufeffid;name;revenue;margin\r\n1;Berg, Hansen og Co AS;1\u00a0234,50;-10\r\n")
    customers, diags = read_customers(p, CsvConfig())
    assert diags == []
    (c,) = customers
    assert (c.id, c.name, c.revenue, c.gross_margin, c.line) == ("1", "Berg, Hansen og Co AS", 1234.5, -10, 2)


def test_comma_delimited_with_quoted_norwegian_numbers(tmp_path: Path) -> None:
    p = write(tmp_path, 'id,name,revenue\n7,"Berg, Hansen","1 234 567,50"\n8,Plain,99.5\n')
    customers, diags = read_customers(p, CsvConfig())
    assert diags == []
    assert [(c.id, c.name, c.revenue) for c in customers] == [
        ("7", "Berg, Hansen", 1234567.5),
        ("8", "Plain", 99.5),
    ]


def test_configured_columns_case_insensitive(tmp_path: Path) -> None:
    p = write(tmp_path, "Kundenr;Kundenavn;Omsetning;DB2\n10;Aker;100;5\n")
    cfg = CsvConfig(id="kundenr", name="kundenavn", revenue="omsetning", contribution="db2")
    customers, diags = read_customers(p, cfg, measure="contribution")
    assert diags == []
    assert (customers[0].id, customers[0].name, customers[0].revenue, customers[0].contribution) == (
        "10",
        "Aker",
        100.0,
        5.0,
    )


def test_missing_column_names_the_setting(tmp_path: Path) -> None:
    p = write(tmp_path, "id;name;omsetning\n1;A;1\n")
    customers, diags = read_customers(p, CsvConfig())
    assert customers == []
    (d,) = diags
    assert d.line == 1 and d.severity.value == "error"
    assert "no column 'revenue'" in d.message and "[csv] revenue" in d.message


def test_bad_row_is_an_error_at_its_line(tmp_path: Path) -> None:
    # Line 3 has a bad revenue, line 5 too few fields, line 6 an empty id.
    text = "id;name;revenue\n1;A;100\n2;B;12 34\n3;C;5\n4;D\n;E;7\n"
    customers, diags = read_customers(write(tmp_path, text), CsvConfig())
    assert [c.id for c in customers] == ["1", "3"]
    assert [(d.line, d.severity.value) for d in diags] == [(3, "error"), (5, "error"), (6, "error")]
    assert "'12 34' is not a number" in diags[0].message
    assert diags[0].source == "2;B;12 34"
    assert "2 fields, the header 3" in diags[1].message


def test_line_numbers_count_quoted_line_breaks(tmp_path: Path) -> None:
    text = 'id;name;revenue\n1;"two\nlines";10\n2;B;x\n'
    _, diags = read_customers(write(tmp_path, text), CsvConfig())
    assert [d.line for d in diags] == [4]


def test_duplicate_ids_are_errors(tmp_path: Path) -> None:
    text = "id;name;revenue\n1;A;100\n2;B;50\n1;A again;30\n"
    customers, diags = read_customers(write(tmp_path, text), CsvConfig())
    assert [c.id for c in customers] == ["1", "2"]
    (d,) = diags
    assert (d.line, d.severity.value) == (4, "error")
    assert "duplicate customer id '1' (first on line 2)" in d.message


def test_bad_value_in_another_column_is_a_warning(tmp_path: Path) -> None:
    text = "id;name;revenue;margin\n1;A;100;n/a\n"
    customers, diags = read_customers(write(tmp_path, text), CsvConfig())
    assert customers[0].revenue == 100 and customers[0].gross_margin is None
    assert [(d.line, d.severity.value) for d in diags] == [(2, "warning")]


def test_negative_revenue_is_an_error(tmp_path: Path) -> None:
    _, diags = read_customers(write(tmp_path, "id;name;revenue\n1;A;-5\n"), CsvConfig())
    assert [(d.line, d.severity.value) for d in diags] == [(2, "error")]


def test_cp1252_export_is_read_and_named() -> None:
    # Norwegian Excel's "CSV (semikolondelt)": ';', decimal comma, no-break
    # space thousands (0xA0 in cp1252), ø as the single byte 0xF8, CRLF.
    p = DATA / "cp1252" / "kunder.csv"
    raw = p.read_bytes()
    assert b"\xf8" in raw and b"\xa0" in raw  # the fixture is what Excel writes
    read = read_customer_file(p, CsvConfig())
    assert read.diagnostics == [] and read.encoding == "cp1252" and not read.refused
    assert [(c.id, c.name, c.revenue, c.gross_margin) for c in read.customers] == [
        ("k1", "Sørlandet Frukt AS", 1234567.5, 230000.0),
        ("k2", "Ålesund Ærlig Øl", 99.0, -10.25),
    ]


@pytest.mark.parametrize(
    ("prefix", "encoding"), [(b"\xef\xbb\xbf", "utf-8-sig"), (b"", "utf-8")], ids=["bom", "no-bom"]
)
def test_utf8_with_and_without_bom_is_named(tmp_path: Path, prefix: bytes, encoding: str) -> None:
    p = tmp_path / "c.csv"
    p.write_bytes(prefix + "id;name;revenue\r\n1;Sørlandet;5\r\n".encode())
    read = read_customer_file(p, CsvConfig())
    assert read.encoding == encoding and read.diagnostics == []
    assert [(c.id, c.name) for c in read.customers] == [("1", "Sørlandet")]


def test_neither_utf8_nor_cp1252_names_the_line(tmp_path: Path) -> None:
    # 0x81 is one of the five bytes cp1252 leaves undefined; it is no UTF-8 either.
    p = write(tmp_path, "id;name;revenue\n1;A;5\n2;B\x81;5\n", encoding="latin-1")
    read = read_customer_file(p, CsvConfig())
    assert read.customers == [] and read.refused and read.encoding is None
    (d,) = read.diagnostics
    assert d.line == 3 and "neither UTF-8 nor Windows-1252 (byte 0x81)" in d.message


def test_bom_then_bad_utf8_is_not_guessed_as_cp1252(tmp_path: Path) -> None:
    # A BOM says UTF-8; a broken byte after it is an error, not a reason to guess.
    p = tmp_path / "c.csv"
    p.write_bytes(b"\xef\xbb\xbfid;name;revenue\n1;S\xf8rlandet;5\n")
    read = read_customer_file(p, CsvConfig())
    assert read.refused and [d.line for d in read.diagnostics] == [2]


def test_unclosed_quote_reports_every_swallowed_row() -> None:
    # Repro 05: a stray " on line 3 swallowed lines 3-6; only a0 was analysed,
    # shown as 100 %, with "1 invalid row left out".
    read = read_customer_file(REPROS / "05-csv-unbalanced-quote-swallows-rows" / "customers.csv", CsvConfig())
    assert [c.id for c in read.customers] == ["a0"]
    assert [(d.line, d.severity.value) for d in read.diagnostics] == [(n, "error") for n in (3, 4, 5, 6)]
    assert "not closed before the end of the file: lines 3–6" in read.diagnostics[0].message
    assert read.diagnostics[1].source == "a2;Beta AS;200;20"
    assert "unclosed double quote on line 3" in read.diagnostics[1].message


def test_stray_quote_closed_by_a_later_stray_quote(tmp_path: Path) -> None:
    # Two stray quotes (lines 3 and 5) make one row of 4 fields, the header's
    # count: a2 would vanish into a1's name and a1 get a3's 300.
    text = (
        'id;name;revenue;margin\na0;Z;50;5\na1;"Alpha;100;10\na2;Beta;200;20\na3;"Gamma;300;30\na4;D;400;40\n'
    )
    read = read_customer_file(write(tmp_path, text), CsvConfig())
    assert [c.id for c in read.customers] == ["a0", "a4"]
    assert [d.line for d in read.diagnostics] == [3, 4, 5]
    assert "not closed before line 5: lines 3–5" in read.diagnostics[0].message


def test_a_quoted_line_break_in_a_name_is_still_fine(tmp_path: Path) -> None:
    text = 'id;name;revenue\n1;"Berg\nHansen";10\n2;B;20\n'
    read = read_customer_file(write(tmp_path, text), CsvConfig())
    assert read.diagnostics == []
    assert [(c.id, c.name, c.line) for c in read.customers] == [("1", "Berg\nHansen", 2), ("2", "B", 4)]


def test_a_field_over_the_limit_is_one_bad_row() -> None:
    # Repro 06: the csv module's 131,072-character limit raised on line 3 and
    # the rest of the file was never read (customers ['a0'] of 8).
    read = read_customer_file(REPROS / "06-csv-field-limit-drops-rest" / "customers.csv", CsvConfig())
    assert [c.id for c in read.customers] == ["a0", "a2", "a3", "a4", "a5", "a6", "a7"]
    (d,) = read.diagnostics
    assert d.line == 3 and "a value of 131,073 characters (at most 131,072)" in d.message
    import csv

    assert csv.field_size_limit() == 131_072  # the process-wide limit is put back


def test_a_field_at_the_limit_is_read(tmp_path: Path) -> None:
    name = "x" * 131_072
    read = read_customer_file(write(tmp_path, f"id;name;revenue\n1;{name};5\n2;B;6\n"), CsvConfig())
    assert read.diagnostics == [] and [len(c.name) for c in read.customers] == [131_072, 1]


def test_missing_column_refuses_the_file(tmp_path: Path) -> None:
    p = write(tmp_path, "id;name;omsetning\n1;A;1\n2;B;2\n")
    read = read_customer_file(p, CsvConfig())
    assert read.refused and read.customers == []
    (d,) = read.diagnostics
    assert (d.line, d.source) == (1, "id;name;omsetning")
    assert d.message.startswith(
        "the header line has no column 'revenue' (the columns are: id, name, omsetning)"
    )


def test_messages_in_bokmal(tmp_path: Path) -> None:
    p = write(tmp_path, "id;name;omsetning\n1;A;1\n")
    (d,) = read_customer_file(p, CsvConfig(), lang="nb").diagnostics
    assert d.message.startswith("overskriftslinjen har ingen kolonne «revenue»")


def test_examples_csv() -> None:
    cfg = load_config(EXAMPLES / "kamctl.toml")
    customers, diags = read_customers(EXAMPLES / "customers.csv", cfg.csv)
    assert diags == []
    assert len(customers) == 243
    # README: total revenue 477 601 233,15 NOK.
    assert sum(c.revenue for c in customers) == pytest.approx(477_601_233.15, abs=0.001)
    by_id = {c.id: c for c in customers}
    # The key accounts carry their 2025 figures (README, revenue table).
    assert by_id["havbris-sjomat"].revenue == 96_400_000
    assert by_id["vestgruppen-logistikk"].revenue == 8_350_000  # written with a no-break space
    assert by_id["sorlandet-frukt"].gross_margin == 190_000
    assert by_id["grenland-kjemi"].revenue == 0


def test_configured_delimiter_overrides_sniffing(tmp_path: Path) -> None:
    # The header has more commas than semicolons, but the file is ;-separated.
    p = write(tmp_path, "id;name, with comma, and more;revenue\n1;A, B;1,5\n")
    customers, diags = read_customers(p, CsvConfig(name="name, with comma, and more", delimiter=";"))
    assert diags == []
    assert (customers[0].name, customers[0].revenue) == ("A, B", 1.5)


def test_bad_delimiter_setting() -> None:
    with pytest.raises(ValueError):
        CsvConfig(delimiter="|")


def test_a_401_digit_revenue_is_an_error_at_its_line() -> None:
    # Repro 04: the number became float infinity and crashed the ABC analysis.
    path = Path(__file__).parent / "data" / "repros" / "04-csv-huge-number" / "customers.csv"
    customers, diags = read_customers(path, CsvConfig())
    assert [c.id for c in customers] == ["a1"]
    assert [(d.line, d.severity.value) for d in diags] == [(3, "error")]
    assert "is too large: at most 1e15 in size" in diags[0].message


def test_the_largest_csv_number_is_1e15() -> None:
    assert parse_number("1 000 000 000 000 000") == 1e15
    with pytest.raises(NumberError, match="too large"):
        parse_number("1 000 000 000 000 001")
