"""Hospital stays: forfait journalier (Code de la sécurité sociale, L174-4), its exemptions, the single room."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..contract import REASONS, Contract, contract, entry, label, text
from ..enums import HospitalExemption
from ..parameters import ParameterDateError, ParametersOn
from ..reasons import Reason, cents, format_date, format_eur
from ..situation import PlannedCare, Situation
from ..sources import parameter_to_verify, reason_from, upcoming_change
from .common import ZERO, in_maternity_period, is_newborn, maternity_reason, newborn_days
from .stay_calendar import RateSegment, price_stay


@contract(
    "care_index", "member", "days", "day_case", entry("rate_segments", "segments"), "psychiatric", "home", "daily_rate",
    "exemption", label("exemption_label", "exemption"),
    entry("forfait_journalier", description="Forfait journalier dû par le patient pour tout le séjour"),
    entry("forfait_journalier_before_exemption", "forfait_before_exemption"), "single_room_daily",
    entry("single_room", description="Supplément chambre particulière pour le séjour (jamais remboursé par la Sécurité sociale)"),
    REASONS, text("to_verify"),
    schema="HospitalStayOut",
)
@dataclass(frozen=True, slots=True)
class HospitalStayResult(Contract):
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
    segments: tuple[RateSegment, ...] = ()  # day-by-day pricing when the stay's dates are known
    day_case: bool = False


#: Exemptions that make the daily charge not due at all (checked in this order), before the CSS.
def _hospital_exemption(
    situation: Situation, care: PlannedCare, p: ParametersOn, css_holder: bool, ame: bool = False
) -> tuple[HospitalExemption | None, Reason | None, str | None]:
    """(exemption, reason, to_verify) for a stay."""
    name = "soins.forfait_journalier"
    health = situation.health_of(care.member)
    if care.day_case:
        return HospitalExemption.DAY_CASE, reason_from(
            p, name, "care.hospital.exempt.day_case",
            "Hospitalisation de jour (entrée et sortie le même jour, sans nuit) : pas de forfait journalier. Sans "
            "complémentaire, le ticket modérateur ou la participation sur les actes coûteux peut rester à payer.",
        ), None
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
    if health is not None and health.organ_donor:
        return HospitalExemption.ORGAN_DONOR, reason_from(
            p, name, "care.hospital.exempt.organ_donor",
            "Donneur ou donneuse d'organes : le forfait journalier n'est pas dû pour le séjour lié au don.",
        ), None
    if health is not None and health.terrorism_victim:
        return HospitalExemption.TERRORISM_VICTIM, reason_from(
            p, name, "care.hospital.exempt.terrorism_victim",
            "Victime d'un acte de terrorisme : le forfait journalier n'est pas dû pour les soins liés à l'attentat.",
        ), None
    if situation.residence.alsace_moselle:
        return HospitalExemption.ALSACE_MOSELLE, reason_from(
            p, name, "care.hospital.exempt.alsace_moselle",
            "Régime local d'Alsace-Moselle : il prend en charge le forfait journalier.",
        ), None
    if ame:
        return HospitalExemption.AME, Reason(
            "care.hospital.exempt.ame",
            "Avec l'aide médicale de l'État, le forfait journalier est pris en charge : rien à payer.",
            "Code de l'action sociale et des familles, art. L251-2",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069",
        ), None
    if css_holder:
        return HospitalExemption.CSS, reason_from(
            p, name, "care.hospital.exempt.css",
            "Avec la Complémentaire santé solidaire, le forfait journalier est payé par la CSS, sans limite de durée : "
            "rien à avancer.",
        ), None
    return None, None, None


def _dated_stay(care: PlannedCare, p: ParametersOn, name: str, service: str):
    """(segments, days, total, reasons) of a stay with known dates, priced at each day's rate; None before the first rate."""
    try:
        calendar = price_stay(p.parameter_set[name], care.admission_date, care.discharge_date)
    except ParameterDateError:
        return None
    if calendar.day_case:
        return (), 0, ZERO, []
    parts = " ; ".join(s.sentence() for s in calendar.segments)
    text = (f"Forfait journalier {service}, chaque jour du séjour facturé au tarif en vigueur ce jour-là, jour de "
            f"sortie compris : {parts}. Total : {format_eur(calendar.total)}.")
    if calendar.rate_changes:
        text += " Le tarif change pendant le séjour : chaque jour est compté à son tarif."
    ref = calendar.segments[-1].reference
    return calendar.segments, calendar.days, calendar.total, [Reason("care.hospital.rate", text, ref.title, ref.href)]


def hospital_stay(
    situation: Situation, care: PlannedCare, index: int, p: ParametersOn, *, css_holder: bool, ame: bool = False
) -> HospitalStayResult:
    name = "soins.forfait_journalier_psychiatrie" if care.psychiatric else "soins.forfait_journalier"
    rate = p[name]
    days = care.days or 0
    before = cents(rate * days)
    service = "en psychiatrie" if care.psychiatric else "hors psychiatrie"
    dated = _dated_stay(care, p, name, service) if care.admission_date is not None else None
    segments: tuple[RateSegment, ...] = ()
    if dated is not None:
        segments, days, before, reasons = dated
        if segments:
            rate = segments[-1].rate
    else:
        reasons = [
            reason_from(
                p, name, "care.hospital.rate",
                f"Forfait journalier {service} : {format_eur(rate)} par jour, tarif en vigueur le "
                f"{format_date(situation.request_date)} (date de la demande). Chaque jour est facturé, jour de sortie "
                f"compris : {days} jour{'s' if days > 1 else ''} × {format_eur(rate)} = {format_eur(before)}.",
            )
        ]
    to_verify = [t for t in (parameter_to_verify(p, name),) if t]
    change = upcoming_change(p, name) if dated is None else None
    if change is not None:
        note = (
            f"Le forfait journalier {service} passe à {format_eur(change.value)} le {format_date(change.start)} : "
            f"les jours d'hospitalisation à partir de cette date seront facturés au nouveau tarif. L'estimation "
            f"utilise le tarif en vigueur à la date de la demande, faute de connaître les dates du séjour."
        )
        reasons.append(Reason("care.hospital.rate_change", note, change.references[0].title, change.references[0].href))
        to_verify.append(f"Hospitalisation de {care.member} : dates du séjour par rapport au {format_date(change.start)}.")
    exemption, exemption_reason, exemption_note = _hospital_exemption(situation, care, p, css_holder, ame)
    if exemption_reason is not None:
        reasons.append(exemption_reason)
    if exemption_note:
        to_verify.append(exemption_note)
    due = ZERO if exemption is not None else before

    single_room = None
    if care.single_room_daily is not None and care.single_room_daily > 0 and not care.home and days > 0:
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
        segments=segments,
        day_case=care.day_case,
    )
