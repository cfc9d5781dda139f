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


# ----------------------------------------------------------------- languages


def _guidance(text: str) -> list[str]:
    from kamctl.scaffold import guidance_parts

    return guidance_parts(text)


def test_every_comment_of_the_skeletons_is_in_the_catalogue() -> None:
    # A comment added to a template but not to GUIDANCE would stay English in nb.
    from kamctl.config import Config
    from kamctl.scaffold import (
        CONFIG_TEMPLATE,
        GITIGNORE_TEMPLATE,
        GUIDANCE,
        PRE_COMMIT_TEMPLATE,
        account_skeleton,
    )

    skeleton = account_skeleton("x", "X", config=Config()).split("\n", 1)[1]  # the title line has the name
    parts = set()
    for text in (skeleton, CONFIG_TEMPLATE, GITIGNORE_TEMPLATE, PRE_COMMIT_TEMPLATE):
        parts |= set(_guidance(text))
    # A scale and lists of the file's own values: the same in every language.
    parts -= {
        "0–10",
        "pre-kam, early-kam, mid-kam, partnership-kam, synergistic-kam, uncoupling",
        '- name: "", strength: high|medium|low',
        '- description: "", category: people|competitor|technology|...',
    }
    assert sorted(parts - set(GUIDANCE)) == []


def test_new_writes_the_guidance_in_the_configs_language(kamctl, tmp_path: Path) -> None:
    (tmp_path / "kamctl.toml").write_text('accounts = "."\nlang = "nb"\n', encoding="utf-8")
    r = kamctl("new", "nordvik", "--name", "Nordvik AS")  # the fixture's KAMCTL_LANG=en is the terminal's
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "nordvik.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# Kundeplan: Nordvik AS"
    assert "# Vårt kundeteam: hvem gjør hva." in text
    assert "profile: full        # full, eller light for KAM light" in text
    assert "#    revenue: 0" in text  # commented-out YAML keeps its keys
    assert "Our account team" not in text
    assert r.stderr == f"created {tmp_path / 'nordvik.yaml'}\n"  # the terminal's language
    assert kamctl("validate", tmp_path / "nordvik.yaml").exit_code == 0


def test_new_lang_en_writes_english_guidance(kamctl, tmp_path: Path) -> None:
    r = kamctl("new", "nordvik", "--name", "Nordvik AS", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "nordvik.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# Account plan: Nordvik AS"
    assert "# Our account team: who does what." in text


def test_new_errors_in_norwegian(kamctl, tmp_path: Path) -> None:
    (tmp_path / "acme.yaml").write_text("keep me\n")
    r = kamctl("new", "acme", "--name", "Acme", "--lang", "nb")
    assert r.exit_code == 2
    assert r.stderr.endswith("\nkamctl: acme.yaml finnes allerede; ikke overskrevet\n")
    r = kamctl("new", "--name", "X", "--lang", "nb", "--", "con")
    assert r.stderr.endswith("\nkamctl: ugyldig id «con»: «con» er et reservert filnavn i Windows\n")


def test_init_writes_the_chosen_language(kamctl, tmp_path: Path) -> None:
    r = kamctl("init", "plans", "--lang", "nb")
    assert r.exit_code == 0, r.stderr
    assert "opprettet plans/kamctl.toml\n" in r.stderr
    config = (tmp_path / "plans" / "kamctl.toml").read_text(encoding="utf-8")
    assert 'lang = "nb"' in config
    assert "# kamctls porteføljekonfigurasjon." in config
    r = kamctl("init", "english", "--lang", "en")
    config = (tmp_path / "english" / "kamctl.toml").read_text(encoding="utf-8")
    assert 'lang = "en"' in config and "# kamctl portfolio config." in config
    from kamctl.config import load_config

    assert load_config(tmp_path / "english" / "kamctl.toml").lang == "en"
