"""SARIF as GitHub code scanning ingests it: the official schema, GitHub's own
rules (required fields, result limits), repository-relative paths when kamctl
runs in a subfolder, fingerprints that survive moved lines, and rule help a
reviewer can read."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import EXAMPLES

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CONFIG = EXAMPLES / "kamctl.toml"
ACCOUNTS = EXAMPLES / "accounts"
AS_OF = "2026-11-24"


def github_problems(doc: dict[str, Any]) -> list[str]:
    """What GitHub's SARIF upload rejects or cannot show (docs: "SARIF support
    for code scanning"): at most 20 runs and 25,000 results per run; each result
    needs ruleId, message.text and a physical location with a URI and a start
    line; rules need unique ids; a relative URI needs a base the run defines."""
    problems = []
    runs = doc.get("runs", [])
    if doc.get("version") != "2.1.0":
        problems.append("version is not 2.1.0")
    if len(runs) > 20:
        problems.append("more than 20 runs")
    for run in runs:
        driver = run["tool"]["driver"]
        if not driver.get("name"):
            problems.append("tool.driver.name missing")
        ids = [r["id"] for r in driver.get("rules", [])]
        if len(ids) != len(set(ids)):
            problems.append("duplicate rule ids")
        bases = run.get("originalUriBaseIds", {})
        for base in bases.values():
            if not base["uri"].startswith("file:///") or not base["uri"].endswith("/"):
                problems.append(f"base URI not an absolute folder URI: {base['uri']}")
        results = run.get("results", [])
        if len(results) > 25_000:
            problems.append(f"{len(results)} results in a run (GitHub rejects more than 25,000)")
        for res in results:
            if not res.get("ruleId") or not res.get("message", {}).get("text"):
                problems.append("result without ruleId or message.text")
            locs = res.get("locations") or []
            if not locs:
                problems.append(f"{res.get('ruleId')}: no location")
                continue
            phys = locs[0]["physicalLocation"]
            art = phys["artifactLocation"]
            if not art.get("uri") or art["uri"] in (".", ""):
                problems.append(f"{res['ruleId']}: empty uri")
            if not art["uri"].startswith("file:") and art.get("uriBaseId") not in bases:
                problems.append(f"{res['ruleId']}: relative uri without a defined uriBaseId")
            if phys.get("region", {}).get("startLine", 0) < 1:
                problems.append(f"{res['ruleId']}: no region.startLine")
            if not res.get("partialFingerprints"):
                problems.append(f"{res['ruleId']}: no partialFingerprints")
    return problems


def _validate(doc: dict[str, Any]) -> None:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls(SCHEMA, format_checker=cls.FORMAT_CHECKER).validate(doc)
    assert github_problems(doc) == []


@pytest.mark.parametrize("command", ["lint", "risk", "classify"])
def test_examples_pass_the_schema_and_githubs_rules(kamctl, command: str) -> None:
    r = kamctl(command, ACCOUNTS, "--config", CONFIG, "--as-of", AS_OF, "-f", "sarif")
    doc = r.json()
    assert isinstance(doc, dict) and doc["runs"][0]["results"]
    _validate(doc)


def test_portfolio_findings_point_at_the_config(kamctl, tmp_path: Path) -> None:
    # RISK003 (concentration) and PORT10x are about the whole portfolio; GitHub
    # needs a file, and the config holds the thresholds they apply.
    shutil.copy(CONFIG, tmp_path / "kamctl.toml")
    shutil.copytree(ACCOUNTS, tmp_path / "accounts")
    doc = kamctl("risk", "--as-of", AS_OF, "-f", "sarif", "--fail-on", "never").json()
    assert isinstance(doc, dict)
    portfolio = [x for x in doc["runs"][0]["results"] if x["ruleId"] == "RISK003"]
    assert portfolio
    for x in portfolio:
        assert x["locations"][0]["physicalLocation"]["artifactLocation"] == {
            "uri": "kamctl.toml",
            "uriBaseId": "%SRCROOT%",
        }


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_paths_are_relative_to_the_repository_root_from_a_subfolder(
    kamctl, tmp_path: Path, monkeypatch
) -> None:
    repo = tmp_path / "repo"
    plans = repo / "sales" / "plans"
    (plans / "accounts").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (plans / "kamctl.toml").write_text('accounts = "accounts"\n', encoding="utf-8")
    (plans / "accounts" / "acme.yaml").write_text("id: acme\nname: Acme AS\n", encoding="utf-8")
    monkeypatch.chdir(plans)
    doc = kamctl("lint", "--as-of", AS_OF, "-f", "sarif").json()
    assert isinstance(doc, dict)
    _validate(doc)
    run = doc["runs"][0]
    uris = {x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in run["results"]}
    assert uris == {"sales/plans/accounts/acme.yaml"}
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.resolve().as_uri() + "/"}}
    assert run["invocations"][0]["workingDirectory"] == {"uri": plans.as_uri() + "/"}
    # The annotations GitHub Actions makes from workflow commands use the same path.
    gh = kamctl("lint", "--as-of", AS_OF, "-f", "github").stdout
    assert "file=sales/plans/accounts/acme.yaml," in gh


def test_fingerprints_survive_moved_lines_and_tell_findings_apart(kamctl, tmp_path: Path) -> None:
    plan = tmp_path / "acme.yaml"
    body = (
        "id: acme\nname: Acme AS\nprofile: light\n"
        "stakeholders:\n  - {name: Per Holm, role: decision_maker, stance: 1, last_contact: 2026-01-05}\n"
        "  - {name: Kari Dahl, role: buyer, stance: 0, last_contact: 2026-02-01}\n"
    )
    plan.write_text(body, encoding="utf-8")

    def prints() -> dict[str, tuple[str, int]]:
        doc = kamctl("lint", "acme.yaml", "--as-of", AS_OF, "-f", "sarif").json()
        assert isinstance(doc, dict)
        out = {}
        for x in doc["runs"][0]["results"]:
            fp = x["partialFingerprints"]["kamctlFinding/v1"]
            out[fp] = (x["ruleId"], x["locations"][0]["physicalLocation"]["region"]["startLine"])
        assert len(out) == len(doc["runs"][0]["results"])  # one fingerprint per finding
        return out

    before = prints()
    stale = [rule for rule, _ in before.values() if rule == "KAM111"]
    assert len(stale) == 2  # both contacts are stale: two findings, two fingerprints
    plan.write_text("# Kundeplan for Acme\n# eier: Kari\n" + body, encoding="utf-8")
    after = prints()
    assert set(after) == set(before)  # same alerts, though every line moved down by two
    assert all(after[fp][1] == before[fp][1] + 2 for fp in before if before[fp][1] > 1)


def test_every_rule_has_help_uri_and_markdown_help_without_internal_references() -> None:
    from kamctl.cli.lint import rule_infos
    from kamctl.result import Result
    from kamctl.sarif import sarif_document

    for lang in ("en", "nb"):
        doc = sarif_document(Result("lint", 0, [], rules=rule_infos(lang), lang=lang))
        rules = doc["runs"][0]["tool"]["driver"]["rules"]
        assert len(rules) >= 20
        for rule in rules:
            assert re.fullmatch(r"https://\S+#[a-z]+\d{3}", rule["helpUri"]), rule["helpUri"]
            md = rule["help"]["markdown"]
            text = rule["help"]["text"]
            for bad in ("DOMAIN", "§", "seed 0", "::", ":class:", "Company X"):
                assert bad not in md and bad not in text, (rule["id"], bad)
            # reST literals (``x``); Markdown fences (```yaml) are fine.
            assert not re.search(r"(?<!`)``(?!`)", md), rule["id"]
            assert md.startswith(rule["shortDescription"]["text"])
            assert "```yaml" in md or rule["id"] == "KAM002" or "**What it checks**" in md
            assert rule["fullDescription"]["text"] and len(rule["fullDescription"]["text"]) <= 1024


def test_help_cites_the_published_source() -> None:
    from kamctl.sarif import cite_sources, rule_markdown

    text, cited = cite_sources("DOMAIN §6 (seed 004): a plan without these. Readable (seed 002).")
    assert text == "Woodburn & McDonald 2011: a plan without these. Readable."
    assert cited == ["woodburn"]
    text, cited = cite_sources('"never losing focus" (§8, seed 003) is measured; DOMAIN §4 and §7: stale')
    assert (
        text
        == '"never losing focus" (Abratt & Kelly 2002) is measured; Millman & Wilson 1995; Woodburn & McDonald 2011: stale'
    )
    assert cited == ["abratt", "millman", "woodburn"]
    md, _ = rule_markdown(
        "X101 name: s.\n\nWhy\n    DOMAIN §3: the axis score.\n\nPASS::\n\n    kaism: {}\n", "Summary."
    )
    assert md == (
        "Summary.\n\n**Why**\n\nCheverton 2004: the axis score.\n\n**Passes**\n\n```yaml\nkaism: {}\n```\n\n"
        "**Sources**\n\n- Cheverton, P. (2004). *Key Account Management: Tools and Techniques for Achieving "
        "Profitable Key Supplier Status* (3rd ed.). Kogan Page.\n"
    )


def test_more_results_than_github_accepts_keeps_the_most_severe() -> None:
    from kamctl.diagnostics import Diagnostic, Severity
    from kamctl.result import Result
    from kamctl.sarif import MAX_RESULTS, sarif_document

    many = [Diagnostic("a.yaml", i + 1, 1, Severity.info, "KAM111", f"n{i}") for i in range(MAX_RESULTS)]
    many += [
        Diagnostic("a.yaml", 1, 1, Severity.error, "KAM101", "e"),
        Diagnostic("a.yaml", 2, 1, Severity.error, "KAM101", "f"),
    ]
    doc = sarif_document(Result("lint", 1, many))
    run = doc["runs"][0]
    assert len(run["results"]) == MAX_RESULTS
    assert sum(1 for x in run["results"] if x["level"] == "error") == 2
    note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert note.startswith("2 less severe results left out")
    assert github_problems(doc) == []


def test_help_uri_anchors_exist_in_the_docs() -> None:
    from kamctl.lint.registry import RULES
    from kamctl.sarif import help_uri

    docs = Path(__file__).resolve().parents[1] / "docs"
    for code in [r.id for r in RULES] + ["RISK001", "RISK113", "STAGE101", "PORT104", "KAISM101"]:
        page, anchor = help_uri(code).rsplit("/", 1)[1].split("#")
        assert f'<a id="{anchor}"></a>' in (docs / page).read_text(encoding="utf-8"), code
