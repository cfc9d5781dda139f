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
    from collections.abc import Iterator

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


@dataclass
class CustomerFile:
    """What :func:`read_customer_file` made of an export."""

    customers: list[Customer]
    diagnostics: list[Diagnostic]
    encoding: str | None
    """``utf-8-sig`` (UTF-8 with a BOM), ``utf-8`` or ``cp1252``; None when the bytes were not read."""
    refused: bool
    """The file as a whole could not be used (not readable, no header, a required
    column missing): no row was read, so no row is "left out"."""


ENCODING_NAMES = {
    "utf-8-sig": ("UTF-8 med BOM", "UTF-8 with BOM"),
    "utf-8": ("UTF-8", "UTF-8"),
    "cp1252": ("Windows-1252", "Windows-1252"),
}
"""How each encoding read is named to people (nb, en)."""

FIELD_MAX = 131_072
"""Longest value accepted (the csv module's default limit). No id, name or
amount is that long: a longer value is an unclosed quote or not an export.
The limit is checked per row, so the rows after it are still read (repro 06:
the csv module's own limit raised and stopped reading the file)."""

_MESSAGES: dict[str, tuple[str, str]] = {
    # key → (nb, en)
    "cannot_read": ("kan ikke lese filen: {reason}", "cannot read: {reason}"),
    "not_text": (
        "verken UTF-8 eller Windows-1252 (byte 0x{byte:02X}); lagre eksporten som «CSV UTF-8 (kommadelt)»",
        "neither UTF-8 nor Windows-1252 (byte 0x{byte:02X}); save the export as 'CSV UTF-8 (kommadelt)'",
    ),
    "no_header": (
        "ingen overskriftslinje; første linje må navngi kolonnene (f.eks. id;name;revenue;margin)",
        "no header line; the first line must name the columns (e.g. id;name;revenue;margin)",
    ),
    "bad_header": ("kan ikke lese overskriftslinjen: {reason}", "cannot read the header: {reason}"),
    "no_column": (
        "overskriftslinjen har ingen kolonne «{column}» (kolonnene er: {columns}); "
        'oppgi navnet i kamctl.toml: [csv] {setting} = "..."',
        "the header line has no column {column!r} (the columns are: {columns}); "
        'name it in kamctl.toml: [csv] {setting} = "..."',
    ),
    "bad_row": ("kan ikke lese raden: {reason}", "cannot read the row: {reason}"),
    "unclosed_quote": (
        "et dobbelt anførselstegn i denne raden lukkes ikke før {until}: linje {first}–{last} "
        'ble lest som én rad og er utelatt; skriv " inne i en verdi som ""',
        "a double quote in this row is not closed before {until}: lines {first}–{last} were read "
        'as one row and are left out; write a " inside a value as ""',
    ),
    "unclosed_quote_until_end": ("slutten av filen", "the end of the file"),
    "unclosed_quote_until_line": ("linje {line}", "line {line}"),
    "swallowed": (
        "raden er utelatt: lest inn i det åpne anførselstegnet på linje {first}",
        "row left out: read into the unclosed double quote on line {first}",
    ),
    "field_too_long": (
        "en verdi på {length} tegn (høyst {limit}); et dobbelt anførselstegn som ikke er lukket?",
        "a value of {length} characters (at most {limit}); a double quote that is not closed?",
    ),
    "field_count": (
        "raden har {got} felt, overskriften {want}",
        "the row has {got} fields, the header {want}",
    ),
    "field_count_hint": (
        "; en verdi som inneholder {delimiter!r}, må stå i doble anførselstegn",
        "; a value containing {delimiter!r} must be in double quotes",
    ),
    "empty_id": ("kunde-id-en er tom", "the customer id is empty"),
    "no_value": ("ingen verdi for kunde «{cid}»", "no value for customer {cid!r}"),
    "left_empty": ("{problem}; stå tom", "{problem}; left empty"),
    "negative": (
        "omsetningen er negativ ({value}) for kunde «{cid}»",
        "revenue is negative ({value}) for customer {cid!r}",
    ),
    "duplicate": (
        "kunde-id «{cid}» finnes to ganger (først på linje {first}); raden er utelatt",
        "duplicate customer id {cid!r} (first on line {first}); row left out",
    ),
}


def say(key: str, lang: str = "en", **params: object) -> str:
    """A message of this module in ``lang`` (nb or en)."""
    nb, en = _MESSAGES[key]
    return (nb if lang == "nb" else en).format(**params)


def read_customers(
    path: str | Path, cfg: CsvConfig, *, measure: str = "revenue", lang: str = "en"
) -> tuple[list[Customer], list[Diagnostic]]:
    """The customers in ``path`` and the problems found (see :func:`read_customer_file`)."""
    read = read_customer_file(path, cfg, measure=measure, lang=lang)
    return read.customers, read.diagnostics


def decode(raw: bytes) -> tuple[str, str] | UnicodeDecodeError:
    """``raw`` as text and the encoding it was read in, or the UTF-8 error.

    UTF-8 (with or without a BOM) first: it is what 'CSV UTF-8' writes, and
    a cp1252 file with letters beyond ASCII is never valid UTF-8 (``ø`` is
    the lone byte 0xF8). Norwegian Excel's plain 'CSV (semikolondelt)' is
    Windows-1252; it leaves five bytes undefined, and a file with one of
    those is neither.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            return UnicodeDecodeError(exc.encoding, raw, exc.start + 3, exc.end + 3, exc.reason)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        return UnicodeDecodeError(exc.encoding, raw, exc.start, exc.end, exc.reason)
    return utf8_error  # pragma: no cover


def read_customer_file(
    path: str | Path, cfg: CsvConfig, *, measure: str = "revenue", lang: str = "en"
) -> CustomerFile:
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

    def refuse(encoding: str | None = None) -> CustomerFile:
        return CustomerFile([], diags, encoding, refused=True)

    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        problem(0, say("cannot_read", lang, reason=exc.strerror or exc))
        return refuse()
    decoded = decode(raw)
    if isinstance(decoded, UnicodeDecodeError):
        line = raw[: decoded.start].count(b"\n") + 1
        problem(line, say("not_text", lang, byte=raw[decoded.start]))
        return refuse()
    text, encoding = decoded
    # The same line breaks the csv module counts (not str.splitlines, which
    # also breaks at form feeds and U+2028).
    lines = _LINE_BREAK.split(text)
    first = lines[0]
    if not first.strip():
        problem(1, say("no_header", lang))
        return refuse(encoding)
    delimiter = {"auto": None, "tab": "\t"}.get(cfg.delimiter, cfg.delimiter) or sniff_delimiter(first)
    rows = _rows(text, delimiter)
    try:
        _, _, header_row, header_error = next(rows)
    except StopIteration:  # pragma: no cover - the first line is not blank
        header_row, header_error = [], None
    if header_error is not None or header_row is None:
        problem(1, say("bad_header", lang, reason=header_error))
        return refuse(encoding)
    header = [h.strip() for h in header_row]

    wanted = {"id": cfg.id, "name": cfg.name, **{m: _column(cfg, m) for m in MEASURES}}
    lower = [h.casefold() for h in header]
    index: dict[str, int] = {}
    for key, column in wanted.items():
        if column.casefold() in lower:
            index[key] = lower.index(column.casefold())
    for key in ("id", measure):
        if key not in index:
            problem(1, say("no_column", lang, column=wanted[key], columns=", ".join(header), setting=key))
    if diags:
        return refuse(encoding)

    customers: list[Customer] = []
    first_line: dict[str, int] = {}
    for line, last, row, error in rows:
        if row is None:
            problem(line, say("bad_row", lang, reason=error))
            continue
        if last > line and (
            error == _UNCLOSED
            or len(row) != len(header)
            # A swallowed line that has a row's fields: the quote that closed
            # the value was the next row's stray quote, and the count matched.
            or any(lines[k - 1].count(delimiter) + 1 == len(header) for k in range(line + 1, last + 1))
        ):
            # A stray " swallowed the lines up to the next " (or the end):
            # every one of them is reported, none is read (repro 05).
            until = (
                say("unclosed_quote_until_end", lang)
                if error == _UNCLOSED
                else say("unclosed_quote_until_line", lang, line=last)
            )
            problem(line, say("unclosed_quote", lang, until=until, first=line, last=last))
            for swallowed in range(line + 1, last + 1):
                if lines[swallowed - 1].strip():
                    problem(swallowed, say("swallowed", lang, first=line))
            continue
        if not row or all(not c.strip() for c in row):
            continue
        longest = max(len(c) for c in row)
        if longest > FIELD_MAX:
            problem(line, say("field_too_long", lang, length=f"{longest:,}", limit=f"{FIELD_MAX:,}"))
            continue
        if len(row) != len(header):
            hint = say("field_count_hint", lang, delimiter=delimiter) if len(row) > len(header) else ""
            problem(line, say("field_count", lang, got=len(row), want=len(header)) + hint)
            continue
        cid = row[index["id"]].strip()
        if not cid:
            problem(line, say("empty_id", lang), wanted["id"])
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
                    problem(line, say("no_value", lang, cid=cid), wanted[m])
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
                    problem(line, say("left_empty", lang, problem=exc), wanted[m], Severity.warning)
        if not bad and values["revenue"] is not None and values["revenue"] < 0 and measure == "revenue":
            problem(line, say("negative", lang, value=row[index["revenue"]].strip(), cid=cid))
            bad = True
        if bad:
            continue
        if cid in first_line:
            problem(line, say("duplicate", lang, cid=cid, first=first_line[cid]))
            continue
        first_line[cid] = line
        customers.append(
            Customer(cid, name, values["revenue"], values["gross_margin"], values["contribution"], line)
        )
    return CustomerFile(customers, diags, encoding, refused=False)


_UNCLOSED = "unclosed"


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, int, list[str] | None, str | None]]:
    """(first line, last line, fields, problem) of each row of ``text``.

    ``fields`` is None when the csv module could not read the row; reading then
    goes on at the next line, so one bad row never hides the rest. ``problem``
    is ``_UNCLOSED`` for a row whose double quote is still open at the end.
    """
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    offset = 0  # lines before the text the current reader reads
    # Values are checked against FIELD_MAX per row; the csv module's own
    # limit would raise mid-file (repro 06). It is process-wide, so it is put back.
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, len(text) + 1))
    try:
        while offset < len(starts) and starts[offset] < len(text):
            reader = csv.reader(io.StringIO(text[starts[offset] :], newline=""), delimiter=delimiter)
            while True:
                first = offset + reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    yield first, first, None, str(exc)
                    offset = first  # go on at the line after the one that failed
                    break
                last = offset + reader.line_num
                end = starts[last] if last < len(starts) else len(text)
                # Only a quote can make a row span lines; one still open at the
                # end of the file leaves an odd number of them.
                unclosed = last > first and end >= len(text) and text.count('"', starts[first - 1], end) % 2
                yield first, last, row, _UNCLOSED if unclosed else None
    finally:
        csv.field_size_limit(old_limit)


def _column(cfg: CsvConfig, measure: str) -> str:
    return {"revenue": cfg.revenue, "gross_margin": cfg.gross_margin, "contribution": cfg.contribution}[
        measure
    ]
