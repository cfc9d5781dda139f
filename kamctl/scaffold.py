"""Scaffolding: a new account file (``kamctl new``) and a new plan repository
(``kamctl init``).

A new account is a file that *validates* from the first minute, with every
section present but empty and a comment saying what goes there: people abandon
planning tools that demand everything up front, so the skeleton asks for
nothing and shows everything.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .i18n import N_, SOURCE_LANG, Message, translator
from .types import id_problem_message
from .writeback import atomic_write_text

SCHEMA_REL = "schemas/account.schema.json"


class ScaffoldError(Exception):
    """Nothing was written; the message (data, :attr:`message`) says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


# The guidance in the files kamctl new and kamctl init write, in the language
# of the plan (the config's): each comment block and trailing comment of the
# templates below is one message. Commented-out YAML (``#  - year: 2026``)
# stays as written: its keys are the file's keys in every language.
GUIDANCE = (
    N_(
        "Every section below is optional for `kamctl validate`; `kamctl lint` tells\nwhat a complete plan still lacks. Dates are written YYYY-MM-DD."
    ),
    N_("full, or light for KAM light"),
    N_("draft: missing parts are lint warnings; active when complete"),
    N_("responsible key account manager"),
    N_('e.g. "987 654 321" (quoted)'),
    N_("Figures per fiscal year; share of wallet = revenue / category_spend."),
    N_("KAISM: score each criterion 0–10 (criteria and weights are in the config)."),
    N_("Our account team: who does what."),
    N_("What we know of the customer's business."),
    N_("Goals with numeric targets on three horizons."),
    N_("3–5 years"),
    N_("1–2 years"),
    N_("this year"),
    N_("A main strategy and six part-strategies."),
    N_("Pipeline: value, probability (percent), owner, expected close."),
    N_("Our offerings × the customer's units; a missing cell is potential."),
    N_("The power map: role, level, influence, stance −3..+3, last contact."),
    N_("Concrete actions for the next 3–12 months: owner, due date, status."),
    N_("Internal resources the plan needs per year, and what management has committed."),
    N_("hours, people or budget"),
    N_("percent"),
    N_("true when the plan is agreed with the customer"),
    N_("kamctl portfolio config. Every setting has a default; see the README."),
    N_("nb or en (or another language with a catalogue)"),
    N_('an axis score at or above this is "high"'),
    N_("Criterion = weight. Axis score = sum(weight * score) / sum(weight)."),
    N_("Display names of the four KAISM classes (e.g. your own tiers)."),
    N_("cumulative percent"),
    N_("kamctl's content-hash cache"),
    N_("rendered plans and reports"),
    N_(
        "Runs kamctl on the account files of every commit (https://pre-commit.com).\nkamctl must be installed in the environment that runs git (pip install kamctl)."
    ),
)


_COMMENTED_SETTING = re.compile(r"# [a-z_]+ = ")


def _prose(line: str) -> bool:
    # "# Text" is guidance; "#  - year:" / "#    revenue: 0" is commented-out
    # YAML and '# key = "Key account"' a commented-out setting.
    return (
        line.startswith("# ")
        and not line.startswith("#  ")
        and not line.startswith("# yaml-language-server")
        and not _COMMENTED_SETTING.match(line)
    )


def guidance_parts(text: str) -> list[str]:
    """The guidance comments of ``text``: blocks of prose lines, trailing comments."""
    parts: list[str] = []
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if _prose(line):
            block.append(line[2:])
            continue
        if block:
            parts.append("\n".join(block))
            block = []
        code, sep, comment = line.rpartition("  # ")
        if sep and code.strip():
            parts.append(comment)
    return parts


def in_language(text: str, lang: str) -> str:
    """``text`` (a template below, in English) with its guidance in ``lang``."""
    if lang == SOURCE_LANG:
        return text
    cat = translator(lang)
    known = set(GUIDANCE)
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            english = "\n".join(block)
            shown = cat.gettext(english) if english in known else english
            out.extend(f"# {line}" for line in shown.split("\n"))
            block.clear()

    for line in text.splitlines():
        if _prose(line):
            block.append(line[2:])
            continue
        flush()
        code, sep, comment = line.rpartition("  # ")
        if sep and code.strip() and comment in known:
            line = f"{code}{sep}{cat.gettext(comment)}"
        out.append(line)
    flush()
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _quote(text: str) -> str:
    """A YAML double-quoted scalar: safe for any name a user types."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def account_skeleton(
    account_id: str,
    name: str,
    *,
    config: Config,
    profile: str = "full",
    kam: str | None = None,
    schema_ref: str | None = None,
    lang: str = SOURCE_LANG,
) -> str:
    """The text of a new account file, its guidance in ``lang``."""
    attractiveness = "\n".join(f"    # {c}:   # 0–10" for c in config.kaism.customer_attractiveness)
    strength = "\n".join(f"    # {c}:   # 0–10" for c in config.kaism.our_strength)
    header = f"# yaml-language-server: $schema={schema_ref}\n" if schema_ref else ""
    kam_value = _quote(kam) if kam else ""
    title = translator(lang).gettext(N_("Account plan: {name}")).format(name=name.replace(chr(10), " "))
    return f"{header}# {title}\n" + in_language(
        _skeleton_body(account_id, name, profile, kam_value, config, attractiveness, strength), lang
    )


def _skeleton_body(
    account_id: str,
    name: str,
    profile: str,
    kam_value: str,
    config: Config,
    attractiveness: str,
    strength: str,
) -> str:
    return f"""# Every section below is optional for `kamctl validate`; `kamctl lint` tells
# what a complete plan still lacks. Dates are written YYYY-MM-DD.

id: {account_id}
name: {_quote(name)}
profile: {profile}        # full, or light for KAM light
status: draft             # draft: missing parts are lint warnings; active when complete
kam: {kam_value}          # responsible key account manager
org_number:               # e.g. "987 654 321" (quoted)
industry:
country:
currency: {config.currency}
stage:                    # pre-kam, early-kam, mid-kam, partnership-kam, synergistic-kam, uncoupling

# Figures per fiscal year; share of wallet = revenue / category_spend.
financials: []
#  - year: {config.fiscal_year or 2026}
#    revenue: 0
#    gross_margin: 0
#    category_spend: 0

# KAISM: score each criterion 0–10 (criteria and weights are in the config).
kaism:
  customer_attractiveness: {{}}
{attractiveness}
  our_strength: {{}}
{strength}

# Our account team: who does what.
team: []
#  - name: ""
#    role: ""
#    responsibility: ""

# What we know of the customer's business.
customer:
  business:
  goals: []
  trends: []
  decision_process:

# Goals with numeric targets on three horizons.
goals:
  strategic: []           # 3–5 years
  tactical: []            # 1–2 years
  operational: []         # this year
#    - goal: ""
#      metric: revenue
#      target: 0
#      unit: NOK
#      due: 2027-12-31

# A main strategy and six part-strategies.
strategy:
  main:
  product:
  price:
  distribution:
  communication:
  service:
  relationship:

# Pipeline: value, probability (percent), owner, expected close.
opportunities: []

# Our offerings × the customer's units; a missing cell is potential.
white_space:
  units: []
  offerings: {{}}

competitors: []           # - name: "", strength: high|medium|low

contract:
  start:
  end:
  notice_months:

risks: []                 # - description: "", category: people|competitor|technology|...

# The power map: role, level, influence, stance −3..+3, last contact.
stakeholders: []
#  - name: ""
#    title: ""
#    role: decision_maker
#    level: top
#    influence: high
#    stance: 0
#    last_contact: 2026-01-01

# Concrete actions for the next 3–12 months: owner, due date, status.
actions: []
#  - action: ""
#    owner: ""
#    due: 2026-01-31
#    status: planned

# Internal resources the plan needs per year, and what management has committed.
resources: []
#  - function: ""
#    unit: hours            # hours, people or budget
#    needed: 0
#    committed: 0

measures:
  satisfaction:           # 0–10
  renewal_rate:           # percent

rhythm:
  operational:
  last_qbr:
  next_qbr:

joint_planning:
  agreed: false           # true when the plan is agreed with the customer

review:
  reviewed:
  next_review:
"""


def new_account(
    account_id: str,
    name: str,
    *,
    config: Config,
    folder: Path,
    profile: str = "full",
    kam: str | None = None,
    lang: str = SOURCE_LANG,
) -> Path:
    """Write ``folder/<id>.yaml``, its guidance in ``lang``; refuses bad ids and existing files."""
    problem = id_problem_message(account_id)
    if problem is not None:
        raise ScaffoldError(Message.of(N_("invalid id {id!r}: {why}"), id=account_id, why=problem))
    if not name.strip():
        raise ScaffoldError(Message.of(N_("the name must not be empty")))
    if profile not in ("full", "light"):
        raise ScaffoldError(
            Message.of(N_("profile must be 'full' or 'light' (got {profile!r})"), profile=profile)
        )
    target = folder / f"{account_id}.yaml"
    for existing in (target, folder / f"{account_id}.yml"):
        if existing.exists() or existing.is_symlink():
            raise ScaffoldError(_exists(existing))
    schema = config.root / SCHEMA_REL
    ref = os.path.relpath(schema, folder.resolve()) if schema.is_file() else None
    text = account_skeleton(
        account_id,
        name,
        config=config,
        profile=profile,
        kam=kam,
        schema_ref=ref.replace(os.sep, "/") if ref else None,
        lang=lang,
    )
    folder.mkdir(parents=True, exist_ok=True)
    # O_EXCL: a file created between the check above and now is not clobbered.
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise ScaffoldError(_exists(target)) from None
    os.close(fd)
    atomic_write_text(target, text)
    return target


def _exists(path: Path) -> Message:
    return Message.of(N_("{path} already exists; not overwritten"), path=str(path))


CONFIG_TEMPLATE = """\
# kamctl portfolio config. Every setting has a default; see the README.
accounts = "accounts"
currency = "NOK"
lang = "{lang}"          # nb or en (or another language with a catalogue)

[kaism]
threshold = 5.0          # an axis score at or above this is "high"

# Criterion = weight. Axis score = sum(weight * score) / sum(weight).
[kaism.customer_attractiveness]
volume_potential = 3
margin_potential = 3
growth = 2
strategic_fit = 2
reference_value = 1
relationship_potential = 1

[kaism.our_strength]
product_fit = 3
relationship_depth = 2
delivery_record = 2
price_position = 1
share_of_wallet = 1

# Display names of the four KAISM classes (e.g. your own tiers).
[kaism.tiers]
# key_development = "{key_development}"
# key = "{key}"
# maintenance = "{maintenance}"
# opportunistic = "{opportunistic}"

[abc]
a = 80                   # cumulative percent
b = 95

[portfolio]
max_accounts_per_kam = 6
"""

PRE_COMMIT_TEMPLATE = """\
# Runs kamctl on the account files of every commit (https://pre-commit.com).
# kamctl must be installed in the environment that runs git (pip install kamctl).
repos:
  - repo: local
    hooks:
      - id: kamctl-validate
        name: kamctl validate
        entry: kamctl validate
        language: system
        files: ^accounts/.*\\.ya?ml$
        pass_filenames: false
        require_serial: true
      - id: kamctl-lint
        name: kamctl lint
        entry: kamctl lint
        language: system
        files: ^accounts/.*\\.ya?ml$
        require_serial: true
"""
# validate checks the whole folder (pass_filenames: false): a duplicate id is a
# clash with a file the commit did not touch. Both hooks run only on files
# under accounts/ (a plan repository's mkdocs.yml or CI files are no accounts).

GITIGNORE_TEMPLATE = """\
# kamctl's content-hash cache
.kamctl_cache/
# rendered plans and reports
rendered/
"""
# ``rendered/`` is where ``kamctl render`` and ``report`` write by default;
# the documents hold customer data, so ``git add .`` must not pick them up.


def _config_text(lang: str) -> str:
    from .i18n import Locale

    # The commented-out tier names are the defaults a run in this language shows.
    loc = Locale(lang)
    text = CONFIG_TEMPLATE.replace("{lang}", lang)
    for quadrant in ("key_development", "key", "maintenance", "opportunistic"):
        text = text.replace("{" + quadrant + "}", loc.t(f"quadrant.{quadrant}"))
    return text


@dataclass
class InitOutcome:
    created: list[Path] = field(default_factory=list)
    merged: list[tuple[Path, list[str]]] = field(default_factory=list)
    """Existing files that got lines added (``.gitignore``), with those lines."""
    kept: list[Path] = field(default_factory=list)
    """Existing files left as they are (``force`` overwrites them)."""


def merge_gitignore(existing: str, ours: str) -> tuple[str, list[str]]:
    """``existing`` plus the patterns of ``ours`` it lacks (their lines and order stay)."""
    have = {line.strip() for line in existing.splitlines()}
    missing = [
        line
        for line in ours.splitlines()
        if line.strip() and not line.startswith("#") and line.strip() not in have
    ]
    if not missing:
        return existing, []
    text = existing if not existing or existing.endswith("\n") else existing + "\n"
    text += ("\n" if text else "") + "# added by kamctl init\n" + "".join(f"{line}\n" for line in missing)
    return text, missing


def init_repository(folder: Path, lang: str = "nb", *, force: bool = False) -> InitOutcome:
    """Make ``folder`` a plan repository whose config says ``lang``: add what is
    missing, merge ``.gitignore``.

    Works in an empty folder and in an existing repository (its own
    ``.gitignore`` lines stay, ours are appended). An existing config,
    pre-commit config or schema is kept unless ``force``. Something in the way
    (a file where ``accounts/`` goes) is refused before anything is written.
    """
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(Message.of(N_("{path} is not a folder"), path=str(folder)))
    files = {
        "kamctl.toml": in_language(_config_text(lang), lang),
        ".pre-commit-config.yaml": in_language(PRE_COMMIT_TEMPLATE, lang),
        SCHEMA_REL: _packaged_schema(),
    }
    for name in (*files, ".gitignore", "accounts"):
        target = folder / name
        if target.is_symlink() or (target.exists() and (name == "accounts") != target.is_dir()):
            raise ScaffoldError(Message.of(N_("{path} is in the way; nothing written"), path=str(target)))
    outcome = InitOutcome()
    (folder / "accounts").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        target = folder / name
        if target.exists() and not force:
            outcome.kept.append(target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
        outcome.created.append(target)
    ignore = folder / ".gitignore"
    ours = in_language(GITIGNORE_TEMPLATE, lang)
    if ignore.exists():
        merged, added = merge_gitignore(ignore.read_text(encoding="utf-8"), ours)
        if added:
            atomic_write_text(ignore, merged)
            outcome.merged.append((ignore, added))
    else:
        atomic_write_text(ignore, ours)
        outcome.created.append(ignore)
    if not any((folder / "accounts").iterdir()):
        (folder / "accounts" / ".gitkeep").write_text("", encoding="utf-8")
    return outcome


def _packaged_schema() -> str:
    from .schema import schema_text

    # Generated from the models, so it always matches this version of kamctl.
    return schema_text()
