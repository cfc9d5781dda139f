"""The portfolio as a whole: which year's figures, how many key accounts, KAM load.

DOMAIN §1: 15–35 key accounts is the ideal, 5 is on the edge of too few and
50 on the edge of too many. A key account here is an account with the full
plan profile; KAM light plans (``profile: light``) are customers that do not
warrant the full treatment and are counted separately. A KAM's load counts
every plan they hold, light ones too: each takes their time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from .diagnostics import Diagnostic, Severity
from .i18n import Messages, say

if TYPE_CHECKING:
    from .account import Account, Financials
    from .config import Config

MEASURE_FIELDS = {
    "revenue": "revenue",
    "gross_margin": "gross_margin",
    "contribution": "contribution_margin",
}
"""``--by`` value → field of :class:`~kamctl.account.Financials`."""


class Figures(Protocol):
    """What the figure functions below read of an account: an
    :class:`~kamctl.account.Account`, or a :class:`~kamctl.risk.RiskAccount`
    made of one so that 10,000 full models need not cross from the workers."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def parent(self) -> str | None: ...
    @property
    def currency(self) -> str | None: ...
    @property
    def financials(self) -> Sequence[Financials]: ...


F = TypeVar("F", bound=Figures)


def analysis_year(accounts: Sequence[Figures], year: int | None, measure: str = "revenue") -> int | None:
    """``year`` if given, else the latest year in which any account has actual figures.

    Budget rows do not make a year "latest": comparing one account's budget
    with the others' actuals would rank forecasts against facts.
    """
    if year is not None:
        return year
    field = MEASURE_FIELDS[measure]
    actual = [
        f.year for a in accounts for f in a.financials if getattr(f, field) is not None and not f.budget
    ]
    if actual:
        return max(actual)
    any_year = [f.year for a in accounts for f in a.financials if getattr(f, field) is not None]
    return max(any_year, default=None)


def year_row(account: Figures, year: int | None) -> Financials | None:
    if year is None:
        return None
    return next((f for f in account.financials if f.year == year), None)


def in_currency(accounts: Sequence[F], currency: str) -> tuple[list[F], list[F]]:
    """(accounts whose amounts are in ``currency``, the others).

    An account without its own ``currency`` uses the portfolio's. Amounts in
    different currencies cannot be added up, so the others are left out of
    every sum and share (and named, so that nobody wonders where they went).
    """
    same: list[F] = []
    other: list[F] = []
    for a in accounts:
        if a.currency and a.currency.strip().upper() != currency.strip().upper():
            other.append(a)
        else:
            same.append(a)
    return same, other


def figures(
    accounts: Sequence[Figures], year: int | None, measure: str = "revenue"
) -> tuple[list[tuple[str, str, float]], list[str]]:
    """``(id, name, value)`` of every account with a value for ``year``, and the ids without one."""
    field = MEASURE_FIELDS[measure]
    items: list[tuple[str, str, float]] = []
    missing: list[str] = []
    for a in accounts:
        row = year_row(a, year)
        value = getattr(row, field) if row is not None else None
        if value is None:
            missing.append(a.id)
        else:
            items.append((a.id, a.name, float(value)))
    return items, missing


def kam_load(accounts: Sequence[Account]) -> dict[str, list[str]]:
    """KAM → the ids of the accounts they hold, KAMs in name order."""
    load: dict[str, list[str]] = defaultdict(list)
    for a in accounts:
        if a.kam:
            load[a.kam.strip()].append(a.id)
    return {k: sorted(v) for k, v in sorted(load.items())}


def key_account_count(accounts: Sequence[Account]) -> int:
    from .account import Profile

    return sum(1 for a in accounts if a.profile is Profile.full)


MESSAGES: Messages = {
    "key.1": {"en": "{n} key account (profile full)", "nb": "{n} nøkkelkunde (profile full)"},
    "key.n": {"en": "{n} key accounts (profile full)", "nb": "{n} nøkkelkunder (profile full)"},
    "light.1": {"en": ", besides {n} KAM light plan", "nb": ", i tillegg til {n} KAM light-plan"},
    "light.n": {"en": ", besides {n} KAM light plans", "nb": ", i tillegg til {n} KAM light-planer"},
    "too_few": {
        "en": "{counted}: fewer than {limit} is too few to be a KAM programme (guide {low}–{high})",
        "nb": "{counted}: færre enn {limit} er for få for et KAM-program (anbefalt {low}–{high})",
    },
    "too_many": {
        "en": "{counted}: more than {limit}; if every customer gets KAM treatment, "
        "nothing is prioritised (guide {low}–{high})",
        "nb": "{counted}: flere enn {limit}; når alle kunder får KAM-behandling, "
        "blir ingenting prioritert (anbefalt {low}–{high})",
    },
    "outside": {
        "en": "{counted}: {side} the guide of {low}–{high}",
        "nb": "{counted}: {side} det anbefalte spennet {low}–{high}",
    },
    "below": {"en": "below", "nb": "under"},
    "above": {"en": "above", "nb": "over"},
    "over_capacity": {
        "en": "{kam} holds {n} accounts, more than the capacity of {cap}: {ids}",
        "nb": "{kam} har {n} kunder, flere enn kapasiteten på {cap}: {ids}",
    },
    "no_kam": {
        "en": "{id}: no KAM named (field 'kam'); nobody owns the account",
        "nb": "{id}: ingen KAM oppgitt (feltet «kam»); ingen eier kunden",
    },
}
"""The findings' texts in English and Norwegian bokmål (see :mod:`kamctl.i18n`)."""


def portfolio_checks(
    accounts: Sequence[Account], config: Config, paths: dict[str, str] | None = None, lang: str = "en"
) -> list[Diagnostic]:
    """Findings about the portfolio as a whole (codes ``PORT1xx``), in ``lang``.

    ``paths`` maps account id → file, so a finding about an account points at it.
    """

    def t(key: str, **params: object) -> str:
        return say(MESSAGES, key, lang, **params)

    cfg = config.portfolio
    paths = paths or {}
    out: list[Diagnostic] = []
    n = key_account_count(accounts)
    light = len(accounts) - n
    counted = t("key.1" if n == 1 else "key.n", n=n) + (
        t("light.1" if light == 1 else "light.n", n=light) if light else ""
    )
    guide = {"low": cfg.min_key_accounts, "high": cfg.max_key_accounts}
    if n < cfg.warn_below:
        out.append(
            _finding(
                "PORT101",
                Severity.warning,
                t("too_few", counted=counted, limit=cfg.warn_below, **guide),
            )
        )
    elif n > cfg.warn_above:
        out.append(
            _finding(
                "PORT102",
                Severity.warning,
                t("too_many", counted=counted, limit=cfg.warn_above, **guide),
            )
        )
    elif not cfg.min_key_accounts <= n <= cfg.max_key_accounts:
        side = t("below" if n < cfg.min_key_accounts else "above")
        out.append(
            _finding(
                "PORT103",
                Severity.info,
                t("outside", counted=counted, side=side, **guide),
            )
        )
    for kam, ids in kam_load(accounts).items():
        if len(ids) > cfg.max_accounts_per_kam:
            out.append(
                _finding(
                    "PORT104",
                    Severity.warning,
                    t("over_capacity", kam=kam, n=len(ids), cap=cfg.max_accounts_per_kam, ids=", ".join(ids)),
                )
            )
    for a in accounts:
        if not (a.kam and a.kam.strip()):
            out.append(
                Diagnostic(
                    paths.get(a.id, ""),
                    0,
                    0,
                    Severity.warning,
                    "PORT105",
                    t("no_kam", id=a.id),
                    "kam",
                    account=a.id,
                )
            )
    from .resources import resource_findings

    out.extend(resource_findings(accounts, config, paths, lang))
    return out


def _finding(code: str, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic("", 0, 0, severity, code, message)
