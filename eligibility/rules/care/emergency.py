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


@dataclass(frozen=True, slots=True)
class VisitCommon:
    """What a visit's result does not owe to the coverage (``visit_common``): the two columns of the out-of-pocket
    estimate compute it once (``evaluate_care``)."""

    reduced: bool
    rate: Decimal
    reasons: tuple[Reason, ...]                                # the rate and its next change, before the exemption
    to_verify: tuple[Phrase | str, ...]
    intrinsic: tuple[EmergencyExemption, Reason] | None  # an exemption whatever the coverage


def visit_common(
    situation: Situation, care: PlannedCare, index: int, p: ParametersOn
) -> VisitCommon | EmergencyVisitResult:
    """The common part of a visit; the whole result when no flat fee was in force (it owes nothing to the coverage)."""
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
    return VisitCommon(reduced, rate, tuple(reasons), tuple(to_verify),
                       _intrinsic_exemption(situation, care, p, health, heavy_work_accident))


def _intrinsic_exemption(
    situation: Situation, care: PlannedCare, p: ParametersOn, health, heavy_work_accident: bool
) -> tuple[EmergencyExemption, Reason] | None:
    """The exemption whatever the coverage (checked in this order, before the AME and the CSS), else None."""
    name = "soins.forfait_patient_urgences"
    if in_maternity_period(situation, care.member, p):
        return EmergencyExemption.MATERNITY, maternity_reason(situation, care.member, p, "care.emergency.exempt.maternity",
                                                               say("care.emergency.not_due"))
    if is_newborn(situation, care.member, p):
        return EmergencyExemption.NEWBORN, reason_from(
            p, "soins.nouveau_ne_jours", "care.emergency.exempt.newborn",
            age=newborn_days(situation, care.member), days=p["soins.nouveau_ne_jours"],
        )
    if health is not None and health.military_pension:
        return EmergencyExemption.MILITARY_PENSION, reason_from(p, name, "care.emergency.exempt.military_pension")
    if has_invalidity_pension(situation, care.member):
        return EmergencyExemption.INVALIDITY_PENSION, reason_from(p, name, "care.emergency.exempt.invalidity_pension")
    if heavy_work_accident:
        return EmergencyExemption.WORK_ACCIDENT, reason_from(p, name, "care.emergency.exempt.work_accident")
    if health is not None and health.organ_donor:
        return EmergencyExemption.ORGAN_DONOR, reason_from(p, name, "care.emergency.exempt.organ_donor")
    if health is not None and health.terrorism_victim:
        return EmergencyExemption.TERRORISM_VICTIM, reason_from(p, name, "care.emergency.exempt.terrorism_victim")
    if (health is not None and health.sexual_violence_minor
            and situation.member(care.member).age_on(situation.request_date) < 18):
        return (EmergencyExemption.SEXUAL_VIOLENCE_MINOR,
                reason_from(p, name, "care.emergency.exempt.sexual_violence_minor"))
    return None


def emergency_visit(
    situation: Situation, care: PlannedCare, index: int, p: ParametersOn, *, css_holder: bool, ame: bool = False,
    common: VisitCommon | EmergencyVisitResult | None = None,
) -> EmergencyVisitResult:
    """``common``: ``visit_common`` of this visit and ``p``, when already made for the other coverage."""
    if common is None:
        common = visit_common(situation, care, index, p)
    if isinstance(common, EmergencyVisitResult):
        return common
    reasons = list(common.reasons)
    exemption: EmergencyExemption | None = None
    if common.intrinsic is not None:
        exemption, exemption_reason = common.intrinsic
        reasons.append(exemption_reason)
    elif ame:
        exemption = EmergencyExemption.AME
        reasons.append(Reason(
            "care.emergency.exempt.ame", say("care.emergency.exempt.ame"),
            "Code de l'action sociale et des familles, art. L251-2",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069",
        ))
    elif css_holder:
        exemption = EmergencyExemption.CSS
        reasons.append(reason_from(p, "soins.forfait_patient_urgences", "care.emergency.exempt.css"))
    return EmergencyVisitResult(
        care_index=index,
        member=care.member,
        reduced=common.reduced,
        rate=common.rate,
        exemption=exemption,
        flat_fee=ZERO if exemption is not None else common.rate,
        reasons=tuple(reasons),
        to_verify=common.to_verify,
    )
