"""KAM114 kaism-incomplete: every KAISM criterion of the config is scored.

What it checks
    ``kaism.customer_attractiveness`` and ``kaism.our_strength`` each score
    every criterion the portfolio config weighs (``[kaism.customer_attractiveness]``,
    ``[kaism.our_strength]``), and nothing else: a criterion the config does
    not know is most likely a misspelling and counts for nothing.

Why
    DOMAIN §3: the axis score is Σ(weight × score) / Σ(weight) over the
    company's criteria; an account with unscored criteria cannot be placed in
    the matrix (with the default ``min_scored = 1.0``), so it gets no
    investment priority and no class-specific approach.

Options
    The criteria are those weighed in ``[kaism.customer_attractiveness]`` and
    ``[kaism.our_strength]``.

Where
    At the axis key naming the unscored criteria; at a criterion the config
    does not know; at ``kaism:`` when an axis is missing, and where the
    section belongs when it is absent (the next section's key).

PASS::

    kaism:                        # the default config's criteria
      customer_attractiveness: {volume_potential: 8, margin_potential: 6, growth: 5, strategic_fit: 8, reference_value: 8, relationship_potential: 7}
      our_strength: {product_fit: 8, relationship_depth: 8, delivery_record: 9, price_position: 7, share_of_wallet: 7}

FAIL::

    kaism:
      customer_attractiveness:    # KAM114: innovation not scored
        volume_potential: 8
        inovation: 6              # KAM114: not a criterion of the config

Instead
    Score the missing criteria with the classification team (Cheverton: a
    team, not one person) and fix misspelt names.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM114"
NAME = "kaism-incomplete"
SEVERITY = Severity.error
SUMMARY = {
    "en": "Every KAISM criterion in the config is scored, on both axes.",
    "nb": "Alle KAISM-kriteriene i konfigurasjonen har poeng, på begge aksene.",
}
PROFILES = ("full", "light")

AXES = ("customer_attractiveness", "our_strength")
MESSAGES: Messages = {
    "none": {
        "en": "no KAISM scores: the account cannot be classified",
        "nb": "ingen KAISM-poeng: kunden kan ikke klassifiseres",
    },
    "missing": {"en": "{axis}: not scored: {missing}", "nb": "{axis}: mangler poeng for {missing}"},
    "unknown": {
        "en": "{axis}: {name} is not a criterion in the config (known: {known})",
        "nb": "{axis}: {name} er ikke et kriterium i konfigurasjonen (kjente kriterier: {known})",
    },
}


def check(ctx: Context) -> Iterator[Hit]:
    kaism = ctx.account.kaism
    if kaism is None:
        yield ctx.hit(("kaism",), ctx.say(MESSAGES, "none"))
        return
    for axis in AXES:
        weights: dict[str, float] = getattr(ctx.config.kaism, axis)
        scores: dict[str, float] = getattr(kaism, axis)
        missing = [c for c in weights if scores.get(c) is None]
        if missing:
            yield ctx.hit(("kaism", axis), ctx.say(MESSAGES, "missing", axis=axis, missing=ctx.join(missing)))
        for name in scores:
            if name not in weights:
                yield ctx.hit(
                    ("kaism", axis, name),
                    ctx.say(MESSAGES, "unknown", axis=axis, name=ctx.quote(name), known=", ".join(weights)),
                )
