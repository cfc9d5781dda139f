"""Escaping text from account files for Markdown (CommonMark + GFM tables).

Every value that reaches a Markdown document goes through :func:`escape`
(the Markdown template environment applies it to every ``{{ … }}``), so a
customer called ``<script>alert(1)</script>``, ``A | B`` or ``# x`` is shown as
exactly that text, never as markup, a table column, a heading or a link.

What is neutralised and how:

* ``&``, ``<``, ``>`` become the entities ``&amp;`` ``&lt;`` ``&gt;``: no raw HTML,
  no autolinks ``<http://…>``, no HTML comments, and an existing entity such as
  ``&copy;`` stays the literal text.
* ``|`` becomes ``\\|``, which GFM reads as a literal pipe even inside a table
  cell (it would otherwise start a new column).
* The backslash itself and the inline markers `` ` `` ``*`` ``_`` ``[`` ``]``
  ``~`` ``#`` are backslash-escaped: no code spans, emphasis, links, images,
  strikethrough or headings (``#`` everywhere, because a trailing ``#`` in a
  heading line would be eaten as its closing sequence).
* At the start of a line, ``-`` ``+`` ``=`` (list items and
  setext underlines), ``1.``/``1)`` (ordered lists) are escaped; leading spaces
  are dropped so four of them never open a code block.
* Line breaks: in :func:`cell` and :func:`inline` every CR/LF becomes one space
  (a newline would end the table row, or the list item); in :func:`block`
  single line breaks are kept inside a paragraph and blank lines separate
  paragraphs. Trailing spaces (a hard break) are removed.
* Other control characters are dropped; tabs become spaces.
* GitHub's autolinks (GFM's "extended autolinks", repro 20): a bare
  ``https://…``, ``www.…`` or ``name@host.tld`` in running text becomes a link
  with no markup at all. The colon of ``://`` and the dot of ``www.`` are
  backslash-escaped, which stops cmark-gfm's scanner (it runs on the raw
  characters). E-mail addresses are found later, in the decoded text, where
  no escape or entity survives; a WORD JOINER (U+2060, invisible, no line
  break) before the ``@`` is the one change that keeps the text looking the
  same and not a link. Checked with cmark-gfm itself (tests/test_mdescape.py).

Escaping is not idempotent by design: escaping twice shows the backslashes.
Templates therefore get already-rendered Markdown (macro output) through
``|safe`` and nothing else.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]~|#])")
_LINE_START = re.compile(r"^([-+=]|\d+[.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")
_WWW = re.compile(r"(www)\.", re.IGNORECASE)
# The characters cmark-gfm accepts before the '@' of an e-mail autolink.
_EMAIL_AT = re.compile(r"(?<=[A-Za-z0-9.+\-_])@")
WORD_JOINER = "\u2060"


def _escape_line(line: str, line_start: bool = True) -> str:
    line = line.replace("\t", " ").strip(" ")
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    line = _INLINE.sub(r"\\\1", line)
    line = line.replace("://", "\\://")
    line = _WWW.sub(r"\1\\.", line)
    line = _EMAIL_AT.sub(WORD_JOINER + "@", line)
    m = _LINE_START.match(line) if line_start else None
    if m:
        marker = m.group(1)
        # Escape the punctuation of the marker: '\-', '12\.'.
        line = marker[:-1] + "\\" + marker[-1] + line[len(marker) :]
    return line


def _clean(text: object) -> str:
    return _CONTROL.sub("", _NEWLINES.sub("\n", str(text)))


def inline(text: object, *, line_start: bool = True) -> str:
    """One line of running text: line breaks become spaces.

    ``line_start=False`` skips the line-start rules, for text known never to
    open a block (a formatted date in a table cell: ``24. november``).
    """
    if text is None:
        return ""
    parts = [_escape_line(part, line_start) for part in _clean(text).split("\n") if part.strip(" \t")]
    return " ".join(parts)


def cell(text: object) -> str:
    """Text for a GFM table cell (same rules as :func:`inline`; never empty-breaking)."""
    return inline(text)


def block(text: object) -> str:
    """A block of paragraphs: blank lines separate paragraphs, single breaks are kept."""
    if text is None:
        return ""
    paragraphs = re.split(r"\n[ \t]*\n", _clean(text).strip("\n"))
    out = []
    for para in paragraphs:
        lines = [_escape_line(line) for line in para.split("\n") if line.strip(" \t")]
        if lines:
            out.append("\n".join(lines))
    return "\n\n".join(out)


escape = inline
