from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import POSITIVE


def test_text_output_shows_the_line_and_a_caret(kamctl, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("id: a\nname: A\nstakeholders:\n  - name: B\n    stance: 7\n")
    r = kamctl("validate", "--no-cache", "a.yaml")
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        "a.yaml:5:13: error: stakeholders[0].stance: must be between -3 and 3 (got 7)",
        "        stance: 7",
        "                ^",
        "1 file checked, 1 invalid, 1 error",
    ]


def test_valid_files_exit_0(kamctl) -> None:
    r = kamctl("validate", "--no-cache", POSITIVE)
    assert r.exit_code == 0
    assert r.stdout == "4 files checked, 0 invalid, 0 errors\n"


def test_default_folder_comes_from_config(kamctl, tmp_path: Path) -> None:
    (tmp_path / "kamctl.toml").write_text('accounts = "plans"\n')
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "x.yaml").write_text("id: x\nname: X\nkam: 5\n")
    (tmp_path / "elsewhere.yaml").write_text("not: an account\n")
    r = kamctl("validate")
    assert r.exit_code == 0, r.stdout
    assert r.stdout == "1 file checked, 0 invalid, 0 errors\n"


def test_repeat_run_uses_the_cache_and_sees_edits(kamctl, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("id: a\nname: A\n")
    assert kamctl("validate", "a.yaml").exit_code == 0
    assert (tmp_path / ".kamctl_cache" / ".gitignore").read_text().strip().endswith("*")
    assert kamctl("validate", "a.yaml").exit_code == 0
    f.write_text("id: a\nname: A\nname: B\n")  # an edit must be re-checked
    r = kamctl("validate", "a.yaml")
    assert r.exit_code == 1 and "a.yaml:3:1: error: duplicate key" in r.stdout


def test_version_and_help(kamctl) -> None:
    from kamctl import __version__

    assert kamctl("--version").stdout == f"kamctl {__version__}\n"
    r = kamctl("--help")
    assert r.exit_code == 0
    for command in ("validate", "schema", "new", "init"):
        assert command in r.stdout


def test_help_does_not_import_the_heavy_libraries() -> None:
    # `kamctl --help` must start as fast as a bare Typer app: the models,
    # the YAML parsers and Jinja are imported by the commands that use them.
    code = (
        "import sys, kamctl.cli; "
        "print(sorted(m for m in ('pydantic', 'yaml', 'ruamel', 'jinja2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_default_folder_is_reported_relative_to_the_working_folder(kamctl, tmp_path: Path) -> None:
    # The config names the folder; messages must show the path a user would
    # type (and GitHub needs for annotations), not an absolute one.
    (tmp_path / "kamctl.toml").write_text('accounts = "plans"\n', encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "x.yaml").write_text("id: x\nname: [oops\n", encoding="utf-8")
    r = kamctl("validate")
    assert r.exit_code == 1
    assert r.stdout.startswith(f"plans{os.sep}x.yaml:3:1: "), r.stdout
    r = kamctl("lint")
    assert r.stdout.startswith(f"plans{os.sep}x.yaml:3:1: "), r.stdout


def test_github_format_annotates_the_error_at_its_line(kamctl, tmp_path: Path) -> None:
    # GitHub's workflow-command syntax: ::error file=F,line=L,col=C,title=T::message.
    # The stance is on line 5; "stance: " starts at column 5, so the value 7 is at column 13.
    f = tmp_path / "a.yaml"
    f.write_text("id: a\nname: A\nstakeholders:\n  - name: B\n    stance: 7\n")
    r = kamctl("validate", "--no-cache", "-f", "github", "a.yaml")
    assert r.exit_code == 1
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("::error ")]
    assert len(lines) == 1
    assert "file=a.yaml,line=5,col=13" in lines[0]
    assert "must be between -3 and 3" in lines[0]


def test_sarif_format_is_valid_sarif(kamctl, tmp_path: Path) -> None:
    import json

    import jsonschema

    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
    f = tmp_path / "a.yaml"
    f.write_text("id: a\nname: A\nstakeholders:\n  - name: B\n    stance: 7\n")
    r = kamctl("validate", "--no-cache", "-f", "sarif", "a.yaml")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    jsonschema.validate(doc, schema)
    [res] = doc["runs"][0]["results"]
    assert res["level"] == "error"
    assert res["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 13}
