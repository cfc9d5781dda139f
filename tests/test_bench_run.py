"""bench/run.py's verdicts: ratios against the right baseline, exit codes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
assert _spec is not None and _spec.loader is not None
run = importlib.util.module_from_spec(_spec)
sys.modules["bench_run"] = run  # dataclasses look their module up while the class is made
_spec.loader.exec_module(run)


def _rows(cold: float, analysis: float) -> list:  # type: ignore[type-arg]
    Row = run.Row  # (label, files, wall seconds of 3 runs, CPU seconds of 3 runs)
    n = 10_000
    return [
        Row("read bytes (baseline)", n, [0.2, 0.1, 0.3], [0.1, 0.1, 0.1]),
        Row("parse, PyYAML CSafeLoader (baseline)", n, [10.0, 10.0, 10.0], [10.0, 10.0, 10.0]),
        Row("validate --no-cache", n, [cold] * 3, [cold] * 3, versus="C parse", target=1.5),
        Row("validate, warm cache", n, [0.5] * 3, [0.4] * 3, versus="read", target=10.0),
        Row("abc --format json", n, [analysis] * 3, [analysis] * 3, versus="validate", target=1.5),
        Row("bare Typer app --help, kamctl's settings (baseline)", None, [0.05] * 10, [0.05] * 10),
        Row("kamctl --help", None, [0.055] * 10, [0.05] * 10, versus="bare Typer", target=1.2),
    ]


def test_all_targets_met() -> None:
    # cold 12 / 10 = 1.2; warm 0.5 / median(0.2, 0.1, 0.3) = 0.5 / 0.2 = 2.5;
    # abc 15 / 12 = 1.25; help 0.055 / 0.05 = 1.1.
    text, ok = run.report(_rows(cold=12.0, analysis=15.0), 3)
    assert ok
    assert (
        "| 10,000 | validate --no-cache | 12.000 | 1.20 | 12.00 | 1.20× C parse (CPU 1.20×) | ≤ 1.5× | ok |"
        in text
    )
    assert "2.50× read" in text
    assert "1.25× validate" in text
    assert "1.10× bare Typer" in text
    assert "MISSED" not in text


def test_a_missed_target_is_named() -> None:
    # abc 19 / 12 = 1.58 > 1.5.
    text, ok = run.report(_rows(cold=12.0, analysis=19.0), 3)
    assert not ok
    assert (
        "| 10,000 | abc --format json | 19.000 | 1.90 | 19.00 | 1.58× validate (CPU 1.58×) | ≤ 1.5× | MISSED |"
        in text
    )


@pytest.mark.parametrize(("argv", "code"), [([], 1), (["--no-check"], 0)])
def test_exit_code(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str], code: int, capsys
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(run, "measure", lambda sizes, runs, work: _rows(cold=16.0, analysis=16.0))
    out = tmp_path / "results.txt"
    assert run.main(["--quick", "--work", str(tmp_path), "--output", str(out), *argv]) == code
    printed = capsys.readouterr().out
    assert "1.60× C parse" in printed  # 16 / 10
    assert "Some targets were MISSED." in printed
    assert out.read_text(encoding="utf-8") == printed
    assert "Machine:" in printed and "Python: " in printed
