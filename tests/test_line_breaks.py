"""Positions follow YAML 1.2 line breaks (issue 10, repros 07, 08, 09): CR LF,
CR and LF break lines; U+0085, U+2028 and U+2029 do not (they did in YAML 1.1);
a BOM is not a column of line 1."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kamctl.yamlsource import YamlProblem, decode, parse
from tests.conftest import ROOT, Run

REPROS = ROOT / "tests" / "data" / "repros"


def _validate(kamctl: Callable[..., Run], tmp_path: Path, repro: str, name: str) -> Run:
    shutil.copy(REPROS / repro / name, tmp_path / name)
    return kamctl("validate", "--no-cache", tmp_path / name)


def test_decode_error_after_a_bom_names_the_bad_byte(kamctl: Callable[..., Run], tmp_path: Path) -> None:
    # Line 3 is "notes: caf\xe9 ok": 10 characters, then the Latin-1 é at column 11.
    r = _validate(kamctl, tmp_path, "07-decode-error-offset-with-bom", "account.yaml")
    assert r.exit_code == 1
    assert "account.yaml:3:11: error: not UTF-8 text: byte 0xe9" in r.stdout


def test_decode_error_in_a_cr_only_file_counts_cr_as_a_line_break(
    kamctl: Callable[..., Run], tmp_path: Path
) -> None:
    # "id: x\r", "name: X\r", "notes: caf\xe9\r": the é is line 3, column 11.
    r = _validate(kamctl, tmp_path, "08-decode-error-line-cr-only", "account.yaml")
    assert r.exit_code == 1
    assert "account.yaml:3:11: error: not UTF-8 text: byte 0xe9" in r.stdout
    assert "    notes: caf\ufffd\n" in r.stdout


def test_a_line_separator_in_a_comment_does_not_shift_the_source_line(
    kamctl: Callable[..., Run], tmp_path: Path
) -> None:
    # Line 3 is "# a<LS>b" (one line in YAML 1.2), line 4 "notes: caf\xe9".
    r = _validate(kamctl, tmp_path, "08-decode-error-line-cr-only", "account-ls.yaml")
    assert "account-ls.yaml:4:11: error: not UTF-8 text: byte 0xe9" in r.stdout
    assert "    notes: caf\ufffd\n" in r.stdout


def test_a_line_separator_does_not_end_a_comment(kamctl: Callable[..., Run], tmp_path: Path) -> None:
    r = _validate(
        kamctl, tmp_path, "09-yaml11-line-separator-makes-hidden-key", "account-error-in-comment.yaml"
    )
    # The "stance: 9" after the LS is still comment: nothing to report.
    assert r.exit_code == 0, r.stdout
    doc = parse(decode((REPROS / "09-yaml11-line-separator-makes-hidden-key" / "account.yaml").read_bytes()))
    assert doc.data == {"id": "x", "name": "X"}


@pytest.mark.parametrize("pure", [False, True])
@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_yaml11_breaks_are_ordinary_characters_in_values(char: str, pure: bool) -> None:
    text = f"id: x\nname: A{char}B\nnotes: 'q{char}r'\nk{char}y: 1\nlast: [1, 2]\n"
    doc = parse(text, pure=pure)
    assert doc.data == {"id": "x", "name": f"A{char}B", "notes": f"q{char}r", f"k{char}y": 1, "last": [1, 2]}
    # Line 5 is "last: [1, 2]"; the value starts at column 7.
    assert doc.locate(("last",)) == (5, 7)
    assert doc.source_line(5) == "last: [1, 2]"


def test_a_private_use_character_already_in_the_text_survives() -> None:
    text = "id: x\nname: \ue000\u2028\ue001\n"
    assert parse(text).data["name"] == "\ue000\u2028\ue001"


def test_a_nul_after_a_bom_is_located_without_the_bom() -> None:
    with pytest.raises(YamlProblem) as info:
        decode(b"\xef\xbb\xbfid: x\r\nname: \x00\n")
    assert (info.value.line, info.value.column) == (2, 7)
