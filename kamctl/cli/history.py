"""``kamctl diff``: what changed in the portfolio between two revisions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from . import app
from .common import CONFIG_OPTION, LANG_OPTION, check_format, fail, get_config, resolve_lang

if TYPE_CHECKING:
    from kamctl.config import Config
    from kamctl.history.diff import AccountDiff
    from kamctl.history.git import Repo
    from kamctl.history.snapshot import Snapshot

FORMATS = ("text", "json", "markdown")


def _snapshot(repo: Repo, rev: str | None, cfg: Config, same_config: bool) -> Snapshot:
    """``rev`` (None: the work tree); a DATE (YYYY-MM-DD) is the last commit on or before it."""
    import datetime as _dt

    from kamctl.history.snapshot import at_revision, working_tree

    if rev is None:
        return working_tree(repo, cfg)
    try:
        day = _dt.date.fromisoformat(rev)
    except ValueError:
        sha = repo.resolve(rev)
    else:
        sha = repo.at(day)
    return at_revision(repo, rev, sha, cfg, same_config)


def _blame(repo: Repo, diffs: list[AccountDiff], old: Snapshot, new: Snapshot, cfg: Config) -> None:
    """Attach to each change the commit between the two sides that made it."""
    from kamctl.history.snapshot import accounts_folder
    from kamctl.history.timeline import blame, timeline

    if old.commit is None:
        return
    span = f"{old.commit}..{new.commit or 'HEAD'}"
    folder = accounts_folder(repo, cfg)
    for d in diffs:
        entry = old.accounts.get(d.id)
        start = (entry.account, entry.path) if entry else None
        d.changes = blame(d.changes, timeline(repo, span, folder, d.id, cfg, start))


def _split(a: str | None, b: str | None) -> tuple[str | None, str | None]:
    if a is not None and ".." in a and b is None:
        left, _, right = a.partition("..")
        return left or "HEAD", right or "HEAD"
    return (a or "HEAD"), b


@app.command()
def diff(
    a: str = typer.Argument(
        None, help="Old revision or date YYYY-MM-DD (default HEAD); also A..B.", show_default=False
    ),
    b: str = typer.Argument(
        None, help="New revision or date (default: the working tree).", show_default=False
    ),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or markdown."),
    same_config: bool = typer.Option(False, "--same-config", help="Score both sides with today's config."),
    with_blame: bool = typer.Option(
        False, "--blame", help="Name the commit, author and date of each change."
    ),
    lang: str = LANG_OPTION,
    config: Path = CONFIG_OPTION,
) -> None:
    """What changed per account between two revisions, like git diff (exit 1: a file was invalid)."""
    from kamctl.formatters import text
    from kamctl.history.diff import diff_portfolios
    from kamctl.history.git import GitError, Repo
    from kamctl.history.messages import write_json, write_markdown, write_text
    from kamctl.result import Result

    check_format(fmt, FORMATS)
    cfg = get_config(config)
    language = resolve_lang(lang, cfg)
    old_rev, new_rev = _split(a, b)
    try:
        with Repo(Path.cwd()) as repo:
            old = _snapshot(repo, old_rev, cfg, same_config)
            new = _snapshot(repo, new_rev, cfg, same_config)
            diffs = diff_portfolios(old, new)
            if with_blame:
                _blame(repo, diffs, old, new, cfg)
    except GitError as exc:
        fail(str(exc))
    problems = old.diagnostics + new.diagnostics
    if problems:
        text(Result("diff", 0, problems), sys.stderr)
    if fmt == "json":
        write_json(
            diffs,
            {"rev": old.label, "commit": old.commit},
            {"rev": new.label, "commit": new.commit},
            sys.stdout,
        )
    elif fmt == "markdown":
        write_markdown(diffs, old.label, new.label, language, sys.stdout)
    else:
        write_text(diffs, old.label, new.label, language, sys.stdout)
    if any(d.severity.value == "error" for d in problems):
        raise typer.Exit(1)


@app.command("log")
def log_(
    account: str = typer.Argument(..., help="Account id."),
    rev: str = typer.Option("HEAD", "--rev", help="Follow history up to this revision."),
    field: str = typer.Option(
        None,
        "--field",
        help="Follow one value, e.g. 'stakeholders[Randi Kvam].stance', 'goals[0].target', "
        "'financials[2025].revenue' (list items by name, not position).",
        metavar="PATH",
        show_default=False,
    ),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    lang: str = LANG_OPTION,
    config: Path = CONFIG_OPTION,
) -> None:
    """The account's timeline: every commit that changed it, with author, date and the changes."""
    from kamctl.history.fieldpath import FieldPathError, parse
    from kamctl.history.git import GitError, Repo
    from kamctl.history.messages import write_field_log, write_log
    from kamctl.history.snapshot import accounts_folder
    from kamctl.history.timeline import field_history, timeline, versions

    check_format(fmt, ("text", "json"))
    try:
        segments = parse(field) if field is not None else None
    except FieldPathError as exc:
        raise typer.BadParameter(str(exc), param_hint="--field") from None
    cfg = get_config(config)
    language = resolve_lang(lang, cfg)
    try:
        with Repo(Path.cwd()) as repo:
            sha = repo.resolve(rev)
            folder = accounts_folder(repo, cfg)
            if segments is None:
                steps = timeline(repo, sha, folder, account, cfg)
            else:
                found = versions(repo, sha, folder, account)
    except GitError as exc:
        fail(str(exc))
    if segments is None:
        if not steps:
            fail(f"no commit up to {rev} changed an account with id {account!r}", 1)
        write_log(account, steps, fmt, language, sys.stdout)
        return
    if not found:
        fail(f"no commit up to {rev} changed an account with id {account!r}", 1)
    try:
        pinned, field_steps = field_history(found, segments)
    except FieldPathError as exc:
        fail(f"--field: {exc}")
    if not field_steps:
        from kamctl.history.fieldpath import show

        fail(f"no commit up to {rev} set {show(pinned)} of {account!r}", 1)
    write_field_log(account, pinned, field_steps, fmt, language, sys.stdout)
