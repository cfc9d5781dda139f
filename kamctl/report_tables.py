"""The portfolio report's tables as a :class:`~kamctl.result.Result`, for
``kamctl report --format xlsx``.

The figures are the report's own (:mod:`kamctl.facts`), so the workbook and
the HTML report agree: the accounts in the report's order (priority, then
revenue), the ABC ranking, concentration by group, what-if, the findings per
code naming every account, and every finding on a sheet of its own.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .result import Column, Result, Table

if TYPE_CHECKING:
    from .account import Account
    from .config import Config
    from .facts import PortfolioFacts
    from .loader import LoadedFile

_H: dict[str, tuple[str, str]] = {
    "n": ("#", "#"),
    "id": ("id", "id"),
    "name": ("navn", "name"),
    "kam": ("KAM", "KAM"),
    "quadrant": ("kvadrant", "quadrant"),
    "tier": ("nivå", "tier"),
    "priority": ("prioritet", "priority"),
    "attractiveness": ("attraktivitet", "attractiveness"),
    "strength": ("styrke", "strength"),
    "abc": ("ABC", "ABC"),
    "revenue": ("omsetning", "revenue"),
    "gross_margin": ("bruttomargin", "gross margin"),
    "share": ("andel %", "share %"),
    "cumulative": ("kum. %", "cum. %"),
    "share_of_wallet": ("SoW %", "SoW %"),
    "weighted_pipeline": ("vektet pipeline", "weighted pipeline"),
    "stage": ("fase", "stage"),
    "next_qbr": ("neste QBR", "next QBR"),
    "errors": ("feil", "errors"),
    "warnings": ("advarsler", "warnings"),
    "info": ("info", "info"),
    "class": ("klasse", "class"),
    "members": ("medlemmer", "members"),
    "major": ("stor kunde", "major"),
    "halves_revenue": ("halveres: tapt omsetning", "halves: revenue lost"),
    "halves_share": ("halveres: % av total", "halves: % of total"),
    "leaves_revenue": ("faller bort: tapt omsetning", "leaves: revenue lost"),
    "leaves_share": ("faller bort: % av total", "leaves: % of total"),
    "leaves_margin": ("faller bort: tapt margin", "leaves: margin lost"),
    "leaves_margin_share": ("faller bort: % av margin", "leaves: % of margin"),
    "code": ("kode", "code"),
    "finding": ("funn", "finding"),
    "count": ("kunder", "accounts"),
    "accounts": ("kunder (id)", "accounts (ids)"),
}
_TITLES = {
    "accounts": ("Kunder", "Accounts"),
    "abc": ("ABC-analyse", "ABC analysis"),
    "concentration": (
        "Konsern (kunder med morselskap, samlet)",
        "Groups (accounts with a parent, rolled up)",
    ),
    "what_if": ("Hva om en kunde halverer volumet eller faller bort", "What if a customer halves or leaves"),
    "findings_by_code": ("Funn per kode", "Findings by code"),
}


def portfolio_for_report(
    loaded: Sequence[LoadedFile], config: Config, lang: str, as_of: _dt.date, context: Sequence[Account] = ()
) -> PortfolioFacts:
    """The facts the report is made of, as :func:`kamctl.render.render_documents` gathers them."""
    from .facts import account_facts, portfolio_facts
    from .portfolio import analysis_year
    from .render import _document

    files = [(lf.path, lf.account, lf.diagnostics) for lf in loaded if lf.account is not None]
    everyone = {a.id: a for a in context}
    everyone.update({acc.id: acc for _, acc, _ in files})
    year = analysis_year(list(everyone.values()), config.fiscal_year)
    facts = [
        account_facts(acc, config, as_of, year=year, path=path, doc=_document(path), diagnostics=d, lang=lang)
        for path, acc, d in files
    ]
    return portfolio_facts(facts, config, year=year, context=context, lang=lang)


def report_tables(portfolio: PortfolioFacts, config: Config, lang: str, as_of: _dt.date) -> Result:
    nb = lang == "nb"
    cur = config.currency

    def col(key: str, kind: str = "text", money: bool = False) -> Column:
        heading = _H[key][0 if nb else 1]
        return Column(key, f"{heading} ({cur})" if money else heading, kind)

    def title(key: str) -> str:
        return _TITLES[key][0 if nb else 1]

    ordered = sorted(
        portfolio.accounts,
        key=lambda f: (
            f.kaism.priority if f.kaism is not None and f.kaism.priority is not None else 9,
            -(f.revenue or 0.0),
            f.account.id,
        ),
    )
    accounts = Table(
        "accounts",
        title("accounts"),
        [
            col("n", "int"),
            col("id"),
            col("name"),
            col("kam"),
            col("quadrant"),
            col("tier"),
            col("priority", "int"),
            col("attractiveness", "score"),
            col("strength", "score"),
            col("abc"),
            col("revenue", "money", True),
            col("share", "percent"),
            col("share_of_wallet", "percent"),
            col("weighted_pipeline", "money", True),
            col("stage"),
            col("next_qbr", "date"),
            col("errors", "int"),
            col("warnings", "int"),
            col("info", "int"),
        ],
        [
            {
                "n": n,
                "id": f.account.id,
                "name": f.account.name,
                "kam": f.account.kam,
                "quadrant": f.kaism.quadrant,
                "tier": f.kaism.tier if f.kaism.quadrant else None,
                "priority": f.kaism.priority,
                "attractiveness": f.kaism.attractiveness,
                "strength": f.kaism.strength,
                "abc": f.abc.cls if f.abc else None,
                "revenue": f.revenue,
                "share": f.abc.share if f.abc else None,
                "share_of_wallet": f.share_of_wallet,
                "weighted_pipeline": f.weighted_pipeline,
                "stage": f.account.stage.value if f.account.stage else None,
                "next_qbr": _next_qbr(f.account),
                "errors": f.count("error"),
                "warnings": f.count("warning"),
                "info": f.count("info"),
            }
            for n, f in enumerate(ordered, 1)
        ],
    )
    abc = Table(
        "abc",
        title("abc"),
        [
            Column("rank", "#", "int"),
            col("id"),
            col("name"),
            col("revenue", "money", True),
            col("share", "percent"),
            col("cumulative", "percent"),
            col("class"),
        ],
        [
            {
                "rank": r.rank,
                "id": r.id,
                "name": r.name,
                "revenue": r.value,
                "share": r.share,
                "cumulative": r.cumulative,
                "class": r.cls,
            }
            for r in portfolio.abc_rows
        ],
    )
    risk = portfolio.risk
    major = {g.id for g in risk.group_major}
    concentration = Table(
        "concentration",
        title("concentration"),
        [
            col("id"),
            col("name"),
            col("members"),
            col("revenue", "money", True),
            col("gross_margin", "money", True),
            col("share", "percent"),
            col("major"),
        ],
        [
            {
                "id": g.id,
                "name": g.name,
                "members": list(g.members),
                "revenue": g.revenue,
                "gross_margin": g.gross_margin,
                "share": g.share,
                "major": g.id in major,
            }
            for g in sorted(risk.groups, key=lambda g: (-g.share, g.id))
        ],
    )
    what_if = Table(
        "what_if",
        title("what_if"),
        [
            col("id"),
            col("name"),
            col("revenue", "money", True),
            col("halves_revenue", "money"),
            col("halves_share", "percent"),
            col("leaves_revenue", "money"),
            col("leaves_share", "percent"),
            col("leaves_margin", "money"),
            col("leaves_margin_share", "percent"),
        ],
        [
            {
                "id": w.id,
                "name": w.name,
                "revenue": w.revenue,
                "halves_revenue": w.halves_revenue,
                "halves_share": w.halves_share,
                "leaves_revenue": w.leaves_revenue,
                "leaves_share": w.leaves_share,
                "leaves_margin": w.leaves_margin,
                "leaves_margin_share": w.leaves_margin_share,
            }
            for w in risk.what_if
        ],
    )
    from .i18n import Locale

    loc = Locale(lang, cur)
    codes: dict[str, set[str]] = {}
    findings = list(portfolio.findings)
    for f in portfolio.accounts:
        findings.extend(f.findings)
        for d in [*f.risks, *f.stage]:
            codes.setdefault(d.code, set()).add(f.account.id)
    by_code = Table(
        "findings_by_code",
        title("findings_by_code"),
        [col("code"), col("finding"), col("count", "int"), col("accounts")],
        [
            {"code": code, "finding": loc.finding_title(code), "count": len(ids), "accounts": sorted(ids)}
            for code, ids in sorted(codes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ],
    )
    meta: dict[str, Any] = {"as_of": as_of.isoformat(), "year": portfolio.fiscal_year, "currency": cur}
    return Result(
        "report",
        meta=meta,
        tables=[accounts, abc, concentration, what_if, by_code],
        diagnostics=findings,
        lang=lang,
        threshold=config.kaism.threshold,
    )


def _next_qbr(account: Account) -> str | None:
    rhythm = account.rhythm
    day = rhythm.next_qbr if rhythm is not None else None
    return day.isoformat() if day is not None else None


def write_report_workbook(
    loaded: Sequence[LoadedFile],
    config: Config,
    lang: str,
    as_of: _dt.date,
    out_dir: Path,
    context: Sequence[Account] = (),
) -> Path:
    """``out_dir/index.xlsx``, written atomically; :class:`~kamctl.tabular.OutputError` when it cannot be."""
    from .formatters import emit
    from .render import REPORT_STEM
    from .tabular import OutputError, OutputOptions

    portfolio = portfolio_for_report(loaded, config, lang, as_of, context)
    target = out_dir / f"{REPORT_STEM}.xlsx"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {out_dir}: {exc.strerror or exc}") from None
    emit(report_tables(portfolio, config, lang, as_of), "xlsx", options=OutputOptions(output=target))
    return target
