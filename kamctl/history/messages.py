"""Changes in words (nb, en) and the text, markdown and json reporters of ``kamctl diff``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from ..i18n import Locale, Messages, quantity, say
from .changes import Change
from .diff import AccountDiff

if TYPE_CHECKING:
    from .fieldpath import Segment
    from .timeline import FieldStep, Step
    from .trends import Since

MESSAGES: Messages = {
    "account_added": {"en": "account added", "nb": "kunde lagt til"},
    "account_removed": {"en": "account removed", "nb": "kunde fjernet"},
    "account_renamed": {"en": "file moved: {old} → {new}", "nb": "filen flyttet: {old} → {new}"},
    "kam_handover": {"en": "KAM handed over: {old} → {new}", "nb": "KAM overlevert: {old} → {new}"},
    "quadrant": {
        "en": "KAISM quadrant: {old_tier} → {new_tier} ({old} → {new})",
        "nb": "KAISM-kvadrant: {old_tier} → {new_tier} ({old} → {new})",
    },
    "priority": {"en": "investment priority: {old} → {new}", "nb": "investeringsprioritet: {old} → {new}"},
    "axis_score": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "abc_class": {"en": "ABC class: {old} → {new}", "nb": "ABC-klasse: {old} → {new}"},
    "figure": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "share_of_wallet": {
        "en": "share of wallet {year}: {old} % → {new} %",
        "nb": "andel av kundens kjøp {year}: {old} % → {new} %",
    },
    "stage": {"en": "relationship stage: {old} → {new}", "nb": "relasjonsfase: {old} → {new}"},
    "decision_maker_negative": {
        "en": "DECISION MAKER TURNED NEGATIVE: {field}: {old} → {new}",
        "nb": "BESLUTTER BLE NEGATIV: {field}: {old} → {new}",
    },
    "stakeholder_added": {"en": "stakeholder added: {new}", "nb": "interessent lagt til: {new}"},
    "stakeholder_removed": {"en": "stakeholder removed: {old}", "nb": "interessent fjernet: {old}"},
    "stance": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "influence": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "relationship": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "goal_added": {"en": "goal added: {field}", "nb": "mål lagt til: {field}"},
    "goal_removed": {"en": "goal removed: {field}", "nb": "mål fjernet: {field}"},
    "goal_target": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "goal_target_lowered": {
        "en": "TARGET LOWERED: {field}: {old} → {new}",
        "nb": "MÅLET SENKET: {field}: {old} → {new}",
    },
    "goal_due": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "strategy": {"en": "strategy changed: {field}", "nb": "strategien endret: {field}"},
    "opportunity_added": {"en": "opportunity added: {new}", "nb": "mulighet lagt til: {new}"},
    "opportunity_removed": {"en": "opportunity removed: {old}", "nb": "mulighet fjernet: {old}"},
    "opportunity_won": {"en": "opportunity won: {field}", "nb": "mulighet vunnet: {field}"},
    "opportunity_lost": {"en": "opportunity lost: {field}", "nb": "mulighet tapt: {field}"},
    "opportunity_status": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "opportunity_value": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "opportunity_probability": {"en": "{field}: {old} % → {new} %", "nb": "{field}: {old} % → {new} %"},
    "opportunity_postponed": {
        "en": "close postponed by {days}: {field}: {old} → {new}",
        "nb": "avslutning utsatt {days}: {field}: {old} → {new}",
    },
    "opportunity_close": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "action_added": {"en": "action added: {new}", "nb": "tiltak lagt til: {new}"},
    "action_done": {"en": "action done: {field}", "nb": "tiltak utført: {field}"},
    "action_cancelled": {"en": "action cancelled: {field}", "nb": "tiltak avlyst: {field}"},
    "action_status": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "action_postponed": {
        "en": "action postponed by {days}: {field}: {old} → {new}",
        "nb": "tiltak utsatt {days}: {field}: {old} → {new}",
    },
    "action_due": {"en": "{field}: {old} → {new}", "nb": "{field}: {old} → {new}"},
    "action_dropped": {
        "en": "ACTION REMOVED WITHOUT BEING DONE: {old}",
        "nb": "TILTAK FJERNET UTEN Å VÆRE UTFØRT: {old}",
    },
    "action_removed": {"en": "finished action removed: {old}", "nb": "avsluttet tiltak fjernet: {old}"},
    "contract_end": {"en": "contract end: {old} → {new}", "nb": "avtaleslutt: {old} → {new}"},
    "contract_notice": {
        "en": "notice period (months): {old} → {new}",
        "nb": "oppsigelsestid (måneder): {old} → {new}",
    },
    "risk_added": {"en": "risk added: {new}", "nb": "risiko lagt til: {new}"},
    "risk_closed": {"en": "risk closed: {old}", "nb": "risiko lukket: {old}"},
    "reviewed": {
        "en": "plan reviewed: {old} → {new} (by {by})",
        "nb": "planen gjennomgått: {old} → {new} (av {by})",
    },
    "joint_planning": {
        "en": "agreed with the customer: {old} → {new}",
        "nb": "avtalt med kunden: {old} → {new}",
    },
    "none": {"en": "no changes", "nb": "ingen endringer"},
    "since_title": {"en": "What changed since {label} ({day})", "nb": "Hva er endret siden {label} ({day})"},
    "since_moves": {"en": "Moves in the KAISM matrix", "nb": "Flytt i KAISM-matrisen"},
    "since_stances": {"en": "Stance of the people at the accounts", "nb": "Holdningen hos kundenes folk"},
    "since_accounts": {"en": "Changes per account", "nb": "Endringer per kunde"},
    "since_none": {"en": "Nothing changed.", "nb": "Ingenting er endret."},
    "col_account": {"en": "Account", "nb": "Kunde"},
    "col_from": {"en": "From", "nb": "Fra"},
    "col_to": {"en": "To", "nb": "Til"},
    "col_priority": {"en": "Priority", "nb": "Prioritet"},
    "col_person": {"en": "Person", "nb": "Person"},
    "col_role": {"en": "Role", "nb": "Rolle"},
    "col_stance": {"en": "Stance", "nb": "Holdning"},
    "title": {"en": "Changes {old} → {new}", "nb": "Endringer {old} → {new}"},
}


def _shown(value: object, lang: str) -> object:
    """ "–" for an absent value; numbers as the reader writes them (``3 000 000``, ``5,58``)."""
    if value is None:
        return "–"
    if isinstance(value, float | int) and not isinstance(value, bool):
        whole = float(value).is_integer()
        return Locale(lang).number(value, 0 if whole else 2)
    return value


def describe(change: Change, lang: str) -> str:
    """One change as a sentence."""
    # A year is a name, not an amount: 2025, never "2 025".
    params: dict[str, object] = {k: v if k == "year" else _shown(v, lang) for k, v in change.args.items()}
    days = change.args.get("days")
    if isinstance(days, int):
        params["days"] = quantity(abs(days), "day", lang)
    params.update(field=change.field, old=_shown(change.old, lang), new=_shown(change.new, lang))
    if change.code == "share_of_wallet":  # percentages with the one decimal they were rounded to
        for key, value in (("old", change.old), ("new", change.new)):
            if isinstance(value, float | int):
                params[key] = Locale(lang).number(value, 1)
    return say(MESSAGES, change.code, lang, **params)


def blame_suffix(change: Change) -> str:
    b = change.args.get("commit")
    return f"  [{str(b)[:8]} {change.args.get('author')} {change.args.get('date')}]" if b else ""


def write_text(diffs: Sequence[AccountDiff], old: str, new: str, lang: str, out: TextIO) -> None:
    out.write(say(MESSAGES, "title", lang, old=old, new=new) + "\n")
    if not diffs:
        out.write(say(MESSAGES, "none", lang) + "\n")
    for d in diffs:
        out.write(f"\n{d.id} ({d.name})\n")
        for c in d.changes:
            out.write(f"  - {describe(c, lang)}{blame_suffix(c)}\n")


def write_markdown(diffs: Sequence[AccountDiff], old: str, new: str, lang: str, out: TextIO) -> None:
    from ..mdescape import inline as esc

    out.write(f"## {esc(say(MESSAGES, 'title', lang, old=old, new=new))}\n")
    if not diffs:
        out.write("\n" + say(MESSAGES, "none", lang) + "\n")
    for d in diffs:
        out.write(f"\n### {esc(d.name)} (`{d.id}`)\n\n")
        for c in d.changes:
            out.write(f"- {esc(describe(c, lang) + blame_suffix(c))}\n")


def write_json(
    diffs: Sequence[AccountDiff], old: dict[str, object], new: dict[str, object], out: TextIO
) -> None:
    doc = {"version": 1, "from": old, "to": new, "accounts": [d.to_json() for d in diffs]}
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def _commit_line(step: Step | FieldStep) -> str:
    c = step.commit
    return f"{c.sha[:8]} {c.date[:10]} {c.author}: {c.subject}\n"


def _commit_json(step: Step | FieldStep) -> dict[str, object]:
    c = step.commit
    return {"commit": c.sha, "author": c.author, "date": c.date, "subject": c.subject, "path": step.path}


def write_log(account: str, steps: Sequence[Step], fmt: str, lang: str, out: TextIO) -> None:
    """``kamctl log ACCOUNT``: one line per commit, then its changes."""
    if fmt == "json":
        doc = {
            "version": 1,
            "account": account,
            "steps": [{**_commit_json(s), "changes": [c.to_json() for c in s.changes]} for s in steps],
        }
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    for step in steps:
        out.write(_commit_line(step))
        for change in step.changes:
            out.write(f"  - {describe(change, lang)}\n")


def _field_value(value: object, lang: str) -> str:
    from .fieldpath import Missing

    if isinstance(value, Missing) or value is None:
        return "–"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(_shown(value, lang))


def write_field_log(
    account: str, path: list[Segment], steps: Sequence[FieldStep], fmt: str, lang: str, out: TextIO
) -> None:
    """``kamctl log ACCOUNT --field PATH``: each commit that changed the value, old → new."""
    from .fieldpath import Missing, show

    field = show(path)
    if fmt == "json":

        def plain(v: object) -> object:
            return None if isinstance(v, Missing) else v

        doc = {
            "version": 1,
            "account": account,
            "field": field,
            "steps": [{**_commit_json(s), "old": plain(s.old), "new": plain(s.new)} for s in steps],
        }
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    for step in steps:
        out.write(_commit_line(step))
        out.write(f"  {field}: {_field_value(step.old, lang)} → {_field_value(step.new, lang)}\n")


@dataclass
class SinceView:
    """The report's "what changed" section in one language, for the templates
    (which escape every string for their format)."""

    title: str
    moves_title: str
    moves_headers: list[str]
    moves: list[list[str]]
    stances_title: str
    stances_headers: list[str]
    stances: list[list[str]]
    accounts_title: str
    accounts: list[tuple[str, list[str]]] = field(default_factory=list)
    none: str = ""


def since_view(since: Since, lang: str) -> SinceView:
    loc = Locale(lang)

    def m(key: str, **params: object) -> str:
        return say(MESSAGES, key, lang, **params)

    def tier(name: str | None, quadrant: str | None) -> str:
        return name or (loc.t(f"quadrant.{quadrant}") if quadrant else loc.t("unclassified"))

    def prio(old: int | None, new: int | None) -> str:
        return f"{'–' if old is None else old} → {'–' if new is None else new}"

    def stance(value: int | None) -> str:
        return "–" if value is None else loc.stance(value)

    moves = [
        [f"{mv.name} ({mv.id})", tier(mv.old_tier, mv.old_quadrant), tier(mv.new_tier, mv.new_quadrant),
         prio(mv.old_priority, mv.new_priority)]
        for mv in since.moves
    ]  # fmt: skip
    stances = [
        [f"{st.name} ({st.id})", st.person, loc.enum("role", st.role) if st.role else "",
         f"{stance(st.old)} → {stance(st.new)}"]
        for st in since.stances
    ]  # fmt: skip
    return SinceView(
        title=m("since_title", label=since.label, day=loc.date(since.day)),
        moves_title=m("since_moves"),
        moves_headers=[m("col_account"), m("col_from"), m("col_to"), m("col_priority")],
        moves=moves,
        stances_title=m("since_stances"),
        stances_headers=[m("col_account"), m("col_person"), m("col_role"), m("col_stance")],
        stances=stances,
        accounts_title=m("since_accounts"),
        accounts=[(f"{d.name} ({d.id})", [describe(c, lang) for c in d.changes]) for d in since.diffs],
        none=m("since_none"),
    )
