"""Out-of-pocket estimate (``reste_a_charge``): what each planned care item and charge leaves to pay.

Two columns per line: ``current`` (with the coverage the household declares) and ``with_css`` (as a holder of
the Complémentaire santé solidaire, when the simulation finds the household eligible; ``None`` otherwise).

A private complementary's guarantees are unknown: its share is ``None`` and the current column shows what is
left before it pays, marked as an upper bound (``upper_bound``, "au plus"). Nothing here is ever negative and
the with-CSS column is never higher than the current one (checked by property-based tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .care import (
    CSS_COVERAGES,
    CareResult,
    ConsultationResult,
    EmergencyVisitResult,
    HospitalStayResult,
    QuotedCareResult,
    evaluate_care,
    holds_css,
    notes_of,
)
from .care.tariffs import CENT_POUR_CENT_SANTE
from .checklist import HOSPITAL, AtService, ChecklistItem, Phase, figures_item
from .contract import REASONS, Contract, contract, entry, text
from .enums import (
    AidAssessment,
    Basket,
    CareKind,
    Complementary,
    CssStatus,
    EmergencyExemption,
    HospitalExemption,
    QuotedScenario,
    Sector,
)
from .parameters import ParametersOn
from .reasons import Reason
from .results import CssResult
from .situation import PlannedCare, Situation
from .sources import parameter_to_verify
from .wording import Day, Eur, Joined, Label, Lower, LowerFirst, Phrase, because, say

if TYPE_CHECKING:
    from .cpam_aid import CpamAidResult

ZERO = Decimal("0")

NONE, PRIVATE, CSS, AME = "none", "private", "css", "ame"
PRIVATE_RESPONSIBLE, PRIVATE_NOT_RESPONSIBLE = "private_responsible", "private_not_responsible"
#: Coverages whose complementary share is unknown (a private contract): columns show what is left before it pays.
PRIVATE_SCENARIOS = frozenset({PRIVATE, PRIVATE_RESPONSIBLE, PRIVATE_NOT_RESPONSIBLE})


@contract("billed", "social_security", "complementary", "left", "upper_bound", "approximate", "exemption", text("note"))
@dataclass(frozen=True, slots=True)
class Column(Contract):
    """One coverage scenario for one line."""

    billed: Decimal                    # amount billed or estimated in this scenario
    social_security: Decimal           # paid by the Sécurité sociale (or the Alsace-Moselle local scheme)
    complementary: Decimal | None      # paid by the complementary or the CSS; None = unknown (private contract)
    left: Decimal                      # left to pay
    upper_bound: bool = False          # "au plus": the real amount may be lower
    approximate: bool = False          # "environ": indicative share of the Sécurité sociale
    exemption: str | None = None
    note: Phrase | None = None         # a phrase of the wording catalogue, written with ``str()``


@contract(
    "key",
    entry("charge", description="Nature de la charge : forfait_journalier, single_room, emergency_flat_fee, consultation, participation_forfaitaire, dental_prosthesis, glasses, hearing_aids"),
    "care_index", "member", text("label"),
    entry("billed", "current.billed"), entry("social_security", "current.social_security"),
    entry("complementary", "current.complementary"), entry("left", "current.left"),
    entry("current", description="Avec la couverture actuelle : billed, social_security, complementary (null si inconnue), left, upper_bound (« au plus »), note"),
    entry("with_css", description="Avec la CSS, si le foyer y a droit (sinon null)"),
    text("assumptions"),
    entry("details", type=dict | None, description="Soins sur devis : panier, base et taux de la Sécurité sociale, prix limite, limite CSS, plafond du contrat responsable, conseil sans devis (no_quote) ; séjour daté : tarifs jour par jour (rate_segments)"),
)
@dataclass(frozen=True, slots=True)
class OutOfPocketLine(Contract):
    key: str                           # stable id: "care0.forfait_journalier"
    charge: str                        # forfait_journalier, single_room, emergency_flat_fee, consultation,
    #                                    participation_forfaitaire, dental_prosthesis, glasses, hearing_aids
    care_index: int
    member: str
    # ``label`` and ``assumptions`` are phrases of the wording catalogue, written with ``str()``; the annotations
    # say ``str``, the type the contract writes (the OpenAPI description repeats them).
    label: str
    current: Column
    with_css: Column | None
    assumptions: tuple[str, ...] = ()
    details: dict | None = None        # stays: day-by-day rates; quoted care: its ``QuotedPricing`` (tariffs,
    #                                    basket, no-quote advice), written with the result (``contract.free_json``:
    #                                    in the reader's language, and without its texts for ``?detail=figures``)

    @property
    def written_details(self) -> dict | None:
        """``details`` of the contract. A quoted item's pricing is written when the result is, so that its advice
        is said in the reader's language (and never built for ``?detail=figures`` before it is dropped)."""
        details: Any = self.details
        return details.as_dict() if isinstance(details, Contract) else details


@contract(
    entry("total", "total_current", description="Reste à charge total avec la couverture actuelle"),
    "total_current", "total_with_css",
    entry("current_is_upper_bound", "current_upper_bound"), entry("with_css_is_upper_bound", "with_css_upper_bound"),
    "coverage", entry("with_css_column", "has_with_css_column"), "lines", text("assumptions"), REASONS,
    text("to_verify"),
)
@dataclass(frozen=True, slots=True)
class OutOfPocket(Contract):
    coverage: Complementary
    css_status: CssStatus
    lines: tuple[OutOfPocketLine, ...]
    total_current: Decimal
    total_with_css: Decimal | None
    current_upper_bound: bool
    with_css_upper_bound: bool
    assumptions: tuple[str, ...]        # phrases of the catalogue (notes too), written with ``str()``
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()
    current_care: CareResult | None = field(default=None, compare=False, repr=False)

    @property
    def has_with_css_column(self) -> bool:
        return self.total_with_css is not None


# --------------------------------------------------------------------------- columns per charge

SECTOR_SHORT = {Sector.SECTOR_1: say("oop.sector.sector_1"), Sector.SECTOR_2: say("oop.sector.sector_2"),
                Sector.OPTAM: say("oop.sector.optam")}
PRIVATE_NOTE = say("oop.note.private")
PAID_BY_CSS = say("oop.note.paid_by_css")
# Phrases without values, said by many lines: made once (a phrase is immutable; its French text is kept once built).
_ALSACE_MOSELLE_NOTE = say("oop.note.alsace_moselle")
_FORFAIT_PRIVATE = say("oop.note.forfait.private")
_SINGLE_ROOM_PRIVATE, _SINGLE_ROOM_CSS = say("oop.note.single_room.private"), say("oop.note.single_room.css")
_EMERGENCY_PRIVATE = say("oop.note.emergency.private")
_CONSULTATION_CSS, _CONSULTATION_PRIVATE = say("oop.note.consultation.css"), say("oop.note.consultation.private")
_CONSULTATION_AME = say("oop.note.consultation.ame")
_PARTICIPATION_PRIVATE = say("oop.note.participation.private")
_NO_TARIFFS, _NO_ESTIMATE = say("oop.note.quoted.no_tariffs"), say("oop.note.quoted.no_estimate")
_FULL_IN_100_SANTE = {CSS: say("care.quoted.note.css_nothing"), PRIVATE_RESPONSIBLE: say("care.quoted.note.responsible_full")}
INTRINSIC_EXEMPTIONS = frozenset(HospitalExemption) - {HospitalExemption.CSS, HospitalExemption.ALSACE_MOSELLE}


def _scenario(coverage: Complementary) -> str:
    if coverage in CSS_COVERAGES:
        return CSS
    return {
        Complementary.PRIVATE: PRIVATE, Complementary.PRIVATE_RESPONSIBLE: PRIVATE_RESPONSIBLE,
        Complementary.PRIVATE_NOT_RESPONSIBLE: PRIVATE_NOT_RESPONSIBLE, Complementary.AME: AME,
    }.get(coverage, NONE)


def _charged(amount: Decimal, social_security: Decimal, scenario: str, *, private_note: Phrase = PRIVATE_NOTE,
             css_pays: bool = True, css_note: Phrase | None = None, approximate: bool = False,
             none_upper_bound: bool = False, none_note: Phrase | None = None) -> Column:
    """A charge of ``amount`` of which the Sécurité sociale pays ``social_security``."""
    social_security = min(max(social_security, ZERO), amount)
    rest = amount - social_security
    if scenario == CSS:
        if css_pays:
            return Column(amount, social_security, rest, ZERO, approximate=approximate, exemption="css", note=css_note)
        return Column(amount, social_security, None if none_upper_bound else ZERO, rest,
                      upper_bound=none_upper_bound, approximate=approximate, note=css_note)
    if scenario in PRIVATE_SCENARIOS:
        return Column(amount, social_security, None, rest, upper_bound=True, approximate=approximate, note=private_note)
    return Column(amount, social_security, ZERO, rest, upper_bound=none_upper_bound, approximate=approximate,
                  note=none_note)


def _not_due(exemption: str, note: Phrase) -> Column:
    return Column(ZERO, ZERO, ZERO, ZERO, exemption=exemption, note=note)


def _forfait_column(stay: HospitalStayResult, scenario: str) -> Column:
    if stay.exemption in INTRINSIC_EXEMPTIONS:
        return _not_due(stay.exemption.value, say("oop.not_due", exemption=Lower(stay.exemption_label)))
    amount = stay.forfait_before_exemption
    if stay.exemption is HospitalExemption.ALSACE_MOSELLE:
        return Column(amount, amount, ZERO, ZERO, exemption=stay.exemption.value, note=_ALSACE_MOSELLE_NOTE)
    return _charged(amount, ZERO, scenario, private_note=_FORFAIT_PRIVATE, css_note=PAID_BY_CSS)


def _single_room_column(stay: HospitalStayResult, scenario: str) -> Column:
    amount = stay.single_room or ZERO
    return _charged(
        amount, ZERO, scenario, css_pays=False,
        private_note=_SINGLE_ROOM_PRIVATE, css_note=_SINGLE_ROOM_CSS,
    )


def _emergency_column(visit: EmergencyVisitResult, scenario: str) -> Column:
    if visit.exemption is EmergencyExemption.NOT_IN_FORCE:
        return _not_due(visit.exemption.value, say("oop.not_in_force", label=visit.exemption_label))
    if visit.exemption is not None and visit.exemption is not EmergencyExemption.CSS:
        return _not_due(visit.exemption.value, say("oop.not_due", exemption=Lower(visit.exemption_label)))
    return _charged(visit.rate, ZERO, scenario, private_note=_EMERGENCY_PRIVATE, css_note=PAID_BY_CSS)


def _consultation_column(c: ConsultationResult, scenario: str) -> Column:
    if scenario == CSS:
        return Column(c.billed, c.social_security, c.billed - c.social_security, ZERO, exemption="css",
                      note=_CONSULTATION_CSS)
    if scenario in PRIVATE_SCENARIOS:
        return Column(c.billed, c.social_security, None, c.billed - c.social_security, upper_bound=True,
                      note=_CONSULTATION_PRIVATE)
    if scenario == AME:
        return Column(c.billed, c.base_tariff, ZERO, c.billed - c.base_tariff, note=_CONSULTATION_AME)
    return Column(c.billed, c.social_security, ZERO, c.billed - c.social_security)


def _participation_column(c: ConsultationResult, scenario: str) -> Column:
    if c.participation_exemption is not None:
        return _not_due(c.participation_exemption.value, say("oop.participation.not_due",
                                                             exemption=_participation_exemption(c)))
    return _charged(c.participation_forfaitaire, ZERO, scenario, private_note=_PARTICIPATION_PRIVATE)


def _participation_exemption(c: ConsultationResult) -> Phrase | Lower:
    """The exemption as the consultation's reason said it: its label reads the age limit from its parameter
    (``soins.participation_forfaitaire_age_exoneration``) instead of repeating it."""
    applied = next((r for r in c.reasons if r.code.startswith("care.participation.exempt.")), None)
    if applied is not None and "exemption" in applied.params:
        return applied.params["exemption"]
    return Lower(Label(c.participation_exemption.label))


QUOTED_SCENARIOS = {
    NONE: QuotedScenario.NONE, PRIVATE: QuotedScenario.PRIVATE, CSS: QuotedScenario.CSS, AME: QuotedScenario.AME,
    PRIVATE_RESPONSIBLE: QuotedScenario.PRIVATE_RESPONSIBLE, PRIVATE_NOT_RESPONSIBLE: QuotedScenario.PRIVATE_NOT_RESPONSIBLE,
}


def _quoted_column(q: QuotedCareResult, scenario: str, *, advise: bool = False) -> Column:
    """``advise``: the column people read first (current coverage) carries the no-quote advice."""
    priced = q.column(QUOTED_SCENARIOS[scenario])
    if priced is None and q.quote is not None:
        return _charged(q.quote, ZERO, scenario, css_pays=False, none_upper_bound=True, css_note=_NO_TARIFFS,
                        none_note=_NO_TARIFFS)
    if priced is None and q.pricing.basket == CENT_POUR_CENT_SANTE and scenario in _FULL_IN_100_SANTE:
        # Whatever the price limit of the item (unknown without a quote, e.g. class A lenses), the CSS (art. L861-3)
        # and a responsible contract (art. R871-2) pay all of it inside the 100 % Santé basket: nothing to pay.
        return Column(ZERO, ZERO, ZERO, ZERO, approximate=True, exemption="css" if scenario == CSS else None,
                      note=_FULL_IN_100_SANTE[scenario])
    if priced is None:
        return Column(ZERO, ZERO, ZERO, ZERO, approximate=True, note=_NO_ESTIMATE)
    note = priced.note
    if priced.at_least is not None and priced.upper_bound:
        note = say("oop.note.at_least", note=note, amount=Eur(priced.at_least))
    if advise and q.pricing.no_quote is not None:
        note = say("oop.note.without_quote", advice=q.pricing.no_quote.advice, note=note)
    return Column(priced.billed, priced.social_security, priced.complementary, priced.left,
                  upper_bound=priced.upper_bound, approximate=q.quote is None, exemption="css" if scenario == CSS and priced.left == 0 else None,
                  note=note)


# --------------------------------------------------------------------------- lines


def _lines_for(item, with_css_item, current: str) -> list[OutOfPocketLine]:
    i, member = item.care_index, item.member
    lines: list[OutOfPocketLine] = []

    def line(charge: str, label: Phrase, column, assumptions: tuple[Phrase, ...] = (), details=None,
             current_column=None) -> None:
        lines.append(OutOfPocketLine(
            key=f"care{i}.{charge}", charge=charge, care_index=i, member=member, label=label,
            current=(current_column or column)(item, current),
            with_css=column(with_css_item, CSS) if with_css_item is not None else None,
            assumptions=assumptions,
            details=details,
        ))

    if isinstance(item, HospitalStayResult):
        service = _SERVICES["psychiatric" if item.psychiatric else "home" if item.home else "hospital"]
        if item.day_case:
            length, rule = _DAY_CASE, _DAY_CASE_RULE
        else:
            length = _days(item.days)
            rule = (say("oop.stay.dated", parts=Joined([seg.sentence() for seg in item.segments], " ; "))
                    if item.segments else say("oop.stay.rate", rate=Eur(item.daily_rate)))
        line("forfait_journalier", say("oop.label.forfait", service=service, member=member, length=length),
             _forfait_column, (rule,),
             {"rate_segments": [seg.as_dict() for seg in item.segments]} if item.segments else None)
        if item.single_room is not None:
            line("single_room", say("oop.label.single_room", member=member, length=_days(item.days)),
                 _single_room_column, _SINGLE_ROOM_RULE)
    elif isinstance(item, EmergencyVisitResult):
        line("emergency_flat_fee", say("oop.label.emergency", member=member), _emergency_column, _EMERGENCY_RULE)
    elif isinstance(item, ConsultationResult):
        line("consultation", say("oop.label.consultation", sector=SECTOR_SHORT[item.sector], member=member),
             _consultation_column, _CONSULTATION_RULE)
        if item.participation_forfaitaire > 0 or item.participation_exemption is not None:
            line("participation_forfaitaire", say("oop.label.participation", member=member),
                 _participation_column, _PARTICIPATION_RULE)
    elif isinstance(item, QuotedCareResult):
        advice = (item.pricing.no_quote.advice,) if item.pricing.no_quote else ()
        line(item.kind.value, _quoted_label(item), _quoted_column, (*advice, *(r.wording for r in item.reasons)),
             item.pricing, current_column=lambda q, s: _quoted_column(q, s, advise=True))
    return lines


_SERVICES = {"psychiatric": say("oop.service.psychiatric"), "home": say("oop.service.home"),
             "hospital": say("oop.service.hospital")}
_DAY_CASE, _DAY_CASE_RULE = say("oop.length.day_case"), say("oop.stay.day_case")
_SINGLE_ROOM_RULE, _EMERGENCY_RULE = (say("oop.single_room.rule"),), (say("oop.emergency.rule"),)
_CONSULTATION_RULE, _PARTICIPATION_RULE = (say("oop.consultation.rule"),), (say("oop.participation.rule"),)


@lru_cache(maxsize=512)
def _days(days: int) -> Phrase:
    return say("oop.length.days" if days > 1 else "oop.length.day", days=days)


QUOTED_BASKET_WORDS = {
    "cent_pour_cent_sante": say("oop.quoted.basket.cent_pour_cent_sante"),
    "tarifs_maitrises": say("oop.quoted.basket.tarifs_maitrises"),
    "libre": say("oop.quoted.basket.libre"),
}
DENTAL_ACT_KEYS = {"crown": "oop.quoted.crown", "bridge": "oop.quoted.bridge", "denture": "oop.quoted.denture"}


def _quoted_label(item: QuotedCareResult) -> Phrase:
    """``Couronne à tarif libre, p1, devis de 1 200 €``; ``2 aides auditives 100 % Santé (classe I), p1, sans devis``."""
    pricing = item.pricing
    basket = QUOTED_BASKET_WORDS[pricing.basket]
    free = pricing.basket == "cent_pour_cent_sante"
    if item.kind is CareKind.DENTAL_PROSTHESIS:
        what = say(DENTAL_ACT_KEYS[pricing.act.value if pricing.act else "crown"], basket=basket)
    elif item.kind is CareKind.HEARING_AIDS:
        if pricing.units > 1:
            key = "oop.quoted.hearing.many.class_1" if free else "oop.quoted.hearing.many.class_2"
        else:
            key = "oop.quoted.hearing.one.class_1" if free else "oop.quoted.hearing.one.class_2"
        what = say(key, units=pricing.units, basket=basket)
    else:
        what = say("oop.quoted.glasses.class_a" if free else "oop.quoted.glasses.class_b", basket=basket)
    quote = say("oop.quoted.quote", amount=Eur(item.quote)) if item.quote is not None else _WITHOUT_QUOTE
    return say("oop.label.quoted", what=what, member=item.member, quote=quote)


_WITHOUT_QUOTE = say("oop.quoted.without_quote")


def _total(columns: list[Column]) -> tuple[Decimal, bool]:
    return sum((c.left for c in columns), ZERO), any(c.upper_bound for c in columns)


def estimate_out_of_pocket(situation: Situation, p: ParametersOn, css: CssResult) -> OutOfPocket:
    if not situation.planned_care:
        # Nothing planned: the estimate reads only the coverage and the CSS status (no line, no tariff, no date).
        key = (situation.complementary, css.status)
        found = _NOTHING_PLANNED.get(key)
        if found is None:
            found = _NOTHING_PLANNED[key] = _estimate(situation, p, css)
        return found
    return _estimate(situation, p, css)


#: The estimates without planned care, by coverage and CSS status (at most 9 × 3), shared (they are immutable).
_NOTHING_PLANNED: dict[tuple[Complementary, CssStatus], OutOfPocket] = {}


def _estimate(situation: Situation, p: ParametersOn, css: CssResult) -> OutOfPocket:
    holder = holds_css(situation)
    # What does not depend on the coverage (quoted care priced, each item's rates and reasons) is made once for
    # both columns (``evaluate_care``).
    shared: dict[int, Any] = {}
    current_care = evaluate_care(situation, p, css_holder=holder, shared=shared)
    if not css.eligible:
        css_care = None
    elif holder:
        css_care = current_care  # the same computation: the household already holds the CSS
    else:
        css_care = evaluate_care(situation, p, css_holder=True, shared=shared)
    scenario = _scenario(situation.complementary)

    # Both computations price the same planned care, one item per care in the same order (``items`` sorts them by
    # ``care_index``): the i-th items of the two columns are the same care. Each list is sorted once.
    current_items = current_care.items
    if css_care is None:
        css_items: list | None = None
    else:
        css_items = current_items if css_care is current_care else css_care.items
    lines: list[OutOfPocketLine] = []
    for item, css_item in zip(current_items, css_items if css_items is not None else [None] * len(current_items),
                              strict=True):
        lines.extend(_lines_for(item, css_item, scenario))

    total_current, current_upper = _total([line.current for line in lines])
    if css_care is not None:
        total_css, css_upper = _total([line.with_css for line in lines if line.with_css is not None])
    else:
        total_css, css_upper = None, False

    assumptions: list[Phrase] = []
    reasons: list[Reason] = []
    # The notes of the current column, then those of the with-CSS column (``notes_of``, as ``CareResult.to_verify``).
    other = css_items is not None and css_items is not current_items
    to_verify: list = list(notes_of(current_items, css_items) if other else notes_of(current_items))

    if not situation.planned_care:
        reasons.append(because("oop.no_care"))
    else:
        rates, franchises, franchise_note = p.derived(_dated_notes)
        assumptions.append(rates if p.when == situation.request_date else _rates_note(situation.request_date))
        if any(not s.home for s in current_care.hospital_stays):
            assumptions.append(_STAY_COSTS)
            to_verify.append(_VERIFY_STAY_COSTS)
        assumptions.append(franchises)
        if franchise_note:
            to_verify.append(franchise_note)
        reasons.append(Reason(
            "oop.total_current",
            say("oop.total_current.upper" if current_upper else "oop.total_current",
                coverage=LowerFirst(Label(situation.complementary.label)), total=Eur(total_current)),
        ))
        if total_css is not None:
            reasons.append(Reason(
                "oop.total_with_css",
                say("oop.total_with_css.upper" if css_upper else "oop.total_with_css", total=Eur(total_css)),
                "Code de la sécurité sociale, art. L861-3",
                "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189",
            ))
    if situation.complementary is Complementary.CSS_PENDING and situation.planned_care:
        assumptions.append(_CSS_PENDING)
    if situation.complementary in (Complementary.PRIVATE, Complementary.PRIVATE_RESPONSIBLE,
                                   Complementary.PRIVATE_NOT_RESPONSIBLE) and situation.planned_care:
        assumptions.append(_ASSUMPTION_PRIVATE)
        to_verify.append(_VERIFY_PRIVATE)
    if css_care is None and situation.planned_care:
        assumptions.append(_NOT_ELIGIBLE)
    elif css.status is CssStatus.WITH_PARTICIPATION and not holder and situation.planned_care:
        assumptions.append(say("oop.assumption.css_participation", amount=Eur(css.monthly_participation)))

    return OutOfPocket(
        coverage=situation.complementary,
        css_status=css.status,
        lines=tuple(lines),
        total_current=total_current,
        total_with_css=total_css,
        current_upper_bound=current_upper,
        with_css_upper_bound=css_upper,
        assumptions=tuple(assumptions),
        reasons=tuple(reasons),
        to_verify=tuple(dict.fromkeys(to_verify)),
        current_care=current_care,
    )


_STAY_COSTS, _VERIFY_STAY_COSTS = say("oop.assumption.stay_costs"), say("oop.verify.stay_costs")
_CSS_PENDING, _NOT_ELIGIBLE = say("oop.assumption.css_pending"), say("oop.assumption.not_eligible")
_ASSUMPTION_PRIVATE, _VERIFY_PRIVATE = say("oop.assumption.private"), say("oop.verify.private")


def _rates_note(day) -> Phrase:
    return say("oop.assumption.rates", day=Day(day))


def _dated_notes(p: ParametersOn) -> tuple[Phrase, Phrase, Phrase | None]:
    """The notes of every estimate on the date of ``p`` (made once per date, ``p.derived``): the rates' date, the
    franchises not counted, and the franchise's "to verify" note."""
    return _rates_note(p.when), _franchises_note(p), parameter_to_verify(p, "soins.franchise_medicament")


def _franchises_note(p: ParametersOn) -> Phrase:
    """The franchises are not counted: their amounts, ceiling and age limit, each read from its parameter."""
    return say(
        "oop.assumption.franchises", medicine=Eur(p["soins.franchise_medicament"]),
        paramedical=Eur(p["soins.franchise_acte_paramedical"]), transport=Eur(p["soins.franchise_transport"]),
        ceiling=Eur(p["soins.franchises_plafond_annuel"]), age=int(p["soins.participation_forfaitaire_age_exoneration"]),
    )


# --------------------------------------------------------------------------- in the checklist and the registry


QUOTE_ORGANISMS = {
    # The admissions office: a service of the establishment of the stay (its steps are grouped under it).
    CareKind.HOSPITALISATION: AtService(say("oop.quote.organism.hospitalisation"), HOSPITAL,
                                        say("checklist.hospital.admissions")),
    CareKind.DENTAL_PROSTHESIS: say("oop.quote.organism.dental_prosthesis"),
    CareKind.GLASSES: say("oop.quote.organism.glasses"),
    CareKind.HEARING_AIDS: say("oop.quote.organism.hearing_aids"),
    CareKind.CONSULTATION: say("oop.quote.organism.consultation"),
}
#: The baskets in short, as the quotes of the checklist and the CPAM aid's documents name them.
QUOTE_BASKETS = {Basket.CENT_POUR_CENT_SANTE: say("oop.quote.basket.cent_pour_cent_sante"),
                 Basket.OTHER: say("oop.quote.basket.other")}
_VITALE = say("oop.quote.documents.vitale")
_QUOTE_HELP = say("oop.quote.help")
_QUOTE_DEADLINE = say("checklist.before_care")
_QUOTE_REASONS = (because("checklist.quote"),)
_CSS_CERTIFICATE = say("oop.quote.documents.css_certificate")
_COMPLEMENTARY_CARD = say("oop.quote.documents.complementary_card")
_HOSPITAL_HOW, _HOSPITAL_PRESCRIPTION = say("oop.quote.hospital.how"), say("oop.quote.documents.hospital_prescription")
_CONSULTATION_HOW, _PRESCRIPTION = say("oop.quote.consultation.how"), say("oop.quote.documents.prescription")
#: By whether the CPAM aid is worth asking for (two quotes then).
_CARE_HOW = {True: say("oop.quote.care.how", two_quotes=say("oop.quote.care.two_quotes")),
             False: say("oop.quote.care.how", two_quotes="")}


def _quoted_care(situation: Situation) -> Iterable[tuple[int, PlannedCare]]:
    """The planned care to ask a quote for (index, care): not an emergency, nor a hospitalisation at home, nor a
    sector 1 consultation (nothing beyond the tariff to learn)."""
    for index, care in enumerate(situation.planned_care):
        if care.kind is CareKind.EMERGENCY_VISIT or (care.kind is CareKind.HOSPITALISATION and care.home):
            continue
        if care.kind is CareKind.CONSULTATION and care.sector in (None, Sector.SECTOR_1):
            continue
        yield index, care


def quote_figures(situation: Situation) -> list[ChecklistItem]:
    """``quote_items`` for a result simulated without its texts: each item's key and reasons."""
    return [figures_item(f"quote_{index}", _QUOTE_REASONS) for index, _ in _quoted_care(situation)]


def quote_items(situation: Situation, cpam: CpamAidResult) -> list[ChecklistItem]:
    items = []
    coverage_card = (
        _CSS_CERTIFICATE if holds_css(situation)
        else _COMPLEMENTARY_CARD if situation.complementary is Complementary.PRIVATE
        else None
    )
    for index, care in _quoted_care(situation):
        documents = [_VITALE]
        if coverage_card:
            documents.append(coverage_card)
        if care.kind is CareKind.HOSPITALISATION:
            how = _HOSPITAL_HOW
            documents.append(_HOSPITAL_PRESCRIPTION)
            procedure = say("oop.quote.hospital.procedure", member=care.member, days=care.days)
        elif care.kind is CareKind.CONSULTATION:
            how = _CONSULTATION_HOW
            procedure = say("oop.quote.consultation.procedure", member=care.member)
        else:
            how = _CARE_HOW[cpam.assessment is not AidAssessment.UNLIKELY]
            if care.kind in (CareKind.GLASSES, CareKind.HEARING_AIDS):
                documents.append(_PRESCRIPTION)
            basket = say("checklist.basket", basket=QUOTE_BASKETS[care.basket]) if care.basket else ""
            procedure = say("oop.quote.care.procedure", kind=Lower(Label(care.kind.label)), basket=basket,
                            member=care.member)
        items.append(ChecklistItem(
            key=f"quote_{index}",
            organism=QUOTE_ORGANISMS[care.kind],
            procedure=procedure,
            how=how,
            documents=tuple(documents),
            deadline=_QUOTE_DEADLINE,
            help=_QUOTE_HELP,
            appeal=None,
            reasons=_QUOTE_REASONS,
        ))
    return items


class CareCostsAid:
    """What the planned care leaves to pay, with the current coverage and with the CSS (``aids.AIDS``).

    Its contract entries are the out-of-pocket estimate and, at the top of the result (contract v1), the
    hospital stays and emergency visits with the current coverage.
    """

    key = "reste_a_charge"
    partial = "results/_care.html"

    def assess(self, situation: Situation, p: ParametersOn, results: Mapping[str, Any],
               settings: Mapping[str, Any]) -> OutOfPocket:
        return estimate_out_of_pocket(situation, p, results["css"])

    outputs = {
        "hospital_stays": tuple[HospitalStayResult, ...],
        "emergency_visits": tuple[EmergencyVisitResult, ...],
        "reste_a_charge": OutOfPocket,
    }

    def contract(self, result: OutOfPocket) -> dict[str, Any]:
        care = result.current_care
        return {
            "hospital_stays": care.hospital_stays if care else (),
            "emergency_visits": care.emergency_visits if care else (),
            "reste_a_charge": result,
        }

    def checklist(self, situation: Situation, p: ParametersOn,
                  results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        return [(Phase.PREPARE, item) for item in quote_items(situation, results["cpam_aid"])]

    def checklist_figures(self, situation: Situation, p: ParametersOn,
                          results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        """``checklist``'s items with their keys and reasons only (a result simulated without its texts)."""
        return [(Phase.PREPARE, item) for item in quote_figures(situation)]


CARE_COSTS = CareCostsAid()
