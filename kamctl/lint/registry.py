"""Every lint rule, listed explicitly (no discovery magic: a rule that is not
here does not exist, and ``kamctl rules`` shows exactly this order)."""

from __future__ import annotations

from .base import Rule
from .rules import (
    kam001_invalid,
    kam002_unused_suppression,
    kam101_sections,
    kam102_goals,
    kam103_strategy,
    kam104_team,
    kam105_actions,
    kam106_overdue,
    kam107_opportunities,
    kam108_coverage,
    kam109_single_contact,
    kam110_stance,
    kam111_stale_contact,
    kam112_review,
    kam113_qbr,
    kam114_kaism,
    kam115_joint_planning,
    kam116_opportunity_close,
    kam117_blocker_influence,
    kam118_competitor_favoured,
    kam119_win_loss_review,
    kam125_win_loss_reason,
    kam126_resources_short,
    kam127_decision_maker_unreached,
)

RULES: tuple[Rule, ...] = tuple(
    Rule.from_module(m)
    for m in (
        kam001_invalid,
        kam002_unused_suppression,
        kam101_sections,
        kam102_goals,
        kam103_strategy,
        kam104_team,
        kam105_actions,
        kam106_overdue,
        kam107_opportunities,
        kam108_coverage,
        kam109_single_contact,
        kam110_stance,
        kam111_stale_contact,
        kam112_review,
        kam113_qbr,
        kam114_kaism,
        kam115_joint_planning,
        kam116_opportunity_close,
        kam117_blocker_influence,
        kam118_competitor_favoured,
        kam119_win_loss_review,
        kam125_win_loss_reason,
        kam126_resources_short,
        kam127_decision_maker_unreached,
    )
)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

INVALID = "KAM001"
UNUSED_SUPPRESSION = "KAM002"

PLAN_RULES: tuple[Rule, ...] = tuple(r for r in RULES if not r.meta)
"""The rules about a plan's content: the checks behind ``status`` completeness."""


def get(rule_id: str) -> Rule | None:
    return BY_ID.get(rule_id.upper())
