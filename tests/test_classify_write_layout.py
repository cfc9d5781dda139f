"""``classify --write`` keeps the layout around the block it writes (repro 10, issue 10).

ruamel.yaml keeps the blank lines and comments that follow a block's last
value *with that value*. Written naively, a key added after it lands below
those lines: a blank line inside the block, a skeleton's ``# Our account
team`` comment above ``classification:`` instead of above ``team:``. Each
expected text here is written out by hand: the input with exactly the lines
the new block needs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kamctl.classify_write import update_text

FULL = {
    "quadrant": "key_development",
    "tier": "Key development account",
    "priority": 1,
    "customer_attractiveness": 8.0,
    "our_strength": 3.0,
    "abc": "A",
}

HEAD = "id: acme\nname: Acme AS\nfinancials:\n  - year: 2025\n    revenue: 100\n"
KAISM = "kaism:\n  customer_attractiveness:\n    growth: 8\n  our_strength:\n    product_fit: 3\n"


def test_repro_10_stale_block_keeps_its_blank_line_and_comment_gap() -> None:
    # The repro's file: a stale block with an end-of-line comment, a blank line, notes.
    text = (
        HEAD + KAISM + "\n"
        "classification:  # written by kamctl\n"
        "  quadrant: key  # old\n"
        "  tier: Old\n"
        "\n"
        "notes: Something.\n"
    )
    expected = (
        HEAD + KAISM + "\n"
        "classification:  # written by kamctl\n"
        "  quadrant: key_development  # old\n"  # two spaces before '#', as before
        "  tier: Key development account\n"
        "  priority: 1\n"
        "  customer_attractiveness: 8.0\n"
        "  our_strength: 3.0\n"
        "  abc: A\n"
        "\n"  # the blank line stays between the block and notes
        "notes: Something.\n"
    )
    assert update_text(text, FULL) == expected


def test_repro_10_files_from_the_shared_folder(kamctl, tmp_path: Path) -> None:
    repro = Path(__file__).parent / "data" / "repros" / "10-classify-write-stale-block-layout"
    work = tmp_path / "repro10"
    shutil.copytree(repro, work)
    r = kamctl("classify", "--write", "--config", work / "kamctl.toml", work / "accounts")
    assert r.exit_code == 0, r.stderr
    lines = (work / "accounts" / "acme.yaml").read_text(encoding="utf-8").splitlines()
    i = lines.index("classification:  # written by kamctl")
    assert lines[i + 1] == "  quadrant: key_development  # old"
    assert lines[i + 2 : i + 9] == [
        "  tier: Key development account",
        "  priority: 1",
        "  customer_attractiveness: 8.0",
        "  our_strength: 3.0",
        "  abc: A",
        "",
        "notes: Something.",
    ]


def test_a_shorter_value_keeps_the_comment_column() -> None:
    # Aligned comments stay aligned when the new value is shorter.
    text = "id: x\nname: X\nclassification:\n  quadrant: key_development  # a\n  tier: Portfolio        # b\n"
    new = update_text(text, {"quadrant": "key", "tier": "Diamond"})
    assert (
        new
        == "id: x\nname: X\nclassification:\n  quadrant: key              # a\n  tier: Diamond          # b\n"
    )


def test_new_block_goes_above_the_comment_of_the_next_section() -> None:
    # A skeleton from `kamctl new` with scores filled in.
    text = (
        "id: acme\n"
        "name: Acme AS\n"
        "kaism:\n"
        "  customer_attractiveness:\n"
        "    growth: 8   # 0–10\n"
        "  our_strength:\n"
        "    product_fit: 3   # 0–10\n"
        "\n"
        "# Our account team: who does what.\n"
        "team: []\n"
    )
    expected = (
        "id: acme\n"
        "name: Acme AS\n"
        "kaism:\n"
        "  customer_attractiveness:\n"
        "    growth: 8   # 0–10\n"
        "  our_strength:\n"
        "    product_fit: 3   # 0–10\n"
        "\n"
        "classification:\n"
        "  quadrant: key_development\n"
        "  tier: Key development account\n"
        "  priority: 1\n"
        "  customer_attractiveness: 8.0\n"
        "  our_strength: 3.0\n"
        "  abc: A\n"
        "\n"
        "# Our account team: who does what.\n"
        "team: []\n"
    )
    assert update_text(text, FULL) == expected


def test_new_block_after_a_list_keeps_the_comment_with_the_next_key() -> None:
    # No kaism section: the block goes after financials, a list whose last item
    # holds the following comment in ruamel.yaml's model.
    text = HEAD + "# Contact people\nstakeholders: []\n"
    expected = HEAD + "\nclassification:\n  abc: A\n# Contact people\nstakeholders: []\n"
    assert update_text(text, {"abc": "A"}) == expected


def test_scaffolded_file_gets_its_block_between_kaism_and_the_team_comment(kamctl, tmp_path: Path) -> None:
    # The first-week walk: init, new, scores typed in, classify --write.
    assert kamctl("init", tmp_path).exit_code == 0
    cfg = tmp_path / "kamctl.toml"
    r = kamctl("new", "acme", "--name", "Acme AS", "--config", cfg, "--dir", tmp_path / "accounts")
    assert r.exit_code == 0, r.stderr
    path = tmp_path / "accounts" / "acme.yaml"
    text = path.read_text(encoding="utf-8")
    scored = text.replace("  customer_attractiveness: {}\n", "  customer_attractiveness:\n").replace(
        "  our_strength: {}\n", "  our_strength:\n"
    )
    for criterion in ("volume_potential", "margin_potential", "growth", "strategic_fit"):
        scored = scored.replace(f"    # {criterion}:   # 0–10", f"    {criterion}: 8   # 0–10")
    for criterion in ("reference_value", "relationship_potential"):
        scored = scored.replace(f"    # {criterion}:   # 0–10", f"    {criterion}: 8   # 0–10")
    for criterion in (
        "product_fit",
        "relationship_depth",
        "delivery_record",
        "price_position",
        "share_of_wallet",
    ):
        scored = scored.replace(f"    # {criterion}:   # 0–10", f"    {criterion}: 3   # 0–10")
    path.write_text(scored, encoding="utf-8")
    r = kamctl("classify", "--write", "--config", cfg, tmp_path / "accounts")
    assert r.exit_code == 0, r.stderr
    # All criteria 8 and 3: the axis scores are 8 and 3 whatever the weights.
    block = (
        "\n"
        "classification:\n"
        "  quadrant: key_development\n"
        "  tier: Key development account\n"
        "  priority: 1\n"
        "  customer_attractiveness: 8.0\n"
        "  our_strength: 3.0\n"
    )
    anchor = "    share_of_wallet: 3   # 0–10\n"
    assert anchor in scored
    assert path.read_text(encoding="utf-8") == scored.replace(anchor, anchor + block)
    assert "  our_strength: 3.0\n\n# Our account team: who does what.\nteam: []\n" in path.read_text(
        encoding="utf-8"
    )


def test_empty_classification_key_gets_its_block_above_what_followed() -> None:
    text = "id: x\nname: X\nclassification:\n\n# free text\nnotes: a\n"
    assert (
        update_text(text, {"abc": "B"})
        == "id: x\nname: X\nclassification:\n  abc: B\n\n# free text\nnotes: a\n"
    )


def test_removed_block_leaves_the_next_sections_comment() -> None:
    text = (
        "id: x\n"
        "name: X\n"
        "kaism:\n"
        "  our_strength:\n"
        "    product_fit: 3\n"
        "\n"
        "classification:\n"
        "  quadrant: key\n"
        "\n"
        "# Free text\n"
        "notes: a\n"
    )
    expected = "id: x\nname: X\nkaism:\n  our_strength:\n    product_fit: 3\n\n# Free text\nnotes: a\n"
    assert update_text(text, {}) == expected


def test_block_at_the_end_of_the_file_keeps_the_trailing_comment_last() -> None:
    text = "id: x\nname: X\nclassification:\n  abc: B\n\n# end of plan\n"
    assert update_text(text, {"abc": "B", "tier": "T"}) == (
        "id: x\nname: X\nclassification:\n  abc: B\n  tier: T\n\n# end of plan\n"
    )
