"""kamctl diff over a real repository; the expected changes are worked out from the edits made."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kamctl.cli import app

from .conftest import CONFIG, GitRepo, account

runner = CliRunner()


def _story(repo: GitRepo) -> None:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account())
    repo.commit("plan", "2026-01-10T09:00:00+0000")
    # Moved to another folder (same id), KAM handed over, strength 4 → 6 (threshold 5:
    # low → high, so key development → key account, priority 1 → 2), revenue up,
    # the CEO (decision maker) from +1 to −2, the offer moved 2026-03-01 → 2026-04-15
    # (30 days to 31 March + 15 = 45 days), the planned plant visit deleted.
    (repo.root / "accounts/acme.yaml").unlink()
    text = account(kam="Ola Berg", strength=6, revenue=1200000, stance=-2, due="2026-04-15")
    text = text[: text.index("  - action: Plant visit")]
    repo.write("accounts/north/acme.yaml", text)
    repo.write("accounts/beta.yaml", account(id="beta", name="Beta AS"))
    repo.commit("QBR", "2026-02-01T09:00:00+0000", author="Ola Berg")


EXPECTED_EN = [
    "file moved: accounts/acme.yaml → accounts/north/acme.yaml",
    "KAM handed over: Kari Holm → Ola Berg",
    "KAISM quadrant: Key development account → Key account (key_development → key)",
    "investment priority: 1 → 2",
    "kaism.our_strength: 4 → 6",
    "financials[2025].revenue: 1,000,000 → 1,200,000",
    "DECISION MAKER TURNED NEGATIVE: stakeholders[Randi Kvam].stance: 1 → \u22122",
    "action postponed by 45 days: actions[Send offer].due: 2026-03-01 → 2026-04-15",
    "ACTION REMOVED WITHOUT BEING DONE: Plant visit",
]


def test_diff_text_en_in_reading_order(repo: GitRepo) -> None:
    _story(repo)
    out = runner.invoke(app, ["diff", "HEAD~1..HEAD", "--lang", "en"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    acme = lines.index("acme (Acme AS)")
    assert lines[acme + 1 : acme + 1 + len(EXPECTED_EN)] == [f"  - {e}" for e in EXPECTED_EN]
    # beta is new: ABC over two accounts 1.2 M and 1.0 M (cut-off 80 %): acme starts at 0 % → A,
    # beta starts at 54.5 % → A as well, so no ABC change for acme.
    assert lines[lines.index("beta (Beta AS)") + 1] == "  - account added"
    assert "ABC" not in out.output


def test_diff_nb(repo: GitRepo) -> None:
    _story(repo)
    out = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--lang", "nb"])
    assert "  - KAM overlevert: Kari Holm → Ola Berg" in out.output
    assert "  - tiltak utsatt 45 dager: actions[Send offer].due: 2026-03-01 → 2026-04-15" in out.output
    assert "  - TILTAK FJERNET UTEN Å VÆRE UTFØRT: Plant visit" in out.output


def test_diff_json_contract(repo: GitRepo) -> None:
    _story(repo)
    out = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--format", "json"])
    doc = json.loads(out.stdout)
    assert doc["version"] == 1 and doc["from"]["rev"] == "HEAD~1" and len(doc["to"]["commit"]) == 40
    acme = next(a for a in doc["accounts"] if a["id"] == "acme")
    assert acme["old_path"] == "accounts/acme.yaml" and acme["new_path"] == "accounts/north/acme.yaml"
    postponed = next(c for c in acme["changes"] if c["code"] == "action_postponed")
    assert postponed == {
        "code": "action_postponed",
        "field": "actions[Send offer].due",
        "old": "2026-03-01",
        "new": "2026-04-15",
        "days": 45,
    }


def test_default_is_head_against_working_tree(repo: GitRepo) -> None:
    _story(repo)
    assert "no changes" in runner.invoke(app, ["diff", "--lang", "en"]).output
    repo.write("accounts/beta.yaml", account(id="beta", name="Beta AS", visit="done"))
    out = runner.invoke(app, ["diff", "--lang", "en", "--format", "markdown"])
    assert "## Changes HEAD → working tree" in out.output
    assert "- action done: actions\\[Plant visit\\].status" in out.output


def test_diff_by_dates(repo: GitRepo) -> None:
    _story(repo)
    # 2026-01-20 → the first commit; 2026-02-01 → the second
    out = runner.invoke(app, ["diff", "2026-01-20", "2026-02-01", "--lang", "en"])
    assert "KAM handed over: Kari Holm → Ola Berg" in out.output


def test_share_of_wallet_change(repo: GitRepo) -> None:
    """Revenue 1,000,000 of a category spend of 4,000,000 is 25.0 %; 1,200,000 is 30.0 %."""
    repo.write("kamctl.toml", CONFIG)
    spend = "    category_spend: 4000000\n"
    text = account()
    repo.write("accounts/acme.yaml", text.replace("    revenue: 1000000\n", "    revenue: 1000000\n" + spend))
    repo.commit("plan", "2026-01-10T09:00:00+0000")
    text = account(revenue=1200000)
    repo.write("accounts/acme.yaml", text.replace("    revenue: 1200000\n", "    revenue: 1200000\n" + spend))
    repo.commit("more", "2026-02-10T09:00:00+0000")
    en = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--lang", "en"]).stdout
    assert "  - share of wallet 2025: 25.0 % → 30.0 %" in en
    nb = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--lang", "nb"]).stdout
    assert "  - andel av kundens kjøp 2025: 25,0 % → 30,0 %" in nb
    doc = json.loads(runner.invoke(app, ["diff", "HEAD~1", "HEAD", "-f", "json"]).stdout)
    sow = [c for c in doc["accounts"][0]["changes"] if c["code"] == "share_of_wallet"]
    assert sow == [
        {
            "code": "share_of_wallet",
            "field": "financials[2025].share_of_wallet",
            "old": 25.0,
            "new": 30.0,
            "year": 2025,
        }
    ]


def test_strategy_change_is_named(repo: GitRepo) -> None:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account() + "strategy:\n  main: Grow with the customer\n")
    repo.commit("plan", "2026-01-10T09:00:00+0000")
    repo.write("accounts/acme.yaml", account() + "strategy:\n  main: Defend the share\n")
    repo.commit("rethink", "2026-02-10T09:00:00+0000")
    out = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--lang", "en"]).stdout
    assert out.splitlines()[-1] == "  - strategy changed: strategy.main"
