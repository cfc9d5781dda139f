"""KAM125 win-loss-reason: a win/loss reason comes from the team's list.

What it checks
    Each ``win_loss.reason`` of an opportunity is one of the reasons in
    ``[lint] win_loss_reasons``. An empty list accepts any reason.

Why
    DOMAIN §8: Company X reviews every win and every loss; the point is what
    the portfolio learns. Reasons written freely ("pris", "Price", "too
    expensive") cannot be added up across accounts, so the report's sum of
    reasons would split one lesson into three. The list is the team's
    vocabulary; the free text goes in ``reason_note``.

Options
    ``[lint] win_loss_reasons = ["price", "relationship", "product_fit",
    "delivery", "service", "timing", "no_decision", "other"]`` (the default).

Where
    At the ``reason:`` key.

PASS::

    opportunities:
      - name: Strekkfilm alle meierier
        status: lost
        closed: 2026-03-31
        win_loss: {date: 2026-04-10, reason: price, reason_note: 8 % under oss}

FAIL::

    opportunities:
      - name: Strekkfilm alle meierier
        status: lost
        closed: 2026-03-31
        win_loss: {date: 2026-04-10, reason: for dyre}   # KAM125

Instead
    Pick the reason from the list (``kamctl rules KAM125`` shows it) and put
    the nuance in ``reason_note``; if the team needs a new reason, add it to
    ``win_loss_reasons`` in kamctl.toml so every plan can use it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM125"
NAME = "win-loss-reason"
SEVERITY = Severity.warning
SUMMARY = {
    "en": "A win/loss reason is one of the configured win_loss_reasons, so reasons add up across the portfolio.",
    "nb": "En vinn/tap-årsak er en av de konfigurerte win_loss_reasons, så årsakene kan summeres over porteføljen.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "unknown": {
        "en": "win/loss reason {reason} of {name} is not in win_loss_reasons ({known}){hint}",
        "nb": "vinn/tap-årsaken {reason} for {name} er ikke i win_loss_reasons ({known}){hint}",
    },
    "hint": {"en": "; did you mean {guess}?", "nb": "; mente du {guess}?"},
}


def applies(ctx: Context) -> bool:
    """Only plans with a recorded reason, under a config that lists reasons."""
    return bool(ctx.config.lint.win_loss_reasons) and any(
        o.win_loss is not None and o.win_loss.reason for o in ctx.account.opportunities
    )


def check(ctx: Context) -> Iterator[Hit]:
    known = list(ctx.config.lint.win_loss_reasons)
    if not known:
        return
    for i, o in enumerate(ctx.account.opportunities):
        reason = o.win_loss.reason if o.win_loss is not None else None
        if not reason or reason in known:
            continue
        guess = difflib.get_close_matches(reason.strip().lower(), known, n=1, cutoff=0.6)
        hint = ctx.say(MESSAGES, "hint", guess=ctx.quote(guess[0])) if guess else ""
        yield ctx.hit(
            ("opportunities", i, "win_loss", "reason"),
            ctx.say(
                MESSAGES,
                "unknown",
                reason=ctx.quote(reason),
                name=ctx.quote(o.name),
                known=", ".join(known),
                hint=hint,
            ),
        )
