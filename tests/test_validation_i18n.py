"""`kamctl validate` speaks the run's language; the messages stay data until shown."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

Kamctl = Callable[..., Run]

PLAN = """\
id: nordvik
name: Nordvik AS
profile: medium
stakeholders:
  - name: Kari
    stance: 5
stakeholder: []
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "nordvik.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _messages(run: Run) -> list[str]:
    return [line.split(": error: ", 1)[1] for line in run.stdout.splitlines() if ": error: " in line]


def test_the_issues_examples_in_norwegian(kamctl: Kamctl, plan: Path) -> None:
    r = kamctl("validate", plan, "--lang", "nb")
    assert r.exit_code == 1
    assert _messages(r) == [
        "profile: må være en av 'full' eller 'light' (fikk 'medium')",
        "stakeholders[0].stance: må være mellom -3 og 3 (fikk 5)",
        "stakeholder: ukjent nøkkel «stakeholder»; mente du «stakeholders»?",
    ]
    assert r.stdout.splitlines()[-1] == "1 fil kontrollert, 1 ugyldig, 3 feil"


def test_english_is_unchanged(kamctl: Kamctl, plan: Path) -> None:
    r = kamctl("validate", plan, "--lang", "en")
    assert _messages(r) == [
        "profile: must be one of 'full' or 'light' (got 'medium')",
        "stakeholders[0].stance: must be between -3 and 3 (got 5)",
        "stakeholder: unknown key 'stakeholder'; did you mean 'stakeholders'?",
    ]
    assert r.stdout.splitlines()[-1] == "1 file checked, 1 invalid, 3 errors"


def test_a_cached_result_speaks_every_language(kamctl: Kamctl, plan: Path) -> None:
    # The cache keeps the message as data: a run in English fills it, a run in
    # Norwegian from it must not show the English it was stored with.
    first = kamctl("validate", plan, "--lang", "en")
    assert (Path.cwd() / ".kamctl_cache").is_dir()
    cached = kamctl("validate", plan, "--lang", "nb")
    assert _messages(cached)[1] == "stakeholders[0].stance: må være mellom -3 og 3 (fikk 5)"
    again = kamctl("validate", plan, "--lang", "en")
    assert _messages(again) == _messages(first)


def test_a_damaged_cached_message_is_a_miss_not_a_crash(kamctl: Kamctl, plan: Path) -> None:
    kamctl("validate", plan, "--lang", "en")
    (cache,) = (Path.cwd() / ".kamctl_cache").glob("*.json")
    data = json.loads(cache.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        for d in entry["diagnostics"]:
            d["text_data"] = {"id": 5, "context": None, "args": {}}
    cache.write_text(json.dumps(data), encoding="utf-8")
    r = kamctl("validate", plan, "--lang", "nb")
    assert r.exit_code == 1
    assert "stakeholders[0].stance: må være mellom -3 og 3 (fikk 5)" in _messages(r)


def test_json_carries_the_runs_language(kamctl: Kamctl, plan: Path) -> None:
    doc = kamctl("validate", plan, "-f", "json", "--lang", "nb").json()
    assert isinstance(doc, dict)
    messages = [d["message"] for d in doc["diagnostics"]]
    assert "må være mellom -3 og 3 (fikk 5)" in messages
    assert all("text_data" not in d for d in doc["diagnostics"])  # the JSON contract is unchanged


def test_the_more_errors_line_counts_in_the_language(kamctl: Kamctl, tmp_path: Path) -> None:
    # 1,234 unknown keys: 100 described, then one line for the other 1,134.
    lines = ["id: x", "name: X"] + [f"k{i}: 1" for i in range(1234)]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    nb = _messages(kamctl("validate", path, "--lang", "nb"))
    en = _messages(kamctl("validate", path, "--lang", "en"))
    assert nb[-1] == "… og 1 134 feil til i denne filen (de 100 første vises)"  # a plain space on a terminal
    assert en[-1] == "… and 1,134 more errors in this file (the first 100 are shown)"


def test_an_invalid_id_says_why_in_norwegian(kamctl: Kamctl, tmp_path: Path) -> None:
    path = tmp_path / "con.yaml"
    path.write_text("id: con\nname: Con AS\n", encoding="utf-8")
    (message,) = _messages(kamctl("validate", path, "--lang", "nb"))
    assert message == "id: ugyldig id 'con': «con» er et reservert filnavn i Windows"
