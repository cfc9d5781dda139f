"""SARIF 2.1.0 for GitHub code scanning (``--format sarif``).

What GitHub needs to show an alert on the right line of a pull request, and
what this module therefore writes:

- **Paths relative to the repository root.** Code scanning matches
  ``artifactLocation.uri`` against the files of the checkout, so a path
  relative to the working folder breaks as soon as kamctl runs in a
  subfolder (``cd plans && kamctl lint``). Every URI is relative to the root
  ``git rev-parse --show-toplevel`` names, with ``uriBaseId: "%SRCROOT%"``;
  ``originalUriBaseIds`` records that root and ``invocations`` the working
  directory. Outside a git repository the working folder is the root.
- **A location for every result**, with ``region.startLine`` at least 1: a
  portfolio finding (no file of its own) points at the config file whose
  thresholds it applies, or (with ``--config`` elsewhere) at the first file
  with a finding.
- **partialFingerprints**, so an alert keeps its identity when lines move:
  the rule, the file and the field (or the text of the line) — not the
  message, whose "238 days ago" changes every day.
- **Rule metadata**: ``shortDescription``, ``fullDescription``, ``help`` as
  text and Markdown (converted from the rule's docstring: no reST markup,
  and the internal references of the docstrings replaced by the published
  sources they stand for — see :func:`rule_markdown`), ``helpUri``.
- **GitHub's limits**: at most 25,000 results per run (an upload with more is
  rejected); beyond that the most severe are kept and a notification says how
  many were left out.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from .result import Result, RuleInfo

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
MAX_RESULTS = 25_000
"""GitHub rejects a run with more results than this."""
FINGERPRINT_KEY = "kamctlFinding/v1"

DOCS = "https://github.com/kamctl/kamctl/blob/main/docs"
"""Where kamctl's documentation lives, for ``helpUri``; overridden by
``$KAMCTL_DOCS_URL`` for a team that hosts its own copy (a fork, an intranet)."""

_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
_PLAIN_CODES = ("yaml", "schema", "file", "config")
_GENERIC_RULES = {
    "yaml": "The file is not valid YAML 1.2 (or not UTF-8 text).",
    "schema": "The file does not match the account schema.",
    "file": "The file cannot be read.",
    "config": "The config file is invalid.",
}
_GENERIC_HELP = {
    "yaml": "kamctl reads account files as YAML 1.2, UTF-8. Fix the syntax at the position shown; "
    "`kamctl validate` lists every error of the file.",
    "schema": "The value at the position shown does not match the account schema "
    "(`schemas/account.schema.json`): a wrong type, a value out of range or an unknown key. "
    "The message says which; an editor with the YAML language server shows the same as you type.",
    "file": "The file could not be read as an account file: too large, not a regular file, "
    "unreadable, or a symlink pointing outside the folder.",
    "config": "`kamctl.toml` (or `[tool.kamctl]` in `pyproject.toml`) has a setting kamctl cannot use; "
    "the message names it.",
}


# ------------------------------------------------------------------ paths


def repository_root(cwd: Path | None = None) -> Path:
    """The root of the git work tree around ``cwd``; ``cwd`` itself outside one (or without git)."""
    return _root_of(str(cwd or os.getcwd()))


@functools.lru_cache(maxsize=16)
def _root_of(folder: str) -> Path:
    # One git process per folder and run (about 3 ms), not one per finding.
    here = Path(folder)
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=here,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return here
    top = out.stdout.strip()
    return Path(top) if out.returncode == 0 and top else here


def _folder_uri(path: Path) -> str:
    uri = path.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact(path: str, root: Path, cwd: Path) -> dict[str, str]:
    """``artifactLocation`` of ``path`` (relative to ``cwd`` or absolute)."""
    p = Path(path)
    absolute = Path(os.path.normpath(p if p.is_absolute() else cwd / p))
    for base in (root, root.resolve()):
        try:
            rel = absolute.relative_to(base)
        except ValueError:
            continue
        return {"uri": quote(rel.as_posix()), "uriBaseId": SRCROOT}
    return {"uri": absolute.as_uri()}


# ------------------------------------------------------------------ rule help

# The docstrings cite sections of the project's domain notes and the source
# texts behind them, which a reader of an alert does not have. Each stands for
# a published source; the help cites that instead.
SOURCES = {
    "woodburn": "Woodburn, D. & McDonald, M. (2011). *Key Customers: How to Manage Them Profitably.* Wiley.",
    "cheverton": "Cheverton, P. (2004). *Key Account Management: Tools and Techniques for Achieving "
    "Profitable Key Supplier Status* (3rd ed.). Kogan Page.",
    "millman": "Millman, T. & Wilson, K. (1995). From key account selling to key account management. "
    "*Journal of Marketing Practice: Applied Marketing Science*, 1(1), 9–21.",
    "abratt": "Abratt, R. & Kelly, P. M. (2002). Customer–supplier partnerships: perceptions of a "
    "successful key account management program. *Industrial Marketing Management*, 31(5), 467–476.",
    "maister": "Maister, D. H., Green, C. H. & Galford, R. M. (2000). *The Trusted Advisor.* Free Press.",
}
_CITE = {
    "woodburn": "Woodburn & McDonald 2011",
    "cheverton": "Cheverton 2004",
    "millman": "Millman & Wilson 1995",
    "abratt": "Abratt & Kelly 2002",
    "maister": "Maister et al. 2000",
}
_SECTION_SOURCE = {
    "1": "woodburn",
    "2": "woodburn",
    "3": "cheverton",
    "4": "millman",
    "5": "woodburn",
    "6": "woodburn",
    "7": "woodburn",
    "8": "abratt",
}
_SECTIONS = re.compile(r"(?:DOMAIN(?:\.md)?\s+)?§\s?(\d+)((?:\s*(?:,|and|og|–)\s*§?\s?\d+)*)")
_SEED_PARENS = re.compile(r"\s*\((?:[^()]*?)\bseeds?\s+\d{3}\b[^()]*\)")
_SEED_CLAUSE = re.compile(r"(?:,|\s+and|\s+og)\s+seeds?\s+\d{3}(?:\s+step\s+\d+)?(?:\s+\([^()]*\))?")
_SEED_POSSESSIVE = re.compile(r"\bseeds?\s+\d{3}'s\s+")
_SEED_NAMED = re.compile(r"\bseeds?\s+\d{3}\s+\(([^()]*)\)")
_SEED_BARE = re.compile(r"\s*\bseeds?\s+\d{3}\b:?")
_COMPANY_X = re.compile(r"\bCompany X's\b|\bCompany X\b")


def cite_sources(text: str) -> tuple[str, list[str]]:
    """``text`` with the domain notes' section references replaced by the
    published source they stand for, and references to the unpublished source
    texts dropped; and the keys of :data:`SOURCES` it now cites."""
    cited: list[str] = []

    def parens(m: re.Match[str]) -> str:
        inner = m.group(0).strip()[1:-1]
        kept = [p.strip() for p in inner.split(",") if not re.search(r"\bseeds?\s+\d{3}", p)]
        return f" ({', '.join(kept)})" if kept else ""

    def sections(m: re.Match[str]) -> str:
        numbers = [m.group(1), *re.findall(r"\d+", m.group(2) or "")]
        keys: list[str] = []
        for n in numbers:
            key = _SECTION_SOURCE.get(n, "woodburn")
            if key not in keys:
                keys.append(key)
        for key in keys:
            if key not in cited:
                cited.append(key)
        return "; ".join(_CITE[k] for k in keys)

    text = _SEED_PARENS.sub(parens, text)
    text = _SEED_POSSESSIVE.sub("the ", text)
    text = _SEED_CLAUSE.sub("", text)
    text = _SEED_NAMED.sub(r"\1", text)
    text = _SEED_BARE.sub("", text)
    text = _COMPANY_X.sub(
        lambda m: "a Norwegian supplier's" if m.group(0).endswith("'s") else "a Norwegian supplier", text
    )
    text = _SECTIONS.sub(sections, text)
    return text, cited


_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")
_HEADINGS = {
    "What it checks": "What it checks",
    "Why": "Why",
    "Options": "Options",
    "Where": "Where it points",
    "Instead": "What to do",
    "Example": "Example",
}


def rule_markdown(doc: str, summary: str = "") -> tuple[str, str]:
    """(Markdown, plain text) help from a rule docstring in the shape of
    ``kamctl/lint/rules``: a first line ``ID name: summary``, then sections
    (a heading line, an indented body) and ``PASS::``/``FAIL::`` examples."""
    lines = doc.strip("\n").splitlines()
    body = lines[1:] if lines and re.match(r"^[A-Z]+\d+\b", lines[0]) else lines
    md: list[str] = []
    text: list[str] = []
    cited: list[str] = []
    if summary:
        s, c = cite_sources(summary)
        cited += c
        md += [s, ""]
        text += [s, ""]
    i = 0
    while i < len(body):
        line = body[i]
        if not line.strip():
            i += 1
            continue
        block: list[str] = []
        j = i + 1
        while j < len(body) and (not body[j].strip() or body[j].startswith((" ", "\t"))):
            block.append(body[j])
            j += 1
        while block and not block[-1].strip():
            block.pop()
        heading = line.strip()
        if heading.endswith("::"):
            name = heading[:-2].strip()
            label = {"PASS": "Passes", "FAIL": "Fails"}.get(name, name)
            code = _dedent(block)
            while code and not code[0].strip():
                code.pop(0)
            md += [f"**{label}**", "", "```yaml", *code, "```", ""]
            text += [f"{label}:", *("    " + c for c in code), ""]
        elif block and not line.startswith((" ", "\t")):
            prose, c = cite_sources(_inline(" ".join(b.strip() for b in block if b.strip())))
            cited += [k for k in c if k not in cited]
            title = _HEADINGS.get(heading, heading)
            md += [f"**{title}**", "", prose, ""]
            text += [f"{title}:", prose, ""]
        else:
            prose, c = cite_sources(_inline(" ".join(x.strip() for x in [line, *block] if x.strip())))
            cited += [k for k in c if k not in cited]
            md += [prose, ""]
            text += [prose, ""]
        i = j
    if cited:
        unique = list(dict.fromkeys(cited))
        md += ["**Sources**", "", *(f"- {SOURCES[k]}" for k in unique), ""]
        text += ["Sources:", *(f"- {SOURCES[k].replace('*', '')}" for k in unique), ""]
    return "\n".join(md).strip() + "\n", "\n".join(text).strip() + "\n"


def _inline(text: str) -> str:
    text = _ROLE.sub(r"`\1`", text)
    return _LITERAL.sub(r"`\1`", text)


def _dedent(block: Sequence[str]) -> list[str]:
    indents = [len(b) - len(b.lstrip()) for b in block if b.strip()]
    cut = min(indents) if indents else 0
    return [b[cut:] if b.strip() else "" for b in block]


def help_uri(code: str) -> str:
    base = os.environ.get("KAMCTL_DOCS_URL", "").rstrip("/") or DOCS
    if code.startswith("KAM"):
        return f"{base}/lint.md#{code.lower()}"
    if code in _PLAIN_CODES:
        return f"{base}/../README.md#kamctl-validate-paths"
    return f"{base}/analyses.md#{code.lower()}"


# ------------------------------------------------------------------ document


def _fingerprints(results: Iterable[tuple[Diagnostic, dict[str, str]]]) -> list[dict[str, str]]:
    seen: dict[str, int] = {}
    out = []
    for d, where in results:
        anchor = d.field or (d.source or "").strip() or d.account or ""
        key = "\x1f".join([d.code, where.get("uri", ""), anchor])
        n = seen.get(key, 0)
        seen[key] = n + 1
        digest = hashlib.sha256(f"{key}\x1f{n}".encode()).hexdigest()[:32]
        out.append({FINGERPRINT_KEY: digest})
    return out


def _portfolio_path() -> str | None:
    """Where a finding about the whole portfolio points: the config it applies
    (when kamctl finds one from the working folder; else the first account file)."""
    from .config import find_config

    found = find_config()
    return str(found) if found is not None else None


def sarif_document(result: Result, cwd: Path | None = None) -> dict[str, Any]:
    from kamctl import __version__

    here = Path(cwd or os.getcwd())
    root = repository_root(here)
    infos: dict[str, RuleInfo] = dict(result.rules)
    from .i18n import Locale
    from .result import RuleInfo

    titles = Locale(result.lang)
    from .lint.registry import BY_ID

    for d in result.diagnostics:
        if d.code in infos:
            continue
        rule = BY_ID.get(d.code)
        if rule is not None:
            # Every RISK, STAGE, KAISM and PORT code is a rule of the one registry:
            # its name, summary and documentation, as `kamctl rules CODE` shows them.
            infos[d.code] = RuleInfo(
                rule.id, rule.name, rule.summary_in(result.lang), rule.doc, rule.severity
            )
            continue
        # Validation codes (yaml, schema, …): their title.
        summary = _GENERIC_RULES.get(d.code) or titles.finding_title(d.code) or d.code
        infos[d.code] = RuleInfo(d.code, d.code, summary, severity=d.severity)
    ids = list(infos)
    index = {rid: i for i, rid in enumerate(ids)}
    rules = [_rule(infos[rid], result.lang) for rid in ids]

    ordered = result.sorted()
    notifications: list[dict[str, Any]] = []
    if len(ordered) > MAX_RESULTS:
        rank = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}
        kept = sorted(ordered, key=lambda d: rank[d.severity])[:MAX_RESULTS]
        keep = {id(d) for d in kept}
        left = len(ordered) - MAX_RESULTS
        ordered = [d for d in ordered if id(d) in keep]
        notifications.append(
            {
                "level": "warning",
                "message": {
                    "text": f"{left} less severe results left out: GitHub accepts at most {MAX_RESULTS} per run"
                },
            }
        )
    portfolio = None
    first_file = next((d.path for d in ordered if d.path), None)
    located: list[tuple[Diagnostic, dict[str, str], dict[str, Any]]] = []
    for d in ordered:
        path = d.path
        if not path:
            if portfolio is None:
                portfolio = _portfolio_path() or first_file or ""
            path = portfolio or "."
        where = artifact(path, root, here)
        region: dict[str, Any] = {"startLine": max(d.line, 1)}
        if d.line > 0 and d.column > 0:
            region["startColumn"] = d.column
        located.append((d, where, region))
    results = []
    prints = _fingerprints((d, w) for d, w, _ in located)
    for (d, where, region), fingerprint in zip(located, prints, strict=True):
        shown = d.text(result.lang)
        message = f"{d.field}: {shown}" if d.field and d.code in _PLAIN_CODES else shown
        item: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _LEVEL[d.severity],
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": where, "region": region}}],
            "partialFingerprints": fingerprint,
        }
        if d.account:
            item["properties"] = {"account": d.account}
        results.append(item)
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "workingDirectory": {"uri": _folder_uri(here)},
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kamctl",
                        "semanticVersion": __version__,
                        "version": __version__,
                        "informationUri": DOCS.rsplit("/blob/", 1)[0],
                        "rules": rules,
                    }
                },
                # One category per command, so validate's and lint's uploads
                # do not replace each other's alerts.
                "automationDetails": {"id": f"kamctl/{result.tool}/"},
                "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(root)}},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


_ENGLISH_ONLY = "(Dokumentasjonen av reglene er på engelsk.)"


def _rule(info: RuleInfo, lang: str) -> dict[str, Any]:
    summary, _ = cite_sources(info.summary)
    if info.help:
        markdown, text = rule_markdown(info.help, summary)
        if lang == "nb":
            markdown = markdown.replace("\n\n", f"\n\n_{_ENGLISH_ONLY}_\n\n", 1)
            text = text.replace("\n\n", f"\n\n{_ENGLISH_ONLY}\n\n", 1)
        # The first paragraph of "What it checks" (its body, not its heading).
        first = text.split("\n\n")
        body = next((p.split("\n", 1)[1] for p in first if p.startswith("What it checks:\n")), summary)
        full = body
    else:
        body = _GENERIC_HELP.get(info.id) or (
            f"See {info.id} in the table of finding codes: {help_uri(info.id)}"
            if info.id not in _PLAIN_CODES
            else ""
        )
        markdown = text = f"{summary}\n\n{body}\n" if body else f"{summary}\n"
        full = body or summary
    return {
        "id": info.id,
        "name": info.name,
        "shortDescription": {"text": summary[:1024]},
        "fullDescription": {"text": full.strip()[:1024]},
        "help": {"text": text, "markdown": markdown},
        "helpUri": help_uri(info.id),
        "defaultConfiguration": {"level": _LEVEL[info.severity]},
        "properties": {"tags": ["kam", "account-plan"]},
    }
