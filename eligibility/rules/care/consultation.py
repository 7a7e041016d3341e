"""Consultations: reimbursement of the base tariff, excess fees, the participation forfaitaire and its cap."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..contract import REASONS, Contract, contract, text
from ..enums import ParticipationExemption, Sector
from ..parameters import ParametersOn
from ..reasons import Reason, cents, format_percent
from ..situation import PlannedCare, Situation
from ..sources import parameter_to_verify, reason_from
from ..wording import Eur, Label, Lower, Phrase, say
from .common import ZERO, in_maternity_period, maternity_reason


@contract(
    "care_index", "member", "sector", "fee", "base_tariff", "billed", "social_security", "ticket_moderateur",
    "excess_fees", "participation_forfaitaire", "participation_exemption", REASONS, text("to_verify"),
)
@dataclass(frozen=True, slots=True)
class ConsultationResult(Contract):
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
    to_verify: tuple[str, ...] = ()    # phrases of the catalogue, or a parameter's note; written with ``str()``


@dataclass(frozen=True, slots=True)
class ConsultationCommon:
    """What a consultation's result does not owe to the coverage (``consultation_common``): the two columns of the
    out-of-pocket estimate compute it once (``evaluate_care``)."""

    fee: Decimal
    sector: Sector
    tariff: Decimal
    base: Decimal
    social_security: Decimal
    reasons: tuple[Reason, ...]          # the reimbursement and the base tariff
    to_verify: tuple[Phrase | str, ...]  # the tariff's note, the ALD
    exemption: ParticipationExemption | None  # under the age, or maternity: whatever the coverage


def consultation_common(situation: Situation, care: PlannedCare, p: ParametersOn) -> ConsultationCommon:
    tariff_name, rate_name = "soins.consultation_generaliste_tarif", "soins.consultation_taux_remboursement"
    fee = care.fee or ZERO
    sector = care.sector or Sector.SECTOR_1
    tariff, rate = p[tariff_name], p[rate_name]
    base = min(fee, tariff)
    maternity = in_maternity_period(situation, care.member, p)
    reasons: list[Reason] = []
    to_verify: list[Phrase | str] = [t for t in (parameter_to_verify(p, tariff_name),) if t]
    if maternity:
        social_security = base
        reasons.append(maternity_reason(
            situation, care.member, p, "care.consultation.maternity", say("care.consultation.maternity_full"),
        ))
    else:
        social_security = cents(base * rate)
        reasons.append(reason_from(
            p, rate_name, "care.consultation.reimbursement",
            rate=format_percent(rate), base=Eur(base), paid=Eur(social_security),
        ))
    reasons.append(reason_from(p, tariff_name, "care.consultation.base", tariff=Eur(tariff)))
    health = situation.health_of(care.member)
    if health is not None and health.ald and not maternity:
        to_verify.append(say("care.verify.consultation.ald", member=care.member))
    exemption: ParticipationExemption | None = None
    if situation.member(care.member).age_on(situation.request_date) < int(p["soins.participation_forfaitaire_age_exoneration"]):
        exemption = ParticipationExemption.UNDER_18
    elif maternity:
        exemption = ParticipationExemption.MATERNITY
    return ConsultationCommon(fee, sector, tariff, base, social_security, tuple(reasons), tuple(to_verify), exemption)


def consultation(
    situation: Situation, care: PlannedCare, index: int, p: ParametersOn, *, css_holder: bool, ame: bool = False,
    participation_left: Decimal | None = None, common: ConsultationCommon | None = None,
) -> ConsultationResult:
    """One consultation; ``participation_left`` is what remains under the member's annual cap; ``common``:
    ``consultation_common`` of this consultation and ``p``, when already made for the other coverage."""
    if common is None:
        common = consultation_common(situation, care, p)
    fee, sector, tariff, base = common.fee, common.sector, common.tariff, common.base
    reasons = list(common.reasons)
    to_verify = list(common.to_verify)
    billed = base if css_holder else fee
    excess = billed - base
    if sector is Sector.SECTOR_1 and fee > tariff and not css_holder:
        to_verify.append(say("care.verify.consultation.sector_1_fee", member=care.member, tariff=Eur(tariff)))
    if sector is not Sector.SECTOR_1 and not css_holder and excess > 0:
        reasons.append(Reason(
            "care.consultation.excess_fees",
            say("care.consultation.excess_fees", sector=Lower(Label(sector.label)), excess=Eur(excess)),
            "Code de la sécurité sociale, art. L162-5",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189",
        ))
        if sector is Sector.SECTOR_2:
            to_verify.append(say("care.verify.consultation.sector_2_base", member=care.member))
    if css_holder and fee > base:
        reasons.append(Reason(
            "care.consultation.css_no_excess", say("care.consultation.css_no_excess", base=Eur(base)),
            "Code de la sécurité sociale, art. L861-3 et L162-5-13",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189",
        ))

    pf_name = "soins.participation_forfaitaire"
    exemption = common.exemption  # under the age, or maternity, before the coverage
    if exemption is None and css_holder:
        exemption = ParticipationExemption.CSS
    elif exemption is None and ame:
        exemption = ParticipationExemption.AME
    amount = p[pf_name]
    if exemption is not None:
        participation = ZERO
        label = (say("care.exemption.under_age", age=int(p["soins.participation_forfaitaire_age_exoneration"]))
                 if exemption is ParticipationExemption.UNDER_18 else Label(exemption.label))
        reasons.append(reason_from(
            p, pf_name, f"care.participation.exempt.{exemption.value}",
            say("care.participation.exempt", amount=Eur(amount), exemption=Lower(label)),
        ))
    else:
        participation = min(amount, participation_left) if participation_left is not None else amount
        participation = max(participation, ZERO)
        reasons.append(reason_from(
            p, pf_name, "care.participation.due",
            amount=Eur(amount), daily=Eur(p["soins.participation_forfaitaire_plafond_journalier"]),
            yearly=Eur(p["soins.participation_forfaitaire_plafond_annuel"]),
            reached=say("care.participation.ceiling_reached") if participation < amount else "",
        ))
    return ConsultationResult(
        care_index=index,
        member=care.member,
        sector=sector,
        fee=fee,
        base_tariff=base,
        billed=billed,
        social_security=common.social_security,
        ticket_moderateur=base - common.social_security,
        excess_fees=excess,
        participation_forfaitaire=participation,
        participation_exemption=exemption,
        reasons=tuple(reasons),
        to_verify=tuple(to_verify),
    )
