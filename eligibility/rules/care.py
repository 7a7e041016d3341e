"""Care charges left to the patient: forfait journalier, forfait patient urgences, single room, consultations
(participation forfaitaire, excess fees) and the 100 % Santé baskets.

Every amount comes from the dated parameters under ``eligibility/parameters/soins``; the rate applied is the
one in force on the request date (the dates of a planned stay are not known).

``evaluate_care(situation, p, css_holder=...)`` computes every planned care item of the situation for one
coverage assumption: ``css_holder=True`` gives the figures of a holder of the Complémentaire santé solidaire
(used for the "with the CSS" column of the out-of-pocket estimate), ``False`` those of a person without it.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .enums import (
    Basket,
    CareKind,
    Complementary,
    EmergencyExemption,
    HospitalExemption,
    ParticipationExemption,
    ResourceType,
    Sector,
)
from .parameters import DatedValue, ParameterDateError, ParametersOn
from .reasons import Reason, cents, format_date, format_eur, format_percent, reasons_dict
from .results import money
from .situation import PlannedCare, Situation

ZERO = Decimal("0")
CSS_COVERAGES = frozenset({Complementary.CSS_FREE, Complementary.CSS_WITH_PARTICIPATION})


# --------------------------------------------------------------------------- helpers


def holds_css(situation: Situation) -> bool:
    """The household already holds the Complémentaire santé solidaire (declared coverage)."""
    return situation.complementary in CSS_COVERAGES


def reason_from(p: ParametersOn, parameter: str, code: str, text: str) -> Reason:
    """A reason citing the reference of the parameter value in force."""
    ref = p.reference(parameter)
    return Reason(code, text, ref.title, ref.href)


def parameter_to_verify(p: ParametersOn, parameter: str) -> str | None:
    note = p.entry(parameter).to_verify
    return f"{p.parameter_set[parameter].description} : {note}" if note else None


def upcoming_change(p: ParametersOn, parameter: str) -> DatedValue | None:
    """The next dated value of a parameter after the request date, if one is already known."""
    return next((v for v in p.parameter_set[parameter].values if v.start > p.when), None)


def add_months(d: date, months: int) -> date:
    month_index = d.month - 1 + months
    year, month = d.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(d.day, monthrange(year, month)[1]))


def maternity_window(situation: Situation, member_id: str, p: ParametersOn) -> tuple[date, date] | None:
    """First and last day covered by the maternity insurance, estimated from the due date."""
    health = situation.health_of(member_id)
    if health is None or health.pregnancy_due_date is None:
        return None
    period = p["soins.maternite_periode"]
    due = health.pregnancy_due_date
    start = add_months(due, -int(period["mois_avant_terme"]))
    end = due + timedelta(days=int(period["jours_apres_accouchement"]))
    return start, end


def in_maternity_period(situation: Situation, member_id: str, p: ParametersOn) -> bool:
    window = maternity_window(situation, member_id, p)
    return window is not None and window[0] <= situation.request_date <= window[1]


def maternity_reason(situation: Situation, member_id: str, p: ParametersOn, code: str, what: str) -> Reason:
    start, end = maternity_window(situation, member_id, p)  # type: ignore[misc]
    due = situation.health_of(member_id).pregnancy_due_date  # type: ignore[union-attr]
    return reason_from(
        p, "soins.maternite_periode", code,
        f"{what} : à la date de la demande, {member_id} est dans la période couverte par l'assurance maternité "
        f"(du 6e mois de grossesse à 12 jours après l'accouchement ; avec un terme prévu le {format_date(due)}, "
        f"nous l'estimons du {format_date(start)} au {format_date(end)}).",
    )


def newborn_days(situation: Situation, member_id: str) -> int:
    return (situation.request_date - situation.member(member_id).birth_date).days


def is_newborn(situation: Situation, member_id: str, p: ParametersOn) -> bool:
    return newborn_days(situation, member_id) < int(p["soins.nouveau_ne_jours"])


def has_invalidity_pension(situation: Situation, member_id: str) -> bool:
    return any(
        r.type is ResourceType.INVALIDITY_PENSION and r.amount > 0 for r in situation.resources_of(member_id)
    )


# --------------------------------------------------------------------------- hospital stays


@dataclass(frozen=True, slots=True)
class HospitalStayResult:
    care_index: int
    member: str
    days: int
    psychiatric: bool
    home: bool
    daily_rate: Decimal
    exemption: HospitalExemption | None
    forfait_before_exemption: Decimal      # days × daily rate
    forfait_journalier: Decimal             # due by the patient (0 when exempt)
    single_room_daily: Decimal | None
    single_room: Decimal | None             # total, never reimbursed by the Sécurité sociale
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "care_index": self.care_index,
            "member": self.member,
            "days": self.days,
            "psychiatric": self.psychiatric,
            "home": self.home,
            "daily_rate": money(self.daily_rate),
            "exemption": self.exemption.value if self.exemption else None,
            "exemption_label": self.exemption.label if self.exemption else None,
            "forfait_journalier": money(self.forfait_journalier),
            "forfait_journalier_before_exemption": money(self.forfait_before_exemption),
            "single_room_daily": money(self.single_room_daily),
            "single_room": money(self.single_room),
            **reasons_dict(self.reasons),
            "to_verify": list(self.to_verify),
        }


#: Exemptions that make the daily charge not due at all (checked in this order), before the CSS.
def _hospital_exemption(
    situation: Situation, care: PlannedCare, p: ParametersOn, css_holder: bool
) -> tuple[HospitalExemption | None, Reason | None, str | None]:
    """(exemption, reason, to_verify) for a stay."""
    name = "soins.forfait_journalier"
    health = situation.health_of(care.member)
    if care.home:
        return HospitalExemption.HOME_HOSPITALISATION, reason_from(
            p, name, "care.hospital.exempt.home_hospitalisation",
            "Hospitalisation à domicile : le forfait journalier n'est pas dû.",
        ), None
    if health is not None and health.work_accident:
        return HospitalExemption.WORK_ACCIDENT, reason_from(
            p, name, "care.hospital.exempt.work_accident",
            "Accident du travail ou maladie professionnelle : le forfait journalier n'est pas dû, "
            "à condition que l'hospitalisation soit liée à cet accident ou à cette maladie.",
        ), f"Hospitalisation de {care.member} : l'exonération pour accident du travail suppose que le séjour soit lié à l'accident ou à la maladie professionnelle."
    if in_maternity_period(situation, care.member, p):
        return HospitalExemption.MATERNITY, maternity_reason(
            situation, care.member, p, "care.hospital.exempt.maternity", "Forfait journalier non dû"
        ), (
            f"Hospitalisation de {care.member} : la période de maternité est estimée à partir de la date prévue "
            "d'accouchement et de la date de la demande ; elle dépend des dates réelles du séjour."
        )
    if is_newborn(situation, care.member, p):
        return HospitalExemption.NEWBORN, reason_from(
            p, "soins.nouveau_ne_jours", "care.hospital.exempt.newborn",
            f"Nouveau-né de {newborn_days(situation, care.member)} jours à la date de la demande : pas de forfait "
            f"journalier pendant les {p['soins.nouveau_ne_jours']} premiers jours de vie.",
        ), None
    if health is not None and health.military_pension:
        return HospitalExemption.MILITARY_PENSION, reason_from(
            p, name, "care.hospital.exempt.military_pension",
            "Titulaire d'une pension militaire d'invalidité : le forfait journalier n'est pas dû.",
        ), None
    if health is not None and health.aeeh_child:
        return HospitalExemption.AEEH_CHILD, reason_from(
            p, name, "care.hospital.exempt.aeeh_child",
            "Enfant bénéficiaire de l'allocation d'éducation de l'enfant handicapé (AEEH) : le forfait journalier "
            "n'est pas dû.",
        ), None
    if situation.residence.alsace_moselle:
        return HospitalExemption.ALSACE_MOSELLE, reason_from(
            p, name, "care.hospital.exempt.alsace_moselle",
            "Régime local d'Alsace-Moselle : il prend en charge le forfait journalier.",
        ), None
    if css_holder:
        return HospitalExemption.CSS, reason_from(
            p, name, "care.hospital.exempt.css",
            "Avec la Complémentaire santé solidaire, le forfait journalier est payé par la CSS, sans limite de durée : "
            "rien à avancer.",
        ), None
    return None, None, None


def hospital_stay(
    situation: Situation, care: PlannedCare, index: int, p: ParametersOn, *, css_holder: bool
) -> HospitalStayResult:
    name = "soins.forfait_journalier_psychiatrie" if care.psychiatric else "soins.forfait_journalier"
    rate = p[name]
    days = care.days or 0
    before = cents(rate * days)
    service = "en psychiatrie" if care.psychiatric else "hors psychiatrie"
    reasons = [
        reason_from(
            p, name, "care.hospital.rate",
            f"Forfait journalier {service} : {format_eur(rate)} par jour, tarif en vigueur le "
            f"{format_date(situation.request_date)} (date de la demande). Chaque jour est facturé, jour de sortie "
            f"compris : {days} jour{'s' if days > 1 else ''} × {format_eur(rate)} = {format_eur(before)}.",
        )
    ]
    to_verify = [t for t in (parameter_to_verify(p, name),) if t]
    change = upcoming_change(p, name)
    if change is not None:
        note = (
            f"Le forfait journalier {service} passe à {format_eur(change.value)} le {format_date(change.start)} : "
            f"les jours d'hospitalisation à partir de cette date seront facturés au nouveau tarif. L'estimation "
            f"utilise le tarif en vigueur à la date de la demande, faute de connaître les dates du séjour."
        )
        reasons.append(Reason("care.hospital.rate_change", note, change.references[0].title, change.references[0].href))
        to_verify.append(f"Hospitalisation de {care.member} : dates du séjour par rapport au {format_date(change.start)}.")
    exemption, exemption_reason, exemption_note = _hospital_exemption(situation, care, p, css_holder)
    if exemption_reason is not None:
        reasons.append(exemption_reason)
    if exemption_note:
        to_verify.append(exemption_note)
    due = ZERO if exemption is not None else before

    single_room = None
    if care.single_room_daily is not None and care.single_room_daily > 0 and not care.home:
        single_room = cents(care.single_room_daily * days)
        reasons.append(
            Reason(
                "care.hospital.single_room",
                f"Chambre particulière : {format_eur(care.single_room_daily)} par jour × {days} = "
                f"{format_eur(single_room)}. La Sécurité sociale ne la rembourse jamais ; une complémentaire peut "
                "la prendre en charge selon le contrat.",
                "service-public.fr, fiche F200 « Forfait hospitalier »",
                "https://www.service-public.fr/particuliers/vosdroits/F200",
            )
        )
    return HospitalStayResult(
        care_index=index,
        member=care.member,
        days=days,
        psychiatric=care.psychiatric,
        home=care.home,
        daily_rate=rate,
        exemption=exemption,
        forfait_before_exemption=before,
        forfait_journalier=due,
        single_room_daily=care.single_room_daily,
        single_room=single_room,
        reasons=tuple(reasons),
        to_verify=tuple(to_verify),
    )


# --------------------------------------------------------------------------- emergency visits


@dataclass(frozen=True, slots=True)
class EmergencyVisitResult:
    care_index: int
    member: str
    reduced: bool
    rate: Decimal                     # applicable rate (normal or reduced), before exemption
    exemption: EmergencyExemption | None
    flat_fee: Decimal                 # due by the patient (0 when exempt or paid by the CSS)
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "care_index": self.care_index,
            "member": self.member,
            "flat_fee": money(self.flat_fee),
            "exemption": self.exemption.value if self.exemption else None,
            "exemption_label": self.exemption.label if self.exemption else None,
            "reduced": self.reduced,
            "rate": money(self.rate),
            **reasons_dict(self.reasons),
            "to_verify": list(self.to_verify),
        }


def emergency_visit(
    situation: Situation, care: PlannedCare, index: int, p: ParametersOn, *, css_holder: bool
) -> EmergencyVisitResult:
    name, reduced_name = "soins.forfait_patient_urgences", "soins.forfait_patient_urgences_minore"
    try:
        full = p[name]
    except ParameterDateError as exc:
        return EmergencyVisitResult(
            care_index=index, member=care.member, reduced=False, rate=ZERO,
            exemption=EmergencyExemption.NOT_IN_FORCE, flat_fee=ZERO,
            reasons=(
                Reason(
                    "care.emergency.not_in_force",
                    f"Le forfait patient urgences n'existe qu'à partir du {format_date(exc.first)} : avant, un ticket "
                    "modérateur s'appliquait aux soins des urgences (non estimé ici).",
                    "Code de la sécurité sociale, art. L160-13",
                    "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189",
                ),
            ),
            to_verify=(f"Passage aux urgences de {care.member} : ticket modérateur non estimé (avant le forfait patient urgences).",),
        )
    health = situation.health_of(care.member)
    reduced_for = []
    if health is not None and health.ald:
        reduced_for.append("affection de longue durée (ALD)")
    if health is not None and health.work_accident:
        reduced_for.append("accident du travail ou maladie professionnelle")
    reduced = bool(reduced_for)
    used = reduced_name if reduced else name
    rate = p[used]
    to_verify = [t for t in (parameter_to_verify(p, used),) if t]
    if reduced:
        reasons = [
            reason_from(
                p, reduced_name, "care.emergency.reduced",
                f"Forfait patient urgences au montant minoré de {format_eur(rate)} (au lieu de {format_eur(full)}) "
                f"pour : {', '.join(reduced_for)}. Il est dû pour un passage aux urgences non suivi d'une hospitalisation.",
            )
        ]
        if health is not None and health.work_accident:
            to_verify.append(
                f"Urgences de {care.member} : avec un taux d'incapacité d'au moins deux tiers (accident du travail), "
                "le forfait n'est pas dû du tout."
            )
    else:
        reasons = [
            reason_from(
                p, name, "care.emergency.rate",
                f"Forfait patient urgences : {format_eur(rate)} pour un passage aux urgences non suivi d'une "
                f"hospitalisation (tarif en vigueur le {format_date(situation.request_date)}).",
            )
        ]
    change = upcoming_change(p, used)
    if change is not None:
        reasons.append(
            Reason(
                "care.emergency.rate_change",
                f"Ce forfait passe à {format_eur(change.value)} le {format_date(change.start)} : un passage aux urgences "
                "à partir de cette date sera facturé au nouveau montant.",
                change.references[0].title, change.references[0].href,
            )
        )
        to_verify.append(f"Urgences de {care.member} : date du passage par rapport au {format_date(change.start)}.")

    exemption: EmergencyExemption | None = None
    if in_maternity_period(situation, care.member, p):
        exemption = EmergencyExemption.MATERNITY
        reasons.append(maternity_reason(situation, care.member, p, "care.emergency.exempt.maternity", "Forfait patient urgences non dû"))
    elif is_newborn(situation, care.member, p):
        exemption = EmergencyExemption.NEWBORN
        reasons.append(reason_from(
            p, "soins.nouveau_ne_jours", "care.emergency.exempt.newborn",
            f"Nouveau-né de {newborn_days(situation, care.member)} jours : pas de forfait patient urgences pendant les "
            f"{p['soins.nouveau_ne_jours']} premiers jours de vie.",
        ))
    elif health is not None and health.military_pension:
        exemption = EmergencyExemption.MILITARY_PENSION
        reasons.append(reason_from(
            p, name, "care.emergency.exempt.military_pension",
            "Titulaire d'une pension militaire d'invalidité : le forfait patient urgences n'est pas dû.",
        ))
    elif has_invalidity_pension(situation, care.member):
        exemption = EmergencyExemption.INVALIDITY_PENSION
        reasons.append(reason_from(
            p, name, "care.emergency.exempt.invalidity_pension",
            "Titulaire d'une pension d'invalidité : le forfait patient urgences n'est pas dû.",
        ))
    elif css_holder:
        exemption = EmergencyExemption.CSS
        reasons.append(reason_from(
            p, name, "care.emergency.exempt.css",
            "Avec la Complémentaire santé solidaire, le forfait patient urgences est payé par la CSS : rien à payer.",
        ))
    return EmergencyVisitResult(
        care_index=index,
        member=care.member,
        reduced=reduced,
        rate=rate,
        exemption=exemption,
        flat_fee=ZERO if exemption is not None else rate,
        reasons=tuple(reasons),
        to_verify=tuple(to_verify),
    )


# --------------------------------------------------------------------------- consultations


@dataclass(frozen=True, slots=True)
class ConsultationResult:
    care_index: int
    member: str
    sector: Sector
    fee: Decimal                       # declared fee
    base_tariff: Decimal               # base of the reimbursement (tarif de convention), at most the fee
    billed: Decimal                    # what the doctor may bill (the base tariff for a CSS holder)
    social_security: Decimal           # reimbursement before the participation forfaitaire is withheld
    ticket_moderateur: Decimal         # base tariff − social security share
    excess_fees: Decimal               # billed − base tariff (dépassement d'honoraires)
    participation_forfaitaire: Decimal  # withheld from the reimbursement, after the annual cap
    participation_exemption: ParticipationExemption | None
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "care_index": self.care_index,
            "member": self.member,
            "sector": self.sector.value,
            "fee": money(self.fee),
            "base_tariff": money(self.base_tariff),
            "billed": money(self.billed),
            "social_security": money(self.social_security),
            "ticket_moderateur": money(self.ticket_moderateur),
            "excess_fees": money(self.excess_fees),
            "participation_forfaitaire": money(self.participation_forfaitaire),
            "participation_exemption": self.participation_exemption.value if self.participation_exemption else None,
            **reasons_dict(self.reasons),
            "to_verify": list(self.to_verify),
        }


def consultation(
    situation: Situation, care: PlannedCare, index: int, p: ParametersOn, *, css_holder: bool,
    participation_left: Decimal | None = None,
) -> ConsultationResult:
    """One consultation; ``participation_left`` is what remains under the member's annual cap."""
    tariff_name, rate_name = "soins.consultation_generaliste_tarif", "soins.consultation_taux_remboursement"
    fee = care.fee or ZERO
    sector = care.sector or Sector.SECTOR_1
    tariff, rate = p[tariff_name], p[rate_name]
    base = min(fee, tariff)
    maternity = in_maternity_period(situation, care.member, p)
    reasons: list[Reason] = []
    to_verify = [t for t in (parameter_to_verify(p, tariff_name),) if t]
    billed = base if css_holder else fee
    excess = billed - base
    if maternity:
        social_security = base
        reasons.append(maternity_reason(
            situation, care.member, p, "care.consultation.maternity",
            "Consultation remboursée à 100 % du tarif de base",
        ))
    else:
        social_security = cents(base * rate)
        reasons.append(reason_from(
            p, rate_name, "care.consultation.reimbursement",
            f"La Sécurité sociale rembourse {format_percent(rate)} "
            f"du tarif de base ({format_eur(base)}), soit {format_eur(social_security)}.",
        ))
    reasons.append(reason_from(
        p, tariff_name, "care.consultation.base",
        f"Tarif de base retenu : celui d'une consultation de médecin généraliste, {format_eur(tariff)} "
        f"(au plus le montant payé).",
    ))
    health = situation.health_of(care.member)
    if health is not None and health.ald and not maternity:
        to_verify.append(
            f"Consultation de {care.member} : si elle concerne son affection de longue durée (ALD), la Sécurité "
            "sociale la rembourse à 100 % du tarif de base (estimation faite au taux habituel)."
        )
    if sector is Sector.SECTOR_1 and fee > tariff and not css_holder:
        to_verify.append(
            f"Consultation de {care.member} : un médecin de secteur 1 applique le tarif de la Sécurité sociale ; un montant "
            f"supérieur à {format_eur(tariff)} correspond sans doute à un spécialiste dont le tarif de base est plus élevé "
            "(remboursement alors plus élevé que celui estimé)."
        )
    if sector is not Sector.SECTOR_1 and not css_holder and excess > 0:
        reasons.append(Reason(
            "care.consultation.excess_fees",
            f"Médecin {sector.label.lower()} : le dépassement d'honoraires ({format_eur(excess)}) n'est pas remboursé par "
            "la Sécurité sociale ; une complémentaire peut en rembourser une partie selon le contrat "
            "(mieux avec un médecin adhérent à l'Optam).",
            "Code de la sécurité sociale, art. L162-5",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189",
        ))
        if sector is Sector.SECTOR_2:
            to_verify.append(
                f"Consultation de {care.member} : pour un médecin de secteur 2 non adhérent à l'Optam, la base de "
                "remboursement peut être plus basse que le tarif retenu."
            )
    if css_holder and fee > base:
        reasons.append(Reason(
            "care.consultation.css_no_excess",
            f"Avec la Complémentaire santé solidaire, le médecin ne peut pas facturer de dépassement d'honoraires : "
            f"il applique le tarif de base ({format_eur(base)}), pris en charge en totalité.",
            "Code de la sécurité sociale, art. L861-3 et L162-5-13",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189",
        ))

    pf_name = "soins.participation_forfaitaire"
    exemption: ParticipationExemption | None = None
    if situation.member(care.member).age_on(situation.request_date) < int(p["soins.participation_forfaitaire_age_exoneration"]):
        exemption = ParticipationExemption.UNDER_18
    elif maternity:
        exemption = ParticipationExemption.MATERNITY
    elif css_holder:
        exemption = ParticipationExemption.CSS
    amount = p[pf_name]
    if exemption is not None:
        participation = ZERO
        reasons.append(reason_from(
            p, pf_name, f"care.participation.exempt.{exemption.value}",
            f"Pas de participation forfaitaire ({format_eur(amount)}) : {exemption.label.lower()}.",
        ))
    else:
        participation = min(amount, participation_left) if participation_left is not None else amount
        participation = max(participation, ZERO)
        reasons.append(reason_from(
            p, pf_name, "care.participation.due",
            f"Participation forfaitaire : {format_eur(amount)} retenus sur le remboursement (au plus "
            f"{format_eur(p['soins.participation_forfaitaire_plafond_journalier'])} par jour et "
            f"{format_eur(p['soins.participation_forfaitaire_plafond_annuel'])} par an et par personne)."
            + (" Le plafond annuel est atteint par les consultations prévues." if participation < amount else ""),
        ))
    return ConsultationResult(
        care_index=index,
        member=care.member,
        sector=sector,
        fee=fee,
        base_tariff=base,
        billed=billed,
        social_security=social_security,
        ticket_moderateur=base - social_security,
        excess_fees=excess,
        participation_forfaitaire=participation,
        participation_exemption=exemption,
        reasons=tuple(reasons),
        to_verify=tuple(to_verify),
    )


# --------------------------------------------------------------------------- dental, glasses, hearing aids


@dataclass(frozen=True, slots=True)
class QuotedCareResult:
    care_index: int
    member: str
    kind: CareKind
    basket: Basket
    quote: Decimal
    social_security: Decimal          # indicative amount
    rest: Decimal                     # quote − indicative social security share
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "care_index": self.care_index,
            "member": self.member,
            "kind": self.kind.value,
            "basket": self.basket.value,
            "quote": money(self.quote),
            "social_security_indicative": money(self.social_security),
            "rest_after_social_security": money(self.rest),
            **reasons_dict(self.reasons),
            "to_verify": list(self.to_verify),
        }


def quoted_care(situation: Situation, care: PlannedCare, index: int, p: ParametersOn) -> QuotedCareResult:
    basket = care.basket or Basket.OTHER
    quote = care.quote or ZERO
    name = (
        "soins.part_secu_indicative_100_sante" if basket is Basket.CENT_POUR_CENT_SANTE
        else "soins.part_secu_indicative_hors_100_sante"
    )
    share = p[name][care.kind.value]
    social_security = min(cents(quote * share), quote)
    if basket is Basket.CENT_POUR_CENT_SANTE:
        text = (
            f"{care.kind.label} « 100 % Santé » : prix limité ; la Sécurité sociale en rembourse une partie (environ "
            f"{format_eur(social_security)} ici, ordre de grandeur à vérifier sur le devis) et une complémentaire "
            "« responsable » ou la CSS paie le reste : rien à payer avec l'une ou l'autre."
        )
    else:
        text = (
            f"{care.kind.label} hors « 100 % Santé » (tarif libre) : la Sécurité sociale n'en rembourse qu'une petite "
            "partie, calculée sur des bases de remboursement faibles ; elle n'est pas comptée ici (à vérifier sur le "
            "devis). Le reste dépend de la complémentaire."
        )
    reasons = (reason_from(p, name, f"care.quoted.{basket.value}", text),)
    to_verify = tuple(t for t in (parameter_to_verify(p, name),) if t)
    return QuotedCareResult(
        care_index=index,
        member=care.member,
        kind=care.kind,
        basket=basket,
        quote=quote,
        social_security=social_security,
        rest=quote - social_security,
        reasons=reasons,
        to_verify=to_verify,
    )


# --------------------------------------------------------------------------- everything planned


@dataclass(frozen=True, slots=True)
class CareResult:
    """Every planned care item, computed for one coverage assumption (``css_holder``)."""

    css_holder: bool
    hospital_stays: tuple[HospitalStayResult, ...] = ()
    emergency_visits: tuple[EmergencyVisitResult, ...] = ()
    consultations: tuple[ConsultationResult, ...] = ()
    quoted_care: tuple[QuotedCareResult, ...] = ()

    @property
    def items(self) -> list:
        """All results, in the order of ``situation.planned_care``."""
        return sorted(
            [*self.hospital_stays, *self.emergency_visits, *self.consultations, *self.quoted_care],
            key=lambda r: r.care_index,
        )

    @property
    def to_verify(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for item in self.items:
            for note in item.to_verify:
                seen.setdefault(note, None)
        return tuple(seen)


def evaluate_care(situation: Situation, p: ParametersOn, *, css_holder: bool) -> CareResult:
    stays, visits, consultations, quoted = [], [], [], []
    participation_left: dict[str, Decimal] = {}
    for index, care in enumerate(situation.planned_care):
        if care.kind is CareKind.HOSPITALISATION:
            stays.append(hospital_stay(situation, care, index, p, css_holder=css_holder))
        elif care.kind is CareKind.EMERGENCY_VISIT:
            visits.append(emergency_visit(situation, care, index, p, css_holder=css_holder))
        elif care.kind is CareKind.CONSULTATION:
            left = participation_left.get(care.member, p["soins.participation_forfaitaire_plafond_annuel"])
            result = consultation(situation, care, index, p, css_holder=css_holder, participation_left=left)
            participation_left[care.member] = left - result.participation_forfaitaire
            consultations.append(result)
        else:
            quoted.append(quoted_care(situation, care, index, p))
    return CareResult(
        css_holder=css_holder,
        hospital_stays=tuple(stays),
        emergency_visits=tuple(visits),
        consultations=tuple(consultations),
        quoted_care=tuple(quoted),
    )
