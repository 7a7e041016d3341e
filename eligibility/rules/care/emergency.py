"""Emergency visits: the forfait patient urgences (Code de la sécurité sociale, L160-13), reduced or exempt."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..contract import REASONS, Contract, contract, entry, label, text
from ..enums import EmergencyExemption, WorkAccidentIncapacity
from ..parameters import ParameterDateError, ParametersOn
from ..reasons import Reason, format_date, format_eur
from ..situation import PlannedCare, Situation
from ..sources import parameter_to_verify, reason_from, upcoming_change
from .common import (
    ZERO,
    has_invalidity_pension,
    in_maternity_period,
    is_newborn,
    maternity_reason,
    newborn_days,
)


@contract(
    "care_index", "member", entry("flat_fee", description="Forfait patient urgences dû (0 si exonéré)"), "exemption",
    label("exemption_label", "exemption"), "reduced", "rate", REASONS, text("to_verify"),
    schema="EmergencyVisitOut",
)
@dataclass(frozen=True, slots=True)
class EmergencyVisitResult(Contract):
    care_index: int
    member: str
    reduced: bool
    rate: Decimal                     # applicable rate (normal or reduced), before exemption
    exemption: EmergencyExemption | None
    flat_fee: Decimal                 # due by the patient (0 when exempt or paid by the CSS)
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()


def emergency_visit(
    situation: Situation, care: PlannedCare, index: int, p: ParametersOn, *, css_holder: bool, ame: bool = False
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
    incapacity = health.work_accident_incapacity if health is not None else None
    heavy_work_accident = incapacity is WorkAccidentIncapacity.TWO_THIRDS_OR_MORE
    reduced_for = []
    if health is not None and health.ald:
        reduced_for.append("affection de longue durée (ALD)")
    if health is not None and health.work_accident and not heavy_work_accident:
        reduced_for.append("accident du travail ou maladie professionnelle"
                           + (" avec une incapacité de moins des deux tiers" if incapacity else ""))
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
        if health is not None and health.work_accident and incapacity is None:
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
    elif heavy_work_accident:
        exemption = EmergencyExemption.WORK_ACCIDENT
        reasons.append(reason_from(
            p, name, "care.emergency.exempt.work_accident",
            "Accident du travail ou maladie professionnelle avec une incapacité permanente de deux tiers ou plus : le "
            "forfait patient urgences n'est pas dû.",
        ))
    elif health is not None and health.organ_donor:
        exemption = EmergencyExemption.ORGAN_DONOR
        reasons.append(reason_from(
            p, name, "care.emergency.exempt.organ_donor",
            "Donneur ou donneuse d'organes : le forfait patient urgences n'est pas dû pour les soins liés au don.",
        ))
    elif health is not None and health.terrorism_victim:
        exemption = EmergencyExemption.TERRORISM_VICTIM
        reasons.append(reason_from(
            p, name, "care.emergency.exempt.terrorism_victim",
            "Victime d'un acte de terrorisme : le forfait patient urgences n'est pas dû.",
        ))
    elif (health is not None and health.sexual_violence_minor
          and situation.member(care.member).age_on(situation.request_date) < 18):
        exemption = EmergencyExemption.SEXUAL_VIOLENCE_MINOR
        reasons.append(reason_from(
            p, name, "care.emergency.exempt.sexual_violence_minor",
            "Mineur victime de violences sexuelles : le forfait patient urgences n'est pas dû.",
        ))
    elif ame:
        exemption = EmergencyExemption.AME
        reasons.append(Reason(
            "care.emergency.exempt.ame",
            "Avec l'aide médicale de l'État, le forfait patient urgences est pris en charge : rien à payer.",
            "Code de l'action sociale et des familles, art. L251-2",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069",
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
