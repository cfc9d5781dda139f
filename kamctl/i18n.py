"""Labels, and the number, money and date formats of rendered documents (nb, en).

The formats themselves live in :mod:`kamctl.numbers` — one formatter, one
rounding rule (half up: 4.125 → 4,13) and one money style per language for
the whole program; :class:`Locale` uses it with a no-break space in nb
groups, so ``1 234 567 kr`` never breaks across lines in print:

========  =====================  ======================
          nb (bokmål)            en
========  =====================  ======================
money     ``1 234 567 kr``       ``NOK 1,234,567``
number    ``1 234 567,5``        ``1,234,567.5``
percent   ``43,1 %``             ``43.1%``
date      ``22. november 2026``  ``22 November 2026``
========  =====================  ======================

Written by hand rather than with Babel: two languages, one currency style
each, and the exact forms the account teams expect. **The space in nb
numbers is U+00A0 (NO-BREAK SPACE)**, and so is the space before ``kr`` and
``%``. Språkrådet asks for a space as the thousands separator; a no-break
space is present in every font (the typographically narrower U+202F is
missing from several common monospace and PDF fonts, which print it as a
box), and is what Norwegian Excel itself writes, so figures pasted from a
rendered plan into a spreadsheet stay numbers.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

from . import numbers
from .numbers import LANGS, MINUS, NBSP

__all__ = ["LANGS", "MINUS", "NBSP", "Locale", "decimal", "quantity", "say"]

# key → (nb, en). Keys with a dot are enum values: "<enum>.<value>".
_LABELS: dict[str, tuple[str, str]] = {
    # document
    "plan_title": ("Kundeplan", "Account plan"),
    "report_title": ("Porteføljerapport", "Portfolio report"),
    "kam": ("KAM", "KAM"),
    "as_of": ("Dato", "Date"),
    "generated_by": ("Laget med kamctl", "Made with kamctl"),
    "empty": ("Ikke utfylt.", "Not filled in."),
    "not_computed": ("Ikke beregnet.", "Not computed."),
    "unknown": ("ukjent", "unknown"),
    "none": ("ingen", "none"),
    "yes": ("ja", "yes"),
    "no": ("nei", "no"),
    "light_note": (
        "KAM light: forenklet plan uten alle seksjonene i en full kundeplan.",
        "KAM light: a simplified plan without every section of a full account plan.",
    ),
    # sections
    "sec.summary": ("Sammendrag", "Summary"),
    "sec.customer": ("Kundeprofil", "Customer profile"),
    "sec.team": ("Kundeteam", "Account team"),
    "sec.classification": ("Klassifisering", "Classification"),
    "sec.financials": ("Økonomi", "Financials"),
    "sec.goals": ("Mål", "Goals"),
    "sec.strategy": ("Strategi", "Strategy"),
    "sec.stakeholders": ("Beslutningsprosess og interessentkart", "Decision process and stakeholder map"),
    "sec.opportunities": ("Muligheter og pipeline", "Opportunities and pipeline"),
    "sec.white_space": ("White space", "White space"),
    "sec.competition": ("Konkurrenter og avtale", "Competitors and contract"),
    "sec.risks": ("Risiko", "Risks"),
    "sec.actions": ("Aktiviteter", "Actions"),
    "sec.measures": ("Måltall", "Measures"),
    "sec.rhythm": ("Møterytme og felles planlegging", "Meeting rhythm and joint planning"),
    "sec.quality": ("Plankvalitet", "Plan quality"),
    "sec.notes": ("Notater", "Notes"),
    # report sections
    "rep.overview": ("Oversikt", "Overview"),
    "rep.kaism": ("KAISM-matrise", "KAISM matrix"),
    "rep.abc": ("ABC-analyse", "ABC analysis"),
    "rep.concentration": ("Konsentrasjon", "Concentration"),
    "rep.risk": ("Risikooversikt", "Risk summary"),
    "rep.accounts": ("Kunder", "Accounts"),
    # facts
    "quadrant": ("KAISM-kvadrant", "KAISM quadrant"),
    "tier": ("Nivå", "Tier"),
    "priority": ("Investeringsprioritet", "Investment priority"),
    "attractiveness": ("Kundens attraktivitet", "Customer attractiveness"),
    "strength": ("Vår styrke", "Our strength"),
    "criterion": ("Kriterium", "Criterion"),
    "weight": ("Vekt", "Weight"),
    "score": ("Poeng", "Score"),
    "threshold": ("Terskel", "Threshold"),
    "unclassified": ("Ikke klassifisert", "Unclassified"),
    "missing_scores": ("Mangler poeng", "Missing scores"),
    "scored_on": ("Poengsatt", "Scored on"),
    "scored_by": ("Poengsatt av", "Scored by"),
    "abc_class": ("ABC-klasse", "ABC class"),
    "abc_rank": ("Rangering", "Rank"),
    "share": ("Andel", "Share"),
    "cumulative": ("Kumulativ andel", "Cumulative share"),
    "selection_criteria": ("Utvelgelseskriterier", "Selection criteria"),
    "met": ("Oppfylt", "Met"),
    "note": ("Merknad", "Note"),
    "year": ("År", "Year"),
    "revenue": ("Omsetning", "Revenue"),
    "gross_margin": ("Bruttomargin", "Gross margin"),
    "contribution_margin": ("Dekningsbidrag", "Contribution margin"),
    "category_spend": ("Kundens kjøp i kategorien", "Customer's category spend"),
    "share_of_wallet": ("Andel av kundens kjøp (share of wallet)", "Share of wallet"),
    "sow": ("Share of wallet", "Share of wallet"),
    "budget": ("budsjett", "budget"),
    "fiscal_year": ("Regnskapsår", "Fiscal year"),
    "weighted_pipeline": ("Vektet pipeline", "Weighted pipeline"),
    "pipeline_total": ("Åpen pipeline (uvektet)", "Open pipeline (unweighted)"),
    "revenue_margin_chart": ("Omsetning og bruttomargin per år", "Revenue and gross margin by year"),
    "revenue_chart": ("Omsetning per år", "Revenue by year"),
    "pipeline_chart": ("Åpen pipeline per fase", "Open pipeline by stage"),
    "kaism_chart": ("KAISM-matrise", "KAISM matrix"),
    "pareto_chart": ("ABC-analyse (Pareto)", "ABC analysis (Pareto)"),
    # customer profile
    "name": ("Navn", "Name"),
    "org_number": ("Org.nr.", "Org. no."),
    "industry": ("Bransje", "Industry"),
    "country": ("Land", "Country"),
    "customer_since": ("Kunde siden", "Customer since"),
    "stage": ("Relasjonsfase", "Relationship stage"),
    "profile": ("Planprofil", "Plan profile"),
    "parent": ("Konsern", "Group"),
    "business": ("Virksomhet", "Business"),
    "revenue_sources": ("Inntektskilder", "Revenue sources"),
    "customer_goals": ("Kundens mål (1–3 år)", "Customer's goals (1–3 years)"),
    "trends": ("Trender", "Trends"),
    "regulation": ("Regulering", "Regulation"),
    "technology": ("Teknologi", "Technology"),
    "success_measures": ("Slik måler kunden suksess", "How the customer measures success"),
    "employees": ("Ansatte", "Employees"),
    "sites": ("Enheter og lokasjoner", "Units and sites"),
    "exposed_industry": ("Utsatt bransje", "Exposed industry"),
    "decision_process": ("Beslutningsprosess", "Decision process"),
    # team
    "role": ("Rolle", "Role"),
    "responsibility": ("Ansvar", "Responsibility"),
    "email": ("E-post", "E-mail"),
    # goals
    "goal": ("Mål", "Goal"),
    "metric": ("Måltall", "Metric"),
    "target": ("Mål", "Target"),
    "due": ("Frist", "Due"),
    # stakeholders
    "title": ("Stilling", "Title"),
    "dmu_role": ("Rolle i beslutningen", "DMU role"),
    "org_level": ("Nivå", "Level"),
    "influence": ("Innflytelse", "Influence"),
    "stance": ("Holdning (−3..+3)", "Stance (−3..+3)"),
    "relationship": ("Relasjon", "Relationship"),
    "style": ("Kommunikasjonsstil", "Communication style"),
    "style_short": ("Stil", "Style"),
    "owner": ("Eier hos oss", "Owner (ours)"),
    "responsible": ("Ansvarlig", "Owner"),
    "last_contact": ("Siste kontakt", "Last contact"),
    "trust": ("Tillit", "Trust"),
    "trust_scores": ("Tillitsligningen (Maister)", "Trust equation (Maister)"),
    "trust_formula": (
        "Tillit = (troverdighet + pålitelighet + nærhet) / egenorientering; hver faktor 1–10.",
        "Trust = (credibility + reliability + intimacy) / self-orientation; each factor 1–10.",
    ),
    "credibility": ("Troverdighet", "Credibility"),
    "reliability": ("Pålitelighet", "Reliability"),
    "intimacy": ("Nærhet", "Intimacy"),
    "self_orientation": ("Egenorientering", "Self-orientation"),
    "stakeholder_map": ("Interessentkart (sortert etter innflytelse)", "Stakeholder map (by influence)"),
    # opportunities
    "opportunity": ("Mulighet", "Opportunity"),
    "value": ("Verdi", "Value"),
    "probability": ("Sannsynlighet", "Probability"),
    "weighted": ("Vektet", "Weighted"),
    "expected_close": ("Forventet avslutning", "Expected close"),
    "status": ("Status", "Status"),
    "pipeline_stage": ("Fase", "Stage"),
    "offering": ("Tilbud", "Offering"),
    # white space
    "white_space_note": (
        "Rader er våre tilbud, kolonner kundens enheter. Tomme celler er ubrukt potensial.",
        "Rows are our offerings, columns the customer's units. Empty cells are untapped potential.",
    ),
    "untapped": ("ledig", "untapped"),
    # competitors, contract
    "competitor": ("Konkurrent", "Competitor"),
    "competitor_strength": ("Styrke", "Strength"),
    "contract": ("Avtale", "Contract"),
    "start": ("Start", "Start"),
    "end": ("Slutt", "End"),
    "notice_months": ("Oppsigelsestid (måneder)", "Notice period (months)"),
    "auto_renew": ("Fornyes automatisk", "Renews automatically"),
    "terms": ("Vilkår", "Terms"),
    # risks
    "risk": ("Risiko", "Risk"),
    "category": ("Kategori", "Category"),
    "likelihood": ("Sannsynlighet", "Likelihood"),
    "impact": ("Konsekvens", "Impact"),
    "mitigation": ("Tiltak", "Mitigation"),
    "written_risks": ("Risikoer i planen", "Risks in the plan"),
    "computed_risks": ("Beregnede risikosignaler", "Computed risk signals"),
    "stage_findings": ("Relasjonsfase mot data", "Stage against evidence"),
    "no_findings": ("Ingen funn.", "No findings."),
    "finding": ("Funn", "Finding"),
    "details": ("Detaljer", "Details"),
    "findings": ("Funn", "Findings"),
    "severity": ("Alvorlighet", "Severity"),
    "code": ("Kode", "Code"),
    # actions
    "action": ("Aktivitet", "Action"),
    "overdue": ("forfalt", "overdue"),
    "overdue_actions": ("Forfalte aktiviteter", "Overdue actions"),
    "actions_done": ("Andel planlagte aktiviteter utført", "Share of planned actions done"),
    # measures
    "satisfaction": ("Kundetilfredshet (0–10)", "Customer satisfaction (0–10)"),
    "nps": ("NPS", "NPS"),
    "renewal_rate": ("Fornyelsesgrad", "Renewal rate"),
    "sow_target": ("Mål for share of wallet", "Share of wallet target"),
    "strong_relationships": ("Sterke relasjoner", "Strong relationships"),
    # rhythm
    "operational_meetings": ("Driftsmøter", "Operational meetings"),
    "relationship_meetings": ("Relasjonsmøter", "Relationship meetings"),
    "last_qbr": ("Siste QBR", "Last QBR"),
    "next_qbr": ("Neste QBR", "Next QBR"),
    "agreed": ("Omforent med kunden", "Agreed with the customer"),
    "reviewed": ("Sist gjennomgått", "Last reviewed"),
    "next_review": ("Neste gjennomgang", "Next review"),
    # quality
    # report
    "accounts_count": ("Kunder i porteføljen", "Accounts in the portfolio"),
    "total_revenue": ("Samlet omsetning", "Total revenue"),
    "largest_share": ("Største enkeltkunde", "Largest single account"),
    "top5_share": ("Andel fra de fem største", "Share of the top 5"),
    "hhi": ("Konsentrasjonsindeks (HHI)", "Concentration index (HHI)"),
    "effective_n": (
        "Effektivt antall kunder (konsern samlet)",
        "Effective number of customers (groups merged)",
    ),
    "accounts_short": ("Kunder", "Accounts"),
    "major_accounts": ("Kunder over vesentlighetsgrensen", "Accounts above the disclosure level"),
    "what_if": ("Hva om kunden faller bort", "What if the account leaves"),
    "if_halves": ("Halvert volum", "Volume halved"),
    "if_leaves": ("Faller bort", "Leaves"),
    "account": ("Kunde", "Account"),
    "errors": ("Feil", "Errors"),
    "warnings": ("Advarsler", "Warnings"),
    "infos": ("Info", "Info"),
    "accounts_with_findings": ("Kunder med funn", "Accounts with findings"),
    # hhi bands
    "hhi_groups": ("HHI med konsern samlet", "HHI with groups merged"),
    "margin_if_leaves": ("Tapt bruttomargin om den faller bort", "Gross margin lost if it leaves"),
    "portfolio_findings": ("Funn for porteføljen", "Portfolio findings"),
    "findings_by_code": ("Funn i kundeplanene, per kode", "Findings in the plans, by code"),
    "example": ("Eksempel", "Example"),
    "hhi.unconcentrated": ("lav konsentrasjon", "unconcentrated"),
    "hhi.moderate": ("moderat konsentrasjon", "moderately concentrated"),
    "hhi.high": ("høy konsentrasjon", "highly concentrated"),
    # enums
    "profile.full": ("Full", "Full"),
    "profile.light": ("KAM light", "KAM light"),
    "stage.pre-kam": ("Pre-KAM", "Pre-KAM"),
    "stage.early-kam": ("Early-KAM", "Early-KAM"),
    "stage.mid-kam": ("Mid-KAM", "Mid-KAM"),
    "stage.partnership-kam": ("Partnership-KAM", "Partnership-KAM"),
    "stage.synergistic-kam": ("Synergistic-KAM", "Synergistic-KAM"),
    "stage.uncoupling": ("Frakobling (uncoupling)", "Uncoupling"),
    "quadrant.key_development": ("Utviklingskunde", "Key development account"),
    "quadrant.key": ("Nøkkelkunde", "Key account"),
    "quadrant.maintenance": ("Vedlikeholdskunde", "Maintenance account"),
    "quadrant.opportunistic": ("Opportunistisk kunde", "Opportunistic account"),
    "level.high": ("høy", "high"),
    "level.medium": ("middels", "medium"),
    "level.low": ("lav", "low"),
    "strength.strong": ("sterk", "strong"),
    "strength.medium": ("middels", "medium"),
    "strength.weak": ("svak", "weak"),
    "role.decision_maker": ("beslutningstaker", "decision maker"),
    "role.influencer": ("påvirker", "influencer"),
    "role.user": ("bruker", "user"),
    "role.buyer": ("innkjøp", "buyer"),
    "role.gatekeeper": ("portvokter", "gatekeeper"),
    "role.technical": ("teknisk/IT", "technical/IT"),
    "role.finance": ("økonomi", "finance"),
    "orglevel.top": ("toppledelse", "top management"),
    "orglevel.middle": ("mellomleder", "middle management"),
    "orglevel.operational": ("operativt", "operational"),
    "style.red": ("rød", "red"),
    "style.yellow": ("gul", "yellow"),
    "style.green": ("grønn", "green"),
    "style.blue": ("blå", "blue"),
    "style.driver": ("driver", "driver"),
    "style.expressive": ("ekspressiv", "expressive"),
    "style.amiable": ("omgjengelig", "amiable"),
    "style.analytical": ("analytisk", "analytical"),
    "powermap.title": ("Maktkart", "Power map"),
    "powermap.legend1": (
        "Linjer: rapporterer til. Stiplede piler: påvirker.",
        "Lines: reports to. Dashed arrows: influences.",
    ),
    "powermap.legend2": (
        "Farge og tekst: holdning. Størrelse: innflytelse. Kantlinje: relasjonens styrke.",
        "Colour and text: stance. Size: influence. Border: strength of our relationship.",
    ),
    "powermap.owner": ("eier", "owner"),
    "powermap.no_stance": ("holdning ukjent", "stance unknown"),
    "stance.-3": ("blokkerer", "blocker"),
    "stance.-2": ("kritiker", "critic"),
    "stance.-1": ("skeptiker", "sceptic"),
    "stance.0": ("nøytral", "neutral"),
    "stance.1": ("støttespiller", "supporter"),
    "stance.2": ("partner", "partner"),
    "stance.3": ("ambassadør", "advocate"),
    "oppstatus.open": ("åpen", "open"),
    "oppstatus.won": ("vunnet", "won"),
    "oppstatus.lost": ("tapt", "lost"),
    "pipeline.lead": ("lead", "lead"),
    "pipeline.qualified": ("kvalifisert", "qualified"),
    "pipeline.proposal": ("tilbud", "proposal"),
    "pipeline.negotiation": ("forhandling", "negotiation"),
    "pipeline.closed": ("avsluttet", "closed"),
    "pipeline.none": ("uten fase", "no stage"),
    "actstatus.planned": ("planlagt", "planned"),
    "actstatus.in_progress": ("pågår", "in progress"),
    "actstatus.done": ("utført", "done"),
    "actstatus.cancelled": ("avlyst", "cancelled"),
    "ws.active": ("aktiv", "active"),
    "ws.pilot": ("pilot", "pilot"),
    "ws.opportunity": ("mulighet", "opportunity"),
    "ws.competitor": ("konkurrent", "competitor"),
    "ws.not_relevant": ("ikke relevant", "not relevant"),
    "riskcat.people": ("personer", "people"),
    "riskcat.competitor": ("konkurrent", "competitor"),
    "riskcat.technology": ("teknologi", "technology"),
    "riskcat.dependence": ("avhengighet", "dependence"),
    "riskcat.contract": ("kontrakt", "contract"),
    "riskcat.industry": ("bransje", "industry"),
    "riskcat.delivery": ("leveranse", "delivery"),
    "riskcat.other": ("annet", "other"),
    "horizon.strategic": ("Strategiske mål (3–5 år)", "Strategic goals (3–5 years)"),
    "horizon.tactical": ("Taktiske mål (1–2 år)", "Tactical goals (1–2 years)"),
    "horizon.operational": ("Operative mål (1 år)", "Operational goals (1 year)"),
    "strategy.main": ("Hovedstrategi", "Main strategy"),
    "strategy.product": ("Produkt", "Product"),
    "strategy.price": ("Pris", "Price"),
    "strategy.distribution": ("Distribusjon", "Distribution"),
    "strategy.communication": ("Kommunikasjon", "Communication"),
    "strategy.service": ("Service", "Service"),
    "strategy.relationship": ("Relasjon", "Relationship"),
    "severity.error": ("feil", "error"),
    "severity.warning": ("advarsel", "warning"),
    "severity.info": ("info", "info"),
    "severity.error.n": ("feil", "errors"),
    "severity.warning.n": ("advarsler", "warnings"),
    "severity.info.n": ("info", "info"),
}


# Short titles of the findings of kamctl's analyses, by their stable codes, so
# that a Norwegian plan names each finding in Norwegian; the analysis' own
# message (with names, dates and figures) is shown beside it.
_FINDINGS: dict[str, tuple[str, str]] = {
    "RISK001": (
        "Én kunde bærer en for stor del av omsetningen",
        "One customer carries too much of the revenue",
    ),
    "RISK002": ("Stor kunde (over vesentlighetsgrensen)", "Major customer (above the disclosure level)"),
    "RISK003": ("Omsetningen er konsentrert", "Revenue is concentrated"),
    "RISK101": ("Avtalen løper snart ut", "Contract ends soon"),
    "RISK102": ("Avtalen har løpt ut", "Contract has ended"),
    "RISK103": ("Kort oppsigelsestid", "Short notice period"),
    "RISK104": ("Ingen avtale registrert", "No contract recorded"),
    "RISK110": (
        "Relasjonen hviler på én person hos kunden",
        "Relationship rests on one person at the customer",
    ),
    "RISK111": ("Ingen personer hos kunden registrert", "No people at the customer recorded"),
    "RISK112": (
        "Alle relasjoner eies av én person hos oss",
        "Every relationship held by one person on our side",
    ),
    "RISK113": ("For få sterke relasjoner", "Too few strong relationships"),
    "RISK114": ("Ingen kontakt i toppledelsen", "No contact at top management"),
    "RISK120": ("Beslutningstaker er negativ til oss", "Decision maker against us"),
    "RISK130": ("Sterk konkurrent til stede", "Strong competitor present"),
    "RISK140": ("Kunden er i en utsatt bransje", "Customer in an exposed industry"),
    "RISK160": ("Kunden gir tap (negativ margin)", "Loss-making customer (negative margin)"),
    "STAGE101": ("Partnerskap med bare én kontakt hos kunden", "Partnership with a single contact"),
    "STAGE102": (
        "Partnerskap der én person hos oss eier alle relasjoner",
        "Partnership held by one person on our side",
    ),
    "STAGE103": ("Partnerskap uten kontakt i toppledelsen", "Partnership without top-management contact"),
    "STAGE104": (
        "Partnerskap med en beslutningstaker mot oss",
        "Partnership with a decision maker against us",
    ),
    "STAGE105": (
        "Synergistic-KAM uten plan omforent med kunden",
        "Synergistic stage without a jointly agreed plan",
    ),
    "STAGE106": ("Mid-KAM med bare én kontakt hos kunden", "Mid-KAM with a single contact"),
    "STAGE107": ("Pre-KAM oppgitt, men det er omsetning", "Pre-KAM stated, but there is revenue"),
    "STAGE108": ("Fase etter Pre-KAM oppgitt, men ingen omsetning", "Stage past pre-KAM, but no revenue"),
    "KAM001": ("Ugyldig kundefil", "Invalid account file"),
    "KAM002": ("Unødvendig unntak i filen", "Unused suppression comment"),
    "KAM101": ("Seksjon mangler i planen", "Plan section missing"),
    "KAM102": ("Mål uten tallfestet målverdi", "Goal without a numeric target"),
    "KAM103": ("Delstrategi mangler", "Part strategy missing"),
    "KAM104": ("Teammedlem uten rolle eller ansvar", "Team member without role or responsibility"),
    "KAM105": ("Aktivitet uten ansvarlig, frist eller status", "Action without owner, due date or status"),
    "KAM106": ("Forfalt aktivitet", "Overdue action"),
    "KAM107": (
        "Mulighet uten verdi, sannsynlighet eller ansvarlig",
        "Opportunity without value, probability or owner",
    ),
    "KAM108": ("Hull i interessentkartet", "Gap in the stakeholder map"),
    "KAM109": ("Bare én kontakt hos kunden", "Single contact at the customer"),
    "KAM110": ("Beslutningstaker uten registrert holdning", "Decision maker without a recorded stance"),
    "KAM111": ("Lenge siden siste kontakt", "Stale contact"),
    "KAM112": ("Planen er ikke gjennomgått i tide", "Plan not reviewed in time"),
    "KAM113": ("Ingen neste QBR planlagt", "No next QBR scheduled"),
    "KAM114": ("KAISM-poeng mangler", "KAISM scores missing"),
    "KAM115": ("Uklart om planen er omforent med kunden", "Joint planning not stated"),
    "KAM116": ("Åpen mulighet med passert avslutningsdato", "Open opportunity past its expected close"),
    "KAM117": ("Blokkerer påvirker en beslutningstaker", "Blocker influences a decision maker"),
    "KAM118": ("Nøkkelperson foretrekker en konkurrent", "Key person favours a competitor"),
    "KAM119": ("Avsluttet avtale uten vinn/tap-analyse", "Closed deal without a win/loss review"),
    "KAM125": ("Vinn/tap-årsak utenfor listen", "Win/loss reason not in the list"),
    "KAM126": ("Forpliktede ressurser under behovet", "Committed resources short of the need"),
    "KAM127": (
        "Beslutningstaker uten påvirkningsvei fra en støttespiller",
        "Decision maker no supporter reaches",
    ),
    "KAISM101": ("Kunden kan ikke klassifiseres (KAISM)", "Account cannot be classified (KAISM)"),
    "KAISM102": (
        "KAISM-klassifisering på en del av kriteriene",
        "KAISM classification on part of the criteria",
    ),
    "PORT101": ("For få nøkkelkunder", "Too few key accounts"),
    "PORT102": ("For mange nøkkelkunder", "Too many key accounts"),
    "PORT103": ("Antall nøkkelkunder utenfor anbefalt spenn", "Number of key accounts outside the guide"),
    "PORT104": ("KAM med for mange kunder", "KAM holds too many accounts"),
    "PORT105": ("Kunde uten KAM", "Account without a KAM"),
    "PORT106": ("Ressurser følger ikke prioritet", "Resources do not follow priority"),
}


# Labels of the usual KAISM criteria (DOMAIN §3, seed 003, the default config).
# Criteria are config keys a company names itself; a key not listed here is
# shown as written, with underscores as spaces.
_CRITERIA: dict[str, tuple[str, str]] = {
    "volume_potential": ("Volumpotensial", "Volume potential"),
    "margin_potential": ("Marginpotensial", "Margin potential"),
    "growth": ("Vekst i kundens marked", "Growth"),
    "market_share_gain": ("Mulighet for økt markedsandel", "Market share gain"),
    "innovation": ("Innovasjon", "Innovation"),
    "opinion_leadership": ("Meningsleder i bransjen", "Opinion leadership"),
    "reference_value": ("Referanseverdi", "Reference value"),
    "strategic_fit": ("Strategisk match", "Strategic fit"),
    "ability_to_pay": ("Betalingsevne", "Ability to pay"),
    "financial_muscle": ("Økonomisk muskel", "Financial muscle"),
    "willingness_to_change": ("Endringsvilje", "Willingness to change"),
    "relationship_potential": ("Relasjonspotensial", "Relationship potential"),
    "product_fit": ("Produkttilpasning", "Product fit"),
    "price_position": ("Prisposisjon", "Price position"),
    "relationship_depth": ("Relasjonsdybde", "Relationship depth"),
    "delivery_record": ("Leveransehistorikk", "Delivery record"),
    "share_of_wallet": ("Share of wallet", "Share of wallet"),
}


def label_keys() -> frozenset[str]:
    return frozenset(_LABELS)


class UnknownLabel(KeyError):
    """A template asked for a label that does not exist (a typo in a template)."""


class Locale:
    """Formatting for one language. ``Locale("nb").money(1234567)`` → ``'1 234 567 kr'``."""

    def __init__(self, lang: str, currency: str = "NOK") -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; use nb or en")
        self.lang = lang
        self.currency = currency
        self._i = LANGS.index(lang)

    # -- labels -------------------------------------------------------------------

    def t(self, key: str) -> str:
        try:
            return _LABELS[key][self._i]
        except KeyError:
            raise UnknownLabel(f"no label {key!r} (kamctl.i18n)") from None

    def enum(self, kind: str, value: object) -> str:
        """Label of an enum value: ``enum("role", DmuRole.buyer)`` → ``'innkjøp'``."""
        if value is None:
            return ""
        raw = getattr(value, "value", value)
        return self.t(f"{kind}.{raw}")

    def criterion(self, key: str) -> str:
        """A KAISM criterion's label: ``criterion("growth")`` → ``'Vekst i kundens marked'`` (nb)."""
        known = _CRITERIA.get(key)
        if known:
            return known[self._i]
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            return key
        text = key.replace("_", " ")
        return text[:1].upper() + text[1:]

    def finding_title(self, code: str) -> str:
        """A short title for a finding code in this language; '' for a code kamctl does not know."""
        titles = _FINDINGS.get(code)
        return titles[self._i] if titles else ""

    def stance(self, value: int | None) -> str:
        """``+2 partner``, ``−3 blokkerer``, ``0 nøytral``."""
        if value is None:
            return ""
        sign = "+" if value > 0 else (MINUS if value < 0 else "")
        return f"{sign}{abs(value)} {self.t(f'stance.{value}')}"

    # -- numbers ------------------------------------------------------------------

    def number(self, value: float | int | None, decimals: int = 0) -> str:
        return "" if value is None else numbers.number(value, self.lang, decimals, space=NBSP)

    def money(self, value: float | int | None, currency: str | None = None, decimals: int = 0) -> str:
        if value is None:
            return ""
        return numbers.money(value, currency or self.currency, self.lang, decimals, space=NBSP)

    def money_short(self, value: float | int | None, currency: str | None = None) -> str:
        """Millions with one decimal for chart labels: ``31,3 mill. kr`` / ``NOK 31.3m``."""
        if value is None:
            return ""
        cur = currency or self.currency
        num = self.number(value / 1_000_000, 1)
        if self.lang == "nb":
            return f"{num}{NBSP}mill.{NBSP}{'kr' if cur == 'NOK' else cur}"
        return f"{cur}{NBSP}{num}m"

    def percent(self, value: float | None, decimals: int = 1) -> str:
        """``value`` is in percent (43.1 → ``43,1 %``)."""
        return "" if value is None else numbers.percent(value, self.lang, decimals, space=NBSP)

    def date(self, value: _dt.date | None) -> str:
        return "" if value is None else numbers.date(value, self.lang)

    def counted(self, n: int, severity: str) -> str:
        """``1 advarsel``, ``2 advarsler``, ``0 errors``."""
        return f"{n} {self.t(f'severity.{severity}' if n == 1 else f'severity.{severity}.n')}"

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self.t("yes") if value else self.t("no")


# ------------------------------------------------------------- terminal messages

Messages = Mapping[str, Mapping[str, str]]
"""Message key → language → :meth:`str.format` template: how lint rules and
analyses keep their findings' texts in both languages next to the code."""

_UNITS: Messages = {
    "day": {"en": "{n} day", "nb": "{n} dag"},
    "days": {"en": "{n} days", "nb": "{n} dager"},
    "month": {"en": "{n} month", "nb": "{n} måned"},
    "months": {"en": "{n} months", "nb": "{n} måneder"},
}


def say(messages: Messages, key: str, lang: str, **params: object) -> str:
    """``messages[key]`` in ``lang``, filled in with ``params``."""
    return messages[key][lang].format(**params)


def quantity(n: int, unit: str, lang: str) -> str:
    """``1 day``, ``236 days``, ``3 måneder`` (``unit``: day or month)."""
    return say(_UNITS, unit if n == 1 else unit + "s", lang, n=Locale(lang).number(n))


def decimal(value: float, spec: str, lang: str) -> str:
    """A figure in a message, without grouping: ``.2f`` → ``87,50`` (nb), rounded
    half up like every number kamctl shows; ``g`` → a setting as written (``12,5``)."""
    if spec == "g":
        return numbers.setting(value, lang)
    if not (spec.startswith(".") and spec.endswith("f") and spec[1:-1].isdigit()):
        raise ValueError(f"unsupported number format {spec!r}; use 'g' or '.Nf'")
    return numbers.number(value, lang, int(spec[1:-1]), group=False)
