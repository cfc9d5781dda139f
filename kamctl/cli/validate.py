from __future__ import annotations

from pathlib import Path

import typer

from kamctl.cli import app
from kamctl.cli.common import (
    CONFIG_OPTION,
    FAIL_ON_HELP,
    JOBS_OPTION,
    LANG_OPTION,
    PATHS_ARGUMENT,
    get_config,
)

# Every finding reporter: validate's findings are diagnostics with stable codes like lint's.
FORMATS = ("text", "json", "github", "sarif")


@app.command()
def validate(
    paths: list[str] | None = PATHS_ARGUMENT,
    fmt: str = typer.Option("text", "--format", "-f", help="Output format: text, json, github or sarif."),
    fail_on: str = typer.Option("error", "--fail-on", help=FAIL_ON_HELP),
    config: Path | None = CONFIG_OPTION,
    jobs: int | None = JOBS_OPTION,
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse every file, ignore the cache."),
    lang: str | None = LANG_OPTION,
) -> None:
    """Check account files against the schema; report every error at its line and column.

    Exit 0 when all files are valid, 1 when any is invalid (--fail-on never: 0), 2 on a
    usage or config error.
    """
    from kamctl.cli.common import check_fail_on, check_format, finish, resolve_lang
    from kamctl.result import Result

    check_format(fmt, FORMATS)
    check_fail_on(fail_on)
    cfg = get_config(config)
    language = resolve_lang(lang, cfg)
    from kamctl.cache import CACHE_DIR_NAME
    from kamctl.loader import validate_files

    cache_dir = None if no_cache else cfg.root / CACHE_DIR_NAME
    files, diags = validate_files(paths or [], cfg, jobs=jobs, cache_dir=cache_dir)
    finish(Result("validate", files, diags, lang=language), fmt, fail_on)
