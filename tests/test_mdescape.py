"""Markdown escaping: text from a file must come out of a Markdown renderer as
the same text, never as markup. Checked by rendering with markdown-it-py
(CommonMark + GFM tables and strikethrough) and reading the text back."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from kamctl.mdescape import block, cell, inline

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])

NASTY = [
    "<script>alert(1)</script>",
    "A | B",
    "# x",
    "[l](javascript:x)",
    "![img](http://x/y.png)",
    "{{ 7*7 }}",
    "back\\slash \\* not emphasis",
    "*bold* _it_ **strong** ~~gone~~ `code`",
    "- item",
    "+ item",
    "1. first",
    "12) twelfth",
    "> quote",
    "&amp; &copy; &#60;",
    "<http://example.com>",
    "<!-- comment -->",
    "===",
    "    four spaces",
    "x #",
    "[ref]: http://evil",
    "a\\",
]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def _render(markdown: str) -> _Text:
    parser = _Text()
    parser.feed(MD.render(markdown))
    return parser


@pytest.mark.parametrize("text", NASTY)
def test_inline_text_renders_as_itself(text: str) -> None:
    out = _render(inline(text))
    assert out.tags == ["p"], (text, out.tags)
    assert out.text.strip() == text.strip()


@pytest.mark.parametrize("text", NASTY)
def test_text_in_a_table_cell_stays_in_its_cell(text: str) -> None:
    table = f"| a | b |\n| --- | --- |\n| {cell(text)} | end |\n"
    out = _render(table)
    # One row of two cells in the body: the pipe did not add a column.
    assert out.tags.count("td") == 2, (text, out.tags)
    assert not set(out.tags) - {"table", "thead", "tbody", "tr", "th", "td"}
    assert text.strip() in out.text
    assert out.text.rstrip().endswith("end")


def test_line_breaks_in_a_cell_do_not_end_the_row() -> None:
    text = "first line\nsecond | line\r\nthird"
    table = f"| a | b |\n| --- | --- |\n| {cell(text)} | end |\n"
    out = _render(table)
    assert out.tags.count("tr") == 2 and out.tags.count("td") == 2
    assert "first line second | line third" in out.text


def test_block_keeps_paragraphs_and_neutralises_each_line() -> None:
    text = "# not a heading\n- not a list\n\n1. not ordered\n> not a quote"
    out = _render(block(text))
    assert out.tags == ["p", "p"]
    assert "# not a heading" in out.text and "- not a list" in out.text
    assert "1. not ordered" in out.text and "> not a quote" in out.text


def test_setext_underline_is_not_a_heading() -> None:
    out = _render(block("Title\n---"))
    assert out.tags == ["p"]


def test_plain_text_is_left_readable() -> None:
    # Norwegian text, digits mid-line and ordinary punctuation need no escapes.
    text = "Fossilfri emballasje innen 2030; svinn ned 15 % (Verdal, Steinkjer)."
    assert inline(text) == text


def test_control_characters_and_tabs() -> None:
    assert inline("a\tb\x00c\x1bd") == "a bcd"


def test_none_is_empty() -> None:
    assert inline(None) == "" and block(None) == ""


def test_line_start_rules_can_be_skipped_for_cells() -> None:
    assert inline("24. november") == "24\\. november"
    assert inline("24. november", line_start=False) == "24. november"
    # …but the inline rules still apply.
    assert inline("a|b", line_start=False) == "a\\|b"


# --- GitHub's autolinks (repro 20) -------------------------------------------
# CommonMark (markdown-it above) has no bare-URL links; GitHub's renderer does:
# a bare https://…, www.… or name@host.tld becomes a link with no markup. So
# these are checked with cmark-gfm, the renderer GitHub runs.

cmarkgfm = pytest.importorskip("cmarkgfm")

AUTOLINK_BAIT = [
    "Log in at https://evil.example/login now",
    "www.evil.example",
    "(www.evil.example)",
    "*www.evil.example*",
    "_www.evil.example_",
    "~www.evil.example~",
    "ftp://evil.example/a",
    "HTTP://EVIL.EXAMPLE",
    "mail a@evil.example;",
    "first.last+tag@sub.evil.example",
    "a_b@evil.example",
    "mailto:a@evil.example",
    "xmpp:a@evil.example/r",
    "![x](http://evil.example/pixel.png)",
    "<http://evil.example/auto>",
    "http://a.example/c?d=e&f=g",
]


def _gfm(markdown: str) -> _Text:
    parser = _Text()
    parser.feed(cmarkgfm.github_flavored_markdown_to_html(markdown))
    return parser


@pytest.mark.parametrize("text", AUTOLINK_BAIT)
def test_bare_urls_and_addresses_are_not_links_on_github(text: str) -> None:
    # Control: unescaped, GitHub's renderer does make a link of each.
    assert {"a", "img"} & set(_gfm(text).tags), text
    for escaped in (inline(text), block(text), cell(text)):
        out = _gfm(escaped)
        assert "a" not in out.tags and "img" not in out.tags, (text, escaped)
        # Shown as the same text; the word joiner before '@' is invisible.
        assert out.text.strip().replace("\u2060", "") == text


def test_the_word_joiner_goes_only_before_an_address() -> None:
    # '@' with nothing an address could start with before it is left alone.
    assert inline("@kari, 5 @ 10 NOK") == "@kari, 5 @ 10 NOK"
    assert inline("kari@firma.no") == "kari\u2060@firma.no"


def test_repro_20_rendered_plan_has_no_links_on_github(kamctl, tmp_path: Path) -> None:
    source = Path(__file__).parent / "data" / "repros" / "20-markdown-bare-urls-become-links" / "linky.yaml"
    r = kamctl("render", "-f", "md", "--lang", "en", "-o", tmp_path / "out", source)
    assert r.exit_code == 0, r.stderr
    out = _gfm((tmp_path / "out" / "linky.md").read_text(encoding="utf-8"))
    assert "a" not in out.tags and "img" not in out.tags
    text = out.text.replace("\u2060", "")
    assert "Log in at https://evil.example/login or www.evil.example, mail a@evil.example" in text
    assert "<http://evil.example/auto>" in text
