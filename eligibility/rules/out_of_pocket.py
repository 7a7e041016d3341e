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
)
from .checklist import HOSPITAL, AtService, ChecklistItem, Phase
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
from .reasons import Reason, format_date, format_eur
from .results import CssResult
from .situation import Situation
from .sources import parameter_to_verify
from .wording import Lower, Phrase, say

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
    note: Phrase | str | None = None


@contract(
    "key",
    entry("charge", description="Nature de la charge : forfait_journalier, single_room, emergency_flat_fee, consultation, participation_forfaitaire, dental_prosthesis, glasses, hearing_aids"),
    "care_index", "member", text("label"),
    entry("billed", "current.billed"), entry("social_security", "current.social_security"),
    entry("complementary", "current.complementary"), entry("left", "current.left"),
    entry("current", description="Avec la couverture actuelle : billed, social_security, complementary (null si inconnue), left, upper_bound (« au plus »), note"),
    entry("with_css", description="Avec la CSS, si le foyer y a droit (sinon null)"),
    text("assumptions"),
    entry("details", description="Soins sur devis : panier, base et taux de la Sécurité sociale, prix limite, limite CSS, plafond du contrat responsable, conseil sans devis (no_quote) ; séjour daté : tarifs jour par jour (rate_segments)"),
)
@dataclass(frozen=True, slots=True)
class OutOfPocketLine(Contract):
    key: str                           # stable id: "care0.forfait_journalier"
    charge: str                        # forfait_journalier, single_room, emergency_flat_fee, consultation,
    #                                    participation_forfaitaire, dental_prosthesis, glasses, hearing_aids
    care_index: int
    member: str
    label: str
    current: Column
    with_css: Column | None
    assumptions: tuple[str, ...] = ()
    details: dict | None = None        # quoted care: tariffs, basket, no-quote advice; stays: day-by-day rates


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
    assumptions: tuple[str, ...]
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()
    current_care: CareResult | None = field(default=None, compare=False, repr=False)

    @property
    def has_with_css_column(self) -> bool:
        return self.total_with_css is not None


# --------------------------------------------------------------------------- columns per charge

SECTOR_SHORT = {Sector.SECTOR_1: "secteur 1", Sector.SECTOR_2: "secteur 2", Sector.OPTAM: "secteur 2, Optam"}
BASKET_SHORT = {Basket.CENT_POUR_CENT_SANTE: "100 % Santé", Basket.OTHER: "hors 100 % Santé"}
PRIVATE_NOTE = "Dépend de votre contrat : montant avant le remboursement de votre complémentaire."
INTRINSIC_EXEMPTIONS = frozenset(HospitalExemption) - {HospitalExemption.CSS, HospitalExemption.ALSACE_MOSELLE}


def _scenario(coverage: Complementary) -> str:
    if coverage in CSS_COVERAGES:
        return CSS
    return {
        Complementary.PRIVATE: PRIVATE, Complementary.PRIVATE_RESPONSIBLE: PRIVATE_RESPONSIBLE,
        Complementary.PRIVATE_NOT_RESPONSIBLE: PRIVATE_NOT_RESPONSIBLE, Complementary.AME: AME,
    }.get(coverage, NONE)


def _charged(amount: Decimal, social_security: Decimal, scenario: str, *, private_note: str = PRIVATE_NOTE,
             css_pays: bool = True, css_note: str | None = None, approximate: bool = False,
             none_upper_bound: bool = False, none_note: str | None = None) -> Column:
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
        return Column(amount, amount, ZERO, ZERO, exemption=stay.exemption.value,
                      note="Pris en charge par le régime local d'Alsace-Moselle.")
    return _charged(
        amount, ZERO, scenario,
        private_note="Un contrat « responsable » doit le rembourser sans limite de durée : vérifiez votre contrat "
                     "(montant avant son remboursement).",
        css_note="Payé par la Complémentaire santé solidaire.",
    )


def _single_room_column(stay: HospitalStayResult, scenario: str) -> Column:
    amount = stay.single_room or ZERO
    return _charged(
        amount, ZERO, scenario, css_pays=False,
        private_note="Certaines complémentaires la remboursent, en tout ou en partie : dépend de votre contrat.",
        css_note="La CSS ne paie pas la chambre particulière : une chambre double évite ce coût.",
    )


def _emergency_column(visit: EmergencyVisitResult, scenario: str) -> Column:
    if visit.exemption is EmergencyExemption.NOT_IN_FORCE:
        return _not_due(visit.exemption.value, say("oop.not_in_force", label=visit.exemption_label))
    if visit.exemption is not None and visit.exemption is not EmergencyExemption.CSS:
        return _not_due(visit.exemption.value, say("oop.not_due", exemption=Lower(visit.exemption_label)))
    return _charged(
        visit.rate, ZERO, scenario,
        private_note="Les contrats « responsables » le remboursent : vérifiez votre contrat (montant avant son "
                     "remboursement).",
        css_note="Payé par la Complémentaire santé solidaire.",
    )


def _consultation_column(c: ConsultationResult, scenario: str) -> Column:
    if scenario == CSS:
        return Column(c.billed, c.social_security, c.billed - c.social_security, ZERO, exemption="css",
                      note="Ticket modérateur payé par la CSS ; pas de dépassement d'honoraires.")
    if scenario in PRIVATE_SCENARIOS:
        return Column(c.billed, c.social_security, None, c.billed - c.social_security, upper_bound=True,
                      note="Votre complémentaire rembourse en général le ticket modérateur, et parfois une partie "
                           "des dépassements : dépend de votre contrat.")
    if scenario == AME:
        return Column(c.billed, c.base_tariff, ZERO, c.billed - c.base_tariff,
                      note="L'aide médicale de l'État paie le tarif de base en entier ; un dépassement reste à payer.")
    return Column(c.billed, c.social_security, ZERO, c.billed - c.social_security)


def _participation_column(c: ConsultationResult, scenario: str) -> Column:
    if c.participation_exemption is not None:
        return _not_due(c.participation_exemption.value, f"Pas due : {c.participation_exemption.label.lower()}.")
    return _charged(
        c.participation_forfaitaire, ZERO, scenario,
        private_note="Les contrats « responsables » ne la remboursent pas.",
    )


QUOTED_SCENARIOS = {
    NONE: QuotedScenario.NONE, PRIVATE: QuotedScenario.PRIVATE, CSS: QuotedScenario.CSS, AME: QuotedScenario.AME,
    PRIVATE_RESPONSIBLE: QuotedScenario.PRIVATE_RESPONSIBLE, PRIVATE_NOT_RESPONSIBLE: QuotedScenario.PRIVATE_NOT_RESPONSIBLE,
}


def _quoted_column(q: QuotedCareResult, scenario: str, *, advise: bool = False) -> Column:
    """``advise``: the column people read first (current coverage) carries the no-quote advice."""
    priced = q.column(QUOTED_SCENARIOS[scenario])
    if priced is None and q.quote is not None:
        return _charged(
            q.quote, ZERO, scenario, css_pays=False, none_upper_bound=True,
            css_note="Tarifs de la Sécurité sociale non repris à cette date : au plus le montant du devis.",
            none_note="Tarifs de la Sécurité sociale non repris à cette date : au plus le montant du devis.",
        )
    if priced is None:
        return Column(ZERO, ZERO, ZERO, ZERO, approximate=True,
                      note="Montant non estimé sans devis : demandez un devis qui comprend l'offre « 100 % Santé ».")
    note = priced.note
    if priced.at_least is not None and priced.upper_bound:
        note = f"{note} Il restera au moins {format_eur(priced.at_least)}."
    if advise and q.pricing.no_quote is not None:
        note = f"Sans devis : {q.pricing.no_quote.advice} {note}"
    return Column(priced.billed, priced.social_security, priced.complementary, priced.left,
                  upper_bound=priced.upper_bound, approximate=q.quote is None, exemption="css" if scenario == CSS and priced.left == 0 else None,
                  note=note)


# --------------------------------------------------------------------------- lines


def _lines_for(item, with_css_item, current: str) -> list[OutOfPocketLine]:
    i, member = item.care_index, item.member
    lines: list[OutOfPocketLine] = []

    def line(charge: str, label: str, column, assumptions: tuple[str, ...] = (), details: dict | None = None,
             current_column=None) -> None:
        lines.append(OutOfPocketLine(
            key=f"care{i}.{charge}", charge=charge, care_index=i, member=member, label=label,
            current=(current_column or column)(item, current),
            with_css=column(with_css_item, CSS) if with_css_item is not None else None,
            assumptions=assumptions,
            details=details,
        ))

    if isinstance(item, HospitalStayResult):
        service = "psychiatrie" if item.psychiatric else ("hospitalisation à domicile" if item.home else "hôpital")
        if item.day_case:
            length, rule = "hospitalisation de jour", "Entrée et sortie le même jour : pas de forfait journalier."
        else:
            length = f"{item.days} jour{'s' if item.days > 1 else ''}"
            rule = (" ; ".join(str(seg.sentence()) for seg in item.segments) + " (chaque jour à son tarif, jour de sortie compris)."
                    if item.segments else
                    f"Tarif de {format_eur(item.daily_rate)} par jour en vigueur à la date de la demande, jour de sortie "
                    "compris.")
        line("forfait_journalier", f"Forfait journalier ({service}), {member}, {length}", _forfait_column, (rule,),
             {"rate_segments": [seg.as_dict() for seg in item.segments]} if item.segments else None)
        if item.single_room is not None:
            line(
                "single_room", f"Chambre particulière, {member}, {item.days} jour{'s' if item.days > 1 else ''}",
                _single_room_column,
                ("Jamais remboursée par la Sécurité sociale.",),
            )
    elif isinstance(item, EmergencyVisitResult):
        line("emergency_flat_fee", f"Forfait patient urgences, {member}", _emergency_column,
             ("Passage aux urgences non suivi d'une hospitalisation.",))
    elif isinstance(item, ConsultationResult):
        line(
            "consultation", f"Consultation ({SECTOR_SHORT[item.sector]}), {member}", _consultation_column,
            ("Tarif de base : consultation de médecin généraliste.",),
        )
        if item.participation_forfaitaire > 0 or item.participation_exemption is not None:
            line("participation_forfaitaire", f"Participation forfaitaire sur la consultation, {member}",
                 _participation_column, ("Retenue sur le remboursement de la Sécurité sociale.",))
    elif isinstance(item, QuotedCareResult):
        advice = (item.pricing.no_quote.advice,) if item.pricing.no_quote else ()
        line(item.kind.value, _quoted_label(item), _quoted_column, (*advice, *(r.text for r in item.reasons)),
             item.pricing.as_dict(), current_column=lambda q, s: _quoted_column(q, s, advise=True))
    return lines


QUOTED_BASKET_WORDS = {"cent_pour_cent_sante": "100 % Santé", "tarifs_maitrises": "à tarif maîtrisé", "libre": "à tarif libre"}
DENTAL_ACT_WORDS = {"crown": "Couronne", "bridge": "Bridge", "denture": "Dentier"}


def _quoted_label(item: QuotedCareResult) -> str:
    """``Couronne à tarif libre, p1, devis de 1 200 €``; ``2 aides auditives 100 % Santé (classe I), p1, sans devis``."""
    pricing = item.pricing
    basket = QUOTED_BASKET_WORDS[pricing.basket]
    free = pricing.basket == "cent_pour_cent_sante"
    if item.kind is CareKind.DENTAL_PROSTHESIS:
        what = f"{DENTAL_ACT_WORDS[pricing.act.value if pricing.act else 'crown']} {basket}"
    elif item.kind is CareKind.HEARING_AIDS:
        plural = "s" if pricing.units > 1 else ""
        what = f"{pricing.units} aide{plural} auditive{plural} {basket} (classe {'I' if free else 'II'})"
    else:
        what = f"Lunettes {basket} (classe {'A' if free else 'B'})"
    quote = f"devis de {format_eur(item.quote)}" if item.quote is not None else "sans devis"
    return f"{what}, {item.member}, {quote}"


def _total(columns: list[Column]) -> tuple[Decimal, bool]:
    return sum((c.left for c in columns), ZERO), any(c.upper_bound for c in columns)


def estimate_out_of_pocket(situation: Situation, p: ParametersOn, css: CssResult) -> OutOfPocket:
    holder = holds_css(situation)
    current_care = evaluate_care(situation, p, css_holder=holder)
    css_care = evaluate_care(situation, p, css_holder=True) if css.eligible else None
    scenario = _scenario(situation.complementary)

    css_items = {item.care_index: item for item in css_care.items} if css_care else {}
    lines: list[OutOfPocketLine] = []
    for item in current_care.items:
        lines.extend(_lines_for(item, css_items.get(item.care_index) if css_care else None, scenario))

    total_current, current_upper = _total([line.current for line in lines])
    if css_care is not None:
        total_css, css_upper = _total([line.with_css for line in lines if line.with_css is not None])
    else:
        total_css, css_upper = None, False

    assumptions: list[str] = []
    reasons: list[Reason] = []
    to_verify: list[str] = list(current_care.to_verify)
    if css_care is not None:
        to_verify.extend(n for n in css_care.to_verify if n not in to_verify)

    if not situation.planned_care:
        reasons.append(Reason("oop.no_care", "Aucun soin prévu n'a été indiqué : pas d'estimation du reste à payer."))
    else:
        assumptions.append(
            f"Estimation indicative avec les tarifs en vigueur le {format_date(situation.request_date)} "
            "(date de la demande)."
        )
        if any(not s.home for s in current_care.hospital_stays):
            assumptions.append(
                "Les frais du séjour lui-même (hors forfait journalier) sont remboursés au moins à 80 % par la Sécurité "
                "sociale ; le ticket modérateur ou la participation sur les actes coûteux peut rester à payer sans "
                "complémentaire (la CSS les prend en charge) : ils ne sont pas estimés ici, demandez une estimation à "
                "l'établissement."
            )
            to_verify.append("Frais de séjour hospitalier (ticket modérateur, actes coûteux) non estimés : demandez un devis à l'établissement.")
        assumptions.append(_franchises_note(p))
        note = parameter_to_verify(p, "soins.franchise_medicament")
        if note:
            to_verify.append(note)
        prefix = "au plus " if current_upper else ""
        reasons.append(Reason(
            "oop.total_current",
            f"Reste à payer estimé avec votre couverture actuelle ({_lower_first(situation.complementary.label)}) : "
            f"{prefix}{format_eur(total_current)}.",
        ))
        if total_css is not None:
            prefix = "au plus " if css_upper else ""
            reasons.append(Reason(
                "oop.total_with_css",
                f"Avec la Complémentaire santé solidaire : {prefix}{format_eur(total_css)}.",
                "Code de la sécurité sociale, art. L861-3",
                "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189",
            ))
    if situation.complementary is Complementary.CSS_PENDING and situation.planned_care:
        assumptions.append(
            "Votre demande de Complémentaire santé solidaire est en cours : tant qu'elle n'est pas accordée, vous payez "
            "comme sans complémentaire. Si les soins peuvent attendre la décision, la colonne « avec la CSS » montre ce "
            "qui resterait à payer ; en cas d'hospitalisation, les droits peuvent parfois commencer plus tôt : "
            "demandez-le à la caisse."
        )
    if situation.complementary in (Complementary.PRIVATE, Complementary.PRIVATE_RESPONSIBLE,
                                   Complementary.PRIVATE_NOT_RESPONSIBLE) and situation.planned_care:
        assumptions.append(
            "Les garanties de votre complémentaire ne sont pas connues : la colonne « actuelle » montre ce qui reste "
            "avant son remboursement (au plus)."
        )
        to_verify.append("Garanties de votre complémentaire santé (mutuelle) : consultez votre tableau de garanties ou demandez-lui un devis de remboursement.")
    if css_care is None and situation.planned_care:
        assumptions.append(
            "D'après cette simulation, le foyer n'a pas droit à la Complémentaire santé solidaire : pas de colonne "
            "« avec la CSS »."
        )
    elif css.status is CssStatus.WITH_PARTICIPATION and not holder and situation.planned_care:
        assumptions.append(
            f"La colonne « avec la CSS » ne compte pas la participation mensuelle de la CSS "
            f"({format_eur(css.monthly_participation)} par mois pour le foyer)."
        )

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


def _lower_first(label: str) -> str:
    """``L'aide médicale de l'État (AME)`` → ``l'aide médicale de l'État (AME)``: acronyms and proper names kept."""
    return label[:1].lower() + label[1:]


def _franchises_note(p: ParametersOn) -> str:
    return (
        f"Les franchises médicales ({format_eur(p['soins.franchise_medicament'])} par boîte de médicament, "
        f"{format_eur(p['soins.franchise_acte_paramedical'])} par acte paramédical, "
        f"{format_eur(p['soins.franchise_transport'])} par transport, "
        f"{format_eur(p['soins.franchises_plafond_annuel'])} par an au plus) ne sont pas comptées ; les "
        "bénéficiaires de la CSS, les moins de 18 ans et les femmes enceintes à partir du 6e mois n'en paient pas."
    )


# --------------------------------------------------------------------------- in the checklist and the registry


QUOTE_ORGANISMS = {
    # The admissions office: a service of the establishment of the stay (its steps are grouped under it).
    CareKind.HOSPITALISATION: AtService("Établissement de santé (bureau des admissions)", HOSPITAL,
                                        say("checklist.hospital.admissions")),
    CareKind.DENTAL_PROSTHESIS: "Chirurgien-dentiste",
    CareKind.GLASSES: "Opticien",
    CareKind.HEARING_AIDS: "Audioprothésiste",
    CareKind.CONSULTATION: "Médecin",
}


def quote_items(situation: Situation, cpam: CpamAidResult) -> list[ChecklistItem]:
    items = []
    coverage_card = (
        "Attestation de Complémentaire santé solidaire" if holds_css(situation)
        else "Carte de complémentaire santé" if situation.complementary is Complementary.PRIVATE else None
    )
    for index, care in enumerate(situation.planned_care):
        if care.kind is CareKind.EMERGENCY_VISIT or (care.kind is CareKind.HOSPITALISATION and care.home):
            continue
        if care.kind is CareKind.CONSULTATION and care.sector in (None, Sector.SECTOR_1):
            continue
        documents = ["Carte Vitale"]
        if coverage_card:
            documents.append(coverage_card)
        if care.kind is CareKind.HOSPITALISATION:
            how = (
                "Demandez une estimation écrite des frais : forfait journalier, chambre particulière, dépassements "
                "d'honoraires éventuels. Signalez votre complémentaire ou votre CSS pour ne pas avancer les frais."
            )
            documents.append("Bulletin ou prescription d'hospitalisation")
            what = f"le séjour à l'hôpital de {care.member} ({care.days} jours)"
        elif care.kind is CareKind.CONSULTATION:
            how = "Demandez au médecin le montant du dépassement d'honoraires avant la consultation."
            what = f"la consultation de {care.member}"
        else:
            how = (
                "Le professionnel doit vous proposer un devis « 100 % Santé » (sans reste à payer avec une complémentaire "
                "responsable ou la CSS)."
                + (" Demandez deux devis de professionnels différents pour l'aide de la CPAM."
                   if cpam.assessment is not AidAssessment.UNLIKELY else "")
            )
            if care.kind in (CareKind.GLASSES, CareKind.HEARING_AIDS):
                documents.append("Ordonnance")
            basket = f" ({BASKET_SHORT[care.basket]})" if care.basket else ""
            what = f"{care.kind.label.lower()}{basket} de {care.member}"
        items.append(ChecklistItem(
            key=f"quote_{index}",
            organism=QUOTE_ORGANISMS[care.kind],
            procedure=f"Obtenir un devis pour {what}",
            how=how,
            documents=tuple(documents),
            deadline="Avant les soins.",
            help="Votre complémentaire santé peut chiffrer son remboursement à partir du devis.",
            appeal=None,
            reasons=(Reason("checklist.quote", "Un devis permet de connaître le reste à payer et de demander une aide."),),
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


CARE_COSTS = CareCostsAid()
