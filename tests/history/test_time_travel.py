"""--rev / --at / --same-config on the commands that read accounts, over a real repository.

The story (fixed dates), with the classes worked out by hand from DOMAIN §3
(axis = Σ weight × score / Σ weight; at or above the threshold is high):

- c1 2026-01-10, threshold 5.0. acme: attractiveness (8 + 6) / 2 = 7.0 high,
  strength 4 low → Key development account (priority 1). beta: attractiveness
  (4 + 4) / 2 = 4.0 low, strength 6 high → Maintenance account (priority 3).
  Revenue 2025: acme 1,000,000, beta 3,000,000.
- c2 2026-03-15: acme's strength 4 → 6 → Key account (priority 2); KAM handed
  over Kari Holm → Ola Berg; revenue 1,500,000.
- c3 2026-05-01: the config's threshold 5.0 → 6.5. Today acme is 7.0 / 6 →
  Key development account again; beta 4.0 / 6 → Opportunistic.
- The work tree has an uncommitted edit (acme's KAM "Someone Else") that no
  revision may show.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamctl.cli import app
from kamctl.loader import _SOURCE

from .conftest import CONFIG, GitRepo, account

runner = CliRunner()

BETA = account(id="beta", name="Beta AS", revenue=3000000, strength=6, kam="Per Lund").replace(
    "{growth: 8, fit: 6}", "{growth: 4, fit: 4}"
)


def _story(repo: GitRepo) -> list[str]:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account())
    repo.write("accounts/beta.yaml", BETA)
    c1 = repo.commit("plans", "2026-01-10T09:00:00+0000")
    repo.write("accounts/acme.yaml", account(kam="Ola Berg", strength=6, revenue=1500000))
    c2 = repo.commit("QBR: strength up, handover", "2026-03-15T09:00:00+0000", author="Ola Berg")
    repo.write("kamctl.toml", CONFIG.replace("threshold = 5.0", "threshold = 6.5"))
    c3 = repo.commit("stricter criteria", "2026-05-01T09:00:00+0000")
    repo.write("accounts/acme.yaml", account(kam="Someone Else", strength=6, revenue=1500000))
    return [c1, c2, c3]


def _json(args: list[str]) -> dict[str, object]:
    out = runner.invoke(app, [*args, "--format", "json", "--lang", "en"])
    assert out.exit_code in (0, 1), out.output
    doc: dict[str, object] = json.loads(out.stdout)
    return doc


def _classes(args: list[str]) -> dict[str, tuple[str, int, str]]:
    doc = _json(["classify", *args])
    rows = doc["tables"]["accounts"]
    assert isinstance(rows, list)
    return {r["id"]: (r["quadrant"], r["priority"], r["kam"]) for r in rows}


def test_classify_rev_reads_the_revision_with_its_own_config(repo: GitRepo) -> None:
    _story(repo)
    assert _classes(["--rev", "HEAD~2"]) == {
        "acme": ("key_development", 1, "Kari Holm"),
        "beta": ("maintenance", 3, "Per Lund"),
    }
    assert _classes(["--rev", "HEAD~1"]) == {
        "acme": ("key", 2, "Ola Berg"),
        "beta": ("maintenance", 3, "Per Lund"),
    }
    # HEAD itself, not the work tree: the uncommitted KAM is not seen
    assert _classes(["--rev", "HEAD"])["acme"] == ("key_development", 1, "Ola Berg")
    assert _classes([])["acme"] == ("key_development", 1, "Someone Else")
    assert "Someone Else" in (repo.root / "accounts/acme.yaml").read_text(encoding="utf-8")


def test_at_date_and_same_config(repo: GitRepo) -> None:
    _story(repo)
    # 2026-04-01 is after c2 and before c3: threshold 5.0 then
    doc = _json(["classify", "--at", "2026-04-01"])
    assert doc["meta"] == {
        "year": 2025,
        "as_of": "2026-04-01",  # the date asked for is "today"
        "currency": "NOK",
        "threshold": 5.0,
    }
    assert doc["files"] == {"checked": 2, "invalid": 0}
    assert _classes(["--at", "2026-04-01"])["acme"] == ("key", 2, "Ola Berg")
    # the same data judged by today's threshold 6.5: acme 7.0 / 6 and beta 4.0 / 6
    assert _classes(["--at", "2026-04-01", "--same-config"]) == {
        "acme": ("key_development", 1, "Ola Berg"),
        "beta": ("opportunistic", 4, "Per Lund"),
    }


def test_as_of_defaults_to_the_commit_day_and_can_be_given(repo: GitRepo) -> None:
    _story(repo)
    assert _json(["classify", "--rev", "HEAD~2"])["meta"]["as_of"] == "2026-01-10"  # type: ignore[index]
    doc = _json(["classify", "--rev", "HEAD~2", "--as-of", "2026-02-02"])
    assert doc["meta"]["as_of"] == "2026-02-02"  # type: ignore[index]


def test_notice_on_stderr_names_the_commit(repo: GitRepo) -> None:
    c1, _, _ = _story(repo)
    out = runner.invoke(app, ["classify", "--rev", "HEAD~2", "--lang", "en"])
    assert out.exit_code == 0, out.output
    assert (
        f"kamctl: the accounts at HEAD~2: commit {c1[:12]} of 2026-01-10 (plans), "
        "read from git with that revision's config"
    ) in out.stderr
    out = runner.invoke(app, ["classify", "--at", "2026-04-01", "--same-config", "--lang", "nb"])
    assert "kamctl: kundene slik de var 2026-04-01: commit" in out.stderr
    assert "lest fra git med dagens konfigurasjon" in out.stderr


def test_abc_and_risk_at_a_revision(repo: GitRepo) -> None:
    _story(repo)
    # c1: beta 3,000,000 of 4,000,000 = 75 %, acme 25 %; at HEAD acme 1.5 M of 4.5 M = 33.3 %
    old = _json(["abc", "--rev", "HEAD~2"])
    shares = {r["id"]: (r["value"], round(r["share"], 2)) for r in old["tables"]["customers"]}  # type: ignore[attr-defined]
    assert shares == {"beta": (3000000.0, 75.0), "acme": (1000000.0, 25.0)}
    now = _json(["abc", "--rev", "HEAD"])
    assert {r["id"]: round(r["share"], 2) for r in now["tables"]["customers"]} == {
        "beta": 66.67,
        "acme": 33.33,
    }  # type: ignore[attr-defined]
    risk = _json(["risk", "--rev", "HEAD~2"])
    assert risk["summary"]["largest"] == {"id": "beta", "share": 75.0}  # type: ignore[index]
    assert all(
        f["path"].startswith("HEAD~2:accounts/")  # type: ignore[index]
        for f in risk["diagnostics"]  # type: ignore[attr-defined]
        if f["path"]  # type: ignore[index]
    )


def test_lint_and_status_at_a_revision(repo: GitRepo) -> None:
    c1, _, _ = _story(repo)
    lint = _json(["lint", "--rev", "HEAD~2", "accounts/acme.yaml"])
    assert lint["files"]["checked"] == 1  # type: ignore[index]
    paths = {d["path"] for d in lint["diagnostics"]}  # type: ignore[attr-defined]
    assert paths == {"HEAD~2:accounts/acme.yaml"}
    assert lint["meta"]["as_of"] == "2026-01-10"  # type: ignore[index]
    status = _json(["status", "--at", "2026-02-01"])
    assert status["meta"]["as_of"] == "2026-02-01"  # type: ignore[index]
    rows = status["tables"]["accounts"]
    assert isinstance(rows, list)
    # c1 is the last commit on or before 2026-02-01: paths name its short id
    assert [(a["account"], a["path"][13:]) for a in rows] == [
        ("acme", "accounts/acme.yaml"),
        ("beta", "accounts/beta.yaml"),
    ]
    assert {a["path"][:13] for a in rows} == {c1[:12] + ":"}


def test_render_and_report_at_a_revision(repo: GitRepo, tmp_path: Path) -> None:
    _story(repo)
    out_dir = tmp_path / "out"
    res = runner.invoke(
        app,
        ["render", "--rev", "HEAD~2", "accounts/acme.yaml", "-f", "md", "-o", str(out_dir), "--lang", "en"],
    )
    assert res.exit_code == 0, res.output
    plan = (out_dir / "acme.md").read_text(encoding="utf-8")
    assert "Kari Holm" in plan and "Ola Berg" not in plan and "Someone Else" not in plan
    res = runner.invoke(app, ["report", "--rev", "HEAD~1", "-f", "md", "-o", str(out_dir), "--lang", "en"])
    assert res.exit_code == 0, res.output
    index = (out_dir / "index.md").read_text(encoding="utf-8")
    assert "Ola Berg" in index and "Someone Else" not in index


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rev", "v9"], "kamctl: unknown revision 'v9'"),
        (["--at", "2025-12-31"], "kamctl: no commit on the current branch on or before 2025-12-31"),
        (["--rev", "HEAD", "--at", "2026-01-10"], "kamctl: give --rev or --at, not both"),
        (["--same-config"], "kamctl: --same-config applies with --rev or --at"),
        (["--write", "--rev", "HEAD"], "--write writes the files in the work tree"),
        (["--rev", "HEAD", "nowhere"], "no such file or folder in HEAD:nowhere (nowhere)"),
    ],
)
def test_clear_errors(repo: GitRepo, args: list[str], message: str) -> None:
    _story(repo)
    out = runner.invoke(app, ["classify", *args])
    assert out.exit_code == 2
    assert message in out.stderr
    assert "Traceback" not in out.output


def test_bad_date_is_a_usage_error(repo: GitRepo) -> None:
    _story(repo)
    out = runner.invoke(app, ["classify", "--at", "1 May"])
    assert out.exit_code == 2
    assert "'1 May' is not a date YYYY-MM-DD" in out.stderr


def test_not_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "accounts").mkdir()
    (tmp_path / "kamctl.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "accounts/acme.yaml").write_text(account(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    for command in ("classify", "lint", "status", "abc", "risk"):
        out = runner.invoke(app, [command, "--rev", "HEAD"])
        assert out.exit_code == 2, (command, out.output)
        assert "is not in a git repository" in out.stderr


def test_file_invalid_at_the_revision_is_located(repo: GitRepo) -> None:
    _story(repo)
    broken = account().replace("stance: 1", "stance: 7")
    repo.write("accounts/acme.yaml", broken)
    repo.commit("typo", "2026-06-01T09:00:00+0000")
    repo.write("accounts/acme.yaml", account())
    repo.commit("fixed", "2026-06-02T09:00:00+0000")
    line = broken.splitlines().index("    stance: 7") + 1
    out = runner.invoke(app, ["classify", "--rev", "HEAD~1", "--lang", "en"])
    assert out.exit_code == 1
    assert f"HEAD~1:accounts/acme.yaml:{line}:13: error:" in out.stderr
    assert "1 invalid file left out of the analysis" in out.stderr


def test_config_absent_at_the_revision(repo: GitRepo) -> None:
    repo.write("accounts/acme.yaml", account())
    repo.commit("first plan, no config yet", "2026-01-10T09:00:00+0000")
    repo.write("kamctl.toml", CONFIG)
    repo.commit("config", "2026-01-11T09:00:00+0000")
    out = runner.invoke(app, ["classify", "--rev", "HEAD~1"])
    assert out.exit_code == 2
    assert "kamctl.toml is not in revision HEAD~1" in out.stderr and "--same-config" in out.stderr
    assert _classes(["--rev", "HEAD~1", "--same-config"])["acme"] == ("key_development", 1, "Kari Holm")


def test_revision_source_does_not_outlive_the_command(repo: GitRepo) -> None:
    _story(repo)
    runner.invoke(app, ["classify", "--rev", "HEAD~2"])
    from kamctl import loader

    assert loader._SOURCE is None and _SOURCE is None
    # the next command without --rev reads the work tree again
    assert _classes([])["acme"][2] == "Someone Else"


def test_many_files_through_the_worker_pool(repo: GitRepo) -> None:
    """130 files (over the loader's pool threshold of 128): the workers read
    the blobs fetched before they were forked."""
    repo.write("kamctl.toml", CONFIG)
    for i in range(130):
        repo.write(f"accounts/a{i:03}.yaml", account(id=f"a{i:03}", name=f"A{i}", kam="Old KAM"))
    repo.commit("many", "2026-01-10T09:00:00+0000")
    for i in range(130):
        repo.write(f"accounts/a{i:03}.yaml", account(id=f"a{i:03}", name=f"A{i}", kam="New KAM"))
    repo.commit("handover", "2026-01-11T09:00:00+0000")
    classes = _classes(["--rev", "HEAD~1", "--jobs", "2"])
    assert len(classes) == 130
    assert {kam for _, _, kam in classes.values()} == {"Old KAM"}


def test_lint_per_path_globs_match_files_of_a_revision(repo: GitRepo) -> None:
    """``[lint.per_path."accounts/beta.yaml"]`` applies to HEAD:accounts/beta.yaml too."""
    _story(repo)
    before = _json(["lint", "--rev", "HEAD", "accounts/beta.yaml"])
    codes = {d["code"] for d in before["diagnostics"]}  # type: ignore[attr-defined]
    assert codes, "the story's beta has findings to switch off"
    config = (repo.root / "kamctl.toml").read_text(encoding="utf-8")
    rules = ", ".join(f'"{c}"' for c in sorted(codes))
    repo.write("kamctl.toml", config + f'\n[lint.per_path."accounts/beta.yaml"]\nignore = [{rules}]\n')
    repo.commit("beta is exempt", "2026-06-01T09:00:00+0000")
    after = _json(["lint", "--rev", "HEAD", "accounts/beta.yaml"])
    assert after["diagnostics"] == []
