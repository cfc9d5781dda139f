"""Reading revisions from git objects: resolving, --at dates, own config, messy repositories."""

from __future__ import annotations

import datetime as _dt
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamctl.cli import app
from kamctl.config import load_config
from kamctl.history.git import GitError, Repo
from kamctl.history.snapshot import _PARSED, at_revision

from .conftest import CONFIG, GitRepo, account

runner = CliRunner()


def _two_commits(repo: GitRepo) -> tuple[str, str]:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account())
    first = repo.commit("plan", "2026-01-10T09:00:00+0000")
    repo.write("accounts/acme.yaml", account(kam="Ola Berg"))
    second = repo.commit("handover", "2026-03-15T09:00:00+0000")
    return first, second


def test_at_date_picks_last_commit_on_or_before_it(repo: GitRepo) -> None:
    first, second = _two_commits(repo)
    r = Repo(repo.root)
    assert r.at(_dt.date(2026, 1, 10)) == first  # the same day counts
    assert r.at(_dt.date(2026, 3, 14)) == first
    assert r.at(_dt.date(2026, 3, 15)) == second
    with pytest.raises(GitError, match="no commit on the current branch on or before 2025-12-31"):
        r.at(_dt.date(2025, 12, 31))


def test_revision_is_read_from_objects_not_the_work_tree(repo: GitRepo) -> None:
    first, _ = _two_commits(repo)
    (repo.root / "accounts/acme.yaml").write_text(account(kam="Someone Else"), encoding="utf-8")
    with Repo(repo.root) as r:
        snap = at_revision(r, "HEAD~1", r.resolve("HEAD~1"), load_config(repo.root / "kamctl.toml"))
    assert snap.commit == first
    assert snap.accounts["acme"].account.kam == "Kari Holm"
    assert snap.accounts["acme"].path == "accounts/acme.yaml"
    # the work tree is untouched
    assert "Someone Else" in (repo.root / "accounts/acme.yaml").read_text(encoding="utf-8")


def test_blob_parsed_once(repo: GitRepo) -> None:
    _two_commits(repo)
    repo.write("other.txt", "x")
    repo.commit("unrelated", "2026-04-01T09:00:00+0000")
    cfg = load_config(repo.root / "kamctl.toml")
    with Repo(repo.root) as r:
        blob = r.blob_at("HEAD", "accounts/acme.yaml")
        at_revision(r, "HEAD~1", r.resolve("HEAD~1"), cfg)
        assert blob in _PARSED
        _PARSED[blob] = (None, [], None)  # a second read of this blob would now find no account
        snap = at_revision(r, "HEAD", r.resolve("HEAD"), cfg)
    del _PARSED[blob]
    assert "acme" not in snap.accounts


def test_revision_uses_its_own_config(repo: GitRepo) -> None:
    # At the first commit the threshold is 5 → strength 4 is low (key development);
    # then the threshold drops to 3 → high: key account, though the account did not change.
    _two_commits(repo)
    repo.write("kamctl.toml", CONFIG.replace("threshold = 5.0", "threshold = 3.0"))
    repo.commit("lower threshold", "2026-04-01T09:00:00+0000")
    out = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--lang", "en"])
    assert out.exit_code == 0, out.output
    assert "KAISM quadrant: Key development account → Key account (key_development → key)" in out.output
    same = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--same-config", "--lang", "en"])
    assert "no changes" in same.output


def test_not_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kamctl.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "accounts").mkdir()  # a configured accounts folder must exist (issue 10)
    out = runner.invoke(app, ["diff"])
    assert out.exit_code == 2
    assert "is not in a git repository" in out.output


def test_unknown_revision(repo: GitRepo) -> None:
    _two_commits(repo)
    out = runner.invoke(app, ["diff", "v9.9"])
    assert out.exit_code == 2
    assert "unknown revision 'v9.9'" in out.output


def test_config_absent_at_revision(repo: GitRepo) -> None:
    repo.write("accounts/acme.yaml", account())
    repo.commit("plan without config", "2026-01-10T09:00:00+0000")
    repo.write("kamctl.toml", CONFIG)
    repo.commit("config", "2026-01-11T09:00:00+0000")
    out = runner.invoke(app, ["diff", "HEAD~1", "HEAD"])
    assert out.exit_code == 2
    assert "kamctl.toml is not in revision HEAD~1" in out.output
    assert "--same-config" in out.output
    assert runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--same-config"]).exit_code == 0


def test_invalid_file_at_old_revision_is_located(repo: GitRepo) -> None:
    repo.write("kamctl.toml", CONFIG)
    repo.write("accounts/acme.yaml", account().replace("stance: 1", "stance: 9"))
    repo.commit("bad stance", "2026-01-10T09:00:00+0000")
    repo.write("accounts/acme.yaml", account())
    repo.commit("fixed", "2026-01-11T09:00:00+0000")
    out = runner.invoke(app, ["diff", "HEAD~1", "HEAD"])
    assert out.exit_code == 1
    # line 15 of the file is "    stance: 9", its value at column 13
    assert "HEAD~1:accounts/acme.yaml:15:13:" in out.output
    # unreadable at HEAD~1 is not "added" at HEAD
    assert "account added" not in out.output
    assert "Traceback" not in out.output


def test_shallow_clone_says_fetch_depth(
    repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_commits(repo)
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)],
        check=True,
        capture_output=True,
    )
    monkeypatch.chdir(clone)
    out = runner.invoke(app, ["diff", "HEAD~1"])
    assert out.exit_code == 2
    assert "shallow clone" in out.output and "fetch-depth: 0" in out.output
