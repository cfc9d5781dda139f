"""One refused output aborts ``render`` before any file is written (issue 10).

Decision: all or nothing. Every document is staged in a hidden temporary
file first; only when all are staged are they renamed into place. So a
refused target or a failing template leaves the output folder exactly as it
was, with exit 2 and one located message.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLES

ACCOUNTS = EXAMPLES / "accounts"
THREE = [ACCOUNTS / n for n in ("havbris-sjomat.yaml", "kystlab.yaml", "nordmelk.yaml")]


def _state(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def test_a_folder_where_a_plan_goes_aborts_before_anything_is_written(kamctl, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "kystlab.md").mkdir(parents=True)  # sorts second of three
    r = kamctl("render", "-f", "md", "-o", out, *THREE)
    assert r.exit_code == 2
    assert "cannot write" in r.stderr and "kystlab.md is not a regular file; nothing written" in r.stderr
    # havbris-sjomat (rendered first) was not written, nor was nordmelk; no temporary file is left.
    assert _state(out) == {"kystlab.md": None}


def test_a_failing_template_on_one_plan_leaves_the_old_documents(kamctl, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert kamctl("render", "-f", "md", "-o", out, *THREE).exit_code == 0
    before = _state(out)
    assert sorted(before) == ["havbris-sjomat.md", "kystlab.md", "nordmelk.md"]
    mine = tmp_path / "mine"
    mine.mkdir()
    # Fails only for the last plan: the first two were rendered and staged already.
    (mine / "plan.md.j2").write_text(
        "# {{ account.name }}\n{% if account.id == 'nordmelk' %}{{ 1 / 0 }}{% endif %}\n", encoding="utf-8"
    )
    r = kamctl("render", "-f", "md", "-o", out, "--templates", mine, *THREE)
    assert r.exit_code == 2
    assert "mine/plan.md.j2:2: error: template failed: ZeroDivisionError" in r.stderr
    assert _state(out) == before  # the old plans, byte for byte, and nothing else


def test_a_symlink_where_the_report_goes_is_refused(kamctl, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("keep\n", encoding="utf-8")
    (out / "index.md").symlink_to(elsewhere)
    r = kamctl("report", "-f", "md", "-o", out, *THREE)
    assert r.exit_code == 2
    assert "refusing to write" in r.stderr and "index.md: it would land outside" in r.stderr
    assert elsewhere.read_text(encoding="utf-8") == "keep\n"
    assert sorted(p.name for p in out.iterdir()) == ["index.md"]
