"""Writing a table as CSV, in one of two dialects.

``plain`` (the default) is for scripts: a header of column keys (the JSON
keys), ``,`` between fields, ``.`` decimals, ``true``/``false``, lists joined
by spaces, UTF-8 without BOM, ``\\n`` line ends. It does not change between
languages.

``excel-nb`` is for a person who double-clicks the file with Norwegian Excel
(or LibreOffice in a Norwegian locale). Excel opens a ``.csv`` with the list
separator of the system's region, which in Norway is ``;`` because ``,`` is
the decimal sign; it reads a file without BOM in the legacy code page
(cp1252), so "Sjømat" would show as "SjÃ¸mat". The dialect therefore writes:
UTF-8 *with* BOM, ``;``, decimal comma and no thousands separators (a space
group would make the cell text), CRLF, headers in the output language,
``ja``/``nei`` (``yes``/``no``), lists joined by ``, ``. A text cell that
starts with ``=``, ``+``, ``-``, ``@``, tab or CR would be run as a formula by
Excel; it gets a leading ``'`` (OWASP's advice for CSV injection), which Excel
hides.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from .tabular import Table, machine_value

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel or LibreOffice read a text cell as a formula."""


def plain_csv(t: Table, threshold: float | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in t.columns])
    for row in t.rows:
        writer.writerow([_plain(machine_value(row.get(c.key), c.kind, threshold)) for c in t.columns])
    return out.getvalue()


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return value


def excel_nb_csv(t: Table, lang: str, threshold: float | None = None) -> bytes:
    """The table as the bytes of a file Norwegian Excel opens as columns."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([_text(c.header) for c in t.columns])
    yes, no = ("ja", "nei") if lang == "nb" else ("yes", "no")
    for row in t.rows:
        cells = []
        for c in t.columns:
            value = machine_value(row.get(c.key), c.kind, threshold)
            if value is None:
                cells.append("")
            elif isinstance(value, bool):
                cells.append(yes if value else no)
            elif isinstance(value, (int, float)):
                cells.append(decimal_comma(value))
            elif isinstance(value, (list, tuple)):
                cells.append(_text(", ".join(str(v) for v in value)))
            else:
                cells.append(_text(str(value)))
        writer.writerow(cells)
    return out.getvalue().encode("utf-8-sig")


def decimal_comma(value: float) -> str:
    """``1234567.5`` → ``1234567,5``: never an exponent, never a thousands group."""
    if isinstance(value, int):
        return str(value)
    text = format(Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value
