"""`kamctl lint`, `kamctl status`, `kamctl rules`: formats, exit codes,
suppression, per-path config, plan-health numbers worked out by hand.

"Today" is 2026-11-24 throughout (``--as-of``), as in examples/README.md.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from kamctl.formatters import gh_escape_data, gh_escape_property
from tests.conftest import EXAMPLES, ROOT, Run

AS_OF = ("--as-of", "2026-11-24")
CONFIG = ("--config", EXAMPLES / "kamctl.toml")
ACCOUNTS = EXAMPLES / "accounts"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"

Kamctl = Callable[..., Run]


def findings(run: Run) -> list[tuple[str, int, int, str]]:
    doc = run.json()
    assert isinstance(doc, dict)
    return sorted((Path(d["path"]).name, d["line"], d["column"], d["code"]) for d in doc["diagnostics"])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ the examples


def test_clean_example_plans_have_no_findings(kamctl: Kamctl) -> None:
    # examples/README.md: havbris-sjomat, nordmelk and bergen-byggvare are the clean plans.
    clean = [ACCOUNTS / f"{n}.yaml" for n in ("havbris-sjomat", "nordmelk", "bergen-byggvare")]
    r = kamctl("lint", *clean, *CONFIG, *AS_OF, "--fail-on", "info")
    assert r.exit_code == 0, r.stdout
    assert r.stdout.strip() == "3 files checked, 0 errors, 0 warnings"


def test_neglected_plan_findings_at_their_lines(kamctl: Kamctl) -> None:
    # mjosen-bakeri, "the neglected plan" (examples/README.md, per-account facts):
    r = kamctl("lint", ACCOUNTS / "mjosen-bakeri.yaml", *CONFIG, *AS_OF, "--format", "json")
    assert r.exit_code == 1  # KAM101 is an error
    f = "mjosen-bakeri.yaml"
    assert findings(r) == [
        (f, 87, 1, "KAM103"),  # strategy: distribution, communication, relationship missing
        (f, 98, 5, "KAM116"),  # opportunity expected to close 2026-09-30, still open
        # No white_space section: it belongs after opportunities, above competitors: (line 103).
        (f, 103, 1, "KAM101"),
        (f, 122, 1, "KAM108"),  # no top management
        (f, 122, 1, "KAM108"),  # no operations/IT (role technical)
        (f, 132, 5, "KAM111"),  # 2026-06-18: 159 days
        (f, 142, 5, "KAM111"),  # 2026-04-02: 236 days
        (f, 152, 5, "KAM111"),  # 2026-05-27: 181 days
        (f, 158, 5, "KAM106"),  # due 2026-03-31, planned
        (f, 162, 5, "KAM106"),  # due 2026-09-15, in_progress
        (f, 177, 1, "KAM115"),  # no joint_planning section: it belongs above review: (line 177)
        (f, 178, 3, "KAM112"),  # reviewed 2025-09-15: 435 days
        (f, 180, 3, "KAM112"),  # next_review 2026-09-15 passed
    ]
    messages = {d["message"] for d in r.json()["diagnostics"]}  # type: ignore[index]
    assert "last contact with Kåre Lunde was 236 days ago (2026-04-02; limit 90)" in messages


def test_unscored_kaism_criterion_is_an_error(kamctl: Kamctl) -> None:
    # agder-elektro: 'innovation' not scored (examples/README.md) → KAM114 at the axis key.
    r = kamctl("lint", ACCOUNTS / "agder-elektro.yaml", *CONFIG, *AS_OF, "--format", "json")
    assert r.exit_code == 1
    assert findings(r) == [("agder-elektro.yaml", 26, 3, "KAM114")]


@pytest.mark.parametrize(
    ("account", "fires"),
    [
        # kystlab: attractiveness 100 / 20 = 5.00, at the threshold = high; strength
        # 54 / 12 = 4.50, low → key_development: needs a next QBR, and has no rhythm.
        ("kystlab", True),
        # innlandet-trykk: 99 / 20 = 4.95, just below → opportunistic: no QBR required.
        ("innlandet-trykk", False),
    ],
)
def test_qbr_rule_follows_the_kaism_quadrant(
    kamctl: Kamctl, tmp_path: Path, account: str, fires: bool
) -> None:
    # Both are light plans; as full plans KAM113 applies to them.
    text = (ACCOUNTS / f"{account}.yaml").read_text(encoding="utf-8")
    write(tmp_path / f"{account}.yaml", text.replace("profile: light", "profile: full"))
    r = kamctl("lint", f"{account}.yaml", *CONFIG, *AS_OF, "--format", "json")
    qbr = [(d["line"], d["column"]) for d in r.json()["diagnostics"] if d["code"] == "KAM113"]  # type: ignore[index]
    # No rhythm section at all: it belongs above review: (kystlab's line 107), the next
    # section the file has; never line 1, the modeline.
    assert qbr == ([(107, 1)] if fires else [])


def test_text_format_is_compiler_style(kamctl: Kamctl) -> None:
    r = kamctl("lint", ACCOUNTS / "agder-elektro.yaml", *CONFIG, *AS_OF)
    first = r.stdout.splitlines()[0]
    assert first == (
        f"{ACCOUNTS / 'agder-elektro.yaml'}:26:3: error: [KAM114] "
        "customer_attractiveness: not scored: innovation"
    )
    assert r.stdout.splitlines()[-1] == "1 file checked, 1 error, 0 warnings"


# ----------------------------------------------------------------- exit codes

WARN_ONLY = """\
id: acme
name: Acme AS
profile: light
customer: {business: Bakeri.}
goals:
  operational:
    - {goal: Omsetning 2026, target: 1000000}
strategy: {main: Vokse.}
stakeholders:
  - {name: Per Holm, role: decision_maker, stance: 1, last_contact: 2026-01-05}
actions:
  - {action: Tilbud, owner: Per, due: 2027-01-01, status: planned}
kaism:
  customer_attractiveness: {volume_potential: 5, margin_potential: 5, growth: 5, strategic_fit: 5, reference_value: 5, relationship_potential: 5}
  our_strength: {product_fit: 5, relationship_depth: 5, delivery_record: 5, price_position: 5, share_of_wallet: 5}
review: {reviewed: 2026-10-01}
"""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 0),  # default fail-on error; the only finding is a warning (KAM111)
        (("--fail-on", "warning"), 1),
        (("--fail-on", "info"), 1),
        (("--fail-on", "warning", "--exit-zero"), 0),
    ],
)
def test_exit_codes_follow_fail_on(kamctl: Kamctl, tmp_path: Path, args: tuple[str, ...], code: int) -> None:
    plan = write(tmp_path / "acme.yaml", WARN_ONLY)
    r = kamctl("lint", plan, *AS_OF, *args, "--format", "json")
    assert [d["code"] for d in r.json()["diagnostics"]] == ["KAM111"]  # type: ignore[index]
    assert r.exit_code == code


def test_fail_on_from_config(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "kamctl.toml", '[lint]\nfail_on = "warning"\n')
    write(tmp_path / "acme.yaml", WARN_ONLY)
    assert kamctl("lint", "acme.yaml", *AS_OF).exit_code == 1


def test_a_prefix_does_not_turn_off_KAM001(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "kamctl.toml", '[lint]\nignore = ["KAM0"]\nseverity = {KAM0 = "info"}\n')
    write(tmp_path / "bad.yaml", "id: acme\nname: [\n")
    r = kamctl("lint", "bad.yaml", *AS_OF, "--format", "json")
    assert [(d["code"], d["severity"]) for d in r.json()["diagnostics"]] == [("KAM001", "error")]  # type: ignore[index]
    assert r.exit_code == 1


def test_invalid_file_is_a_KAM001_finding(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "bad.yaml", "id: acme\nname: Acme AS\nstakeholders:\n  - name: X\n    stance: 5\n")
    r = kamctl("lint", "bad.yaml", *AS_OF, "--format", "json")
    assert r.exit_code == 1
    assert findings(r) == [("bad.yaml", 5, 13, "KAM001")]  # "    stance: " is 12 characters
    # A plan with findings is not an invalid file, even with an error finding.
    write(tmp_path / "kamctl.toml", '[lint]\nseverity = {KAM111 = "error"}\n')
    write(tmp_path / "acme.yaml", WARN_ONLY)
    both = kamctl("lint", "bad.yaml", "acme.yaml", *AS_OF, "--format", "json").json()
    assert both["files"] == {"checked": 2, "invalid": 1}  # type: ignore[index]
    assert both["summary"] == {"errors": 2, "warnings": 0, "info": 0}  # type: ignore[index]
    # A path that does not exist is a usage error (issue 10), not a finding.
    r = kamctl("lint", "missing.yaml", *AS_OF, "--format", "json")
    assert r.exit_code == 2
    assert "no such file or folder: missing.yaml" in r.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "xml"), "'xml' is not one of"),
        (("--fail-on", "fatal"), "'fatal' is not one of"),
        (("--as-of", "24.11.2026"), "is not a date"),
    ],
)
def test_usage_errors_exit_2(kamctl: Kamctl, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    write(tmp_path / "acme.yaml", WARN_ONLY)
    r = kamctl("lint", "acme.yaml", *args)
    assert r.exit_code == 2
    assert message in r.stderr


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[lint]\nselect = ["KAM999"]\n', "[lint] select: no rule matches 'KAM999'"),
        ('[lint]\nseverity = {KAM101 = "fatal"}\n', "'fatal' is not a severity"),
        ('[lint.per_path."x/*"]\nignores = ["KAM101"]\n', "unknown key 'ignores'"),
        # "never" is accepted since the one registry (issue 9: the same --fail-on
        # values everywhere, and in the config); a value that is no level is not.
        ('[lint]\nfail_on = "fatal"\n', "'error', 'warning', 'info' or 'never'"),
        ('[lint]\nignore = ["KAM001"]\n', "KAM001 (invalid file) cannot be ignored"),
        ('[lint.per_path."*"]\nseverity = {KAM001 = "info"}\n', "cannot be ignored or downgraded"),
    ],
)
def test_bad_lint_config_exits_2(kamctl: Kamctl, tmp_path: Path, toml: str, message: str) -> None:
    write(tmp_path / "kamctl.toml", toml)
    write(tmp_path / "acme.yaml", WARN_ONLY)
    r = kamctl("lint", "acme.yaml", *AS_OF)
    assert r.exit_code == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr


# ------------------------------------------------------- selection, per path, suppression


def test_select_ignore_and_severity(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "acme.yaml", WARN_ONLY)
    write(tmp_path / "kamctl.toml", '[lint]\nseverity = {KAM111 = "error"}\n')
    r = kamctl("lint", "acme.yaml", *AS_OF, "--format", "json")
    assert [(d["code"], d["severity"]) for d in r.json()["diagnostics"]] == [("KAM111", "error")]  # type: ignore[index]
    assert r.exit_code == 1
    write(tmp_path / "kamctl.toml", '[lint]\nignore = ["KAM111"]\n')
    assert kamctl("lint", "acme.yaml", *AS_OF, "--fail-on", "info").exit_code == 0
    # A prefix selects a family: KAM10 is KAM101..KAM109, so KAM111 does not run.
    write(tmp_path / "kamctl.toml", '[lint]\nselect = ["KAM10"]\n')
    assert kamctl("lint", "acme.yaml", *AS_OF, "--fail-on", "info").exit_code == 0


def test_select_and_ignore_on_the_command_line(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "kamctl.toml", '[lint]\nignore = ["KAM112"]\n')
    write(tmp_path / "acme.yaml", "id: acme\nname: Acme AS\nprofile: light\n")

    def codes(*args: str) -> list[str]:
        return sorted(
            {
                d["code"]
                for d in kamctl("lint", "acme.yaml", *AS_OF, "-f", "json", *args).json()["diagnostics"]
            }
        )  # type: ignore[index]

    # light, nearly empty: KAM101 (sections) and KAM114 (no KAISM); KAM112 ignored in the config.
    assert codes() == ["KAM101", "KAM114"]
    assert codes("--select", "KAM11") == ["KAM114"]  # KAM112 stays ignored
    assert codes("--select", "KAM101, KAM112") == ["KAM101"]
    assert codes("--ignore", "KAM101") == ["KAM114"]
    bad = kamctl("lint", "acme.yaml", "--select", "KAM1,XYZ")
    assert bad.exit_code == 2 and "--select: no rule matches 'XYZ'" in bad.stderr
    bad = kamctl("lint", "acme.yaml", "--ignore", "KAM001")
    assert bad.exit_code == 2 and "cannot be ignored" in bad.stderr


def test_per_path_overrides(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "accounts" / "legacy" / "old.yaml", WARN_ONLY)
    write(tmp_path / "accounts" / "new.yaml", WARN_ONLY.replace("acme", "acme-new"))
    write(
        tmp_path / "kamctl.toml",
        '[lint.per_path."accounts/legacy/*.yaml"]\nignore = ["KAM111"]\n'
        '[lint.per_path."**/new.yaml"]\nseverity = {KAM111 = "info"}\n',
    )
    r = kamctl("lint", *AS_OF, "--format", "json")  # the config's accounts folder
    got = [(Path(d["path"]).name, d["code"], d["severity"]) for d in r.json()["diagnostics"]]  # type: ignore[index]
    assert got == [("new.yaml", "KAM111", "info")]
    assert r.exit_code == 0


SUPPRESSED = """\
id: acme
name: Acme AS
actions:
  - action: Ny prisavtale
    owner: Magnus Haugen
    due: 2026-03-31   # kamctl: disable=KAM106 (waiting for the customer's budget)
    status: planned
  - action: Befaring
    owner: Magnus Haugen
    # kamctl: disable-next-line=KAM106
    due: 2026-04-30
    status: planned
  - action: Prøver
    owner: Magnus Haugen
    due: 2026-05-31   # kamctl: disable=KAM105,KAM106
    status: planned
"""


def test_inline_suppression_and_unused_suppression(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "kamctl.toml", '[lint]\nselect = ["KAM105", "KAM106", "KAM002"]\n')
    write(tmp_path / "acme.yaml", SUPPRESSED)
    r = kamctl("lint", "acme.yaml", *AS_OF, "--format", "json")
    # All three overdue actions are suppressed; KAM105 finds nothing on line 15,
    # so that part of the comment is reported: "    due: 2026-05-31   " is 22
    # characters, "# kamctl: disable=" 18, "KAM105," 7 → KAM105 at 41, KAM106 at 48.
    assert findings(r) == [("acme.yaml", 15, 41, "KAM002")]
    diag = r.json()["diagnostics"][0]  # type: ignore[index]
    assert diag["message"] == "'# kamctl: disable=KAM105' suppresses nothing: remove it"
    assert diag["severity"] == "warning"


def test_suppression_of_an_ignored_rule_is_not_reported(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "kamctl.toml", '[lint]\nselect = ["KAM105", "KAM002"]\n')
    write(tmp_path / "acme.yaml", SUPPRESSED)
    # KAM106 did not run, so its comments cannot be judged; KAM105's still can.
    assert findings(kamctl("lint", "acme.yaml", *AS_OF, "--format", "json")) == [
        ("acme.yaml", 15, 41, "KAM002")
    ]


def test_disable_file_covers_findings_at_the_top(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "kamctl.toml", '[lint]\nselect = ["KAM115", "KAM112", "KAM002"]\n')
    # No joint_planning (KAM115) and no review (KAM112), and no section after them:
    # both at the file's last line of data (3, the name); the first is suppressed for
    # the file; the KAM113 id names a rule that did not run here.
    write(
        tmp_path / "acme.yaml",
        "# Prospect: no joint planning yet.  # kamctl: disable-file=KAM115\nid: acme\nname: Acme AS\n"
        "# kamctl: disable-file=KAM113\n",
    )
    assert findings(kamctl("lint", "acme.yaml", *AS_OF, "--format", "json")) == [
        ("acme.yaml", 3, 1, "KAM112")
    ]


# ---------------------------------------------------------------------- github


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%0A", "%250A", "%250A"),  # an escape-looking text stays text
    ],
)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert gh_escape_data(raw) == data
    assert gh_escape_property(raw) == prop


def test_github_output_escapes_paths_and_messages(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "kamctl.toml", '[lint]\nselect = ["KAM111"]\n')
    write(
        tmp_path / "plans, 100%: q1.yaml",
        'id: acme\nname: Acme AS\nstakeholders:\n  - name: "Ola, 100%: A\\r\\nB"\n',
    )
    r = kamctl("lint", "plans, 100%: q1.yaml", *AS_OF, "--format", "github")
    assert r.stdout.splitlines() == [
        "::warning file=plans%2C 100%25%3A q1.yaml,line=4,col=5,title=KAM111 stale-contact"
        "::no last_contact recorded for Ola, 100%25: A%0D%0AB",
        "1 file checked, 0 errors, 1 warning",
    ]


def test_github_format_is_chosen_in_github_actions(
    kamctl: Kamctl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "acme.yaml", WARN_ONLY)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    r = kamctl("lint", "acme.yaml", *AS_OF)
    # The flow mapping on line 10: "  - {" 5 + "name: Per Holm, " 16 + "role: decision_maker, " 22
    # + "stance: 1, " 11 = 54 characters before last_contact → column 55.
    assert r.stdout.startswith("::warning file=acme.yaml,line=10,col=55,title=KAM111 stale-contact::")
    assert kamctl("lint", "acme.yaml", *AS_OF, "--format", "text").stdout.startswith("acme.yaml:10:55:")


def test_machine_formats_use_repository_paths(kamctl: Kamctl, tmp_path: Path) -> None:
    # No paths: the config's accounts folder, which the config gives as an absolute
    # path; GitHub needs the path in the repository (the working folder).
    write(tmp_path / "kamctl.toml", 'accounts = "plans"\n')
    write(tmp_path / "plans" / "acme.yaml", WARN_ONLY)
    gh = kamctl("lint", *AS_OF, "--format", "github").stdout
    assert gh.startswith("::warning file=plans/acme.yaml,line=10,col=55,")
    sarif = kamctl("lint", *AS_OF, "--format", "sarif").json()
    loc = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]  # type: ignore[index]
    assert loc["artifactLocation"] == {"uri": "plans/acme.yaml", "uriBaseId": "%SRCROOT%"}


def test_github_levels_and_step_summary(
    kamctl: Kamctl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    write(tmp_path / "kamctl.toml", '[lint]\nseverity = {KAM111 = "info"}\n')
    write(tmp_path / "acme.yaml", WARN_ONLY)
    r = kamctl("lint", "acme.yaml", *AS_OF, "--format", "github", "--summary")
    assert r.stdout.startswith("::notice file=acme.yaml,")  # info → notice
    assert "Plan health as of 24 November 2026" in r.stderr  # stdout stays workflow commands only
    assert "| acme | light |" in summary.read_text(encoding="utf-8")


# ----------------------------------------------------------------------- SARIF


def test_sarif_validates_against_the_official_schema(kamctl: Kamctl) -> None:
    import jsonschema

    r = kamctl("lint", ACCOUNTS, *CONFIG, *AS_OF, "--format", "sarif")
    assert r.exit_code == 1
    doc = r.json()
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(doc)
    assert isinstance(doc, dict)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [x["id"] for x in rules][:3] == ["KAM001", "KAM002", "KAM101"]
    mjosen = [
        x
        for x in run["results"]
        if x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("mjosen-bakeri.yaml")
    ]
    overdue = [x for x in mjosen if x["ruleId"] == "KAM106"]
    assert [x["locations"][0]["physicalLocation"]["region"] for x in overdue] == [
        {"startLine": 158, "startColumn": 5},
        {"startLine": 162, "startColumn": 5},
    ]
    assert all(rules[x["ruleIndex"]]["id"] == x["ruleId"] for x in run["results"])
    assert {x["level"] for x in overdue} == {"warning"}


def test_sarif_relative_paths_are_uri_references(kamctl: Kamctl, tmp_path: Path) -> None:
    import jsonschema

    write(tmp_path / "my plans" / "acme #1.yaml", WARN_ONLY)
    r = kamctl("lint", "my plans/acme #1.yaml", *AS_OF, "--format", "sarif")
    doc = r.json()
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(doc)
    loc = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]  # type: ignore[index]
    assert loc["artifactLocation"] == {"uri": "my%20plans/acme%20%231.yaml", "uriBaseId": "%SRCROOT%"}


# ---------------------------------------------------------------------- status


def test_status_numbers_by_hand(kamctl: Kamctl) -> None:
    r = kamctl(
        "status",
        ACCOUNTS / "mjosen-bakeri.yaml",
        ACCOUNTS / "kystlab.yaml",
        ACCOUNTS / "polarnett.yaml",
        *CONFIG,
        *AS_OF,
        "--format",
        "json",
    )
    assert r.exit_code == 0
    rows = {a["account"]: a for a in r.json()["tables"]["accounts"]}  # type: ignore[index]

    m = rows["mjosen-bakeri"]
    # full profile: all 16 plan rules KAM101..KAM116 apply; 8 fail (KAM101 white_space,
    # KAM103, KAM106, KAM108, KAM111, KAM112, KAM115, KAM116) → 8 / 16 = 50 %.
    failed = ["KAM101", "KAM103", "KAM106", "KAM108", "KAM111", "KAM112", "KAM115", "KAM116"]
    assert m["checks"]["failed"] == failed
    assert len(m["checks"]["passed"]) == 8
    assert m["completeness"] == 50.0
    assert m["review_days"] == 435  # 2025-09-15 → 2026-11-24
    # Key people: decision makers or influence high: only Trude Sæther (buyer,
    # high), 2026-06-18 → 12 + 31 + 31 + 30 + 31 + 24 = 159 days.
    assert m["contact_days"] == 159
    assert m["coverage"] == 1  # contacts, but no decision maker
    assert m["findings"] == {"errors": 1, "warnings": 12, "info": 0}
    assert m["bands"] == {
        "completeness": "red",  # 50 < 70
        "review": "red",  # 435 > 365
        "contact": "red",  # 159 > 90
        "coverage": "red",  # 1 < 2
        "findings": "red",  # an error
    }

    k = rows["kystlab"]
    # light profile: 11 rules apply (KAM101, 102, 104, 105, 106, 107, 110, 111, 112, 114, 116); all pass.
    assert sorted(k["checks"]["passed"]) == [
        "KAM101", "KAM102", "KAM104", "KAM105", "KAM106", "KAM107", "KAM110", "KAM111", "KAM112", "KAM114",
        "KAM116",
    ]  # fmt: skip
    assert k["completeness"] == 100.0
    assert k["review_days"] == 67  # 2026-09-18 → 12 + 31 + 24
    assert k["contact_days"] == 20  # Nora Lie Strøm, decision maker, 2026-11-04
    assert k["coverage"] == 3  # decision maker with stance +2
    assert set(k["bands"].values()) == {"green"}

    p = rows["polarnett"]
    # full: fails KAM108 (no technical contact) and KAM115 (no joint_planning); KAM119
    # applies too (a won deal, reviewed), and so do KAM125 (its reason, delivery, is
    # in the default list) and KAM126 (resources listed, all committed):
    # 17 / 19 = 89.47 % → 89.5.
    assert p["completeness"] == 89.5
    assert p["bands"]["completeness"] == "amber"  # 70 ≤ 89.5 < 90
    assert p["coverage"] == 2  # the only decision maker, Henrik Bjørnstad, has stance −2
    assert p["bands"]["coverage"] == "amber"


def test_status_text_and_explain(kamctl: Kamctl) -> None:
    r = kamctl("status", ACCOUNTS / "mjosen-bakeri.yaml", *CONFIG, *AS_OF, "--explain")
    lines = r.stdout.splitlines()
    assert lines[0] == "Plan health as of 24 November 2026"
    # mjosen-bakeri: 8 of 16 checks (50 %), reviewed 435 days ago, key contact 159 days
    # ago, coverage 1, 1 error / 12 warnings / 0 info; every band red.
    assert " ".join(lines[2].split()) == "mjosen-bakeri full 50% (8/16) R 435 d R 159 d R 1/3 R 1/12/0 R"
    assert "mjosen-bakeri: 8 of 16 checks passed = 50.0%" in lines
    assert "  FAIL  KAM112  The plan was reviewed within review_months (default 12)." in lines


def test_status_thresholds_are_configurable(kamctl: Kamctl, tmp_path: Path) -> None:
    shutil.copy(ACCOUNTS / "polarnett.yaml", tmp_path / "polarnett.yaml")
    toml = (EXAMPLES / "kamctl.toml").read_text(encoding="utf-8")
    write(tmp_path / "kamctl.toml", toml + "\n[lint.status]\ncompleteness_green = 85\ncoverage_amber = 3\n")
    (tmp_path / "accounts").mkdir()  # the example config names it; it must exist
    r = kamctl("status", "polarnett.yaml", *AS_OF, "--format", "json")
    bands = r.json()["tables"]["accounts"][0]["bands"]  # type: ignore[index]
    assert bands["completeness"] == "green"  # 87.5 ≥ 85
    assert bands["coverage"] == "red"  # 2 < 3


def test_lint_summary_appends_the_table(kamctl: Kamctl) -> None:
    r = kamctl("lint", ACCOUNTS / "kystlab.yaml", *CONFIG, *AS_OF, "--summary")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0] == "1 file checked, 0 errors, 0 warnings"
    assert "Plan health as of 24 November 2026" in r.stdout
    j = kamctl("lint", ACCOUNTS / "kystlab.yaml", *CONFIG, *AS_OF, "--summary", "--format", "json").json()
    assert j["tables"]["accounts"][0]["completeness"] == 100.0  # type: ignore[index]


def test_status_of_an_invalid_file(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "bad.yaml", "id: acme\nname: [\n")
    r = kamctl("status", "bad.yaml", *AS_OF, "--format", "json")
    row = r.json()["tables"]["accounts"][0]  # type: ignore[index]
    assert row["valid"] is False and row["completeness"] is None
    assert row["findings"]["errors"] == 1


# ----------------------------------------------------------------------- rules


def test_rules_list_and_explain(kamctl: Kamctl) -> None:
    from kamctl.lint.registry import RULES

    r = kamctl("rules")
    assert r.exit_code == 0
    assert [line.split()[0] for line in r.stdout.splitlines()] == [x.id for x in RULES]
    assert "KAM106  action-overdue" in r.stdout
    one = kamctl("rules", "kam112")
    assert one.exit_code == 0
    assert one.stdout.startswith(
        "KAM112 plan-not-reviewed  (default severity: warning; profiles: full, light)"
    )
    assert "review_months = 12" in one.stdout and "FAIL::" in one.stdout
    bad = kamctl("rules", "KAM999")
    assert bad.exit_code == 2 and "no rule 'KAM999'" in bad.stderr


# ----------------------------------------------------------------- integration


def test_pre_commit_hooks_file() -> None:
    import re

    hooks = {
        h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert set(hooks) == {"kamctl-lint", "kamctl-validate"}
    for h in hooks.values():
        assert h["language"] == "python" and h["require_serial"] is True
        assert re.search(h["files"], "accounts/nordmelk.yaml") and re.search(h["files"], "accounts/a/b.yml")
        # Only account files: a plan repository's other YAML blocked commits (issue 10).
        for other in ("kamctl.toml", "mkdocs.yml", ".github/workflows/ci.yml", "docs/accounts/x.yaml"):
            assert not re.search(h["files"], other), other
    assert hooks["kamctl-lint"]["entry"] == "kamctl lint" and hooks["kamctl-lint"]["pass_filenames"] is True
    # validate sees the whole folder: a duplicate id clashes with an unchanged file.
    assert hooks["kamctl-validate"]["pass_filenames"] is False


def test_lint_document_api_without_node_tree() -> None:
    import datetime as dt

    from kamctl.account import Account
    from kamctl.config import Config
    from kamctl.lint import lint_document

    account = Account.model_validate({"id": "acme", "name": "Acme AS", "profile": "light"})
    diags = lint_document("acme.yaml", None, account, [], Config(), dt.date(2026, 11, 24))
    assert {d.code for d in diags} >= {"KAM101", "KAM112", "KAM114"}
    assert {(d.line, d.column) for d in diags} == {(0, 0)}
    assert all(d.account == "acme" for d in diags)


def test_absent_section_is_shown_without_a_source_line(kamctl: Kamctl) -> None:
    r = kamctl("lint", ACCOUNTS / "mjosen-bakeri.yaml", *CONFIG, *AS_OF)
    lines = r.stdout.splitlines()
    # An absent section points at the key it belongs above (competitors:, line 103),
    # but that line is not what the finding is about: no source line under it.
    i = next(n for n, line in enumerate(lines) if "[KAM101]" in line)
    assert lines[i].endswith(
        ":103:1: error: [KAM101] section 'white_space' is missing: the white-space matrix "
        "(our offerings × the customer's units)"
    )
    assert lines[i + 1].startswith(str(ACCOUNTS))  # the next finding, not "    competitors:"
    j = next(n for n, line in enumerate(lines) if "[KAM103]" in line)
    assert lines[j].endswith(
        ":87:1: warning: [KAM103] the strategy does not state: distribution, communication and relationship"
    )
    assert lines[j + 1 : j + 3] == ["    strategy:", "    ^"]


def test_status_rounds_half_up(kamctl: Kamctl) -> None:
    # vestgruppen fails KAM101 (measures), KAM103 and KAM108: 13 / 16 = 81.25 % → 81.3
    # (round() would give 81.2); nordlys-dagligvare 11 / 16 = 68.75 % → 69 % in the table,
    # but the band uses the exact value: 68.75 < 70 → red.
    r = kamctl(
        "status",
        ACCOUNTS / "vestgruppen.yaml",
        ACCOUNTS / "nordlys-dagligvare.yaml",
        *CONFIG,
        *AS_OF,
        "-f",
        "json",
    )
    rows = {a["account"]: a for a in r.json()["tables"]["accounts"]}  # type: ignore[index]
    assert rows["vestgruppen"]["completeness"] == 81.3
    assert rows["nordlys-dagligvare"]["completeness"] == 68.8
    assert rows["nordlys-dagligvare"]["bands"]["completeness"] == "red"
    text = kamctl("status", ACCOUNTS / "nordlys-dagligvare.yaml", *CONFIG, *AS_OF).stdout
    assert " 69% (11/16) R " in text


def test_parallel_run_gives_the_same_results(kamctl: Kamctl, tmp_path: Path) -> None:
    # 4 × 17 = 68 files: above loader.PARALLEL_FROM (64), so -j 2 uses a process pool
    # (outcomes cross processes without their Account models).
    shutil.copy(EXAMPLES / "kamctl.toml", tmp_path / "kamctl.toml")
    for n in range(4):
        for src in sorted(ACCOUNTS.glob("*.yaml")):
            text = src.read_text(encoding="utf-8").replace(f"\nid: {src.stem}\n", f"\nid: {src.stem}-{n}\n")
            write(tmp_path / "accounts" / f"{src.stem}-{n}.yaml", text)
    one = kamctl("status", *AS_OF, "-f", "json", "-j", "1")
    two = kamctl("status", *AS_OF, "-f", "json", "-j", "2")
    assert one.stdout == two.stdout
    assert len(one.json()["tables"]["accounts"]) == 68  # type: ignore[index]
    assert {a["valid"] for a in one.json()["tables"]["accounts"]} == {True}  # type: ignore[index]
    lint1 = kamctl("lint", *AS_OF, "-f", "json", "-j", "1")
    lint2 = kamctl("lint", *AS_OF, "-f", "json", "-j", "2")
    assert lint1.stdout == lint2.stdout
    assert lint1.json()["files"]["checked"] == 68  # type: ignore[index]


def test_suppression_with_a_token_that_is_no_rule(kamctl: Kamctl, tmp_path: Path) -> None:
    write(tmp_path / "kamctl.toml", '[lint]\nselect = ["KAM105", "KAM002"]\n')
    write(
        tmp_path / "acme.yaml",
        "id: acme\nname: Acme AS\nactions:\n  - action: X  # kamctl: disable=all, KAM105 why\n",
    )
    r = kamctl("lint", "acme.yaml", *AS_OF, "--format", "json")
    # "  - action: X  " is 15 characters, "# kamctl: disable=" 18 → 'all' at column 34;
    # KAM105 (the action has no owner, due or status) is suppressed by the second id.
    assert findings(r) == [("acme.yaml", 4, 34, "KAM002")]
    assert r.json()["diagnostics"][0]["message"] == (  # type: ignore[index]
        "'# kamctl: disable=all': there is no rule 'all' (see 'kamctl rules')"
    )


def test_lint_document_api_without_an_account() -> None:
    import datetime as dt

    from kamctl.config import Config
    from kamctl.lint import lint_document

    diags = lint_document("x.yaml", None, None, [], Config(), dt.date(2026, 11, 24))
    assert [(d.code, d.severity.value, d.message) for d in diags] == [
        ("KAM001", "error", "not a valid account file")
    ]
