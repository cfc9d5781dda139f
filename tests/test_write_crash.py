"""Writes under SIGKILL and under a concurrent writer (issue 10, "Data at risk").

A writer is killed at a random moment of ``atomic_write_text`` (temp file,
fsync, compare, rename), many times: the file is then always exactly the old
or the new text, never a part of either. Two writers of one file never both
succeed while one's update is lost: the second refuses.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest

from kamctl import writeback
from kamctl.writeback import WriteRefused, atomic_write_text

# Big enough that a write takes several system calls (a partial file would
# show), small enough that 200 runs stay short: 512 KiB each.
OLD = "a" * (512 * 1024) + "\n"
NEW = "b" * (512 * 1024 - 7) + "\nend.\n"

CTX = multiprocessing.get_context("fork")


def _writer(path: str) -> None:
    while True:  # until killed: rewrite the file back and forth
        p = Path(path)
        raw = p.read_bytes()
        atomic_write_text(p, NEW if raw == OLD.encode() else OLD, expect=raw)


def _kill_loop(tmp_path: Path, runs: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    path = tmp_path / "plan.yaml"
    seen = {"old": 0, "new": 0}
    for _ in range(runs):
        path.write_text(OLD, encoding="utf-8")
        proc = CTX.Process(target=_writer, args=(str(path),))
        proc.start()
        time.sleep(rng.uniform(0.0, 0.03))  # a random moment, often mid-write
        assert proc.pid is not None
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        data = path.read_bytes()
        assert data in (OLD.encode(), NEW.encode()), f"partial file: {len(data)} bytes"
        seen["old" if data == OLD.encode() else "new"] += 1
        # A killed writer can leave its temporary file (it never ran its cleanup);
        # it is hidden, never the plan itself, and the next write ignores it.
        for leftover in tmp_path.glob(".plan.yaml.*.tmp"):
            leftover.unlink()
    return seen


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this platform")
def test_sigkill_mid_write_leaves_old_or_new_never_partial(tmp_path: Path) -> None:
    seen = _kill_loop(tmp_path, runs=25, seed=10)
    assert sum(seen.values()) == 25


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this platform")
def test_sigkill_200_times(tmp_path: Path) -> None:
    seen = _kill_loop(tmp_path, runs=200, seed=200)
    # Both outcomes happen: the kills really land before and after renames.
    assert seen["old"] > 0 and seen["new"] > 0, seen


def _slow_compare(path: Path, expect: bytes) -> None:
    # Both writers compare, then linger before their rename: the window a busy
    # machine gives, made wide so the race happens every time.
    _real_compare(path, expect)
    time.sleep(0.3)


_real_compare = writeback._still_as_read


def _racer(path: str, line: str, start: float, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    writeback._still_as_read = _slow_compare  # type: ignore[assignment]
    p = Path(path)
    raw = p.read_bytes()
    while time.monotonic() < start:
        time.sleep(0.001)
    try:
        atomic_write_text(p, raw.decode() + line, expect=raw)
        results.put(("written", line))
    except WriteRefused as exc:
        results.put(("refused", str(exc)))


def test_two_writers_never_lose_an_update(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("id: acme\nname: Acme AS\n", encoding="utf-8")
    results: multiprocessing.Queue = CTX.Queue()  # type: ignore[type-arg]
    start = time.monotonic() + 0.5  # both have read the file by then
    procs = [
        CTX.Process(target=_racer, args=(str(path), line, start, results))
        for line in ("notes: from A\n", "kam: from B\n")
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(30)
    outcomes = sorted(results.get(timeout=5) for _ in procs)
    final = path.read_text(encoding="utf-8")
    written = [line for kind, line in outcomes if kind == "written"]
    refused = [message for kind, message in outcomes if kind == "refused"]
    # Exactly one wins; its update is in the file; the other says so and wrote nothing.
    assert len(written) == 1 and len(refused) == 1, outcomes
    assert final == "id: acme\nname: Acme AS\n" + written[0]
    assert "changed on disk since it was read; run again" in refused[0]
    assert list(tmp_path.glob(".plan.yaml.*.tmp")) == []
