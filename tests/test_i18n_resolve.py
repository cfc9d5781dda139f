"""Which language a run speaks: --lang, $KAMCTL_LANG, config, locale, nb (docs/i18n.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kamctl.i18n import normalize_lang, resolve_language

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "tests" / "lint" / "cases" / "KAM115" / "fail.yaml"
EN_115 = "the plan does not say whether it was agreed with the customer (joint_planning.agreed)"
NB_115 = "planen sier ikke om den er omforent med kunden (joint_planning.agreed)"


@pytest.mark.parametrize(
    ("spelling", "lang"),
    [
        ("nb", "nb"),
        ("no", "nb"),  # Norwegian: bokmål here
        ("nb_NO", "nb"),
        ("nb_NO.UTF-8", "nb"),
        ("no_NO.UTF-8", "nb"),
        ("nb-NO", "nb"),
        ("NB", "nb"),
        (" nb ", "nb"),
        ("en", "en"),
        ("en_GB.UTF-8", "en"),
        ("en_US.UTF-8@euro", "en"),
        ("sv_SE.UTF-8", "sv"),  # a language, even without a catalogue
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("", None),
    ],
)
def test_the_spellings_people_use(spelling: str, lang: str | None) -> None:
    assert normalize_lang(spelling) == lang


@pytest.mark.parametrize("junk", ["12", "n", "nb NO", "../nb", "nb;rm"])
def test_what_is_no_language_is_refused(junk: str) -> None:
    with pytest.raises(ValueError):
        normalize_lang(junk)


def _resolve(option: str | None = None, config: str | None = None, **environ: str) -> tuple[str, str | None]:
    return resolve_language(option, environ=environ, config_lang=config)


def test_each_step_wins_over_the_ones_after_it() -> None:
    locale = {"LANG": "en_GB.UTF-8"}
    assert _resolve() == ("nb", None)  # nothing set: nb
    assert _resolve(**locale) == ("en", None)  # the locale
    assert _resolve(config="nb", **locale) == ("nb", None)  # the config over the locale
    assert _resolve(config="nb", KAMCTL_LANG="en", **locale) == ("en", None)  # env over config
    assert _resolve("nb", config="en", KAMCTL_LANG="en", **locale) == ("nb", None)  # --lang over all


def test_the_locale_variables_in_gettexts_order() -> None:
    assert _resolve(LC_ALL="nb_NO.UTF-8", LC_MESSAGES="en_GB.UTF-8", LANG="en_GB.UTF-8")[0] == "nb"
    assert _resolve(LC_MESSAGES="en_GB.UTF-8", LANG="nb_NO.UTF-8")[0] == "en"
    assert _resolve(LC_ALL="", LANG="en_GB.UTF-8")[0] == "en"  # an empty variable is not set


def test_a_bare_container_locale_names_no_language() -> None:
    assert _resolve(LANG="C.UTF-8") == ("nb", None)
    assert _resolve(LC_ALL="POSIX", LANG="en_GB.UTF-8") == ("nb", None)  # LC_ALL is set: it decides


def test_a_broken_locale_is_not_a_usage_error() -> None:
    # The system's setting, not something the user typed for kamctl.
    assert _resolve(LANG="12") == ("nb", None)


def test_a_language_without_a_catalogue_is_english_with_a_notice() -> None:
    lang, notice = _resolve(KAMCTL_LANG="sv_SE.UTF-8")
    assert lang == "en"
    assert notice == "no 'sv' catalogue (KAMCTL_LANG=sv_SE.UTF-8); using English. Languages: en, nb"
    assert _resolve(LANG="de_DE.UTF-8")[0] == "en"


def test_junk_is_named_after_where_it_came_from() -> None:
    with pytest.raises(ValueError, match=r"^KAMCTL_LANG: '12' is not a language"):
        _resolve(KAMCTL_LANG="12")
    with pytest.raises(ValueError, match=r"^--lang: 'x!' is not a language"):
        _resolve("x!")


def test_documents_ignore_the_terminal() -> None:
    env = {"KAMCTL_LANG": "en", "LANG": "en_GB.UTF-8"}
    assert resolve_language(None, environ=env, config_lang=None, environment=False) == ("nb", None)
    assert resolve_language(None, environ=env, config_lang="en", environment=False) == ("en", None)


# ------------------------------------------------------------------ the CLI

Kamctl = Callable[..., object]


def _kam115(run: object) -> str:
    (line,) = [x for x in run.stdout.splitlines() if "[KAM115]" in x]  # type: ignore[attr-defined]
    return line.split("[KAM115] ", 1)[1]


def test_the_locale_chooses_when_nothing_else_does(
    kamctl: Kamctl, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("KAMCTL_LANG")  # the fixture sets en
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert _kam115(kamctl("lint", PLAN)) == EN_115
    monkeypatch.setenv("LC_ALL", "nb_NO.UTF-8")
    assert _kam115(kamctl("lint", PLAN)) == NB_115
    # A config that says lang wins over the locale; one that does not, does not.
    (tmp_path / "kamctl.toml").write_text('currency = "NOK"\n', encoding="utf-8")
    assert _kam115(kamctl("lint", PLAN)) == NB_115
    (tmp_path / "kamctl.toml").write_text('lang = "en_GB.UTF-8"\n', encoding="utf-8")
    assert _kam115(kamctl("lint", PLAN)) == EN_115


def test_kamctl_lang_accepts_no_and_nb_no(kamctl: Kamctl, monkeypatch: pytest.MonkeyPatch) -> None:
    for spelling in ("no", "nb_NO", "nb_NO.UTF-8"):
        monkeypatch.setenv("KAMCTL_LANG", spelling)
        r = kamctl("lint", PLAN)
        assert _kam115(r) == NB_115, spelling
        assert "catalogue" not in r.stderr  # type: ignore[attr-defined]


def test_one_notice_for_a_language_without_a_catalogue(
    kamctl: Kamctl, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAMCTL_LANG", "da_DK.UTF-8")
    r = kamctl("lint", PLAN)
    assert _kam115(r) == EN_115
    assert r.stderr.count("catalogue") == 1  # type: ignore[attr-defined]
    assert "kamctl: no 'da' catalogue (KAMCTL_LANG=da_DK.UTF-8); using English" in r.stderr  # type: ignore[attr-defined]


def test_a_config_lang_that_is_no_language_is_a_located_error(kamctl: Kamctl, tmp_path: Path) -> None:
    (tmp_path / "kamctl.toml").write_text('lang = "norsk!"\n', encoding="utf-8")
    r = kamctl("lint", PLAN)
    assert r.exit_code == 2  # type: ignore[attr-defined]
    assert "kamctl.toml:1:" in r.stderr  # type: ignore[attr-defined]
