"""Rendering account plans and the portfolio report (Markdown and HTML).

The pieces:

* a **view model** per account (:func:`plan_context`) and for the portfolio
  (:func:`report_context`): the account model, its computed facts and the
  lists the documents show (stakeholders sorted by influence, the white-space
  grid, goals per horizon, …), so templates hold layout and no arithmetic;
* two Jinja2 environments over one template search path. The **HTML**
  environment autoescapes everything it loads (``select_autoescape`` does not
  know ``*.html.j2``, so it is switched on explicitly). The **Markdown**
  environment runs every ``{{ … }}`` through :func:`kamctl.mdescape.inline`
  (its ``finalize``); only Markdown that kamctl itself produced (macro output,
  marked with ``|safe``) passes unchanged. See :mod:`kamctl.mdescape`;
* the **template search path**: ``--templates DIR``, then ``[render]
  templates`` from the config, then ``templates/`` next to the config (the
  plan repository's own), then the templates shipped with kamctl. The shipped
  ones are also reachable as ``kamctl/<name>`` so an override can
  ``{% extends "kamctl/plan.html.j2" %}`` and replace one block. Because a
  shipped template may include a user's partial, both environments are
  :class:`jinja2.sandbox.SandboxedEnvironment`: a template from a plan
  repository cannot reach Python internals;
* **output**: file names are built from validated account ids only and must
  resolve inside the output folder; every file is written atomically.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    PrefixLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from . import mdescape, svg
from .account import Account, Action, Level, PipelineStage
from .audience import Audience, customer_facts
from .audience import hidden as audience_hidden
from .facts import AccountFacts, PortfolioFacts
from .i18n import NBSP, Locale, translator
from .powermap import power_map_svg
from .template_guard import GuardedEnvironment, GuardedLoader, TemplateProblem, bounded_memory, problem_from
from .types import id_problem

if TYPE_CHECKING:
    from .config import Config
    from .history.messages import SinceView
    from .loader import LoadedFile

FORMATS = ("md", "html", "pdf")
EXTENSIONS = {"md": "md", "html": "html", "pdf": "pdf"}
TEMPLATE_FORMAT = {"md": "md", "html": "html", "pdf": "html"}
"""A PDF is the HTML document printed (:mod:`kamctl.pdf`)."""
REPORT_MATRIX_WIDTH = 400
"""The report's KAISM matrix beside its legend (``.two.wide-left`` gives it 400 px)."""
PDF_BATCH = 8
"""Plans printed per batch: a portfolio of thousands never sits in memory as HTML."""
REPORT_STEM = "index"

SECTIONS_FULL = (
    "summary",
    "customer",
    "team",
    "classification",
    "financials",
    "goals",
    "strategy",
    "stakeholders",
    "opportunities",
    "white_space",
    "competition",
    "risks",
    "actions",
    "measures",
    "rhythm",
    "quality",
    "notes",
)
"""Reading order of a full plan: who the customer is and who we are for them
first, then what we want (goals, strategy), the people, the business
(pipeline, white space), what threatens it, what we do next, and how it is
followed up."""

SECTIONS_LIGHT = (
    "summary",
    "customer",
    "classification",
    "financials",
    "goals",
    "strategy",
    "stakeholders",
    "opportunities",
    "risks",
    "actions",
    "rhythm",
    "quality",
)
"""KAM light (DOMAIN §1): no team roster, white space, competitor/contract
detail, measures or notes; strategy shows the main strategy only."""

_INFLUENCE_ORDER = {Level.high: 0, Level.medium: 1, Level.low: 2, None: 3}


class _ActionRow(TypedDict):
    action: Action
    overdue: bool


class _NumberedRow(TypedDict):
    n: int
    facts: AccountFacts
    link: str


class RenderError(Exception):
    """A template could not be found or rendered, or an output could not be written."""

    def __init__(self, message: str, problem: TemplateProblem | None = None) -> None:
        super().__init__(message)
        # A template's problem is data; the CLI words it in the terminal's language.
        self.problem = problem


# ------------------------------------------------------------------ templates


def packaged_templates() -> Path:
    """The templates shipped with kamctl.

    Installed, they are the package data ``kamctl/templates``; in a source
    checkout (editable install) they are ``templates/`` at the top of the
    repository, where people look for them (see pyproject.toml).
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "plan.md.j2").is_file():
            return candidate
    raise RenderError(f"kamctl's own templates are missing (looked in {here / 'templates'})")


def template_dirs(config: Config | None, override: Path | None = None) -> list[Path]:
    """The search path, first match wins (see the module docstring)."""
    dirs: list[Path] = []
    if override is not None:
        dirs.append(override)
    if config is not None and config.render.templates:
        configured = config.root / config.render.templates
        if not configured.is_dir():
            raise RenderError(
                f"templates folder {configured} (from [render] templates in {config.source}) not found"
            )
        dirs.append(configured)
    if config is not None and config.source is not None:
        repo = config.root / "templates"
        if repo.is_dir():
            dirs.append(repo)
    dirs.append(packaged_templates())
    seen: list[Path] = []
    for d in dirs:
        if d.resolve() not in [s.resolve() for s in seen]:
            seen.append(d)
    return seen


def _loader(dirs: Sequence[Path]) -> BaseLoader:
    shipped = GuardedLoader(str(packaged_templates()))
    return ChoiceLoader(
        [*(GuardedLoader(str(d)) for d in dirs), PrefixLoader({"kamctl": shipped}, delimiter="/")]
    )


def _none_as_empty(value: Any) -> Any:
    return "" if value is None else value


def _md_finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):  # Markdown kamctl produced (macro output via |safe)
        return value
    return mdescape.inline(value)


def _common(env: SandboxedEnvironment, loc: Locale) -> None:
    env.globals["t"] = loc.t
    env.globals["lang"] = loc.lang
    env.filters.update(
        {
            "finding_title": lambda d: loc.finding_title(d.code),
            "sorted_findings": sorted_findings,
            "num": loc.number,
            "pct": loc.percent,
            "date": loc.date,
            "label": lambda value, kind: loc.enum(kind, value),
            "stance": loc.stance,
            "yesno": loc.yes_no,
        }
    )
    # Money is in the document's currency (an account may have its own), so
    # these filters read ``currency`` from the template context.
    locales: dict[str, Locale] = {}

    def local(ctx: Any) -> Locale:
        cur = ctx.get("currency") or loc.currency
        return locales.setdefault(cur, Locale(loc.lang, cur))

    env.filters["money"] = pass_context(lambda ctx, value, *a: local(ctx).money(value, *a))
    env.filters["money_short"] = pass_context(lambda ctx, value, *a: local(ctx).money_short(value, *a))
    for name, build in _row_filters().items():
        env.filters[name] = pass_context(lambda ctx, rows, _build=build: _build(local(ctx), rows))

    # Inside a plan, "<id>: " before a finding repeats the plan's subject; in
    # the report it says which account the finding is about.
    def message(ctx: Any, d: Any) -> str:
        return prose(loc, finding_message(d) if ctx.get("kind") == "plan" else d.message)

    env.filters["finding_message"] = pass_context(message)
    env.filters["prose"] = lambda text: prose(loc, text or "")
    env.filters["missing_scores"] = lambda keys: ", ".join(missing_label(loc, k) for k in keys)
    env.filters["finding_rows"] = pass_context(
        lambda ctx, diags: [
            [loc.enum("severity", d.severity), d.code, loc.finding_title(d.code), message(ctx, d)]
            for d in sorted_findings(diags)
        ]
    )


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_CRITERION = re.compile(r"([«'])([a-z][a-z0-9_]*)([»'])")
_AXIS = re.compile(r"\b(?:customer_attractiveness|our_strength)\b")
_UNSCORED = re.compile(r"((?:not scored: |mangler poeng for ))([a-z][a-z0-9_]*(?:, [a-z][a-z0-9_]*)*)")
_FIELD_PATH = re.compile(r"\s*\((?:[a-z_]+(?:\[\d+\])?)(?:\.[a-z_]+(?:\[\d+\])?)+\)")


def prose(loc: Locale, text: str) -> str:
    """A finding's message as a reader of the plan should see it.

    The analyses write for the terminal and CI: ISO dates and the field in
    brackets (``hadde frist 2026-03-31``, ``(joint_planning.agreed)``). In a
    document the date is written out (``31. mars 2026``) and the field path,
    which means nothing on paper, is left out.
    """

    def date(m: re.Match[str]) -> str:
        try:
            return loc.date(_dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            return m.group(0)

    def criterion(m: re.Match[str]) -> str:
        key = m.group(2)
        if loc.known_criterion(key):
            return f"{m.group(1)}{loc.criterion(key)}{m.group(3)}"
        if key in SECTIONS_FULL:  # «white_space»: the section's title, as printed above
            return f"{m.group(1)}{loc.t(f'sec.{key}')}{m.group(3)}"
        return m.group(0)

    axes = {"customer_attractiveness": loc.t("attractiveness"), "our_strength": loc.t("strength")}

    def unscored(m: re.Match[str]) -> str:
        return m.group(1) + ", ".join(loc.criterion(k) for k in m.group(2).split(", "))

    text = _CRITERION.sub(criterion, _FIELD_PATH.sub("", text))
    text = _UNSCORED.sub(unscored, text)
    text = _AXIS.sub(lambda m: axes[m.group(0)], text)
    return _ISO_DATE.sub(date, text)


def missing_label(loc: Locale, key: str) -> str:
    """``customer_attractiveness.innovation`` → ``Kundens attraktivitet: Innovasjon``."""
    axis, _, criterion = key.rpartition(".")
    names = {"customer_attractiveness": loc.t("attractiveness"), "our_strength": loc.t("strength")}
    label = loc.criterion(criterion)
    return f"{names[axis]}: {label}" if axis in names else label


def _smart(loc: Locale, value: float | None) -> str:
    """A weight or score as written: ``4``, ``7,5``, ``1,25``."""
    if value is None:
        return ""
    for decimals in (0, 1, 2):
        if abs(round(value, decimals) - value) < 1e-9:
            return loc.number(value, decimals)
    return loc.number(value, 2)


def sorted_findings(diags: Sequence[Any]) -> list[Any]:
    """Errors first, then warnings, then info; by code within each."""
    return sorted(diags, key=lambda d: (-d.severity.rank, d.code, d.message))


def finding_message(d: Any) -> str:
    """The message without its leading ``<account id>: `` (the plan is about that account)."""
    prefix = f"{d.account}: " if d.account else ""
    return d.message[len(prefix) :] if prefix and d.message.startswith(prefix) else d.message


def _target(loc: Locale, goal: Any) -> str:
    if goal.target is None:
        return ""
    unit = (goal.unit or "").strip()
    if unit == "%":
        return loc.percent(goal.target, 0 if goal.target == int(goal.target) else 1)
    if unit.isalpha() and unit.isupper() and len(unit) == 3:  # an ISO 4217 currency
        return loc.money(goal.target, unit)
    number = _smart(loc, goal.target)
    return f"{number} {unit}" if unit else number


def _row_filters() -> dict[str, Callable[[Locale, Any], list[list[str]]]]:
    """Table rows as lists of display text, shared by the Markdown and HTML templates."""
    return {
        "abc_table_rows": lambda loc, rows: [
            [
                str(r.rank),
                r.name,
                loc.money(r.value),
                loc.percent(r.share, 2),
                loc.percent(r.cumulative, 2),
                r.cls,
            ]
            for r in rows
        ],
        "team_rows": lambda loc, team: [[m.name, m.role, m.responsibility, m.email] for m in team],
        "criteria_rows": lambda loc, rows: [
            [loc.criterion(r["criterion"]), _smart(loc, r["weight"]), _smart(loc, r["score"])] for r in rows
        ],
        "selection_rows": lambda loc, rows: [[r.criterion, loc.yes_no(r.met), r.note] for r in rows],
        "financial_rows": lambda loc, rows: [
            [
                f"{f.year} ({loc.t('budget')})" if f.budget else str(f.year),
                loc.money(f.revenue),
                loc.money(f.gross_margin),
                loc.money(f.contribution_margin),
                loc.money(f.category_spend),
                loc.percent(100.0 * f.revenue / f.category_spend)
                if f.revenue is not None and f.category_spend
                else "",
            ]
            for f in rows
        ],
        "goal_rows": lambda loc, goals: [[g.goal, g.metric, _target(loc, g), loc.date(g.due)] for g in goals],
        "stakeholder_rows": lambda loc, people: [
            [
                s.name,
                s.title,
                loc.enum("role", s.role),
                loc.enum("orglevel", s.level),
                loc.enum("level", s.influence),
                loc.stance(s.stance),
                loc.enum("strength", s.relationship),
                loc.enum("style", s.style),
                s.owner,
                loc.date(s.last_contact),
            ]
            for s in people
        ],
        "trust_rows": lambda loc, people: [
            [
                s.name,
                str(s.trust.credibility),
                str(s.trust.reliability),
                str(s.trust.intimacy),
                str(s.trust.self_orientation),
                loc.number(s.trust.score, 2),
            ]
            for s in people
        ],
        "opportunity_rows": lambda loc, rows: [
            [
                r["opp"].name,
                r["opp"].offering,
                loc.money(r["opp"].value),
                loc.percent(r["opp"].probability, 0),
                loc.money(r["weighted"]) if r["opp"].status.value == "open" else "",
                loc.enum("oppstatus", r["opp"].status),
                loc.enum("pipeline", r["opp"].stage),
                r["opp"].owner,
                loc.date(r["opp"].expected_close),
            ]
            for r in rows
        ],
        "white_space_rows": lambda loc, rows: [
            [r["offering"], *(loc.enum("ws", c) if c is not None else loc.t("untapped") for c in r["cells"])]
            for r in rows
        ],
        "competitor_rows": lambda loc, rows: [
            [c.name, loc.enum("level", c.strength), loc.percent(c.share, 0), c.note] for c in rows
        ],
        "risk_rows": lambda loc, rows: [
            [
                r.description,
                loc.enum("riskcat", r.category),
                loc.enum("level", r.likelihood),
                loc.enum("level", r.impact),
                r.mitigation,
                r.owner,
            ]
            for r in rows
        ],
    }


def environments(dirs: Sequence[Path], loc: Locale) -> dict[str, SandboxedEnvironment]:
    loader = _loader(dirs)
    options: dict[str, Any] = {
        "loader": loader,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "undefined": StrictUndefined,
        # {{ _("…") }} and {% trans %} in templates: the same catalogues as
        # the terminal (docs/i18n.md; babel.cfg extracts them).
        "extensions": ["jinja2.ext.i18n"],
    }
    # Autoescape every template the HTML environment loads, whatever its name.
    html = GuardedEnvironment(autoescape=True, finalize=_none_as_empty, **options)
    md = GuardedEnvironment(autoescape=False, finalize=_md_finalize, **options)
    md.filters["mdblock"] = lambda text: Markup(mdescape.block(text))
    md.filters["cell"] = _md_cell
    # Explicit escaping for template authors; the same as what finalize does.
    md.filters["md"] = lambda value: Markup(mdescape.inline(value))
    html.filters["paragraphs"] = _html_paragraphs
    html.filters["css_string"] = css_string
    for env in (html, md):
        _common(env, loc)
        env.install_gettext_translations(translator(loc.lang), newstyle=True)  # type: ignore[attr-defined]
    # Formatted values (dates, money, labels) are kamctl's own text with at most
    # a currency code from the file in it: escape them, but without the
    # line-start rules, so a table cell reads "24. november", not "24\. november".
    for name in ("money", "money_short", "num", "pct", "date", "label", "stance", "yesno"):
        md.filters[name] = _md_formatted(md.filters[name])
    return {"html": html, "md": md}


def css_string(value: Any) -> Markup:
    """Text for inside a double-quoted CSS string (the print header).

    Everything but ASCII letters and digits becomes a six-digit ``\\XXXXXX``
    escape: the result cannot end the string, the rule or the ``<style>``
    element. Spaces are escaped too, because CSS swallows one whitespace
    after any hex escape ("SA · KAM" would print as "SA ·KAM").
    """
    out = []
    for ch in "" if value is None else str(value):
        out.append(ch if ch.isascii() and ch.isalnum() else f"\\{ord(ch):06x}")
    return Markup("".join(out))


def _md_cell(value: Any) -> Markup:
    if isinstance(value, Markup):
        return value
    return Markup(mdescape.inline("" if value is None else value, line_start=False))


def _md_formatted(fn: Any) -> Any:
    if getattr(fn, "jinja_pass_arg", None) is not None:

        @pass_context
        def with_context(ctx: Any, *args: Any, **kwargs: Any) -> Markup:
            return Markup(mdescape.inline(fn(ctx, *args, **kwargs), line_start=False))

        return with_context

    def wrapped(*args: Any, **kwargs: Any) -> Markup:
        return Markup(mdescape.inline(fn(*args, **kwargs), line_start=False))

    return wrapped


def _html_paragraphs(text: Any) -> Markup:
    """Plain text with blank-line paragraphs and line breaks, escaped, as HTML."""
    if text is None:
        return Markup("")
    paras = [p.strip() for p in str(text).replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(Markup("<br>").join(p.split("\n"))) for p in paras)


# ----------------------------------------------------------------- view model


@dataclass(frozen=True)
class Options:
    fmt: str
    lang: str
    as_of: _dt.date
    currency: str = "NOK"
    audience: Audience = "internal"
    since: SinceView | None = None
    """The report's "what changed" section (``kamctl report --since``), already in the language."""


SECTION_SOURCES = {
    "classification": ("Account.kaism", "Account.classification", "Account.selection_criteria"),
    "risks": ("Account.risks", "AccountFacts.risks", "AccountFacts.stage"),
    "quality": ("AccountFacts.lint",),
    "notes": ("Account.notes",),
    "white_space": ("Account.white_space",),
}
"""What a section shows. A section whose sources are all hidden from the
audience is left out (which fields are hidden is declared in the models)."""


def _columns(audience: Audience) -> Callable[..., dict[str, Any]]:
    """For templates: a table without the columns whose field is hidden from ``audience``.

    ``paths`` names each column's field (``"Financials.gross_margin"``) or None.
    """

    def columns(
        headers: list[Any], rows: list[list[Any]], align: str, paths: list[str | None]
    ) -> dict[str, Any]:
        keep = [p is None or not audience_hidden(audience, p) for p in paths]
        align = align.ljust(len(headers), "l")
        return {
            "headers": [h for h, k in zip(headers, keep, strict=True) if k],
            "rows": [[c for c, k in zip(r, keep, strict=True) if k] for r in rows],
            "align": "".join(a for a, k in zip(align, keep, strict=False) if k),
        }

    return columns


def _sorted_stakeholders(account: Account) -> list[Any]:
    return sorted(
        account.stakeholders,
        key=lambda s: (
            _INFLUENCE_ORDER[s.influence],
            -(s.stance if s.stance is not None else -4),
            s.name.casefold(),
        ),
    )


def _white_space(account: Account) -> dict[str, Any] | None:
    ws = account.white_space
    if ws is None or not (ws.units or ws.offerings):
        return None
    units = list(ws.units)
    for cells in ws.offerings.values():
        for unit in cells:
            if unit not in units:
                units.append(unit)
    rows = [
        {"offering": offering, "cells": [cells.get(u) for u in units]}
        for offering, cells in ws.offerings.items()
    ]
    return {"units": units, "rows": rows}


def _pipeline_bars(account: Account, loc: Locale) -> list[svg.StageBar]:
    from .account import OpportunityStatus

    totals: dict[PipelineStage | None, list[float]] = {}
    for o in account.opportunities:
        if o.status is not OpportunityStatus.open:
            continue
        row = totals.setdefault(o.stage, [0.0, 0.0])
        row[0] += o.value or 0.0
        row[1] += (o.value or 0.0) * (o.probability or 0.0) / 100.0
    order = [*PipelineStage, None]
    return [
        svg.StageBar(loc.t(f"pipeline.{s.value}") if s else loc.t("pipeline.none"), v[0], v[1])
        for s in order
        if (v := totals.get(s)) is not None
    ]


def _quadrant_names(loc: Locale) -> dict[str, str]:
    return {q: loc.t(f"quadrant.{q}") for q in ("key_development", "key", "maintenance", "opportunistic")}


def _kaism_weights(config: Config, account: Account) -> dict[str, list[dict[str, Any]]]:
    """Criterion, weight and score per axis, in the config's order."""
    scores = account.kaism
    out: dict[str, list[dict[str, Any]]] = {}
    for axis in ("customer_attractiveness", "our_strength"):
        weights: dict[str, float] = getattr(config.kaism, axis)
        given: dict[str, float] = getattr(scores, axis) if scores else {}
        rows = [{"criterion": c, "weight": w, "score": given.get(c)} for c, w in weights.items()]
        rows += [{"criterion": c, "weight": None, "score": s} for c, s in given.items() if c not in weights]
        out[axis] = rows
    return out


def empty_sections(
    facts: AccountFacts,
    financials: Sequence[Any],
    goals: Sequence[dict[str, Any]],
    strategy: Sequence[dict[str, Any]],
    light: bool,
) -> list[str]:
    """The plan's sections with nothing written in them (by what each shows).

    Summary, risks (the computed signals) and plan quality always have
    something to say.
    """
    a = facts.account
    c = a.customer
    ms = a.measures
    checks = {
        "customer": c is None and not (a.org_number or a.country or a.customer_since or a.parent),
        "team": not a.team,
        "classification": a.kaism is None and not a.selection_criteria and facts.abc is None,
        "financials": not financials,
        "goals": not any(g["goals"] for g in goals),
        "strategy": not strategy,
        "stakeholders": not a.stakeholders and not (c and c.decision_process),
        "opportunities": not a.opportunities,
        "white_space": a.white_space is None or not (a.white_space.units or a.white_space.offerings),
        "competition": not a.competitors and a.contract is None,
        "actions": not a.actions and not a.resources,  # resources are shown under the actions
        "measures": (ms is None or all(v is None for v in ms.model_dump().values()))
        and facts.share_of_wallet is None
        and facts.actions_done is None,
        "rhythm": a.rhythm is None and a.joint_planning is None and a.review is None,
        "notes": not a.notes,
    }
    return [s for s, is_empty in checks.items() if is_empty]


def _link(stem: str, fmt: str) -> str:
    """A link to a sibling document; none in a PDF, where Chromium would make it an
    absolute ``file://`` URL of the folder it printed in."""
    return "" if fmt == "pdf" else f"{stem}.{EXTENSIONS[fmt]}"


def _resource_rows(acc: Account, loc: Locale, opts: Options) -> list[list[str]]:
    """The plan's internal resources (seed 001 step 5): needed against committed, with the gap.

    Internal (``Account.resources``): the customer's copy has none."""
    from .resources import amount_text

    if audience_hidden(opts.audience, "Account.resources"):
        return []
    currency = acc.currency or opts.currency
    rows = []
    for r in acc.resources:
        gap = r.needed - (r.committed or 0.0)
        rows.append(
            [
                r.function,
                "" if r.year is None else str(r.year),
                amount_text(r.needed, r.unit, currency, loc.lang),
                "" if r.committed is None else amount_text(r.committed, r.unit, currency, loc.lang),
                amount_text(gap, r.unit, currency, loc.lang) if gap > 0 else "",
                r.committed_by or "",
                r.note or "",
            ]
        )
    return rows


def _change_text(loc: Locale, c: Any, money: bool) -> str:
    """A year-on-year change as prose: ``+1 450 000 kr (+4,87 %)``, ``+1,10 prosentpoeng``."""
    if c.absolute is None:
        return ""
    text = loc.money(c.absolute) if money else loc.t("points").format(n=loc.number(c.absolute, 2))
    sign = "+" if c.absolute > 0 else ""
    pct = (
        f" ({'+' if (c.percent or 0) > 0 else ''}{loc.percent(c.percent, 2)})"
        if money and c.percent is not None
        else ""
    )
    return f"{sign}{text}{pct}"


def _portfolio_measures(portfolio: PortfolioFacts, opts: Options, loc: Locale) -> list[tuple[str, str]]:
    """Seed 004's measures for the whole portfolio (:func:`kamctl.measures.measures`, the
    same figures as ``kamctl measures --table portfolio``): like-for-like changes against
    the year before and the share of due actions done."""
    from .measures import measures

    pm = measures([f.account for f in portfolio.accounts], opts.currency, portfolio.fiscal_year, opts.as_of)
    due, done = pm.actions_due, pm.actions_done
    rows = [
        (loc.t("revenue_change"), _change_text(loc, pm.revenue, True)),
        (loc.t("margin_change"), _change_text(loc, pm.gross_margin, True)),
        (loc.t("sow_change"), _change_text(loc, pm.share_of_wallet, False)),
        (loc.t("actions_done_due"), loc.t("of_n").format(k=done, n=due) if due else ""),
        (loc.t("actions_on_time"), loc.t("of_n").format(k=pm.actions_on_time, n=due) if due else ""),
    ]
    return [(k, v) for k, v in rows if v]


def plan_context(facts: AccountFacts, config: Config, opts: Options) -> dict[str, Any]:
    if opts.audience == "customer":
        facts = customer_facts(facts)
    acc = facts.account
    loc = Locale(opts.lang, acc.currency or opts.currency)
    light = acc.profile.value == "light"
    goals = []
    if acc.goals is not None:
        for horizon in ("strategic", "tactical", "operational"):
            goals.append({"horizon": horizon, "goals": getattr(acc.goals, horizon)})
    strategy = []
    if acc.strategy is not None:
        parts = (
            ("main",)
            if light
            else ("main", "product", "price", "distribution", "communication", "service", "relationship")
        )
        strategy = [{"part": p, "text": getattr(acc.strategy, p)} for p in parts if getattr(acc.strategy, p)]
    overdue_ids = {id(a) for a in facts.overdue}
    actions: list[_ActionRow] = [{"action": a, "overdue": id(a) in overdue_ids} for a in acc.actions]
    actions.sort(key=lambda r: (r["action"].due is None, r["action"].due or _dt.date.max))
    opportunities = [
        {"opp": o, "weighted": (o.value or 0.0) * (o.probability or 0.0) / 100.0} for o in acc.opportunities
    ]
    financials = sorted(acc.financials, key=lambda f: f.year)
    trust = [s for s in _sorted_stakeholders(acc) if s.trust is not None]
    kaism = facts.kaism
    charts: dict[str, Markup | None] = {
        "kaism": None,
        "financials": None,
        "pipeline": None,
        "power_map": None,
    }
    if opts.fmt in ("html", "pdf"):
        if kaism is not None and kaism.attractiveness is not None and kaism.strength is not None:
            charts["kaism"] = svg.kaism_matrix(
                [svg.KaismPoint(acc.name, kaism.attractiveness, kaism.strength)],
                loc,
                threshold=config.kaism.threshold,
                quadrant_names=_quadrant_names(loc),
            )
        if any(f.revenue is not None for f in financials):
            charts["financials"] = svg.revenue_by_year(
                [svg.YearFigures(f.year, f.revenue, f.gross_margin, bool(f.budget)) for f in financials], loc
            )
        # The chart's second bar is the weighted value: a customer's copy has no probabilities.
        bars = (
            []
            if audience_hidden(opts.audience, "AccountFacts.weighted_pipeline")
            else _pipeline_bars(acc, loc)
        )
        if bars:
            charts["pipeline"] = svg.pipeline_by_stage(bars, loc)
        # The power map is a map of stances and influence: ours alone.
        if not audience_hidden(opts.audience, "Stakeholder.stance"):
            charts["power_map"] = power_map_svg(acc.stakeholders, loc)
    visible = tuple(
        s
        for s in (SECTIONS_LIGHT if light else SECTIONS_FULL)
        if not all(audience_hidden(opts.audience, p) for p in SECTION_SOURCES.get(s, ("Account.name",)))
    )
    # Empty sections are not printed one heading each ("Notater: Ikke utfylt"
    # took a page of its own); they are named in one short list at the end.
    empty = set(empty_sections(facts, financials, goals, strategy, light))
    sections = tuple(s for s in visible if s not in empty)
    not_filled = [loc.t(f"sec.{s}") for s in visible if s in empty]
    if "goals" in sections:  # a horizon without goals, in a plan that has some
        not_filled += [loc.t(f"horizon.{g['horizon']}") for g in goals if not g["goals"]]
    if "risks" in sections and not acc.risks:
        not_filled.append(loc.t("written_risks"))
    from .measures import account_measures

    am = account_measures(acc, facts.fiscal_year, opts.as_of, None)

    def change(c: Any, money: bool) -> str:
        return _change_text(loc, c, money)

    measure_rows = [
        (loc.t("revenue_change"), change(am.revenue, True)),
        (
            loc.t("margin_change"),
            ""
            if audience_hidden(opts.audience, "Financials.gross_margin")
            else change(am.gross_margin, True),
        ),
        (loc.t("sow_change"), change(am.share_of_wallet, False)),
        (
            loc.t("actions_on_time"),
            loc.t("of_n").format(k=am.actions_on_time, n=am.actions_due) if am.actions_due else "",
        ),
    ]
    from .winloss import reason_label

    closed = [o for o in acc.opportunities if o.status.value in ("won", "lost")]
    win_loss_rows = [
        [
            o.name,
            loc.enum("oppstatus", o.status),
            loc.date(o.closed or o.expected_close),
            reason_label(o.win_loss.reason, loc.lang) if o.win_loss and o.win_loss.reason else "",
            (o.win_loss.reason_note or "") if o.win_loss else "",
            (o.win_loss.competitor or "") if o.win_loss else "",
            (o.win_loss.lessons or "") if o.win_loss else "",
            loc.yes_no(o.win_loss.with_customer) if o.win_loss else "",
            loc.date(o.win_loss.date) if o.win_loss else "",
        ]
        for o in closed
        if not audience_hidden(opts.audience, "Opportunity.win_loss")  # our reasons and lessons
    ]
    return {
        "measure_rows": [(k, v) for k, v in measure_rows if v],
        "win_loss_rows": win_loss_rows,
        "resource_rows": _resource_rows(acc, loc, opts),
        # Seed 003: each person's stance "also towards competitors" (internal).
        "competitor_rows": []
        if audience_hidden(opts.audience, "Stakeholder.competitor_stance")
        else [
            [s.name, competitor, loc.stance(stance)]
            for s in _sorted_stakeholders(acc)
            for competitor, stance in s.competitor_stance.items()
        ],
        "audience": opts.audience,
        "hidden": lambda path: audience_hidden(opts.audience, path),
        "columns": _columns(opts.audience),
        "kind": "plan",
        "fmt": opts.fmt,
        "as_of": opts.as_of,
        "account": acc,
        "facts": facts,
        "light": light,
        "sections": sections,
        "not_filled": not_filled,
        "threshold": config.kaism.threshold,
        "kaism_criteria": _kaism_weights(config, acc),
        "stakeholders": _sorted_stakeholders(acc),
        "trust": trust,
        "goals": goals,
        "strategy": strategy,
        "white_space": _white_space(acc),
        "actions": actions,
        "opportunities": opportunities,
        "financials": financials,
        "charts": charts,
        "currency": acc.currency or opts.currency,
        "findings_text": ", ".join(loc.counted(facts.count(s), s) for s in ("error", "warning", "info")),
        "report_link": _link(REPORT_STEM, opts.fmt),
        "header_left": f"{acc.name} · {loc.t('kam')} {acc.kam}" if acc.kam else acc.name,
        "header_right": f"{loc.t('plan_title')} · {loc.date(opts.as_of)}",
    }


def report_context(portfolio: PortfolioFacts, config: Config, opts: Options) -> dict[str, Any]:
    loc = Locale(opts.lang, opts.currency)
    rows = sorted(
        portfolio.accounts,
        key=lambda f: (
            f.kaism.priority if f.kaism is not None and f.kaism.priority is not None else 9,
            -(f.revenue or 0.0),
            f.account.id,
        ),
    )
    numbered: list[_NumberedRow] = [
        {"n": i, "facts": f, "link": _link(f.account.id, opts.fmt)} for i, f in enumerate(rows, 1)
    ]
    charts: dict[str, Markup | None] = {"kaism": None, "pareto": None}
    if opts.fmt in ("html", "pdf"):
        points = [
            svg.KaismPoint(
                r["facts"].account.name, k.attractiveness, k.strength, str(r["n"]), r["facts"].revenue or 0.0
            )
            for r in numbered
            if (k := r["facts"].kaism) is not None and k.attractiveness is not None and k.strength is not None
        ]
        if points:
            charts["kaism"] = svg.kaism_matrix(
                points,
                loc,
                threshold=config.kaism.threshold,
                quadrant_names=_quadrant_names(loc),
                width=REPORT_MATRIX_WIDTH,
            )
        if portfolio.abc_rows:
            charts["pareto"] = svg.pareto(
                [svg.ParetoBar(r.name, r.share, r.cumulative, r.cls) for r in portfolio.abc_rows],
                loc,
                cut_a=config.abc.a,
                cut_b=config.abc.b,
            )
    # Every account a finding code is about, by name (the first version named one of N).
    codes: dict[str, set[str]] = {}
    name_of = {f.account.id: f.account.name for f in portfolio.accounts}
    for f in portfolio.accounts:
        for d in [*f.risks, *f.stage]:
            codes.setdefault(d.code, set()).add(f.account.id)
    risk_codes_rows = [
        [code, loc.finding_title(code), str(len(ids)), ", ".join(sorted(name_of[i] for i in ids))]
        for code, ids in sorted(codes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    unclassified = [r for r in numbered if r["facts"].kaism is None or r["facts"].kaism.quadrant is None]
    quadrant_rows = []
    for q in ("key_development", "key", "maintenance", "opportunistic"):
        members = [r for r in numbered if r["facts"].kaism is not None and r["facts"].kaism.quadrant == q]
        tier = next((r["facts"].kaism.tier for r in members if r["facts"].kaism.tier), "")
        tier = tier or (config.kaism.tiers.get(q, "") if config is not None else "")
        priority = {"key_development": 1, "key": 2, "maintenance": 3, "opportunistic": 4}[q]
        names = ", ".join(f"{r['n']} {r['facts'].account.name}" for r in members)
        quadrant_rows.append([loc.t(f"quadrant.{q}"), tier, str(priority), names or loc.t("none")])
    if unclassified:
        names = ", ".join(f"{r['n']} {r['facts'].account.name}" for r in unclassified)
        quadrant_rows.append([loc.t("unclassified"), "", "", names])
    concentration_facts, major_rows, what_if_rows = _concentration(portfolio.risk, loc)
    accounts = [f.account for f in portfolio.accounts]
    return {
        **_health(portfolio.accounts, loc),
        "portfolio_measures": _portfolio_measures(portfolio, opts, loc),
        **_planning(accounts, opts.as_of, loc),
        "kind": "report",
        "fmt": opts.fmt,
        "as_of": opts.as_of,
        "portfolio": portfolio,
        "rows": numbered,
        "unclassified": unclassified,
        "risk": portfolio.risk,
        "abc_rows": portfolio.abc_rows,
        "risk_codes": sorted(codes),
        "risk_codes_rows": risk_codes_rows,
        "quadrant_rows": quadrant_rows,
        "concentration_facts": concentration_facts,
        "major_rows": major_rows,
        "what_if_rows": what_if_rows,
        "charts": charts,
        "currency": opts.currency,
        "header_left": loc.t("report_title"),
        "header_right": loc.date(opts.as_of),
        "since": opts.since,
    }


_BAND_RANK = {"green": 0, "amber": 1, "red": 2}


def _health(accounts: Sequence[AccountFacts], loc: Locale) -> dict[str, Any]:
    """Plan health rows (as ``kamctl status``) for every plan that is not green, red first."""
    rows = []
    red = stale = incomplete = 0
    for f in accounts:
        h = f.health
        if h is None:
            continue
        worst = max(h.bands.values(), key=lambda b: _BAND_RANK[b], default="green")
        red += worst == "red"
        stale += h.bands.get("review") == "red"
        incomplete += h.bands.get("completeness") != "green"
        if worst == "green":
            continue
        judged = len(h.passed) + len(h.failed)

        def days(n: int | None) -> str:
            return loc.t("never") if n is None else loc.number(n)

        cells = [
            f.account.name,
            f.account.kam or "",
            f"{loc.percent(h.completeness, 0)}{NBSP}({len(h.passed)}/{judged})"
            if h.completeness is not None
            else "",
            days(h.review_days),
            days(h.contact_days),
            f"{h.coverage}/3" if h.coverage is not None else "",
            f"{h.errors}/{h.warnings}/{h.info}",
            loc.t(f"band.{worst}"),
        ]
        bands = [None, None, h.bands.get("completeness"), h.bands.get("review"), h.bands.get("contact"),
                 h.bands.get("coverage"), h.bands.get("findings"), worst]  # fmt: skip
        rows.append((-_BAND_RANK[worst], f.account.name.casefold(), cells, bands))
    rows.sort(key=lambda r: (r[0], r[1]))
    return {
        "health_rows": [r[2] for r in rows],
        "health_bands": [r[3] for r in rows],
        "health_counts": [
            (loc.t("health.red"), red),
            (loc.t("health.stale"), stale),
            (loc.t("health.incomplete"), incomplete),
        ],
    }


def _planning(accounts: Sequence[Account], as_of: _dt.date, loc: Locale) -> dict[str, Any]:
    """The weighted pipeline by quarter, contract renewals and upcoming QBRs, as display rows."""
    from .planning import pipeline_by_quarter, renewals, upcoming_qbrs

    quarters = pipeline_by_quarter(accounts, as_of)
    pipeline_rows = []
    for q in quarters:
        if q.kind == "quarter":
            label = loc.t("quarter").format(q=q.quarter, year=q.year)
        else:
            label = loc.t("close_passed" if q.kind == "overdue" else "close_undated")
        pipeline_rows.append([label, loc.number(q.count), loc.money(q.value), loc.money(q.weighted)])
    if quarters:
        pipeline_rows.append(
            [
                loc.t("sum_total"),
                loc.number(sum(q.count for q in quarters)),
                loc.money(sum(q.value for q in quarters)),
                loc.money(sum(q.weighted for q in quarters)),
            ]
        )
    renewal_rows = []
    for r in renewals(accounts, as_of):
        if r.notice_deadline is None:
            note = ""
        elif r.deadline_passed(as_of):
            note = loc.t("deadline_passed")
        else:
            note = loc.t("in_days").format(n=loc.number((r.notice_deadline - as_of).days))
        renewal_rows.append(
            [
                r.account.name,
                r.account.kam or "",
                loc.date(r.end),
                "" if r.notice_months is None else loc.number(r.notice_months),
                loc.date(r.notice_deadline),
                note,
                loc.yes_no(r.auto_renew),
            ]
        )
    qbrs, no_qbr = upcoming_qbrs(accounts, as_of)
    qbr_rows = [
        [
            q.account.name,
            q.account.kam or "",
            loc.date(q.day),
            loc.t("qbr.planned_short" if q.planned else "qbr.derived_short"),
            loc.t("overdue")
            if q.overdue(as_of)
            else loc.t("in_days").format(n=loc.number((q.day - as_of).days)),
        ]
        for q in qbrs
    ]
    return {
        "win_loss_sum_rows": _win_loss_sum(accounts, loc),
        "pipeline_rows": pipeline_rows,
        "renewal_rows": renewal_rows,
        "qbr_rows": qbr_rows,
        "qbr_overdue": [q.overdue(as_of) for q in qbrs],
        "no_qbr": ", ".join(a.name for a in no_qbr),
    }


def _win_loss_sum(accounts: Sequence[Account], loc: Locale) -> list[list[str]]:
    """The portfolio's won and lost deals per reason (:mod:`kamctl.winloss`), lost first."""
    from .winloss import reason_label, win_loss_summary

    summary = win_loss_summary(accounts, loc.currency)
    return [
        [
            loc.enum("oppstatus", r.outcome),
            reason_label(r.reason, loc.lang) if r.reason is not None else loc.t("wl.not_reviewed"),
            loc.number(r.deals),
            loc.money(r.value),
            ", ".join(r.accounts),
            ", ".join(r.competitors),
        ]
        for r in summary.rows
    ]


WHAT_IF_ROWS = 5
"""The what-if table shows the largest accounts only; below them the answer is small."""


def _concentration(risk: Any, loc: Locale) -> tuple[list[Any], list[Any], list[Any]]:
    """Display rows from :class:`kamctl.risk.PortfolioRisk`: facts, major entities, what-if."""

    def hhi(value: float, band: str) -> str:
        return f"{loc.number(value, 0)} ({loc.t(f'hhi.{band}')})"

    largest = risk.largest
    facts = [
        (
            loc.t("largest_share"),
            f"{loc.percent(risk.largest_share, 2)} ({largest.name})" if largest else "",
        ),
        (loc.t("top5_share"), loc.percent(risk.top5_share, 2)),
        (loc.t("hhi"), hhi(risk.hhi, risk.hhi_band)),
        (loc.t("hhi_groups"), hhi(risk.group_hhi, risk.group_hhi_band)),
        (loc.t("effective_n"), loc.number(risk.group_effective_n, 1)),
    ]
    major = [
        [f"{g.name} ({', '.join(g.members)})" if len(g.members) > 1 else g.name, loc.percent(g.share, 2)]
        for g in risk.group_major
    ]

    def loss(amount: float | None, share: float | None) -> str:
        if amount is None:
            return ""
        text = loc.money(-amount)
        return f"{text} ({loc.percent(-share, 2)})" if share is not None else text

    what_if = [
        [
            w.name,
            loss(w.halves_revenue, w.halves_share),
            loss(w.leaves_revenue, w.leaves_share),
            loss(w.leaves_margin, w.leaves_margin_share),
        ]
        for w in risk.what_if[:WHAT_IF_ROWS]
    ]
    return facts, major, what_if


# -------------------------------------------------------------------- output


def render_template(
    envs: dict[str, SandboxedEnvironment], name: str, fmt: str, context: dict[str, Any]
) -> str:
    tfmt = TEMPLATE_FORMAT.get(fmt, fmt)
    env = envs[tfmt]
    template = f"{name}.{tfmt}.j2"
    try:
        with bounded_memory():
            return env.get_template(template).render(context)
    # Anything a template does wrong (repro 21: not UTF-8, recursion, memory,
    # 1/0, a filter given the wrong type) is the template's error, at its line;
    # see kamctl.template_guard. KeyboardInterrupt and SystemExit pass.
    except Exception as exc:
        problem = problem_from(exc, template)
        raise RenderError(problem.text("en"), problem) from None


def output_path(out_dir: Path, stem: str, fmt: str) -> Path:
    """``out_dir/<stem>.<ext>``, refusing any stem that is not a valid account id."""
    problem = id_problem(stem)
    if problem:
        raise RenderError(f"refusing output name {stem!r}: {problem}")
    path = out_dir / f"{stem}.{EXTENSIONS[fmt]}"
    if Path(os.path.realpath(path)).parent != Path(os.path.realpath(out_dir)):
        raise RenderError(f"refusing to write {path}: it would land outside {out_dir}")
    return path


def write_output(out_dir: Path, stem: str, fmt: str, text: str | bytes) -> Path:
    from .writeback import WriteRefused, atomic_write_bytes, atomic_write_text

    path = output_path(out_dir, stem, fmt)
    try:
        if isinstance(text, bytes):
            atomic_write_bytes(path, text)
        else:
            atomic_write_text(path, text)
    except (WriteRefused, OSError) as exc:
        raise RenderError(f"cannot write {path}: {exc}") from None
    return path


def _tidy_markdown(text: str) -> str:
    """One blank line between blocks, no trailing spaces, one final newline.

    Templates are easier to read with generous blank lines; Markdown gives runs
    of them no meaning, and escaped values never end in spaces (see mdescape),
    so this changes layout only.
    """
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def _document(path: str) -> Any:
    """The parsed file, for analyses that point at lines; None if it cannot be read again."""
    from .loader import read_file
    from .yamlsource import YamlProblem, decode, parse

    # Through the loader, which also reads a file of a git revision (--rev).
    raw, _ = read_file(path, 1 << 62)
    if raw is None:
        return None
    try:
        return parse(decode(raw))
    except (YamlProblem, UnicodeDecodeError):
        return None


def render_documents(
    kind: Literal["plan", "report"],
    loaded: Sequence[LoadedFile],
    config: Config,
    *,
    fmt: str,
    lang: str,
    as_of: _dt.date,
    out_dir: Path,
    templates: Path | None = None,
    context: Sequence[Account] = (),
    audience: Audience = "internal",
    since: SinceView | None = None,
) -> list[Path]:
    """Render plans (``kind="plan"``, one file per account) or the report into ``out_dir``.

    ``loaded`` are :class:`kamctl.loader.LoadedFile` objects that validated;
    ``context`` the rest of the portfolio (for ABC and shares).
    """
    from .facts import account_facts, portfolio_facts
    from .portfolio import analysis_year

    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}; use md, html or pdf")
    loc = Locale(lang, config.currency)
    envs = environments(template_dirs(config, templates), loc)
    opts = Options(fmt, lang, as_of, config.currency, audience, since)
    files = [(lf.path, lf.account, lf.diagnostics) for lf in loaded if lf.account is not None]
    everyone = {a.id: a for a in context}
    everyone.update({acc.id: acc for _, acc, _ in files})
    # One year for every figure in every document: the config's fiscal_year,
    # else the latest with actuals across the portfolio (as kamctl abc/risk).
    year = analysis_year(list(everyone.values()), config.fiscal_year)
    facts = [
        account_facts(
            acc, config, as_of, year=year, path=path, doc=_document(path), diagnostics=diags, lang=lang
        )
        for path, acc, diags in files
    ]
    portfolio = portfolio_facts(facts, config, year=year, context=context, lang=lang)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"cannot create {out_dir}: {exc}") from None

    if fmt == "pdf":
        return _write_pdfs(kind, facts, portfolio, config, opts, envs, out_dir)
    from .writeback import WriteRefused, commit_staged, discard_staged, stage_bytes

    # All or nothing: each document is rendered and staged in a hidden temporary
    # file beside its target, and only when every one is staged are they renamed
    # into place. A refused output (a folder or symlink where a plan goes) or a
    # template error on the 40th plan leaves the folder as it was, not 39 new
    # plans beside 60 old ones. One at a time: the texts never sit in memory together.
    staged: list[tuple[Path, Path]] = []

    def write(stem: str, text: str) -> Path:
        path = output_path(out_dir, stem, fmt)
        data = (_tidy_markdown(text) if fmt == "md" else text).encode("utf-8")
        try:
            staged.append((stage_bytes(path, data), path))
        except (WriteRefused, OSError) as exc:
            raise RenderError(f"cannot write {path}: {exc}; nothing written") from None
        return path

    try:
        if kind == "report":
            ctx = report_context(portfolio, config, opts)
            written = [write(REPORT_STEM, render_template(envs, "report", fmt, ctx))]
        else:
            written = [
                write(f.account.id, render_template(envs, "plan", fmt, plan_context(f, config, opts)))
                for f in facts
            ]
        try:
            commit_staged(staged)
        except OSError as exc:  # each rename is atomic; the ones before this stay done
            raise RenderError(f"cannot write {out_dir}: {exc}") from None
    except BaseException:
        discard_staged(staged)
        raise
    return written


def _write_pdfs(
    kind: Literal["plan", "report"],
    facts: Sequence[AccountFacts],
    portfolio: PortfolioFacts,
    config: Config,
    opts: Options,
    envs: dict[str, SandboxedEnvironment],
    out_dir: Path,
) -> list[Path]:
    """Plans (or the report) as PDF: the HTML printed by Chromium, with title, author and subject."""
    from .pdf import PdfError, PdfJob, print_documents, require_browser

    loc = Locale(opts.lang, opts.currency)
    try:
        require_browser()  # before any work: say how to install it
    except PdfError as exc:
        raise RenderError(str(exc)) from None
    kams = ", ".join(sorted({f.account.kam for f in facts if f.account.kam}))
    items: list[AccountFacts | None] = [None] if kind == "report" else list(facts)

    def job(f: AccountFacts | None) -> PdfJob:
        if f is None:
            html = render_template(envs, "report", "pdf", report_context(portfolio, config, opts))
            title = loc.t("report_title")
            return PdfJob(html, output_path(out_dir, REPORT_STEM, "pdf"), title, kams or None, title)
        html = render_template(envs, "plan", "pdf", plan_context(f, config, opts))
        title = f"{loc.t('plan_title')}: {f.account.name}"
        return PdfJob(
            html, output_path(out_dir, f.account.id, "pdf"), title, f.account.kam, loc.t("plan_title")
        )

    written: list[Path] = []
    for start in range(0, len(items), PDF_BATCH):
        batch = [job(f) for f in items[start : start + PDF_BATCH]]
        try:
            printed = print_documents(batch)
        except PdfError as exc:
            raise RenderError(str(exc)) from None
        for done, data in printed:
            written.append(write_output(out_dir, done.target.stem, "pdf", data))
    return written
