"""PDF without a browser: the metadata update, and the message when Chromium is missing."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kamctl.pdf import INSTALL_HINT, pdf_text, set_info
from tests.conftest import Run

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _tiny_pdf() -> bytes:
    """A one-page PDF built by hand with a classic xref table, like Chromium's."""
    objs = [
        b"<</Title (old)\n/Producer (Skia/PDF m150)\n/CreationDate (D:20261202120000+00'00')>>",
        b"<</Type /Catalog /Pages 3 0 R /Lang (nb)>>",
        b"<</Type /Pages /Kids [4 0 R] /Count 1>>",
        b"<</Type /Page /Parent 3 0 R /MediaBox [0 0 595.3 841.9]>>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size 5\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out


def test_pdf_text_is_utf16_hex_so_nothing_can_escape_it() -> None:
    # "Ø" is U+00D8, ")" U+0029: big-endian pairs after the FE FF byte-order mark.
    assert pdf_text("Ø)") == b"<FEFF00D80029>"


def test_set_info_appends_an_incremental_update() -> None:
    old = _tiny_pdf()
    new = set_info(old, title="Kundeplan: Nordmelk SA", author="Ingrid Sølberg (x)", subject="Kundeplan")
    assert new.startswith(old)  # Chromium's bytes stay as they were
    added = new[len(old) :]
    # The new object is number 5 (the old /Size), its xref entry says where it starts,
    # and the trailer chains to the old xref with /Prev.
    obj_at = len(old)
    assert added.startswith(b"5 0 obj\n<<")
    assert b"/Author " + pdf_text("Ingrid Sølberg (x)") in added
    assert b"/Producer (Skia/PDF m150)" in added  # kept from Chromium's dictionary
    xref_at = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", new).group(1))  # type: ignore[union-attr]
    assert new[xref_at:].startswith(b"xref\n0 1\n0000000000 65535 f \n5 1\n%010d 00000 n \n" % obj_at)
    old_xref = int(re.search(rb"startxref\n(\d+)", old).group(1))  # type: ignore[union-attr]
    assert re.search(rb"/Size 6\n/Root 2 0 R\n/Info 5 0 R\n/Prev %d>>" % old_xref, added)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo not installed (poppler-utils)")
def test_a_pdf_reader_reads_the_new_metadata(tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(set_info(_tiny_pdf(), title="Plan <b>&", author="Åse Ødegård", subject="Kundeplan"))
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Title:\s+Plan <b>&$", info, re.M)
    assert re.search(r"^Author:\s+Åse Ødegård$", info, re.M)
    assert re.search(r"^Subject:\s+Kundeplan$", info, re.M)
    assert re.search(r"^Pages:\s+1$", info, re.M)


def test_without_a_browser_pdf_says_how_to_install_it(
    kamctl: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("KAMCTL_CHROMIUM", raising=False)
    for command in ("render", "report"):
        r = kamctl(command, "-f", "pdf", "-o", str(tmp_path / "out"), str(EXAMPLES / "accounts"))
        assert r.exit_code == 2, r.stderr
        assert "apt-get install chromium" in r.stderr
        assert r.stderr.strip() == f"kamctl: {INSTALL_HINT}"
    assert not (tmp_path / "out").exists()  # nothing half-made


def test_a_named_browser_that_does_not_exist_is_a_usage_error(
    kamctl: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KAMCTL_CHROMIUM", str(tmp_path / "no-such-chrome"))
    r = kamctl("render", "-f", "pdf", "-o", str(tmp_path / "out"), str(EXAMPLES / "accounts"))
    assert r.exit_code == 2
    assert "KAMCTL_CHROMIUM" in r.stderr and "no-such-chrome" in r.stderr
