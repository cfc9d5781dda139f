"""The first week in a plan repository (issue 10): init → new → commit → render → commit.

Run with real git and, when it is installed, real pre-commit (``pre-commit
install``, then ``git commit`` runs the hooks init wrote). Without pre-commit
the hooks' entries are run the way pre-commit would run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kamctl.scaffold import GITIGNORE_TEMPLATE, merge_gitignore

GIT = shutil.which("git")
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")

pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",  # kamctl and pre-commit of this environment
        HOME=str(tmp_path / "home"),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
        GIT_AUTHOR_NAME="Kari Nordmann",
        GIT_AUTHOR_EMAIL="kari@example.invalid",
        GIT_COMMITTER_NAME="Kari Nordmann",
        GIT_COMMITTER_EMAIL="kari@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        KAMCTL_LANG="en",
        NO_COLOR="1",
    )
    env.pop("GITHUB_ACTIONS", None)
    return env


def _run(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _commit(repo: Path, env: dict[str, str], message: str, *paths: str) -> subprocess.CompletedProcess[str]:
    """``git add`` + ``git commit``: through pre-commit's git hook when it is installed,
    else with each hook's entry run first, as pre-commit runs it."""
    add = _run(repo, env, "git", "add", *(paths or (".",)))
    assert add.returncode == 0, add.stderr
    if PRE_COMMIT is None:
        staged = _run(repo, env, "git", "diff", "--cached", "--name-only").stdout.split()
        accounts = [p for p in staged if p.startswith("accounts/") and p.endswith((".yaml", ".yml"))]
        if accounts:
            for hook in (["kamctl", "validate"], ["kamctl", "lint", *accounts]):
                r = _run(repo, env, *hook)
                if r.returncode != 0:
                    return r
    return _run(repo, env, "git", "commit", "-m", message)


def _init_repo(repo: Path, env: dict[str, str]) -> None:
    assert _run(repo, env, "git", "init", "-q").returncode == 0
    r = _run(repo, env, "kamctl", "init", ".")
    assert r.returncode == 0, r.stderr
    if PRE_COMMIT is not None:
        r = _run(repo, env, "pre-commit", "install")
        assert r.returncode == 0, r.stdout + r.stderr


def test_new_plan_commits_while_ci_still_shows_what_is_missing(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo = tmp_path / "plans"
    repo.mkdir()
    _init_repo(repo, env)
    r = _run(
        repo, env, "kamctl", "new", "nordvik-fisk", "--name", "Nordvik Fisk AS", "--kam", "Kari Nordmann"
    )
    assert r.returncode == 0, r.stderr
    first = _commit(repo, env, "Nordvik Fisk: new plan")
    assert first.returncode == 0, first.stdout + first.stderr
    assert _run(repo, env, "git", "log", "--oneline").stdout.count("\n") == 1
    # CI still sees everything missing: warnings, and a failure with --fail-on warning.
    lint = _run(repo, env, "kamctl", "lint")
    assert lint.returncode == 0
    assert "warning: [KAM101] section 'team' is empty" in lint.stdout + lint.stderr
    assert _run(repo, env, "kamctl", "lint", "--fail-on", "warning").returncode == 1
    # The plan becomes active: the same gaps are errors again and block the commit.
    plan = repo / "accounts" / "nordvik-fisk.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("status: draft", "status: active"), encoding="utf-8"
    )
    blocked = _commit(repo, env, "Nordvik Fisk: active")
    assert blocked.returncode != 0
    assert "error: [KAM101]" in blocked.stdout + blocked.stderr


def test_rendered_documents_are_not_committed_by_git_add_dot(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo = tmp_path / "plans"
    repo.mkdir()
    _init_repo(repo, env)
    assert _run(repo, env, "kamctl", "new", "acme", "--name", "Acme AS").returncode == 0
    assert _commit(repo, env, "new plan").returncode == 0
    for command in ("render", "report"):
        r = _run(repo, env, "kamctl", command)
        assert r.returncode == 0, r.stderr
    assert (repo / "rendered" / "acme.md").is_file() or (repo / "rendered" / "acme.html").is_file()
    assert _run(repo, env, "git", "status", "--porcelain").stdout == ""  # nothing new to add
    assert _run(repo, env, "git", "check-ignore", "rendered/acme.html").returncode == 0


def test_hooks_run_only_on_account_files(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo = tmp_path / "plans"
    repo.mkdir()
    _init_repo(repo, env)
    # A YAML file that is no account (it blocked a commit before) is not checked.
    (repo / "mkdocs.yml").write_text("site_name: Plans\nnav: [index.md]\n", encoding="utf-8")
    r = _commit(repo, env, "docs")
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_duplicate_id_against_an_unchanged_file_is_caught(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo = tmp_path / "plans"
    repo.mkdir()
    _init_repo(repo, env)
    assert _run(repo, env, "kamctl", "new", "acme", "--name", "Acme AS").returncode == 0
    assert _commit(repo, env, "acme").returncode == 0
    # A copy under another file name keeps the id: only the new file is staged.
    (repo / "accounts" / "acme-copy.yaml").write_text(
        (repo / "accounts" / "acme.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    r = _commit(repo, env, "copy", "accounts/acme-copy.yaml")
    assert r.returncode != 0
    assert "duplicate" in (r.stdout + r.stderr).lower()
    assert _run(repo, env, "git", "log", "--oneline").stdout.count("\n") == 1


def test_init_in_an_existing_repository_keeps_its_gitignore(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo = tmp_path / "existing"
    repo.mkdir()
    assert _run(repo, env, "git", "init", "-q").returncode == 0
    (repo / ".gitignore").write_text(
        "node_modules/\n*.log\n.kamctl_cache/", encoding="utf-8"
    )  # no final newline
    (repo / "README.md").write_text("# Our plans\n", encoding="utf-8")
    assert _run(repo, env, "git", "add", ".").returncode == 0
    assert _run(repo, env, "git", "commit", "-q", "-m", "start").returncode == 0
    r = _run(repo, env, "kamctl", "init", ".")
    assert r.returncode == 0, r.stderr
    # Their lines first, as they were; ours that they lacked after them.
    assert (repo / ".gitignore").read_text(encoding="utf-8") == (
        "node_modules/\n*.log\n.kamctl_cache/\n\n# added by kamctl init\nrendered/\n"
    )
    assert "added to .gitignore: rendered/" in r.stderr.replace(str(repo) + os.sep, "").replace("./", "")
    assert "git init" not in r.stderr  # it is a repository already
    if PRE_COMMIT is not None:
        assert _run(repo, env, "pre-commit", "install").returncode == 0
    assert _run(repo, env, "kamctl", "new", "acme", "--name", "Acme AS").returncode == 0
    c = _commit(repo, env, "kamctl")
    assert c.returncode == 0, c.stdout + c.stderr


def test_merge_gitignore_adds_only_what_is_missing() -> None:
    assert merge_gitignore("", GITIGNORE_TEMPLATE) == (
        "# added by kamctl init\n.kamctl_cache/\nrendered/\n",
        [".kamctl_cache/", "rendered/"],
    )
    full = "rendered/\n.kamctl_cache/\n"
    assert merge_gitignore(full, GITIGNORE_TEMPLATE) == (full, [])


def test_init_refuses_what_is_in_the_way(kamctl, tmp_path: Path) -> None:
    (tmp_path / "accounts").write_text("not a folder\n", encoding="utf-8")
    r = kamctl("init", ".")
    assert r.exit_code == 2
    assert "accounts is in the way; nothing written" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accounts"]  # nothing written


def test_init_force_overwrites_the_config(kamctl, tmp_path: Path) -> None:
    (tmp_path / "kamctl.toml").write_text('accounts = "accounts"\n', encoding="utf-8")
    assert kamctl("init", ".").exit_code == 0
    assert (tmp_path / "kamctl.toml").read_text(encoding="utf-8") == 'accounts = "accounts"\n'
    assert kamctl("init", ".", "--force").exit_code == 0
    assert "[kaism.customer_attractiveness]" in (tmp_path / "kamctl.toml").read_text(encoding="utf-8")
