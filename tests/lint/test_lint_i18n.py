"""Lint, status and rules speak Norwegian bokmål (nb) and English (en).

The expected Norwegian texts are written by hand from the rule cases; the
day counts are worked out from the case dates and 2026-11-24 (``AS_OF``).
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable
from pathlib import Path

import pytest

from kamctl.config import Config
from kamctl.lint import registry
from kamctl.lint.base import LANGS, Rule
from kamctl.lint.runner import lint_file
from tests.conftest import EXAMPLES, Run
from tests.lint.casekit import run_case

CASES = Path(__file__).parent / "cases"
AS_OF = dt.date(2026, 11, 24)
ACCOUNTS = EXAMPLES / "accounts"
Kamctl = Callable[..., Run]


def _messages(rule_id: str, lang: str, case: str = "fail") -> list[str]:
    return [d.message for d in run_case(registry.BY_ID[rule_id], case, lang) if d.code == rule_id]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# ------------------------------------------------------------- every rule, both languages


@pytest.mark.parametrize("rule", registry.RULES, ids=lambda r: r.id)
def test_rule_has_summary_and_messages_in_both_languages(rule: Rule) -> None:
    assert set(rule.summaries) == set(LANGS), f"{rule.id}: SUMMARY needs exactly {LANGS}"
    assert all(rule.summaries[lang].strip() for lang in LANGS)
    assert rule.summaries["nb"] != rule.summaries["en"], f"{rule.id}: SUMMARY nb is not translated"
    assert rule.messages, f"{rule.id}: no MESSAGES"
    for key, texts in rule.messages.items():
        assert set(texts) == set(LANGS), f"{rule.id} {key!r}: needs exactly {LANGS}, has {sorted(texts)}"
        assert all(texts[lang].strip() for lang in LANGS), f"{rule.id} {key!r}: empty text"
        # The same facts in both languages: a placeholder only one of them has
        # is a fact lost in translation (or a KeyError at run time).
        assert _fields(texts["nb"]) == _fields(texts["en"]), f"{rule.id} {key!r}: placeholders differ"


@pytest.mark.parametrize("rule_id", [r.id for r in registry.RULES])
def test_every_finding_of_a_fail_case_is_translated(rule_id: str) -> None:
    en, nb = _messages(rule_id, "en"), _messages(rule_id, "nb")
    assert len(en) == len(nb) > 0
    # A message that comes out the same in nb was built without ctx.say.
    assert [m for m in nb if m in en] == []


# ----------------------------------------------------------- Norwegian texts, by hand


def test_nb_overdue_actions() -> None:
    # KAM106 case: 2026-03-31 → 2026-11-24 = 30+31+30+31+31+30+31+24 = 238 days;
    # 2026-09-15 → 15+31+24 = 70 days; 2026-11-23 is one day (singular "dag").
    assert sorted(_messages("KAM106", "nb")) == sorted(
        [
            "aktiviteten «Ny prisavtale» hadde frist 2026-03-31 (for 238 dager siden) og har fortsatt status «planlagt»",
            "aktiviteten «Prøver» hadde frist 2026-09-15 (for 70 dager siden) og har fortsatt status «pågår»",
            "aktiviteten «Uten status» hadde frist 2026-11-23 (for 1 dag siden) og har ingen status",
        ]
    )
    assert "action 'Uten status' was due 2026-11-23 (1 day ago) and has no status" in _messages(
        "KAM106", "en"
    )


def test_nb_incomplete_action_lists_the_missing_fields_with_og() -> None:
    # "has no owner or status" is English after a negation; bokmål says "mangler … og …".
    assert sorted(_messages("KAM105", "nb")) == [
        "aktiviteten «Befaring» mangler ansvarlig (owner) og status",
        "aktiviteten «Prøver» mangler frist (due)",
    ]


def test_nb_stale_contact_and_review() -> None:
    # KAM111: 2026-04-02 → 28+31+30+31+31+30+31+24 = 236 days; 2026-08-25 → 6+30+31+24 = 91.
    assert sorted(_messages("KAM111", "nb")) == [
        "ingen siste kontakt (last_contact) registrert for Heidi Fossum",
        "siste kontakt med Kåre Lunde var for 236 dager siden (2026-04-02; grensen er 90 dager)",
        "siste kontakt med Ola Dunk var for 91 dager siden (2026-08-25; grensen er 90 dager)",
    ]
    # KAM112: reviewed 2025-09-15 → 365 + 70 = 435 days; next review 2026-09-15 → 70 days.
    assert sorted(_messages("KAM112", "nb")) == [
        "den planlagte gjennomgangen 2026-09-15 er 70 dager forsinket",
        "planen ble sist gjennomgått 2025-09-15 (for 435 dager siden); gå gjennom planen minst hver 12. måned",
    ]


def test_nb_stakeholder_rules() -> None:
    assert sorted(_messages("KAM108", "nb")) == [
        "ingen kontaktperson i drift/IT (role: technical)",
        "ingen kontaktperson i toppledelsen (level: top)",
    ]
    assert _messages("KAM110", "nb") == [
        "beslutningstakeren Bjørg Halvorsen har ingen registrert holdning "
        "(stance: -3 blokkerer … 0 nøytral … +3 ambassadør)"
    ]


def test_nb_meta_rules() -> None:
    # KAM001: the validator's detail in Norwegian too (the catalogue's), behind the prefix.
    assert _messages("KAM001", "nb") == ["ugyldig kundefil: må være mellom -3 og 3 (fikk 5)"]
    assert sorted(_messages("KAM002", "nb")) == [
        "«# kamctl: disable=KAM105» slår ikke av noe funn: fjern kommentaren",
        "«# kamctl: disable=KAM999»: det finnes ingen regel «KAM999» (se «kamctl rules»)",
    ]


def test_lint_document_defaults_to_english() -> None:
    # Callers that predate languages (and pass no lang) keep English messages.
    outcome = lint_file(str(CASES / "KAM115" / "fail.yaml"), Config(), AS_OF)
    assert [d.message for d in outcome.diagnostics if d.code == "KAM115"] == [
        "the plan does not say whether it was agreed with the customer (joint_planning.agreed)"
    ]


# ------------------------------------------------------------------------- the CLI


def _kam115(run: Run) -> str:
    (line,) = [x for x in run.stdout.splitlines() if "[KAM115]" in x]
    return line.split("[KAM115] ", 1)[1]


EN_115 = "the plan does not say whether it was agreed with the customer (joint_planning.agreed)"
NB_115 = "planen sier ikke om den er omforent med kunden (joint_planning.agreed)"


def test_lang_option_beats_env_and_env_beats_config(
    kamctl: Kamctl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = CASES / "KAM115" / "fail.yaml"
    (tmp_path / "kamctl.toml").write_text('lang = "en"\n', encoding="utf-8")
    args = ("lint", plan, "--as-of", "2026-11-24", "--exit-zero")

    monkeypatch.delenv("KAMCTL_LANG")
    assert _kam115(kamctl(*args)) == EN_115  # config lang = "en"
    assert _kam115(kamctl(*args, "--lang", "nb")) == NB_115  # option over config
    monkeypatch.setenv("KAMCTL_LANG", "nb")
    assert _kam115(kamctl(*args)) == NB_115  # env over config
    assert _kam115(kamctl(*args, "--lang", "en")) == EN_115  # option over env

    (tmp_path / "kamctl.toml").unlink()
    monkeypatch.delenv("KAMCTL_LANG")
    assert _kam115(kamctl(*args)) == NB_115  # no config: the default is nb


def test_a_language_without_a_catalogue_is_english_with_one_notice(kamctl: Kamctl) -> None:
    plan = CASES / "KAM115" / "fail.yaml"
    r = kamctl("lint", plan, "--lang", "sv")
    assert r.exit_code == 1  # the KAM115 finding, not a usage error
    assert _kam115(r) == EN_115
    assert r.stderr.count("kamctl: no 'sv' catalogue (--lang=sv); using English") == 1


def test_what_is_no_language_is_a_usage_error(kamctl: Kamctl, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = CASES / "KAM115" / "fail.yaml"
    r = kamctl("lint", plan, "--lang", "s v!")
    assert r.exit_code == 2
    monkeypatch.setenv("KAMCTL_LANG", "12")
    r = kamctl("status", plan)
    assert r.exit_code == 2
    assert "KAMCTL_LANG: '12' is not a language; use one of en, nb" in r.stderr


def test_nb_text_keeps_the_parseable_parts(kamctl: Kamctl) -> None:
    r = kamctl("lint", CASES / "KAM115" / "fail.yaml", "--as-of", "2026-11-24", "--lang", "nb")
    lines = r.stdout.splitlines()
    # file:line:col: severity: [ID] stay as in English for problem matchers.
    # joint_planning belongs above review: on line 3.
    assert f"{CASES / 'KAM115' / 'fail.yaml'}:3:1: warning: [KAM115] {NB_115}" in lines
    # One file with only id, name and review (2026-09-25, within 12 months):
    # all 11 sections of a full plan are absent (KAM101) plus no KAISM scores
    # (KAM114): 12 errors; KAM115 the single warning ("advarsel", singular).
    assert lines[-1] == "1 fil kontrollert, 12 feil, 1 advarsel"


def test_json_carries_the_translated_message(kamctl: Kamctl) -> None:
    r = kamctl("lint", CASES / "KAM115" / "fail.yaml", "--as-of", "2026-11-24", "-f", "json", "--lang", "nb")
    doc = r.json()
    assert isinstance(doc, dict)
    (d,) = [d for d in doc["diagnostics"] if d["code"] == "KAM115"]
    assert d["message"] == NB_115
    assert d["severity"] == "warning"
    assert set(doc["files"]) == {"checked", "invalid"}
    assert set(doc["summary"]) == {"errors", "warnings", "info"}


def test_status_in_norwegian(kamctl: Kamctl) -> None:
    r = kamctl(
        "status",
        ACCOUNTS / "mjosen-bakeri.yaml",
        "--config",
        EXAMPLES / "kamctl.toml",
        "--as-of",
        "2026-11-24",
        "--explain",
        "--lang",
        "nb",
    )
    lines = r.stdout.splitlines()
    assert lines[0] == "Planhelse per 24. november 2026"
    assert lines[1].split() == [
        "kunde",
        "profil",
        "komplett",
        "gjennomgått",
        "nøkkelkontakt",
        "dekning",
        "F/A/I",
    ]
    # 8 of 16 checks = 50 %; reviewed 435 days ago; key contact 159 days ago (see test_cli_lint).
    assert " ".join(lines[2].split()) == "mjosen-bakeri full 50 % (8/16) R 435 d R 159 d R 1/3 R 1/12/0 R"
    assert (
        lines[3]
        == "G grønn, A gul (amber), R rød. F/A/I: feil/advarsler/info. «kamctl status --explain» viser kontrollene."
    )
    assert "mjosen-bakeri: 8 av 16 kontroller bestått = 50,0 %" in lines
    assert (
        "  FEIL  KAM112  Planen er gjennomgått i løpet av de siste review_months månedene (standard 12)."
        in lines
    )
    assert "  ok    KAM105  Alle aktiviteter har ansvarlig, frist og status." in lines


def test_rules_in_norwegian(kamctl: Kamctl) -> None:
    r = kamctl("rules", "--lang", "nb")
    assert r.exit_code == 0
    (line,) = [x for x in r.stdout.splitlines() if x.startswith("KAM106")]
    assert line.split()[:4] == ["KAM106", "action-overdue", "warning", "full+light"]
    assert line.endswith("  Ingen åpen aktivitet har passert fristen.")
    one = kamctl("rules", "KAM106", "--lang", "nb").stdout
    assert one.startswith(
        "KAM106 action-overdue  (standard alvorlighet: warning; profiler: full, light)\n\n"
        "Ingen åpen aktivitet har passert fristen.\n\n"
        "(Dokumentasjonen av reglene er på engelsk.)\n\n"
    )
    assert "What it checks" in one  # the long documentation stays English
    doc = kamctl("rules", "KAM106", "-f", "json", "--lang", "nb").json()
    assert isinstance(doc, list)
    assert doc[0]["summary"] == "Ingen åpen aktivitet har passert fristen."


def test_rendered_nb_plan_shows_norwegian_findings(kamctl: Kamctl, tmp_path: Path) -> None:
    r = kamctl(
        "render",
        ACCOUNTS / "mjosen-bakeri.yaml",
        "--config",
        EXAMPLES / "kamctl.toml",  # lang = "nb"
        "--as-of",
        "2026-11-24",
        "-f",
        "md",
        "-o",
        "out",
    )
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "out" / "mjosen-bakeri.md").read_text(encoding="utf-8")
    # Documents write the message's ISO date out (issue 13: no ISO dates in prose).
    assert "siste kontakt med Kåre Lunde var for 236 dager siden (2. april 2026; grensen er 90 dager)" in text
    assert "last contact with" not in text


def test_two_contacts_are_both_not_all_2() -> None:
    """Issue 11: "alle 2 kontaktpersonene" is not how Norwegian (or English) counts two."""
    from kamctl.account import Account
    from kamctl.lint.base import Context
    from kamctl.lint.rules import risk112_single_owner, stage102_partnership_single_owner

    plan = Account.model_validate(
        {
            "id": "x",
            "name": "X",
            "stage": "partnership-kam",
            "stakeholders": [{"name": "Kari", "owner": "Ola"}, {"name": "Per", "owner": "Ola"}],
        }
    )
    held = {"nb": "men begge kontaktpersonene eies av Ola", "en": "but both contacts are held by Ola"}
    for lang, both in (("nb", "begge kontaktpersonene"), ("en", "both contacts")):
        ctx = Context(path="x.yaml", account=plan, doc=None, config=Config(), as_of=AS_OF, lang=lang)
        (risk,) = list(risk112_single_owner.check(ctx))
        (stage,) = list(stage102_partnership_single_owner.check(ctx))
        assert risk.message.endswith(f": Ola ({both})"), risk.message
        assert held[lang] in stage.message, stage.message
