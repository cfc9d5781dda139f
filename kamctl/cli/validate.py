from __future__ import annotations

from pathlib import Path

import typer

from kamctl.cli import app
from kamctl.cli.common import CONFIG_OPTION, JOBS_OPTION, LANG_OPTION, PATHS_ARGUMENT, get_config

# Every reporter: validate's findings are diagnostics with stable codes like lint's.
FORMATS = ("text", "json", "github", "sarif")


@app.command()
def validate(
    paths: list[str] | None = PATHS_ARGUMENT,
    fmt: str = typer.Option("text", "--format", "-f", help="Output format: text, json, github or sarif."),
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse every file, ignore the cache."),
    lang: str | None = LANG_OPTION,
) -> None:
    """Check account files against the schema; report every error at its line and column.

    Exit 0 when all files are valid, 1 when any is invalid, 2 on a usage or config error.
    """
    from kamctl.cli.common import check_format, resolve_lang
    from kamctl.formatters import CheckResult, emit

    check_format(fmt, FORMATS)
    cfg = get_config(config)
    language = resolve_lang(lang, cfg)
    from kamctl.cache import CACHE_DIR_NAME
    from kamctl.loader import validate_files

    cache_dir = None if no_cache else cfg.root / CACHE_DIR_NAME
    files, diags = validate_files(paths or [], cfg, jobs=jobs, cache_dir=cache_dir)
    result = CheckResult("validate", files, diags, lang=language)
    emit(result, fmt)
    raise typer.Exit(1 if result.invalid_files else 0)
