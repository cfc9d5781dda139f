"""Plan health (``kamctl status``) as a :class:`~kamctl.result.Result`, so that
it goes to CSV and xlsx through the same reporters as the analyses.

One row per account file; each band (green, amber, red) is its own column
beside the figure it judges, written as a word — a spreadsheet has no colour
blindness problem to solve, but a printout in black and white does.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .i18n import N_, Locale, tr
from .result import Column, Result, Table

if TYPE_CHECKING:
    from .lint.status import AccountStatus

_HEADINGS = {
    "account": ("kunde", "account"),
    "name": ("navn", "name"),
    "profile": ("profil", "profile"),
    "valid": ("gyldig", "valid"),
    "completeness": ("komplett %", "complete %"),
    "checks_passed": ("kontroller bestått", "checks passed"),
    "checks": ("kontroller", "checks"),
    "completeness_band": ("komplett (bånd)", "complete (band)"),
    "review_days": ("dager siden gjennomgang", "days since review"),
    "review_band": ("gjennomgått (bånd)", "reviewed (band)"),
    "contact_days": ("dager siden kontakt", "days since contact"),
    "contact_band": ("kontakt (bånd)", "contact (band)"),
    "coverage": ("dekning av 3", "coverage of 3"),
    "coverage_band": ("dekning (bånd)", "coverage (band)"),
    "errors": ("feil", "errors"),
    "warnings": ("advarsler", "warnings"),
    "info": ("info", "info"),
    "findings_band": ("funn (bånd)", "findings (band)"),
    "path": ("fil", "file"),
}
_KINDS = {
    "valid": "text",
    "completeness": "percent",
    "checks_passed": "int",
    "checks": "int",
    "review_days": "int",
    "contact_days": "int",
    "coverage": "int",
    "errors": "int",
    "warnings": "int",
    "info": "int",
}
BAND_WORDS = {
    "green": ("grønn", "green"),
    "amber": ("gul", "amber"),
    "red": ("rød", "red"),
}


def status_report(rows: Sequence[AccountStatus], as_of: _dt.date, lang: str, files: int) -> Result:
    nb = lang == "nb"

    def band(r: AccountStatus, key: str) -> str | None:
        value = r.bands.get(key)
        return None if value is None else BAND_WORDS[value][0 if nb else 1]

    columns = [
        Column(key, names[0] if nb else names[1], _KINDS.get(key, "text")) for key, names in _HEADINGS.items()
    ]
    table_rows = [
        {
            "account": r.account,
            "name": r.name,
            "profile": r.profile,
            "valid": r.valid,
            "completeness": r.completeness,
            "checks_passed": len(r.passed) if r.valid else None,
            "checks": len(r.passed) + len(r.failed) if r.valid else None,
            "completeness_band": band(r, "completeness"),
            "review_days": r.review_days,
            "review_band": band(r, "review"),
            "contact_days": r.contact_days,
            "contact_band": band(r, "contact"),
            "coverage": r.coverage,
            "coverage_band": band(r, "coverage"),
            "errors": r.errors,
            "warnings": r.warnings,
            "info": r.info,
            "findings_band": band(r, "findings"),
            "path": r.path,
        }
        for r in rows
    ]
    title = tr(lang, N_("Plan health as of {date}"), date=Locale(lang).date(as_of))
    return Result(
        "status",
        files,
        meta={"as_of": as_of.isoformat()},
        summary={"accounts": len(table_rows)},
        tables=[Table("accounts", title, columns, table_rows)],
        lang=lang,
    )
