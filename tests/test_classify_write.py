"""``kamctl classify --write``: only the intended lines change, twice is once, never half a file."""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from kamctl.classify_write import CannotWrite, update_text, write_classifications, write_one
from tests.conftest import EXAMPLES

# Expected blocks, from examples/README.md (KAISM by hand; ABC table by revenue 2025).
# Scores are the hand-worked values rounded half-up to 2 decimals.
EXPECTED = {
    "havbris-sjomat": ("key", "Diamond", 2, 8.15, 8.17, "A"),  # 163/20, 98/12 = 8.1666…
    "nordlys-dagligvare": ("key", "Diamond", 2, 6.2, 6.25, "A"),  # 124/20, 75/12
    "vestgruppen": ("key", "Diamond", 2, 5.9, 5.25, "C"),  # 118/20, 63/12
    "bergen-byggvare": ("key_development", "Portfolio", 1, 7.15, 4.17, "A"),  # 143/20, 50/12 = 4.1666…
    "polarnett": ("key_development", "Portfolio", 1, 6.85, 3.58, "B"),  # 43/12 = 3.5833…
    "vestgruppen-fiskefor": ("key_development", "Portfolio", 1, 6.55, 4.75, "A"),
    "kystlab": ("key_development", "Portfolio", 1, 5.0, 4.5, "C"),
    "grenland-kjemi": ("key_development", "Portfolio", 1, 6.1, 2.67, "C"),  # 32/12 = 2.666…
    "tromso-fiskeindustri": ("maintenance", "Foundation", 3, 4.1, 7.67, "A"),  # 92/12 = 7.666…
    "mjosen-bakeri": ("maintenance", "Foundation", 3, 4.2, 6.58, "B"),  # 79/12 = 6.5833…
    "hallingdal-mobler": ("maintenance", "Foundation", 3, 3.5, 5.0, "B"),
    "vestgruppen-logistikk": ("maintenance", "Foundation", 3, 4.7, 6.75, "B"),
    "sorlandet-frukt": ("opportunistic", "Opportunistic", 4, 2.25, 2.42, "C"),  # 29/12 = 2.4166…
    "innlandet-trykk": ("opportunistic", "Opportunistic", 4, 4.95, 4.33, "C"),
    "stavanger-offshore-service": ("opportunistic", "Opportunistic", 4, 3.35, 4.42, "B"),  # 53/12
}


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    target = tmp_path / "examples"
    shutil.copytree(EXAMPLES, target)
    return target


def block_lines(quadrant: str, tier: str, priority: int, ca: float, os_: float, abc: str) -> list[str]:
    return [
        "\n",
        "classification:\n",
        f"  quadrant: {quadrant}\n",
        f"  tier: {tier}\n",
        f"  priority: {priority}\n",
        f"  customer_attractiveness: {ca}\n",
        f"  our_strength: {os_}\n",
        f"  abc: {abc}\n",
    ]


def added_and_removed(before: str, after: str) -> tuple[list[str], list[str]]:
    """Lines added and removed, as a line diff reports them (sorted: a blank line
    added before or after a block is the same change)."""
    diff = list(difflib.ndiff(before.splitlines(True), after.splitlines(True)))
    return sorted(d[2:] for d in diff if d.startswith("+ ")), sorted(
        d[2:] for d in diff if d.startswith("- ")
    )


def block_at(text: str, n: int) -> list[str]:
    """The ``classification:`` line and the ``n`` lines after it."""
    lines = text.splitlines(True)
    i = next(i for i, line in enumerate(lines) if line.rstrip("\r\n") == "classification:")
    return lines[i : i + n + 1]


def test_every_example_file_gains_only_its_block(kamctl, portfolio: Path) -> None:
    accounts = portfolio / "accounts"
    before = {p.name: p.read_text(encoding="utf-8") for p in accounts.glob("*.yaml")}
    r = kamctl("classify", "--write", "--format", "json", "--config", portfolio / "kamctl.toml", accounts)
    assert r.exit_code == 0, r.stderr
    assert "classification written to 16 file(s), 1 already up to date" in r.stderr
    for name, old in before.items():
        new = (accounts / name).read_text(encoding="utf-8")
        acc_id = name.removesuffix(".yaml")
        added, removed = added_and_removed(old, new)
        assert removed == [], name
        if acc_id == "nordmelk":
            assert new == old  # its block is already right (README)
        elif acc_id == "agder-elektro":
            # Unclassified ('innovation' not scored): only the ABC class is stored.
            assert added == sorted(["\n", "classification:\n", "  abc: C\n"])
            assert block_at(new, 1) == ["classification:\n", "  abc: C\n"]
        else:
            expected = block_lines(*EXPECTED[acc_id])
            assert added == sorted(expected), name
            assert block_at(new, 6) == expected[1:], name
        # The block sits right after the kaism section, as in nordmelk.yaml.
        lines = new.splitlines()
        assert lines.index("classification:") > lines.index("kaism:")


def test_second_run_changes_nothing(kamctl, portfolio: Path) -> None:
    args = ("classify", "--write", "--format", "json", "--config", portfolio / "kamctl.toml")
    assert kamctl(*args, portfolio / "accounts").exit_code == 0
    snapshot = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (portfolio / "accounts").iterdir()}
    r = kamctl(*args, portfolio / "accounts")
    assert r.exit_code == 0
    assert "classification written to 0 file(s), 17 already up to date" in r.stderr
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (portfolio / "accounts").iterdir()} == snapshot


def test_existing_block_is_edited_in_place_keeping_its_comments(tmp_path: Path) -> None:
    text = (
        "# top comment\n"
        "id: x\n"
        "name: 'X AS'   # quoted on purpose\n"
        "classification:\n"
        "  # written by kamctl\n"
        "  quadrant: key\n"
        '  tier: "Old name"\n'
        "  abc: B\n"
        "notes: |\n"
        "  keep\n"
        "  this\n"
    )
    new = update_text(text, {"quadrant": "key", "tier": "Diamond", "abc": "A"})
    added, removed = added_and_removed(text, new)
    assert removed == ["  abc: B\n", '  tier: "Old name"\n']
    # The user's quoting of the value is kept for the new value.
    assert added == ["  abc: A\n", '  tier: "Diamond"\n']
    assert "  # written by kamctl\n" in new and "name: 'X AS'   # quoted on purpose\n" in new


def test_stale_keys_are_removed_when_unclassified() -> None:
    text = "id: x\nname: X\nclassification:\n  quadrant: key\n  tier: Diamond\n  abc: A\n"
    new = update_text(text, {"abc": "A"})
    assert new == "id: x\nname: X\nclassification:\n  abc: A\n"
    # Nothing to store at all: the block goes.
    assert update_text(text, {}) == "id: x\nname: X\n"


def test_bom_crlf_quotes_and_flow_style_survive(tmp_path: Path) -> None:
    text = (
        "\ufeffid: x\r\n"
        'name: "X AS"\r\n'
        "org_number: '974 560 118'\r\n"
        "country: NO   # text, not false\r\n"
        "kaism:\r\n"
        "  customer_attractiveness: {growth: 5}\r\n"
        "  scored_by: [A, B]\r\n"
        "\r\n"
        "# people\r\n"
        "stakeholders:\r\n"
        "  - name: Kari\r\n"
    )
    new = update_text(text, {"abc": "C"})
    assert new.startswith("\ufeff")
    assert "\n" not in new.replace("\r\n", "")  # every line end still CRLF
    added, removed = added_and_removed(text, new)
    assert removed == []
    assert added == sorted(["\r\n", "classification:\r\n", "  abc: C\r\n"])
    assert block_at(new, 1) == ["classification:\r\n", "  abc: C\r\n"]


def test_other_indentation_styles_are_kept() -> None:
    # Sequences not indented under their key (another common style).
    text = "id: x\nname: X\nfinancials:\n- year: 2025\n  revenue: 5\nkaism:\n  customer_attractiveness:\n    growth: 5\n"
    new = update_text(text, {"abc": "A"})
    added, removed = added_and_removed(text, new)
    assert removed == []
    assert added == sorted(["\n", "classification:\n", "  abc: A\n"])


def test_a_layout_ruamel_would_change_is_refused() -> None:
    # Two different indentations in one file: no single style reproduces it.
    text = "id: x\nname: X\nkaism:\n  scored_by:\n      - A\nteam:\n- name: B\n"
    with pytest.raises(CannotWrite, match="layout"):
        update_text(text, {"abc": "A"})


def test_interrupted_write_leaves_the_original(monkeypatch: pytest.MonkeyPatch, portfolio: Path) -> None:
    path = portfolio / "accounts" / "kystlab.yaml"
    original = path.read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    outcome = write_classifications([(str(path), {"abc": "C", "quadrant": "key_development"})])
    assert outcome.written == [] and outcome.refused
    assert "No space left on device" in outcome.refused[0][1]
    assert path.read_bytes() == original
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []  # no temp file left


def test_failed_write_via_cli_reports_and_exits_1(
    kamctl, monkeypatch: pytest.MonkeyPatch, portfolio: Path
) -> None:
    before = {p: p.read_bytes() for p in (portfolio / "accounts").iterdir()}

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    r = kamctl("classify", "--write", "--config", portfolio / "kamctl.toml", portfolio / "accounts")
    assert r.exit_code == 1
    assert "kystlab.yaml: error: cannot write: No space left on device" in r.stderr
    assert "16 not written" in r.stderr
    assert {p: p.read_bytes() for p in (portfolio / "accounts").iterdir()} == before


def test_ctrl_c_during_the_write_leaves_the_original(
    monkeypatch: pytest.MonkeyPatch, portfolio: Path
) -> None:
    path = portfolio / "accounts" / "kystlab.yaml"
    original = path.read_bytes()

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_one(path, {"abc": "C"})
    assert path.read_bytes() == original
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_file_changed_since_it_was_read_is_not_written(portfolio: Path) -> None:
    from kamctl.account import Account
    from kamctl.yamlsource import parse

    path = portfolio / "accounts" / "kystlab.yaml"
    account = Account.model_validate(parse(path.read_text(encoding="utf-8")).data)
    # Someone saves a change after the analysis read the file.
    edited = path.read_text(encoding="utf-8").replace("stage: early-kam", "stage: mid-kam")
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(CannotWrite, match="changed on disk"):
        write_one(path, {"abc": "C"}, account)
    assert path.read_text(encoding="utf-8") == edited


def test_symlink_is_not_written_through(portfolio: Path) -> None:
    target = portfolio / "accounts" / "kystlab.yaml"
    link = portfolio / "accounts" / "link.yaml"
    link.symlink_to(target)
    original = target.read_bytes()
    outcome = write_classifications([(str(link), {"abc": "C"})])
    assert outcome.refused and "symlink" in outcome.refused[0][1]
    assert target.read_bytes() == original and link.is_symlink()


def test_file_mode_is_kept(portfolio: Path) -> None:
    path = portfolio / "accounts" / "kystlab.yaml"
    path.chmod(0o640)
    assert write_one(path, {"abc": "C"}) is True
    assert (path.stat().st_mode & 0o777) == 0o640
