"""Who a document is for: the account team (everything) or the customer.

A plan shared with the customer (joint planning, DOMAIN §6) keeps what both
sides work on — goals, strategy, opportunities, actions, the meeting rhythm —
and leaves out what is ours alone: how we rate the customer's people, our
margins, our classification of the customer, competitor assessments, risks
and findings. Which fields those are is declared once, where the field is
defined: ``json_schema_extra=INTERNAL`` on a model field
(:mod:`kamctl.account`) or ``metadata=INTERNAL`` on a computed fact
(:mod:`kamctl.facts`). Everything here reads those declarations; templates ask
:func:`hidden` and never list fields themselves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel

# The marker lives in kamctl.types, a leaf module, so that the model can use it
# without importing this module (which reads the model): no import cycle.

if TYPE_CHECKING:
    from .facts import AccountFacts

Audience = Literal["internal", "customer"]
AUDIENCES: tuple[Audience, ...] = ("internal", "customer")

# The marker lives in kamctl.types, a leaf module, so that the model can use
# it without importing this module (which reads the model): no import cycle.

M = TypeVar("M", bound=BaseModel)


def is_internal(model: type[BaseModel], name: str) -> bool:
    """Whether ``model.name`` is declared internal."""
    info = model.model_fields.get(name)
    extra = info.json_schema_extra if info is not None else None
    return isinstance(extra, dict) and extra.get("internal") is True


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes inside a field's annotation (``X``, ``list[X]``, ``X | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in getattr(annotation, "__args__", ()):
        yield from _models(arg)


def internal_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every internal field as a dotted path from ``model``, e.g. ``stakeholders.stance``."""
    out: list[str] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        if is_internal(model, name):
            out.append(path)
            continue
        for sub in _models(info.annotation):
            out.extend(internal_paths(sub, f"{path}."))
    return out


def hidden(audience: Audience, qualified: str) -> bool:
    """For templates: is ``"Model.field"`` (e.g. ``"Stakeholder.stance"``) left out for ``audience``?"""
    if audience == "internal":
        return False
    from . import account, facts

    model_name, _, name = qualified.partition(".")
    if model_name == "AccountFacts":
        by_name = {f.name: f for f in dataclasses.fields(facts.AccountFacts)}
        if name not in by_name:
            raise KeyError(f"no computed fact {qualified!r}")
        return bool(by_name[name].metadata.get("internal"))
    model = getattr(account, model_name, None)
    if not (isinstance(model, type) and issubclass(model, BaseModel)) or name not in model.model_fields:
        raise KeyError(f"no model field {qualified!r}")  # a template typo must not show a field
    return is_internal(model, name)


def for_customer(obj: M) -> M:
    """A copy of ``obj`` with every internal field reset to its default (None or empty)."""
    changes: dict[str, Any] = {}
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        if is_internal(type(obj), name):
            changes[name] = info.get_default(call_default_factory=True)
        elif isinstance(value, BaseModel):
            changes[name] = for_customer(value)
        elif isinstance(value, list) and any(isinstance(v, BaseModel) for v in value):
            changes[name] = [for_customer(v) if isinstance(v, BaseModel) else v for v in value]
    return obj.model_copy(update=changes)


def customer_facts(facts: AccountFacts) -> AccountFacts:
    """Computed facts (a dataclass) with the internal ones emptied and the account stripped."""
    changes: dict[str, Any] = {"account": for_customer(facts.account)}
    for f in dataclasses.fields(facts):
        if f.metadata.get("internal"):
            changes[f.name] = [] if isinstance(getattr(facts, f.name), list) else None
    return dataclasses.replace(facts, **changes)


def internal_values(obj: BaseModel) -> Iterator[Any]:
    """The values an internal field holds in ``obj`` (for checking a document leaks none)."""
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if value is None or value == [] or value == {}:
            continue
        if is_internal(type(obj), name):
            yield from leaves(value)
        elif isinstance(value, BaseModel):
            yield from internal_values(value)
        elif isinstance(value, list):
            for v in value:
                if isinstance(v, BaseModel):
                    yield from internal_values(v)


def leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from leaves(getattr(value, name))
    elif isinstance(value, dict):
        # Keys name things (criteria, offerings) that shared sections name too.
        for v in value.values():
            yield from leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from leaves(v)
    elif value is not None:
        yield value
