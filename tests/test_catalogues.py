"""The gettext catalogues stay honest (docs/i18n.md).

- kamctl/locale/kamctl.pot holds exactly the messages the sources mark (like
  the schema test: a test fails when it is out of date);
- every shipped .po translates every message, non-empty, with the same
  ``{placeholders}``, nothing fuzzy, nothing stale;
- the shipped .mo says what its .po says (it is what the program reads);
- a pair kept in a module not converted yet agrees with the catalogue;
- a third language is one catalogue and nothing else: a pseudo-language built
  here, at test time, is spoken by a command.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
import string
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

try:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
except ImportError as exc:  # a test dependency since the catalogues came: say so, do not skip
    raise ImportError("tests/test_catalogues.py needs Babel: pip install -e '.[test]'") from exc

from kamctl import i18n

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "tools" / "catalogues.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogues"] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()
SHIPPED = tool.catalogues()
FIX = "run `python tools/catalogues.py all` (docs/i18n.md)"


def _key(msg: object) -> tuple[str | None, str]:
    mid = msg.id  # type: ignore[attr-defined]
    return (msg.context, mid if isinstance(mid, str) else mid[0])  # type: ignore[attr-defined]


def _messages(cat: Catalog) -> Iterator[object]:
    return (m for m in cat if m.id)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_nb_is_shipped() -> None:
    assert "nb" in SHIPPED
    assert set(i18n.languages()) == {"en", *SHIPPED}


def test_the_pot_file_is_up_to_date() -> None:
    extracted = {_key(m) for m in _messages(tool.extract())}
    committed = {_key(m) for m in _messages(tool.read(tool.POT))}
    assert extracted - committed == set(), f"messages missing from kamctl.pot: {FIX}"
    assert committed - extracted == set(), f"kamctl.pot has messages no source has any more: {FIX}"


@pytest.mark.parametrize("lang", sorted(SHIPPED))
def test_every_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    pot = {_key(m): m for m in _messages(tool.read(tool.POT))}
    po = {_key(m): m for m in _messages(tool.read(SHIPPED[lang]))}
    assert sorted(pot.keys() - po.keys(), key=str) == [], f"{lang}: untranslated messages; {FIX}"
    assert sorted(po.keys() - pot.keys(), key=str) == [], f"{lang}: stale messages; {FIX}"
    problems = []
    for key, msg in po.items():
        ids = [msg.id] if isinstance(msg.id, str) else list(msg.id)  # type: ignore[attr-defined]
        strings = [msg.string] if isinstance(msg.string, str) else list(msg.string)  # type: ignore[attr-defined]
        if msg.fuzzy:  # type: ignore[attr-defined]
            problems.append(f"{key}: fuzzy (not shipped by the compiler)")
        expected = set().union(*(_fields(i) for i in ids))
        for text in strings:
            if not text.strip():
                problems.append(f"{key}: empty")
            elif _fields(text) != expected:
                problems.append(
                    f"{key}: placeholders {sorted(_fields(text))}, the English has {sorted(expected)}"
                )
    assert problems == []


@pytest.mark.parametrize("lang", sorted(SHIPPED))
def test_the_shipped_mo_says_what_the_po_says(lang: str) -> None:
    po = tool.read(SHIPPED[lang])
    with (SHIPPED[lang].with_suffix(".mo")).open("rb") as fh:
        mo = gettext.GNUTranslations(fh)
    buf = io.BytesIO()
    write_mo(buf, po, use_fuzzy=False)
    buf.seek(0)
    fresh = gettext.GNUTranslations(buf)
    assert mo._catalog == fresh._catalog, f"{lang}: kamctl.mo is older than kamctl.po; {FIX}"  # type: ignore[attr-defined]
    assert mo.plural(2) == fresh.plural(2)  # type: ignore[attr-defined]


def test_pairs_not_yet_converted_agree_with_the_catalogue() -> None:
    """A module still keeping {"en": ..., "nb": ...} shows the catalogue's text;
    an nb text edited there without `update` would silently not show."""
    nb = gettext.GNUTranslations(SHIPPED["nb"].with_suffix(".mo").open("rb"))
    stale = []
    for pair in tool.legacy_pairs():
        shown = nb.pgettext(pair.context, pair.english) if pair.context else nb.gettext(pair.english)
        if shown != pair.texts["nb"]:
            stale.append(f"{pair.where}: {pair.texts['nb']!r} but the catalogue says {shown!r}")
    assert stale == [], FIX


def test_a_text_is_shown_through_the_catalogue() -> None:
    # The catalogue, not the module's pair, decides: a translator's fix reaches
    # the user without touching the code.
    assert i18n.Locale("nb").t("sec.stakeholders") == "Beslutningsprosess og interessentkart"
    assert i18n.tr("nb", i18n.N_("Account plan")) == "Kundeplan"
    assert i18n.tr("en", i18n.N_("Account plan")) == "Account plan"
    assert i18n.ntr("nb", "{n} day", "{n} days", 1) == "1 dag"
    assert i18n.ntr("nb", "{n} day", "{n} days", 2) == "2 dager"
    assert i18n.ntr("en", "{n} day", "{n} days", 0) == "0 days"


# ------------------------------------------------------------ a third language

PSEUDO = "qaa"  # ISO 639-2 reserves qaa–qtz for local use: never a real catalogue


def _pseudo(text: str) -> str:
    return f"⟦{text}⟧"


@pytest.fixture
def pseudo_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """kamctl with one more catalogue, built from kamctl.pot: every message
    wrapped in ⟦…⟧, so any text that does not go through gettext shows bare."""
    localedir = tmp_path / "locale"
    for lang, po in SHIPPED.items():
        target = localedir / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        (target / "kamctl.mo").write_bytes(po.with_suffix(".mo").read_bytes())
    cat = Catalog(locale=None, domain="kamctl")
    cat.plural_forms  # noqa: B018 - the default, nplurals=2
    for msg in _messages(tool.read(tool.POT)):
        ids = msg.id  # type: ignore[attr-defined]
        wrapped = _pseudo(ids) if isinstance(ids, str) else tuple(_pseudo(i) for i in ids)
        cat.add(ids, wrapped, context=msg.context)  # type: ignore[attr-defined]
    target = localedir / PSEUDO / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "kamctl.mo").open("wb") as fh:
        write_mo(fh, cat)
    monkeypatch.setattr(i18n, "LOCALEDIR", localedir)
    i18n.translator.cache_clear()
    yield PSEUDO
    i18n.translator.cache_clear()


def test_a_new_catalogue_is_a_new_language(pseudo_language: str) -> None:
    assert pseudo_language in i18n.languages()
    loc = i18n.Locale(pseudo_language)
    assert loc.t("plan_title") == "⟦Account plan⟧"
    assert loc.finding_title("KAM109") == "⟦Single contact at the customer⟧"
    assert loc.criterion("growth") == "⟦Growth⟧"
    assert loc.counted(2, "warning") == "⟦2 warnings⟧"
    # A module not converted yet still speaks it: its pairs go through the catalogue.
    assert i18n.say({"x": {"en": "{n} files", "nb": "{n} filer"}}, "x", pseudo_language, n=3) == "3 files"
    from kamctl.lint.rules import kam115_joint_planning as kam115

    key, texts = next(iter(kam115.MESSAGES.items()))
    assert i18n.say(kam115.MESSAGES, key, pseudo_language) == _pseudo(texts["en"])


def test_a_command_speaks_the_new_language(pseudo_language: str, kamctl: object) -> None:
    plan = ROOT / "tests" / "lint" / "cases" / "KAM115" / "fail.yaml"
    r = kamctl("lint", plan, "--as-of", "2026-11-24", "--lang", pseudo_language)  # type: ignore[operator]
    (finding,) = [line for line in r.stdout.splitlines() if "[KAM115]" in line]
    message = finding.split("[KAM115] ", 1)[1]
    assert (
        message == "⟦the plan does not say whether it was agreed with the customer (joint_planning.agreed)⟧"
    )
    errors = sum(": error: " in line for line in r.stdout.splitlines())
    assert errors > 0  # KAM101 and KAM114 on this skeleton plan: plural forms too
    assert r.stdout.splitlines()[-1] == f"⟦1 file checked⟧, ⟦{errors} errors⟧, ⟦1 warning⟧"


def test_validate_speaks_the_new_language(pseudo_language: str, kamctl: object, tmp_path: Path) -> None:
    plan = tmp_path / "nordvik.yaml"
    plan.write_text(
        "id: nordvik\nname: Nordvik AS\nprofile: medium\nstakeholders:\n  - name: Kari\n    stance: 5\n"
        "stakeholder: []\nrevenue:\n  - year: 2025\n    revenue: '12 500'\n",
        encoding="utf-8",
    )
    r = kamctl("validate", plan, "--lang", pseudo_language)  # type: ignore[operator]
    messages = [
        line.split(": error: ", 1)[1].split(": ", 1)[1]
        for line in r.stdout.splitlines()
        if ": error: " in line
    ]
    assert len(messages) == 4
    bare = [m for m in messages if not (m.startswith("⟦") and m.endswith("⟧"))]
    assert bare == []
    assert "⟦must be between -3 and 3 (got 5)⟧" in messages
    assert r.stdout.splitlines()[-1] == "⟦1 file checked⟧, ⟦1 invalid⟧, ⟦4 errors⟧"


def test_templates_speak_through_the_same_catalogue(tmp_path: Path) -> None:
    """Jinja's i18n extension is installed: {{ _("…") }} and {% trans %} in a
    template (one's own, via [render] templates) use kamctl's catalogues."""
    from kamctl.render import environments

    for lang, expected in (
        ("nb", "Kundeplan · Porteføljerapport"),
        ("en", "Account plan · Portfolio report"),
    ):
        envs = environments([tmp_path], i18n.Locale(lang))
        for env in envs.values():
            template = env.from_string('{{ _("Account plan") }} · {% trans %}Portfolio report{% endtrans %}')
            assert template.render() == expected
