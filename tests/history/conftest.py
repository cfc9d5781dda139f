"""Real git repositories in tmp_path, with fixed authors and dates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

CONFIG = """accounts = "accounts"
fiscal_year = 2025
lang = "en"

[kaism]
threshold = 5.0

[kaism.customer_attractiveness]
growth = 1
fit = 1

[kaism.our_strength]
relationship = 1
"""

ACCOUNT = """id: {id}
name: {name}
kam: {kam}
stage: early-kam
financials:
  - year: 2025
    revenue: {revenue}
kaism:
  customer_attractiveness: {{growth: 8, fit: 6}}
  our_strength: {{relationship: {strength}}}
stakeholders:
  - name: Randi Kvam
    title: CEO
    role: decision_maker
    stance: {stance}
actions:
  - action: Send offer
    due: {due}
    status: planned
  - action: Plant visit
    due: 2026-05-01
    status: {visit}
"""


def account(**kw: object) -> str:
    values = dict(
        id="acme",
        name="Acme AS",
        kam="Kari Holm",
        revenue=1000000,
        strength=4,
        stance=1,
        due="2026-03-01",
        visit="planned",
    )
    values.update(kw)
    return ACCOUNT.format(**values)


class GitRepo:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2026-01-01T12:00:00+0000", author: str = "Kari Holm") -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": "a@example.no",
            "GIT_COMMITTER_NAME": author,
            "GIT_COMMITTER_EMAIL": "a@example.no",
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(self.root),
        }
        return subprocess.run(
            ["git", *args], cwd=self.root, env=env, check=True, capture_output=True, text=True
        ).stdout

    def write(self, path: str, text: str) -> None:
        p = self.root / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")

    def commit(self, message: str, date: str, author: str = "Kari Holm") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, date=date, author=author)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    r = GitRepo(tmp_path / "plans")
    monkeypatch.chdir(r.root)
    monkeypatch.delenv("KAMCTL_LANG", raising=False)
    return r
