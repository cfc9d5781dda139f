"""Running the rules over one file: selection, severities, suppression.

Order of decisions for a finding of rule R in file F:

1. R runs only if it applies to F's profile (``PROFILES``) and is selected:
   ``[lint] select`` (empty: all; an entry may be a prefix such as ``KAM1``)
   minus ``[lint] ignore``; then every ``[lint.per_path."GLOB"]`` table whose
   glob matches F, in config order: its ``select`` replaces the selection, its
   ``ignore`` adds to the ignored, its ``severity`` overrides.
2. A finding on a line with ``# kamctl: disable=R`` (or below a line with
   ``# kamctl: disable-next-line=R``, or anywhere in a file with
   ``# kamctl: disable-file=R``) is suppressed. A suppression that suppresses
   nothing is itself a finding (KAM002).
3. The severity is ``[lint] severity`` (then per-path) or the rule's default.

KAM001 (the file is invalid) cannot be turned off or suppressed.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kamctl.diagnostics import Diagnostic, Severity

from . import registry
from .base import Context, Hit, quote, say

if TYPE_CHECKING:
    from kamctl.account import Account
    from kamctl.config import Config, LintConfig
    from kamctl.yamlsource import Document

PER_PATH_KEYS = ("select", "ignore", "severity")

# Status of one plan rule for one file, as `status` shows it.
PASS, FAIL, SUPPRESSED, NOT_APPLICABLE, OFF = "pass", "fail", "suppressed", "n/a", "off"


class LintSettingsError(Exception):
    """``[lint]`` names a rule or severity that does not exist."""


# ------------------------------------------------------------------ selection


@dataclass(frozen=True)
class Selection:
    enabled: frozenset[str]
    severity: dict[str, Severity]

    def severity_of(self, rule_id: str) -> Severity:
        return self.severity.get(rule_id) or registry.BY_ID[rule_id].severity


def _expand(patterns: Iterable[str], where: str) -> set[str]:
    out: set[str] = set()
    for raw in patterns:
        pattern = str(raw).strip().upper()
        found = {r.id for r in registry.RULES if pattern and r.id.startswith(pattern)}
        if not found:
            raise LintSettingsError(f"{where}: no rule matches {raw!r} (see 'kamctl rules')")
        out |= found
    return out


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
    cfg = config.lint
    selected = _expand(cfg.select, "[lint] select") if cfg.select else {r.id for r in registry.RULES}
    ignored = _expand(cfg.ignore, "[lint] ignore")
    severity = _severities(cfg.severity, "[lint] severity")
    root = config.source.parent if config.source else None
    for glob, table in cfg.per_path.items():
        if not path_matches(glob, path, root):
            continue
        where = f'[lint.per_path."{glob}"]'
        if "select" in table:
            selected = _expand(_list(table["select"], where), where)
        if "ignore" in table:
            ignored |= _expand(_list(table["ignore"], where), where)
        if "severity" in table:
            severity.update(_severities(table["severity"], where))
    enabled = (selected - ignored) | {registry.INVALID}
    severity.pop(registry.INVALID, None)
    return Selection(frozenset(enabled), severity)


# ---------------------------------------------------------------- suppression

# Ids are separated by commas; text after the last id (a space, then anything)
# is the reason and is ignored. A token that is no rule id ("all") is reported.
_DIRECTIVE = re.compile(
    r"#\s*kamctl:\s*(?P<kind>disable-next-line|disable-file|disable)\s*=\s*"
    r"(?P<ids>[^\s,]+(?:\s*,\s*[^\s,]+)*)"
)
_ID = re.compile(r"[^\s,]+")


@dataclass
class Suppression:
    line: int
    """The line of the comment."""
    column: int
    """Column of the rule id in the comment (where KAM002 points)."""
    kind: str
    rule_id: str
    """As written, upper-cased (ids are case-insensitive)."""
    written: str = ""
    used: bool = False

    def covers(self, line: int) -> bool:
        if self.kind == "disable-file":
            return True
        if self.kind == "disable-next-line":
            return line == self.line + 1
        return line == self.line


def find_suppressions(doc: Document) -> list[Suppression]:
    """Suppression comments in ``doc``; text that only looks like one inside a
    quoted or block scalar is not a comment and is skipped."""
    found: list[Suppression] = []
    for number, line in enumerate(doc.text.splitlines(), 1):
        if "kamctl:" not in line:
            continue
        for m in _DIRECTIVE.finditer(line):
            start = m.start()
            if start > 0 and not line[start - 1].isspace():
                continue  # YAML: a comment starts at '#' after whitespace
            if _inside_scalar(doc.root, number - 1, start):
                continue
            for idm in _ID.finditer(m.group("ids")):
                found.append(
                    Suppression(
                        line=number,
                        column=m.start("ids") + idm.start() + 1,
                        kind=m.group("kind"),
                        rule_id=idm.group().upper(),
                        written=idm.group(),
                    )
                )
    return found


def _inside_scalar(node: Any, line: int, column: int) -> bool:
    """Is 0-based (line, column) inside a scalar's text (so not a comment)?"""
    start, end = node.start_mark, node.end_mark
    if (line, column) < (start.line, start.column) or (line, column) >= (end.line, end.column):
        return False
    if node.id == "scalar":
        return True
    children = node.value if node.id == "sequence" else [n for pair in node.value for n in pair]
    return any(_inside_scalar(child, line, column) for child in children)


# --------------------------------------------------------------------- running


@dataclass(frozen=True)
class PlanFacts:
    """The few facts of a valid plan that ``status`` shows besides the checks."""

    id: str
    name: str
    profile: str
    reviewed: _dt.date | None
    key_contact: _dt.date | None
    """Latest ``last_contact`` with a decision maker or a high-influence person."""
    coverage: int
    """0 no contacts, 1 no decision maker, 2 none supportive, 3 a supportive decision maker."""


def plan_facts(account: Account) -> PlanFacts:
    from kamctl.account import DmuRole, Level

    people = account.stakeholders
    key_dates = [
        p.last_contact
        for p in people
        if p.last_contact is not None and (p.role is DmuRole.decision_maker or p.influence is Level.high)
    ]
    deciders = [p for p in people if p.role is DmuRole.decision_maker]
    if not people:
        coverage = 0
    elif not deciders:
        coverage = 1
    elif not any(p.stance is not None and p.stance >= 1 for p in deciders):
        coverage = 2
    else:
        coverage = 3
    return PlanFacts(
        id=account.id,
        name=account.name,
        profile=account.profile.value,
        reviewed=account.review.reviewed if account.review else None,
        key_contact=max(key_dates, default=None),
        coverage=coverage,
    )


@dataclass
class Outcome:
    """What lint found in one file, and which plan checks passed (for status)."""

    path: str
    account: Account | None
    """The plan; not carried across processes (``--jobs``): pickling a model
    costs about as much as parsing the file. Use :attr:`facts` there."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    checks: dict[str, str] = field(default_factory=dict)
    """Plan rule id → pass, fail, suppressed, n/a (profile) or off (config)."""
    facts: PlanFacts | None = None
    """Set for a valid plan."""

    @property
    def valid(self) -> bool:
        return self.facts is not None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "account": None}


def evaluate(
    path: str,
    doc: Document | None,
    account: Account | None,
    diagnostics: list[Diagnostic],
    config: Config,
    as_of: _dt.date,
    lang: str = "en",
) -> Outcome:
    selection = selection_for(path, config)
    errors = [d for d in diagnostics if d.severity is Severity.error]
    if account is None or errors:
        if not errors:  # a caller with no model and no reason why
            errors = [Diagnostic(path, 0, 0, Severity.error, "schema", "not a valid account file")]
            diagnostics = [*diagnostics, *errors]
        return Outcome(path, None, [_invalid(d, account, lang) for d in diagnostics])
    ctx = Context(path=path, account=account, doc=doc, config=config, as_of=as_of, lang=lang)
    suppressions = find_suppressions(doc) if doc is not None else []
    out: list[Diagnostic] = list(diagnostics)
    checks: dict[str, str] = {}
    judged: set[str] = set()
    for rule in registry.RULES:
        if rule.meta:
            continue
        if ctx.profile not in rule.profiles or (rule.applies is not None and not rule.applies(ctx)):
            checks[rule.id] = NOT_APPLICABLE
            continue
        if rule.id not in selection.enabled:
            checks[rule.id] = OFF
            continue
        judged.add(rule.id)
        state = PASS
        for hit in rule.check(ctx):
            if _suppress(suppressions, rule.id, hit):
                state = SUPPRESSED if state == PASS else state
                continue
            state = FAIL
            out.append(_diagnostic(rule.id, selection.severity_of(rule.id), hit, ctx))
        checks[rule.id] = state
    if registry.UNUSED_SUPPRESSION in selection.enabled:
        for s in suppressions:
            problem = _unused(s, judged, lang)
            if problem:
                hit = Hit(s.line, s.column, problem)
                sev = selection.severity_of(registry.UNUSED_SUPPRESSION)
                out.append(_diagnostic(registry.UNUSED_SUPPRESSION, sev, hit, ctx))
    out.sort(key=Diagnostic.sort_key)
    return Outcome(path, account, out, checks, plan_facts(account))


def lint_document(
    path: str,
    doc: Document | None,
    account: Account | None,
    diagnostics: list[Diagnostic],
    config: Config,
    as_of: _dt.date,
    lang: str = "en",
) -> list[Diagnostic]:
    """Lint one parsed file. ``diagnostics`` are the loader's for it: any error
    makes the file invalid, reported as KAM001 findings and nothing else.
    Without ``doc`` the rules still run, but positions are 0:0 and inline
    suppressions are not seen. Messages are in ``lang`` (``en`` or ``nb``)."""
    return evaluate(path, doc, account, diagnostics, config, as_of, lang).diagnostics


def run_rules(
    rule_ids: Iterable[str],
    path: str,
    doc: Document | None,
    account: Account,
    config: Config,
    as_of: _dt.date,
    lang: str = "en",
) -> list[Diagnostic]:
    """The findings of the plan rules ``rule_ids`` on one valid account, for a
    command other than lint that reports them too (``risk``: stale contact,
    overdue action, stale plan). Selection, severities and inline suppression
    are lint's (:func:`selection_for`), so a finding is the same finding —
    same code, message, severity, suppression — whichever command shows it.
    Unused suppressions (KAM002) are lint's to judge, not reported here."""
    selection = selection_for(path, config)
    ctx = Context(path=path, account=account, doc=doc, config=config, as_of=as_of, lang=lang)
    suppressions = find_suppressions(doc) if doc is not None else []
    out: list[Diagnostic] = []
    for rule_id in rule_ids:
        rule = registry.BY_ID[rule_id]
        if ctx.profile not in rule.profiles or rule.id not in selection.enabled:
            continue
        for hit in rule.check(ctx):
            if not _suppress(suppressions, rule.id, hit):
                out.append(_diagnostic(rule.id, selection.severity_of(rule.id), hit, ctx))
    return out


def _suppress(suppressions: list[Suppression], rule_id: str, hit: Hit) -> bool:
    hit_any = False
    for s in suppressions:
        if s.rule_id == rule_id and s.covers(hit.line):
            s.used = True
            hit_any = True
    return hit_any


def _unused(s: Suppression, judged: set[str], lang: str) -> str | None:
    messages = registry.BY_ID[registry.UNUSED_SUPPRESSION].messages
    if s.rule_id not in registry.BY_ID:
        return say(messages, "no_rule", lang, kind=s.kind, written=s.written, quoted=quote(s.written, lang))
    if s.rule_id == registry.INVALID:
        return say(messages, "cannot", lang, kind=s.kind, rule=s.rule_id)
    # A rule that did not run (other profile, turned off for this path) cannot
    # show the comment is stale, so it is left alone.
    if s.used or s.rule_id not in judged:
        return None
    return say(messages, "unused", lang, kind=s.kind, rule=s.rule_id)


def _invalid_messages() -> Any:
    return registry.BY_ID[registry.INVALID].messages


def _diagnostic(rule_id: str, severity: Severity, hit: Hit, ctx: Context) -> Diagnostic:
    return Diagnostic(
        path=ctx.path,
        line=hit.line,
        column=hit.column,
        severity=severity,
        code=rule_id,
        message=hit.message,
        field=hit.field,
        source=ctx.doc.source_line(hit.line)
        if ctx.doc is not None and hit.line > 0 and not hit.absent
        else None,
        account=ctx.account.id,
    )


def _invalid(d: Diagnostic, account: Account | None, lang: str = "en") -> Diagnostic:
    if d.severity is not Severity.error:
        return d
    return Diagnostic(
        path=d.path,
        line=d.line,
        column=d.column,
        severity=Severity.error,
        code=registry.INVALID,
        message=say(_invalid_messages(), "invalid", lang, detail=d.message),
        field=d.field,
        source=d.source,
        account=d.account or (account.id if account is not None else None),
    )


# ------------------------------------------------------------------- files


def lint_file(path: str, config: Config, as_of: _dt.date, lang: str = "en") -> Outcome:
    """Read, parse, validate and lint one file; messages in ``lang``."""
    from kamctl.account import Account
    from kamctl.loader import read_file
    from kamctl.validation import validate
    from kamctl.yamlsource import YamlProblem, decode, parse

    raw, problem = read_file(path, config.max_file_size)
    if problem is not None:
        return evaluate(path, None, None, [problem], config, as_of, lang)
    assert raw is not None
    try:
        doc = parse(decode(raw))
    except YamlProblem as exc:
        lines = raw.decode("utf-8", "replace").splitlines()
        src = lines[exc.line - 1] if 0 < exc.line <= len(lines) else None
        d = Diagnostic(path, exc.line, exc.column, Severity.error, "yaml", exc.message, source=src)
        return evaluate(path, None, None, [d], config, as_of, lang)
    if not isinstance(doc.data, dict):
        line, col = doc.locate(())
        d = Diagnostic(
            path,
            line,
            col,
            Severity.error,
            "schema",
            "the file is not a mapping of 'key: value' lines starting with 'id:' and 'name:'",
            source=doc.source_line(line),
        )
        return evaluate(path, doc, None, [d], config, as_of, lang)
    account, diags = validate(Account, doc, path)
    return evaluate(path, doc, account, diags, config, as_of, lang)


def _lint_one(args: tuple[str, Config, _dt.date, str]) -> Outcome:
    return lint_file(*args)


def lint_paths(
    paths: list[str], config: Config, as_of: _dt.date, *, jobs: int | None = None, lang: str = "en"
) -> tuple[int, list[Outcome], list[Diagnostic]]:
    """Lint every account file named by ``paths``: (files, outcomes, path problems).

    Path problems (no such file, symlink out of the tree) and duplicate
    account ids are KAM001 findings like any other invalid file.
    """
    from kamctl.loader import _map, discover

    files, problems = discover(paths, config.accounts_dir)
    outcomes: list[Outcome] = _map(_lint_one, [(f, config, as_of, lang) for f in files], jobs)
    first_seen: dict[str, str] = {}
    for o in outcomes:
        if o.facts is None:
            continue
        other = first_seen.setdefault(o.facts.id, o.path)
        if other != o.path:
            d = Diagnostic(
                o.path,
                1,
                1,
                Severity.error,
                registry.INVALID,
                say(_invalid_messages(), "duplicate_id", lang, id=quote(o.facts.id, lang), other=other),
                account=o.facts.id,
            )
            o.diagnostics = [d]
            o.checks = {}
            o.account = None
            o.facts = None
    invalid_paths = [_invalid(p, None, lang) for p in problems]
    return len(files) + len({p.path for p in problems}), outcomes, invalid_paths
