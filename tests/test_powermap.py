"""The power map: names checked at their line, and the SVG in the HTML plan."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from kamctl.account import Account
from kamctl.i18n import Locale
from kamctl.powermap import levels, power_map_svg
from tests.conftest import EXAMPLES, Run

Kamctl = Callable[..., Run]
SVG = "{http://www.w3.org/2000/svg}"

BAD = """\
id: pm-bad
name: Bad
stakeholders:
  - name: A
    reports_to: B
  - name: B
    reports_to: A
  - name: C
    reports_to: C
    influences: [Nobody]
  - name: D
    reports_to: Zed
"""


def test_bad_names_and_cycles_are_located_errors(kamctl: Kamctl, tmp_path: Path) -> None:
    f = tmp_path / "pm-bad.yaml"
    f.write_text(BAD, encoding="utf-8")
    run = kamctl("validate", f, "--format", "json")
    assert run.exit_code == 1
    doc = run.json()
    assert isinstance(doc, dict)
    got = [(d["line"], d["column"], d["field"], d["message"]) for d in doc["diagnostics"]]
    # Lines and columns counted in BAD above: the value after "reports_to: " is column 17.
    assert got == [
        (5, 17, "stakeholders[0].reports_to", "reporting cycle: A → B → A"),
        (9, 17, "stakeholders[2].reports_to", "'C' cannot report to themselves"),
        (
            10,
            18,
            "stakeholders[2].influences[0]",
            "'Nobody' is not a stakeholder of this account (influences names them)",
        ),
        (
            12,
            17,
            "stakeholders[3].reports_to",
            "'Zed' is not a stakeholder of this account (reports_to names one)",
        ),
    ]


def _account(people: list[dict[str, object]]) -> Account:
    return Account.model_validate({"id": "x", "name": "X", "stakeholders": people})


def test_levels_follow_the_reporting_line() -> None:
    a = _account(
        [
            {"name": "Low", "reports_to": "Mid"},
            {"name": "Top"},
            {"name": "Mid", "reports_to": "Top"},
        ]
    )
    assert levels(a.stakeholders) == [2, 0, 1]


def test_svg_shows_stance_as_text_and_escapes_names() -> None:
    a = _account(
        [
            {
                "name": "Boss <script>&",
                "stance": -3,
                "influence": "high",
                "relationship": "strong",
                "owner": "Ola",
            },
            {"name": "Helper", "stance": 2, "reports_to": "Boss <script>&", "influences": ["Boss <script>&"]},
        ]
    )
    svg = power_map_svg(a.stakeholders, Locale("en"))
    assert svg is not None
    root = ET.fromstring(str(svg))  # well-formed XML: the name could not break out
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Boss <script>&" in texts
    assert "blocker (−3)" in texts and "partner (+2)" in texts  # never colour alone
    assert "owner: Ola" in texts
    assert not list(root.iter(f"{SVG}script"))
    # One dashed influence arrow and one reporting line.
    paths = [p for p in root.iter(f"{SVG}path") if p.get("stroke-dasharray")]
    assert len(paths) == 1
    assert len(list(root.iter(f"{SVG}line"))) == 1
    # Influence as size (high is bigger than the default), strength as border width.
    rects = [r for r in root.iter(f"{SVG}rect") if r.get("rx")]
    assert float(rects[0].get("width", 0)) > float(rects[1].get("width", 0))
    assert float(rects[0].get("stroke-width", 0)) > float(rects[1].get("stroke-width", 0))
    assert str(svg) == str(power_map_svg(a.stakeholders, Locale("en")))  # deterministic


def test_no_map_without_lines() -> None:
    assert power_map_svg(_account([{"name": "Alone"}]).stakeholders, Locale("en")) is None


def test_four_example_plans_have_a_map(kamctl: Kamctl, tmp_path: Path) -> None:
    names = ["nordmelk", "havbris-sjomat", "bergen-byggvare", "hallingdal-mobler"]
    files = [EXAMPLES / "accounts" / f"{n}.yaml" for n in names]
    run = kamctl("render", *files, "-f", "html", "-o", tmp_path, "--config", EXAMPLES / "kamctl.toml")
    assert run.exit_code == 0, run.stderr
    for n in names:
        html = (tmp_path / f"{n}.html").read_text(encoding="utf-8")
        found = re.search(r"<svg[^>]*powermap.*?</svg>", html, re.S)
        assert found, n
        root = ET.fromstring(found.group(0))
        # At least three reporting lines (straight, or an elbow to a stacked team).
        assert len([*root.iter(f"{SVG}line"), *root.iter(f"{SVG}polyline")]) >= 3, n


def test_power_map_rules_do_not_judge_a_plan_without_a_map(kamctl: Kamctl, tmp_path: Path) -> None:
    # No influences and no competitor stances: KAM117 and KAM118 have nothing
    # to judge, so they must not count as passed checks in the plan's completeness.
    f = tmp_path / "acme.yaml"
    f.write_text(
        "id: acme\nname: Acme AS\nstakeholders:\n  - {name: A, role: decision_maker}\n", encoding="utf-8"
    )
    run = kamctl("status", f, "--format", "json", "--as-of", "2026-11-24")
    doc = run.json()
    assert isinstance(doc, dict)
    checks = doc["tables"]["accounts"][0]["checks"]
    assert not {"KAM117", "KAM118"} & {*checks["passed"], *checks["failed"]}
    # With an influence line KAM117 is judged (and passes: nobody is a blocker).
    f.write_text(
        "id: acme\nname: Acme AS\nstakeholders:\n  - {name: A, role: decision_maker}\n"
        "  - {name: B, stance: 1, influences: [A]}\n",
        encoding="utf-8",
    )
    doc = kamctl("status", f, "--format", "json", "--as-of", "2026-11-24").json()
    assert isinstance(doc, dict)
    assert "KAM117" in doc["tables"]["accounts"][0]["checks"]["passed"]


def twenty_five() -> Account:
    """A chief executive, four directors under her, twenty people under them
    (five each), with long Norwegian names and titles and influence lines."""
    people: list[dict[str, object]] = [
        {
            "name": "Kristine Marie Haraldsen-Bergersen",
            "title": "Administrerende direktør",
            "stance": 1,
            "influence": "high",
            "relationship": "strong",
            "owner": "Ingrid Solberg",
        },
    ]
    for d in range(4):
        people.append(
            {
                "name": f"Direktør Nummer {d + 1} Olsen",
                "title": "Direktør for innkjøp og logistikk",
                "reports_to": people[0]["name"],
                "stance": d - 2,
                "influence": "medium",
                "owner": "Magnus Haugen",
                "influences": [people[0]["name"]],
            }
        )
    for k in range(20):
        boss = people[1 + k // 5]["name"]
        people.append(
            {
                "name": f"Medarbeider {k + 1:02d} Johannessen",
                "title": "Seniorrådgiver kvalitet",
                "reports_to": boss,
                "stance": (k % 7) - 3,
                "influence": "low",
                "relationship": "weak",
                "influences": [boss] if k % 3 == 0 else [],
            }
        )
    return _account(people)


def test_a_map_of_25_people_fits_a4_with_no_box_on_another_and_8_pt_text() -> None:
    from kamctl.svg import PRINT_WIDTH, text_width

    svg = power_map_svg(twenty_five().stakeholders, Locale("nb"))
    assert svg is not None
    root = ET.fromstring(str(svg))
    vb = [float(v) for v in root.get("viewBox", "").split()]
    # Drawn at its own size, no wider than the A4 column (680 px) and no taller
    # than a page's body (297 − 18 − 16 = 263 mm = 994 px).
    assert root.get("width") == f"{vb[2]:g}" and vb[2] <= PRINT_WIDTH and vb[3] <= 994
    # Every font size in the map's style is at least 11 px = 8.25 pt.
    sizes = [float(v) for v in re.findall(r"font-size:([\d.]+)px", str(svg))]
    assert sizes and min(sizes) >= 11
    boxes = []
    for g in root.iter(f"{SVG}g"):
        rect = g.find(f"{SVG}rect")
        assert rect is not None
        x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
        w, h = float(rect.get("width", 0)), float(rect.get("height", 0))
        boxes.append((x, y, w, h))
        assert x >= 0 and y >= 0 and x + w <= vb[2] and y + h <= vb[3]
        # Each line of text fits inside its box (the name is 12 px bold, the rest 11 px).
        for t in g.iter(f"{SVG}text"):
            name = t.get("class") == "nm"
            assert text_width(t.text or "", 12 if name else 11, bold=name) <= w, t.text
            assert y < float(t.get("y", 0)) < y + h
    assert len(boxes) == 25
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            apart = x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
            assert apart, ((x1, y1, w1, h1), (x2, y2, w2, h2))


def test_the_plan_shows_each_persons_stance_towards_competitors_internally_only(kamctl, tmp_path) -> None:
    from tests.conftest import EXAMPLES

    plan = EXAMPLES / "accounts" / "nordmelk.yaml"
    args = (
        "render",
        "-f",
        "md",
        "--lang",
        "nb",
        "--as-of",
        "2026-11-24",
        "--config",
        EXAMPLES / "kamctl.toml",
    )
    run = kamctl(*args, "-o", tmp_path / "in", plan)
    assert run.exit_code in (0, 1), run.stderr
    text = (tmp_path / "in" / "nordmelk.md").read_text(encoding="utf-8")
    # nordmelk.yaml: Kjetil Sandvik, competitor_stance {Smurfit Westrock Norge: -1}.
    assert "| Kjetil Sandvik | Smurfit Westrock Norge | −1 skeptiker |" in text
    run = kamctl(*args, "--audience", "customer", "-o", tmp_path / "out", plan)
    assert run.exit_code in (0, 1), run.stderr
    assert "Holdning til konkurrentene" not in (tmp_path / "out" / "nordmelk.md").read_text(encoding="utf-8")
