from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
FILES = ROOT / "tests" / "example-files"
POSITIVE = FILES / "positive"
NEGATIVE = FILES / "negative"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's locale is one step of choosing the language (after --lang,
    $KAMCTL_LANG and the config): clear it, so an en_US shell or CI machine does
    not change what the tests see. Tests of the locale step set it themselves."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)


class Run:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def json(self) -> object:
        return json.loads(self.stdout)


@pytest.fixture
def kamctl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run the CLI in-process from a scratch working folder (so no cache or
    config of the repository leaks in)."""
    from kamctl.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    # Terminal messages follow --lang / $KAMCTL_LANG / config lang (default nb);
    # tests assert the English text unless they choose a language themselves.
    monkeypatch.setenv("KAMCTL_LANG", "en")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    # Tables fit $COLUMNS when it is set (kamctl/fit.py); a test's output must not
    # depend on the terminal that runs pytest.
    monkeypatch.delenv("COLUMNS", raising=False)

    def run(*args: str | Path) -> Run:
        result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


def example_measures(kamctl: Callable[..., Run], *extra: str) -> dict[str, object]:
    """``kamctl measures`` over examples/accounts as of 2026-11-24, as JSON: the
    date and config the examples' hand-worked measures (examples/README.md) use."""
    run = kamctl(
        "measures",
        "--as-of",
        "2026-11-24",
        "--config",
        EXAMPLES / "kamctl.toml",
        EXAMPLES / "accounts",
        "--format",
        "json",
        *extra,
    )
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert isinstance(doc, dict)
    return doc
