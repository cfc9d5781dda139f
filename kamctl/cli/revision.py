"""``--rev``, ``--at`` and ``--same-config``: any command that reads accounts, at a past revision.

A command adds the three options and calls :func:`travel` where it would call
``parse_as_of``; from then on the loader reads the revision's files from git
objects (:mod:`kamctl.history.source`) and the command runs as on a work tree.
The CLI group puts the work tree back after every command.
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kamctl.cli.common import fail, parse_as_of, resolve_lang

if TYPE_CHECKING:
    from kamctl.account import Account
    from kamctl.config import Config
    from kamctl.history.messages import SinceView

REV_OPTION = typer.Option(
    None,
    "--rev",
    help="Read the accounts as they were at this git revision (commit, tag, branch, HEAD~3), "
    "from git objects (no checkout), with that revision's config.",
    metavar="REV",
    show_default=False,
)
AT_OPTION = typer.Option(
    None,
    "--at",
    help="Read the accounts as they were on this date (YYYY-MM-DD): the last commit on the "
    "current branch on or before it.",
    metavar="DATE",
    show_default=False,
)
SAME_CONFIG_OPTION = typer.Option(
    False,
    "--same-config",
    help="With --rev/--at: judge the old accounts by today's config, not the revision's.",
)

SINCE_OPTION = typer.Option(
    None,
    "--since",
    help="Add a section on what changed since this git revision or date (YYYY-MM-DD): "
    "KAISM moves, stance changes, every account's changes.",
    metavar="REV|DATE",
    show_default=False,
)

_READING = {
    "en": "kamctl: the accounts {what}: commit {commit} of {day} ({subject}), read from git with {which}\n",
    "nb": "kamctl: kundene {what}: commit {commit} fra {day} ({subject}), lest fra git med {which}\n",
}
_WHAT = {
    ("en", "rev"): "at {label}",
    ("en", "at"): "as they were on {date}",
    ("nb", "rev"): "i {label}",
    ("nb", "at"): "slik de var {date}",
}
_WHICH = {
    ("en", False): "that revision's config",
    ("en", True): "today's config",
    ("nb", False): "konfigurasjonen fra den gang",
    ("nb", True): "dagens konfigurasjon",
}


def travel(
    cfg: Config,
    as_of: str | None,
    rev: str | None,
    at: str | None,
    same_config: bool,
    lang: str | None = None,
) -> tuple[Config, _dt.date]:
    """The config to use and the day to take as today.

    Without --rev/--at: ``cfg`` and --as-of (default today). With one: the
    revision's config (or ``cfg`` with --same-config), the loader reading that
    revision, and --as-of defaulting to the revision's day, so that "overdue"
    and "stale" mean what they meant then. Git problems exit 2 with one line.
    """
    if rev is None and at is None:
        if same_config:
            fail("--same-config applies with --rev or --at")
        return cfg, parse_as_of(as_of)
    if rev is not None and at is not None:
        fail("give --rev or --at, not both")
    day: _dt.date | None = None
    if at is not None:
        try:
            day = _dt.date.fromisoformat(at)
        except ValueError:
            raise typer.BadParameter(f"{at!r} is not a date YYYY-MM-DD", param_hint="--at") from None
    from kamctl.history.git import GitError
    from kamctl.history.source import open_revision
    from kamctl.loader import use_source

    try:
        source, old_cfg = open_revision(Path.cwd(), cfg, rev, day, same_config)
    except GitError as exc:
        fail(str(exc))
    use_source(source)
    r = source.revision
    lang = resolve_lang(lang, cfg)
    what = _WHAT[(lang, "rev" if rev is not None else "at")].format(label=r.label, date=at)
    sys.stderr.write(
        _READING[lang].format(
            what=what,
            commit=r.commit[:12],
            day=r.committed.isoformat(),
            subject=r.subject,
            which=_WHICH[(lang, same_config)],
        )
    )
    return old_cfg, (parse_as_of(as_of) if as_of is not None else r.day)


def since_section(
    since: str,
    cfg: Config,
    accounts: list[tuple[str, Account]],
    same_config: bool,
    lang: str,
    keep: set[str] | None = None,
) -> SinceView:
    """``report --since``: what changed from ``since`` to the accounts being reported,
    in ``lang``. Files invalid at ``since`` are shown on stderr and left out of the
    comparison; git problems exit 2 with one line."""
    from kamctl.formatters import text
    from kamctl.history.git import GitError
    from kamctl.history.messages import since_view
    from kamctl.history.trends import changes_since
    from kamctl.result import Result

    try:
        found = changes_since(Path.cwd(), cfg, since, accounts, same_config)
    except GitError as exc:
        fail(f"--since: {exc}")
    if keep is not None:
        found.diffs = [d for d in found.diffs if d.id in keep]
        found.moves = [m for m in found.moves if m.id in keep]
        found.stances = [st for st in found.stances if st.id in keep]
    if found.problems:
        text(Result("report", 0, found.problems), sys.stderr)
    return since_view(found, lang)
