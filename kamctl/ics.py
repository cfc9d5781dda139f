"""A minimal iCalendar (RFC 5545) writer for all-day events.

Written by hand rather than with the ``icalendar`` package: kamctl needs one
component (VEVENT with a DATE), four properties and the text rules below, and
a runtime dependency for that is more to install than the code it saves. The
tests parse every file with ``icalendar`` (a test dependency) to hold this
module to the RFC.

The rules that matter, with their section of RFC 5545:

* TEXT values escape backslash, semicolon, comma and newline (§3.3.11); other
  control characters are not allowed in TEXT and are dropped.
* Content lines are folded at 75 octets — octets, not characters, and never
  inside a UTF-8 sequence — with CRLF followed by one space (§3.1).
* Every line ends in CRLF (§3.1).
* ``UID`` identifies an event across exports (§3.8.4.7): a calendar that
  subscribes to the file updates the event when the date moves.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

PRODID = "-//kamctl//agenda//EN"
LINE_OCTETS = 75

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    day: _dt.date
    """An all-day event on this date (DTEND is the next day, exclusive)."""
    summary: str
    description: str = ""
    categories: tuple[str, ...] = ()


def escape_text(value: str) -> str:
    """A TEXT property value (RFC 5545 §3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded to at most 75 octets per physical line, CRLF-terminated."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line + "\r\n"
    parts: list[str] = []
    start = 0
    limit = LINE_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        # Step back to a character boundary: continuation bytes are 0b10xxxxxx.
        while end < len(data) and data[end] & 0xC0 == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start = end
        limit = LINE_OCTETS - 1  # the leading space of a continuation line counts
    return "\r\n ".join(parts) + "\r\n"


def _date(day: _dt.date) -> str:
    return day.strftime("%Y%m%d")


def calendar(events: Iterable[IcsEvent], *, name: str, stamp: _dt.date) -> str:
    """A VCALENDAR with ``events``; ``stamp`` (as midnight UTC) is every DTSTAMP,
    so the same plans and date give the same bytes."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    dtstamp = _date(stamp) + "T000000Z"
    for e in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.uid}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{_date(e.day)}",
            f"DTEND;VALUE=DATE:{_date(e.day + _dt.timedelta(days=1))}",
            f"SUMMARY:{escape_text(e.summary)}",
        ]
        if e.description:
            lines.append(f"DESCRIPTION:{escape_text(e.description)}")
        if e.categories:
            lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in e.categories))
        # A deadline is a reminder, not a meeting: it must not show the day as busy.
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
