"""Golden files: the rendered plan of two example accounts (a full and a light
plan) and the portfolio report, in Markdown and HTML, in nb and en.

A change to templates or facts shows up here as a diff to review. To accept a
deliberate change, regenerate and READ the diff before committing:

    KAMCTL_UPDATE_GOLDEN=1 python -m pytest tests/test_render_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from pathlib import Path

import pytest

from kamctl.config import load_config
from kamctl.loader import load_accounts
from kamctl.render import render_documents

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
CONFIG = ROOT / "examples" / "kamctl.toml"
AS_OF = dt.date(2026, 11, 24)
ACCOUNTS = ("nordmelk", "kystlab")
UPDATE = os.environ.get("KAMCTL_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cfg = load_config(CONFIG)
    loaded, _ = load_accounts([], cfg)
    wanted = [lf for lf in loaded if lf.account is not None and lf.account.id in ACCOUNTS]
    # The rest of the portfolio is context for ABC and shares, as with the CLI.
    context = [lf.account for lf in loaded if lf.account is not None]
    out = tmp_path_factory.mktemp("golden")
    for lang in ("nb", "en"):
        for fmt in ("md", "html"):
            render_documents(
                "plan", wanted, cfg, fmt=fmt, lang=lang, as_of=AS_OF, out_dir=out / lang, context=context
            )
            render_documents("report", loaded, cfg, fmt=fmt, lang=lang, as_of=AS_OF, out_dir=out / lang)
    return out


CASES = [
    (lang, f"{stem}.{fmt}")
    for lang in ("nb", "en")
    for stem in (*ACCOUNTS, "index")
    for fmt in ("md", "html")
]


@pytest.mark.parametrize(("lang", "name"), CASES, ids=[f"{lang}/{name}" for lang, name in CASES])
def test_matches_golden(rendered: Path, lang: str, name: str) -> None:
    got = (rendered / lang / name).read_text(encoding="utf-8")
    golden = GOLDEN / lang / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8", newline="")
    assert golden.is_file(), f"no golden file {golden}; run with KAMCTL_UPDATE_GOLDEN=1 and review it"
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = difflib.unified_diff(
            want.splitlines(), got.splitlines(), f"golden/{lang}/{name}", "rendered", lineterm="", n=1
        )
        pytest.fail("rendered output differs from the golden file:\n" + "\n".join(list(diff)[:60]))
