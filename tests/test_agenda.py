"""`kamctl agenda`: the plan's dates, as a table, JSON and an iCalendar file.

The fixture is tests/data/agenda (two accounts); "today" is 2026-12-02 and the
window 12 weeks, so it ends before 2026-12-02 + 84 days = 2027-02-24. Every
expected date is worked out by hand from the fixture:

- fjell action "Send tilbud…" due 2026-12-20 (planned): in. The done action,
  the one due 2027-03-01 (after the window) and the one due 2026-11-30
  (before today) are out.
- notice: contract end 2027-02-23 minus 2 months = 2026-12-23.
- stale contact: Åse's last contact 2026-10-01 + 91 days (stale means older
  than 90 days) = 2026-12-31 (30 days to 31 Oct, 60 to 30 Nov, 91 to 31 Dec).
  Gammel Kontakt went stale on 2026-08-31, before the window: out.
- QBR: no next_qbr; last QBR 2026-10-15 + 3 months = 2027-01-15.
- KAISM re-scoring: scored 2026-01-20 + 12 months = 2027-01-20.
- expected close of the open opportunity 2027-01-31 (the lost one is out).
- plan review: reviewed 2026-02-10 + review_months 12 = 2027-02-10.
- contract end 2027-02-23, the last day of the window.
- sor: next_qbr 2026-12-05 (wins over last_qbr + 3 months).
"""

from __future__ import annotations

import datetime as _dt
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import icalendar

from kamctl.ics import escape_text, fold
from tests.conftest import ROOT, Run

DATA = ROOT / "tests" / "data" / "agenda"
BASE = ("--as-of", "2026-12-02", "--config", ROOT / "examples" / "kamctl.toml")
Kamctl = Callable[..., Run]

HOSTILE_NAME = 'Fjell, Fjord; "Hav" \\ AS'
HOSTILE_ACTION = (
    "Send tilbud; priser, vilkår\nog en skråstrek \\ til æøå-kunden med en svært lang "
    "beskrivelse som må brettes"
)
D = _dt.date
EXPECTED = [
    (D(2026, 12, 5), "sor", "qbr"),
    (D(2026, 12, 20), "fjell", "action"),
    (D(2026, 12, 23), "fjell", "notice"),
    (D(2026, 12, 31), "fjell", "stale_contact"),
    (D(2027, 1, 15), "fjell", "qbr"),
    (D(2027, 1, 20), "fjell", "kaism"),
    (D(2027, 1, 31), "fjell", "close"),
    (D(2027, 2, 10), "fjell", "review"),
    (D(2027, 2, 23), "fjell", "contract_end"),
]


def _events(run: Run) -> list[icalendar.Event]:
    assert run.exit_code == 0, run.stderr
    cal = icalendar.Calendar.from_ical(run.stdout)
    return list(cal.walk("VEVENT"))


def test_json_lists_the_hand_worked_dates(kamctl: Kamctl) -> None:
    run = kamctl("agenda", DATA, *BASE, "--format", "json")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert isinstance(doc, dict)
    rows = doc["tables"]["events"]
    got = [(D.fromisoformat(r["date"]), r["account"], r["kind"]) for r in rows]
    assert got == EXPECTED


def test_kam_filter_and_weeks(kamctl: Kamctl) -> None:
    run = kamctl("agenda", DATA, *BASE, "--format", "json", "--kam", "anders lie")
    doc = run.json()
    assert isinstance(doc, dict)
    assert [r["account"] for r in doc["tables"]["events"]] == ["sor"]
    # Three weeks end before 2026-12-23: the QBR and the action only.
    run = kamctl("agenda", DATA, *BASE, "--format", "json", "--weeks", "3")
    doc = run.json()
    assert isinstance(doc, dict)
    assert [r["kind"] for r in doc["tables"]["events"]] == ["qbr", "action"]


def test_ics_parses_and_holds_the_events(kamctl: Kamctl) -> None:
    run = kamctl("agenda", DATA, *BASE, "--format", "ics", "--lang", "en")
    events = _events(run)
    got = [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events]
    # All-day events: a DATE (not a datetime) and an exclusive end the next day.
    assert [start for start, _ in got] == [d for d, _, _ in EXPECTED]
    assert all(type(s) is _dt.date and end == s + _dt.timedelta(days=1) for s, end in got)
    assert len({str(e["UID"]) for e in events}) == len(events)
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries[0] == "Sør AS: Quarterly business review"
    assert summaries[2] == f"{HOSTILE_NAME}: Last day to give notice"
    assert "contract ends 23 February 2027; notice period 2 months" in str(events[2]["DESCRIPTION"])


def test_ics_escapes_hostile_text_and_folds_at_75_octets() -> None:
    # A real process: the test runner's captured stdout turns CRLF into LF.
    proc = subprocess.run(
        [sys.executable, "-m", "kamctl", "agenda", DATA, *BASE, "--format", "ics", "--lang", "en"],
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    raw = proc.stdout
    events = list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))
    # The parser gives back exactly what the plan says: commas, semicolons,
    # a backslash, a newline and non-ASCII letters survive the round trip.
    assert str(events[1]["SUMMARY"]) == f"{HOSTILE_NAME}: Action due: {HOSTILE_ACTION}"
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long summary was folded


def test_uid_survives_a_moved_date(kamctl: Kamctl, tmp_path: Path) -> None:
    before = {str(e["SUMMARY"]): str(e["UID"]) for e in _events(kamctl("agenda", DATA, *BASE, "-f", "ics"))}
    moved = tmp_path / "moved"
    shutil.copytree(DATA, moved)
    f = moved / "fjell.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace("due: 2026-12-20", "due: 2027-01-05"), encoding="utf-8"
    )
    after = _events(kamctl("agenda", moved, *BASE, "-f", "ics"))
    action = next(e for e in after if "Send tilbud" in str(e["SUMMARY"]))
    assert action.decoded("DTSTART") == D(2027, 1, 5)
    assert before[str(action["SUMMARY"])] == str(action["UID"])
    assert {str(e["UID"]) for e in after} == set(before.values())


def test_invalid_file_is_reported_and_exits_1(kamctl: Kamctl, tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "a")
    (tmp_path / "a" / "bad.yaml").write_text(
        "id: bad\nname: x\nrhythm: {next_qbr: someday}\n", encoding="utf-8"
    )
    run = kamctl("agenda", tmp_path / "a", *BASE, "-f", "ics")
    assert run.exit_code == 1
    assert "bad.yaml:3" in run.stderr
    assert len(list(icalendar.Calendar.from_ical(run.stdout).walk("VEVENT"))) == len(EXPECTED)


def test_escape_text_rules() -> None:
    # RFC 5545 §3.3.11: backslash first, then ; , and newline; CR LF is one newline.
    assert escape_text("a\\b;c,d\r\ne") == "a\\\\b\\;c\\,d\\ne"
    assert escape_text("bell\x07") == "bell"


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "æøå" * 40
    folded = fold(line).encode("utf-8")
    parts = folded.split(b"\r\n")[:-1]
    assert all(len(p) <= 75 for p in parts)
    for p in parts:
        p.decode("utf-8")  # raises if a multi-byte character was cut
    assert b"".join(p[1:] if i else p for i, p in enumerate(parts)).decode() == line
