"""The customer list as an ERP or CRM exports it: one row per customer.

ABC must see every customer, not only those with an account plan, so it also
runs over a CSV export. Norwegian Excel writes ``;``-separated files with a
decimal comma and a space (often a non-breaking one) between thousands:
``1 234 567,50``. Other systems write ``,`` and ``1234567.50``. Both are read.

A row that cannot be read is an error that names its line; it is never
dropped quietly, because an ABC analysis without it moves every boundary.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Severity
from .types import NUMBER_MAX

if TYPE_CHECKING:
    from .config import CsvConfig

MEASURES = ("revenue", "gross_margin", "contribution")
"""The values a customer can be ranked by; each maps to a column in ``[csv]``."""

# Spaces people and spreadsheets put between groups of thousands: space,
# no-break space (Excel nb-NO), narrow no-break space (newer locales), thin
# space and figure space.
_GROUP_SPACES = " \u00a0\u202f\u2009\u2007"
_SPACE_RE = re.compile(f"[{_GROUP_SPACES}]")
_MINUS = "-\u2212"  # hyphen-minus and the real minus sign U+2212
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_GROUPED = re.compile(r"\d{1,3}(?:[ .,]\d{3})+\Z")


@dataclass(frozen=True)
class Customer:
    id: str
    name: str
    revenue: float | None
    gross_margin: float | None
    contribution: float | None
    line: int

    def value(self, measure: str) -> float | None:
        return getattr(self, measure)


class NumberError(ValueError):
    pass


def parse_number(text: str) -> float:
    """``"1 234 567,50"``, ``"1234567.50"``, ``"1.234.567,50"``, ``"-3 900"`` → float.

    One separator with digits after it is the decimal mark, whichever it is
    (``"2,5"`` and ``"2.5"`` are both 2.5). Thousands may be grouped by spaces
    of any kind, by ``.`` when the decimal mark is ``,`` and the other way
    round; groups must have three digits, so a typo such as ``"12 34"`` is an
    error rather than 1234.
    """
    raw = text
    s = text.strip()
    if not s:
        raise NumberError("empty")
    negative = False
    if s[0] in _MINUS:
        negative, s = True, s[1:].lstrip()
    elif s[0] == "+":
        s = s[1:].lstrip()
    grouped_by_space = bool(_SPACE_RE.search(s))
    if grouped_by_space:
        s = _SPACE_RE.sub(" ", s)
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
    elif commas == 1 or dots == 1:
        decimal_mark = "," if commas else "."
    else:
        decimal_mark = ""  # none, or the only separator repeats: it groups thousands
    if decimal_mark:
        whole, _, frac = s.rpartition(decimal_mark)
    else:
        whole, frac = s, ""
    if frac and not frac.isdigit():
        raise NumberError(f"{raw.strip()!r} is not a number")
    if not whole:
        raise NumberError(f"{raw.strip()!r} is not a number")
    if not re.fullmatch(r"[\d .,]+", whole):
        raise NumberError(f"{raw.strip()!r} is not a number")
    if not whole.isdigit():
        if not _GROUPED.match(whole) or len(set(re.findall(r"[ .,]", whole))) != 1:
            raise NumberError(
                f"{raw.strip()!r} is not a number (thousands must be grouped by three, e.g. 1 234 567,50)"
            )
        whole = re.sub(r"[ .,]", "", whole)
    try:
        value = Decimal(f"{whole}.{frac}" if frac else whole)
    except InvalidOperation:
        raise NumberError(f"{raw.strip()!r} is not a number") from None
    if abs(value) > NUMBER_MAX:
        # A 401-digit revenue became float infinity and crashed the analysis.
        raise NumberError(f"{_short(raw.strip())} is too large: at most 1e15 in size")
    return float(-value if negative else value)


def _short(text: str) -> str:
    return repr(text) if len(text) <= 24 else f"{text[:12]!r}… ({len(text)} characters)"


def sniff_delimiter(header: str) -> str:
    """``;``, ``,`` or tab: whichever occurs most in the header line (outside quotes)."""
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ","


def read_customers(
    path: str | Path, cfg: CsvConfig, *, measure: str = "revenue"
) -> tuple[list[Customer], list[Diagnostic]]:
    """The customers in ``path`` and the problems found, each at its line.

    Rows with an error are left out of the list (and reported). ``measure`` is
    the value the caller ranks by; its column is required and must hold a
    number in every row. A bad number in another column is a warning.
    """
    shown = str(path)
    diags: list[Diagnostic] = []
    lines: list[str] = []

    def problem(line: int, message: str, field: str | None = None, sev: Severity = Severity.error) -> None:
        source = lines[line - 1] if 0 < line <= len(lines) else None
        diags.append(Diagnostic(shown, line, 0, sev, "csv", message, field, source))

    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        problem(0, f"cannot read: {exc.strerror or exc}")
        return [], diags
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem(
            line,
            f"not UTF-8 (byte 0x{raw[exc.start]:02X}); save the export as 'CSV UTF-8' "
            "(in Excel: 'CSV UTF-8 (kommadelt)')",
        )
        return [], diags
    # The same line breaks the csv module counts (not str.splitlines, which
    # also breaks at form feeds and U+2028).
    lines = _LINE_BREAK.split(text)
    first = lines[0]
    if not first.strip():
        problem(1, "no header line; the first line must name the columns (e.g. id;name;revenue;margin)")
        return [], diags
    delimiter = {"auto": None, "tab": "\t"}.get(cfg.delimiter, cfg.delimiter) or sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        problem(1, f"cannot read the header: {exc}")
        return [], diags

    wanted = {"id": cfg.id, "name": cfg.name, **{m: _column(cfg, m) for m in MEASURES}}
    lower = [h.casefold() for h in header]
    index: dict[str, int] = {}
    for key, column in wanted.items():
        if column.casefold() in lower:
            index[key] = lower.index(column.casefold())
    for key in ("id", measure):
        if key not in index:
            setting = {"id": "id", "revenue": "revenue", "gross_margin": "gross_margin"}.get(key, key)
            problem(
                1,
                f"no column {wanted[key]!r} (the columns are: {', '.join(header)}); "
                f'name it in kamctl.toml: [csv] {setting} = "..."',
            )
    if diags:
        return [], diags

    customers: list[Customer] = []
    first_line: dict[str, int] = {}
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problem(start, f"cannot read the row: {exc}")
            break
        line = start
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            hint = ""
            if len(row) > len(header):
                hint = f"; a value containing {delimiter!r} must be in double quotes"
            problem(line, f"the row has {len(row)} fields, the header {len(header)}{hint}")
            continue
        cid = row[index["id"]].strip()
        if not cid:
            problem(line, "the customer id is empty", wanted["id"])
            continue
        name = row[index["name"]].strip() if "name" in index else cid
        values: dict[str, float | None] = {}
        bad = False
        for m in MEASURES:
            if m not in index:
                values[m] = None
                continue
            cell = row[index[m]]
            if not cell.strip():
                values[m] = None
                if m == measure:
                    problem(line, f"no value for customer {cid!r}", wanted[m])
                    bad = True
                continue
            try:
                values[m] = parse_number(cell)
            except NumberError as exc:
                values[m] = None
                if m == measure:
                    problem(line, str(exc), wanted[m])
                    bad = True
                else:
                    problem(line, f"{exc}; left empty", wanted[m], Severity.warning)
        if not bad and values["revenue"] is not None and values["revenue"] < 0 and measure == "revenue":
            problem(line, f"revenue is negative ({row[index['revenue']].strip()}) for customer {cid!r}")
            bad = True
        if bad:
            continue
        if cid in first_line:
            problem(line, f"duplicate customer id {cid!r} (first on line {first_line[cid]}); row left out")
            continue
        first_line[cid] = line
        customers.append(
            Customer(cid, name, values["revenue"], values["gross_margin"], values["contribution"], line)
        )
    return customers, diags


def _column(cfg: CsvConfig, measure: str) -> str:
    return {"revenue": cfg.revenue, "gross_margin": cfg.gross_margin, "contribution": cfg.contribution}[
        measure
    ]
