"""What the STAGE rules share: the stated stage, and the shape of their
messages ("<id>: stage is partnership-kam, but …"). Not a rule."""

from __future__ import annotations

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Loc, Messages

MESSAGES: Messages = {
    "but": {
        "en": "stage is {stage}, but {message}",
        "nb": "relasjonsfasen er {stage}, men {message}",
    },
}


def stage_hit(ctx: Context, loc: Loc, message: str, severity: Severity | None = None) -> Hit:
    """A STAGE finding at ``loc``: the stated stage, then what contradicts it."""
    assert ctx.account.stage is not None  # every STAGE rule's applies() says so
    return ctx.about(loc, ctx.say(MESSAGES, "but", stage=ctx.account.stage.value, message=message), severity)


def close_stage(ctx: Context) -> bool:
    """Partnership or synergistic: many-to-many contacts (DOMAIN §4)."""
    from kamctl.account import Stage

    return ctx.account.stage in (Stage.partnership_kam, Stage.synergistic_kam)
