"""LibreOffice (``soffice --headless``) as a stand-in for Excel in tests.

Each call uses a fresh user profile in the test's temporary folder, so runs
neither share state nor depend on the machine's LibreOffice settings.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

# CSV filter options (LibreOffice's "FilterOptions" for "Text - txt - csv"):
# 1 field separators (as character codes), 2 text delimiter, 3 character set,
# 4 first line, 5 column formats, 6 language (LCID) used to read numbers, then
# flags; 9 = save cell contents as shown (with their number formats).
NB_NO = 1044
"""LCID of Norwegian bokmål: decimal comma, space thousands."""


def _run(args: list[str], profile: Path) -> None:
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *args],
        check=True,
        capture_output=True,
        timeout=180,
    )


def convert(book: Path, out: Path) -> dict[str, str]:
    """Every sheet of ``book`` as CSV text shown with its formats (en-US), by sheet name."""
    out.mkdir(parents=True, exist_ok=True)
    # 44 = ",", 34 = '"', 76 = UTF-8, first line 1, as shown, sheet -1 = every sheet to its own file.
    _run(
        [
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1",
            "--outdir",
            str(out),
            str(book),
        ],
        out / "profile",
    )
    prefix = f"{book.stem}-"
    return {p.stem[len(prefix) :]: p.read_text(encoding="utf-8") for p in out.glob(f"{book.stem}-*.csv")}


def import_csv_nb(csv_file: Path, out: Path) -> Path:
    """Open ``csv_file`` as Norwegian Excel does on a double-click — ``;`` between
    fields, numbers read in the nb-NO locale — and save it as xlsx; returns the xlsx."""
    out.mkdir(parents=True, exist_ok=True)
    _run(
        [
            f"--infilter=CSV:59,34,76,1,,{NB_NO}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(csv_file),
        ],
        out / "profile",
    )
    return out / f"{csv_file.stem}.xlsx"
