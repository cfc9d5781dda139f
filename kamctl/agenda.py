"""The plan's dates: what is due at each account in the next weeks (§6, rhythm).

:func:`agenda` is a pure function from accounts, config and a date to a sorted
list of :class:`Event`. An event is data (a kind and its arguments) until
:func:`reason` or :func:`title` shows it in a language, so the same events
become a terminal table, JSON or an iCalendar file (:func:`to_ics`).

Which dates, and how each is worked out:

``qbr``
    ``rhythm.next_qbr``; without it, ``rhythm.last_qbr`` plus 3 months (a QBR
    is quarterly).
``review``
    ``review.next_review``; without it, ``review.reviewed`` plus the config's
    ``[lint] review_months``.
``action``
    the due date of each open action (planned, in progress or without status).
``close``
    the expected close of each open opportunity.
``contract_end``
    ``contract.end``.
``notice``
    the last day to give notice: ``contract.end`` minus ``notice_months``
    calendar months (the 31st becomes the month's last day).
``stale_contact``
    the first day a person's last contact is older than the config's
    ``[lint] stale_contact_days`` — ``last_contact`` + limit + 1 day, the day
    KAM111 starts to fire (in lint and risk).
``kaism``
    the yearly re-scoring: ``kaism.scored_on`` plus 12 months.

The window is ``as_of`` up to but not including ``as_of`` + ``weeks`` × 7 days.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .account import Account, ActionStatus, OpportunityStatus
from .i18n import N_, Locale, tr
from .ics import IcsEvent, calendar
from .lint.base import add_months

KINDS = ("qbr", "review", "action", "close", "contract_end", "notice", "stale_contact", "kaism")
QBR_MONTHS = 3
KAISM_MONTHS = 12

# Messages are data until shown (docs/i18n.md): an event keeps its kind, its
# reason's key and the raw arguments; :func:`title` and :func:`reason` put
# them into the run's language, dates and statuses included.
TITLES: dict[str, str] = {
    "qbr": N_("Quarterly business review"),
    "review": N_("Plan review due"),
    "action": N_("Action due: {subject}"),
    "close": N_("Expected close: {subject}"),
    "contract_end": N_("Contract ends"),
    "notice": N_("Last day to give notice"),
    "stale_contact": N_("Contact goes stale: {subject}"),
    "kaism": N_("Yearly KAISM re-scoring"),
}

REASONS: dict[str, str] = {
    "qbr.planned": N_("next QBR as planned in rhythm.next_qbr"),
    "qbr.derived": N_("no next QBR planned; last QBR {last} + 3 months"),
    "review.planned": N_("next plan review as planned"),
    "review.derived": N_("last reviewed {last}; a plan is reviewed every {months} months"),
    "action": N_("owner: {owner}; status: {status}"),
    "close": N_("open opportunity, owner: {owner}; probability {probability}"),
    "contract_end": N_("contract runs {start} – {end}"),
    "notice": N_("contract ends {end}; notice period {months} months"),
    "stale_contact": N_("last contact {last}; limit {limit} days; relationship owner: {owner}"),
    "kaism": N_("last scored {last}"),
}

Param = str | int | float | _dt.date | ActionStatus | None
"""An argument of a reason, shown in the run's language by :func:`reason`."""


@dataclass(frozen=True)
class Event:
    day: _dt.date
    kind: str
    """One of :data:`KINDS`."""
    account: str
    """The account's id."""
    account_name: str
    kam: str | None
    field: str
    """Where the date comes from, e.g. ``actions[2].due``."""
    subject: str = ""
    """The action, opportunity or person the event is about (empty for the account itself)."""
    reason: str = ""
    """Key into :data:`REASONS`."""
    params: dict[str, Param] = dataclasses.field(default_factory=dict)
    path: str = ""
    uid: str = ""
    """Stable across exports (see :func:`_uids`)."""

    @property
    def key(self) -> str:
        """What identifies the event across exports: not its date, which may move."""
        return "\x1f".join((self.account, self.kind, self.subject))


def _dash(value: object) -> str:
    return "–" if value is None else str(value)


def _one(account: Account, config_review_months: int, stale_days: int) -> Iterable[Event]:
    a = account

    def ev(day: _dt.date, kind: str, where: str, reason: str, subject: str = "", **params: Param) -> Event:
        return Event(day, kind, a.id, a.name, a.kam, where, subject, reason, params)

    r = a.rhythm
    if r is not None and r.next_qbr is not None:
        yield ev(r.next_qbr, "qbr", "rhythm.next_qbr", "qbr.planned")
    elif r is not None and r.last_qbr is not None:
        yield ev(add_months(r.last_qbr, QBR_MONTHS), "qbr", "rhythm.last_qbr", "qbr.derived", last=r.last_qbr)
    rv = a.review
    if rv is not None and rv.next_review is not None:
        yield ev(rv.next_review, "review", "review.next_review", "review.planned")
    elif rv is not None and rv.reviewed is not None:
        due = add_months(rv.reviewed, config_review_months)
        yield ev(
            due, "review", "review.reviewed", "review.derived", last=rv.reviewed, months=config_review_months
        )
    for i, act in enumerate(a.actions):
        if act.due is not None and (act.status is None or act.status.is_open):
            yield ev(
                act.due,
                "action",
                f"actions[{i}].due",
                "action",
                act.action,
                owner=act.owner,
                status=act.status,
            )
    for i, o in enumerate(a.opportunities):
        if o.expected_close is not None and o.status is OpportunityStatus.open:
            yield ev(
                o.expected_close, "close", f"opportunities[{i}].expected_close", "close", o.name,
                owner=o.owner, probability=o.probability,
            )  # fmt: skip
    c = a.contract
    if c is not None and c.end is not None:
        yield ev(c.end, "contract_end", "contract.end", "contract_end", start=c.start, end=c.end)
        if c.notice_months is not None:
            day = add_months(c.end, -c.notice_months)
            yield ev(day, "notice", "contract.notice_months", "notice", end=c.end, months=c.notice_months)
    for i, p in enumerate(a.stakeholders):
        if p.last_contact is not None:
            day = p.last_contact + _dt.timedelta(days=stale_days + 1)
            yield ev(
                day, "stale_contact", f"stakeholders[{i}].last_contact", "stale_contact", p.name,
                last=p.last_contact, limit=stale_days, owner=p.owner,
            )  # fmt: skip
    k = a.kaism
    if k is not None and k.scored_on is not None:
        yield ev(add_months(k.scored_on, KAISM_MONTHS), "kaism", "kaism.scored_on", "kaism", last=k.scored_on)


def agenda(
    accounts: Sequence[tuple[str, Account]],
    *,
    as_of: _dt.date,
    weeks: int,
    review_months: int,
    stale_contact_days: int,
    kam: str | None = None,
) -> list[Event]:
    """Every dated event of ``accounts`` (path, account) in the window, by date,
    then account, then kind. ``kam`` keeps the accounts of that KAM (case-insensitive)."""
    end = as_of + _dt.timedelta(days=7 * weeks)
    wanted = kam.casefold().strip() if kam else None
    out: list[Event] = []
    for path, account in accounts:
        if wanted is not None and (account.kam or "").casefold().strip() != wanted:
            continue
        events = list(_one(account, review_months, stale_contact_days))
        for e, uid in zip(events, _uids(events), strict=True):
            if as_of <= e.day < end:
                out.append(dataclasses.replace(e, path=path, uid=uid))
    out.sort(key=lambda e: (e.day, e.account, KINDS.index(e.kind), e.subject))
    return out


def title(e: Event, lang: str) -> str:
    return tr(lang, TITLES[e.kind], subject=e.subject)


def reason(e: Event, lang: str) -> str:
    loc = Locale(lang)
    return tr(lang, REASONS[e.reason], **{k: _shown(loc, k, v) for k, v in e.params.items()})


def _shown(loc: Locale, key: str, value: Param) -> str:
    """A reason's argument as the language writes it: ``31. august 2026`` /
    ``31 August 2026``, the action status's label, ``40 %`` / ``40%``."""
    if value is None:
        return "–"
    if isinstance(value, _dt.date):
        return loc.date(value)
    if isinstance(value, ActionStatus):
        return loc.enum("actstatus", value)
    if key == "probability" and isinstance(value, (int, float)):
        return loc.percent(value, 0 if float(value).is_integer() else 1)
    return str(value)


def _uids(events: Sequence[Event]) -> list[str]:
    """A stable UID per event of one account: a hash of account, kind and
    subject, so a deadline keeps its UID when its date moves and a subscribed
    calendar updates the event instead of adding a second one. Two events with
    the same key (two actions with the same text) are told apart by their order
    in the file; numbering happens before the window is applied, so an event
    leaving the window does not renumber the others."""
    seen: dict[str, int] = {}
    out = []
    for e in events:
        n = seen.get(e.key, 0)
        seen[e.key] = n + 1
        digest = hashlib.sha256(f"{e.key}\x1f{n}".encode()).hexdigest()[:24]
        out.append(f"{digest}@kamctl")
    return out


def to_ics(events: Sequence[Event], *, lang: str, as_of: _dt.date, name: str = "kamctl agenda") -> str:
    """The events as an RFC 5545 calendar of all-day events."""
    items = [
        IcsEvent(
            uid=e.uid,
            day=e.day,
            summary=f"{e.account_name}: {title(e, lang)}",
            description=f"{e.account_name} ({e.account}), KAM {_dash(e.kam)}. {reason(e, lang)}",
            categories=("kamctl", e.kind),
        )
        for e in events
    ]
    return calendar(items, name=name, stamp=as_of)
