"""The account file: one key account's plan, as Pydantic models.

Validation judges *structure*; completeness is the job of ``kamctl lint``. So
apart from ``id`` and ``name`` every section is optional and a new account can
start as a five-line file. Unknown keys are errors (with a suggestion), never
dropped: a misspelt ``stakeholder:`` must not silently lose the power map.

Domain references (``§n``) are to ``shared/DOMAIN.md``.
"""

from __future__ import annotations

import datetime as _dt
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from .types import (
    INTERNAL,
    AccountId,
    Bool,
    Date,
    Float,
    Int,
    Money,
    Percent,
    Ranged,
    Score,
    SignedMoney,
    Stance,
    Text,
    TrustFactor,
    Year,
)


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=False,
        use_enum_values=False,
        validate_default=False,
        str_strip_whitespace=False,
        use_attribute_docstrings=False,
    )


def _f(description: str, **kw: Any) -> Any:
    return Field(default=None, description=description, **kw)


def _list(description: str) -> Any:
    return Field(default_factory=list, description=description)


# --------------------------------------------------------------------------- enums


class Profile(str, Enum):
    """Plan profile (§1): the full treatment or KAM light."""

    full = "full"
    light = "light"


class PlanStatus(str, Enum):
    """Where the plan is in its life: being written, or in use."""

    draft = "draft"
    active = "active"


class Stage(str, Enum):
    """Relationship development stage (§4, Millman & Wilson)."""

    pre_kam = "pre-kam"
    early_kam = "early-kam"
    mid_kam = "mid-kam"
    partnership_kam = "partnership-kam"
    synergistic_kam = "synergistic-kam"
    uncoupling = "uncoupling"


class Level(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"


class Strength(str, Enum):
    strong = "strong"
    medium = "medium"
    weak = "weak"


class DmuRole(str, Enum):
    """Role in the customer's decision-making unit (§5)."""

    decision_maker = "decision_maker"
    influencer = "influencer"
    user = "user"
    buyer = "buyer"
    gatekeeper = "gatekeeper"
    technical = "technical"
    finance = "finance"


class OrgLevel(str, Enum):
    top = "top"
    middle = "middle"
    operational = "operational"


class CommStyle(str, Enum):
    """DISC colours or Social Styles (§5)."""

    red = "red"
    yellow = "yellow"
    green = "green"
    blue = "blue"
    driver = "driver"
    expressive = "expressive"
    amiable = "amiable"
    analytical = "analytical"


class OpportunityStatus(str, Enum):
    open = "open"
    won = "won"
    lost = "lost"


class PipelineStage(str, Enum):
    lead = "lead"
    qualified = "qualified"
    proposal = "proposal"
    negotiation = "negotiation"
    closed = "closed"


class ActionStatus(str, Enum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.planned, ActionStatus.in_progress)


class ResourceUnit(str, Enum):
    """How a resource is counted (seed 001, step 5 "Sikre interne ressurser")."""

    hours = "hours"
    people = "people"
    budget = "budget"


class WhiteSpaceStatus(str, Enum):
    """A cell of the white-space matrix; a missing cell is untapped potential."""

    active = "active"
    pilot = "pilot"
    opportunity = "opportunity"
    competitor = "competitor"
    not_relevant = "not_relevant"


class RiskCategory(str, Enum):
    people = "people"
    competitor = "competitor"
    technology = "technology"
    dependence = "dependence"
    contract = "contract"
    industry = "industry"
    delivery = "delivery"
    other = "other"


class Horizon(str, Enum):
    strategic = "strategic"
    tactical = "tactical"
    operational = "operational"


# ------------------------------------------------------------------------ sections


class Financials(_Model):
    """One fiscal year of business with the customer."""

    year: Year = Field(description="Fiscal year, e.g. 2025.")
    revenue: Money | None = _f("Our revenue from the customer that year.")
    gross_margin: SignedMoney | None = _f(
        "Gross margin (revenue minus cost of goods); may be negative.", json_schema_extra=INTERNAL
    )
    contribution_margin: SignedMoney | None = _f(
        "Contribution margin (gross margin minus customer-specific costs); may be negative.",
        json_schema_extra=INTERNAL,
    )
    category_spend: Money | None = _f(
        "The customer's total spend in our category that year, all suppliers; "
        "share of wallet = revenue / category_spend."
    )
    budget: Bool | None = _f("True when the figures are a budget/forecast, not actuals.")


class Kaism(_Model):
    """KAISM criterion scores (§3). Criteria and weights come from the portfolio config."""

    customer_attractiveness: dict[Text, Score] = Field(
        default_factory=dict,
        description="Criterion → score 0–10: how attractive the customer is to us.",
    )
    our_strength: dict[Text, Score] = Field(
        default_factory=dict,
        description="Criterion → score 0–10: our strength as the customer sees us against competitors.",
    )
    scored_on: Date | None = _f("When the scores were last set (by the classification team).")
    scored_by: list[Text] = _list("Who set the scores (Cheverton: a classification team, not one person).")


class Classification(_Model):
    """Computed by ``kamctl classify --write``; do not edit by hand."""

    quadrant: Text | None = _f("KAISM quadrant id: key_development, key, maintenance or opportunistic.")
    tier: Text | None = _f("The configured tier name of the quadrant.")
    priority: Ranged(Int, 1, 4) | None = _f("Investment priority 1 (highest) – 4 (lowest).")  # type: ignore[valid-type]
    customer_attractiveness: Score | None = _f("Weighted customer attractiveness score 0–10.")
    our_strength: Score | None = _f("Weighted our-strength score 0–10.")
    abc: Text | None = _f("ABC class by revenue within the portfolio: A, B, C (or D).")


class SelectionCriterion(_Model):
    criterion: Text = Field(description="A selection criterion, e.g. 'wants to be industry leader'.")
    met: Bool | None = _f("Whether the customer meets it.")
    note: Text | None = _f("Evidence or comment.")


class TeamMember(_Model):
    name: Text = Field(description="Full name.")
    role: Text | None = _f("Role in the account team, e.g. KAM, service manager, product specialist.")
    responsibility: Text | None = _f("What this person is responsible for (who does what).")
    email: Text | None = _f("E-mail address.")


class CustomerProfile(_Model):
    """What we know of the customer's business (§6)."""

    business: Text | None = _f("What the customer does and how it makes money.")
    revenue_sources: list[Text] = _list("The customer's main sources of revenue.")
    goals: list[Text] = _list("The customer's own goals for the next 1–3 years.")
    trends: list[Text] = _list("Trends in the customer's market.")
    regulation: Text | None = _f("Regulation that shapes the customer's choices.")
    technology: Text | None = _f("Technology shifts relevant to the customer.")
    success_measures: list[Text] = _list("How the customer measures its own success.")
    employees: Int | None = _f("Number of employees.")
    sites: list[Text] = _list("The customer's units, sites or countries.")
    exposed_industry: Bool | None = _f(
        "True when the customer's industry is exposed to cuts or reorganisation (§7)."
    )
    exposure_note: Text | None = _f("Why the industry is exposed.")
    decision_process: Text | None = _f("How the customer decides and buys: steps, committees, budget cycle.")


class Goal(_Model):
    goal: Text = Field(description="What we want to achieve, in one sentence.")
    metric: Text | None = _f("What is measured, e.g. revenue, gross_margin, share_of_wallet, sites.")
    target: Float | None = _f("The numeric target, e.g. 15000000 or 35.")
    unit: Text | None = _f("Unit of the target, e.g. NOK, %, sites.")
    due: Date | None = _f("When the target should be reached.")


class Goals(_Model):
    """Goals on the three horizons (§6)."""

    strategic: list[Goal] = _list("Strategic goals, 3–5 years.")
    tactical: list[Goal] = _list("Tactical goals, 1–2 years.")
    operational: list[Goal] = _list("Operational goals, this year.")


class Strategy(_Model):
    """A main strategy supported by six part-strategies (§6, seed 002)."""

    main: Text | None = _f("The main strategy for the account.")
    product: Text | None = _f("Product strategy.")
    price: Text | None = _f("Price strategy.")
    distribution: Text | None = _f("Distribution strategy.")
    communication: Text | None = _f("Communication strategy.")
    service: Text | None = _f("Service strategy.")
    relationship: Text | None = _f("Relationship strategy.")


class WinLossReview(_Model):
    """What we learnt from a won or lost deal (Company X sits down after every win and loss)."""

    date: Date | None = _f("When the review was held.")
    reason: Text | None = _f(
        "The main reason we won or lost, e.g. price, relationship, product_fit, delivery."
    )
    reason_note: Text | None = _f("The reason in a sentence or two.")
    competitor: Text | None = _f("The competitor involved.")
    lessons: Text | None = _f("What we do differently next time.")
    with_customer: Bool | None = _f("Whether the review was held together with the customer.")


class Opportunity(_Model):
    name: Text = Field(description="Short name of the opportunity.")
    value: Money | None = _f("Expected order value in the account's currency.")
    probability: Percent | None = _f("Probability of winning, in percent 0–100.", json_schema_extra=INTERNAL)
    owner: Text | None = _f("Who owns the opportunity on our side.")
    expected_close: Date | None = _f("Expected close date.")
    status: OpportunityStatus = Field(default=OpportunityStatus.open, description="open, won or lost.")
    stage: PipelineStage | None = _f("Pipeline stage: lead, qualified, proposal, negotiation, closed.")
    offering: Text | None = _f("Which of our products or services it concerns.")
    closed: Date | None = _f("When it was won or lost (default: expected_close).")
    # Internal: the reason, the competitor and our lessons are our own assessment
    # (issue 14: competitor stance and assessments stay out of the customer version).
    win_loss: WinLossReview | None = _f(
        "The win/loss review of a won or lost opportunity.", json_schema_extra=INTERNAL
    )


class WhiteSpace(_Model):
    """Our offerings × the customer's units (§6); an empty cell is potential."""

    units: list[Text] = _list("The customer's units, sites or countries (the columns).")
    offerings: dict[Text, dict[Text, WhiteSpaceStatus]] = Field(
        default_factory=dict,
        description=(
            "Offering → {unit → status}; status is active, pilot, opportunity, competitor "
            "or not_relevant. Leave a cell out when it is untapped."
        ),
    )


class Competitor(_Model):
    name: Text = Field(description="Competitor's name.")
    strength: Level | None = _f("How strong the competitor is at this customer: high, medium, low.")
    share: Percent | None = _f("Estimated share of the customer's spend in our category, percent.")
    note: Text | None = _f("Where they are in and what they offer.")


class Contract(_Model):
    start: Date | None = _f("Contract start date.")
    end: Date | None = _f("Contract end date.")
    notice_months: Ranged(Int, 0, 120) | None = _f("Notice period in months.")  # type: ignore[valid-type]
    auto_renew: Bool | None = _f("Whether the contract renews automatically.")
    terms: Text | None = _f("Key terms: exclusivity, volume commitment, price adjustment.")


class Risk(_Model):
    description: Text = Field(description="What could go wrong.")
    category: RiskCategory | None = _f(
        "people, competitor, technology, dependence, contract, industry, delivery or other."
    )
    likelihood: Level | None = _f("high, medium or low.")
    impact: Level | None = _f("high, medium or low.")
    mitigation: Text | None = _f("What we do about it.")
    owner: Text | None = _f("Who watches it.")


class Trust(_Model):
    """Maister's trust equation (§5): (credibility + reliability + intimacy) / self_orientation."""

    credibility: TrustFactor = Field(description="1–10.")
    reliability: TrustFactor = Field(description="1–10.")
    intimacy: TrustFactor = Field(description="1–10.")
    self_orientation: TrustFactor = Field(description="1–10; the higher, the less trust.")

    @property
    def score(self) -> float:
        return (self.credibility + self.reliability + self.intimacy) / self.self_orientation


class Stakeholder(_Model):
    """A person at the customer (§5)."""

    name: Text = Field(description="Full name.")
    title: Text | None = _f("Job title.")
    role: DmuRole | None = _f(
        "DMU role: decision_maker, influencer, user, buyer, gatekeeper, technical or finance."
    )
    level: OrgLevel | None = _f("Organisation level: top, middle or operational.")
    influence: Level | None = _f(
        "Influence on our business: high, medium or low.", json_schema_extra=INTERNAL
    )
    stance: Stance | None = _f(
        "Stance towards us, -3..+3: -3 blocker, -2 critic, -1 sceptic, 0 neutral, "
        "+1 supporter, +2 partner, +3 advocate.",
        json_schema_extra=INTERNAL,
    )
    relationship: Strength | None = _f(
        "Strength of our relationship: strong, medium or weak.", json_schema_extra=INTERNAL
    )
    style: CommStyle | None = _f(
        "Communication style: DISC red/yellow/green/blue or driver/expressive/amiable/analytical.",
        json_schema_extra=INTERNAL,
    )
    owner: Text | None = _f("Who on our side owns the relationship.")
    last_contact: Date | None = _f("Date of the last real contact.")
    trust: Trust | None = _f("Trust equation factors, each 1–10.", json_schema_extra=INTERNAL)
    email: Text | None = _f("E-mail address.")
    notes: Text | None = _f("What matters to this person.", json_schema_extra=INTERNAL)
    reports_to: Text | None = _f(
        "Name of the stakeholder of this account this person reports to (the power map's reporting line)."
    )
    influences: list[Text] = Field(
        default_factory=list,
        json_schema_extra=INTERNAL,
        description="Names of stakeholders of this account this person sways (influence lines).",
    )
    competitor_stance: dict[Text, Stance] = Field(
        default_factory=dict,
        json_schema_extra=INTERNAL,
        description="Competitor name → this person's stance towards that competitor, -3..+3 (internal).",
    )


class Action(_Model):
    action: Text = Field(description="The concrete activity.")
    owner: Text | None = _f("Who does it.")
    due: Date | None = _f("When it is due.")
    status: ActionStatus | None = _f("planned, in_progress, done or cancelled.")
    goal: Text | None = _f("Which goal it serves.")
    completed: Date | None = _f(
        "When it was done; 'kamctl measures' counts a done action as on time when this is on or before 'due'."
    )

    def is_overdue(self, today: _dt.date) -> bool:
        """Past its due date and still open (planned, in progress or no status):
        the one test behind KAM106 and the plan facts' overdue list."""
        return self.due is not None and self.due < today and (self.status is None or self.status.is_open)


class Measures(_Model):
    """How the account is measured (§6)."""

    satisfaction: Score | None = _f("Customer satisfaction, 0–10.")
    satisfaction_date: Date | None = _f("When satisfaction was measured.")
    nps: Ranged(Int, -100, 100) | None = _f("Net Promoter Score, -100..100.")  # type: ignore[valid-type]
    renewal_rate: Percent | None = _f("Share of contracts/orders renewed, percent.")
    share_of_wallet_target: Percent | None = _f("Target share of wallet, percent.")


class Rhythm(_Model):
    """Meeting rhythm (§6): operational meetings, QBRs, relationship meetings."""

    operational: Text | None = _f("Operational meetings, e.g. 'weekly status, Mondays'.")
    relationship: Text | None = _f("Relationship meetings, e.g. 'twice a year, top management'.")
    last_qbr: Date | None = _f("Date of the last quarterly business review.")
    next_qbr: Date | None = _f("Date of the next quarterly business review.")


class JointPlanning(_Model):
    agreed: Bool = Field(description="Whether the plan was agreed with the customer.")
    date: Date | None = _f("When it was agreed.")
    with_: Text | None = Field(default=None, alias="with", description="Who at the customer agreed it.")

    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Resource(_Model):
    """What the plan needs of one of our functions, and what management has committed.

    Seed 001, step 5 of the KAM process: once the account's goals are set, the
    team must have the resources needed to reach them. Amounts are per year.
    """

    function: Text = Field(description="Our function or role, e.g. 'technical support', 'logistics'.")
    unit: ResourceUnit = Field(
        default=ResourceUnit.hours,
        description="hours (per year), people (full-time equivalents) or budget (in the account's currency).",
    )
    year: Year | None = _f("The year the amounts are for (default: every year of the plan).")
    needed: Money = Field(description="What the plan needs to reach its goals, per year.")
    committed: Money | None = _f("What management has committed; none yet when left out.")
    committed_by: Text | None = _f("Who committed it.")
    note: Text | None = _f("Anything the reader needs to know.")


class Review(_Model):
    reviewed: Date | None = _f("When the plan was last reviewed.")
    reviewed_by: Text | None = _f("Who reviewed it.")
    next_review: Date | None = _f("When the plan is to be reviewed next.")


# --------------------------------------------------------------------------- root


class Account(_Model):
    """One key account's plan."""

    id: AccountId = Field(
        description="Stable id, lowercase letters, digits, '-' and '_'; also the file name."
    )
    name: Text = Field(description="The customer's name.")
    org_number: Text | None = _f("Organisation number (Brønnøysund), e.g. '987 654 321'.")
    industry: Text | None = _f("The customer's industry.")
    country: Text | None = _f("Country (ISO 3166 code such as NO, or a name).")
    kam: Text | None = _f("The responsible key account manager.")
    parent: AccountId | None = _f("Id of the group this account belongs to (concentration is a group's).")
    profile: Profile = Field(default=Profile.full, description="Plan profile: full or light (KAM light).")
    status: PlanStatus | None = _f(
        "draft while the plan is being written (lint reports its missing parts as warnings, "
        "so it can be committed); active, the default, when it is in use."
    )
    currency: Text | None = _f("Currency of all amounts (ISO 4217, e.g. NOK); default from config.")
    stage: Stage | None = _f(
        "Relationship stage: pre-kam, early-kam, mid-kam, partnership-kam, synergistic-kam, uncoupling.",
        json_schema_extra=INTERNAL,
    )
    customer_since: Int | None = _f("Year the customer relationship began.")
    financials: list[Financials] = _list("Figures per fiscal year.")
    kaism: Kaism | None = _f("KAISM criterion scores on both axes.", json_schema_extra=INTERNAL)
    classification: Classification | None = _f(
        "Written by 'kamctl classify --write'.", json_schema_extra=INTERNAL
    )
    selection_criteria: list[SelectionCriterion] = Field(
        default_factory=list,
        json_schema_extra=INTERNAL,
        description="Selection criteria and whether they are met.",
    )
    team: list[TeamMember] = _list("Our account team: who does what.")
    customer: CustomerProfile | None = _f("Customer profile.")
    goals: Goals | None = _f("Goals on three horizons.")
    strategy: Strategy | None = _f("Main strategy and part-strategies.")
    opportunities: list[Opportunity] = _list("Opportunities / pipeline.")
    white_space: WhiteSpace | None = _f("White-space matrix.", json_schema_extra=INTERNAL)
    competitors: list[Competitor] = Field(
        default_factory=list, json_schema_extra=INTERNAL, description="Competitors present at the customer."
    )
    contract: Contract | None = _f("The current agreement.")
    risks: list[Risk] = Field(default_factory=list, json_schema_extra=INTERNAL, description="Known risks.")
    stakeholders: list[Stakeholder] = _list("People at the customer: the power map.")
    actions: list[Action] = _list("Concrete actions for the next 3–12 months.")
    resources: list[Resource] = Field(
        default_factory=list,
        json_schema_extra=INTERNAL,
        description="Internal resources the plan needs, by function, and what management has committed.",
    )
    measures: Measures | None = _f("Measures of success.")
    rhythm: Rhythm | None = _f("Meeting rhythm.")
    joint_planning: JointPlanning | None = _f("Whether the plan was agreed with the customer.")
    review: Review | None = _f("Plan review.")
    notes: Text | None = _f("Anything else.", json_schema_extra=INTERNAL)

    @model_validator(mode="after")
    def _not_its_own_parent(self) -> Account:
        """An account cannot be its own group (the other parent rules, an unknown
        id and a cycle, need the whole portfolio: see kamctl.loader)."""
        if self.parent is not None and self.parent == self.id:
            raise ValidationError.from_exception_data(
                "Account",
                [
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "own_parent",
                            "names this account itself ({parent}); parent is the id of the group's account",
                            {"parent": self.parent},
                        ),
                        loc=("parent",),
                        input=self.parent,
                    )
                ],
            )
        return self

    @model_validator(mode="after")
    def _one_row_per_year(self) -> Account:
        """One financials row per year, and at most one budget row beside it.

        Two actual rows for 2025 made every analysis take the first one
        without a word (ABC ranked 100 instead of 1 850 000)."""
        first: dict[tuple[int, bool], int] = {}
        errors = []
        for i, f in enumerate(self.financials):
            key = (f.year, bool(f.budget))
            if key in first:
                kind = "budget row" if f.budget else "row of actual figures"
                errors.append(
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "duplicate_year",
                            "a second {kind} for {year} (the first is financials[{first}]); "
                            "one row per year, and one budget row (budget: true) beside it",
                            {"kind": kind, "year": f.year, "first": first[key]},
                        ),
                        loc=("financials", i, "year"),
                        input=f.year,
                    )
                )
            else:
                first[key] = i
        if errors:
            raise ValidationError.from_exception_data("Account", errors)
        return self

    @model_validator(mode="after")
    def _power_map(self) -> Account:
        """Names in reports_to and influences must be stakeholders; no reporting cycles."""
        from .powermap import problems

        found = problems(self.stakeholders)
        if found:
            raise ValidationError.from_exception_data(
                "Account",
                [
                    InitErrorDetails(
                        type=PydanticCustomError("power_map", "{message}", {"message": message}),
                        loc=loc,
                        input=None,
                    )
                    for loc, message in found
                ],
            )
        return self

    # ---- derived facts used by several commands --------------------------------

    def latest_financials(self, year: int | None = None) -> Financials | None:
        """The figures of ``year``, or of the latest year with revenue; actual
        figures before a budget row of the same year."""
        rows = [f for f in self.financials if year is None or f.year == year]
        rows = [f for f in rows if f.revenue is not None] or rows
        return max(rows, key=lambda f: (f.year, not f.budget), default=None)

    def share_of_wallet(self, year: int | None = None) -> float | None:
        """Revenue / category spend as a fraction, or None when unknown."""
        f = self.latest_financials(year)
        if f is None or f.revenue is None or not f.category_spend:
            return None
        return f.revenue / f.category_spend

    def weighted_pipeline(self) -> float:
        """Σ value × probability over open opportunities (§6)."""
        return sum(
            (o.value or 0.0) * (o.probability or 0.0) / 100.0
            for o in self.opportunities
            if o.status is OpportunityStatus.open
        )

    def overdue_actions(self, today: _dt.date) -> list[Action]:
        return [a for a in self.actions if a.is_overdue(today)]


STANCE_LABELS = {
    -3: "blocker",
    -2: "critic",
    -1: "sceptic",
    0: "neutral",
    1: "supporter",
    2: "partner",
    3: "advocate",
}
