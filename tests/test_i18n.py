"""Number, money, date and label formats of rendered documents (kamctl.i18n)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kamctl.i18n import MINUS, NBSP, Locale, UnknownLabel, label_keys

NB = Locale("nb")
EN = Locale("en")
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def test_money_in_both_languages() -> None:
    # The issue's own examples.
    assert NB.money(1234567) == f"1{NBSP}234{NBSP}567{NBSP}kr"
    assert EN.money(1234567) == f"NOK{NBSP}1,234,567"


def test_money_in_another_currency_names_it() -> None:
    assert NB.money(2500, "EUR") == f"2{NBSP}500{NBSP}EUR"
    assert EN.money(2500, "EUR") == f"EUR{NBSP}2,500"


def test_negative_money_uses_the_minus_sign() -> None:
    # sorlandet-frukt's contribution margin 2025 is −230 000.
    assert NB.money(-230000) == f"{MINUS}230{NBSP}000{NBSP}kr"
    assert EN.money(-230000) == f"NOK{NBSP}{MINUS}230,000"


def test_small_and_zero_amounts_have_no_separator() -> None:
    assert NB.money(0) == f"0{NBSP}kr"
    assert NB.number(999) == "999"
    assert NB.number(1000) == f"1{NBSP}000"


def test_decimals_and_half_up_rounding() -> None:
    # 55/12 = 4.5833… → 4,58; 4.125 is exact in binary and rounds half up to 4.13
    # (round() would give 4.12).
    assert NB.number(55 / 12, 2) == "4,58"
    assert EN.number(55 / 12, 2) == "4.58"
    assert NB.number(4.125, 2) == "4,13"
    assert EN.number(1234.5, 1) == "1,234.5"
    assert NB.number(1234.5, 1) == f"1{NBSP}234,5"


def test_a_value_that_rounds_to_zero_has_no_minus() -> None:
    assert NB.number(-0.004, 2) == "0,00"


def test_percent() -> None:
    # havbris-sjomat's share: 96 400 000 / 223 650 000 = 43.1031… %
    share = 96_400_000 / 223_650_000 * 100
    assert NB.percent(share, 2) == f"43,10{NBSP}%"
    assert EN.percent(share, 2) == "43.10%"
    assert NB.percent(None) == ""


def test_money_short_for_chart_labels() -> None:
    # 31 250 000 → 31.25 m → one decimal half up → 31.3
    assert NB.money_short(31_250_000) == f"31,3{NBSP}mill.{NBSP}kr"
    assert EN.money_short(31_250_000) == f"NOK{NBSP}31.3m"


def test_dates() -> None:
    day = dt.date(2026, 11, 22)
    assert NB.date(day) == "22. november 2026"
    assert EN.date(day) == "22 November 2026"
    assert NB.date(dt.date(2027, 1, 4)) == "4. januar 2027"
    assert EN.date(dt.date(2027, 1, 4)) == "4 January 2027"
    assert NB.date(None) == ""


def test_stance_shows_sign_number_and_label() -> None:
    assert NB.stance(-3) == f"{MINUS}3 blokkerer"
    assert NB.stance(0) == "0 nøytral"
    assert NB.stance(2) == "+2 partner"
    assert EN.stance(3) == "+3 advocate"
    assert EN.stance(-1) == f"{MINUS}1 sceptic"


def test_every_stance_has_a_label_in_both_languages() -> None:
    for value in range(-3, 4):
        assert NB.stance(value) and EN.stance(value)


def test_enum_labels() -> None:
    from kamctl.account import DmuRole, Stage

    assert NB.enum("role", DmuRole.decision_maker) == "beslutningstaker"
    assert EN.enum("role", DmuRole.decision_maker) == "decision maker"
    assert NB.enum("stage", Stage.uncoupling).startswith("Frakobling")
    assert NB.enum("role", None) == ""


def test_every_enum_value_of_the_model_has_a_label() -> None:
    from kamctl import account as m

    kinds = {
        "stage": m.Stage,
        "role": m.DmuRole,
        "orglevel": m.OrgLevel,
        "level": m.Level,
        "strength": m.Strength,
        "style": m.CommStyle,
        "oppstatus": m.OpportunityStatus,
        "pipeline": m.PipelineStage,
        "actstatus": m.ActionStatus,
        "ws": m.WhiteSpaceStatus,
        "riskcat": m.RiskCategory,
        "horizon": m.Horizon,
        "profile": m.Profile,
    }
    for kind, enum in kinds.items():
        for value in enum:
            assert NB.enum(kind, value) and EN.enum(kind, value), (kind, value)


def test_unknown_label_is_an_error_not_a_blank() -> None:
    with pytest.raises(UnknownLabel):
        NB.t("no-such-label")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        Locale("sv")


def test_every_label_a_template_asks_for_exists() -> None:
    """A typo in t("…") would break rendering; find them all statically."""
    used: set[str] = set()
    for path in TEMPLATES.glob("*.j2"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_.-]+)["']\s*\)""", path.read_text(encoding="utf-8")))
    assert used, "no labels found; the pattern is wrong"
    missing = sorted(used - label_keys())
    assert not missing, f"templates ask for labels missing from kamctl/i18n.py: {missing}"


def test_labels_are_translated() -> None:
    """Section headings differ between the languages (a copy-paste slip would not)."""
    for key in sorted(k for k in label_keys() if k.startswith("sec.") and k != "sec.white_space"):
        assert NB.t(key) != EN.t(key), key


def test_counts_agree_in_number() -> None:
    assert NB.counted(1, "warning") == "1 advarsel"
    assert NB.counted(2, "warning") == "2 advarsler"
    assert NB.counted(0, "error") == "0 feil"
    assert EN.counted(1, "error") == "1 error"
    assert EN.counted(3, "error") == "3 errors"


def test_every_finding_code_has_a_title_in_both_languages() -> None:
    from kamctl.lint.registry import BY_ID

    # Every code kamctl can emit is a rule of the registry (RISK, STAGE, PORT, KAISM too).
    codes = set(BY_ID)
    port = {c for c in codes if c.startswith("PORT")}
    assert len(port) >= 5 and len(codes) > 40
    missing = sorted(c for c in codes if not (NB.finding_title(c) and EN.finding_title(c)))
    assert not missing, f"add a title for {missing} to _FINDINGS in kamctl/i18n.py"


def test_finding_titles_are_norwegian_in_nb() -> None:
    assert NB.finding_title("KAM106") == "Forfalt aktivitet"
    assert EN.finding_title("KAM106") == "Overdue action"
    assert NB.finding_title("XYZ999") == ""


def test_kaism_criteria_are_labelled_in_the_documents_language() -> None:
    from kamctl.i18n import Locale

    assert Locale("nb").criterion("ability_to_pay") == "Betalingsevne"
    assert Locale("en").criterion("ability_to_pay") == "Ability to pay"
    # A company's own criterion is shown as its key reads, not dropped.
    assert Locale("nb").criterion("wants_industry_lead") == "Wants industry lead"
    # Anything that is not an identifier is shown exactly as written.
    assert Locale("nb").criterion("Vil være ledende") == "Vil være ledende"
