"""Running the rules: over one file (:func:`evaluate`, :func:`run_rules`) and
over the portfolio (:func:`run_portfolio_rules`).

Which rules run and at which severity is :mod:`kamctl.lint.selection`; inline
suppression is :mod:`kamctl.lint.suppression`. KAM001 (the file is invalid)
cannot be turned off or suppressed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kamctl.diagnostics import Diagnostic, Severity
from kamctl.lint.draft import draft_severity

from . import registry
from .base import RETIRED, Context, Hit, PortfolioContext, Rule, quote, say
from .selection import (
    LintSettingsError,
    Selection,
    check_ids,
    check_settings,
    path_matches,
    selection_for,
)
from .suppression import Suppression, find_suppressions, suppressed

if TYPE_CHECKING:
    from kamctl.account import Account
    from kamctl.config import Config
    from kamctl.yamlsource import Document

__all__ = [
    "LintSettingsError",
    "Selection",
    "check_ids",
    "check_settings",
    "find_suppressions",
    "path_matches",
    "selection_for",
]

# Status of one plan rule for one file, as `status` shows it.
PASS, FAIL, SUPPRESSED, NOT_APPLICABLE, OFF = "pass", "fail", "suppressed", "n/a", "off"


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
    rules: Sequence[Rule] = registry.LINT_RULES,
) -> Outcome:
    """Lint one parsed file with ``rules`` (lint's own by default; the rule
    cases pass others) and judge its suppression comments."""
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
    for rule in rules:
        if rule.meta or rule.scope != "file":
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
            if suppressed(suppressions, rule.id, hit.line):
                state = SUPPRESSED if state == PASS else state
                continue
            state = FAIL
            severity = draft_severity(account, rule.id, selection.severity_of(rule.id, hit))
            out.append(_diagnostic(rule.id, severity, hit, ctx))
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
    """The findings of the file rules ``rule_ids`` on one valid account, for the
    commands that report them (``risk``: RISK1xx, STAGE and the stale contact,
    overdue action and stale plan it shares with lint; ``classify``: KAISM).
    Selection, severities and inline suppression are those of every command
    (:func:`selection_for`), so a finding is the same finding — same code,
    message, severity, suppression — whichever command shows it. Unused
    suppressions (KAM002) are lint's to judge, not reported here. Without
    ``doc`` the positions are 0:0 and suppression is left to
    :func:`kamctl.risk.locate_findings`, which reads the file."""
    selection = selection_for(path, config)
    ctx = Context(path=path, account=account, doc=doc, config=config, as_of=as_of, lang=lang)
    suppressions = find_suppressions(doc) if doc is not None else []
    out: list[Diagnostic] = []
    for rule_id in rule_ids:
        rule = registry.BY_ID[rule_id]
        if ctx.profile not in rule.profiles or rule.id not in selection.enabled:
            continue
        if rule.applies is not None and not rule.applies(ctx):
            continue
        for hit in rule.check(ctx):
            if not suppressed(suppressions, rule.id, hit.line):
                out.append(_diagnostic(rule.id, selection.severity_of(rule.id, hit), hit, ctx))
    return out


def run_portfolio_rules(rule_ids: Iterable[str], ctx: PortfolioContext) -> list[Diagnostic]:
    """The findings of the portfolio rules ``rule_ids``: each selected (and its
    severity set) by the settings for the file it names, or the global ones
    for a finding about the whole portfolio. Inline ``disable-file`` in that
    file is applied where the file is read again (:func:`kamctl.risk.locate_findings`)."""
    out: list[Diagnostic] = []
    selections: dict[str, Selection] = {}
    for rule_id in rule_ids:
        rule = registry.BY_ID[rule_id]
        assert rule.check_all is not None, f"{rule_id} is not a portfolio rule"
        for hit in rule.check_all(ctx):
            path = hit.path or ""
            selection = selections.get(path)
            if selection is None:
                selection = selections[path] = selection_for(path, ctx.config)
            if rule.id not in selection.enabled:
                continue
            severity = selection.severity_of(rule.id, hit)
            out.append(Diagnostic(path, 0, 0, severity, rule.id, hit.message, hit.field, account=hit.account))
    return out


def _unused(s: Suppression, judged: set[str], lang: str) -> str | None:
    messages = registry.BY_ID[registry.UNUSED_SUPPRESSION].messages
    if s.rule_id in RETIRED:
        return say(messages, "retired", lang, kind=s.kind, written=s.written, new=RETIRED[s.rule_id])
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
        message=say(_invalid_messages(), "invalid", lang, detail=d.text(lang)),
        field=d.field,
        source=d.source,
        account=d.account or (account.id if account is not None else None),
    )


# ------------------------------------------------------------------- files


def lint_file(
    path: str, config: Config, as_of: _dt.date, lang: str = "en", rules: Sequence[Rule] = registry.LINT_RULES
) -> Outcome:
    """Read, parse, validate and lint one file with ``rules``; messages in ``lang``."""
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
    return evaluate(path, doc, account, diags, config, as_of, lang, rules)


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
