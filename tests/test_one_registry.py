"""One rule registry under every command (issue 9, item 2).

Every code kamctl emits is a rule that ``kamctl rules`` explains; the
``[lint]`` settings (select, ignore, severity, per-path) and the inline
``# kamctl: disable=CODE`` comments apply to RISK, STAGE, KAISM and PORT
findings in the commands that report them, as they always did to KAM ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run

Kamctl = Callable[..., Run]
AS_OF = ("--as-of", "2026-11-24")
CONFIG = ("--config", EXAMPLES / "kamctl.toml")

# A light plan (so no section rules fire) with one account risk: one month's
# notice, shorter than the default 3 (RISK103, at the value: line 5, column 18).
# The one person is strong, at the top and seen four days ago, so RISK113,
# RISK114 and KAM111 stay quiet; RISK110 (one person) fires at the name, 7:11.
PLAN = """\
id: acme
name: Acme AS
profile: light
contract:
  notice_months: 1{comment}
stakeholders:
  - name: Per Holm
    role: decision_maker
    level: top
    relationship: strong
    stance: 1
    last_contact: 2026-11-20
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(run: Run, key: str = "diagnostics") -> list[tuple[str, int, int, str, str]]:
    doc = run.json()
    assert isinstance(doc, dict), run.stdout
    return sorted((Path(d["path"]).name, d["line"], d["column"], d["code"], d["severity"]) for d in doc[key])


def risk(kamctl: Kamctl, *paths: str) -> Run:
    r = kamctl("risk", *paths, *AS_OF, "--format", "json", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    return r


# ---------------------------------------------------------------- kamctl rules


def test_rules_lists_every_family_and_every_code_the_commands_emit(kamctl: Kamctl) -> None:
    from kamctl.lint.registry import RULES

    listed = kamctl("rules", "--format", "json")
    assert listed.exit_code == 0
    doc = listed.json()
    assert isinstance(doc, list)
    ids = {r["id"] for r in doc}
    assert ids == {r.id for r in RULES}
    for code in ("KAM111", "RISK001", "RISK101", "RISK160", "STAGE101", "KAISM101", "PORT105", "PORT106"):
        assert code in ids
    # Whatever the commands emit over the examples is explained by `kamctl rules`.
    emitted: set[str] = set()
    for command, key in (("risk", "diagnostics"), ("classify", "diagnostics"), ("lint", "diagnostics")):
        r = kamctl(command, EXAMPLES / "accounts", *CONFIG, "--as-of", "2027-06-01", "--format", "json")
        assert r.exit_code in (0, 1), r.stderr
        found = r.json()
        assert isinstance(found, dict)
        emitted |= {d["code"] for d in found[key]}
    assert {"RISK003", "RISK120", "STAGE101", "KAISM101", "PORT103", "KAM111"} <= emitted
    assert emitted <= ids, emitted - ids
    by_id = {r["id"]: r for r in doc}
    assert by_id["RISK003"]["scope"] == "portfolio" and by_id["RISK101"]["scope"] == "file"
    assert by_id["KAM111"]["reported_by"][:2] == ["lint", "risk"]


def test_rules_explains_a_risk_code(kamctl: Kamctl) -> None:
    r = kamctl("rules", "RISK101", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("RISK101 contract-ending  (default severity: warning;")
    assert r.stdout.splitlines()[-1] == "Reported by: kamctl risk, kamctl render, kamctl report."
    for part in ("contract_ending_days", "PASS::", "FAIL::", "Instead"):
        assert part in r.stdout
    assert kamctl("rules", "stage104").exit_code == 0  # ids are case-insensitive


def test_rules_names_the_code_that_replaced_a_retired_one(kamctl: Kamctl) -> None:
    r = kamctl("rules", "RISK151")
    assert r.exit_code == 2
    assert "RISK151 is retired; use KAM106" in r.stderr
    assert "no rule" not in r.stderr


# ---------------------------------------------------------- inline suppression


def test_a_risk_finding_is_suppressed_inline_in_risk_and_known_to_lint(
    kamctl: Kamctl, tmp_path: Path
) -> None:
    plain = write(tmp_path / "plain" / "acme.yaml", PLAN.format(comment=""))
    quiet = write(tmp_path / "quiet" / "acme.yaml", PLAN.format(comment="   # kamctl: disable=RISK103"))
    assert ("acme.yaml", 5, 18, "RISK103", "warning") in codes(risk(kamctl, str(plain)))
    found = codes(risk(kamctl, str(quiet)))
    assert [c for c in found if c[3] == "RISK103"] == []
    assert ("acme.yaml", 7, 11, "RISK110", "warning") in found  # the other risk is still there
    # lint knows RISK103: the comment is neither an unknown rule nor (lint does
    # not run RISK rules, so it cannot tell) an unused suppression.
    r = kamctl("lint", str(quiet), *AS_OF, "--format", "json")
    doc = r.json()
    assert isinstance(doc, dict)
    assert [d for d in doc["diagnostics"] if d["code"] == "KAM002"] == []


def test_disable_file_and_next_line_reach_the_risk_and_stage_rules(kamctl: Kamctl, tmp_path: Path) -> None:
    text = "# kamctl: disable-file=RISK110\n" + PLAN.format(comment="").replace(
        "  notice_months: 1", "  # kamctl: disable-next-line=RISK103\n  notice_months: 1"
    )
    path = write(tmp_path / "acme.yaml", text)
    assert [c for c in codes(risk(kamctl, str(path))) if c[3] in ("RISK103", "RISK110")] == []


def test_a_retired_code_in_a_comment_names_the_code_to_use(kamctl: Kamctl, tmp_path: Path) -> None:
    path = write(tmp_path / "acme.yaml", PLAN.format(comment="   # kamctl: disable=RISK151"))
    r = kamctl("lint", str(path), *AS_OF, "--format", "json", "--lang", "en")
    doc = r.json()
    assert isinstance(doc, dict)
    (d,) = [d for d in doc["diagnostics"] if d["code"] == "KAM002"]
    # The id in the comment: 18 characters of "  notice_months: 1", 3 spaces, 18 of "# kamctl: disable=".
    assert (d["line"], d["column"]) == (5, 40)
    assert "RISK151 is retired; use KAM106" in d["message"]
    assert "there is no rule" not in d["message"]
    nb = kamctl("lint", str(path), *AS_OF, "--lang", "nb")
    assert "RISK151 er faset ut; bruk KAM106" in nb.stdout


# ------------------------------------------------------------------- by config


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[lint]\nignore = ["RISK103"]\n', None),
        ('[lint]\nignore = ["RISK1"]\n', None),  # a prefix, as for KAM rules
        ('[lint]\nseverity = {RISK103 = "error"}\n', "error"),
        # select narrows only the families it names: a lint setting written
        # before RISK was a rule must not silence `kamctl risk`.
        ('[lint]\nselect = ["KAM1"]\n', "warning"),
        ('[lint]\nselect = ["RISK110"]\n', None),
        ('[lint.per_path."*acme*"]\nignore = ["RISK103"]\n', None),
        ('[lint.per_path."elsewhere/*"]\nignore = ["RISK103"]\n', "warning"),
    ],
)
def test_a_risk_finding_follows_the_lint_settings(
    kamctl: Kamctl, tmp_path: Path, toml: str, expected: str | None
) -> None:
    write(tmp_path / "kamctl.toml", toml)
    path = write(tmp_path / "acme.yaml", PLAN.format(comment=""))
    found = [c[4] for c in codes(risk(kamctl, str(path))) if c[3] == "RISK103"]
    assert found == ([] if expected is None else [expected])
    # lint accepts the same config (it names a rule that exists).
    assert kamctl("lint", str(path), *AS_OF).exit_code in (0, 1)


def test_a_graded_finding_keeps_its_grade_unless_configured(kamctl: Kamctl, tmp_path: Path) -> None:
    # RISK101 is info when the contract renews by itself; a configured severity wins.
    text = "id: acme\nname: Acme AS\ncontract:\n  end: 2027-01-31\n  auto_renew: true\n"
    path = write(tmp_path / "acme.yaml", text)
    assert [c[4] for c in codes(risk(kamctl, str(path))) if c[3] == "RISK101"] == ["info"]
    write(tmp_path / "kamctl.toml", '[lint]\nseverity = {RISK101 = "warning"}\n')
    assert [c[4] for c in codes(risk(kamctl, str(path))) if c[3] == "RISK101"] == ["warning"]


@pytest.mark.parametrize("command", ["lint", "risk", "classify"])
@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[lint]\nignore = ["RISK151"]\n', "[lint] ignore: RISK151 is retired; use KAM106"),
        ('[lint]\nselect = ["RISK150"]\n', "[lint] select: RISK150 is retired; use KAM111"),
        ('[lint.per_path."*"]\nignore = ["risk152"]\n', "RISK152 is retired; use KAM112"),
        ('[lint]\nignore = ["RISK999"]\n', "[lint] ignore: no rule matches 'RISK999'"),
    ],
)
def test_a_setting_naming_no_rule_is_refused_by_every_command(
    kamctl: Kamctl, tmp_path: Path, command: str, toml: str, message: str
) -> None:
    write(tmp_path / "kamctl.toml", toml)
    write(tmp_path / "acme.yaml", PLAN.format(comment=""))
    r = kamctl(command, "acme.yaml", *AS_OF)
    assert r.exit_code == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_fail_on_never_in_the_config_reports_without_failing(kamctl: Kamctl, tmp_path: Path) -> None:
    # A full plan with nothing in it: KAM101 (section missing) is an error.
    path = write(tmp_path / "acme.yaml", "id: acme\nname: Acme AS\n")
    failing = kamctl("lint", str(path), *AS_OF)
    assert failing.exit_code == 1 and "KAM101" in failing.stdout
    write(tmp_path / "kamctl.toml", '[lint]\nfail_on = "never"\n')
    r = kamctl("lint", str(path), *AS_OF)
    assert r.exit_code == 0, r.stderr
    assert "KAM101" in r.stdout
    assert kamctl("lint", str(path), *AS_OF, "--fail-on", "error").exit_code == 1  # the option still wins


# ------------------------------------------------------------ classify, KAISM and PORT


def _classify(kamctl: Kamctl, folder: Path) -> list[tuple[str, int, int, str, str]]:
    r = kamctl("classify", str(folder), *AS_OF, "--format", "json", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    return codes(r)


KAISM = """\
id: {id}
name: {id} AS
kam: Kari Nordvik
kaism:
  customer_attractiveness:
    volume_potential: 8{comment}
  our_strength: {{product_fit: 8, relationship_depth: 8, delivery_record: 9, price_position: 7, share_of_wallet: 7}}
"""


def test_kaism_and_port_findings_follow_comments_and_settings_in_classify(
    kamctl: Kamctl, tmp_path: Path
) -> None:
    write(tmp_path / "accounts" / "a.yaml", KAISM.format(id="a", comment=""))
    write(tmp_path / "accounts" / "b.yaml", KAISM.format(id="b", comment="   # kamctl: disable=KAISM101"))
    no_kam = KAISM.format(id="c", comment="").replace("kam: Kari Nordvik\n", "")
    write(tmp_path / "accounts" / "c.yaml", no_kam)
    found = _classify(kamctl, tmp_path / "accounts")
    # a and c unscored: at the value of customer_attractiveness (its first entry, line 6,
    # column 5); b's is suppressed by the comment on that line.
    assert [c for c in found if c[3] == "KAISM101"] == [
        ("a.yaml", 6, 5, "KAISM101", "warning"),
        ("c.yaml", 5, 5, "KAISM101", "warning"),
    ]
    # 3 key accounts < warn_below 5: PORT101 about the portfolio; c names no KAM: PORT105 about its file.
    assert ("", 0, 0, "PORT101", "warning") in found
    assert ("c.yaml", 0, 0, "PORT105", "warning") in found
    # A portfolio finding about a file is suppressed by disable-file in that file;
    # one about the portfolio by the settings.
    write(tmp_path / "accounts" / "c.yaml", "# kamctl: disable-file=PORT105\n" + no_kam)
    write(tmp_path / "kamctl.toml", '[lint]\nignore = ["PORT101"]\nseverity = {KAISM101 = "info"}\n')
    found = _classify(kamctl, tmp_path / "accounts")
    assert [c for c in found if c[3].startswith("PORT")] == []
    assert [c for c in found if c[3] == "KAISM101"] == [
        ("a.yaml", 6, 5, "KAISM101", "info"),
        ("c.yaml", 6, 5, "KAISM101", "info"),
    ]


# --------------------------------------------- findings made after the load, and documents


def test_findings_located_after_the_load_honour_the_files_comments(tmp_path: Path) -> None:
    from kamctl.account import Account
    from kamctl.checks import account_risks, locate_findings
    from kamctl.config import Config

    path = write(tmp_path / "acme.yaml", PLAN.format(comment="   # kamctl: disable=RISK103"))
    import yaml

    account = Account.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    # Without the node tree the findings are 0:0 and the comment unseen …
    made = account_risks(account, Config(), dt.date(2026, 11, 24), str(path))
    assert {d.code: (d.line, d.column) for d in made}["RISK103"] == (0, 0)
    # … until they are located: RISK103 goes, RISK110 gets its place.
    located = {d.code: (d.line, d.column) for d in locate_findings(made, 1_000_000)}
    assert "RISK103" not in located
    assert located["RISK110"] == (7, 11)


def test_the_documents_leave_out_a_suppressed_finding(tmp_path: Path) -> None:
    from kamctl.account import Account
    from kamctl.config import Config
    from kamctl.facts import account_facts
    from kamctl.validation import validate
    from kamctl.yamlsource import parse

    # The plans are rendered from the parsed file (render.py: doc=_document(path)).
    def risks(comment: str) -> list[str]:
        doc = parse(PLAN.format(comment=comment))
        account, _ = validate(Account, doc, "acme.yaml")
        assert account is not None
        facts = account_facts(account, Config(), dt.date(2026, 11, 24), year=None, path="acme.yaml", doc=doc)
        return [d.code for d in facts.findings]

    assert "RISK103" in risks("")
    assert "RISK103" not in risks("   # kamctl: disable=RISK103")


def test_sarif_of_risk_carries_each_rules_documentation(kamctl: Kamctl) -> None:
    r = kamctl("risk", EXAMPLES / "accounts", *CONFIG, *AS_OF, "--format", "sarif", "--lang", "en")
    assert r.exit_code in (0, 1), r.stderr
    doc = r.json()
    assert isinstance(doc, dict)
    rules = {x["id"]: x for x in doc["runs"][0]["tool"]["driver"]["rules"]}
    # tromso-fiskeindustri has one month's notice (docs/analyses.md): RISK103 with its docstring.
    assert rules["RISK103"]["name"] == "short-notice"
    assert "short_notice_months" in rules["RISK103"]["help"]["text"]
    assert rules["STAGE101"]["name"] == "partnership-single-contact"
    assert rules["RISK003"]["defaultConfiguration"]["level"] == "warning"
