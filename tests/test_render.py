"""kamctl render / kamctl report: what a reader of the documents sees.

Expected figures are from examples/README.md (worked by hand there); "today"
is 2026-11-24 as in that README.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kamctl.render import RenderError, output_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ACCOUNTS = EXAMPLES / "accounts"
CONFIG = EXAMPLES / "kamctl.toml"
AS_OF = "2026-11-24"
NBSP = "\u00a0"

Kamctl = Callable[..., object]


def _render(kamctl: Kamctl, *args: str | Path) -> object:
    return kamctl("render", "--config", CONFIG, "--as-of", AS_OF, *args)


def test_one_file_per_account_named_by_id(kamctl: Kamctl, tmp_path: Path) -> None:
    run = _render(kamctl, ACCOUNTS / "nordmelk.yaml", ACCOUNTS / "kystlab.yaml", "-f", "md", "-o", "out")
    assert run.exit_code == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["kystlab.md", "nordmelk.md"]
    assert run.stdout.splitlines() == ["out/nordmelk.md", "out/kystlab.md"]


def test_the_whole_accounts_folder_by_default(kamctl: Kamctl, tmp_path: Path) -> None:
    run = _render(kamctl, "-o", "out")
    assert run.exit_code == 0, run.stderr
    # 17 example accounts (examples/README.md).
    assert len(list((tmp_path / "out").glob("*.html"))) == 17


def test_language_comes_from_the_config_and_can_be_overridden(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "nordmelk.yaml", "-f", "md", "-o", "nb")
    _render(kamctl, ACCOUNTS / "nordmelk.yaml", "-f", "md", "-o", "en", "--lang", "en")
    nb = (tmp_path / "nb" / "nordmelk.md").read_text(encoding="utf-8")
    en = (tmp_path / "en" / "nordmelk.md").read_text(encoding="utf-8")
    assert nb.startswith("# Kundeplan: Nordmelk SA\n") and "\n## Sammendrag\n" in nb
    assert en.startswith("# Account plan: Nordmelk SA\n") and "\n## Summary\n" in en
    assert "Sammendrag" not in en and "Summary" not in nb
    assert "**Dato:** 24. november 2026" in nb
    assert "**Date:** 24 November 2026" in en


def test_computed_facts_beside_the_written_ones(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "nordmelk.yaml", "-f", "md", "-o", "out")
    md = (tmp_path / "out" / "nordmelk.md").read_text(encoding="utf-8")
    # Weighted pipeline: 6 000 000 × 0.60 = 3 600 000 (the lost one excluded).
    assert f"**Vektet pipeline:** 3{NBSP}600{NBSP}000{NBSP}kr" in md
    # Share of wallet 2025: 31 250 000 / 53 500 000 = 58.41 % → one decimal 58,4 %.
    assert f"**Andel av kundens kjøp (share of wallet):** 58,4{NBSP}%" in md
    # Revenue 2025 (fiscal_year = 2025 in the config, not the latest row).
    assert f"**Omsetning 2025:** 31{NBSP}250{NBSP}000{NBSP}kr" in md
    # Trust (Kjetil Sandvik): (8 + 8 + 7) / 3 = 7.666… → 7,67.
    assert "| Kjetil Sandvik | 8 | 8 | 7 | 3 | 7,67 |" in md


def test_stakeholders_sorted_by_influence_with_stance_labels(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "nordmelk.yaml", "-f", "md", "-o", "out")
    md = (tmp_path / "out" / "nordmelk.md").read_text(encoding="utf-8")
    table = md.split("### Interessentkart", 1)[1].split("###", 1)[0]
    names = re.findall(r"^\| ([^|]+?) \| ", table, flags=re.M)[2:]  # skip header and rule
    # high: Bjørg Halvorsen (+2), Kjetil Sandvik (+2), Rune Ødegård (+1);
    # medium: Heidi Fossum; low: Tone Brekke. Ties on stance go by name.
    assert names == ["Bjørg Halvorsen", "Kjetil Sandvik", "Rune Ødegård", "Heidi Fossum", "Tone Brekke"]
    assert "| +2 partner |" in table and "| 0 nøytral |" in table


def test_negative_stance_uses_the_minus_sign_and_label(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "sorlandet-frukt.yaml", "-f", "md", "-o", "out", "--lang", "en")
    md = (tmp_path / "out" / "sorlandet-frukt.md").read_text(encoding="utf-8")
    # Stian Mykland, decision maker, stance −3 (examples/README.md).
    assert "| \u22123 blocker |" in md


def test_overdue_actions_are_highlighted(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "mjosen-bakeri.yaml", "-f", "md", "-o", "md")
    _render(kamctl, ACCOUNTS / "mjosen-bakeri.yaml", "-o", "html")
    md = (tmp_path / "md" / "mjosen-bakeri.md").read_text(encoding="utf-8")
    html = (tmp_path / "html" / "mjosen-bakeri.html").read_text(encoding="utf-8")
    # Open and due before 2026-11-24: 2026-03-31 (planned), 2026-09-15 (in progress);
    # the done one from 2025-12-15 is not overdue.
    assert "**31. mars 2026 (forfalt)**" in md
    assert "**15. september 2026 (forfalt)**" in md
    assert "15. desember 2025 (forfalt)" not in md
    assert "- **Forfalte aktiviteter:** 2" in md
    assert html.count('<tr class="overdue">') == 2


def test_an_overdue_action_depends_on_as_of(kamctl: Kamctl, tmp_path: Path) -> None:
    kamctl("render", "--config", CONFIG, "--as-of", "2026-03-31", ACCOUNTS / "mjosen-bakeri.yaml", "-f", "md")
    md = (tmp_path / "rendered" / "mjosen-bakeri.md").read_text(encoding="utf-8")
    # Due on the day itself is not yet overdue; nothing else is due before it.
    assert "(forfalt)" not in md


def test_empty_sections_are_named_once_in_one_list(kamctl: Kamctl, tmp_path: Path) -> None:
    (tmp_path / "bare.yaml").write_text("id: bare\nname: Bare AS\n", encoding="utf-8")
    run = kamctl("render", "bare.yaml", "-f", "md", "--as-of", AS_OF)
    assert run.exit_code == 0, run.stderr
    md = (tmp_path / "rendered" / "bare.md").read_text(encoding="utf-8")
    # No heading each with "Ikke utfylt." under it (issue 13) …
    assert "Ikke utfylt." not in md
    for heading in ("Kundeteam", "Mål", "Strategi", "Aktiviteter", "White space", "Notater"):
        assert f"## {heading}\n" not in md, heading
    # … but one list, in reading order: every section of a full plan but the
    # summary, the risks (computed signals) and the plan quality (lint), which
    # always have something to say; then the risks part the file writes itself.
    listed = md.split("## Ikke utfylt ennå\n\n", 1)[1].split("\n", 1)[0]
    assert listed == (
        "Kundeprofil, Kundeteam, Klassifisering, Økonomi, Mål, Strategi, "
        "Beslutningsprosess og interessentkart, Muligheter og pipeline, White space, "
        "Konkurrenter og avtale, Aktiviteter, Måltall, Møterytme og felles planlegging, "
        "Notater, Risikoer i planen."
    )
    for heading in ("Sammendrag", "Risiko", "Plankvalitet"):
        assert f"## {heading}\n" in md, heading


def test_a_horizon_without_goals_is_listed_not_headed(kamctl: Kamctl, tmp_path: Path) -> None:
    # kystlab (light) has tactical and operational goals but no strategic ones.
    _render(kamctl, ACCOUNTS / "kystlab.yaml", "-f", "md", "-o", "out")
    md = (tmp_path / "out" / "kystlab.md").read_text(encoding="utf-8")
    assert "### Strategiske mål (3–5 år)" not in md
    assert "### Taktiske mål (1–2 år)" in md
    assert "Strategiske mål (3–5 år)" in md.split("## Ikke utfylt ennå", 1)[1]


def test_findings_read_as_prose_dates_written_out_no_field_paths(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "mjosen-bakeri.yaml", "-o", "out")
    html = (tmp_path / "out" / "mjosen-bakeri.html").read_text(encoding="utf-8")
    body = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    # KAM106 on "Møte med daglig leder om pakkelinjen", due 2026-03-31 (examples/accounts).
    assert "hadde frist 31. mars 2026 (for 238 dager siden)" in body
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", body)
    # KAM108's "(joint_planning.agreed)" names a field, which means nothing on paper.
    assert "planen sier ikke om den er omforent med kunden" in body
    assert "joint_planning" not in body


def test_light_profile_renders_a_shorter_plan(kamctl: Kamctl, tmp_path: Path) -> None:
    full = (ACCOUNTS / "nordmelk.yaml").read_text(encoding="utf-8")
    assert "profile: full" in full
    (tmp_path / "light").mkdir()
    (tmp_path / "light" / "nordmelk.yaml").write_text(
        full.replace("profile: full", "profile: light"), "utf-8"
    )
    _render(kamctl, ACCOUNTS / "nordmelk.yaml", "-f", "md", "-o", "a")
    _render(kamctl, "light/nordmelk.yaml", "-f", "md", "-o", "b")
    long = (tmp_path / "a" / "nordmelk.md").read_text(encoding="utf-8")
    short = (tmp_path / "b" / "nordmelk.md").read_text(encoding="utf-8")
    assert len(short) < len(long) * 0.8
    for heading in ("## Kundeteam", "## White space", "## Måltall", "### Tillitsligningen", "**Produkt:**"):
        assert heading in long and heading not in short, heading
    assert "KAM light" in short


def test_html_is_self_contained(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "havbris-sjomat.yaml", "-o", "out")
    html = (tmp_path / "out" / "havbris-sjomat.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html.lower()
    # Nothing fetched: no external stylesheets, images, fonts or imports.
    assert not re.search(r"""(src=|@import|url\((?!#)|<link\b)""", html)  # url(#id): in-page
    assert not re.search(r"""href="(?!havbris|index\.html|[a-z0-9-]+\.html)""", html)
    assert "<svg" in html and "@page" in html and "size: A4" in html
    # No forced page breaks (they left near-empty pages, issue 13); rows and headings kept.
    assert "break-before: page" not in html and "tr { break-inside: avoid; }" in html
    assert "h2, h3 { break-after: avoid; }" in html


def test_report_links_to_each_plan(kamctl: Kamctl, tmp_path: Path) -> None:
    run = kamctl("report", "--config", CONFIG, "--as-of", AS_OF, "-f", "md", "-o", "out")
    assert run.exit_code == 0, run.stderr
    md = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "[Nordmelk SA](nordmelk.md)" in md
    assert len(re.findall(r"\]\([a-z0-9-]+\.md\)", md)) == 17
    # Total 2025 revenue of the 17 accounts (examples/README.md): 223 650 000.
    assert f"**Samlet omsetning:** 223{NBSP}650{NBSP}000{NBSP}kr" in md


def test_report_html(kamctl: Kamctl, tmp_path: Path) -> None:
    run = kamctl("report", "--config", CONFIG, "--as-of", AS_OF, "-o", "out", "--lang", "en")
    assert run.exit_code == 0, run.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<a href="nordmelk.html">Nordmelk SA</a>' in html
    assert "<h1>Portfolio report</h1>" in html


def test_invalid_files_are_reported_and_the_rest_rendered(kamctl: Kamctl, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("id: bad\nname: Bad AS\nstage: sideways\n", encoding="utf-8")
    run = kamctl("render", "bad.yaml", ACCOUNTS / "kystlab.yaml", "-f", "md", "--as-of", AS_OF)
    assert run.exit_code == 1
    assert "bad.yaml:3:" in run.stderr
    assert (tmp_path / "rendered" / "kystlab.md").is_file()
    assert not (tmp_path / "rendered" / "bad.md").exists()


@pytest.mark.parametrize(
    "args",
    [("-f", "docx"), ("--lang", "12"), ("--as-of", "24.11.2026"), ("--templates", "no-such-folder")],
)
def test_usage_errors_exit_2(kamctl: Kamctl, args: tuple[str, ...]) -> None:
    run = kamctl("render", ACCOUNTS / "kystlab.yaml", *args)
    assert run.exit_code == 2


@pytest.mark.parametrize("stem", ["../evil", "a/b", "", ".hidden", "UPPER", "x" * 65, "/etc/passwd"])
def test_output_names_come_from_valid_ids_only(tmp_path: Path, stem: str) -> None:
    with pytest.raises(RenderError):
        output_path(tmp_path, stem, "md")


def test_output_name_is_inside_the_output_folder(tmp_path: Path) -> None:
    assert output_path(tmp_path, "nordmelk", "html") == tmp_path / "nordmelk.html"


def test_a_symlink_in_the_output_folder_is_not_written_through(kamctl: Kamctl, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "precious.txt"
    target.write_text("keep", encoding="utf-8")
    (tmp_path / "out" / "kystlab.md").symlink_to(target)
    run = _render(kamctl, ACCOUNTS / "kystlab.yaml", "-f", "md", "-o", "out")
    assert run.exit_code == 2
    assert target.read_text(encoding="utf-8") == "keep"


# ------------------------------------------------------------------ templates


def test_templates_option_overrides_one_block(kamctl: Kamctl, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "plan.md.j2").write_text(
        '{% extends "kamctl/plan.md.j2" %}{% block strategy %}## Vår egen strategi\n\n{{ account.name }}\n\n'
        "{% endblock %}",
        encoding="utf-8",
    )
    run = _render(kamctl, ACCOUNTS / "nordmelk.yaml", "-f", "md", "--templates", mine)
    assert run.exit_code == 0, run.stderr
    md = (tmp_path / "rendered" / "nordmelk.md").read_text(encoding="utf-8")
    assert "## Vår egen strategi\n\nNordmelk SA\n" in md
    assert "**Hovedstrategi:**" not in md
    assert "## Kundeprofil" in md  # the rest is the shipped template


def test_plan_repository_templates_next_to_the_config(kamctl: Kamctl, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES, repo, ignore=shutil.ignore_patterns("tools", "customers.csv"))
    (repo / "templates").mkdir()
    (repo / "templates" / "plan.md.j2").write_text("REPO {{ account.name }}\n", encoding="utf-8")
    run = kamctl("render", "--config", repo / "kamctl.toml", repo / "accounts" / "kystlab.yaml", "-f", "md")
    assert run.exit_code == 0, run.stderr
    assert (tmp_path / "rendered" / "kystlab.md").read_text(encoding="utf-8") == "REPO Kystlab AS\n"
    # --templates comes first.
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "plan.md.j2").write_text("MINE {{ account.name }}\n", encoding="utf-8")
    kamctl(
        "render",
        "--config",
        repo / "kamctl.toml",
        repo / "accounts" / "kystlab.yaml",
        "-f",
        "md",
        "--templates",
        mine,
    )
    assert (tmp_path / "rendered" / "kystlab.md").read_text(encoding="utf-8") == "MINE Kystlab AS\n"


def test_user_templates_run_in_the_sandbox(kamctl: Kamctl, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "plan.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    run = _render(kamctl, ACCOUNTS / "kystlab.yaml", "-f", "md", "--templates", mine)
    assert run.exit_code == 2
    assert "template" in run.stderr
    assert not (tmp_path / "rendered" / "kystlab.md").exists()


def test_a_broken_template_is_a_clear_error(kamctl: Kamctl, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "plan.html.j2").write_text("{% if %}\n", encoding="utf-8")
    run = _render(kamctl, ACCOUNTS / "kystlab.yaml", "--templates", mine)
    assert run.exit_code == 2
    assert "plan.html.j2" in run.stderr and "Traceback" not in run.stderr


# ------------------------------------------------------- computed analyses


def test_plan_shows_kaism_class_and_abc(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "nordmelk.yaml", ACCOUNTS / "kystlab.yaml", "-f", "md", "-o", "out")
    nordmelk = (tmp_path / "out" / "nordmelk.md").read_text(encoding="utf-8")
    kystlab = (tmp_path / "out" / "kystlab.md").read_text(encoding="utf-8")
    # nordmelk: CA 141/20 = 7.05, OS 94/12 = 7.833… → key (Diamond), priority 2;
    # ABC by revenue: rank 2, 31 250 000 / 223 650 000 = 13.97 %, class A — against
    # the whole portfolio although only two files were named.
    assert "- **KAISM-kvadrant:** Nøkkelkunde (Diamond), investeringsprioritet 2" in nordmelk
    assert "- **Kundens attraktivitet:** 7,05\n- **Vår styrke:** 7,83" in nordmelk
    assert f"- **ABC-klasse:** A (13,97{NBSP}%, rangering 2)" in nordmelk
    # kystlab: CA exactly 100/20 = 5.00 (at the threshold = high), OS 54/12 = 4.50
    # → key development (Portfolio), priority 1; ABC rank 14, 0.83 %, class C.
    assert "- **Kundens attraktivitet:** 5,00\n- **Vår styrke:** 4,50" in kystlab
    assert "- **KAISM-kvadrant:** Utviklingskunde (Portfolio), investeringsprioritet 1" in kystlab
    assert f"- **ABC-klasse:** C (0,83{NBSP}%, rangering 14)" in kystlab


def test_unclassified_account_says_why(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "agder-elektro.yaml", "-f", "md", "-o", "out", "--lang", "en")
    md = (tmp_path / "out" / "agder-elektro.md").read_text(encoding="utf-8")
    # 'innovation' is not scored and min_scored = 1.0 needs every criterion.
    assert "- **KAISM quadrant:** Unclassified" in md
    assert "- **Missing scores:** Customer attractiveness: Innovation" in md
    assert "customer\\_attractiveness" not in md  # no raw field path (issue 13)


def test_plan_shows_risk_stage_and_lint_findings(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(
        kamctl, ACCOUNTS / "mjosen-bakeri.yaml", ACCOUNTS / "nordlys-dagligvare.yaml", "-f", "md", "-o", "out"
    )
    mjosen = (tmp_path / "out" / "mjosen-bakeri.md").read_text(encoding="utf-8")
    nordlys = (tmp_path / "out" / "nordlys-dagligvare.md").read_text(encoding="utf-8")
    risks = mjosen.split("### Beregnede risikosignaler", 1)[1].split("###", 1)[0]
    # Overdue open actions, contact older than 90 days, plan not reviewed for 12 months
    # are the checks risk shares with lint (KAM106, KAM111, KAM112): shown once, under
    # plan quality, not again among the risk signals.
    for code in ("KAM106", "KAM111", "KAM112"):
        assert f"| {code} |" not in risks, code
    # A Norwegian title per finding, then the analysis' own message in the
    # plan's language, without its "mjosen-bakeri: " prefix inside the plan.
    assert "| RISK114 | " in risks and "mjosen-bakeri:" not in risks
    quality = mjosen.split("## Plankvalitet", 1)[1].split("\n## ", 1)[0]
    severities = re.findall(r"^\| (feil|advarsel|info) \| KAM\d+ \|", quality, re.M)
    assert severities
    # Errors first, then warnings, then info.
    order = {"feil": 0, "advarsel": 1, "info": 2}
    assert severities == sorted(severities, key=order.__getitem__)
    stage = nordlys.split("### Relasjonsfase mot data", 1)[1].split("\n## ", 1)[0]
    # Partnership stated with a single contact.
    assert "| STAGE101 |" in stage


def test_clean_plan_has_no_findings(kamctl: Kamctl, tmp_path: Path) -> None:
    _render(kamctl, ACCOUNTS / "havbris-sjomat.yaml", "-f", "md", "-o", "out")
    md = (tmp_path / "out" / "havbris-sjomat.md").read_text(encoding="utf-8")
    # examples/README.md: the three clean plans have no completeness, staleness
    # or coverage findings.
    assert "- **Funn:** 0 feil, 0 advarsler, 0 info" in md


def test_report_concentration_figures(kamctl: Kamctl, tmp_path: Path) -> None:
    kamctl("report", "--config", CONFIG, "--as-of", AS_OF, "-f", "md", "-o", "out")
    md = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    # examples/README.md, by hand: largest 96 400 000 / 223 650 000 = 43.10 %;
    # top 5 = 173 450 000 / 223 650 000 = 77.55 %; HHI ≈ 2261.3, with the
    # Vestgruppen companies merged ≈ 2321.05 (both above 1800: high).
    assert f"**Største enkeltkunde:** 43,10{NBSP}% (Havbris Sjømat AS)" in md
    assert f"**Andel fra de fem største:** 77,55{NBSP}%" in md
    assert f"**Konsentrasjonsindeks (HHI):** 2{NBSP}261 (høy konsentrasjon)" in md
    assert f"**HHI med konsern samlet:** 2{NBSP}321 (høy konsentrasjon)" in md
    # The group: 1 200 000 + 14 600 000 + 8 350 000 = 24 150 000 → 10.80 %.
    assert re.search(rf"\| Vestgruppen AS \([a-z, -]+\) \| 10,80{NBSP}% \|", md)
    # If havbris-sjomat halves: −48 200 000 (−21.55 %); leaves: −96 400 000 (−43.10 %),
    # gross margin −24 800 000.
    row = next(line for line in md.splitlines() if line.startswith("| Havbris Sjømat AS | \u2212"))
    assert f"\u221248{NBSP}200{NBSP}000{NBSP}kr (\u221221,55{NBSP}%)" in row
    assert f"\u221296{NBSP}400{NBSP}000{NBSP}kr (\u221243,10{NBSP}%)" in row
    assert f"\u221224{NBSP}800{NBSP}000{NBSP}kr" in row


def test_report_lists_classes_and_portfolio_findings(kamctl: Kamctl, tmp_path: Path) -> None:
    kamctl("report", "--config", CONFIG, "--as-of", AS_OF, "-f", "md", "-o", "out", "--lang", "en")
    md = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    # Quadrant counts (examples/README.md): key 4, key_development 5,
    # maintenance 4, opportunistic 3, unclassified 1.
    rows = {
        line.split(" | ")[0][2:]: line for line in md.splitlines() if line.startswith("| ") and " | " in line
    }
    assert rows["Key account"].count(" AS") + rows["Key account"].count(" SA") == 4
    assert rows["Key development account"].count(" AS") == 5
    assert rows["Unclassified"].endswith("17 Agder Elektro AS |")
    # Havbris carries ≥ 40 %; Magnus Haugen holds 5 accounts against a limit of 4.
    assert "| PORT104 |" in md
    # In the report a finding keeps the account it is about.
    assert "| RISK001 | One customer carries too much of the revenue | havbris-sjomat: carries 43.10 %" in md
    assert "| [Nordmelk SA](nordmelk.md) | Key account (Diamond) | A | Ingrid Solberg |" in md


def test_css_string_escapes_everything_but_letters_and_digits() -> None:
    from kamctl.render import css_string

    # "·" is U+00B7; a space is escaped too (CSS eats one space after an escape).
    assert css_string("SA · KAM") == "SA\\000020\\0000b7\\000020KAM"
    evil = css_string('x"; } body { display: none } </style><script>')
    assert set(str(evil)) <= set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\\")


def test_config_names_a_templates_folder(kamctl: Kamctl, tmp_path: Path) -> None:
    (tmp_path / "accounts").mkdir()
    shutil.copy(ACCOUNTS / "kystlab.yaml", tmp_path / "accounts")
    (tmp_path / "kamctl.toml").write_text('[render]\ntemplates = "tpl"\n', encoding="utf-8")
    run = kamctl("render", "-f", "md", "--as-of", AS_OF)
    assert run.exit_code == 2 and "tpl" in run.stderr  # named but missing: an error, not ignored
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "plan.md.j2").write_text("CONFIGURED {{ account.id | md }}\n", encoding="utf-8")
    run = kamctl("render", "-f", "md", "--as-of", AS_OF)
    assert run.exit_code == 0, run.stderr
    assert (tmp_path / "rendered" / "kystlab.md").read_text(encoding="utf-8") == "CONFIGURED kystlab\n"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("html", "&lt;b&gt;x&lt;/b&gt; | y\n"), ("md", "&lt;b&gt;x&lt;/b&gt; \\| y\n")],
)
def test_user_templates_are_escaped_too(kamctl: Kamctl, tmp_path: Path, fmt: str, expected: str) -> None:
    (tmp_path / "acc.yaml").write_text('id: acc\nname: "<b>x</b> | y"\n', encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / f"plan.{fmt}.j2").write_text("{{ account.name }}\n", encoding="utf-8")
    run = kamctl("render", "acc.yaml", "-f", fmt, "--templates", mine, "--as-of", AS_OF)
    assert run.exit_code == 0, run.stderr
    assert (tmp_path / "rendered" / f"acc.{fmt}").read_text(encoding="utf-8") == expected


def test_no_valid_files_writes_nothing(kamctl: Kamctl, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("id: bad\nname: Bad AS\nstage: x\n", encoding="utf-8")
    run = kamctl("report", "bad.yaml", "-o", "out", "--as-of", AS_OF)
    assert run.exit_code == 1
    assert "no valid account files" in run.stderr
    assert not (tmp_path / "out").exists()
    (tmp_path / "empty").mkdir()
    run = kamctl("render", "empty", "-o", "out", "--as-of", AS_OF)
    # Nothing to render is a usage error naming the folder (issue 10).
    assert run.exit_code == 2 and "no account files (*.yaml, *.yml) in empty" in run.stderr


def test_an_account_named_like_the_report_is_warned_about(kamctl: Kamctl, tmp_path: Path) -> None:
    (tmp_path / "index.yaml").write_text("id: index\nname: Index AS\n", encoding="utf-8")
    run = kamctl("render", "index.yaml", "-f", "md", "--as-of", AS_OF)
    assert run.exit_code == 0
    assert "report's file name (index.md)" in run.stderr
