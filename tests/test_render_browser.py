"""Every example plan and the portfolio report, opened in headless Chromium
and printed to PDF (A4): the PDF has pages and its text holds the account name.

Needs Debian's `chromium` (and `pdftotext`/`pdfinfo` from poppler-utils for the
text and page checks); .ci/run installs both.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kamctl.config import load_config
from kamctl.loader import load_accounts
from kamctl.render import render_documents

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "examples" / "kamctl.toml"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")

if CHROMIUM is None:
    pytest.skip(
        "headless Chromium not installed (Debian: apt-get install chromium poppler-utils; .ci/run does this)",
        allow_module_level=True,
    )


def _print(html: Path, profile: Path) -> Path:
    pdf = html.with_suffix(".pdf")
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return pdf


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, Path]]:
    cfg = load_config(CONFIG)
    loaded, _ = load_accounts([], cfg)
    out = tmp_path_factory.mktemp("print")
    as_of = dt.date(2026, 11, 24)
    plans = render_documents("plan", loaded, cfg, fmt="html", lang="nb", as_of=as_of, out_dir=out)
    (report,) = render_documents("report", loaded, cfg, fmt="html", lang="nb", as_of=as_of, out_dir=out)
    names = {lf.account.id: lf.account.name for lf in loaded if lf.account is not None}
    names["index"] = "Porteføljerapport"
    files = [*plans, report]
    with ThreadPoolExecutor(max_workers=4) as pool:
        printed = list(pool.map(lambda f: _print(f, out / f"profile-{f.stem}"), files))
    return {f.stem: (names[f.stem], pdf) for f, pdf in zip(files, printed, strict=True)}


def test_every_example_and_the_report_printed(pdfs: dict[str, tuple[str, Path]]) -> None:
    assert len(pdfs) == 17 + 1
    for stem, (_, pdf) in pdfs.items():
        assert pdf.read_bytes()[:5] == b"%PDF-", stem


@pytest.mark.skipif(not POPPLER, reason="pdftotext/pdfinfo not installed (Debian: poppler-utils)")
def test_pdfs_have_a4_pages_and_the_account_name(pdfs: dict[str, tuple[str, Path]]) -> None:
    for stem, (name, pdf) in pdfs.items():
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
        assert pages > 0, stem
        # A4 is 210 × 297 mm = 595.3 × 841.9 points; pdfinfo names it.
        assert re.search(r"^Page size:.*\(A4\)", info, re.M), info
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert name in " ".join(text.split()), stem


@pytest.mark.skipif(not POPPLER, reason="pdftotext/pdfinfo not installed (Debian: poppler-utils)")
def test_a_full_plan_breaks_into_several_pages_a_light_one_is_short(
    pdfs: dict[str, tuple[str, Path]],
) -> None:
    def pages(stem: str) -> int:
        info = subprocess.run(
            ["pdfinfo", str(pdfs[stem][1])], check=True, capture_output=True, text=True
        ).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]

    # Page breaks before stakeholders, opportunities and risks: a full plan
    # has at least four pages; a light plan has no forced breaks.
    assert pages("nordmelk") >= 4
    assert pages("kystlab") < pages("nordmelk")
