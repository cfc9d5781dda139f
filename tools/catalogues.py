"""kamctl's gettext catalogues: extract, update, compile, check (docs/i18n.md).

    python tools/catalogues.py extract   # sources → kamctl/locale/kamctl.pot
    python tools/catalogues.py update    # kamctl.pot → every <lang>/LC_MESSAGES/kamctl.po
    python tools/catalogues.py compile   # every .po → its .mo (shipped in the wheel)
    python tools/catalogues.py check     # what tests/test_catalogues.py checks
    python tools/catalogues.py all       # extract, update, compile, check

Babel does the work (``pip install -e '.[test]'`` brings it): the messages
marked with ``_``, ``N_``, ``NP_``, ``NN_``, ``gettext``, ``ngettext``, ``pgettext``,
``tr`` and ``ntr`` in the Python sources and the templates (babel.cfg), plus
the ``{"en": ..., "nb": ...}`` pairs of modules not converted yet, whose key
is the message's context and whose other languages seed the catalogues.

The .pot and .po files are written without source locations and sorted by
message id, so two people adding messages in different modules rarely touch
the same lines.
"""

from __future__ import annotations

import ast
import datetime
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALEDIR = ROOT / "kamctl" / "locale"
POT = LOCALEDIR / "kamctl.pot"
DOMAIN = "kamctl"
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "NP_": ((1, "c"), 2),
    "NN_": (1, 2),
    "tr": (2,),
    "ntr": (2, 3),
}
PLURAL_FORMS = {
    # Languages kamctl has or expects (Swedish, Danish); Babel knows the rest.
    "nb": "nplurals=2; plural=(n != 1);",
}
# Constant dates in the headers: git keeps the history, and a date that
# changed on every extract would make every branch's catalogue conflict.
STAMP = datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc)
HEADER = "# Messages of kamctl, the Key Account Management command line.\n# English is the source language; docs/i18n.md says how to add one."


@dataclass(frozen=True)
class Pair:
    """A ``{"en": ..., "nb": ...}`` pair in a module not converted to gettext yet."""

    context: str | None
    english: str
    texts: dict[str, str]
    where: str


def legacy_pairs(root: Path = ROOT / "kamctl") -> Iterator[Pair]:
    """Every literal ``{"en": "...", <lang>: "..."}`` dict; its context is the
    string key it sits under in an enclosing dict (as ``say(MESSAGES, key, lang)``
    looks it up), else none."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        parents: dict[int, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                for k, v in zip(node.keys, node.values, strict=True):
                    if isinstance(v, ast.Dict) and isinstance(k, ast.Constant) and isinstance(k.value, str):
                        parents[id(v)] = k.value
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            texts: dict[str, str] = {}
            for k, v in zip(node.keys, node.values, strict=True):
                if (
                    isinstance(k, ast.Constant)
                    and isinstance(k.value, str)
                    and isinstance(v, ast.Constant)
                    and isinstance(v.value, str)
                ):
                    texts[k.value] = v.value
            # An empty English text is no message id ("" is the header): such a
            # pair says something in one language only and keeps its own text.
            if "en" in texts and "nb" in texts and len(texts) == len(node.keys) and texts["en"]:
                yield Pair(
                    parents.get(id(node)),
                    texts["en"],
                    texts,
                    f"{path.relative_to(ROOT)}:{node.lineno}",
                )


def _mapping() -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        return parse_mapping_cfg(fh)


def extract() -> Catalog:
    """The template catalogue of the sources as they are now."""
    pot = Catalog(
        project="kamctl",
        version="1",
        domain=DOMAIN,
        header_comment=HEADER,
        fuzzy=False,
        creation_date=STAMP,
        revision_date=STAMP,
        msgid_bugs_address="the kamctl issue tracker",
    )
    method_map, options_map = _mapping()
    for filename, _lineno, message, comments, context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        pot.add(message, None, [(filename, 0)], auto_comments=comments, context=context)
    for pair in legacy_pairs():
        pot.add(pair.english, None, [(pair.where.rsplit(":", 1)[0], 0)], context=pair.context)
    return pot


def _write(catalog: Catalog, path: Path) -> None:
    catalog.creation_date = catalog.revision_date = STAMP
    buf = io.BytesIO()
    write_po(
        buf, catalog, width=100, no_location=True, omit_header=False, sort_output=True, ignore_obsolete=True
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, domain=DOMAIN)


def catalogues() -> dict[str, Path]:
    """Language → its .po."""
    return {p.parent.parent.name: p for p in sorted(LOCALEDIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))}


def update(pot: Catalog) -> None:
    """Bring every .po in line with ``pot``: new messages in, gone ones out,
    and each legacy pair's own translation (the pair is the source of its
    text until its module is converted)."""
    pairs = {(p.context, p.english): p for p in legacy_pairs()}
    for lang, path in catalogues().items():
        po = read(path)
        po.update(pot, no_fuzzy_matching=True, update_header_comment=False)
        if lang in PLURAL_FORMS:
            po._num_plurals, po._plural_expr = _plural_parts(PLURAL_FORMS[lang])
        for msg in po:
            if not msg.id:
                continue
            pair = pairs.get((msg.context, msg.id if isinstance(msg.id, str) else msg.id[0]))
            if pair is not None and lang in pair.texts:
                msg.string = pair.texts[lang]
                msg.flags.discard("fuzzy")
        _write(po, path)


def _plural_parts(forms: str) -> tuple[int, str]:
    n, expr = forms.split(";", 1)
    return int(n.split("=")[1]), expr.strip().removeprefix("plural=").rstrip(";")


def compile_all() -> list[Path]:
    written = []
    for path in catalogues().values():
        po = read(path)
        buf = io.BytesIO()
        write_mo(buf, po, use_fuzzy=False)
        mo = path.with_suffix(".mo")
        mo.write_bytes(buf.getvalue())
        written.append(mo)
    return written


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "all"
    if command in ("extract", "all"):
        pot = extract()
        _write(pot, POT)
        print(f"{POT.relative_to(ROOT)}: {len(pot)} messages")
    if command in ("update", "all"):
        update(read(POT))
        for path in catalogues().values():
            print(f"{path.relative_to(ROOT)}: updated")
    if command in ("compile", "all"):
        for mo in compile_all():
            print(f"{mo.relative_to(ROOT)}: compiled")
    if command in ("check", "all"):
        import subprocess

        return subprocess.call(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                str(ROOT / "tests" / "test_catalogues.py"),
            ]
        )
    if command not in ("extract", "update", "compile", "check", "all"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
