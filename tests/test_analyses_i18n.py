"""The analyses' findings and reasons in Norwegian bokmål (nb) and English (en).

Expected Norwegian texts are written by hand from examples/README.md's facts;
"today" is 2026-11-24.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from kamctl import checks, kaism
from kamctl.config import load_config
from kamctl.lint.rules import _portfolio, _stage
from kamctl.loader import load_accounts
from tests.conftest import EXAMPLES, Run

AS_OF = dt.date(2026, 11, 24)
CONFIG = EXAMPLES / "kamctl.toml"
ACCOUNTS = EXAMPLES / "accounts"
Kamctl = Callable[..., Run]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# The RISK, STAGE and PORT findings' texts are their rules' (tests/lint/test_lint_i18n.py
# checks every rule); what is left here are the texts outside a rule module.
@pytest.mark.parametrize("module", [_stage, _portfolio, kaism], ids=lambda m: m.__name__)
def test_every_message_in_both_languages_with_the_same_placeholders(module: object) -> None:
    messages: Mapping[str, Mapping[str, str]] = module.MESSAGES  # type: ignore[attr-defined]
    for key, texts in messages.items():
        assert set(texts) == {"en", "nb"}, f"{key!r}: {sorted(texts)}"
        assert texts["en"].strip() and texts["nb"].strip(), key
        assert _fields(texts["en"]) == _fields(texts["nb"]), f"{key!r}: placeholders differ"


def _account(name: str):  # type: ignore[no-untyped-def]
    cfg = load_config(CONFIG)
    (lf,), _ = load_accounts([str(ACCOUNTS / f"{name}.yaml")], cfg)
    return lf.account, cfg


def _messages(name: str, lang: str) -> dict[str, list[str]]:
    account, cfg = _account(name)
    out: dict[str, list[str]] = {}
    for d in checks.account_risks(account, cfg, AS_OF, lang=lang) + checks.stage_findings(
        account, cfg, lang=lang
    ):
        out.setdefault(d.code, []).append(d.message)
    return out


def test_nb_account_risks_of_the_neglected_plan() -> None:
    # Stale contact, overdue action and stale plan are lint's KAM111, KAM106 and
    # KAM112, reported by risk with the same words as lint (one check each).
    nb = _messages("mjosen-bakeri", "nb")
    # 2026-06-18 → 2026-11-24: 12 + 31 + 31 + 30 + 31 + 24 = 159 days.
    assert (
        "siste kontakt med Trude Sæther var for 159 dager siden (2026-06-18; grensen er 90 dager)"
        in nb["KAM111"]
    )
    assert nb["KAM106"][0] == (
        "aktiviteten «Møte med daglig leder om pakkelinjen» "
        "hadde frist 2026-03-31 (for 238 dager siden) og har fortsatt status «planlagt»"
    )
    # reviewed 2025-09-15: 365 + 70 = 435 days; the next review 2026-09-15 passed 70 days ago.
    assert nb["KAM112"] == [
        "planen ble sist gjennomgått 2025-09-15 (for 435 dager siden); gå gjennom planen minst hver 12. måned",
        "den planlagte gjennomgangen 2026-09-15 er 70 dager forsinket",
    ]
    en = _messages("mjosen-bakeri", "en")
    assert en["KAM112"] == [
        "plan last reviewed 2025-09-15 (435 days ago); review at least every 12 months",
        "the planned review on 2026-09-15 is 70 days overdue",
    ]
    assert not {"RISK150", "RISK151", "RISK152"} & set(en)


def test_nb_contract_and_stage() -> None:
    # sorlandet-frukt: contract ends 2026-12-31 = 7 + 30 = 37 days after 2026-11-24,
    # 3 months' notice, no automatic renewal.
    assert _messages("sorlandet-frukt", "nb")["RISK101"] == [
        "sorlandet-frukt: avtalen løper ut 2026-12-31 (om 37 dager) med 3 måneders oppsigelsestid "
        "og fornyes ikke automatisk"
    ]
    assert _messages("tromso-fiskeindustri", "nb")["RISK103"] == [
        "tromso-fiskeindustri: oppsigelsestiden er 1 måned (kortere enn 3 måneder): kunden kan gå på kort varsel"
    ]
    assert _messages("nordlys-dagligvare", "nb")["STAGE101"] == [
        "nordlys-dagligvare: relasjonsfasen er partnership-kam, men det er bare én kontaktperson hos kunden "
        "(Randi Kvam); et partnerskap har mange kontakter på begge sider"
    ]


def test_nb_kaism_reason() -> None:
    # agder-elektro (light) leaves `innovation` unscored; the example config weighs
    # 7 attractiveness criteria (volume_potential, margin_potential, growth,
    # innovation, reference_value, strategic_fit, ability_to_pay): 6 of 7 scored,
    # and with min_scored = 1.0 all must be.
    account, cfg = _account("agder-elektro")
    r = kaism.classify_account(account, cfg.kaism, "nb")
    assert r.quadrant is None
    assert (
        r.reason == "kundens attraktivitet: «innovation» mangler poeng (6 av 7 kriterier; alle må ha poeng)"
    )
    assert kaism.classify_account(account, cfg.kaism).reason == (
        "customer attractiveness: 'innovation' not scored (6 of 7 criteria; all must be scored)"
    )


def test_risk_cli_in_norwegian(kamctl: Kamctl) -> None:
    r = kamctl("risk", "--config", CONFIG, ACCOUNTS, "--as-of", "2026-11-24", "--lang", "nb")
    # examples/README.md: HHI 2 261,30 over the accounts, 2 321 with groups merged,
    # effectively 10 000 / 2 321,05 = 4,3 customers; havbris-sjomat 43,10 %.
    assert "HHI 2 261,30" in r.stdout
    assert (
        "portfolio: warning: [RISK003] omsetningen 2025 er svært konsentrert: HHI 2321 med konsern samlet "
        "(kundene hver for seg 2261); i praksis 4,3 kunder"
    ) in r.stdout
    assert "havbris-sjomat: står for 43,10 % av porteføljens omsetning 2025 (grensen er 40 %)" in r.stdout


def test_classify_cli_lang_follows_the_option(kamctl: Kamctl) -> None:
    nb = kamctl("classify", "--config", CONFIG, ACCOUNTS, "--as-of", "2026-11-24", "--lang", "nb").stdout
    assert "bergen-byggvare  7,15 / 4,17" in nb
    assert "agder-elektro: ikke klassifisert: kundens attraktivitet:" in nb
    en = kamctl("classify", "--config", CONFIG, ACCOUNTS, "--as-of", "2026-11-24").stdout  # KAMCTL_LANG=en
    assert "bergen-byggvare  7.15 / 4.17" in en
    assert "agder-elektro: unclassified: customer attractiveness:" in en


def test_analyses_tables_in_norwegian(kamctl: Kamctl) -> None:
    r = kamctl("risk", "--config", CONFIG, ACCOUNTS, "--as-of", "2026-11-24", "--lang", "nb")
    lines = r.stdout.splitlines()
    assert "Hva om en kunde halverer volumet eller faller bort" in lines
    assert lines[2].split()[:5] == ["#", "id", "konsern", "omsetning", "(NOK)"]
    # examples/README.md: total revenue 2025 223 650 000 NOK, the top five 77,55 %.
    # One money style per language (kamctl.numbers): nb writes NOK as "kr" after the amount.
    assert "Samlet omsetning 2025: 223 650 000 kr; de fem største: 77,55 %" in r.stdout
    assert re.fullmatch(r"\d+ funn: \d+ advarsler, \d+ info", lines[-1]), lines[-1]
    c = kamctl("classify", "--config", CONFIG, ACCOUNTS, "--as-of", "2026-11-24", "--lang", "nb").stdout
    assert c.startswith("KAISM (poeng: attraktivitet / styrke; høy = 5,00 eller mer)")
    assert c.rstrip().endswith("3 funn: 2 advarsler, 1 info")
    # Magnus Haugen holds 5 accounts (capacity 4): "over" is "ja".
    (load,) = [x for x in c.splitlines() if x.strip().startswith("Magnus Haugen")]
    assert load.split()[2:4] == ["5", "ja"]


def _write_portfolio(tmp_path: Path, *plans: str, config: str = 'lang = "nb"\n') -> None:
    (tmp_path / "accounts").mkdir()
    (tmp_path / "kamctl.toml").write_text(config, encoding="utf-8")
    for i, plan in enumerate(plans):
        (tmp_path / "accounts" / f"a{i}.yaml").write_text(plan, encoding="utf-8")


_SCORED = """\
id: a{i}
name: A{i} AS
kaism:
  customer_attractiveness: {{volume_potential: 8, margin_potential: 8, growth: 8, strategic_fit: 8, reference_value: 8, relationship_potential: 8}}
  our_strength: {{product_fit: 2, relationship_depth: 2, delivery_record: 2, price_position: 2, share_of_wallet: 2}}
"""


def test_default_tier_names_and_unclassified_in_norwegian(kamctl, tmp_path: Path, monkeypatch) -> None:
    """Issue 11: the nb table said `unclassified` and kept Cheverton's English tier names."""
    monkeypatch.delenv("KAMCTL_LANG")
    _write_portfolio(tmp_path, _SCORED.format(i=0), "id: a1\nname: A1 AS\n")
    r = kamctl("classify")
    rows = {line.split()[1]: line for line in r.stdout.splitlines() if line.strip().startswith(("1 ", "–"))}
    # high attractiveness (8), low strength (2): key development, priority 1
    assert "Utviklingskunde" in rows["a0"]
    assert "ikke klassifisert" in rows["a1"]
    assert "Utviklingskunde (prioritet 1)" in r.stdout
    assert "Key development" not in r.stdout and "unclassified" not in r.stdout
    en = kamctl("classify", "--lang", "en")
    assert "Key development account (priority 1)" in en.stdout
    assert "unclassified" in en.stdout


def test_no_revenue_anywhere_names_no_year(kamctl, tmp_path: Path, monkeypatch) -> None:
    """Issue 11: `kamctl: no revenue for None in 30 account(s)` leaked a Python None."""
    monkeypatch.delenv("KAMCTL_LANG")
    _write_portfolio(tmp_path, "id: a0\nname: A0 AS\n", "id: a1\nname: A1 AS\n")
    r = kamctl("classify")
    assert "None" not in r.stderr
    assert "kamctl: ingen omsetningstall hos 2 kunder, så ingen ABC-klasse: a0, a1\n" in r.stderr
    en = kamctl("classify", "--lang", "en")
    assert "kamctl: no revenue in 2 accounts, so no ABC class: a0, a1\n" in en.stderr
