"""``--format xlsx``: read back with openpyxl as a spreadsheet user would see it.

Expected figures are the hand-worked ones of examples/README.md.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import EXAMPLES

CONFIG = EXAMPLES / "kamctl.toml"
ACCOUNTS = EXAMPLES / "accounts"
AS_OF = "2026-11-24"


def _book(kamctl, tmp_path: Path, *args: str | Path) -> openpyxl.Workbook:
    out = tmp_path / "out.xlsx"
    r = kamctl(*args, "--config", CONFIG, "--as-of", AS_OF, "--format", "xlsx", "--output", out)
    assert r.exit_code in (0, 1), r.stderr
    assert r.stdout == ""  # the workbook went to the file, nothing to the terminal
    return openpyxl.load_workbook(out)


def _rows(ws) -> dict[str, dict[str, object]]:
    """Data rows by their first text cell that looks like an id, keyed by header."""
    header = [c.value for c in ws[1]]
    out = {}
    for row in ws.iter_rows(min_row=2):
        values = dict(zip(header, (c for c in row), strict=True))
        key = next(c.value for c in row if isinstance(c.value, str))
        out[key] = values
    return out


def test_classify_sheets_are_named_in_the_output_language(kamctl, tmp_path: Path) -> None:
    nb = _book(kamctl, tmp_path, "classify", ACCOUNTS, "--lang", "nb")
    assert nb.sheetnames == ["Klassifisering", "KAM-belastning", "Funn"]
    en = _book(kamctl, tmp_path, "classify", ACCOUNTS, "--lang", "en")
    assert en.sheetnames == ["Classification", "KAM load", "Findings"]


def test_classify_header_frozen_filtered_and_numbers_are_numbers(kamctl, tmp_path: Path) -> None:
    wb = _book(kamctl, tmp_path, "classify", ACCOUNTS, "--lang", "nb")
    ws = wb["Klassifisering"]
    assert ws.freeze_panes == "A2"
    # 14 columns (A..N), a header and the 17 example accounts.
    assert ws.auto_filter.ref == "A1:N18"
    assert ws["A1"].font.b and ws["A1"].value == "prio"
    rows = _rows(ws)
    h = rows["havbris-sjomat"]
    # havbris: 163/20 = 8.15 and 98/12 = 8.1666… → 8.17; SoW 96.4 / 131 = 73.59 %.
    assert h["attrakt."].value == 8.15 and h["attrakt."].number_format == "0.00"
    assert h["styrke"].value == 8.17
    assert h["SoW %"].value == pytest.approx(0.735878) and h["SoW %"].number_format == "0.00%"
    assert h["prio"].value == 2 and h["prio"].data_type == "n"
    # Unknown is an empty cell, never 0 or a dash: vestgruppen has no category spend.
    assert rows["vestgruppen"]["SoW %"].value is None
    # agder-elektro is unclassified: no priority, the reason in words.
    assert rows["agder-elektro"]["prio"].value is None
    assert "innovation" in rows["agder-elektro"]["hvorfor ikke klassifisert"].value


def test_classify_kam_load_and_findings_sheets(kamctl, tmp_path: Path) -> None:
    wb = _book(kamctl, tmp_path, "classify", ACCOUNTS, "--lang", "en")
    load = _rows(wb["KAM load"])
    # examples/README: Magnus Haugen holds 5 accounts against a limit of 4.
    assert load["Magnus Haugen"]["accounts"].value == 5
    assert load["Magnus Haugen"]["over"].value is True
    assert load["Ingrid Solberg"]["over"].value is False
    assert load["Ingrid Solberg"]["ids"].value == "havbris-sjomat, nordmelk"
    findings = wb["Findings"]
    codes = sorted(c.value for c in findings["E"][1:])
    assert codes == ["KAISM101", "PORT103", "PORT104"]


def test_risk_amounts_and_shares(kamctl, tmp_path: Path) -> None:
    wb = _book(kamctl, tmp_path, "risk", ACCOUNTS, "--lang", "nb")
    assert wb.sheetnames[:3] == ["Omsetning", "Konsern", "Hva om"]
    rows = _rows(wb["Omsetning"])
    h = rows["havbris-sjomat"]
    # 96 400 000 of 223 650 000 = 43.10 %.
    assert h["omsetning (NOK)"].value == 96_400_000
    assert h["omsetning (NOK)"].number_format == "#,##0"
    assert h["andel %"].value == pytest.approx(0.431031, abs=1e-6)
    assert h["andel %"].number_format == "0.00%"
    assert h["≥ 10 %"].value is True
    what_if = _rows(wb["Hva om"])
    # If havbris halves: −48 200 000 (21.55 % of the total).
    assert what_if["havbris-sjomat"]["halveres: tapt omsetning"].value == 48_200_000


def test_abc_one_table_with_table_option(kamctl, tmp_path: Path) -> None:
    wb = _book(kamctl, tmp_path, "abc", ACCOUNTS, "--lang", "en", "--table", "classes")
    assert wb.sheetnames == ["Per class"]
    ws = wb["Per class"]
    assert [c.value for c in ws[1]] == ["class", "customers", "revenue (NOK)", "share %"]


def test_agenda_and_measures_dates_are_dates(kamctl, tmp_path: Path) -> None:
    wb = _book(kamctl, tmp_path, "agenda", ACCOUNTS, "--lang", "en", "--weeks", "52")
    ws = wb["Dates"]
    first = ws["A2"]
    assert isinstance(first.value, dt.datetime) and first.is_date
    assert first.value.date() >= dt.date(2026, 11, 24)
    wb = _book(kamctl, tmp_path, "measures", ACCOUNTS, "--lang", "en")
    assert wb.sheetnames == ["Measures", "Goals", "Portfolio", "Resources", "Win-loss"]
    goals = wb["Goals"]
    header = [c.value for c in goals[1]]
    due = [row[header.index("due")] for row in goals.iter_rows(min_row=2)]
    dated = [c for c in due if c.value is not None]
    assert dated and all(c.is_date for c in dated)


def test_status_sheet(kamctl, tmp_path: Path) -> None:
    wb = _book(kamctl, tmp_path, "status", ACCOUNTS, "--lang", "en")
    # The plan health, and the lint findings behind its E/W/I column (one
    # result: status carries its findings like classify and risk do).
    assert wb.sheetnames == ["Plan health", "Findings"]
    rows = _rows(wb["Plan health"])
    # A clean plan: every check passed, all bands green.
    b = rows["bergen-byggvare"]
    assert b["complete %"].value == 1.0 and b["complete %"].number_format == "0.00%"
    assert b["checks passed"].value == b["checks"].value
    assert b["complete (band)"].value == "green"


def test_text_from_an_account_is_never_a_formula(kamctl, tmp_path: Path) -> None:
    folder = tmp_path / "accounts"
    folder.mkdir()
    (folder / "evil.yaml").write_text(
        'id: evil\nname: "=HYPERLINK(\\"http://x.invalid\\",\\"klikk\\")"\nkam: "@SUM(A1)"\n',
        encoding="utf-8",
    )
    out = tmp_path / "c.xlsx"
    r = kamctl("classify", folder, "--format", "xlsx", "--output", out, "--lang", "en")
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(out)["Classification"]
    header = [c.value for c in ws[1]]
    name = ws.cell(row=2, column=header.index("name") + 1)
    assert name.data_type == "s"
    assert name.value == '=HYPERLINK("http://x.invalid","klikk")'
    kam = ws.cell(row=2, column=header.index("KAM") + 1)
    assert kam.data_type == "s" and kam.value == "@SUM(A1)"


def test_xlsx_to_stdout_when_redirected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from kamctl.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KAMCTL_LANG", "en")
    result = CliRunner().invoke(
        app, ["classify", str(ACCOUNTS), "--config", str(CONFIG), "--as-of", AS_OF, "-f", "xlsx"]
    )
    assert result.exit_code == 0
    wb = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
    assert wb.sheetnames[0] == "Classification"


def test_xlsx_refuses_a_terminal(tmp_path: Path) -> None:
    from kamctl.formatters import emit
    from kamctl.result import Result
    from kamctl.tabular import OutputError

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    with pytest.raises(OutputError, match=r"--output FILE\.xlsx"):
        emit(Result("classify"), "xlsx", Terminal())


def test_unwritable_output_is_a_usage_error(kamctl, tmp_path: Path) -> None:
    r = kamctl(
        "classify", ACCOUNTS, "--config", CONFIG, "-f", "xlsx", "-o", tmp_path / "no" / "such" / "c.xlsx"
    )
    assert r.exit_code == 2
    assert "cannot write" in r.stderr and "Traceback" not in r.stderr
    r = kamctl("classify", ACCOUNTS, "--config", CONFIG, "-f", "xlsx", "-o", tmp_path)
    assert r.exit_code == 2 and "is a directory" in r.stderr


def test_output_replaces_a_file_whole(kamctl, tmp_path: Path) -> None:
    target = tmp_path / "c.json"
    target.write_text("old content that is longer than nothing\n" * 1000)
    r = kamctl("classify", ACCOUNTS, "--config", CONFIG, "-f", "json", "-o", target)
    assert r.exit_code == 0 and r.stdout == ""
    import json

    assert json.loads(target.read_text())["tool"] == "kamctl classify"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_workbook(kamctl, tmp_path: Path) -> None:
    """LibreOffice reads every sheet, with the number formats applied."""
    from tests.office import convert

    book = tmp_path / "risk.xlsx"
    r = kamctl(
        "risk", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "-f", "xlsx", "-o", book, "--lang", "en"
    )
    assert r.exit_code in (0, 1), r.stderr
    sheets = convert(book, tmp_path / "lo")
    revenue = sheets["Revenue"].splitlines()
    assert revenue[0].startswith("#,id,group,revenue (NOK)")
    havbris = next(line for line in revenue if ",havbris-sjomat," in line)
    # en-US LibreOffice shows the formats: #,##0 and 0.00%.
    assert '"96,400,000"' in havbris and "43.10%" in havbris


def test_report_workbook(kamctl, tmp_path: Path) -> None:
    out = tmp_path / "rendered"
    r = kamctl(
        "report", ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "-f", "xlsx", "-o", out, "--lang", "en"
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip() == str(out / "index.xlsx")
    wb = openpyxl.load_workbook(out / "index.xlsx")
    assert wb.sheetnames == ["Accounts", "ABC", "Groups", "What if", "Findings by code", "Findings"]
    accounts = wb["Accounts"]
    header = [c.value for c in accounts[1]]
    prio = [row[header.index("priority")] for row in accounts.iter_rows(min_row=2, values_only=True)]
    # The report's order: priority 1 first, the unclassified (no priority) last.
    assert prio == sorted(prio, key=lambda p: 9 if p is None else p) and prio[-1] is None
    qbr = [row[header.index("next QBR")] for row in accounts.iter_rows(min_row=2)]
    assert any(c.is_date for c in qbr if c.value is not None)
    abc = _rows(wb["ABC"])
    # examples/README: havbris 96 400 000 / 223 650 000 = 43.10 %, class A.
    assert abc["havbris-sjomat"]["revenue (NOK)"].value == 96_400_000
    assert abc["havbris-sjomat"]["share %"].value == pytest.approx(0.431031, abs=1e-6)
    # Findings per code name every account, not one of them: each named account
    # has a finding of that code on the findings sheet.
    findings = [row for row in wb["Findings"].iter_rows(min_row=2, values_only=True)]
    for code, _title, count, ids in wb["Findings by code"].iter_rows(min_row=2, values_only=True):
        named = ids.split(", ")
        assert len(named) == count
        assert {row[6] for row in findings if row[4] == code} == set(named)


def test_plans_have_no_xlsx(kamctl, tmp_path: Path) -> None:
    r = kamctl("render", ACCOUNTS, "--config", CONFIG, "-f", "xlsx", "-o", tmp_path / "out")
    assert r.exit_code == 2 and "xlsx" in r.stderr
