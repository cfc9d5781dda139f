"""What a rule sees (:class:`Context`, :class:`PortfolioContext`) and what it
yields (:class:`Hit`).

A rule is a module with ``ID``, ``NAME``, ``SEVERITY``, ``SUMMARY``,
``PROFILES``, ``MESSAGES``, a docstring (the user documentation, shown by
``kamctl rules ID``) and ``check(ctx)``, a generator of hits. The runner turns
hits into :class:`~kamctl.diagnostics.Diagnostic` with the rule's id and the
configured severity, so rules never deal with configuration or suppression.

Every finding kamctl makes is such a rule; the id's letters are its family
and say which command reports it: ``KAM`` (``lint``), ``RISK`` and ``STAGE``
(``risk``), ``KAISM`` and ``PORT`` (``classify``); the documents show them
all. A module with ``SCOPE = "portfolio"`` judges the accounts together: its
``check`` gets a :class:`PortfolioContext` and its hits name their file.

Language
    Every text a user reads exists in English and Norwegian bokmål, in the
    rule's own module: ``SUMMARY = {"en": ..., "nb": ...}`` and
    ``MESSAGES = {key: {"en": template, "nb": template}}``, where a template
    is a :meth:`str.format` string. ``check`` builds a message with
    ``ctx.say(MESSAGES, key, name=...)`` in the language of the run
    (``ctx.lang``); words that go *into* a message (a section's description,
    the list of missing fields) are entries of ``MESSAGES`` too, so every
    translatable text of a rule is in one place and a test checks both
    languages have every key with the same placeholders. The docstring stays
    English. Names, ids, YAML keys and ISO dates are the same in both
    languages; nb puts names in «guillemets», en in 'quotes'.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from kamctl import i18n
from kamctl.diagnostics import Severity, field_path
from kamctl.yamlsource import child as _child

if TYPE_CHECKING:
    from kamctl.account import Account
    from kamctl.config import Config
    from kamctl.kaism import KaismResult
    from kamctl.risk import PortfolioRisk
    from kamctl.yamlsource import Document

Loc = tuple[int | str, ...]

LANGS = ("en", "nb")
Messages = Mapping[str, Mapping[str, str]]
"""Message key → language → :meth:`str.format` template."""

_WORDS: Messages = {
    "and": {"en": "and", "nb": "og"},
    "or": {"en": "or", "nb": "eller"},
    # after a negation: "has no owner or due" / "mangler ansvarlig og frist"
    "nor": {"en": "or", "nb": "og"},
}


def say(messages: Messages, key: str, lang: str, **params: object) -> str:
    """``messages[key]`` in ``lang`` (through the gettext catalogue), filled in with ``params``."""
    return i18n.say(messages, key, lang, **params)


def days(n: int, lang: str) -> str:
    from kamctl.i18n import quantity

    return quantity(n, "day", lang)


def quote(name: object, lang: str) -> str:
    """A name from the plan as the language quotes it: 'Hanne' / «Hanne»."""
    return f"«{name}»" if lang == "nb" else repr(str(name))


@dataclass(frozen=True)
class Hit:
    """One finding of one rule, before severity and suppression are applied."""

    line: int
    column: int
    message: str
    field: str | None = None
    absent: bool = False
    """Nothing of the path is in the file (a whole section is missing): the
    position is only a convention, so no source line is shown under it."""
    severity: Severity | None = None
    """This finding's own severity, for a rule that grades (RISK101 is info
    when the contract renews by itself); a configured severity still wins."""
    path: str | None = None
    """Portfolio rules: the file the finding is about ("" for the portfolio)."""
    account: str | None = None
    """Portfolio rules: the account the finding is about."""


class CheckFn(Protocol):
    def __call__(self, ctx: Context) -> Iterator[Hit]: ...


class PortfolioCheckFn(Protocol):
    def __call__(self, ctx: PortfolioContext) -> Iterator[Hit]: ...


def _not_per_file(ctx: Context) -> Iterator[Hit]:
    raise TypeError("a portfolio rule judges the accounts together, not one file")


FAMILIES = ("KAM", "RISK", "STAGE", "KAISM", "PORT")
"""Rule id prefixes, in the order ``kamctl rules`` lists them."""

RETIRED: Mapping[str, str] = {"RISK150": "KAM111", "RISK151": "KAM106", "RISK152": "KAM112"}
"""Codes that were merged into another rule (one check, one code): old → new."""


SHARED_WITH_RISK = ("KAM111", "KAM106", "KAM112")
"""Lint rules that are also account risks (DOMAIN §7: no contact for a long
time, overdue actions, stale plan), so ``kamctl risk`` reports them too. One
check each, one setting, one code; they were RISK150, RISK151 and RISK152."""

_REPORTED_BY: Mapping[str, tuple[str, ...]] = {
    "KAM": ("lint", "status", "render", "report"),
    "RISK": ("risk", "render", "report"),
    "STAGE": ("risk", "render", "report"),
    "KAISM": ("classify",),
    "PORT": ("classify", "report"),
}


def family_of(rule_id: str) -> str:
    """``RISK101`` → ``RISK``."""
    return rule_id.rstrip("0123456789")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summaries: Mapping[str, str]
    """Language → one-line summary (``kamctl rules``)."""
    profiles: frozenset[str]
    doc: str
    check: CheckFn
    messages: Messages
    meta: bool = False
    """KAM0xx: about the file or the lint run itself, not about the plan."""
    applies: Callable[[Context], bool] | None = None
    """A module's optional ``applies(ctx)``: False makes the rule not applicable to
    this plan (e.g. power-map rules on a plan without a map), so a check with
    nothing to judge does not count as passed in ``kamctl status``."""
    scope: str = "file"
    """``file``: one account at a time; ``portfolio``: all the accounts together."""
    check_all: PortfolioCheckFn | None = None
    """A portfolio rule's ``check`` (its ``check`` field then refuses a file)."""

    @property
    def family(self) -> str:
        return family_of(self.id)

    @property
    def reported_by(self) -> tuple[str, ...]:
        """The commands that report this rule's findings (the documents show them all)."""
        commands = _REPORTED_BY[self.family]
        return ("lint", "risk", *commands[1:]) if self.id in SHARED_WITH_RISK else commands

    @property
    def at_key(self) -> bool:
        """Lint's findings point at a key (``due:``); the analyses' at the value,
        as validate does (a finding kept its position when it became a rule)."""
        return self.family == "KAM"

    @property
    def summary(self) -> str:
        """The English summary (SARIF rule metadata, docs)."""
        return self.summaries["en"]

    def summary_in(self, lang: str) -> str:
        return i18n.legacy(self.summaries, lang)

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        portfolio = getattr(module, "SCOPE", "file") == "portfolio"
        return cls(
            id=module.ID,
            name=module.NAME,
            severity=module.SEVERITY,
            summaries=module.SUMMARY,
            profiles=frozenset(module.PROFILES),
            doc=(module.__doc__ or "").strip(),
            check=_not_per_file if portfolio else module.check,
            messages=module.MESSAGES,
            meta=module.ID.startswith("KAM0"),
            applies=getattr(module, "applies", None),
            scope="portfolio" if portfolio else "file",
            check_all=module.check if portfolio else None,
        )


@dataclass
class Context:
    """One valid account file, as the rules see it."""

    path: str
    account: Account
    doc: Document | None
    config: Config
    as_of: _dt.date
    lang: str = "en"
    """Language of the messages: ``en`` or ``nb``."""
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def say(self, messages: Messages, key: str, **params: object) -> str:
        """``messages[key]`` in the run's language, filled in with ``params``."""
        return say(messages, key, self.lang, **params)

    def quote(self, name: object) -> str:
        return quote(name, self.lang)

    def join(self, names: Sequence[str], word: str = "and") -> str:
        """:func:`join` with the conjunction in the run's language."""
        return join(names, say(_WORDS, word, self.lang))

    def days(self, n: int) -> str:
        """``1 day``, ``236 days`` / ``1 dag``, ``1\u00a0234 dager``."""
        return days(n, self.lang)

    @property
    def profile(self) -> str:
        return self.account.profile.value

    def where(self, loc: Sequence[int | str]) -> tuple[int, int]:
        """The most useful (line, column) for ``loc``.

        A mapping entry is shown at its key (``due:``), a list item at its
        first key. Where the path stops existing, the deepest part that does
        exist is used: a missing ``goals.tactical`` points at ``goals:``. A
        top-level section that is absent altogether points at the place it
        belongs (:func:`section_position`), never at line 1's modeline.
        Without the node tree (a caller that has only the model) it is 0:0.
        """
        if self.doc is None:
            return 0, 0
        mark = self._deepest(loc)
        if mark is None:
            return section_position(self.doc, loc[0] if loc else "")
        return mark.line + 1, mark.column + 1

    def _deepest(self, loc: Sequence[int | str]) -> Any:
        assert self.doc is not None
        return deepest_mark(self.doc, loc)

    def hit(self, loc: Loc, message: str) -> Hit:
        line, column = self.where(loc)
        absent = self.doc is not None and self._deepest(loc) is None
        return Hit(line, column, message, field_path(loc) or None, absent)

    def about(self, loc: Loc, message: str, severity: Severity | None = None) -> Hit:
        """A finding of the analyses (RISK, STAGE, KAISM): ``"<id>: message"``
        at the *value* at ``loc`` (where validate points); an empty ``loc`` is
        the whole file (0:0, no source line)."""
        message = f"{self.account.id}: {message}"
        if self.doc is None or not loc:
            return Hit(0, 0, message, field_path(loc) or None, True, severity)
        line, column = self.doc.locate(loc)
        return Hit(line, column, message, field_path(loc), False, severity)

    @cached_property
    def quadrant(self) -> str | None:
        """The account's KAISM quadrant computed from its scores (§3), or None."""
        return quadrant_of(self.account, self.config)

    @cached_property
    def kaism(self) -> KaismResult:
        """The account's KAISM placement, its reasons in the run's language."""
        from kamctl.kaism import classify_account

        return classify_account(self.account, self.config.kaism, self.lang)


@dataclass
class PortfolioContext:
    """The accounts together, as the portfolio rules see them."""

    accounts: Sequence[Account]
    """Whole accounts (PORT rules); may be empty where only the figures are at hand."""
    config: Config
    paths: Mapping[str, str]
    """Account id → its file, so a finding about an account points at it."""
    risk: PortfolioRisk | None = None
    """Concentration (RISK00x); computed from ``accounts`` when not given."""
    lang: str = "en"

    def say(self, messages: Messages, key: str, **params: object) -> str:
        return say(messages, key, self.lang, **params)

    def concentration(self) -> PortfolioRisk:
        if self.risk is None:
            from kamctl.risk import portfolio_risk

            self.risk = portfolio_risk(self.accounts, self.config)
        return self.risk

    def hit(
        self,
        message: str,
        *,
        account: str | None = None,
        field: str | None = None,
        severity: Severity | None = None,
        path: str | None = None,
    ) -> Hit:
        """A finding about the portfolio (no account) or about one account's file;
        positioned 0:0 — it is about the file, not one line of it."""
        where = path if path is not None else self.paths.get(account, "") if account else ""
        return Hit(0, 0, message, field, True, severity, where, account)


def deepest_mark(doc: Document, loc: Sequence[int | str]) -> Any:
    """The start mark of the deepest key (or item) of ``loc`` present in ``doc``;
    None when not even the first part is there. Where a rule's finding points."""
    node = doc.root
    mark = None
    for part in loc:
        found = _child(node, part)
        if found is None:
            break
        key_node, node = found
        mark = (key_node or node).start_mark
    return mark


def rule_position(doc: Document, loc: Sequence[int | str]) -> tuple[int, int, bool]:
    """(line, column, absent) of a rule's finding at ``loc``: see :meth:`Context.where`."""
    mark = deepest_mark(doc, loc)
    if mark is None:
        line, column = section_position(doc, loc[0] if loc else "")
        return line, column, True
    return mark.line + 1, mark.column + 1, False


def section_position(doc: Document, section: int | str) -> tuple[int, int]:
    """(line, column) of the place an absent top-level ``section`` belongs.

    Sections go in the account model's order (the order ``kamctl new`` writes
    them). The finding points at the key of the next section the file has —
    the missing one goes just above it — or, when none follows, at the last
    line of the file, where it would be appended. Line 1 is usually the
    ``# yaml-language-server`` modeline, which is rarely part of a pull
    request's diff, so an annotation there would never be seen.
    """
    from kamctl.account import Account

    root = doc.root
    if root is None or getattr(root, "id", None) != "mapping" or not root.value:
        return 1, 1
    order = {name: i for i, name in enumerate(Account.model_fields)}
    wanted = order.get(str(section), len(order))
    following = [
        (order[k.value], k.start_mark)
        for k, _ in root.value
        if isinstance(getattr(k, "value", None), str) and order.get(k.value, -1) > wanted
    ]
    if following:
        mark = min(following, key=lambda item: (item[0], item[1].line))[1]
        return mark.line + 1, mark.column + 1
    end = root.value[-1][1].end_mark
    # A block ends at the start of the line after its last character.
    last = end.line if end.column == 0 else end.line + 1
    return max(last, 1), 1


def quadrant_of(account: Account, config: Config) -> str | None:
    """KAISM quadrant by DOMAIN §3, or None when the account cannot be classified.

    The same function as ``kamctl classify``, so lint and classify never disagree.
    """
    from kamctl.kaism import classify_account

    return classify_account(account, config.kaism).quadrant


def add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` plus whole calendar months; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def is_empty(value: Any) -> bool:
    """A section that is present but says nothing: ``[]``, ``{}``, or only nulls."""
    if value is None:
        return True
    if isinstance(value, (list, dict, str)):
        return not value
    dump = getattr(value, "model_dump", None)
    if dump is not None:
        return not any(not is_empty(v) and v is not False for v in dump(exclude_none=True).values())
    return False


def join(names: Sequence[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or with ``word="or"``)."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {word} " + names[-1]
