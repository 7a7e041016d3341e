"""Emergency visits: the forfait patient urgences (Code de la sécurité sociale, L160-13), reduced or exempt."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..contract import REASONS, Contract, contract, entry, text
from ..enums import EmergencyExemption, WorkAccidentIncapacity
from ..parameters import ParameterDateError, ParametersOn
from ..reasons import Reason
from ..situation import PlannedCare, Situation
from ..sources import parameter_to_verify, reason_from, upcoming_change
from ..wording import Day, Eur, Joined, Label, Phrase, say
from .common import (
    ZERO,
    exemption_label,
    has_invalidity_pension,
    in_maternity_period,
    is_newborn,
    maternity_reason,
    newborn_days,
)


@contract(
    "care_index", "member", entry("flat_fee", description="Forfait patient urgences dû (0 si exonéré)"), "exemption",
    text("exemption_label"), "reduced", "rate", REASONS, text("to_verify"),
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
    to_verify: tuple[str, ...] = ()     # phrases of the catalogue, or a parameter's note; written with ``str()``

    @property
    def exemption_label(self) -> Phrase | Label | None:
        """The exemption's label, with the duration its reason read from the parameters (``common``)."""
        return exemption_label(self.exemption, self.reasons)


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
                    "care.emergency.not_in_force", say("care.emergency.not_in_force", day=Day(exc.first)),
                    "Code de la sécurité sociale, art. L160-13",
                    "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189",
                ),
            ),
            to_verify=(say("care.verify.emergency.before_flat_fee", member=care.member),),
        )
    health = situation.health_of(care.member)
    incapacity = health.work_accident_incapacity if health is not None else None
    heavy_work_accident = incapacity is WorkAccidentIncapacity.TWO_THIRDS_OR_MORE
    reduced_for = []
    if health is not None and health.ald:
        reduced_for.append(say("care.emergency.reduced.ald"))
    if health is not None and health.work_accident and not heavy_work_accident:
        reduced_for.append(say("care.emergency.reduced.work_accident_under_two_thirds" if incapacity
                               else "care.emergency.reduced.work_accident"))
    reduced = bool(reduced_for)
    used = reduced_name if reduced else name
    rate = p[used]
    to_verify: list[Phrase | str] = [t for t in (parameter_to_verify(p, used),) if t]
    if reduced:
        reasons = [
            reason_from(p, reduced_name, "care.emergency.reduced", rate=Eur(rate), full=Eur(full),
                        reduced_for=Joined(reduced_for))
        ]
        if health is not None and health.work_accident and incapacity is None:
            to_verify.append(say("care.verify.emergency.incapacity", member=care.member))
    else:
        reasons = [
            reason_from(p, name, "care.emergency.rate", rate=Eur(rate), request_day=Day(situation.request_date))
        ]
    change = upcoming_change(p, used)
    if change is not None:
        reasons.append(
            Reason(
                "care.emergency.rate_change",
                say("care.emergency.rate_change", rate=Eur(change.value), day=Day(change.start)),
                change.references[0].title, change.references[0].href,
            )
        )
        to_verify.append(say("care.verify.emergency.rate_change", member=care.member, day=Day(change.start)))

    exemption: EmergencyExemption | None = None
    if in_maternity_period(situation, care.member, p):
        exemption = EmergencyExemption.MATERNITY
        reasons.append(maternity_reason(situation, care.member, p, "care.emergency.exempt.maternity",
                                       say("care.emergency.not_due")))
    elif is_newborn(situation, care.member, p):
        exemption = EmergencyExemption.NEWBORN
        reasons.append(reason_from(
            p, "soins.nouveau_ne_jours", "care.emergency.exempt.newborn",
            age=newborn_days(situation, care.member), days=p["soins.nouveau_ne_jours"],
        ))
    elif health is not None and health.military_pension:
        exemption = EmergencyExemption.MILITARY_PENSION
        reasons.append(reason_from(p, name, "care.emergency.exempt.military_pension"))
    elif has_invalidity_pension(situation, care.member):
        exemption = EmergencyExemption.INVALIDITY_PENSION
        reasons.append(reason_from(p, name, "care.emergency.exempt.invalidity_pension"))
    elif heavy_work_accident:
        exemption = EmergencyExemption.WORK_ACCIDENT
        reasons.append(reason_from(p, name, "care.emergency.exempt.work_accident"))
    elif health is not None and health.organ_donor:
        exemption = EmergencyExemption.ORGAN_DONOR
        reasons.append(reason_from(p, name, "care.emergency.exempt.organ_donor"))
    elif health is not None and health.terrorism_victim:
        exemption = EmergencyExemption.TERRORISM_VICTIM
        reasons.append(reason_from(p, name, "care.emergency.exempt.terrorism_victim"))
    elif (health is not None and health.sexual_violence_minor
          and situation.member(care.member).age_on(situation.request_date) < 18):
        exemption = EmergencyExemption.SEXUAL_VIOLENCE_MINOR
        reasons.append(reason_from(p, name, "care.emergency.exempt.sexual_violence_minor"))
    elif ame:
        exemption = EmergencyExemption.AME
        reasons.append(Reason(
            "care.emergency.exempt.ame", say("care.emergency.exempt.ame"),
            "Code de l'action sociale et des familles, art. L251-2",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069",
        ))
    elif css_holder:
        exemption = EmergencyExemption.CSS
        reasons.append(reason_from(p, name, "care.emergency.exempt.css"))
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
