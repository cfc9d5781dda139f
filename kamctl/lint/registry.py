"""Every rule kamctl has, listed explicitly (no discovery magic: a rule that is
not here does not exist, and ``kamctl rules`` shows exactly this order).

The families — the letters of the id — say which command reports a rule:
KAM by ``lint``; RISK and STAGE by ``risk``; KAISM and PORT by ``classify``;
the rendered plans and the report show them all (:mod:`kamctl.checks`)."""

from __future__ import annotations

from importlib import import_module

from .base import Rule

MODULES = (
    "kam001_invalid",
    "kam002_unused_suppression",
    "kam101_sections",
    "kam102_goals",
    "kam103_strategy",
    "kam104_team",
    "kam105_actions",
    "kam106_overdue",
    "kam107_opportunities",
    "kam108_coverage",
    "kam109_single_contact",
    "kam110_stance",
    "kam111_stale_contact",
    "kam112_review",
    "kam113_qbr",
    "kam114_kaism",
    "kam115_joint_planning",
    "kam116_opportunity_close",
    "kam117_blocker_influence",
    "kam118_competitor_favoured",
    "kam119_win_loss_review",
    "kam125_win_loss_reason",
    "kam126_resources_short",
    "kam127_decision_maker_unreached",
    "kam130_classification_stale",
    "kam131_date_in_future",
    "risk001_single_customer",
    "risk002_major_customer",
    "risk003_concentrated",
    "risk101_contract_ending",
    "risk102_contract_ended",
    "risk103_short_notice",
    "risk104_no_contract",
    "risk110_single_person",
    "risk111_no_people",
    "risk112_single_owner",
    "risk113_few_strong",
    "risk114_no_top_contact",
    "risk120_key_person_against",
    "risk130_strong_competitor",
    "risk140_exposed_industry",
    "risk160_loss_making",
    "stage101_partnership_single_contact",
    "stage102_partnership_single_owner",
    "stage103_partnership_no_top",
    "stage104_partnership_against",
    "stage105_synergistic_not_agreed",
    "stage106_mid_single_contact",
    "stage107_pre_kam_revenue",
    "stage108_no_revenue",
    "kaism101_unclassified",
    "kaism102_partly_scored",
    "port101_too_few",
    "port102_too_many",
    "port103_outside_guide",
    "port104_kam_over_capacity",
    "port105_no_kam",
    "port106_resources_inverted",
)
"""The rule modules of :mod:`kamctl.lint.rules`, in the order ``kamctl rules``
lists them (named once: a rule that is not here does not exist)."""

RULES: tuple[Rule, ...] = tuple(Rule.from_module(import_module(f"{__package__}.rules.{m}")) for m in MODULES)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

INVALID = "KAM001"
UNUSED_SUPPRESSION = "KAM002"

LINT_RULES: tuple[Rule, ...] = tuple(r for r in RULES if r.family == "KAM")
"""The rules ``kamctl lint`` runs."""

PLAN_RULES: tuple[Rule, ...] = tuple(r for r in LINT_RULES if not r.meta)
"""The rules about a plan's content: the checks behind ``status`` completeness."""

FILE_RULES: tuple[Rule, ...] = tuple(r for r in RULES if r.scope == "file")
PORTFOLIO_RULES: tuple[Rule, ...] = tuple(r for r in RULES if r.scope == "portfolio")


def family(name: str) -> tuple[str, ...]:
    """The ids of one family (``RISK``), in registry order."""
    return tuple(r.id for r in RULES if r.family == name)


def get(rule_id: str) -> Rule | None:
    return BY_ID.get(rule_id.upper())
