"""Scaffolding: a new account file (``kamctl new``) and a new plan repository
(``kamctl init``).

A new account is a file that *validates* from the first minute, with every
section present but empty and a comment saying what goes there: people abandon
planning tools that demand everything up front, so the skeleton asks for
nothing and shows everything.
"""

from __future__ import annotations

import os
from pathlib import Path

from .config import Config
from .types import id_problem
from .writeback import atomic_write_text

SCHEMA_REL = "schemas/account.schema.json"


class ScaffoldError(Exception):
    """Nothing was written; the message says why."""


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
) -> str:
    """The text of a new account file."""
    attractiveness = "\n".join(f"    # {c}:   # 0–10" for c in config.kaism.customer_attractiveness)
    strength = "\n".join(f"    # {c}:   # 0–10" for c in config.kaism.our_strength)
    header = f"# yaml-language-server: $schema={schema_ref}\n" if schema_ref else ""
    kam_value = _quote(kam) if kam else ""
    return f"""{header}# Account plan: {name.replace(chr(10), " ")}
# Every section below is optional for `kamctl validate`; `kamctl lint` tells
# what a complete plan still lacks. Dates are written YYYY-MM-DD.

id: {account_id}
name: {_quote(name)}
profile: {profile}        # full, or light for KAM light
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
) -> Path:
    """Write ``folder/<id>.yaml``; refuses bad ids and existing files."""
    problem = id_problem(account_id)
    if problem:
        raise ScaffoldError(f"invalid id {account_id!r}: {problem}")
    if not name.strip():
        raise ScaffoldError("the name must not be empty")
    if profile not in ("full", "light"):
        raise ScaffoldError(f"profile must be 'full' or 'light' (got {profile!r})")
    target = folder / f"{account_id}.yaml"
    for existing in (target, folder / f"{account_id}.yml"):
        if existing.exists() or existing.is_symlink():
            raise ScaffoldError(f"{existing} already exists; not overwritten")
    schema = config.root / SCHEMA_REL
    ref = os.path.relpath(schema, folder.resolve()) if schema.is_file() else None
    text = account_skeleton(
        account_id,
        name,
        config=config,
        profile=profile,
        kam=kam,
        schema_ref=ref.replace(os.sep, "/") if ref else None,
    )
    folder.mkdir(parents=True, exist_ok=True)
    # O_EXCL: a file created between the check above and now is not clobbered.
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise ScaffoldError(f"{target} already exists; not overwritten") from None
    os.close(fd)
    atomic_write_text(target, text)
    return target


CONFIG_TEMPLATE = """\
# kamctl portfolio config. Every setting has a default; see the README.
accounts = "accounts"
currency = "NOK"
lang = "nb"              # nb or en

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
# key_development = "Key development account"
# key = "Key account"
# maintenance = "Maintenance account"
# opportunistic = "Opportunistic account"

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
      - id: kamctl-lint
        name: kamctl lint
        entry: kamctl lint
        language: system
        files: ^accounts/.*\\.ya?ml$
"""

GITIGNORE_TEMPLATE = """\
# kamctl's content-hash cache
.kamctl_cache/
# rendered plans and reports
out/
"""


def init_repository(folder: Path) -> list[Path]:
    """Create a plan repository in ``folder``; refuses to overwrite anything."""
    files = {
        "kamctl.toml": CONFIG_TEMPLATE,
        ".pre-commit-config.yaml": PRE_COMMIT_TEMPLATE,
        ".gitignore": GITIGNORE_TEMPLATE,
        SCHEMA_REL: _packaged_schema(),
    }
    clashes = [name for name in files if (folder / name).exists()]
    if clashes:
        raise ScaffoldError(
            f"{folder} already has {', '.join(clashes)}; not overwritten (init an empty folder)"
        )
    written = []
    (folder / "accounts").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
        written.append(target)
    keep = folder / "accounts" / ".gitkeep"
    if not keep.exists():
        keep.write_text("", encoding="utf-8")
    return written


def _packaged_schema() -> str:
    from .schema import schema_text

    # Generated from the models, so it always matches this version of kamctl.
    return schema_text()
