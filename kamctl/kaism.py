"""KAISM: Cheverton's Key Account Identification and Selection Matrix (DOMAIN §3).

Each axis score is Σ(weight × score) / Σ(weight) over the criteria the config
names; a score at or above the threshold is "high". A criterion the config
names but the account does not score is *missing*: it is reported, never
counted as zero (a zero would silently push the account into a lower
quadrant and so into a lower budget).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .i18n import N_, Messages, say

if TYPE_CHECKING:
    from .account import Account
    from .config import KaismConfig

AXES = ("customer_attractiveness", "our_strength")

QUADRANTS = ("key_development", "key", "maintenance", "opportunistic")
"""In investment-priority order (Cheverton): the first gets the budget first."""

PRIORITY = {q: i for i, q in enumerate(QUADRANTS, 1)}

DEFAULT_TIERS = {
    "key_development": "Key development account",
    "key": "Key account",
    "maintenance": "Maintenance account",
    "opportunistic": "Opportunistic account",
}

# Weighted means of scores with one decimal and weights like 3 or 0.5 are
# exact to far better than this; the slack only keeps 4.999999999999 (a float
# artefact of weights such as 0.1) on the side of the threshold it is meant to be.
_EPSILON = 1e-9


@dataclass(frozen=True)
class KaismResult:
    account_id: str
    attractiveness: float | None
    strength: float | None
    quadrant: str | None
    """"key" | "key_development" | "maintenance" | "opportunistic"; None when unclassified."""
    tier: str | None
    """Display name: the config's tier for the quadrant, else Cheverton's label."""
    priority: int | None
    """Investment priority, 1 = highest."""
    missing: tuple[str, ...]
    """Criteria the config names but the account does not score, e.g. "customer_attractiveness.growth"."""
    reason: str | None
    """Why the account is unclassified (None when classified)."""

    @property
    def classified(self) -> bool:
        return self.quadrant is not None


def quadrant_of(attractiveness: float, strength: float, threshold: float) -> str:
    high_a = attractiveness >= threshold - _EPSILON
    high_s = strength >= threshold - _EPSILON
    if high_a:
        return "key" if high_s else "key_development"
    return "maintenance" if high_s else "opportunistic"


def tier_name(quadrant: str, cfg: KaismConfig) -> str:
    return cfg.tiers.get(quadrant) or DEFAULT_TIERS[quadrant]


def shown_tier(quadrant: str | None, tier: str | None, lang: str) -> str:
    """The tier as a reader sees it: the config's own name as written, the
    default (Cheverton's English label) in ``lang``, ``unclassified`` in ``lang``.
    ``tier`` stays the data (``classify --write`` and KAM130 compare it)."""
    from .i18n import Locale, tr

    if quadrant is None or tier is None:
        return tr(lang, N_("unclassified"))
    if tier == DEFAULT_TIERS.get(quadrant):
        return Locale(lang).t(f"quadrant.{quadrant}")
    return tier


MESSAGES: Messages = {
    "no_weights": {
        "en": "no criteria with a weight in the config",
        "nb": "ingen kriterier med vekt i konfigurasjonen",
    },
    "not_scored": {
        "en": "{names} not scored ({present} of {counted} criteria; {rule})",
        "nb": "{names} mangler poeng ({present} av {counted} kriterier; {rule})",
    },
    "all": {"en": "all must be scored", "nb": "alle må ha poeng"},
    "at_least": {"en": "at least {n} must be scored", "nb": "minst {n} må ha poeng"},
    "no_scores": {
        "en": "no KAISM scores (section 'kaism' is missing)",
        "nb": "ingen KAISM-poeng (seksjonen «kaism» mangler)",
    },
    "attractiveness": {"en": "customer attractiveness: {why}", "nb": "kundens attraktivitet: {why}"},
    "strength": {"en": "our strength: {why}", "nb": "vår styrke: {why}"},
    # kamctl classify's notes (the findings are the rules KAISM101 and KAISM102)
    "unclassified_note": {"en": "{id}: unclassified — {reason}", "nb": "{id}: ikke klassifisert — {reason}"},
}
"""Why an account is unclassified, in English and Norwegian bokmål."""


def axis_score(
    scores: dict[str, float], weights: dict[str, float], min_scored: float, lang: str = "en"
) -> tuple[float | None, list[str], str | None]:
    """(score or None, missing criteria, why no score).

    Criteria with weight 0 neither count nor are required. With ``min_scored``
    below 1 an axis is scored over the criteria present (their weights
    renormalised), provided that share of the weighted criteria is scored.
    """
    counted = [c for c, w in weights.items() if w > 0]
    if not counted:
        return None, [], say(MESSAGES, "no_weights", lang)
    missing = [c for c in counted if scores.get(c) is None]
    present = [c for c in counted if scores.get(c) is not None]
    needed = math.ceil(min_scored * len(counted) - _EPSILON)
    if not present or len(present) < needed:
        names = ", ".join(f"«{c}»" if lang == "nb" else repr(c) for c in missing)
        rule = (
            say(MESSAGES, "all", lang)
            if needed >= len(counted)
            else say(MESSAGES, "at_least", lang, n=needed)
        )
        why = say(
            MESSAGES, "not_scored", lang, names=names, present=len(present), counted=len(counted), rule=rule
        )
        return None, missing, why
    num = math.fsum(weights[c] * float(scores[c]) for c in present)
    den = math.fsum(weights[c] for c in present)
    return num / den, missing, None


def classify_account(account: Account, cfg: KaismConfig, lang: str = "en") -> KaismResult:
    """The account's KAISM placement; ``reason`` (why unclassified) is in ``lang``."""
    kaism = account.kaism
    if kaism is None or (not kaism.customer_attractiveness and not kaism.our_strength):
        return KaismResult(account.id, None, None, None, None, None, (), say(MESSAGES, "no_scores", lang))
    a, a_missing, a_why = axis_score(
        kaism.customer_attractiveness, cfg.customer_attractiveness, cfg.min_scored, lang
    )
    s, s_missing, s_why = axis_score(kaism.our_strength, cfg.our_strength, cfg.min_scored, lang)
    missing = tuple(
        [f"customer_attractiveness.{c}" for c in a_missing] + [f"our_strength.{c}" for c in s_missing]
    )
    if a is None or s is None:
        reasons = []
        if a_why:
            reasons.append(say(MESSAGES, "attractiveness", lang, why=a_why))
        if s_why:
            reasons.append(say(MESSAGES, "strength", lang, why=s_why))
        return KaismResult(account.id, a, s, None, None, None, missing, "; ".join(reasons))
    quadrant = quadrant_of(a, s, cfg.threshold)
    return KaismResult(
        account.id, a, s, quadrant, tier_name(quadrant, cfg), PRIORITY[quadrant], missing, None
    )


def round_half_up(value: float, digits: int = 2) -> float:
    """Round for display the way the hand-worked tables do (4.125 → 4.13):
    the one rule of :func:`kamctl.numbers.round_half_up`, as a float."""
    from .numbers import round_half_up as exact

    return float(exact(value, digits))


def shown_score(value: float, threshold: float) -> float:
    """``value`` rounded for people, never across the threshold.

    4.995 rounds (half-up) to 5.00, but the account is *low* on that axis; a
    table or file saying 5.00 next to "low" would look like a bug. Such a
    score is shown truncated to three decimals instead (4.995, 4.999).
    """
    from decimal import ROUND_DOWN, Decimal

    rounded = round_half_up(value, 2)
    if value < threshold - _EPSILON and rounded >= threshold:
        return float(Decimal(repr(value)).quantize(Decimal("0.001"), rounding=ROUND_DOWN))
    return rounded
