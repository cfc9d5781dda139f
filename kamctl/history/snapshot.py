"""The portfolio as it was at one revision (or as it is in the work tree).

A revision is read from git objects with that revision's own config; every
blob goes through the loader's bytes-level check (``check_account``), so an
old file that is invalid today gets the same located diagnostics as a file on
disk, its path written ``REV:path`` the way git names it. Parsed blobs are
kept by blob id: a blob id names its bytes, so a file unchanged between two
revisions (or across renames) is parsed once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..account import Account
from ..config import Config, ConfigError, parse_config
from ..diagnostics import Diagnostic, Severity
from ..loader import SUFFIXES, IdAt, check_account, discover, read_file
from .git import GitError, Repo

Parsed = tuple[Account | None, list[Diagnostic], IdAt | None]
_PARSED: dict[str, Parsed] = {}
"""Blob id → what the loader made of the blob (diagnostics with a neutral path)."""


@dataclass
class Entry:
    path: str
    """From the repository root, with '/' (as git writes it)."""
    account: Account


@dataclass
class Snapshot:
    label: str
    """How the user named it: ``HEAD~2``, ``2026-03-01``, or ``working tree``."""
    commit: str | None
    config: Config
    accounts: dict[str, Entry] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)
    """Ids of files that name an id but do not validate (not "removed": unknown)."""


def parse_blob(repo: Repo, blob: str, shown_as: str) -> Parsed:
    """The blob as an Account, its diagnostics naming ``shown_as``; parsed once per blob id."""
    hit = _PARSED.get(blob)
    if hit is None:
        hit = check_account("\0", repo.read(blob))
        _PARSED[blob] = hit
    account, diags, id_at = hit
    return account, [_renamed(d, shown_as) for d in diags], id_at


def _renamed(d: Diagnostic, path: str) -> Diagnostic:
    return replace(d, path=path)


def config_path(repo: Repo, current: Config) -> str:
    """Where the config lives, from the repository root ('' when there is none)."""
    if current.source is None:
        return ""
    return Path(os.path.relpath(current.source.resolve(), repo.root)).as_posix()


def revision_config(repo: Repo, label: str, sha: str, current: Config, same_config: bool = False) -> Config:
    """The config as it was at commit ``sha`` (today's with ``same_config``, or when there is none).

    Its folders are where they would be in the work tree, so ``accounts_dir``
    names the folder of the revision's tree to read."""
    cfg_rel = config_path(repo, current)
    if same_config or not cfg_rel:
        return current
    blob = repo.blob_at(sha, cfg_rel)
    if blob is None:
        raise GitError(
            f"{cfg_rel} is not in revision {label} (the config was added or moved later); "
            "read it with today's config with --same-config"
        )
    try:
        text = repo.read(blob).decode("utf-8")
    except UnicodeDecodeError:
        raise GitError(f"{label}:{cfg_rel} is not UTF-8 text") from None
    try:
        cfg = parse_config(text, repo.root / cfg_rel)
    except ConfigError as exc:
        d = exc.diagnostics[0]
        raise GitError(f"{label}:{cfg_rel}:{d.line}:{d.column}: {d.message}") from None
    return cfg


def at_revision(repo: Repo, label: str, sha: str, current: Config, same_config: bool = False) -> Snapshot:
    """The portfolio at commit ``sha``, with its own config unless ``same_config``."""
    cfg = revision_config(repo, label, sha, current, same_config)
    folder = _folder(repo, config_path(repo, current), cfg)
    snap = Snapshot(label, sha, cfg)
    for path, blob in sorted(repo.tree(sha, folder).items()):
        if not path.endswith(SUFFIXES) or any(p.startswith(".") for p in path.split("/")):
            continue
        account, diags, id_at = parse_blob(repo, blob, f"{label}:{path}")
        _add(snap, path, account, diags, id_at)
    return snap


def _folder(repo: Repo, cfg_rel: str, cfg: Config) -> str:
    base = Path(cfg_rel).parent if cfg_rel else Path(os.path.relpath(Path.cwd().resolve(), repo.root))
    return os.path.normpath(base / cfg.accounts).replace(os.sep, "/")


def accounts_folder(repo: Repo, current: Config) -> str:
    """Today's accounts folder, from the repository root."""
    return _folder(repo, config_path(repo, current), current)


def working_tree(repo: Repo, current: Config) -> Snapshot:
    """The portfolio on disk, as ``kamctl validate`` would read it."""
    snap = Snapshot("working tree", None, current)
    files, problems = discover([], current.accounts_dir)
    snap.diagnostics.extend(problems)
    for file in files:
        raw, problem = read_file(file, current.max_file_size)
        if problem is not None:
            snap.diagnostics.append(problem)
            continue
        assert raw is not None
        rel = Path(os.path.relpath(Path(file).resolve(), repo.root)).as_posix()
        account, diags, id_at = check_account(file, raw)
        _add(snap, rel, account, diags, id_at)
    return snap


def _add(
    snap: Snapshot, path: str, account: Account | None, diags: list[Diagnostic], id_at: IdAt | None
) -> None:
    snap.diagnostics.extend(diags)
    if account is None:
        if id_at is not None:
            snap.unreadable.add(id_at[0])
        return
    if account.id in snap.accounts:
        other = snap.accounts[account.id].path
        snap.diagnostics.append(
            Diagnostic(
                path=f"{snap.label}:{path}" if snap.commit else path,
                line=1,
                column=1,
                severity=Severity.error,
                code="schema",
                message=f"duplicate account id {account.id!r}: {other} already uses it",
            )
        )
        return
    snap.accounts[account.id] = Entry(path, account)
