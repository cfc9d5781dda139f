"""An account whose every text field holds markup and injection strings must
render as that text, in Markdown and in HTML, in the plan and in the report.

The Markdown is checked the way a reader meets it: rendered by a CommonMark +
GFM renderer (markdown-it-py), then read back as text and tags.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

PAYLOAD = (
    "<script>alert(1)</script> A | B\n# x [l](javascript:x) {{ 7*7 }} {% raw %} "
    "back\\slash `tick` *star* _under_ ~~del~~ &amp; <b>bold</b> \"dq\" 'sq' </style>"
)


def evil(tag: str) -> str:
    # A unique tag per field, so a field that goes missing is named.
    return f"{tag}: {PAYLOAD}"


def evil_account() -> tuple[dict[str, object], list[str]]:
    tags: list[str] = []

    def e(tag: str) -> str:
        tags.append(tag)
        return evil(tag)

    account = {
        "id": "evil",
        "name": e("NAME"),
        "org_number": e("ORG"),
        "industry": e("INDUSTRY"),
        "country": e("COUNTRY"),
        "kam": e("KAM"),
        "currency": e("CURRENCY"),
        "profile": "full",
        "stage": "mid-kam",
        "financials": [{"year": 2025, "revenue": 1000000, "gross_margin": 200000, "category_spend": 4000000}],
        "kaism": {
            "customer_attractiveness": {e("CRIT"): 5},
            "our_strength": {"product_fit": 5},
            "scored_by": [e("SCOREDBY")],
        },
        "selection_criteria": [{"criterion": e("SELCRIT"), "met": True, "note": e("SELNOTE")}],
        "team": [
            {
                "name": e("TEAMNAME"),
                "role": e("TEAMROLE"),
                "responsibility": e("TEAMRESP"),
                "email": e("TEAMMAIL"),
            }
        ],
        "customer": {
            "business": e("BUSINESS"),
            "revenue_sources": [e("REVSRC")],
            "goals": [e("CUSTGOAL")],
            "trends": [e("TREND")],
            "regulation": e("REGULATION"),
            "technology": e("TECHNOLOGY"),
            "success_measures": [e("SUCCESS")],
            "sites": [e("SITE")],
            "exposed_industry": True,
            "exposure_note": e("EXPOSURE"),
            "decision_process": e("DECISION"),
        },
        "goals": {
            "strategic": [{"goal": e("GOAL1"), "metric": e("METRIC"), "target": 5, "unit": e("UNIT")}],
            "tactical": [{"goal": e("GOAL2")}],
            "operational": [{"goal": e("GOAL3")}],
        },
        "strategy": {
            part: e(f"STRAT{part.upper()}")
            for part in (
                "main",
                "product",
                "price",
                "distribution",
                "communication",
                "service",
                "relationship",
            )
        },
        "opportunities": [
            {
                "name": e("OPPNAME"),
                "value": 100000,
                "probability": 50,
                "owner": e("OPPOWNER"),
                "offering": e("OFFERING"),
                "stage": "proposal",
            }
        ],
        "white_space": {"units": [e("UNIT1")], "offerings": {e("WSOFFER"): {e("UNIT2"): "active"}}},
        "competitors": [{"name": e("COMPNAME"), "strength": "high", "share": 30, "note": e("COMPNOTE")}],
        "contract": {"terms": e("TERMS"), "notice_months": 3},
        "risks": [
            {
                "description": e("RISKDESC"),
                "category": "other",
                "mitigation": e("MITIGATION"),
                "owner": e("RISKOWNER"),
            }
        ],
        "stakeholders": [
            {
                "name": e("PERSON"),
                "title": e("TITLE"),
                "role": "decision_maker",
                "level": "top",
                "influence": "high",
                "stance": -2,
                "owner": e("PERSONOWNER"),
                "notes": e("PERSONNOTES"),
                "trust": {"credibility": 5, "reliability": 5, "intimacy": 5, "self_orientation": 5},
            }
        ],
        "actions": [
            {
                "action": e("ACTION"),
                "owner": e("ACTOWNER"),
                "due": "2026-01-01",
                "status": "planned",
                "goal": e("ACTGOAL"),
            }
        ],
        "rhythm": {"operational": e("RHYTHMOP"), "relationship": e("RHYTHMREL"), "next_qbr": "2027-01-10"},
        "joint_planning": {"agreed": True, "with": e("JOINTWITH")},
        "review": {"reviewed": "2026-10-01", "reviewed_by": e("REVIEWER")},
        "notes": e("NOTES"),
    }
    return account, tags


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def flat(self) -> str:
        return " ".join(" ".join(self.text).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def rendered(tmp_path: Path, kamctl: Callable[..., object]) -> tuple[Path, list[str]]:
    account, tags = evil_account()
    # JSON is YAML 1.2, and json.dumps quotes every string exactly.
    (tmp_path / "evil.yaml").write_text(json.dumps(account, ensure_ascii=False, indent=1), encoding="utf-8")
    for fmt in ("md", "html"):
        run = kamctl("render", "evil.yaml", "-f", fmt, "-o", "out", "--as-of", "2026-11-24")
        assert run.exit_code == 0, run.stderr
        run = kamctl("report", "evil.yaml", "-f", fmt, "-o", "out", "--as-of", "2026-11-24")
        assert run.exit_code == 0, run.stderr
    return tmp_path / "out", tags


def _check_page(page: _Page, tags: list[str], *, report: bool) -> None:
    names = [t for t, _ in page.tags]
    assert "script" not in names
    for tag, attrs in page.tags:
        for key, value in attrs.items():
            assert not key.startswith("on"), (tag, key)
            if key == "data-label":
                # A column header or white-space unit that CSS shows as text
                # (attr()) on a phone; never a URL. The attribute holds the
                # header whole: the payload's quotes did not end it.
                assert set(attrs) <= {"data-label", "class"}, (tag, attrs)
                continue
            assert "javascript:" not in (value or ""), (tag, key, value)
    flat = page.flat
    wanted = ["NAME"] if report else tags
    for tag in wanted:
        assert _flat(evil(tag)) in flat, f"{tag} did not come out as text"


def test_html_plan_shows_every_field_as_text(rendered: tuple[Path, list[str]]) -> None:
    out, tags = rendered
    html = (out / "evil.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    _check_page(page, tags, report=False)
    # Only the page's own structure: one <style>, no element from the payload.
    assert [t for t, _ in page.tags].count("style") == 1
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def test_html_report_shows_the_name_as_text(rendered: tuple[Path, list[str]]) -> None:
    out, tags = rendered
    page = _Page()
    page.feed((out / "index.html").read_text(encoding="utf-8"))
    _check_page(page, tags, report=True)
    links = [a.get("href") for t, a in page.tags if t == "a"]
    assert links == ["evil.html"]


MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MD_TAGS = {
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "li",
    "strong",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}


def test_markdown_plan_shows_every_field_as_text(rendered: tuple[Path, list[str]]) -> None:
    out, tags = rendered
    page = _Page()
    page.feed(MD.render((out / "evil.md").read_text(encoding="utf-8")))
    names = [t for t, _ in page.tags]
    assert set(names) <= MD_TAGS, set(names) - MD_TAGS
    assert names.count("h1") == 1  # the title; '# x' in the payload made no heading
    _check_page(page, tags, report=False)


def test_markdown_report_shows_the_name_as_text(rendered: tuple[Path, list[str]]) -> None:
    out, tags = rendered
    page = _Page()
    page.feed(MD.render((out / "index.md").read_text(encoding="utf-8")))
    names = [t for t, _ in page.tags]
    assert set(names) <= MD_TAGS | {"a"}
    assert [a.get("href") for t, a in page.tags if t == "a"] == ["evil.md"]
    _check_page(page, tags, report=True)


def test_the_payload_is_not_evaluated_as_a_template(rendered: tuple[Path, list[str]]) -> None:
    out, _ = rendered
    html = (out / "evil.html").read_text(encoding="utf-8")
    md = (out / "evil.md").read_text(encoding="utf-8")
    # {{ 7*7 }} stayed text ("49" would mean it was evaluated); in Markdown the
    # star is escaped.
    assert "{{ 7*7 }} {% raw %} back" in html and "(javascript:x) 49" not in html
    assert "{{ 7\\*7 }} {% raw %} back" in md and "javascript:x\\) 49" not in md
