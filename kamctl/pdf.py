"""PDF output: the HTML documents printed by headless Chromium, with metadata.

Why Chromium and not WeasyPrint: the HTML documents are what people open in a
browser, and Chromium prints exactly what they see there — the same CSS
(grid, ``break-inside``, ``@page`` margin boxes with page counters) and the
same SVG renderer, with fonts subset and embedded, a tagged PDF with the
document's language (``/Lang`` from ``<html lang>``) and an outline from the
headings. WeasyPrint would be a second layout engine to keep the documents
right in, and a pip extra that needs Pango and its system libraries anyway;
``chromium`` is one package on Debian/Ubuntu (``apt-get install chromium``),
Homebrew (``brew install --cask chromium``) and every desktop that already
has Chrome. Without a browser, ``--format pdf`` says how to get one (exit 2).

Chromium writes the title (from ``<title>``) but no author, so
:func:`set_info` adds an *incremental update* to the file: a new document
information dictionary (title, author = the KAM, subject, creator) and an
xref section pointing at it, as PDF 1.4 §3.4.5 allows — the bytes Chromium
wrote stay as they are. Text goes in as UTF-16BE hex strings, so nothing from
an account file can end the string or add a key.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

BROWSER_ENV = "KAMCTL_CHROMIUM"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
PRINT_TIMEOUT = 120
"""Seconds for one document. A plan prints in about 1 s on the 2-core test machine."""

INSTALL_HINT = (
    "PDF needs headless Chromium (or Google Chrome), and none was found on the PATH. "
    "Install it — Debian/Ubuntu: apt-get install chromium; Fedora: dnf install chromium; "
    "macOS: brew install --cask chromium — or name the browser in $KAMCTL_CHROMIUM. "
    "Meanwhile --format html prints from any browser."
)


class PdfError(Exception):
    """No browser, or the browser failed to print a document."""


@dataclass(frozen=True)
class PdfJob:
    html: str
    """The document, self-contained HTML."""
    target: Path
    title: str
    author: str | None
    subject: str


def find_browser() -> str | None:
    """``$KAMCTL_CHROMIUM`` if set, else the first of :data:`BROWSERS` on the PATH."""
    named = os.environ.get(BROWSER_ENV, "").strip()
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_browser() -> str:
    browser = find_browser()
    if browser is None:
        named = os.environ.get(BROWSER_ENV, "").strip()
        if named:
            raise PdfError(f"${BROWSER_ENV} names {named!r}, which is not an executable file")
        raise PdfError(INSTALL_HINT)
    return browser


def _print_one(browser: str, html: Path, pdf: Path, profile: Path) -> None:
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",  # root in containers and CI; the page is our own file with no scripts
        "--disable-gpu",
        "--no-first-run",
        "--no-pdf-header-footer",  # the documents print their own running header
        "--generate-pdf-document-outline",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf}",
        html.as_uri(),
    ]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=PRINT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise PdfError(f"{browser} did not print {html.name} within {PRINT_TIMEOUT} s") from None
    except OSError as exc:
        raise PdfError(f"cannot run {browser}: {exc}") from None
    if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        # Chromium logs harmless D-Bus complaints on stderr; the last line is the useful one.
        tail = [line for line in done.stderr.splitlines() if line.strip()][-1:] or ["no output"]
        raise PdfError(f"{browser} failed to print {html.name} (exit {done.returncode}): {tail[0]}")


def print_documents(jobs: Sequence[PdfJob], *, workers: int | None = None) -> list[tuple[PdfJob, bytes]]:
    """Each job's HTML printed to PDF bytes with its metadata, in order.

    Nothing is written to the targets here; the caller writes each file
    atomically. Each print runs in its own Chromium with its own profile
    folder (two instances cannot share one), two at a time by default: each
    instance uses a core while it lays out.
    """
    browser = require_browser()
    with tempfile.TemporaryDirectory(prefix="kamctl-pdf-") as tmp:
        root = Path(tmp)

        def one(pair: tuple[int, PdfJob]) -> bytes:
            i, job = pair
            html = root / f"{i}-{job.target.stem}.html"
            html.write_text(job.html, encoding="utf-8")
            pdf = html.with_suffix(".pdf")
            _print_one(browser, html, pdf, root / f"profile-{i}")
            return set_info(pdf.read_bytes(), title=job.title, author=job.author, subject=job.subject)

        n = workers or min(4, max(1, (os.cpu_count() or 2)))
        with ThreadPoolExecutor(max_workers=n) as pool:
            data = list(pool.map(one, enumerate(jobs)))
    return list(zip(jobs, data, strict=True))


# ------------------------------------------------------------------ metadata


def pdf_text(value: str) -> bytes:
    """A PDF text string that holds ``value`` exactly: UTF-16BE with a BOM, in hex."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)


def set_info(
    data: bytes, *, title: str, author: str | None, subject: str = "", creator: str = "kamctl"
) -> bytes:
    """``data`` with a new document information dictionary, as an incremental update."""
    end = _STARTXREF.search(data[-64:])
    trailers = list(_TRAILER.finditer(data))
    if end is None or not trailers:
        raise PdfError("the browser wrote a PDF without a classic trailer; cannot add metadata")
    prev = int(end.group(1))
    trailer = trailers[-1].group(1)
    size = re.search(rb"/Size\s+(\d+)", trailer)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    if size is None or root is None:
        raise PdfError("the browser wrote a PDF trailer without /Size or /Root; cannot add metadata")
    old_info = re.search(rb"/Info\s+(\d+)\s+0\s+R", trailer)
    keep = b""
    if old_info is not None:  # keep Chromium's dates and producer
        m = re.search(rb"\n" + old_info.group(1) + rb" 0 obj\s*<<(.*?)>>\s*endobj", data, re.S)
        if m is not None:
            for key in (b"CreationDate", b"ModDate", b"Producer"):
                v = re.search(rb"/" + key + rb"\s*(\([^()]*\))", m.group(1))
                if v is not None:
                    keep += b"/" + key + b" " + v.group(1) + b"\n"
    number = int(size.group(1))
    entries = b"/Title " + pdf_text(title) + b"\n"
    if author:
        entries += b"/Author " + pdf_text(author) + b"\n"
    if subject:
        entries += b"/Subject " + pdf_text(subject) + b"\n"
    entries += b"/Creator " + pdf_text(creator) + b"\n" + keep
    body = data if data.endswith(b"\n") else data + b"\n"
    offset = len(body)
    obj = b"%d 0 obj\n<<" % number + entries + b">>\nendobj\n"
    xref_at = offset + len(obj)
    ident = re.search(rb"/ID\s*(\[[^\]]*\])", trailer)
    tail = (
        b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (number, offset)
        + b"trailer\n<</Size %d\n/Root " % (number + 1)
        + root.group(1)
        + b"\n/Info %d 0 R\n/Prev %d" % (number, prev)
        + ((b"\n/ID " + ident.group(1)) if ident else b"")
        + b">>\nstartxref\n%d\n%%%%EOF\n" % xref_at
    )
    return body + obj + tail
