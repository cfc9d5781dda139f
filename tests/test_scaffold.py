from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from kamctl.account import Account
from kamctl.yamlsource import parse


def test_new_account_validates_and_has_every_section(kamctl, tmp_path: Path) -> None:
    r = kamctl("new", "nordvik-fisk", "--name", 'Nordvik "Fisk" & Sønn: AS', "--kam", "Kari")
    assert r.exit_code == 0, r.stderr
    path = tmp_path / "nordvik-fisk.yaml"
    text = path.read_text(encoding="utf-8")
    account = Account.model_validate(parse(text).data)
    assert account.id == "nordvik-fisk"
    assert account.name == 'Nordvik "Fisk" & Sønn: AS'
    assert account.kam == "Kari"
    top_level = {line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()}
    sections = set(Account.model_fields) - {
        "classification",
        "selection_criteria",
        "parent",
        "customer_since",
        "notes",
    }
    assert sections <= top_level
    assert kamctl("validate", path).exit_code == 0


def test_new_refuses_to_overwrite(kamctl, tmp_path: Path) -> None:
    (tmp_path / "acme.yaml").write_text("keep me\n")
    r = kamctl("new", "acme", "--name", "Acme")
    assert r.exit_code == 2
    assert "already exists; not overwritten" in r.stderr
    assert (tmp_path / "acme.yaml").read_text() == "keep me\n"


@pytest.mark.parametrize("bad", ["../x", "/etc/passwd", "", "con", "Nordvik", "a b", "-x", "x" * 65])
def test_new_rejects_unsafe_ids(kamctl, tmp_path: Path, bad: str) -> None:
    r = kamctl("new", "--name", "X", "--", bad)
    assert r.exit_code == 2
    assert "invalid id" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_init_creates_a_plan_repository(kamctl, tmp_path: Path) -> None:
    r = kamctl("init", "plans")
    assert r.exit_code == 0, r.stderr
    repo = tmp_path / "plans"
    for name in ("kamctl.toml", ".gitignore", ".pre-commit-config.yaml", "schemas/account.schema.json"):
        assert (repo / name).is_file(), name
    assert (repo / "accounts").is_dir()
    assert ".kamctl_cache/" in (repo / ".gitignore").read_text()
    # a new account in it points at the repository's schema, and validates against it
    import os

    os.chdir(repo)
    assert kamctl("new", "acme", "--name", "Acme AS").exit_code == 0
    text = (repo / "accounts" / "acme.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/account.schema.json\n")
    schema = json.loads((repo / "schemas/account.schema.json").read_text())
    assert not list(Draft7Validator(schema).iter_errors(parse(text).data))
    assert kamctl("validate").exit_code == 0
    # init again adds nothing and overwrites nothing
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    again = kamctl("init", str(repo))
    assert again.exit_code == 0, again.stderr
    assert f"kept {repo / 'kamctl.toml'} (it exists; --force overwrites it)" in again.stderr
    assert {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()} == before
