"""The example portfolio is documentation and fixture at once: it must keep
validating and keep covering every field, enum value and situation it claims
to (examples/tools/check_examples.py says what)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLES


def test_examples_still_do_their_job() -> None:
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "tools" / "check_examples.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.rstrip().endswith("17 files, 0 problems")


def test_examples_validate(kamctl) -> None:
    r = kamctl("validate", "--no-cache", EXAMPLES / "accounts")
    assert r.exit_code == 0, r.stdout
    assert r.stdout == "17 files checked, 0 invalid, 0 errors\n"
