from __future__ import annotations

from pathlib import Path

import typer

from kamctl.cli import app
from kamctl.cli.common import CONFIG_OPTION, LANG_OPTION, fail, get_config


@app.command()
def new(
    account_id: str = typer.Argument(
        ..., metavar="ID", help="Account id: a-z, 0-9, '-', '_'; becomes the file name."
    ),
    name: str = typer.Option(..., "--name", "-n", help="The customer's name."),
    profile: str = typer.Option("full", "--profile", help="Plan profile: full or light."),
    kam: str | None = typer.Option(None, "--kam", help="Responsible key account manager."),
    folder: Path | None = typer.Option(
        None, "--dir", "-d", help="Where to write (default: the config's accounts folder)."
    ),
    config: Path | None = CONFIG_OPTION,
    lang: str | None = LANG_OPTION,
) -> None:
    """Write a skeleton account file with every section and short guidance."""
    from kamctl.cli.common import resolve_lang
    from kamctl.i18n import tr
    from kamctl.scaffold import ScaffoldError, new_account

    cfg = get_config(config)
    # The file is shared with the team: its guidance is in the plan's language
    # (--lang, else the config's), not one person's terminal setting.
    plan_lang = resolve_lang(lang, cfg, environment=False)
    say_lang = resolve_lang(lang, cfg)
    target_dir = folder if folder is not None else (cfg.accounts_dir if cfg.source is not None else Path("."))
    try:
        path = new_account(
            account_id, name, config=cfg, folder=target_dir, profile=profile, kam=kam, lang=plan_lang
        )
    except ScaffoldError as exc:
        fail(exc.message.text(say_lang))
    typer.echo(tr(say_lang, "created {path}", path=str(path)), err=True)


@app.command()
def init(
    folder: Path = typer.Argument(
        Path("."), help="Folder for the plan repository (new, or an existing repository)."
    ),
    lang: str | None = LANG_OPTION,
    force: bool = typer.Option(
        False, "--force", help="Overwrite an existing kamctl.toml, pre-commit config and schema."
    ),
) -> None:
    """Make a plan repository: config, accounts/, schema, .gitignore, pre-commit config.

    In an existing folder or git repository it adds what is missing: its own
    .gitignore lines stay (kamctl's are appended), existing files are kept
    unless --force.
    """
    from kamctl.cli.common import resolve_lang
    from kamctl.config import Config
    from kamctl.i18n import tr
    from kamctl.scaffold import ScaffoldError, init_repository

    # No config yet: --lang, $KAMCTL_LANG, the locale, else nb; the new config says it.
    language = resolve_lang(lang, Config())
    try:
        outcome = init_repository(folder, language, force=force)
    except ScaffoldError as exc:
        fail(exc.message.text(language))
    for path in outcome.created:
        typer.echo(tr(language, "created {path}", path=str(path)), err=True)
    for path, lines in outcome.merged:
        typer.echo(tr(language, "added to {path}: {lines}", path=str(path), lines=", ".join(lines)), err=True)
    for path in outcome.kept:
        typer.echo(tr(language, "kept {path} (it exists; --force overwrites it)", path=str(path)), err=True)
    git = "" if (folder / ".git").exists() else " && git init"
    example = tr(language, "Customer AS")  # a name in the user's language: "Kunde AS"
    command = f'cd {folder} && kamctl new ID --name "{example}"{git} && git add .'
    typer.echo(tr(language, "next: {command}", command=command), err=True)
