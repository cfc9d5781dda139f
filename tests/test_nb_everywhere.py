"""A Norwegian run of every command over the examples shows no English message.

Issue 11: "a sales leader should never meet an English sentence in a Norwegian
run of the tool". Every command runs once with ``--lang nb`` over the example
portfolio (with its git history, for ``diff`` and ``log``); its stdout, stderr
and the files it writes are scanned two ways:

- every English message id of the catalogue whose bokmål differs is a phrase
  that must not appear verbatim (a text that bypassed the catalogue, or a
  pair that never reached it);
- a short list of English words and raw enum values that no Norwegian text
  contains (``the``, ``None``, ``in_progress``): they catch English that has
  no message id at all.

Names, codes, field paths and YAML keys are not messages and are left alone:
the skeleton ``kamctl new`` writes is YAML (its keys are English by design),
and ``kamctl schema`` is a machine format for editors.
"""

from __future__ import annotations

import os
import re
import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import EXAMPLES, ROOT
from typer.testing import CliRunner

PO = ROOT / "kamctl" / "locale" / "nb" / "LC_MESSAGES" / "kamctl.po"
AS_OF = ("--as-of", "2026-11-24")


def _commands(tmp: Path) -> list[list[str]]:
    out = tmp / "out"
    return [
        ["validate", "accounts"],
        ["lint", "accounts", *AS_OF],
        ["classify", "accounts"],
        ["abc", "accounts"],
        ["risk", "accounts"],
        ["status", "accounts", *AS_OF],
        ["measures", "accounts", *AS_OF],
        ["agenda", "accounts", *AS_OF],
        ["rules"],
        ["schema", "-o", str(tmp / "schema.json")],
        ["new", "ny-kunde", "-n", "Ny Kunde AS", "-d", str(tmp / "new")],
        ["init", str(tmp / "init")],
        ["diff", "2026-01-31", "HEAD"],
        ["log", "polarnett"],
        ["render", "accounts", "-f", "md", "-o", str(out / "plan-md"), *AS_OF],
        ["render", "accounts", "-f", "html", "-o", str(out / "plan-html"), *AS_OF],
        ["report", "accounts", "-f", "md", "-o", str(out / "report-md"), *AS_OF],
        ["report", "accounts", "-f", "html", "-o", str(out / "report-html"), *AS_OF],
    ]


@pytest.fixture(scope="module")
def nb_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What each command showed and wrote, by "command #n" or file name."""
    from kamctl.cli import app

    tmp = tmp_path_factory.mktemp("nb")
    repo = tmp / "demo"
    runpy.run_path(str(EXAMPLES / "make_history.py"))["build"](repo)
    saved_cwd, saved_env = Path.cwd(), dict(os.environ)
    os.chdir(repo)
    os.environ["NO_COLOR"] = "1"
    for name in ("KAMCTL_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS"):
        os.environ.pop(name, None)
    texts: dict[str, str] = {}
    try:
        for n, args in enumerate(_commands(tmp)):
            r = CliRunner().invoke(app, [*args, "--lang", "nb"], catch_exceptions=False)
            assert r.exit_code in (0, 1), (args, r.stdout, r.stderr)
            texts[f"{args[0]} #{n} stdout"] = r.stdout
            texts[f"{args[0]} #{n} stderr"] = r.stderr
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    for f in sorted((tmp / "out").rglob("*.*")):
        texts[f.name] = f.read_text(encoding="utf-8")
    return texts


def _english_phrases() -> set[str]:
    """Pieces of message ids (between placeholders) of two words or more that
    the bokmål catalogue says differently; a piece that bokmål uses too (a
    loanword: "share of wallet", "white space") is not English evidence."""
    with PO.open("rb") as fh:
        catalog = read_po(fh)
    entries = [m for m in catalog if m.id]
    all_nb = "\n".join(s for m in entries for s in (m.string if isinstance(m.string, tuple) else (m.string,)))
    phrases: set[str] = set()
    for m in entries:
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if set(ids) & set(strings):
            continue  # the same in both languages (a code, a name)
        for mid in ids:
            for piece in re.split(r"\{[^}]*\}|%\([^)]*\)s", mid):
                piece = piece.strip(" .,:;()«»\"'")
                if len(piece.split()) >= 2 and len(piece) >= 8 and piece not in all_nb:
                    phrases.add(piece)
    return phrases


def _shown(texts: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(where, line) of every line a person reads: documents without their
    stylesheet, terminal output; not the YAML skeleton or the schema."""
    for where, text in texts.items():
        if where.endswith(".html"):
            text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
        for line in text.splitlines():
            yield where, line


def test_no_english_message_id_in_a_norwegian_run(nb_texts: dict[str, str]) -> None:
    phrases = _english_phrases()
    assert len(phrases) > 300  # the scan has something to look for
    found = sorted(
        {(where, phrase) for where, line in _shown(nb_texts) for phrase in phrases if phrase in line}
    )
    assert found == []


# Words and values no bokmål sentence contains, each \b-delimited: English
# function words, Python's None, and action statuses shown raw inside a
# sentence instead of as their label. (Codes in a table column, like the
# stage "mid-kam" or a goal's "on_track" in `kamctl measures`, are values
# scripts match on, as in the JSON.)
ENGLISH = re.compile(
    r"(?<![-_])\b(the|and|with|is|are|was|has|have|which|must|should|would|been|this|that"
    r"|None|customers?|Customer AS|using|defaults?"
    r"|in_progress|planned|cancelled)\b(?![-_])|\b(?:account|file)\(s\)"
)


def test_no_english_word_in_a_norwegian_run(nb_texts: dict[str, str]) -> None:
    found = [
        (where, m.group(0), line.strip()[:160])
        for where, line in _shown(nb_texts)
        if not line.lstrip().startswith(("<svg", "<path", "<!--"))
        for m in [ENGLISH.search(re.sub(r"<[^>]*>", " ", line))]
        if m
    ]
    assert found == []


def test_the_scan_catches_english(nb_texts: dict[str, str]) -> None:
    """The two scans fail on the English a Norwegian run used to show."""
    leaked = {
        "x": 'kamctl: no revenue for None in 30 account(s)\nneste steg: kamctl new ID --name "Customer AS"'
    }
    assert [m.group(0) for _, line in _shown(leaked) for m in ENGLISH.finditer(line)] == [
        "None",
        "account(s)",
        "Customer AS",
    ]
    phrases = _english_phrases()
    assert "files checked" in phrases or any("checked" in p for p in phrases)
