"""A broken template override is a located error with exit 2, never a traceback (repro 21).

Each case names the file and line a user has to open; the expected locations
are counted by hand in the template text written here.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

REPRO = Path(__file__).parent / "data" / "repros" / "21-template-overrides-uncaught-errors"
ACCOUNT = EXAMPLES / "accounts" / "kystlab.yaml"


def _render(kamctl, templates: Path, *extra: str):
    return kamctl("render", "-f", "md", "-o", "out", "--templates", templates, *extra, ACCOUNT)


def _mine(tmp_path: Path, text: str, name: str = "plan.md.j2") -> Path:
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_repro_21_latin1_template_is_located_at_the_first_bad_byte(kamctl, tmp_path: Path) -> None:
    r = _render(kamctl, REPRO / "templates-latin1")
    assert r.exit_code == 2
    # "# Kundeplan " is 12 characters; 'æ' in Latin-1 is the byte 0xe6 in column 13.
    assert "templates-latin1/plan.md.j2:1:13: error: template is not UTF-8 text (byte 0xe6)" in r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert not (tmp_path / "out" / "kystlab.md").exists()


def test_repro_21_recursion_is_located(kamctl, tmp_path: Path) -> None:
    r = _render(kamctl, REPRO / "templates-recursion")
    assert r.exit_code == 2
    assert "templates-recursion/plan.md.j2:1: error: template recursion too deep" in r.stderr
    assert "internal error" not in r.stderr


def test_repro_21_memory_is_refused_before_it_is_spent(kamctl, tmp_path: Path) -> None:
    start = time.monotonic()
    r = _render(kamctl, REPRO / "templates-memory")
    elapsed = time.monotonic() - start
    assert r.exit_code == 2
    # 'x' * 3000000000: 3e9 characters, refused against the 1,000,000 limit.
    assert "plan.md.j2:1: error: template builds a value of length 3000000000 with '*' (at most 1000000)" in (
        r.stderr
    )
    # Refused before allocating: the repro grew to 8.8 GB in 60 s before.
    assert elapsed < 30


def test_messages_speak_bokmal(kamctl, tmp_path: Path) -> None:
    r = _render(kamctl, REPRO / "templates-recursion", "--lang", "nb")
    assert "plan.md.j2:1: feil: for dyp rekursjon i malen" in r.stderr


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# Plan\n\n{{ 1 / 0 }}\n", 3, "template failed: ZeroDivisionError: division by zero"),
        ("{{ account.name }}\n{{ account.name|num }}\n", 2, "template failed: ValueError"),
        ("a\nb\n{{ account.nope.deeper }}\n", 3, "template failed: UndefinedError"),
        ("{% include 'missing.md.j2' %}\n", 1, "template failed: TemplateNotFound: missing.md.j2"),
        (
            "x\n{{ [1, 2] * 600000 }}\n",
            2,
            "template builds a value of length 1200000 with '*' (at most 1000000)",
        ),
        # An upper bound: 2 has 2 bits, so 2 ** 200000 at most 2 × 200000 bits.
        (
            "{{ 2 ** 200000 }}\n",
            1,
            "template computes a number of about 400000 bits with '**' (at most 100000)",
        ),
        ("{% if %}\n", 1, "template syntax error"),
    ],
)
def test_runtime_errors_are_located(kamctl, tmp_path: Path, text: str, line: int, message: str) -> None:
    r = _render(kamctl, _mine(tmp_path, text))
    assert r.exit_code == 2
    assert f"mine/plan.md.j2:{line}: error: {message}" in r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr


@pytest.mark.parametrize(
    "expr", ["'x'.ljust(3000000000)", "'x'|center(3000000000)", "'%3000000000s'|format(1)"]
)
def test_other_huge_values_hit_the_memory_bound(kamctl, tmp_path: Path, expr: str) -> None:
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("the address-space bound is Linux only")
    r = _render(kamctl, _mine(tmp_path, "{{ " + expr + " }}\n"))
    assert r.exit_code == 2
    assert (
        "mine/plan.md.j2:1: error: template ran out of memory (at most 1024 MB while it renders)" in r.stderr
    )


def test_the_memory_bound_is_lifted_after_rendering(kamctl, tmp_path: Path) -> None:
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    r = _render(kamctl, _mine(tmp_path, "{{ 'x'.ljust(3000000000) }}\n"))
    assert r.exit_code == 2
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_an_included_partial_is_named_not_the_including_template(kamctl, tmp_path: Path) -> None:
    mine = _mine(tmp_path, "# Plan\n{% include 'part.md.j2' %}\n")
    (mine / "part.md.j2").write_bytes(b"ok\nbad \xff here\n")
    r = _render(kamctl, mine)
    assert r.exit_code == 2
    assert "mine/part.md.j2:2:5: error: template is not UTF-8 text (byte 0xff)" in r.stderr


def test_html_templates_are_guarded_too(kamctl, tmp_path: Path) -> None:
    mine = _mine(tmp_path, "<p>{{ 'x' * 3000000000 }}</p>\n", "plan.html.j2")
    r = kamctl("render", "-f", "html", "-o", "out", "--templates", mine, ACCOUNT)
    assert r.exit_code == 2
    assert "mine/plan.html.j2:1: error: template builds a value of length 3000000000" in r.stderr


def test_an_honest_override_still_renders(kamctl, tmp_path: Path) -> None:
    # Repetition within the limit is fine: a 40-character rule line.
    r = _render(kamctl, _mine(tmp_path, "# {{ account.name }}\n{{ '-' * 40 }}\n"))
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "out" / "kystlab.md").read_text(
        encoding="utf-8"
    ) == "# Kystlab AS\n" + "\\-" + "-" * 39 + "\n"
