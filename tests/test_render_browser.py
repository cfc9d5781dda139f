"""`kamctl render --format pdf` and `kamctl report --format pdf` over every
example, checked the way a reader would meet the files: with poppler's
pdfinfo, pdffonts, pdftotext and pdftoppm (the pages as pixels).

Needs Debian's `chromium` and `poppler-utils`; .ci/run installs both.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kamctl.config import load_config
from kamctl.loader import load_accounts
from kamctl.pdf import find_browser
from kamctl.render import render_documents

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "examples" / "kamctl.toml"
POPPLER = all(shutil.which(t) for t in ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm"))

if find_browser() is None:
    pytest.skip(
        "headless Chromium not installed (Debian: apt-get install chromium poppler-utils; .ci/run does this)",
        allow_module_level=True,
    )
if not POPPLER:
    pytest.skip(
        "poppler-utils not installed (Debian: apt-get install poppler-utils)", allow_module_level=True
    )

# The example accounts' KAMs, read off examples/accounts/*.yaml by hand.
KAM = {
    "nordmelk": "Ingrid Solberg",
    "havbris-sjomat": "Ingrid Solberg",
    "kystlab": "Anders Lie",
    "mjosen-bakeri": "Magnus Haugen",
    "sorlandet-frukt": "Kari Nordvik",
    "vestgruppen": "Silje Berg",
}


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    cfg = load_config(CONFIG)
    loaded, _ = load_accounts([], cfg)
    out = tmp_path_factory.mktemp("pdf")
    as_of = dt.date(2026, 11, 24)
    plans = render_documents("plan", loaded, cfg, fmt="pdf", lang="nb", as_of=as_of, out_dir=out)
    report = render_documents("report", loaded, cfg, fmt="pdf", lang="nb", as_of=as_of, out_dir=out)
    return {p.stem: p for p in [*plans, *report]}


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    cfg = load_config(CONFIG)
    loaded, _ = load_accounts([], cfg)
    return {lf.account.id: lf.account.name for lf in loaded if lf.account is not None}


def test_one_pdf_per_plan_and_one_report(printed: dict[str, Path]) -> None:
    accounts = {p.stem for p in (ROOT / "examples" / "accounts").glob("*.yaml")}
    assert len(accounts) == 17
    assert set(printed) == accounts | {"index"}
    for stem, pdf in printed.items():
        assert pdf.name == f"{stem}.pdf"
        assert pdf.read_bytes()[:5] == b"%PDF-", stem
    # Nothing else is left in the folder (no temporary HTML, no profile folders).
    assert sorted(p.name for p in next(iter(printed.values())).parent.iterdir()) == sorted(
        f"{s}.pdf" for s in printed
    )


def test_every_page_is_a4(printed: dict[str, Path]) -> None:
    for stem, pdf in printed.items():
        info = _run("pdfinfo", "-f", "1", "-l", "999", str(pdf))
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
        sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
        assert len(sizes) == pages > 0, stem
        for w, h in sizes:
            # A4 is 210 × 297 mm = 595.3 × 841.9 pt.
            assert abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5, (stem, w, h)


def test_metadata_title_author_language(printed: dict[str, Path], names: dict[str, str]) -> None:
    for stem, kam in KAM.items():
        info = _run("pdfinfo", str(printed[stem]))
        assert re.search(rf"^Title:\s+Kundeplan: {re.escape(names[stem])}$", info, re.M), info
        assert re.search(rf"^Author:\s+{re.escape(kam)}$", info, re.M), info
        # The language is in the catalog (Chromium writes it from <html lang>).
        assert b"/Lang (nb)" in printed[stem].read_bytes(), stem
    info = _run("pdfinfo", str(printed["index"]))
    assert re.search(r"^Title:\s+Porteføljerapport$", info, re.M), info
    # The report's authors: the portfolio's five KAMs, alphabetically.
    assert re.search(
        r"^Author:\s+Anders Lie, Ingrid Solberg, Kari Nordvik, Magnus Haugen, Silje Berg$", info, re.M
    ), info


def test_every_font_is_embedded(printed: dict[str, Path]) -> None:
    for stem, pdf in printed.items():
        rows = _run("pdffonts", str(pdf)).splitlines()[2:]
        assert rows, stem
        for row in rows:
            # name, type, encoding, emb, sub, uni, object, ID: "emb" is the fifth from the end.
            emb = row.split()[-5]
            assert emb == "yes", (stem, row)


def test_the_text_is_searchable(printed: dict[str, Path], names: dict[str, str]) -> None:
    for stem, pdf in printed.items():
        text = " ".join(_run("pdftotext", str(pdf), "-").split())
        assert (names.get(stem) or "Porteføljerapport") in text, stem


# ------------------------------------------------------------ print quality


def page_fill(pdf: Path, dpi: int = 36) -> list[float]:
    """How far down each page the content reaches, as a share of the body area.

    The page is rendered to grey pixels (pdftoppm); the body area is the page
    less the @page margins (18 mm top, 16 mm bottom), where the running header
    and the page number live. A row counts as content when any pixel in it is
    darker than 245 of 255 (table bands and chart fills are ~230–244)."""
    import tempfile

    fills = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{tmp}/p"], check=True)
        pages = sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        for page in pages:
            magic, dims, _maxval, pixels = page.read_bytes().split(b"\n", 3)
            assert magic == b"P5"
            w, h = map(int, dims.split())
            per_mm = h / 297
            top, bottom = int(18 * per_mm) + 1, int(h - 16 * per_mm) - 1
            last = top
            for y in range(top, bottom):
                if min(pixels[y * w : (y + 1) * w]) < 245:
                    last = y
            fills.append((last - top) / (bottom - top))
    return fills


def test_page_fill_measure_by_hand(tmp_path: Path) -> None:
    """The measure itself: a page that ends a third of the way down reads 1/3."""
    html = tmp_path / "third.html"
    # Body area: 297 − 18 − 16 = 263 mm; a block 263/3 mm tall fills a third.
    html.write_text(
        "<!DOCTYPE html><style>@page{size:A4;margin:18mm 14mm 16mm}body{margin:0}</style>"
        f'<div style="height:{263 / 3:.2f}mm;background:#000"></div>'
        '<div style="break-before:page;height:263mm;background:#000"></div>',
        encoding="utf-8",
    )
    from kamctl.pdf import PdfJob, print_documents

    ((_, data),) = print_documents([PdfJob(html.read_text(), tmp_path / "t.pdf", "t", None, "")])
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(data)
    first, second = page_fill(pdf)
    assert abs(first - 1 / 3) < 0.03
    assert second > 0.97


def test_no_page_is_less_than_a_quarter_full(printed: dict[str, Path]) -> None:
    """Issue 13: forced breaks left pages holding only "Vilkår" or "Relasjon"."""
    short = {}
    for stem, pdf in printed.items():
        fills = page_fill(pdf)
        low = [f"p{i} {f:.0%}" for i, f in enumerate(fills[:-1], 1) if f < 0.25]
        if low:
            short[stem] = low
    assert not short


def test_no_text_prints_below_8_pt(printed: dict[str, Path]) -> None:
    """Chart labels printed at about 4 pt (issue 13). pdftotext gives each word's
    box; for Liberation Sans its height is 1.117 × the font size (ascent 0.905 +
    descent 0.212), so 8 pt is a box of 8.94 pt. Checked on this file's own
    9 pt table text: boxes of 10.05 pt. Rotated words have boxes as tall as
    they are long and pass; the SVG test checks their size."""
    small: dict[str, set[str]] = {}
    for stem, pdf in printed.items():
        xml = _run("pdftotext", "-bbox", str(pdf), "-")
        for m in re.finditer(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', xml
        ):
            if float(m.group(2)) - float(m.group(1)) < 8 * 1.117 - 0.05:
                small.setdefault(stem, set()).add(m.group(3))
    assert not small


def test_no_page_is_shrunk_to_fit(printed: dict[str, Path]) -> None:
    """Chromium shrinks a whole document when anything is wider than the A4
    column (havbris' nine-column pipeline table was 695 px of 688). Then the
    commonest text, 9 pt table cells or 9.5 pt paragraphs, has smaller boxes
    than 1.117 × its size."""
    from collections import Counter

    for stem, pdf in printed.items():
        xml = _run("pdftotext", "-bbox", str(pdf), "-")
        heights = Counter(
            round(float(b) - float(a), 2)
            for a, b in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">', xml)
        )
        common = heights.most_common(1)[0][0]
        assert any(abs(common - pt * 1.117) < 0.04 for pt in (9, 9.5)), (stem, heights.most_common(3))


def test_a_full_plan_is_longer_than_a_light_one(printed: dict[str, Path]) -> None:
    def pages(stem: str) -> int:
        info = _run("pdfinfo", str(printed[stem]))
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]

    assert pages("nordmelk") >= 4
    assert pages("kystlab") < pages("nordmelk")


PHONE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="{src}" style="width:390px;height:3000px;border:0"></iframe><pre id="probe"></pre>
<script>
document.getElementById("f").onload = function () {{
  var d = this.contentDocument, narrow = [];
  d.querySelectorAll("td, th").forEach(function (c) {{
    var r = c.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && c.textContent.trim() && r.width < 150) {{
      narrow.push(c.tagName + " " + Math.round(r.width) + " " + c.textContent.trim().slice(0, 30));
    }}
  }});
  document.getElementById("probe").textContent = JSON.stringify(
    {{width: d.documentElement.clientWidth, scroll: d.documentElement.scrollWidth, narrow: narrow}});
}};
</script></body></html>"""


def test_tables_reflow_on_a_phone(tmp_path: Path) -> None:
    """At 390 px (an iPhone 12–15 in portrait) no table cell with text is
    narrower than 150 px and nothing makes the page scroll sideways. The
    first version's nine-column tables put one letter per line.

    Headless Chromium's window is at least 500 px wide, so the document is
    opened in a 390 px iframe (its media queries follow the iframe's width)."""
    import html
    import json

    cfg = load_config(CONFIG)
    picked = [ROOT / "examples" / "accounts" / f"{n}.yaml" for n in ("havbris-sjomat", "mjosen-bakeri")]
    loaded, _ = load_accounts([str(p) for p in picked], cfg)
    everyone, _ = load_accounts([], cfg)
    as_of = dt.date(2026, 11, 24)
    files = render_documents("plan", loaded, cfg, fmt="html", lang="nb", as_of=as_of, out_dir=tmp_path)
    files += render_documents("report", everyone, cfg, fmt="html", lang="nb", as_of=as_of, out_dir=tmp_path)
    browser = find_browser()
    assert browser is not None
    for f in files:
        wrapper = f.with_name(f"phone-{f.name}")
        wrapper.write_text(PHONE.format(src=f.name), encoding="utf-8")
        dom = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--allow-file-access-from-files",  # the wrapper reads the iframe's layout
                "--virtual-time-budget=5000",
                f"--user-data-dir={tmp_path / 'profile'}",
                "--window-size=800,3000",
                "--dump-dom",
                wrapper.as_uri(),
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout
        found = re.search(r'<pre id="probe">(.+?)</pre>', dom, re.S)
        assert found, f.name
        result = json.loads(html.unescape(found.group(1)))
        assert result["width"] == 390, (f.name, result)
        assert result["scroll"] <= 390, (f.name, result)
        assert not result["narrow"], (f.name, result["narrow"][:10])
