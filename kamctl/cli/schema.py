from __future__ import annotations

import typer

from kamctl.cli import app
from kamctl.cli.common import LANG_OPTION


@app.command()
def schema(
    output: str = typer.Option(
        "schemas/account.schema.json",
        "--output",
        "-o",
        help="Where to write the schema; '-' for standard output.",
    ),
    check: bool = typer.Option(
        False, "--check", help="Do not write; exit 1 if OUTPUT is missing or out of date."
    ),
    lang: str | None = LANG_OPTION,
) -> None:
    """Write the JSON Schema (draft-07) of an account file, for editor completion."""
    import sys
    from pathlib import Path

    from kamctl.cli.common import resolve_lang
    from kamctl.config import Config
    from kamctl.i18n import tr
    from kamctl.schema import schema_text
    from kamctl.writeback import atomic_write_text

    # No config is read (the schema is the same for every portfolio): --lang,
    # $KAMCTL_LANG, the locale, else nb.
    language = resolve_lang(lang, Config())

    text = schema_text()
    if output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
    if check:
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != text:
            sys.stderr.write(
                tr(language, "{path}: out of date; run 'kamctl schema -o {path}'", path=output) + "\n"
            )
            raise typer.Exit(1)
        sys.stderr.write(tr(language, "{path}: up to date", path=output) + "\n")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, text)
    sys.stderr.write(tr(language, "wrote {path}", path=output) + "\n")
