"""``kamctl abc``, ``classify`` and ``risk`` as a user runs them: output, formats, exit codes."""

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


# ------------------------------------------------------------------ classify


def test_classify_json_contract(kamctl) -> None:
    r = kamctl("classify", "--config", CONFIG, ACCOUNTS, "--format", "json", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    doc = r.json()
    assert doc["tool"] == "kamctl classify" and doc["version"] == 2
    assert doc["meta"]["year"] == 2025  # fiscal_year from the config
    rows = {row["id"]: row for row in doc["tables"]["accounts"]}
    # README: kystlab 100/20 = 5.00 exactly on the threshold → key_development (Portfolio).
    assert (rows["kystlab"]["quadrant"], rows["kystlab"]["tier"], rows["kystlab"]["priority"]) == (
        "key_development",
        "Portfolio",
        1,
    )
    assert rows["kystlab"]["customer_attractiveness"] == 5.0
    # havbris: 163/20 = 8.15, 98/12 = 8.1666… → 8.17 (scores as people write them, no
    # float noise); ABC A; share of wallet 96.4 / 131 = 0.7358778… → 73.5878 % (4 decimals).
    h = rows["havbris-sjomat"]
    assert h["customer_attractiveness"] == 8.15
    assert h["our_strength"] == 8.17
    assert h["abc"] == "A" and h["share_of_wallet"] == 73.5878
    assert h["stage"] == "synergistic-kam"
    # agder-elektro: unclassified, says why, never scored as if innovation were 0.
    ag = rows["agder-elektro"]
    assert ag["quadrant"] is None and ag["tier"] == "unclassified"
    assert ag["missing"] == ["customer_attractiveness.innovation"]
    assert "'innovation' not scored" in ag["reason"]
    # Sorted by priority: all 1s, then 2s, 3s, 4s, unclassified last.
    prios = [row["priority"] for row in doc["tables"]["accounts"]]
    assert prios == [1] * 5 + [2] * 4 + [3] * 4 + [4] * 3 + [None]
    assert doc["summary"]["quadrants"] == {
        "key_development": 5,
        "key": 4,
        "maintenance": 4,
        "opportunistic": 3,
        "unclassified": 1,
    }
    codes = sorted(f["code"] for f in doc["diagnostics"])
    # Magnus Haugen holds 5 accounts (limit 4); 12 full plans is below the 15–35 guide;
    # agder-elektro cannot be classified.
    assert codes == ["KAISM101", "PORT103", "PORT104"]
    kams = {k["kam"]: k for k in doc["tables"]["kams"]}
    assert kams["Magnus Haugen"]["accounts"] == 5 and kams["Magnus Haugen"]["over_capacity"] is True


def test_classify_table_shows_matrix_and_priority_order(kamctl) -> None:
    r = kamctl("classify", "--config", CONFIG, ACCOUNTS, "--as-of", AS_OF)
    assert r.exit_code == 0
    out = r.stdout
    assert "\x1b[" not in out  # NO_COLOR (set by the fixture) is respected
    assert "KAISM" in out and "Portfolio (priority 1)" in out and "Diamond (priority 2)" in out
    # The fixture sets KAMCTL_LANG=en, over the config's lang = "nb": English
    # numbers, 7.15 / 4.17 for bergen-byggvare (nb: tests/test_analyses_i18n.py).
    assert "bergen-byggvare  7.15 / 4.17" in out
    table = out[out.index("KAISM classification by priority") :]
    order = [i for i in ("bergen-byggvare", "havbris-sjomat", "tromso-fiskeindustri", "sorlandet-frukt")]
    positions = [table.index(i) for i in order]
    assert positions == sorted(positions)
    assert "agder-elektro: unclassified" in out
    assert "[PORT104] Magnus Haugen holds 5 accounts" in out


def test_classify_csv(kamctl) -> None:
    r = kamctl("classify", "--config", CONFIG, ACCOUNTS, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 17
    assert rows[0]["priority"] == "1"
    assert {row["id"]: row["abc"] for row in rows}["stavanger-offshore-service"] == "B"  # crosses 95 %


def test_classify_run_from_examples_uses_its_config(kamctl, monkeypatch: pytest.MonkeyPatch) -> None:
    # The config is found by searching upward from the working folder.
    monkeypatch.chdir(EXAMPLES)
    r = kamctl("classify", "--format", "json")
    doc = r.json()
    assert len(doc["tables"]["accounts"]) == 17
    assert doc["meta"]["year"] == 2025
    assert {row["id"]: row["tier"] for row in doc["tables"]["accounts"]}["havbris-sjomat"] == "Diamond"


# ----------------------------------------------------------------------- abc


def test_abc_over_accounts(kamctl) -> None:
    r = kamctl("abc", "--config", CONFIG, ACCOUNTS, "--format", "json")
    assert r.exit_code == 0
    doc = r.json()
    classes = {c["class"]: c for c in doc["tables"]["classes"]}
    # README: A = 6 accounts, 183 250 000 (81.94 %); B = 5; C = 6; total 223 650 000.
    assert (classes["A"]["count"], classes["A"]["value"]) == (6, 183_250_000)
    assert (classes["B"]["count"], classes["C"]["count"]) == (5, 6)
    assert doc["summary"]["total"] == 223_650_000
    first = doc["tables"]["customers"][0]
    assert (first["rank"], first["id"], first["class"]) == (1, "havbris-sjomat", "A")


def test_abc_by_contribution_has_d(kamctl) -> None:
    r = kamctl("abc", "--config", CONFIG, ACCOUNTS, "--by", "contribution", "--format", "json")
    d = [row["id"] for row in r.json()["tables"]["customers"] if row["class"] == "D"]
    assert d == ["grenland-kjemi", "sorlandet-frukt"]  # 0 and −230 000


def test_abc_year_option(kamctl) -> None:
    r = kamctl("abc", "--config", CONFIG, ACCOUNTS, "--year", "2024", "--format", "json")
    doc = r.json()
    assert doc["meta"]["year"] == 2024
    values = {row["id"]: row["value"] for row in doc["tables"]["customers"]}
    assert values["nordlys-dagligvare"] == 18_100_000  # its 2024 revenue


def test_abc_over_csv(kamctl) -> None:
    r = kamctl("abc", "--config", CONFIG, "--csv", EXAMPLES / "customers.csv", "--format", "json")
    assert r.exit_code == 0, r.stderr
    doc = r.json()
    assert doc["summary"]["customers"] == 243
    assert doc["summary"]["total"] == pytest.approx(477_601_233.15)
    assert doc["tables"]["customers"][0]["id"] == "havbris-sjomat"


def test_abc_csv_format_is_one_plain_table(kamctl) -> None:
    r = kamctl("abc", "--config", CONFIG, ACCOUNTS, "--format", "csv")
    lines = r.stdout.splitlines()
    assert lines[0] == "rank,id,name,value,share,cumulative,class"
    assert lines[1].startswith("1,havbris-sjomat,Havbris Sjømat AS,96400000.0,43.10")
    r = kamctl("abc", "--config", CONFIG, ACCOUNTS, "--format", "csv", "--table", "classes")
    assert r.stdout.splitlines()[0] == "class,count,value,share"


def test_abc_csv_bad_rows_are_reported_and_exit_1(kamctl, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("id;name;revenue\n1;A;100\n2;B;hundre\n1;A;5\n", encoding="utf-8")
    r = kamctl("abc", "--csv", p, "--format", "json")
    assert r.exit_code == 1
    assert f"{p}:3: error: revenue: 'hundre' is not a number" in r.stderr
    assert f"{p}:4: error: duplicate customer id '1' (first on line 2)" in r.stderr
    assert "2 invalid rows left out of the analysis" in r.stderr
    doc = r.json()
    assert [row["id"] for row in doc["tables"]["customers"]] == ["1"]
    assert [e["line"] for e in doc["excluded"]] == [3, 4]


def test_abc_csv_unclosed_quote_counts_every_lost_row(kamctl) -> None:
    # Repro 05: "1 invalid row left out" while four rows were gone.
    p = Path(__file__).parent / "data" / "repros" / "05-csv-unbalanced-quote-swallows-rows" / "customers.csv"
    r = kamctl("abc", "--csv", p, "--format", "json")
    assert r.exit_code == 1
    assert "4 invalid rows left out of the analysis" in r.stderr
    assert [row["id"] for row in r.json()["tables"]["customers"]] == ["a0"]


def test_abc_csv_missing_column_says_the_file_was_not_read(kamctl, tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("id;name;omsetning\n1;A;1\n2;B;2\n", encoding="utf-8")
    r = kamctl("abc", "--csv", p)
    assert r.exit_code == 1
    assert f"{p}:1: error: the header line has no column 'revenue'" in r.stderr
    assert f"kamctl: {p} was not read; no customer analysed" in r.stderr
    assert "left out" not in r.stderr  # no row was read, so none was "left out"


@pytest.mark.parametrize("command", ["abc", "risk"])
def test_csv_cp1252_is_read_and_said(kamctl, command: str) -> None:
    p = Path(__file__).parent / "data" / "cp1252" / "kunder.csv"
    args = ("--config", CONFIG, "--as-of", AS_OF) if command == "risk" else ()
    r = kamctl(command, *args, "--csv", p, "--format", "json")
    assert r.exit_code in (0, 1), r.stderr
    assert f"kamctl: {p}: read as Windows-1252 (Excel's 'CSV (semikolondelt)'), not UTF-8" in r.stderr
    assert r.json()["meta"]["encoding"] == "cp1252"


def test_csv_utf8_encoding_in_json_meta(kamctl) -> None:
    r = kamctl("abc", "--config", CONFIG, "--csv", EXAMPLES / "customers.csv", "--format", "json")
    assert r.json()["meta"]["encoding"] == "utf-8-sig"  # the example export starts with a BOM
    assert "read as" not in r.stderr


def test_abc_csv_and_paths_together_is_usage_error(kamctl) -> None:
    r = kamctl("abc", ACCOUNTS, "--csv", EXAMPLES / "customers.csv")
    assert r.exit_code == 2


# ---------------------------------------------------------------------- risk


def test_risk_json_matches_the_readme(kamctl) -> None:
    r = kamctl("risk", "--config", CONFIG, ACCOUNTS, "--as-of", AS_OF, "--format", "json")
    assert r.exit_code == 0, r.stderr  # findings are warnings; --fail-on defaults to error
    doc = r.json()
    s = doc["summary"]
    assert s["total_revenue"] == 223_650_000
    assert round(s["top5_share"], 2) == 77.55
    assert s["largest"]["id"] == "havbris-sjomat" and round(s["largest"]["share"], 2) == 43.10
    assert s["largest_flagged"] is True
    assert round(s["hhi"], 1) == 2261.3 and s["hhi_band"] == "high"
    assert round(s["group_hhi"], 2) == 2321.05
    assert [m["id"] for m in s["group_major"]] == ["havbris-sjomat", "nordmelk", "vestgruppen"]
    assert doc["meta"]["as_of"] == AS_OF
    groups = doc["tables"]["groups"]
    assert [(g["id"], round(g["share"], 2)) for g in groups] == [("vestgruppen", 10.80)]
    tromso = [f for f in doc["diagnostics"] if f["account"] == "tromso-fiskeindustri"]
    ending = next(f for f in tromso if f["code"] == "RISK101")
    assert ending["message"].endswith(
        "contract ends 2027-03-31 (in 127 days) with 1 month notice and no automatic renewal"
    )
    assert ending["path"].endswith("tromso-fiskeindustri.yaml") and ending["line"] > 0
    assert ending["field"] == "contract.end"


def test_risk_fail_on_warning(kamctl) -> None:
    r = kamctl(
        "risk", "--config", CONFIG, ACCOUNTS, "--as-of", AS_OF, "--fail-on", "warning", "--format", "json"
    )
    assert r.exit_code == 1


def test_risk_clean_plans_only(kamctl) -> None:
    # The three clean plans together: no account-level finding at all.
    files = [ACCOUNTS / f"{i}.yaml" for i in ("havbris-sjomat", "nordmelk", "bergen-byggvare")]
    r = kamctl("risk", "--config", CONFIG, *files, "--as-of", AS_OF, "--format", "json")
    assert [f for f in r.json()["diagnostics"] if f["code"].startswith(("RISK1", "STAGE"))] == []


def test_risk_table_output(kamctl) -> None:
    r = kamctl("risk", "--config", CONFIG, ACCOUNTS, "--as-of", AS_OF)
    out = r.stdout
    assert "What if a customer halves its volume or leaves" in out
    assert "HHI 2,261.30 (high)" in out  # KAMCTL_LANG=en (the fixture): English numbers
    assert "[STAGE101] nordlys-dagligvare: stage is partnership-kam, but there is only one contact" in out
    loc = next(line for line in out.splitlines() if "[RISK103]" in line)
    assert loc.startswith(f"{ACCOUNTS / 'tromso-fiskeindustri.yaml'}:")


def test_risk_what_if_csv(kamctl) -> None:
    r = kamctl(
        "risk", "--config", CONFIG, ACCOUNTS, "--as-of", AS_OF, "--format", "csv", "--table", "what_if"
    )
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    h = rows[0]
    # havbris: halves → 48 200 000 revenue and 12 400 000 margin; leaves → 96 400 000 and 24 800 000.
    assert (h["id"], float(h["halves_revenue"]), float(h["halves_margin"])) == (
        "havbris-sjomat",
        48_200_000,
        12_400_000,
    )
    assert (float(h["leaves_revenue"]), float(h["leaves_margin"])) == (96_400_000, 24_800_000)


def test_risk_as_of_changes_the_findings(kamctl) -> None:
    def codes(as_of: str) -> set[str]:
        r = kamctl(
            "risk", "--config", CONFIG, ACCOUNTS / "mjosen-bakeri.yaml", "--as-of", as_of, "--format", "json"
        )
        return {f["code"] for f in r.json()["diagnostics"]}

    # On 2026-06-01 the last contacts (2026-04-02 at the oldest: 60 days) are fresh
    # and the review of 2025-09-15 is not yet 12 months old.
    # (KAM111 stale contact and KAM112 stale plan: the checks lint and risk share.)
    assert "KAM111" in codes(AS_OF) and "KAM111" not in codes("2026-06-01")
    assert "KAM112" in codes(AS_OF) and "KAM112" not in codes("2026-06-01")


def test_bad_as_of_is_usage_error(kamctl) -> None:
    r = kamctl("risk", "--config", CONFIG, ACCOUNTS, "--as-of", "24.11.2026")
    assert r.exit_code == 2


def test_bad_format_is_usage_error(kamctl) -> None:
    assert kamctl("risk", "--config", CONFIG, ACCOUNTS, "--format", "xml").exit_code == 2
    assert kamctl("abc", "--config", CONFIG, ACCOUNTS, "--by", "profit").exit_code == 2
    assert kamctl("classify", "--config", CONFIG, ACCOUNTS, "--table", "nope").exit_code == 2


# ------------------------------------------------------------ invalid files


@pytest.fixture
def broken_portfolio(tmp_path: Path) -> Path:
    target = tmp_path / "p"
    shutil.copytree(EXAMPLES, target)
    (target / "accounts" / "broken.yaml").write_text(
        "id: broken\nname: Broken\nstage: partner\n", encoding="utf-8"
    )
    return target


@pytest.mark.parametrize("command", ["classify", "abc", "risk"])
def test_invalid_files_are_reported_and_excluded(kamctl, broken_portfolio: Path, command: str) -> None:
    r = kamctl(
        command,
        "--config",
        broken_portfolio / "kamctl.toml",
        broken_portfolio / "accounts",
        "--format",
        "json",
    )
    assert r.exit_code == 1
    assert "broken.yaml:3:8: error:" in r.stderr
    assert "1 invalid file left out of the analysis" in r.stderr
    doc = r.json()
    assert doc["excluded"][0]["path"].endswith("broken.yaml")
    ids = [row["id"] for row in next(v for k, v in doc["tables"].items() if k in ("accounts", "customers"))]
    assert "broken" not in ids and "havbris-sjomat" in ids


def test_year_defaults_to_latest_actual_without_config(kamctl, tmp_path: Path) -> None:
    # No config: havbris-sjomat's 2026 budget row must not make 2026 "the latest year".
    shutil.copytree(ACCOUNTS, tmp_path / "accounts")
    r = kamctl("risk", "accounts", "--as-of", AS_OF, "--format", "json")
    doc = r.json()
    assert doc["meta"]["year"] == 2025
    assert doc["summary"]["total_revenue"] == 223_650_000
    # The year was settled after loading; the year-dependent finding is still
    # there once, for 2025, and located.
    (loss,) = [f for f in doc["diagnostics"] if f["code"] == "RISK160"]
    # English writes the currency first (kamctl.numbers: one money style per language).
    assert "contribution margin 2025 is NOK −230,000" in loss["message"]
    assert loss["line"] > 0 and loss["field"] == "financials[2].contribution_margin"


def test_write_refused_while_files_are_invalid(kamctl, broken_portfolio: Path) -> None:
    before = {p: p.read_bytes() for p in (broken_portfolio / "accounts").iterdir()}
    r = kamctl(
        "classify", "--write", "--config", broken_portfolio / "kamctl.toml", broken_portfolio / "accounts"
    )
    assert r.exit_code == 1
    assert "nothing written: fix the invalid files first" in r.stderr
    assert {p: p.read_bytes() for p in (broken_portfolio / "accounts").iterdir()} == before


def test_other_currency_is_left_out_of_sums_and_named(kamctl, tmp_path: Path) -> None:
    # Two NOK accounts (60 + 40) and one in EUR: adding EUR to NOK would be wrong.
    accounts = tmp_path / "accounts"
    accounts.mkdir()
    for acc_id, revenue, currency in (("a", 60, None), ("b", 40, None), ("eu", 1000, "EUR")):
        cur = f"currency: {currency}\n" if currency else ""
        (accounts / f"{acc_id}.yaml").write_text(
            f"id: {acc_id}\nname: {acc_id.upper()}\n{cur}financials:\n  - year: 2025\n    revenue: {revenue}\n",
            encoding="utf-8",
        )
    r = kamctl("risk", accounts, "--as-of", AS_OF, "--format", "json")
    assert "left out of sums and shares: eu (EUR)" in r.stderr
    doc = r.json()
    assert doc["summary"]["total_revenue"] == 100  # 60 + 40, no euros
    assert doc["summary"]["other_currency"] == ["eu"]
    r = kamctl("abc", accounts, "--format", "json")
    assert [row["id"] for row in r.json()["tables"]["customers"]] == ["a", "b"]


@pytest.mark.parametrize("command", ["abc", "classify", "risk"])
def test_every_table_is_in_json_and_selectable(kamctl, command: str) -> None:
    from kamctl.cli.analyses import TABLES

    doc = kamctl(command, "--config", CONFIG, ACCOUNTS, "--as-of", AS_OF, "--format", "json").json()
    tables = tuple(doc["tables"])
    assert tables == TABLES[command]
    for name in tables:
        r = kamctl(
            command, "--config", CONFIG, ACCOUNTS, "--as-of", AS_OF, "--format", "csv", "--table", name
        )
        assert r.exit_code in (0, 1) and r.stdout.count("\n") == len(doc["tables"][name]) + 1


def test_risk_over_all_customers_of_the_csv(kamctl) -> None:
    r = kamctl(
        "risk",
        "--config",
        CONFIG,
        ACCOUNTS,
        "--csv",
        EXAMPLES / "customers.csv",
        "--as-of",
        AS_OF,
        "--format",
        "json",
    )
    assert r.exit_code == 0, r.stderr
    doc = r.json()
    s = doc["summary"]
    # Shares of the whole company: 243 customers, total 477 601 233,15 NOK (examples/README.md).
    assert s["total_revenue"] == pytest.approx(477_601_233.15)
    # havbris-sjomat: 96 400 000 / 477 601 233,15 = 0.20184… → 20.18 %: below 40 %, not flagged.
    assert s["largest"]["id"] == "havbris-sjomat" and round(s["largest"]["share"], 2) == 20.18
    assert s["largest_flagged"] is False
    # Next largest, nordmelk: 31 250 000 / 477 601 233,15 = 6.54 % < 10 %: havbris is the only major customer.
    assert [m["id"] for m in s["major"]] == ["havbris-sjomat"]
    # Vestgruppen's three companies are still rolled up: 24 150 000 / 477 601 233,15 = 5.06 %.
    assert [(g["id"], round(g["share"], 2)) for g in doc["tables"]["groups"]] == [("vestgruppen", 5.06)]
    # What-if only for the key accounts with revenue (17 minus grenland-kjemi at 0).
    assert len(doc["tables"]["what_if"]) == 16
    assert doc["meta"]["source"].endswith("customers.csv")
    assert len(doc["tables"]["customers"]) == 243


def test_force_color_colours_the_table_but_never_json(kamctl, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    r = kamctl("risk", "--config", CONFIG, ACCOUNTS, "--as-of", AS_OF)
    assert "\x1b[33mwarning\x1b[0m" in r.stdout
    r = kamctl("risk", "--config", CONFIG, ACCOUNTS, "--as-of", AS_OF, "--format", "json")
    assert "\x1b[" not in r.stdout
    r.json()


def test_plain_table_alignment() -> None:
    from kamctl.tabular import Column, Table, plain_table

    t = Table(
        "t",
        "Title",
        [Column("id", "id"), Column("v", "value", "money")],
        [{"id": "a", "v": 1234567}, {"id": "bbbb", "v": 5}],
    )
    out = plain_table(t, "nb").splitlines()
    # Text left-aligned, numbers (and their heading) right-aligned, Norwegian
    # thousands; columns 4 ("bbbb") and 9 ("1 234 567") wide, 3 spaces apart.
    assert out[0] == "Title"
    assert out[2] == "  id         value"
    assert out[4] == "  a      1 234 567"
    assert out[5] == "  bbbb           5"
