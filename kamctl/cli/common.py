"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from kamctl.config import Config

CONFIG_OPTION = typer.Option(
    None,
    "--config",
    "-c",
    help="Config file (default: nearest kamctl.toml or pyproject.toml with [tool.kamctl], searching upward).",
    dir_okay=False,
)
PATHS_ARGUMENT = typer.Argument(
    None,
    help="Account files or folders (default: the config's accounts folder, else '.').",
    show_default=False,
)
JOBS_OPTION = typer.Option(None, "--jobs", "-j", min=1, help="Processes to use (default: all cores).")


def fail(message: str, code: int = 2) -> NoReturn:
    sys.stderr.write(f"kamctl: {message}\n")
    raise typer.Exit(code)


def get_config(path: Path | None) -> Config:
    """The config, or exit 2 with its located errors."""
    from kamctl.config import ConfigError, load_config
    from kamctl.formatters import CheckResult, text

    if path is not None and not path.is_file():
        fail(f"config file not found: {path}")
    try:
        return load_config(path)
    except ConfigError as exc:
        text(CheckResult("config", 1, exc.diagnostics), sys.stderr)
        raise typer.Exit(2) from None


def check_format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}")
    return value
