"""Running a rule's case files: ``cases/ID/``.

A file rule's case is ``pass.yaml``, ``fail.yaml`` and ``fail.expect``; a
portfolio rule's is the folders ``pass/`` and ``fail/`` of account files and
``fail.expect``. An optional ``kamctl.toml`` beside them is the config of
both (else the defaults). ``fail.expect`` lists the expected findings, one a
line: ``line:col CODE`` (file rules) or ``FILE:line:col CODE`` (portfolio
rules; ``-`` for a finding about the whole portfolio), optionally followed
by the severity; ``#`` starts a comment. All cases are judged as of
2026-11-24.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from kamctl.config import Config, load_config
from kamctl.diagnostics import Diagnostic
from kamctl.lint import registry
from kamctl.lint.base import PortfolioContext, Rule
from kamctl.lint.runner import lint_file, run_portfolio_rules

CASES = Path(__file__).parent / "cases"
AS_OF = dt.date(2026, 11, 24)
CASE_IDS = sorted(p.name for p in CASES.iterdir() if p.is_dir())


@dataclass(frozen=True, order=True)
class Expected:
    file: str
    """Portfolio cases: the file's name, ``-`` for the portfolio; file cases: ``""``."""
    line: int
    column: int
    code: str
    severity: str | None = None


def config_of(rule_id: str) -> Config:
    toml = CASES / rule_id / "kamctl.toml"
    return load_config(toml, search=False) if toml.exists() else Config()


def expected(rule_id: str) -> list[Expected]:
    path = CASES / rule_id / "fail.expect"
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"(?:(\S+):)?(\d+):(\d+)\s+([A-Z]+\d+)(?:\s+(error|warning|info))?", line)
        assert m, f"{path}: bad line {raw!r}"
        out.append(Expected(m.group(1) or "", int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)))
    return sorted(out)


def run_case(rule: Rule, case: str, lang: str = "en", config: Config | None = None) -> list[Diagnostic]:
    """The findings of every rule of ``rule``'s scope on its ``case`` (pass or fail):
    lint's own rules for a KAM case, every file rule for the others."""
    config = config or config_of(rule.id)
    if rule.scope == "portfolio":
        return _portfolio(rule, CASES / rule.id / case, config, lang)
    rules = registry.LINT_RULES if rule.family == "KAM" else registry.FILE_RULES
    return lint_file(str(CASES / rule.id / f"{case}.yaml"), config, AS_OF, lang, rules).diagnostics


def _portfolio(rule: Rule, folder: Path, config: Config, lang: str) -> list[Diagnostic]:
    from kamctl.loader import load_accounts

    files, problems = load_accounts(sorted(str(p) for p in folder.glob("*.yaml")), config)
    assert not problems
    loaded = [(f.path, f.account) for f in files]
    assert all(a is not None for _, a in loaded), [f.diagnostics for f in files]
    accounts = [a for _, a in loaded if a is not None]
    paths = {a.id: p for p, a in loaded if a is not None}
    ctx = PortfolioContext(accounts, config, paths, None, lang)
    return run_portfolio_rules([r.id for r in registry.PORTFOLIO_RULES], ctx)


def found(rule: Rule, case: str, codes: set[str], with_severity: bool) -> list[Expected]:
    out = []
    for d in run_case(rule, case):
        if d.code not in codes:
            continue
        file = ("-" if not d.path else Path(d.path).name) if rule.scope == "portfolio" else ""
        out.append(Expected(file, d.line, d.column, d.code, d.severity.value if with_severity else None))
    return sorted(out)
