"""Build a git repository of the example portfolio with a year of dated commits.

    python examples/make_history.py /tmp/fjordpak-history
    cd /tmp/fjordpak-history && kamctl log polarnett && kamctl diff 2026-01-31 HEAD --blame

The story (polarnett; the last commit leaves the files exactly as in examples/):
a January plan by Ola Berg; the Q1 QBR postpones the box demo by 31 days;
in May Anders Lie takes over as KAM; at the Q3 QBR the operations director
(the decision maker) turns critic (0 → −2) and the return-logistics workshop
is dropped without being done; two days later a review that changes nothing
but the ``reviewed:`` date (a rubber stamp).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLAN = "accounts/polarnett.yaml"
WORKSHOP = (
    "  - action: Workshop om returlogistikk\n"
    "    owner: Anders Lie\n"
    "    due: 2026-10-15\n"
    "    status: planned\n"
)
# (old text in the January plan, the text in examples/ today)
HANDOVER = ("\nkam: Ola Berg\n", "\nkam: Anders Lie\n")
POSTPONE = ("    due: 2026-12-20\n", "    due: 2027-01-20\n")
CRITIC = (
    "    stance: 0\n    relationship: weak\n    style: red\n",
    "    stance: -2\n    relationship: weak\n    style: red\n",
)
DROP = ("actions:\n" + WORKSHOP, "actions:\n")
REVIEW = ("  reviewed: 2026-06-01\n", "  reviewed: 2026-09-01\n")
STEPS = [  # date, author, message, the edits that commit makes
    ("2026-03-12T14:00:00+0100", "Ola Berg", "QBR Q1 Polarnett: demoen flyttes til januar", [POSTPONE]),
    ("2026-05-04T09:30:00+0200", "Anders Lie", "Polarnett: Anders Lie overtar som KAM", [HANDOVER]),
    (
        "2026-09-10T16:00:00+0200",
        "Anders Lie",
        "QBR Q3 Polarnett: driftsdirektøren er kritisk",
        [CRITIC, DROP],
    ),
    ("2026-09-12T08:00:00+0200", "Erik Dahl", "Planen gjennomgått", [REVIEW]),
]


def _git(root: Path, *args: str, date: str = "", author: str = "") -> None:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root)}
    if author:
        mail = author.lower().replace(" ", ".") + "@fjordpak.no"
        env.update(
            GIT_AUTHOR_NAME=author, GIT_COMMITTER_NAME=author, GIT_AUTHOR_EMAIL=mail, GIT_COMMITTER_EMAIL=mail
        )
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _replace(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"make_history: {old!r} is not once in {PLAN}; the example changed")
    return text.replace(old, new)


def build(root: Path) -> None:
    if root.exists() and any(root.iterdir()):
        raise SystemExit(f"make_history: {root} exists and is not empty")
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(HERE / "accounts", root / "accounts")
    shutil.copy(HERE / "kamctl.toml", root / "kamctl.toml")
    today = (root / PLAN).read_text(encoding="utf-8")
    text = today
    for _, _, _, edits in reversed(STEPS):  # undo the year, newest first
        for old, new in reversed(edits):
            text = _replace(text, new, old)
    (root / PLAN).write_text(text, encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Kundeplaner 2026", date="2026-01-05T10:00:00+0100", author="Ola Berg")
    for date, author, message, edits in STEPS:
        for old, new in edits:
            text = _replace(text, old, new)
        (root / PLAN).write_text(text, encoding="utf-8")
        _git(root, "commit", "-q", "-a", "-m", message, date=date, author=author)
    assert text == today


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python examples/make_history.py TARGET-FOLDER")
    build(Path(sys.argv[1]))
