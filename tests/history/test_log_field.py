"""kamctl log ACCOUNT --field PATH: one value through time, list items followed by key.

Expected lines are the edits each commit made, written down before running."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kamctl.cli import app

from .conftest import CONFIG, GitRepo, account

runner = CliRunner()

GOALS = """goals:
  strategic:
    - goal: Second supplier
      target: 35
      unit: "%"
  tactical:
    - goal: Win the boxes
      target: {boxes}
      unit: NOK
"""


def _story(repo: GitRepo) -> list[str]:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account() + GOALS.format(boxes=3000000))
    c1 = repo.commit("plan", "2026-01-10T09:00:00+0000", author="Kari Holm")
    repo.write("accounts/acme.yaml", account(kam="Ola Berg") + GOALS.format(boxes=3000000))
    c2 = repo.commit("handover", "2026-02-01T09:00:00+0000", author="Per Sjef")
    # the CEO turns critical, the boxes goal is lowered, and the two actions swap
    # places in the file (Plant visit first now), Send offer postponed a week
    text = account(kam="Ola Berg", stance=-2, due="2026-03-08")
    head, _, rest = text.partition("actions:\n")
    send, _, visit = rest.partition("  - action: Plant visit\n")
    text = head + "actions:\n  - action: Plant visit\n" + visit + send
    repo.write("accounts/acme.yaml", text + GOALS.format(boxes=2500000))
    c3 = repo.commit("QBR", "2026-03-01T09:00:00+0000", author="Ola Berg")
    return [c1, c2, c3]


def _log(*args: str) -> list[str]:
    out = runner.invoke(app, ["log", "acme", *args, "--lang", "en"])
    assert out.exit_code == 0, out.output
    return out.stdout.splitlines()


def test_stance_through_time_both_spellings(repo: GitRepo) -> None:
    c1, _, c3 = _story(repo)
    expected = [
        f"{c1[:8]} 2026-01-10 Kari Holm: plan",
        "  stakeholders[Randi Kvam].stance: – → 1",
        f"{c3[:8]} 2026-03-01 Ola Berg: QBR",
        "  stakeholders[Randi Kvam].stance: 1 → \u22122",
    ]
    assert _log("--field", "stakeholders[Randi Kvam].stance") == expected
    assert _log("--field", "stakeholders.Randi Kvam.stance") == expected


def test_a_position_is_pinned_to_the_item_at_the_newest_version(repo: GitRepo) -> None:
    c1, _, _ = _story(repo)
    # actions[0] is Plant visit in the newest version; it was second before the
    # swap, but it is followed by its text, so its due date never changed. By
    # position the swap would have shown 2026-03-01 → 2026-05-01.
    assert _log("--field", "actions[0].due") == [
        f"{c1[:8]} 2026-01-10 Kari Holm: plan",
        "  actions[Plant visit].due: – → 2026-05-01",
    ]
    c3 = repo.git("rev-parse", "HEAD").strip()
    assert _log("--field", "actions[Send offer].due")[-2:] == [
        f"{c3[:8]} 2026-03-01 Ola Berg: QBR",
        "  actions[Send offer].due: 2026-03-01 → 2026-03-08",
    ]


def test_goals_by_position_over_the_horizons_and_by_text(repo: GitRepo) -> None:
    c1, _, c3 = _story(repo)
    # goals[1]: strategic has one goal, so the second is the tactical "Win the boxes"
    expected = [
        f"{c1[:8]} 2026-01-10 Kari Holm: plan",
        "  goals.tactical[Win the boxes].target: – → 3,000,000",
        f"{c3[:8]} 2026-03-01 Ola Berg: QBR",
        "  goals.tactical[Win the boxes].target: 3,000,000 → 2,500,000",
    ]
    assert _log("--field", "goals[1].target") == expected
    assert _log("--field", "goals[Win the boxes].target") == expected
    assert _log("--field", "goals.tactical[0].target") == expected
    assert _log("--field", "goals[0].target")[1] == "  goals.strategic[Second supplier].target: – → 35"


def test_kam_and_financials_by_year(repo: GitRepo) -> None:
    c1, c2, _ = _story(repo)
    assert _log("--field", "kam") == [
        f"{c1[:8]} 2026-01-10 Kari Holm: plan",
        "  kam: – → Kari Holm",
        f"{c2[:8]} 2026-02-01 Per Sjef: handover",
        "  kam: Kari Holm → Ola Berg",
    ]
    assert _log("--field", "financials[2025].revenue")[1] == "  financials[2025].revenue: – → 1,000,000"


def test_json(repo: GitRepo) -> None:
    c1, _, c3 = _story(repo)
    out = runner.invoke(app, ["log", "acme", "--field", "stakeholders[Randi Kvam].stance", "-f", "json"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert doc["field"] == "stakeholders[Randi Kvam].stance"
    assert [(s["commit"], s["author"], s["old"], s["new"]) for s in doc["steps"]] == [
        (c1, "Kari Holm", None, 1),
        (c3, "Ola Berg", 1, -2),
    ]
    assert doc["steps"][0]["date"] == "2026-01-10T09:00:00+00:00"


def test_log_json_without_field(repo: GitRepo) -> None:
    _, c2, _ = _story(repo)
    out = runner.invoke(app, ["log", "acme", "-f", "json"])
    doc = json.loads(out.stdout)
    assert doc["steps"][1]["commit"] == c2
    assert doc["steps"][1]["changes"] == [
        {"code": "kam_handover", "field": "kam", "old": "Kari Holm", "new": "Ola Berg"}
    ]


def test_bad_paths(repo: GitRepo) -> None:
    _story(repo)
    for path, code, message in [
        ("stakeholders[Randi", 2, "'[' at column 13 is not closed"),
        ("stakholders[0].stance", 2, "an account has no field 'stakholders'"),
        ("kam..x", 2, "empty name at column 5"),
        ("actions[7].due", 2, "--field: actions has 2 item(s) in the newest version; [7] is not one of them"),
        ("stakeholders[Nobody].stance", 1, "no commit up to HEAD set stakeholders[Nobody].stance of 'acme'"),
    ]:
        out = runner.invoke(app, ["log", "acme", "--field", path])
        assert out.exit_code == code, (path, out.output)
        assert message in out.stderr, (path, out.stderr)
        assert "Traceback" not in out.output
