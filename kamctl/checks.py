"""Which checks each command reports, all run through the one rule registry.

Every finding kamctl makes is a rule in :mod:`kamctl.lint.registry`; this
module only names the sets the commands and the documents report and runs
them, so the selection, severities, per-path settings and inline suppression
of ``[lint]`` apply to every code wherever it appears:

- ``risk``: :func:`account_risks` (RISK1xx and the stale contact, overdue
  action and stale plan it shares with lint), :func:`stage_findings`
  (STAGE1xx) and :func:`portfolio_findings` (RISK00x, the concentration);
- ``classify``: :func:`kaism_findings` (KAISM1xx) and
  :func:`portfolio_checks` (PORT1xx);
- ``lint``: :func:`kamctl.lint.lint_document` (KAM).

Findings made without the file's node tree (after loading) are located, and
their suppression comments applied, by :func:`locate_findings`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic
from .lint import registry
from .lint.base import SHARED_WITH_RISK, PortfolioContext, rule_position
from .lint.runner import run_portfolio_rules, run_rules
from .lint.suppression import find_suppressions, suppressed

if TYPE_CHECKING:
    from .account import Account
    from .config import Config
    from .risk import PortfolioRisk
    from .yamlsource import Document

SHARED_RULES = SHARED_WITH_RISK
"""Lint rules that are also account risks (:data:`kamctl.lint.base.SHARED_WITH_RISK`)."""

_RISK = tuple(r for r in registry.family("RISK") if registry.BY_ID[r].scope == "file")
RISK_RULES: tuple[str, ...] = (*(r for r in _RISK if r != "RISK160"), *SHARED_RULES, "RISK160")
"""What :func:`account_risks` runs, in the order the findings are listed."""
STAGE_RULES = registry.family("STAGE")
KAISM_RULES = registry.family("KAISM")
CONCENTRATION_RULES = tuple(r for r in registry.family("RISK") if registry.BY_ID[r].scope == "portfolio")
PORT_RULES = registry.family("PORT")

YEAR_DEPENDENT = frozenset({"RISK160", "STAGE107"})
"""Findings that depend on the fiscal year analysed (the rest depend on the file and as_of only)."""


def account_risks(
    account: Account,
    config: Config,
    as_of: _dt.date,
    path: str = "",
    doc: Document | None = None,
    lang: str = "en",
) -> list[Diagnostic]:
    """Every account-level risk of DOMAIN §7 found in ``account`` as of ``as_of``;
    messages in ``lang`` (en or nb)."""
    return run_rules(RISK_RULES, path, doc, account, config, as_of, lang)


def stage_findings(
    account: Account,
    config: Config,
    path: str = "",
    doc: Document | None = None,
    lang: str = "en",
    as_of: _dt.date | None = None,
) -> list[Diagnostic]:
    """The stated stage against the evidence in the plan (DOMAIN §4, STAGE1xx).
    No STAGE rule depends on the date; ``as_of`` only completes the context."""
    return run_rules(STAGE_RULES, path, doc, account, config, as_of or _dt.date.today(), lang)


def kaism_findings(
    account: Account, config: Config, path: str = "", doc: Document | None = None, lang: str = "en"
) -> list[Diagnostic]:
    """Why an account is unclassified or classified on part of its criteria (KAISM1xx)."""
    return run_rules(KAISM_RULES, path, doc, account, config, _dt.date.today(), lang)


def account_findings(
    path: str, account: Account, doc: Document, *, config: Config, as_of: _dt.date, lang: str = "en"
) -> list[Diagnostic]:
    """Every account-level finding of ``kamctl risk``: risks and stage checks, located.

    Shaped for ``load_accounts(per_file=functools.partial(account_findings, config=..., as_of=...))``,
    so the findings are made in the worker that parsed the file.
    """
    return run_rules((*RISK_RULES, *STAGE_RULES), path, doc, account, config, as_of, lang)


def portfolio_findings(
    pr: PortfolioRisk, config: Config, paths: dict[str, str] | None = None, lang: str = "en"
) -> list[Diagnostic]:
    """The portfolio's concentration as findings (``RISK00x``), pointing at the account files."""
    ctx = PortfolioContext((), config, paths or {}, pr, lang)
    return run_portfolio_rules(CONCENTRATION_RULES, ctx)


def portfolio_checks(
    accounts: Sequence[Account], config: Config, paths: dict[str, str] | None = None, lang: str = "en"
) -> list[Diagnostic]:
    """Findings about the portfolio as a whole (codes ``PORT1xx``), in ``lang``.

    ``paths`` maps account id → file, so a finding about an account points at it.
    """
    return run_portfolio_rules(PORT_RULES, PortfolioContext(accounts, config, paths or {}, None, lang))


# ------------------------------------------------------------------ locating


def parse_field_path(text: str | None) -> tuple[int | str, ...]:
    """'stakeholders[2].stance' → ('stakeholders', 2, 'stance'); the inverse of field_path."""
    if not text:
        return ()
    out: list[int | str] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", text):
        out.append(int(index) if index else name)
    return tuple(out)


Located = tuple[int, int, str, bool]
"""(line, column, source line, suppressed) of one finding."""


def _locate_file(item: tuple[str, int, bool, list[tuple[str, str | None]]]) -> list[Located | None]:
    import yaml

    from .loader import read_file
    from .yamlsource import Document

    path, max_size, locate, findings = item
    raw, problem = read_file(path, max_size)
    if raw is None or problem is not None:
        return [None] * len(findings)
    # Positions need only the node tree: compose with libyaml and skip
    # construction. The file was validated moments ago, so the guards of the
    # full parse (alias bombs, depth) have done their work.
    try:
        text = raw.decode("utf-8-sig")
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (UnicodeDecodeError, yaml.YAMLError):
        return [None] * len(findings)
    if root is None:
        return [None] * len(findings)
    doc = Document(None, root, text)
    suppressions = find_suppressions(doc)
    out: list[Located | None] = []
    for code, f in findings:
        line, col, source = 0, 0, ""
        if locate and f is not None:
            rule = registry.BY_ID.get(code)
            if rule is not None and rule.at_key:  # a lint rule's finding points at the key
                line, col, absent = rule_position(doc, parse_field_path(f))
                source = "" if absent else doc.source_line(line)
            else:
                line, col = doc.locate(parse_field_path(f))
                source = doc.source_line(line)
        out.append((line, col, source, suppressed(suppressions, code, line)))
    return out


def locate_findings(
    findings: Sequence[Diagnostic], max_size: int, *, jobs: int | None = None, locate: bool = True
) -> list[Diagnostic]:
    """Locate findings made without a Document, and drop those an inline
    comment in their file suppresses.

    For findings computed after loading (the models keep no positions): line,
    column and source are filled in from the field, and ``# kamctl:
    disable…`` comments are applied as they would have been during the load
    (a finding about the whole file, line 0, only by ``disable-file``). Only
    the files that have such findings are read again; where many files have
    findings, compute them during the load instead (:func:`account_findings`
    with ``load_accounts(per_file=...)``), while the node tree is at hand.
    With ``locate=False`` only the suppression is applied (the portfolio
    findings, which are about a whole file).
    """
    from .loader import _map

    todo: dict[str, list[int]] = {}
    for i, d in enumerate(findings):
        if d.path and d.account is not None and d.line == 0:
            todo.setdefault(d.path, []).append(i)
    if not todo:
        return list(findings)
    items = [
        (path, max_size, locate, [(findings[i].code, findings[i].field) for i in idx])
        for path, idx in todo.items()
    ]
    located = _map(_locate_file, items, jobs)
    out: list[Diagnostic | None] = list(findings)
    for (_path, idx), positions in zip(todo.items(), located, strict=True):
        for i, pos in zip(idx, positions, strict=True):
            if pos is None:
                continue
            line, col, source, hidden = pos
            d = findings[i]
            if hidden:
                out[i] = None
            elif locate and d.field is not None:
                out[i] = dataclasses.replace(d, line=line, column=col, source=source or None)
    return [d for d in out if d is not None]
