"""The portfolio config: ``kamctl.toml``, or ``[tool.kamctl]`` in ``pyproject.toml``.

Found like ruff and yamllint find theirs: from the working directory upwards,
the first ``kamctl.toml`` (or ``pyproject.toml`` with a ``[tool.kamctl]`` table)
wins; ``--config FILE`` overrides the search. Every setting has a default, so
kamctl works with no config at all. Paths in the config are relative to the
config file.

Each analysis owns its section (``[kaism]``, ``[abc]``, ``[risk]``, ``[lint]``,
``[render]``); the defaults below are the ones DOMAIN.md gives.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .diagnostics import Diagnostic, Severity, field_path
from .types import Float, Int, Ranged, Text, in_range

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = ("kamctl.toml", "pyproject.toml")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Every integer setting has bounds. Without them `review_months = 96000` or a
# negative `max_file_size` validated and then crashed date arithmetic or a read
# as an internal error (repro 18). The bounds are far outside any sensible
# setting and keep every date computed from one (account dates are years
# 1900-2200) inside Python's years 1-9999.
DAYS_MAX = 36_600
"""A hundred years, in days."""
MONTHS_MAX = 1_200
"""A hundred years, in months."""
COUNT_MAX = 100_000
"""Accounts, people or relationships: more than any portfolio holds."""
FILE_SIZE_MAX = 1 << 30
"""1 GiB: the file is read into memory whole."""
PATH_MAX = 1_024
"""Characters of a path in the config (Linux allows 4,096 in all, 255 a part)."""

Days = Annotated[Int, in_range(0, DAYS_MAX)]
Months = Annotated[Int, in_range(0, MONTHS_MAX)]
Count = Annotated[Int, in_range(0, COUNT_MAX)]
Year = Annotated[Int, in_range(1900, 2200)]
FileSize = Annotated[Int, in_range(1, FILE_SIZE_MAX)]
Hhi = Annotated[Float, in_range(0, 10_000)]
"""The Herfindahl index of shares in percent: 0..10,000."""


# The criteria Cheverton and seed 003 name. Weights are relative; only the
# ratio matters (axis score = Σ weight × score / Σ weight).
DEFAULT_ATTRACTIVENESS = {
    "volume_potential": 3.0,
    "margin_potential": 3.0,
    "growth": 2.0,
    "strategic_fit": 2.0,
    "reference_value": 1.0,
    "relationship_potential": 1.0,
}
DEFAULT_STRENGTH = {
    "product_fit": 3.0,
    "relationship_depth": 2.0,
    "delivery_record": 2.0,
    "price_position": 1.0,
    "share_of_wallet": 1.0,
}


class KaismConfig(_Section):
    threshold: Ranged(Float, 0, 10) = Field(  # type: ignore[valid-type]
        default=5.0, description="An axis score at or above this is 'high' (DOMAIN §3)."
    )
    customer_attractiveness: dict[str, Ranged(Float, 0, 1000)] = Field(  # type: ignore[valid-type]
        default_factory=lambda: dict(DEFAULT_ATTRACTIVENESS),
        description="Criterion → weight for the customer-attractiveness axis.",
    )
    our_strength: dict[str, Ranged(Float, 0, 1000)] = Field(  # type: ignore[valid-type]
        default_factory=lambda: dict(DEFAULT_STRENGTH),
        description="Criterion → weight for the our-strength axis.",
    )
    min_scored: Ranged(Float, 0, 1) = Field(  # type: ignore[valid-type]
        default=1.0,
        description="Share of each axis's criteria that must be scored to classify (1.0 = all).",
    )
    tiers: dict[str, Text] = Field(
        default_factory=dict,
        description=(
            "Display names per quadrant: key_development, key, maintenance, opportunistic "
            "(e.g. Company X's Diamond/Foundation/Portfolio/Opportunistic)."
        ),
    )

    @field_validator("customer_attractiveness", "our_strength")
    @classmethod
    def _some_weight(cls, v: dict[str, float]) -> dict[str, float]:
        if v and sum(v.values()) <= 0:
            raise ValueError("the weights of an axis must not all be zero")
        return v

    @field_validator("tiers")
    @classmethod
    def _known_quadrants(cls, v: dict[str, str]) -> dict[str, str]:
        known = {"key_development", "key", "maintenance", "opportunistic"}
        unknown = sorted(set(v) - known)
        if unknown:
            raise ValueError(
                f"unknown quadrant {unknown[0]!r}; use key_development, key, maintenance, opportunistic"
            )
        return v


class AbcConfig(_Section):
    a: Ranged(Float, 0, 100) = Field(default=80.0, description="A cut-off, cumulative percent.")  # type: ignore[valid-type]
    b: Ranged(Float, 0, 100) = Field(default=95.0, description="B cut-off, cumulative percent.")  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _ordered(self) -> AbcConfig:
        if self.b < self.a:
            raise ValueError(f"the B cut-off ({self.b}) must not be below the A cut-off ({self.a})")
        return self


class CsvConfig(_Section):
    id: Text = Field(default="id", description="Column with the customer id.")
    name: Text = Field(default="name", description="Column with the customer name.")
    revenue: Text = Field(default="revenue", description="Column with revenue.")
    gross_margin: Text = Field(default="margin", description="Column with gross margin.")
    contribution: Text = Field(default="contribution", description="Column with contribution margin.")
    delimiter: Text = Field(
        default="auto",
        description="Field separator: 'auto' (sniffed from the header line), ';', ',' or 'tab'.",
    )

    @field_validator("delimiter")
    @classmethod
    def _delimiter(cls, v: str) -> str:
        if v not in ("auto", ";", ",", "tab"):
            raise ValueError(f"must be 'auto', ';', ',' or 'tab' (got {v!r})")
        return v


class PortfolioConfig(_Section):
    max_accounts_per_kam: Count = Field(
        default=6, description="A KAM holding more key accounts than this is flagged."
    )
    min_key_accounts: Count = Field(default=15, description="Lower end of the 15–35 guide (DOMAIN §1).")
    max_key_accounts: Count = Field(default=35, description="Upper end of the 15–35 guide.")
    warn_below: Count = Field(default=5, description="Warn when fewer key accounts than this.")
    warn_above: Count = Field(default=50, description="Warn when more key accounts than this.")


class RiskConfig(_Section):
    single_customer_share: Ranged(Float, 0, 100) = Field(  # type: ignore[valid-type]
        default=40.0, description="Flag any customer with at least this share of revenue (percent)."
    )
    major_customer_share: Ranged(Float, 0, 100) = Field(  # type: ignore[valid-type]
        default=10.0, description="List every customer at or above this share (disclosure level)."
    )
    hhi_moderate: Hhi = Field(default=1000.0, description="HHI at or above this is moderately concentrated.")
    hhi_high: Hhi = Field(default=1800.0, description="HHI above this is highly concentrated.")
    contract_ending_days: Days = Field(default=180, description="Contract ending within this many days.")
    short_notice_months: Months = Field(default=3, description="Notice period shorter than this is weak.")
    min_strong_relationships: Count = Field(
        default=1, description="Fewer relationships of strength 'strong' than this is a risk."
    )


DEFAULT_WIN_LOSS_REASONS = (
    "price",
    "relationship",
    "product_fit",
    "delivery",
    "service",
    "timing",
    "no_decision",
    "other",
)
"""Why deals are won or lost, in the words win/loss reviews commonly use
(price, relationship, fit, delivery, service, timing, no decision)."""


class LintConfig(_Section):
    class Status(_Section):
        """Red/amber/green bands of ``kamctl status`` (plan health)."""

        completeness_green: Ranged(Float, 0, 100) = Field(  # type: ignore[valid-type]
            default=90.0, description="Completeness (percent of applicable checks passed) at or above: green."
        )
        completeness_amber: Ranged(Float, 0, 100) = Field(  # type: ignore[valid-type]
            default=70.0, description="Completeness at or above this (below green): amber; below: red."
        )
        review_green_days: Days = Field(
            default=183, description="Plan reviewed at most this many days ago: green."
        )
        review_amber_days: Days = Field(
            default=365, description="At most this many days: amber; older or never: red."
        )
        contact_green_days: Days = Field(
            default=45, description="Last contact with a key person at most this many days ago: green."
        )
        contact_amber_days: Days = Field(
            default=90, description="At most this many days: amber; older or none: red."
        )
        coverage_green: Ranged(Int, 0, 3) = Field(  # type: ignore[valid-type]
            default=3, description="Relationship coverage at or above: green."
        )
        coverage_amber: Ranged(Int, 0, 3) = Field(  # type: ignore[valid-type]
            default=2, description="At or above this (below green): amber."
        )

    select: list[str] = Field(
        default_factory=list,
        description="Rule ids or prefixes to run (empty: all); narrows only the families it names "
        "(KAM, RISK, STAGE, KAISM, PORT). Applies to every command.",
    )
    ignore: list[str] = Field(default_factory=list, description="Rule ids not to run, in any command.")
    severity: dict[str, str] = Field(default_factory=dict, description="Rule id → error/warning/info.")
    stale_contact_days: Days = Field(
        default=90, description="A contact older than this is stale (KAM111; lint and risk)."
    )
    review_months: Months = Field(
        default=12, description="A plan must be reviewed within this many months (KAM112; lint and risk)."
    )
    win_loss_review_days: Days = Field(
        default=30,
        description="A won or lost opportunity needs a win/loss review within this many days (KAM119).",
    )
    win_loss_reasons: list[Text] = Field(
        default_factory=lambda: list(DEFAULT_WIN_LOSS_REASONS),
        description=(
            "The reasons a win/loss review may give (KAM125), so they add up across the portfolio; "
            "empty: any reason."
        ),
    )
    per_path: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Glob → {select, ignore, severity} applied to matching files.",
    )
    fail_on: Text = Field(
        default="error",
        description="Lowest severity that makes 'kamctl lint' exit 1: error, warning or info; "
        "never: report without failing (as --fail-on never).",
    )
    status: Status = Field(default_factory=Status, description="Bands of 'kamctl status'.")

    @field_validator("fail_on")
    @classmethod
    def _fail_on(cls, v: str) -> str:
        if v not in ("error", "warning", "info", "never"):
            raise ValueError(f"must be 'error', 'warning', 'info' or 'never' (got {v!r})")
        return v


def _path_setting(v: str | None) -> str | None:
    if v is None:
        return v
    if len(v) > PATH_MAX:
        raise ValueError(f"is too long for a path: {len(v):,} characters (at most {PATH_MAX:,})")
    if "\0" in v:
        raise ValueError("a path cannot hold the character NUL (\\0)")
    if not v.strip():
        raise ValueError("must name a folder (got an empty text)")
    return v


class RenderConfig(_Section):
    templates: Text | None = Field(default=None, description="Folder of template overrides.")

    _templates = field_validator("templates")(_path_setting)


class Config(_Section):
    accounts: Text = Field(default="accounts", description="Folder of account files.")
    currency: Text = Field(default="NOK", description="Default currency (ISO 4217).")
    fiscal_year: Year | None = Field(default=None, description="Year to analyse (default: latest).")
    lang: Text = Field(
        default="nb",
        description="Output language: nb, en, or any language with a catalogue (nb_NO.UTF-8 and no mean nb).",
    )
    max_file_size: FileSize = Field(default=1_048_576, description="Largest account file accepted, bytes.")
    kaism: KaismConfig = Field(default_factory=KaismConfig)
    abc: AbcConfig = Field(default_factory=AbcConfig)
    csv: CsvConfig = Field(default_factory=CsvConfig)
    portfolio: PortfolioConfig = Field(default_factory=PortfolioConfig)
    risk: RiskConfig = Field(default_factory=RiskConfig)
    lint: LintConfig = Field(default_factory=LintConfig)
    render: RenderConfig = Field(default_factory=RenderConfig)

    # Where the config came from; not a setting.
    source: Path | None = Field(default=None, exclude=True)

    @field_validator("lang")
    @classmethod
    def _lang(cls, v: str) -> str:
        from .i18n import normalize_lang

        # A language without a catalogue is English with a notice at run time
        # (resolve_lang); only what is no language at all is an error here.
        lang = normalize_lang(v)
        if lang is None:
            raise ValueError(f"must be a language such as nb or en (got {v!r})")
        return lang

    _accounts = field_validator("accounts")(_path_setting)

    @property
    def root(self) -> Path:
        """The folder the config lives in (paths in it are relative to this)."""
        return self.source.parent if self.source else Path.cwd()

    @property
    def accounts_dir(self) -> Path:
        return self.root / self.accounts

    def fingerprint(self) -> str:
        return self.model_dump_json(exclude={"source"})


class ConfigError(Exception):
    """A config that cannot be used; carries located diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics


def find_config(start: Path | None = None) -> Path | None:
    """The nearest kamctl.toml, or pyproject.toml with [tool.kamctl], upwards from start."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "kamctl.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return False
    return "[tool.kamctl" in text


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """Load ``path``, or the config found by searching upward, or the defaults."""
    if path is None and search:
        path = find_config()
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([_diag(path, 0, 0, f"cannot read config: {exc}")]) from None
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> Config:
    """A config from its text; ``path`` names it in diagnostics and sets its root
    (``kamctl diff`` reads a revision's config from git, not from a file)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, col = _toml_position(str(exc))
        raise ConfigError([_diag(path, line, col, f"invalid TOML: {exc}", text)]) from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("kamctl", {})
        prefix = ("tool", "kamctl")
    retired = _retired_keys(path, text, data, prefix)
    if retired:
        raise ConfigError(retired)
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        from .validation import describe

        diags = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            line = _toml_line(text, prefix + tuple(str(p) for p in loc))
            diags.append(
                Diagnostic(
                    path=str(path),
                    line=line,
                    column=1 if line else 0,
                    severity=Severity.error,
                    code="config",
                    message=describe(Config, err),
                    field=field_path(loc),
                    source=text.splitlines()[line - 1] if line else None,
                )
            )
        raise ConfigError(diags) from None
    config.source = path
    if "accounts" in data:
        _check_accounts_folder(config, path, text, prefix)
    return config


RETIRED_KEYS: dict[tuple[str, str], tuple[str, str]] = {
    ("risk", "stale_contact_days"): ("lint", "stale_contact_days"),
    ("risk", "stale_plan_months"): ("lint", "review_months"),
}
"""Settings that were merged into another (one check, one setting): old → new.

``risk`` and ``lint`` each had a stale-contact and a stale-plan check; they are
one check now (KAM111, KAM112), reported by both commands and set in one place.
"""


def _retired_keys(path: Path, text: str, data: dict[str, Any], prefix: tuple[str, ...]) -> list[Diagnostic]:
    """A located error for each retired key in ``data``, naming the key to use instead."""
    out = []
    for (section, key), (new_section, new_key) in RETIRED_KEYS.items():
        table = data.get(section)
        if not isinstance(table, dict) or key not in table:
            continue
        line = _toml_line(text, (*prefix, section, key))
        message = f"retired setting; use [{new_section}] {new_key} (one setting for lint and risk)"
        d = _diag(path, line, 1 if line else 0, message, text)
        out.append(dataclasses.replace(d, field=f"{section}.{key}"))
    return out


def _check_accounts_folder(config: Config, path: Path, text: str, prefix: tuple[str, ...]) -> None:
    """A configured accounts folder must exist: scanning '.' instead would
    validate mkdocs.yml and test fixtures and look like a pass. (Without the
    key, a missing default folder means '.', as documented.)"""
    if config.accounts_dir.is_dir():
        return
    line = _toml_line(text, (*prefix, "accounts"))
    where = f"'{config.accounts}'"
    raise ConfigError(
        [
            Diagnostic(
                path=str(path),
                line=line,
                column=1 if line else 0,
                severity=Severity.error,
                code="config",
                message=f"the accounts folder {where} does not exist (next to the config)",
                field="accounts",
                source=text.splitlines()[line - 1] if line else None,
            )
        ]
    )


def _diag(path: Path, line: int, col: int, message: str, text: str = "") -> Diagnostic:
    lines = text.splitlines()
    return Diagnostic(
        path=str(path),
        line=line,
        column=col,
        severity=Severity.error,
        code="config",
        message=message,
        source=lines[line - 1] if 0 < line <= len(lines) else None,
    )


def _toml_position(message: str) -> tuple[int, int]:
    m = re.search(r"line (\d+), column (\d+)", message)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def _toml_line(text: str, loc: tuple[str, ...]) -> int:
    """Best line for a key path in TOML text: the key under its table, else the table."""
    table: tuple[str, ...] = ()
    best, best_depth = 0, 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        header = re.match(r"^\[+\s*([^\]]+?)\s*\]+", line)
        if header:
            table = tuple(p.strip().strip('"') for p in header.group(1).split("."))
            if table == loc[: len(table)] and len(table) > best_depth:
                best, best_depth = number, len(table)
            continue
        key = re.match(r'^("?)([A-Za-z0-9_.\-]+)\1\s*=', line)
        if key:
            full = table + tuple(key.group(2).split("."))
            if full == loc[: len(full)] and len(full) >= len(loc) - 1:
                return number
    return best
