"""The loader's short pickling of models (kamctl.loader._reduce_model and
_rebuild_model) does what pydantic.BaseModel.__getstate__/__setstate__ do,
by hand, for speed: it reads and writes four private attributes of every
model. If a Pydantic upgrade changes those, this test fails and says what to
update — instead of the workers silently sending back broken models."""

from __future__ import annotations

import pickle

import pydantic
from conftest import EXAMPLES
from pydantic import BaseModel

from kamctl import loader

HANDLED = {"__dict__", "__pydantic_extra__", "__pydantic_fields_set__", "__pydantic_private__"}


def _example() -> BaseModel:
    account, diags, _ = loader.check_account(
        "nordmelk.yaml", (EXAMPLES / "accounts" / "nordmelk.yaml").read_bytes()
    )
    assert account is not None, diags
    return account


def test_pydantic_state_is_the_four_attributes_the_loader_copies() -> None:
    state = _example().__getstate__()
    assert set(state) == HANDLED, (
        f"pydantic {pydantic.VERSION}: BaseModel.__getstate__ now holds {sorted(state)}, "
        f"but kamctl.loader._reduce_model/_rebuild_model copy only {sorted(HANDLED)}: "
        "update them to what BaseModel.__getstate__/__setstate__ do now (or drop the short "
        "pickling and use pickle's default, at the cost measured in kamctl/loader.py)"
    )


def test_a_model_survives_the_short_pickling_unchanged() -> None:
    model = _example()
    copy = pickle.loads(loader._dump_model(model))
    assert type(copy) is type(model)
    # Equal by value, field sets and extras included (BaseModel.__eq__ compares them all).
    assert copy == model
    assert copy.model_fields_set == model.model_fields_set
    assert copy.model_dump() == model.model_dump()
    # Nested models too: the stakeholders are models of their own.
    assert copy.stakeholders and copy.stakeholders[0] == model.stakeholders[0]
    assert copy.stakeholders[0].model_fields_set == model.stakeholders[0].model_fields_set
    # The rebuilt model is a working model: it validates an assignment and copies.
    assert copy.model_copy(update={"name": "X"}).name == "X"
