"""The command line. Only options, config lookup, formatting and exit codes
live here; every command calls into the core (``kamctl.*``), which knows
nothing of Typer. Heavy imports happen inside the commands so that
``kamctl --help`` starts as fast as a bare Typer app.

Exit codes: 0 all fine; 1 invalid files or findings; 2 usage, config or
internal error.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from typer._click import Context  # typer vendors click; its Context is what invoke gets

from kamctl import __version__


class _Group(TyperGroup):
    """Turns the core's usage problems (nothing to check, a path that does not
    exist, an output that cannot be written) into one stderr line and exit 2,
    for every command in one place."""

    def invoke(self, ctx: Context) -> object:
        from kamctl.loader import NothingToCheck, use_source
        from kamctl.tabular import OutputError

        try:
            return super().invoke(ctx)
        except (NothingToCheck, OutputError) as exc:
            sys.stderr.write(f"kamctl: {exc}\n")
            raise typer.Exit(2) from None
        finally:
            use_source(None)  # --rev/--at point the loader at a git revision for one command


app = typer.Typer(
    cls=_Group,
    name="kamctl",
    help=(
        "Key Account Management plans as YAML: validate, classify (ABC, KAISM), "
        "check risks, lint and render.\n\n"
        "Exit codes: 0 fine, 1 invalid files or findings, 2 usage, config or internal error."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# One module per command group; each registers its commands on `app`.
COMMAND_MODULES = [
    "validate",
    "schema",
    "scaffold",
    "analyses",
    "lint",
    "render",
    "plan",
    "history",
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kamctl {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    quiet: bool = typer.Option(
        False,
        "--quiet",
        "-q",
        help="No informational notes on stderr (defaults in use, left-out accounts, files written); "
        "findings, errors and the exit code are unchanged. Before the command: kamctl -q lint.",
    ),
) -> None:
    if quiet:
        from kamctl.cli.common import QUIET_ENV

        os.environ[QUIET_ENV] = "1"


for _name in COMMAND_MODULES:
    importlib.import_module(f"kamctl.cli.{_name}")


def main() -> None:
    """Console-script entry point: internal errors exit 2 with one line."""
    if "_KAMCTL_COMPLETE" in os.environ:
        # Shell completion (README, "At the terminal"): Typer's, for bash, zsh and
        # fish. Registered only when a shell asks, so `kamctl --help` does not pay
        # for it, and without Typer's --install-completion options on every run.
        from typer.completion import completion_init

        completion_init()
    try:
        app(prog_name="kamctl")
    except KeyboardInterrupt:
        sys.stderr.write("kamctl: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # the last line of defence; see KAMCTL_DEBUG
        if os.environ.get("KAMCTL_DEBUG"):
            raise
        sys.stderr.write(
            f"kamctl: internal error: {type(exc).__name__}: {exc} (set KAMCTL_DEBUG=1 for a traceback)\n"
        )
        sys.exit(2)
