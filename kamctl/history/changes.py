"""What changed in one account between two versions, field by field, in reading order.

A change is data (a code, the field it concerns, old and new value, a few
arguments) until ``messages`` says it in a language. List items are matched by
a stable key (a person's name, an action's text), never by position.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as _field
from enum import Enum
from typing import TypeVar

from ..account import Account, ActionStatus, DmuRole, OpportunityStatus
from ..config import Config
from ..kaism import classify_account, round_half_up
from ..portfolio import year_row

Value = str | int | float | bool | None


@dataclass(frozen=True)
class Change:
    code: str
    field: str
    old: Value = None
    new: Value = None
    args: dict[str, Value] = _field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "field": self.field, "old": self.old, "new": self.new, **self.args}


def plain(value: object) -> Value:
    """A model value as JSON-friendly data: enums by value, dates in ISO form."""
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


T = TypeVar("T")


def _keyed(items: Iterable[T], key: Callable[[T], str]) -> dict[str, T]:
    out: dict[str, T] = {}
    for item in items:
        out.setdefault(key(item), item)
    return out


def _days(old: _dt.date | None, new: _dt.date | None) -> int | None:
    return (new - old).days if old is not None and new is not None else None


def account_changes(
    old: Account | None,
    new: Account | None,
    old_cfg: Config,
    new_cfg: Config,
    abc: tuple[Value, Value] = (None, None),
) -> list[Change]:
    """The changes from ``old`` to ``new`` (either None: the account was added or removed)."""
    if old is None and new is not None:
        return [Change("account_added", "id", None, new.id)]
    if new is None and old is not None:
        return [Change("account_removed", "id", old.id, None)]
    assert old is not None and new is not None
    out: list[Change] = []

    def cmp(code: str, path: str, a: object, b: object, **args: Value) -> None:
        if plain(a) != plain(b):
            out.append(Change(code, path, plain(a), plain(b), dict(args)))

    cmp("kam_handover", "kam", old.kam, new.kam)
    out += _kaism(old, new, old_cfg, new_cfg)
    cmp("abc_class", "classification.abc", *abc)
    out += _figures(old, new, old_cfg, new_cfg)
    cmp("stage", "stage", old.stage, new.stage)
    out += _stakeholders(old, new)
    out += _goals(old, new)
    for part in ("main", "product", "price", "distribution", "communication", "service", "relationship"):
        cmp(
            "strategy",
            f"strategy.{part}",
            getattr(old.strategy, part, None),
            getattr(new.strategy, part, None),
        )
    out += _opportunities(old, new)
    out += _actions(old, new)
    cmp(
        "contract_end", "contract.end", getattr(old.contract, "end", None), getattr(new.contract, "end", None)
    )
    cmp(
        "contract_notice",
        "contract.notice_months",
        getattr(old.contract, "notice_months", None),
        getattr(new.contract, "notice_months", None),
    )
    old_risks, new_risks = (
        _keyed(old.risks, lambda r: r.description),
        _keyed(new.risks, lambda r: r.description),
    )
    out += [Change("risk_added", f"risks[{k}]", None, k) for k in new_risks if k not in old_risks]
    out += [Change("risk_closed", f"risks[{k}]", k, None) for k in old_risks if k not in new_risks]
    old_rev, new_rev = getattr(old.review, "reviewed", None), getattr(new.review, "reviewed", None)
    if plain(old_rev) != plain(new_rev):
        out.append(
            Change(
                "reviewed",
                "review.reviewed",
                plain(old_rev),
                plain(new_rev),
                {"by": getattr(new.review, "reviewed_by", None)},
            )
        )
    cmp(
        "joint_planning",
        "joint_planning.agreed",
        getattr(old.joint_planning, "agreed", None),
        getattr(new.joint_planning, "agreed", None),
    )
    return out


def _kaism(old: Account, new: Account, old_cfg: Config, new_cfg: Config) -> list[Change]:
    a, b = classify_account(old, old_cfg.kaism), classify_account(new, new_cfg.kaism)
    out: list[Change] = []
    if a.quadrant != b.quadrant:
        out.append(
            Change(
                "quadrant", "kaism.quadrant", a.quadrant, b.quadrant, {"old_tier": a.tier, "new_tier": b.tier}
            )
        )
    if a.priority != b.priority:
        out.append(Change("priority", "kaism.priority", a.priority, b.priority))
    for name, x, y in (
        ("customer_attractiveness", a.attractiveness, b.attractiveness),
        ("our_strength", a.strength, b.strength),
    ):
        rx = None if x is None else round_half_up(x, 2)
        ry = None if y is None else round_half_up(y, 2)
        if rx != ry:
            out.append(Change("axis_score", f"kaism.{name}", rx, ry))
    return out


def _figures(old: Account, new: Account, old_cfg: Config, new_cfg: Config) -> list[Change]:
    year = new_cfg.fiscal_year or old_cfg.fiscal_year
    if year is None:
        years = [f.year for f in (*old.financials, *new.financials) if f.revenue is not None and not f.budget]
        year = max(years, default=None)
    fa, fb = year_row(old, year), year_row(new, year)
    out: list[Change] = []
    for name in ("revenue", "gross_margin"):
        x, y = getattr(fa, name, None), getattr(fb, name, None)
        if x != y:
            out.append(Change("figure", f"financials[{year}].{name}", x, y, {"year": year}))
    # Share of wallet in percent, as classify shows it (one decimal: a change
    # below 0.05 points is noise from a re-typed spend, not news).
    sa, sb = old.share_of_wallet(year), new.share_of_wallet(year)
    pa = None if sa is None else round_half_up(sa * 100, 1)
    pb = None if sb is None else round_half_up(sb * 100, 1)
    if pa != pb:
        out.append(Change("share_of_wallet", f"financials[{year}].share_of_wallet", pa, pb, {"year": year}))
    return out


def _stakeholders(old: Account, new: Account) -> list[Change]:
    a, b = _keyed(old.stakeholders, lambda s: s.name), _keyed(new.stakeholders, lambda s: s.name)
    first: list[Change] = []
    out: list[Change] = [Change("stakeholder_added", f"stakeholders[{k}]", None, k) for k in b if k not in a]
    out += [Change("stakeholder_removed", f"stakeholders[{k}]", k, None) for k in a if k not in b]
    for name in (k for k in b if k in a):
        x, y = a[name], b[name]
        at = f"stakeholders[{name}]"
        if x.stance != y.stance:
            turned = (
                y.role is DmuRole.decision_maker
                and y.stance is not None
                and y.stance < 0
                and (x.stance is None or x.stance >= 0 or y.stance < x.stance)
            )
            (first if turned else out).append(
                Change("decision_maker_negative" if turned else "stance", f"{at}.stance", x.stance, y.stance)
            )
        for attr in ("influence", "relationship"):
            if plain(getattr(x, attr)) != plain(getattr(y, attr)):
                out.append(Change(attr, f"{at}.{attr}", plain(getattr(x, attr)), plain(getattr(y, attr))))
    return first + out


def _goals(old: Account, new: Account) -> list[Change]:
    out: list[Change] = []
    for horizon in ("strategic", "tactical", "operational"):
        a = _keyed(getattr(old.goals, horizon, None) or [], lambda g: g.goal)
        b = _keyed(getattr(new.goals, horizon, None) or [], lambda g: g.goal)
        at = f"goals.{horizon}"
        out += [Change("goal_added", f"{at}[{k}]", None, k) for k in b if k not in a]
        out += [Change("goal_removed", f"{at}[{k}]", k, None) for k in a if k not in b]
        for k in (k for k in b if k in a):
            x, y = a[k], b[k]
            if x.target != y.target:
                lowered = x.target is not None and y.target is not None and y.target < x.target
                code = "goal_target_lowered" if lowered else "goal_target"
                out.append(Change(code, f"{at}[{k}].target", x.target, y.target, {"unit": y.unit}))
            if x.due != y.due:
                out.append(Change("goal_due", f"{at}[{k}].due", plain(x.due), plain(y.due)))
    return out


def _opportunities(old: Account, new: Account) -> list[Change]:
    a, b = _keyed(old.opportunities, lambda o: o.name), _keyed(new.opportunities, lambda o: o.name)
    out = [Change("opportunity_added", f"opportunities[{k}]", None, k) for k in b if k not in a]
    out += [Change("opportunity_removed", f"opportunities[{k}]", k, None) for k in a if k not in b]
    for k in (k for k in b if k in a):
        x, y = a[k], b[k]
        at = f"opportunities[{k}]"
        if x.status != y.status:
            code = {OpportunityStatus.won: "opportunity_won", OpportunityStatus.lost: "opportunity_lost"}.get(
                y.status, "opportunity_status"
            )
            out.append(Change(code, f"{at}.status", plain(x.status), plain(y.status)))
        if x.value != y.value:
            out.append(Change("opportunity_value", f"{at}.value", x.value, y.value))
        if x.probability != y.probability:
            out.append(Change("opportunity_probability", f"{at}.probability", x.probability, y.probability))
        days = _days(x.expected_close, y.expected_close)
        if x.expected_close != y.expected_close:
            code = "opportunity_postponed" if days is not None and days > 0 else "opportunity_close"
            out.append(
                Change(
                    code,
                    f"{at}.expected_close",
                    plain(x.expected_close),
                    plain(y.expected_close),
                    {"days": days},
                )
            )
    return out


_FINISHED = (ActionStatus.done, ActionStatus.cancelled)


def _actions(old: Account, new: Account) -> list[Change]:
    a, b = _keyed(old.actions, lambda x: x.action), _keyed(new.actions, lambda x: x.action)
    out = [Change("action_added", f"actions[{k}]", None, k) for k in b if k not in a]
    for k in (k for k in b if k in a):
        x, y = a[k], b[k]
        at = f"actions[{k}]"
        if x.status != y.status:
            ends: dict[ActionStatus | None, str] = {
                ActionStatus.done: "action_done",
                ActionStatus.cancelled: "action_cancelled",
            }
            code = ends.get(y.status, "action_status")
            out.append(Change(code, f"{at}.status", plain(x.status), plain(y.status)))
        if x.due != y.due:
            days = _days(x.due, y.due)
            code = "action_postponed" if days is not None and days > 0 else "action_due"
            out.append(Change(code, f"{at}.due", plain(x.due), plain(y.due), {"days": days}))
    for k in (k for k in a if k not in b):
        dropped = a[k].status not in _FINISHED
        out.append(Change("action_dropped" if dropped else "action_removed", f"actions[{k}]", k, None))
    return out
