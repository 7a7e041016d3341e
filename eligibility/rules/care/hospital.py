"""Hospital stays: forfait journalier (Code de la sécurité sociale, L174-4), its exemptions, the single room."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..contract import REASONS, Contract, contract, entry, text
from ..enums import HospitalExemption
from ..parameters import ParameterDateError, ParametersOn
from ..reasons import Reason, cents
from ..situation import PlannedCare, Situation
from ..sources import parameter_to_verify, reason_from, upcoming_change
from ..wording import Day, Eur, Joined, Label, Phrase, say
from .common import ZERO, exemption_label, in_maternity_period, is_newborn, maternity_reason, newborn_days
from .stay_calendar import RateSegment, price_stay


@contract(
    "care_index", "member", "days", "day_case", entry("rate_segments", "segments"), "psychiatric", "home", "daily_rate",
    "exemption", text("exemption_label"),
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
    to_verify: tuple[str, ...] = ()         # phrases of the catalogue, or a parameter's note; written with ``str()``
    segments: tuple[RateSegment, ...] = ()  # day-by-day pricing when the stay's dates are known
    day_case: bool = False

    @property
    def exemption_label(self) -> Phrase | Label | None:
        """The exemption's label, with the duration its reason read from the parameters (``common``)."""
        return exemption_label(self.exemption, self.reasons)


def _intrinsic_exemption(
    situation: Situation, care: PlannedCare, p: ParametersOn
) -> tuple[HospitalExemption, Reason, Phrase | None] | None:
    """(exemption, reason, to_verify) when the daily charge is not due whatever the coverage (checked in this order,
    before the AME and the CSS: ``_coverage_exemption``), else None."""
    name = "soins.forfait_journalier"
    health = situation.health_of(care.member)
    if care.day_case:
        return HospitalExemption.DAY_CASE, reason_from(p, name, "care.hospital.exempt.day_case"), None
    if care.home:
        return HospitalExemption.HOME_HOSPITALISATION, reason_from(p, name, "care.hospital.exempt.home_hospitalisation"), None
    if health is not None and health.work_accident:
        return (HospitalExemption.WORK_ACCIDENT, reason_from(p, name, "care.hospital.exempt.work_accident"),
                say("care.verify.hospital.work_accident", member=care.member))
    if in_maternity_period(situation, care.member, p):
        return HospitalExemption.MATERNITY, maternity_reason(
            situation, care.member, p, "care.hospital.exempt.maternity", _NOT_DUE
        ), say("care.verify.hospital.maternity", member=care.member)
    if is_newborn(situation, care.member, p):
        return HospitalExemption.NEWBORN, reason_from(
            p, "soins.nouveau_ne_jours", "care.hospital.exempt.newborn",
            age=newborn_days(situation, care.member), days=p["soins.nouveau_ne_jours"],
        ), None
    if health is not None and health.military_pension:
        return HospitalExemption.MILITARY_PENSION, reason_from(p, name, "care.hospital.exempt.military_pension"), None
    if health is not None and health.aeeh_child:
        return HospitalExemption.AEEH_CHILD, reason_from(p, name, "care.hospital.exempt.aeeh_child"), None
    if health is not None and health.organ_donor:
        return HospitalExemption.ORGAN_DONOR, reason_from(p, name, "care.hospital.exempt.organ_donor"), None
    if health is not None and health.terrorism_victim:
        return HospitalExemption.TERRORISM_VICTIM, reason_from(p, name, "care.hospital.exempt.terrorism_victim"), None
    if situation.residence.alsace_moselle:
        return HospitalExemption.ALSACE_MOSELLE, reason_from(p, name, "care.hospital.exempt.alsace_moselle"), None
    return None


def _coverage_exemption(
    p: ParametersOn, css_holder: bool, ame: bool
) -> tuple[HospitalExemption | None, Reason | None, Phrase | None]:
    """The exemption of the coverage, when no other applies: the AME, then the CSS."""
    if ame:
        return HospitalExemption.AME, Reason(
            "care.hospital.exempt.ame", say("care.hospital.exempt.ame"),
            "Code de l'action sociale et des familles, art. L251-2",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069",
        ), None
    if css_holder:
        return HospitalExemption.CSS, reason_from(p, "soins.forfait_journalier", "care.hospital.exempt.css"), None
    return None, None, None


_NOT_DUE = say("care.hospital.not_due")


def _dated_stay(care: PlannedCare, p: ParametersOn, name: str, service: Phrase):
    """(segments, days, total, reasons) of a stay with known dates, priced at each day's rate; None before the first rate."""
    try:
        calendar = price_stay(p.parameter_set[name], care.admission_date, care.discharge_date)
    except ParameterDateError:
        return None
    if calendar.day_case:
        return (), 0, ZERO, []
    text = say("care.hospital.rate.dated", service=service,
               parts=Joined([s.sentence() for s in calendar.segments], " ; "), total=Eur(calendar.total),
               changes=_RATE_CHANGES if calendar.rate_changes else "")
    ref = calendar.segments[-1].reference
    return calendar.segments, calendar.days, calendar.total, [Reason("care.hospital.rate", text, ref.title, ref.href)]


_RATE_CHANGES = say("care.hospital.rate.changes")
_SERVICE = {True: say("care.hospital.psychiatric"), False: say("care.hospital.not_psychiatric")}


@dataclass(frozen=True, slots=True)
class StayCommon:
    """What a stay's result does not owe to the coverage (``stay_common``): the two columns of the out-of-pocket
    estimate compute it once (``evaluate_care``)."""

    rate: Decimal
    days: int
    before: Decimal                                  # days × daily rate
    segments: tuple[RateSegment, ...]
    reasons: tuple[Reason, ...]                      # the rate and its next change, before the exemption
    to_verify: tuple[Phrase | str, ...]
    intrinsic: tuple[HospitalExemption, Reason, Phrase | None] | None  # an exemption whatever the coverage
    single_room: Decimal | None
    single_room_reason: Reason | None                # after the exemption's


def stay_common(situation: Situation, care: PlannedCare, p: ParametersOn) -> StayCommon:
    name = "soins.forfait_journalier_psychiatrie" if care.psychiatric else "soins.forfait_journalier"
    rate = p[name]
    days = care.days or 0
    before = cents(rate * days)
    service = _SERVICE[care.psychiatric]
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
                say("care.hospital.rate.days" if days > 1 else "care.hospital.rate.day", service=service,
                    rate=Eur(rate), request_day=Day(situation.request_date), days=days, total=Eur(before)),
            )
        ]
    to_verify: list[Phrase | str] = [t for t in (parameter_to_verify(p, name),) if t]
    change = upcoming_change(p, name) if dated is None else None
    if change is not None:
        note = say("care.hospital.rate_change", service=service, rate=Eur(change.value), day=Day(change.start))
        reasons.append(Reason("care.hospital.rate_change", note, change.references[0].title, change.references[0].href))
        to_verify.append(say("care.verify.hospital.rate_change", member=care.member, day=Day(change.start)))

    single_room = single_room_reason = None
    if care.single_room_daily is not None and care.single_room_daily > 0 and not care.home and days > 0:
        single_room = cents(care.single_room_daily * days)
        single_room_reason = Reason(
            "care.hospital.single_room",
            say("care.hospital.single_room", daily=Eur(care.single_room_daily), days=days, total=Eur(single_room)),
            "service-public.fr, fiche F200 « Forfait hospitalier »",
            "https://www.service-public.fr/particuliers/vosdroits/F200",
        )
    return StayCommon(rate, days, before, segments, tuple(reasons), tuple(to_verify),
                      _intrinsic_exemption(situation, care, p), single_room, single_room_reason)


def hospital_stay(
    situation: Situation, care: PlannedCare, index: int, p: ParametersOn, *, css_holder: bool, ame: bool = False,
    common: StayCommon | None = None,
) -> HospitalStayResult:
    """``common``: ``stay_common`` of this stay and ``p``, when already made for the other coverage."""
    if common is None:
        common = stay_common(situation, care, p)
    exemption, exemption_reason, exemption_note = common.intrinsic or _coverage_exemption(p, css_holder, ame)
    reasons = list(common.reasons)
    if exemption_reason is not None:
        reasons.append(exemption_reason)
    to_verify = common.to_verify
    if exemption_note:
        to_verify = (*to_verify, exemption_note)
    if common.single_room_reason is not None:
        reasons.append(common.single_room_reason)
    return HospitalStayResult(
        care_index=index,
        member=care.member,
        days=common.days,
        psychiatric=care.psychiatric,
        home=care.home,
        daily_rate=common.rate,
        exemption=exemption,
        forfait_before_exemption=common.before,
        forfait_journalier=ZERO if exemption is not None else common.before,
        single_room_daily=care.single_room_daily,
        single_room=common.single_room,
        reasons=tuple(reasons),
        to_verify=to_verify,
        segments=common.segments,
        day_case=care.day_case,
    )
