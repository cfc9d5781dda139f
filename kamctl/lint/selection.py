"""Which rules run on a file, and at which severity: ``[lint]`` in the config.

The settings govern every rule of the registry — KAM, RISK, STAGE, KAISM and
PORT — in every command that reports it. For a finding of rule R in file F:

1. R runs if it is selected: ``[lint] select`` (empty: all; an entry may be a
   prefix such as ``KAM1``) minus ``[lint] ignore``; then every
   ``[lint.per_path."GLOB"]`` table whose glob matches F, in config order: its
   ``select`` replaces the selection, its ``ignore`` adds to the ignored, its
   ``severity`` overrides. A ``select`` narrows only the families it names:
   ``select = ["KAM1"]`` keeps RISK, STAGE, KAISM and PORT as they are (a
   lint setting written before they were rules must not silence ``risk``).
2. The severity is ``[lint] severity`` (then per-path), else the finding's
   own grade (RISK101, RISK003), else the rule's default.

KAM001 (the file is invalid) cannot be turned off or downgraded.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kamctl.diagnostics import Severity

from . import registry
from .base import RETIRED

if TYPE_CHECKING:
    from kamctl.config import Config, LintConfig

    from .base import Hit

PER_PATH_KEYS = ("select", "ignore", "severity")


class LintSettingsError(Exception):
    """``[lint]`` names a rule or severity that does not exist."""


@dataclass(frozen=True)
class Selection:
    enabled: frozenset[str]
    severity: dict[str, Severity]

    def severity_of(self, rule_id: str, hit: Hit | None = None) -> Severity:
        configured = self.severity.get(rule_id)
        if configured is not None:
            return configured
        if hit is not None and hit.severity is not None:
            return hit.severity
        return registry.BY_ID[rule_id].severity


def retired_message(code: str) -> str | None:
    """``RISK150 is retired; use KAM111`` for a retired code, else None."""
    new = RETIRED.get(code.strip().upper())
    return f"{code.strip().upper()} is retired; use {new} (one check, one code)" if new else None


def _expand(patterns: Iterable[str], where: str) -> set[str]:
    out: set[str] = set()
    for raw in patterns:
        pattern = str(raw).strip().upper()
        found = {r.id for r in registry.RULES if pattern and r.id.startswith(pattern)}
        if not found:
            retired = retired_message(pattern)
            if retired:
                raise LintSettingsError(f"{where}: {retired}")
            raise LintSettingsError(f"{where}: no rule matches {raw!r} (see 'kamctl rules')")
        out |= found
    return out


def _narrowed(selected: set[str]) -> set[str]:
    """``selected`` plus every rule of the families it does not name."""
    named = {registry.BY_ID[i].family for i in selected}
    return selected | {r.id for r in registry.RULES if r.family not in named}


def _severities(mapping: Any, where: str) -> dict[str, Severity]:
    if not isinstance(mapping, dict):
        raise LintSettingsError(f'{where}: must be a table of rule id = "error"|"warning"|"info"')
    out: dict[str, Severity] = {}
    for rule_id, value in mapping.items():
        try:
            sev = Severity(str(value))
        except ValueError:
            raise LintSettingsError(
                f"{where}.{rule_id}: {value!r} is not a severity; use error, warning or info"
            ) from None
        for rid in _expand([rule_id], where):
            out[rid] = sev
    return out


def _list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise LintSettingsError(f"{where}: must be a list of rule ids")
    return [str(v) for v in value]


def check_settings(cfg: LintConfig) -> None:
    """Raise :class:`LintSettingsError` for the first unusable entry in ``[lint]``."""
    _expand(cfg.select, "[lint] select")
    _expand(cfg.ignore, "[lint] ignore")
    _severities(cfg.severity, "[lint] severity")
    _not_invalid(cfg.ignore, "[lint] ignore")
    _not_invalid(cfg.severity, "[lint] severity")
    for glob, table in cfg.per_path.items():
        where = f'[lint.per_path."{glob}"]'
        if not isinstance(table, dict):
            raise LintSettingsError(f"{where}: must be a table with select, ignore and/or severity")
        for key, value in table.items():
            if key not in PER_PATH_KEYS:
                raise LintSettingsError(f"{where}: unknown key {key!r}; use {', '.join(PER_PATH_KEYS)}")
            if key == "severity":
                _severities(value, f"{where} severity")
                _not_invalid(value, f"{where} severity")
            else:
                _expand(_list(value, f"{where} {key}"), f"{where} {key}")
                if key == "ignore":
                    _not_invalid(_list(value, where), f"{where} ignore")


def check_ids(ids: list[str], where: str, *, ignoring: bool = False) -> None:
    """Raise :class:`LintSettingsError` unless every id or prefix names a rule
    (and, for an ignore list, none is KAM001)."""
    _expand(ids, where)
    if ignoring:
        _not_invalid(ids, where)


def _not_invalid(ids: Iterable[str], where: str) -> None:
    # A prefix such as "KAM0" may cover KAM001 (it is then left alone); naming
    # it is a mistake worth saying: an invalid file is always an error.
    if any(str(i).strip().upper() == registry.INVALID for i in ids):
        raise LintSettingsError(
            f"{where}: {registry.INVALID} (invalid file) cannot be ignored or downgraded; "
            "an account file that does not validate is always an error"
        )


def path_matches(glob: str, path: str, root: Path | None) -> bool:
    """Does ``glob`` match ``path`` as given, or relative to the config's folder?

    ``*`` matches across folders (fnmatch), so ``accounts/*.yaml`` and
    ``*light*.yaml`` both work; a leading ``**/`` also matches at the top.
    """
    from kamctl.loader import tree_path

    path = tree_path(path)  # a file of a git revision (--rev) matches as its work-tree path
    candidates = {PurePosixPath(Path(path).as_posix()).as_posix()}
    if root is not None:
        try:
            candidates.add(Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix())
        except ValueError:
            pass
    globs = {glob}
    if glob.startswith("**/"):
        globs.add(glob[3:])
    return any(fnmatch.fnmatchcase(c, g) for c in candidates for g in globs)


def selection_for(path: str, config: Config) -> Selection:
    """The rules enabled for ``path`` and their severities. ``""`` (a finding
    about the whole portfolio) gets the global settings only."""
    cfg = config.lint
    selected = (
        _narrowed(_expand(cfg.select, "[lint] select")) if cfg.select else {r.id for r in registry.RULES}
    )
    ignored = _expand(cfg.ignore, "[lint] ignore")
    severity = _severities(cfg.severity, "[lint] severity")
    root = config.source.parent if config.source else None
    for glob, table in cfg.per_path.items():
        if not path or not path_matches(glob, path, root):
            continue
        where = f'[lint.per_path."{glob}"]'
        if "select" in table:
            selected = _narrowed(_expand(_list(table["select"], where), where))
        if "ignore" in table:
            ignored |= _expand(_list(table["ignore"], where), where)
        if "severity" in table:
            severity.update(_severities(table["severity"], where))
    enabled = (selected - ignored) | {registry.INVALID}
    severity.pop(registry.INVALID, None)
    return Selection(frozenset(enabled), severity)
