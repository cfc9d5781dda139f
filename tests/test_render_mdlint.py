"""The generated Markdown passes a Markdown linter (pymarkdown, default rules).

MD013 (line length) is off: table rows and paragraphs hold the plan's own
sentences, and wrapping them would change the table or the text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pymarkdown.api import PyMarkdownApi

from kamctl.config import load_config
from kamctl.loader import load_accounts
from kamctl.render import render_documents

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "examples" / "kamctl.toml"


@pytest.fixture(scope="module")
def markdown_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    cfg = load_config(CONFIG)
    loaded, problems = load_accounts([], cfg)
    assert not problems and all(lf.ok for lf in loaded)
    out = tmp_path_factory.mktemp("md")
    files = []
    for lang in ("nb", "en"):
        for kind in ("plan", "report"):
            files += render_documents(
                kind, loaded, cfg, fmt="md", lang=lang, as_of=dt.date(2026, 11, 24), out_dir=out / lang
            )
    return files


def test_every_example_and_the_report_was_rendered(markdown_files: list[Path]) -> None:
    # 17 plans + 1 report, in two languages.
    assert len(markdown_files) == 2 * (17 + 1)


def test_generated_markdown_passes_the_linter(markdown_files: list[Path]) -> None:
    failures = []
    for path in markdown_files:
        result = PyMarkdownApi().disable_rule_by_identifier("md013").scan_path(str(path))
        failures += [str(f) for f in result.scan_failures]
        assert not result.critical_errors, result.critical_errors
    assert not failures, "\n".join(failures[:20])


def test_the_linter_would_notice(tmp_path: Path) -> None:
    """Guard against a linter that checks nothing: a real defect is reported."""
    bad = tmp_path / "bad.md"
    bad.write_text("# Title\n\n\n\n## Section\n- item\n", encoding="utf-8")
    result = PyMarkdownApi().disable_rule_by_identifier("md013").scan_path(str(bad))
    assert result.scan_failures
