"""KAM130 classification-stale: a written ``classification:`` block still matches the scores.

What it checks
    An account file that has a ``classification:`` block (written by
    ``kamctl classify --write``) holds the quadrant, tier, investment
    priority and axis scores that its ``kaism`` scores give today, under
    the config's criteria, weights, threshold and tier names. A block of an
    account that can no longer be classified is stale too.

Why
    The block is what people read in the file and what other tools pick up;
    after a score, a weight or the threshold changes it goes on saying
    "priority 1" while the data says 4 (issue 10). The scores are the truth
    (DOMAIN §3), the block only a copy.

Options
    The ``[kaism]`` section of the config. The ``abc`` key is not judged here:
    it depends on every account's revenue, and lint looks at one file at a
    time. ``kamctl classify --check`` judges the whole block, ``abc``
    included, and exits 1 when ``--write`` would change anything (for CI).

Where
    At the stale key inside the block (``priority:``); at ``classification:``
    for a key the block lacks.

PASS::

    kaism:                        # the default config's criteria, all 8 and 3
      customer_attractiveness: {volume_potential: 8, margin_potential: 8, growth: 8, strategic_fit: 8, reference_value: 8, relationship_potential: 8}
      our_strength: {product_fit: 3, relationship_depth: 3, delivery_record: 3, price_position: 3, share_of_wallet: 3}
    classification:
      quadrant: key_development
      tier: Key development account
      priority: 1
      customer_attractiveness: 8.0
      our_strength: 3.0

FAIL::

    classification:
      quadrant: opportunistic     # KAM130: the scores give key_development
      priority: 4                 # KAM130: the scores give 1

Instead
    Run ``kamctl classify --write`` (or delete the block); never edit it by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

from kamctl.diagnostics import Severity
from kamctl.lint.base import Context, Hit, Messages

ID = "KAM130"
NAME = "classification-stale"
SEVERITY = Severity.error
SUMMARY = {
    "en": "A classification block written by classify --write still matches the KAISM scores.",
    "nb": "En klassifiseringsblokk skrevet av classify --write stemmer fortsatt med KAISM-poengene.",
}
PROFILES = ("full", "light")

MESSAGES: Messages = {
    "stale": {
        "en": "classification.{field} is {written}, the scores give {computed}; run `kamctl classify --write`",
        "nb": "classification.{field} er {written}, poengene gir {computed}; kjør `kamctl classify --write`",
    },
    "missing": {
        "en": "classification has no {field}; the scores give {computed}; run `kamctl classify --write`",
        "nb": "classification mangler {field}; poengene gir {computed}; kjør `kamctl classify --write`",
    },
    "unclassified": {
        "en": "classification says {written}, but the account can no longer be classified; "
        "run `kamctl classify --write`",
        "nb": "classification sier {written}, men kunden kan ikke lenger klassifiseres; "
        "kjør `kamctl classify --write`",
    },
}


def applies(ctx: Context) -> bool:
    return ctx.account.classification is not None


def check(ctx: Context) -> Iterator[Hit]:
    from kamctl.classify_write import KAISM_KEYS, kaism_block, shown
    from kamctl.kaism import classify_account

    block = ctx.account.classification
    if block is None:
        return
    computed = kaism_block(classify_account(ctx.account, ctx.config.kaism), ctx.config.kaism.threshold)
    written_keys = [k for k in KAISM_KEYS if getattr(block, k) is not None]
    if not computed:
        if written_keys:
            # One finding, not one per key: the whole KAISM part is void.
            said = ", ".join(f"{k}: {shown(getattr(block, k))}" for k in written_keys)
            yield ctx.hit(("classification",), ctx.say(MESSAGES, "unclassified", written=said))
        return
    for key in KAISM_KEYS:
        written, wanted = getattr(block, key), computed.get(key)
        if written == wanted:
            continue
        if written is None:
            yield ctx.hit(
                ("classification",), ctx.say(MESSAGES, "missing", field=key, computed=shown(wanted))
            )
        else:
            yield ctx.hit(
                ("classification", key),
                ctx.say(MESSAGES, "stale", field=key, written=shown(written), computed=shown(wanted)),
            )
