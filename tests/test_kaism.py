"""KAISM axis scores and quadrants, against arithmetic done by hand (DOMAIN §3)."""

from __future__ import annotations

import pytest

from kamctl.account import Account
from kamctl.config import KaismConfig, load_config
from kamctl.kaism import classify_account, round_half_up
from kamctl.loader import load_accounts
from tests.conftest import EXAMPLES


def account(ca: dict[str, float], os_: dict[str, float]) -> Account:
    return Account.model_validate(
        {"id": "t", "name": "T", "kaism": {"customer_attractiveness": ca, "our_strength": os_}}
    )


CFG = KaismConfig(
    threshold=5.0,
    customer_attractiveness={"volume": 3, "growth": 1},
    our_strength={"fit": 1, "price": 1},
    tiers={"key": "Diamond"},
)


def test_weighted_axis_scores_and_quadrant() -> None:
    # CA = (3×8 + 1×4) / (3 + 1) = 28 / 4 = 7.0 → high
    # OS = (1×2 + 1×6) / 2 = 8 / 2 = 4.0 → low
    r = classify_account(account({"volume": 8, "growth": 4}, {"fit": 2, "price": 6}), CFG)
    assert r.attractiveness == 7.0
    assert r.strength == 4.0
    assert r.quadrant == "key_development"
    assert r.priority == 1
    assert r.tier == "Key development account"  # no tier configured → Cheverton's label
    assert r.missing == () and r.reason is None


def test_configured_tier_name() -> None:
    # CA = (3×6 + 1×6)/4 = 6.0, OS = (7 + 5)/2 = 6.0 → both high → key
    r = classify_account(account({"volume": 6, "growth": 6}, {"fit": 7, "price": 5}), CFG)
    assert (r.quadrant, r.tier, r.priority) == ("key", "Diamond", 2)


@pytest.mark.parametrize(
    ("ca", "os_", "quadrant", "priority"),
    [
        # CA = (3×5 + 1×5)/4 = 20/4 = 5.0 exactly: ON the threshold is high.
        # OS = (4 + 5)/2 = 4.5 → low. High/low → key development.
        ({"volume": 5, "growth": 5}, {"fit": 4, "price": 5}, "key_development", 1),
        # CA = (3×4 + 1×9)/4 = 21/4 = 5.25 high; OS = (5 + 5)/2 = 5.0 on the threshold → key.
        ({"volume": 4, "growth": 9}, {"fit": 5, "price": 5}, "key", 2),
        # CA = (3×5 + 1×4.6)/4 = 19.6/4 = 4.9 low; OS = (5 + 5)/2 = 5.0 high → maintenance.
        ({"volume": 5, "growth": 4.6}, {"fit": 5, "price": 5}, "maintenance", 3),
        # CA = (3×4.9 + 1×5)/4 = 19.7/4 = 4.925 low; OS = (4.9 + 5)/2 = 4.95 low → opportunistic.
        ({"volume": 4.9, "growth": 5}, {"fit": 4.9, "price": 5}, "opportunistic", 4),
    ],
)
def test_threshold_is_inclusive(ca: dict, os_: dict, quadrant: str, priority: int) -> None:
    r = classify_account(account(ca, os_), CFG)
    assert (r.quadrant, r.priority) == (quadrant, priority)


def test_threshold_holds_for_weights_that_are_not_exact_in_binary() -> None:
    # Weights 0.1, 1.1, 2.2 (Σ 3.4) and every score 5: the weighted mean is
    # 17/3.4 = 5 exactly on paper; in binary floats it comes out 4.999999999999999.
    # It must still count as ON the threshold.
    cfg = KaismConfig(
        customer_attractiveness={"a": 0.1, "b": 1.1, "c": 2.2},
        our_strength={"x": 1},
    )
    r = classify_account(account({"a": 5, "b": 5, "c": 5}, {"x": 5}), cfg)
    assert r.attractiveness == pytest.approx(5.0)
    assert r.quadrant == "key"


def test_missing_criterion_is_reported_not_zero() -> None:
    # 'growth' not scored. Treated as 0 it would give CA = 3×8/4 = 6.0 (or
    # 24/4); instead the account is unclassified and says why.
    r = classify_account(account({"volume": 8}, {"fit": 5, "price": 5}), CFG)
    assert r.quadrant is None and r.priority is None and r.tier is None
    assert r.attractiveness is None
    assert r.strength == 5.0  # the other axis is still computed: (5 + 5)/2
    assert r.missing == ("customer_attractiveness.growth",)
    assert "'growth' not scored" in (r.reason or "")
    assert "1 of 2" in (r.reason or "")


def test_min_scored_below_one_scores_over_present_criteria() -> None:
    # min_scored 0.5 of 2 criteria → 1 needed. CA over 'volume' only: 3×8/3 = 8.0.
    cfg = CFG.model_copy(update={"min_scored": 0.5})
    r = classify_account(account({"volume": 8}, {"fit": 5, "price": 5}), cfg)
    assert r.attractiveness == 8.0
    assert r.quadrant == "key"
    assert r.missing == ("customer_attractiveness.growth",)  # still reported


def test_no_kaism_section_is_unclassified() -> None:
    r = classify_account(Account.model_validate({"id": "x", "name": "X"}), CFG)
    assert r.quadrant is None
    assert "no KAISM scores" in (r.reason or "")


def test_criteria_not_in_the_config_are_ignored() -> None:
    # 'colour' is not a configured criterion; CA = (3×6 + 1×6)/4 = 6.0 regardless.
    r = classify_account(account({"volume": 6, "growth": 6, "colour": 0}, {"fit": 6, "price": 6}), CFG)
    assert r.attractiveness == 6.0


def test_round_half_up() -> None:
    # 4.125 is exact in binary; round() would give 4.12 (half to even).
    assert round_half_up(4.125) == 4.13
    assert round_half_up(55 / 12) == 4.58  # 4.58333…
    assert round_half_up(98 / 12) == 8.17  # 8.16666…


# --------------------------------------------------------------- the examples

# (quadrant, CA, OS) from examples/README.md "KAISM scores, by hand" (CA weights Σ20, OS Σ12).
EXPECTED = {
    "havbris-sjomat": ("key", 163 / 20, 98 / 12),  # 8.15, 8.17
    "nordmelk": ("key", 141 / 20, 94 / 12),  # 7.05, 7.83
    "nordlys-dagligvare": ("key", 124 / 20, 75 / 12),  # 6.20, 6.25
    "vestgruppen": ("key", 118 / 20, 63 / 12),  # 5.90, 5.25
    "bergen-byggvare": ("key_development", 143 / 20, 50 / 12),  # 7.15, 4.17
    "polarnett": ("key_development", 137 / 20, 43 / 12),  # 6.85, 3.58
    "vestgruppen-fiskefor": ("key_development", 131 / 20, 57 / 12),  # 6.55, 4.75
    "kystlab": ("key_development", 100 / 20, 54 / 12),  # 5.00 (on threshold), 4.50
    "grenland-kjemi": ("key_development", 122 / 20, 32 / 12),  # 6.10, 2.67
    "tromso-fiskeindustri": ("maintenance", 82 / 20, 92 / 12),  # 4.10, 7.67
    "mjosen-bakeri": ("maintenance", 84 / 20, 79 / 12),  # 4.20, 6.58
    "hallingdal-mobler": ("maintenance", 70 / 20, 60 / 12),  # 3.50, 5.00 (on threshold)
    "vestgruppen-logistikk": ("maintenance", 94 / 20, 81 / 12),  # 4.70, 6.75
    "sorlandet-frukt": ("opportunistic", 45 / 20, 29 / 12),  # 2.25, 2.42
    "innlandet-trykk": ("opportunistic", 99 / 20, 52 / 12),  # 4.95 (just below), 4.33
    "stavanger-offshore-service": ("opportunistic", 67 / 20, 53 / 12),  # 3.35, 4.42
}
TIERS = {"key_development": "Portfolio", "key": "Diamond", "maintenance": "Foundation"}


@pytest.fixture(scope="module")
def example_accounts() -> dict[str, Account]:
    cfg = load_config(EXAMPLES / "kamctl.toml")
    loaded, problems = load_accounts([str(EXAMPLES / "accounts")], cfg, jobs=1)
    assert not problems and all(f.ok for f in loaded)
    return {f.account.id: f.account for f in loaded if f.account}


def test_examples_match_hand_computed_scores(example_accounts: dict[str, Account]) -> None:
    cfg = load_config(EXAMPLES / "kamctl.toml").kaism
    for acc_id, (quadrant, ca, os_) in EXPECTED.items():
        r = classify_account(example_accounts[acc_id], cfg)
        assert r.quadrant == quadrant, acc_id
        assert r.attractiveness == pytest.approx(ca, abs=1e-12), acc_id
        assert r.strength == pytest.approx(os_, abs=1e-12), acc_id
        assert r.tier == TIERS.get(quadrant, "Opportunistic")


def test_examples_agder_is_unclassified_for_innovation(example_accounts: dict[str, Account]) -> None:
    cfg = load_config(EXAMPLES / "kamctl.toml").kaism
    r = classify_account(example_accounts["agder-elektro"], cfg)
    assert r.quadrant is None
    assert r.missing == ("customer_attractiveness.innovation",)
    # OS = (3×5 + 2×5 + 3×4 + 2×6 + 2×3)/12 = 55/12 = 4.5833…
    assert r.strength == pytest.approx(55 / 12)
    assert "6 of 7" in (r.reason or "")


def test_examples_counts(example_accounts: dict[str, Account]) -> None:
    cfg = load_config(EXAMPLES / "kamctl.toml").kaism
    quadrants = [classify_account(a, cfg).quadrant for a in example_accounts.values()]
    # README: key 4, key_development 5, maintenance 4, opportunistic 3, unclassified 1.
    assert {q: quadrants.count(q) for q in set(quadrants)} == {
        "key": 4,
        "key_development": 5,
        "maintenance": 4,
        "opportunistic": 3,
        None: 1,
    }


def test_shown_score_never_rounds_across_the_threshold() -> None:
    from kamctl.kaism import shown_score

    # 4.995 would round half-up to 5.00 although the account is low on the axis.
    assert shown_score(4.995, 5.0) == 4.995
    assert shown_score(4.9999, 5.0) == 4.999  # truncated, still below 5
    assert shown_score(4.994, 5.0) == 4.99  # ordinary rounding where it does not cross
    assert shown_score(5.004, 5.0) == 5.0  # above: ordinary rounding
    assert shown_score(98 / 12, 5.0) == 8.17
    # A float artefact just under the threshold counts as ON it (high), so 5.00 is right.
    assert shown_score(4.999999999999999, 5.0) == 5.0


def test_table_shows_the_truncated_score() -> None:
    from kamctl.tabular import format_number

    assert format_number(4.995, "score", "nb", 5.0) == "4,995"
    assert format_number(4.9949, "score", "nb", 5.0) == "4,99"
    assert format_number(7.15, "score", "en", 5.0) == "7.15"
