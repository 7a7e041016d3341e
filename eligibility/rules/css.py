"""Complémentaire santé solidaire (CSS): household, reference period, resources, ceilings, status, participation.

Code de la sécurité sociale, L861-1, L861-2 and R861-2 to R861-11. Every figure comes from the dated
parameters (``css.*``, ``rsa.*``); every step leaves a ``Reason`` citing its article, in plain French.

Design choices where the texts leave room (see also the parameter files' ``to_verify`` notes):

* Household rank (R861-3): applicant, partner, then dependants from the oldest. A minor in alternating
  residence has its rank's rate halved. Dependants born on the same day are ranked so that the halved
  rates fall on the lowest rates (the most favourable order; the texts do not say).
* Flat deductions on AAH, ASI and ASPA (instruction DSS/SD2A/2021/71) are per month of allowance; the
  declared amount covers the 12-month period, so 12 months are assumed, never more than the amount
  declared. The couple rate applies when the applicant and the partner both receive the allowance.
* The 30 % abatement applies to the earned income (salary, self-employment) of a member who, on the
  request date, is on compensated unemployment, a paid trainee, on sick leave for more than 6 months,
  or receives the ASS (an ``ass`` resource line, or ``ass`` in the current benefits of a one-adult home).
* The housing flat amount uses the RSA amount for the household size (a child in alternating residence
  counts as one person there); it never exceeds the housing aid received per month.
* Resources of a person outside the CSS household (a dependant aged 25 or more) are not counted.
* Excluded resources follow the contract's classification (``ResourceType.treatment``), narrowed by the dated
  list ``css.ressources_exclues``: an exclusion applies to the requests made from its date, whatever the months
  of the reference period; before it, the resource is counted in full and the reason says from when it is not.
* Presumptions (ASPA, ASI, AAH) need nobody to have worked in the 3 months before the request, which the
  situation does not say: they apply when no member is employee, self-employed or paid trainee today,
  and the result says it must be checked.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from functools import lru_cache

from .css_parameters import (
    ARTICLE_ALIMONY_PAID,
    ARTICLE_DECISION,
    ARTICLE_EXCLUDED,
    ARTICLE_NOT_IN_HOUSEHOLD,
    ARTICLE_RESOURCES,
    ARTICLE_SELF_EMPLOYMENT,
    CssParameters,
    Ref,
    css_parameters,
)
from .enums import (
    EARNED_INCOME_TYPES,
    Activity,
    Benefit,
    CssStatus,
    HousingStatus,
    ResourceTreatment,
    ResourceType,
    Role,
    Territory,
)
from .parameters import ParametersOn
from .reasons import MONTHS_FR, Reason, cents, euros, format_date, format_month, format_number, format_percent
from .reasons import format_eur as _format_eur
from .results import CssResult, MemberParticipation, ResourceLine
from .situation import Member, Situation

ZERO = Decimal(0)
ONE = Decimal(1)

#: Activities at the request date that open the 30 % abatement on earned income.
ABATEMENT_ACTIVITIES = frozenset(
    {Activity.UNEMPLOYED_COMPENSATED, Activity.TRAINEE_PAID, Activity.SICK_LEAVE_OVER_6_MONTHS}
)
#: Activities that show someone is working today (the presumptions need nobody working).
WORKING_ACTIVITIES = frozenset({Activity.EMPLOYEE, Activity.SELF_EMPLOYED, Activity.TRAINEE_PAID})
#: Order of the presumptions when a household receives several allowances.
PRESUMPTION_ORDER = (Benefit.RSA, Benefit.ASPA, Benefit.ASI, Benefit.AAH)
BENEFIT_NAME = {
    Benefit.RSA: "le RSA", Benefit.ASPA: "l'ASPA (minimum vieillesse)", Benefit.ASI: "l'ASI", Benefit.AAH: "l'AAH",
}
_TYPE_ORDER = {t: i for i, t in enumerate(ResourceType)}
# Plain dicts: reading an enum member's attribute goes through a descriptor, noticeably slower per call.
_TREATMENT = {t: t.treatment for t in ResourceType}
_LABEL = {t: t.label for t in ResourceType}
_VALUE = {t: t.value for t in ResourceType}


# --------------------------------------------------------------------------- small helpers


def _reason(code: str, text: str, ref: Ref) -> Reason:
    return Reason(code, text, ref[0], ref[1])


# Reasons that depend only on the parameters of the date and on the shape of the household are built
# once and shared (``Reason`` is immutable); ``CssParameters`` hashes by identity.
_CACHED = 16384


#: Equal Decimals format alike, and ceilings, rates and participations repeat a lot: cache their formatting.
#: Amounts that come from the household (declared, counted, totals, margins) are nearly always new, and a cache
#: miss costs more than the formatting: those call ``_format_eur`` directly.
format_eur = lru_cache(maxsize=8192)(_format_eur)
_number = lru_cache(maxsize=1024)(format_number)
_percent = lru_cache(maxsize=256)(format_percent)


def _from_month(year: int, month: int) -> str:
    """``d'octobre 2025`` / ``de janvier 2026`` (elision before a vowel)."""
    name = MONTHS_FR[month - 1]
    return ("d'" if name[0] in "aeiouéà" else "de ") + format_month(year, month)


def _who(member: Member) -> str:
    if member.role is Role.APPLICANT:
        return "vous-même"
    if member.role is Role.PARTNER:
        return "votre conjoint ou partenaire"
    if member.role is Role.CHILD:
        return f"votre enfant « {member.id} »"
    return f"la personne à charge « {member.id} »"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _persons(n: int) -> str:
    return f"{n} personne" if n == 1 else f"{n} personnes"


def reference_period(when: date, first_back: int, last_back: int) -> tuple[date, date]:
    """First and last day of the months from ``first_back`` to ``last_back`` months before ``when``'s month."""
    index = when.year * 12 + when.month - 1
    start_year, start_month = divmod(index - first_back, 12)
    end_year, end_month = divmod(index - last_back, 12)
    start = date(start_year, start_month + 1, 1)
    end = date(end_year, end_month + 1, calendar.monthrange(end_year, end_month + 1)[1])
    return start, end


@lru_cache(maxsize=_CACHED)
def _period(c: CssParameters, year: int, month: int) -> tuple[date, date, Reason]:
    start, end = reference_period(date(year, month, 1), c.period_first_month_back, c.period_last_month_back)
    reason = _reason(
        "css.reference_period",
        f"Les ressources retenues sont celles reçues {_from_month(start.year, start.month)} "
        f"à {format_month(end.year, end.month)} ({c.period_months} mois, du {format_date(start)} au "
        f"{format_date(end)}) ; chaque montant déclaré est le total de cette période.",
        c.period_ref,
    )
    return start, end, reason


# --------------------------------------------------------------------------- household (R861-2, R861-3)


class _Household:
    __slots__ = ("counted", "not_counted", "coefficient", "halved", "adult_shared", "applicant", "partner", "size")

    def __init__(self, situation: Situation, c: CssParameters):
        when = situation.request_date
        applicant = partner = None
        dependants: list[Member] = []
        not_counted: list[tuple[Member, int]] = []
        limit = c.dependant_age_limit
        for m in situation.members:
            role = m.role
            if role is Role.APPLICANT:
                applicant = m
            elif role is Role.PARTNER:
                partner = m
            else:
                age = m.age_on(when)
                if age < limit:
                    dependants.append(m)
                else:
                    not_counted.append((m, age))
        self.applicant, self.partner = applicant, partner
        # Oldest first (R861-3); ties broken below, the id only makes the order reproducible.
        if len(dependants) > 1:
            dependants.sort(key=_dependant_order)
        if len(not_counted) > 1:
            not_counted.sort(key=_not_counted_order)
        self.not_counted = not_counted
        counted = [applicant] if partner is None else [applicant, partner]
        halved_members: list[Member] = []
        adult_shared: list[Member] = []
        # The shape of the dependants: (members born on the same day, how many of them have a halved rate).
        shape: list[tuple[int, int]] = []
        i, n = 0, len(dependants)
        while i < n:
            j = i + 1
            birth = dependants[i].birth_date
            while j < n and dependants[j].birth_date == birth:
                j += 1
            halved = 0
            for k in range(i, j):
                m = dependants[k]
                if m.shared_custody:
                    if m.age_on(when) < c.shared_custody_age_limit:
                        halved += 1
                        halved_members.append(m)
                    else:
                        adult_shared.append(m)
            shape.append((j - i, halved))
            i = j
        counted.extend(dependants)
        self.counted = counted
        self.size = len(counted)
        self.halved = halved_members
        self.adult_shared = adult_shared
        self.coefficient = _coefficient(c, partner is not None, tuple(shape))


def _dependant_order(m: Member) -> tuple:
    return m.birth_date, m.shared_custody, m.id


def _not_counted_order(item: tuple[Member, int]) -> tuple:
    return item[0].birth_date, item[0].id


@lru_cache(maxsize=_CACHED)
def _coefficient(c: CssParameters, has_partner: bool, shape: tuple[tuple[int, int], ...]) -> Decimal:
    """Household coefficient (R861-3) from the partner and the dependants' shape, oldest first.

    Within a group born on the same day, the halved rates (alternating residence) fall on the lowest rates.
    """
    coefficient = ONE
    rank = 2
    if has_partner:
        coefficient += _rank_rate(c, 2)
        rank = 3
    for size, halved in shape:
        rates = sorted(_rank_rate(c, rank + k) for k in range(size))
        coefficient += sum(rates) - sum(rates[:halved]) * c.shared_custody_factor
        rank += size
    return coefficient


def _rank_rate(c: CssParameters, rank: int) -> Decimal:
    if rank - 2 < len(c.rank_rates):
        return c.rank_rates[rank - 2]
    return c.extra_person_rate


@lru_cache(maxsize=_CACHED)
def _household_summary(c: CssParameters, size: int, has_partner: bool, coefficient: Decimal) -> tuple[Reason, Reason]:
    parts = ["vous"]
    if has_partner:
        parts.append("votre conjoint ou partenaire")
    dependants = size - len(parts)
    if dependants:
        parts.append(f"{dependants} personne{'s' if dependants > 1 else ''} à charge de moins de "
                     f"{c.dependant_age_limit} ans")
    household = _reason(
        "css.household",
        f"Votre foyer compte {_persons(size)} pour la Complémentaire santé solidaire ({', '.join(parts)}).",
        c.household_ref,
    )
    coefficient_reason = _reason(
        "css.coefficient",
        f"Le plafond d'une personne seule est multiplié par {_number(coefficient)} pour votre foyer "
        f"(1 pour vous, {_number(c.rank_rates[0])} pour la 2e personne, {_number(c.rank_rates[1])} pour la "
        f"3e et la 4e, {_number(c.extra_person_rate)} à partir de la 5e).",
        c.coefficient_ref,
    )
    return household, coefficient_reason


def _household_reasons(h: _Household, c: CssParameters, when: date) -> list[Reason]:
    household, coefficient = _household_summary(c, h.size, h.partner is not None, h.coefficient)
    if not (h.not_counted or h.halved or h.adult_shared):
        return [household, coefficient]
    reasons = [household]
    for m, age in h.not_counted:
        reasons.append(_reason(
            "css.household_not_counted",
            f"{_capital(_who(m))} ({age} ans le {format_date(when)}) ne fait pas partie du foyer : seules "
            f"les personnes à charge de moins de {c.dependant_age_limit} ans à la date de la demande en font "
            "partie. Cette personne peut faire sa propre demande.",
            c.household_ref,
        ))
    for m in h.halved:
        reasons.append(_reason(
            "css.shared_custody",
            f"{_capital(_who(m))} vit en résidence alternée : sa part dans le plafond est "
            "réduite de moitié (il ou elle compte quand même comme une personne du foyer).",
            c.coefficient_ref,
        ))
    for m in h.adult_shared:
        reasons.append(_reason(
            "css.shared_custody_adult",
            f"{_capital(_who(m))} est majeur(e) : la réduction pour résidence alternée ne "
            "concerne que les enfants mineurs, sa part dans le plafond est entière.",
            c.coefficient_ref,
        ))
    reasons.append(coefficient)
    return reasons


# --------------------------------------------------------------------------- resources (L861-2, R861-4 to R861-10)


def _flat_deductions(
    entries: list[tuple[Member, Decimal]], single: Decimal, couple: Decimal, months: int,
    couple_ids: frozenset[str],
) -> dict[str, tuple[Decimal, Decimal, bool]]:
    """Deduction per member ``{id: (deduction, monthly rate, couple rate?)}``, never more than the amount declared."""
    out: dict[str, tuple[Decimal, Decimal, bool]] = {}
    if single <= 0 and couple <= 0:
        return out
    pair = [(m, a) for m, a in entries if m.id in couple_ids and a > 0]
    if len(pair) == 2:
        (m1, a1), (m2, a2) = pair
        total = min(a1 + a2, couple * months)
        first = min(a1, cents(total / 2))
        second = min(a2, total - first)
        first = min(a1, total - second)
        out[m1.id] = (first, couple, True)
        out[m2.id] = (second, couple, True)
    for m, amount in entries:
        if amount > 0 and m.id not in out:
            out[m.id] = (min(amount, single * months), single, False)
    return out


_BENEFIT_SHORT = {ResourceType.AAH: "l'AAH", ResourceType.ASI: "l'ASI", ResourceType.ASPA: "l'ASPA"}


def _resources(
    situation: Situation, h: _Household, c: CssParameters, reasons: list[Reason], lines: list[ResourceLine],
    to_verify: list[str],
) -> Decimal:
    """Sum of the counted resource lines (may be negative after alimony paid); fills reasons and lines.

    A type the contract classes as excluded is counted when its exclusion is not yet in force on the request
    date (``css.ressources_exclues``): the family help from 29 June 2025, the CEJ allowance from 29 July 2023.
    """
    declared = situation.resources
    if not declared:
        return ZERO
    counted_members = h.counted
    n_counted = len(counted_members)
    # Position of each member: the household in its order, then the members outside it.
    order = {m.id: i for i, m in enumerate(counted_members)}
    for i, (m, _age) in enumerate(h.not_counted, n_counted):
        order[m.id] = i
    if len(declared) > 1:
        resources = sorted(declared, key=lambda r: (order[r.member], _TYPE_ORDER[r.type]))
    else:
        resources = declared
    members = {m.id: m for m in situation.members}
    months = c.period_months

    abated: set[str] | None = None  # built on the first earned-income line
    ass_lines: list[str] = []
    minimum_benefits: dict[ResourceType, list[tuple[Member, Decimal]]] | None = None
    for r in resources:
        rtype = r.type
        if rtype is ResourceType.ASS:
            if r.amount > 0:
                ass_lines.append(r.member)
        elif rtype in _BENEFIT_SHORT and order[r.member] < n_counted:
            if minimum_benefits is None:
                minimum_benefits = {}
            minimum_benefits.setdefault(rtype, []).append((members[r.member], r.amount))

    deductions: dict[ResourceType, dict[str, tuple[Decimal, Decimal, bool]]] = {}
    if minimum_benefits:
        couple_ids = frozenset(m.id for m in counted_members[:2]) if h.partner is not None else frozenset()
        for rtype, entries in minimum_benefits.items():
            if rtype is ResourceType.AAH:
                deductions[rtype] = _flat_deductions(entries, c.deduction_aah, ZERO, months, frozenset())
            elif rtype is ResourceType.ASI:
                deductions[rtype] = _flat_deductions(
                    entries, c.deduction_asi_single, c.deduction_asi_couple, months, couple_ids)
            else:
                deductions[rtype] = _flat_deductions(
                    entries, c.deduction_aspa_single, c.deduction_aspa_couple, months, couple_ids)

    total = ZERO
    not_yet_excluded = c.not_yet_excluded
    whos: dict[str, str] = {}
    for r in resources:
        member_id = r.member
        rtype = r.type
        label = _LABEL[rtype]
        value = _VALUE[rtype]
        who = whos.get(member_id)
        if who is None:
            who = whos[member_id] = _who(members[member_id])
        amount = r.amount
        if order[member_id] >= n_counted:
            note = (f"{label} ({who}, {_format_eur(amount)}) : montant non compté, cette personne ne fait pas "
                    "partie du foyer de la demande.")
            lines.append(ResourceLine(member_id, value, amount, ZERO, _EXCLUDED, note))
            reasons.append(Reason("css.resource_not_in_household", note, *ARTICLE_NOT_IN_HOUSEHOLD))
            continue
        treatment = _TREATMENT[rtype]
        if treatment is ResourceTreatment.EXCLUDED:
            if rtype in not_yet_excluded:
                since, ref, note_to_verify = not_yet_excluded[rtype]
                total += amount
                note = (f"{label} ({who}) : {_format_eur(amount)} comptés. Cette ressource n'est laissée de côté "
                        f"que pour les demandes faites à partir du {format_date(since)} ({ref[0]}) ; à la date de "
                        f"votre demande ({format_date(situation.request_date)}), elle est encore comptée.")
                lines.append(ResourceLine(member_id, value, amount, amount, _INCLUDED, note))
                reasons.append(Reason("css.resource_not_yet_excluded", note, *ref))
                if note_to_verify and note_to_verify not in to_verify:
                    to_verify.append(note_to_verify)
                continue
            if rtype is ResourceType.HOUSING_AID:
                note = (f"{label} ({who}, {_format_eur(amount)}) : montant non compté comme une ressource ; seul "
                        "le forfait logement est ajouté.")
            else:
                note = (f"{label} ({who}, {_format_eur(amount)}) : montant laissé de côté, la loi ne compte pas "
                        "cette ressource.")
            lines.append(ResourceLine(member_id, value, amount, ZERO, _EXCLUDED, note))
            reasons.append(Reason("css.resource_excluded", note, *ARTICLE_EXCLUDED))
            continue
        if treatment is ResourceTreatment.DEDUCTED:
            total -= amount
            note = (f"{label} ({who}) : {_format_eur(amount)} versés pendant la période, déduits de vos "
                    "ressources.")
            lines.append(ResourceLine(member_id, value, amount, -amount, _DEDUCTED, note))
            reasons.append(Reason("css.resource_deducted", note, *ARTICLE_ALIMONY_PAID))
            continue
        if rtype in EARNED_INCOME_TYPES:
            if rtype is ResourceType.SELF_EMPLOYMENT:
                reasons.append(_self_employment_reason(who))
            if abated is None:
                abated = {m.id for m in counted_members if m.activity in ABATEMENT_ACTIVITIES}
                abated.update(ass_lines)
                if h.partner is None and Benefit.ASS in situation.current_benefits:
                    abated.add(h.applicant.id)
            if member_id in abated and amount > 0:
                counted = cents(amount * (1 - c.abatement_rate))
                total += counted
                note = (f"{label} ({who}) : {_format_eur(amount)} déclarés, comptés pour {_format_eur(counted)} "
                        f"après un abattement de {_percent(c.abatement_rate)}, car cette personne est au chômage "
                        "indemnisé, à l'ASS, en formation rémunérée ou en arrêt maladie de plus de 6 mois à la "
                        "date de la demande.")
                lines.append(ResourceLine(member_id, value, amount, counted, "abated", note))
                reasons.append(Reason("css.resource_abated", note, *c.abatement_ref))
                continue
        elif deductions:
            deduction = deductions.get(rtype, _NO_DEDUCTION).get(member_id)
            if deduction is not None:
                deducted, rate, couple_rate = deduction
                counted = amount - deducted
                total += counted
                shared = " pour le couple, partagée entre vous deux" if couple_rate else ""
                note = (f"{label} ({who}) : {_format_eur(amount)} déclarés, comptés pour {_format_eur(counted)} "
                        f"après une déduction forfaitaire de {format_eur(rate)} par mois d'allocation{shared}"
                        f", soit {_format_eur(deducted)} sur {months} mois. Nous supposons que {_BENEFIT_SHORT[rtype]} "
                        "a été versée pendant toute la période ; la déduction ne dépasse jamais le montant déclaré.")
                lines.append(ResourceLine(member_id, value, amount, counted, "abated", note))
                reasons.append(Reason("css.benefit_deduction", note, *c.deduction_ref))
                continue
        total += amount
        note = f"{label} ({who}) : {_format_eur(amount)} comptés."
        lines.append(ResourceLine(member_id, value, amount, amount, _INCLUDED, note))
        reasons.append(Reason("css.resource_included", note, *ARTICLE_RESOURCES))
    return total


_INCLUDED, _EXCLUDED, _DEDUCTED = (ResourceTreatment.INCLUDED.value, ResourceTreatment.EXCLUDED.value,
                                   ResourceTreatment.DEDUCTED.value)
_NO_DEDUCTION: dict[str, tuple[Decimal, Decimal, bool]] = {}


@lru_cache(maxsize=1024)
def _self_employment_reason(who: str) -> Reason:
    return Reason(
        "css.resource_self_employment",
        f"Pour les revenus d'activité indépendante ({who}), on retient le revenu net du dernier avis "
        "d'imposition, pas les recettes de la période.",
        *ARTICLE_SELF_EMPLOYMENT,
    )


# --------------------------------------------------------------------------- housing flat amount (R861-5, R861-7)


def _housing(situation: Situation, size: int, c: CssParameters, reasons: list[Reason], to_verify: list[str]) -> Decimal:
    """Annual housing flat amount added to the resources."""
    housing = situation.housing
    status = housing.status
    aid = housing.housing_aid_monthly
    homeless = status is HousingStatus.HOMELESS
    if aid <= ZERO and not homeless:
        declared = ZERO
        for r in situation.resources:
            if r.type is ResourceType.HOUSING_AID:
                declared += r.amount
        if declared > ZERO:
            aid = cents(declared / c.period_months)
    with_aid = aid > ZERO and not homeless
    monthly, annual, reason, note = _housing_case(c, status, size if size < 3 else 3, with_aid)
    if with_aid and monthly > aid:
        monthly, annual = aid, cents(aid * c.period_months)
        reason = _reason(
            "css.housing_flat_amount",
            f"{_housing_intro(c, min(size, 3), True)}, soit {format_eur(monthly)} par mois, limité au montant de "
            f"l'aide que vous recevez ({format_eur(aid)} par mois), {format_eur(annual)} sur {c.period_months} "
            "mois. L'aide au logement elle-même n'est pas comptée.",
            c.housing_aid_ref,
        )
    reasons.append(reason)
    if note:
        to_verify.append(note)
    return annual


def _housing_intro(c: CssParameters, size: int, with_aid: bool, case: str = "") -> str:
    key = min(size, max(c.rsa_household))
    rate = (c.housing_aid_rates if with_aid else c.housing_free_rates)[key]
    persons = _persons(size) if size < 3 else "3 personnes ou plus"
    who = "Vous recevez une aide au logement" if with_aid else f"Vous êtes {case}"
    return (f"{who} : un forfait logement de {_percent(rate)} du RSA d'un foyer de {persons} "
            f"({format_eur(cents(c.rsa_base * c.rsa_household[key]))} par mois) est ajouté à vos ressources")


@lru_cache(maxsize=_CACHED)
def _housing_case(
    c: CssParameters, status: HousingStatus, size: int, with_aid: bool,
) -> tuple[Decimal, Decimal, Reason, str | None]:
    """(monthly, annual, reason, to-verify note) before any cap at the aid received; ``size`` is 1, 2 or 3+."""
    months = c.period_months
    key = min(size, max(c.rsa_household))
    rsa = c.rsa_base * c.rsa_household[key]
    if status is HousingStatus.HOMELESS:
        text = "Pas de forfait logement : vous n'avez pas de logement stable."
        return ZERO, ZERO, _reason("css.housing_flat_amount", text, c.housing_aid_ref), None
    if with_aid:
        monthly = cents(rsa * c.housing_aid_rates[key])
        annual = cents(monthly * months)
        text = (f"{_housing_intro(c, size, True)}, soit {format_eur(monthly)} par mois, {format_eur(annual)} sur "
                f"{months} mois. L'aide au logement elle-même n'est pas comptée.")
        return monthly, annual, _reason("css.housing_flat_amount", text, c.housing_aid_ref), None
    if status in (HousingStatus.OWNER, HousingStatus.HOSTED_FREE):
        monthly = cents(rsa * c.housing_free_rates[key])
        annual = cents(monthly * months)
        case = "propriétaire sans aide au logement" if status is HousingStatus.OWNER else "hébergé(e) gratuitement"
        text = (f"{_housing_intro(c, size, False, case)}, soit {format_eur(monthly)} par mois, "
                f"{format_eur(annual)} sur {months} mois.")
        return monthly, annual, _reason("css.housing_flat_amount", text, c.housing_free_ref), c.housing_free_to_verify
    case = "locataire sans aide au logement" if status is HousingStatus.TENANT else "en établissement sans aide au logement"
    text = f"Pas de forfait logement : vous êtes {case}."
    return ZERO, ZERO, _reason("css.housing_flat_amount", text, c.housing_free_ref), None


# --------------------------------------------------------------------------- ceilings (L861-1, R861-3)


@lru_cache(maxsize=_CACHED)
def _ceilings(
    c: CssParameters, territory: Territory, size: int, coefficient: Decimal, whole: bool,
) -> tuple[Decimal, Decimal, Reason]:
    """(free, with participation, explanation). ``whole``: no halved share, so a published table may apply."""
    territory_coefficient = c.territory_coefficients[territory]
    table = c.published.get("metropole" if territory is Territory.METROPOLE else "outre_mer") if whole else None
    if table is not None:
        free, with_participation = table.ceilings(size)
        how, ref = "barème publié", c.published_ref
    else:
        factor = coefficient * territory_coefficient
        free, with_participation = euros(c.base_free * factor), euros(c.base_with_participation * factor)
        overseas = f" × {_number(territory_coefficient)} outre-mer" if territory_coefficient != ONE else ""
        how = f"calcul : {format_eur(c.base_free)} pour une personne × {_number(coefficient)}{overseas}, arrondi à l'euro"
        ref = c.ceiling_ref
    place = "" if territory is Territory.METROPOLE else f" ({territory.label}, plafonds d'outre-mer majorés)"
    reason = _reason(
        "css.ceilings",
        f"Plafonds annuels pour votre foyer{place} : {format_eur(free)} pour la CSS sans participation et "
        f"{format_eur(with_participation)} pour la CSS avec participation (plafond majoré de "
        f"{_percent(c.with_participation_rate)}) ; {how}.",
        ref,
    )
    return free, with_participation, reason


# --------------------------------------------------------------------------- participation


@lru_cache(maxsize=_CACHED)
def _participation_row(c: CssParameters, who: str, age: int, january_1: date, alsace: bool) -> tuple[Decimal, Reason]:
    bands = c.participation_alsace_moselle if alsace else c.participation_general
    amount = next(a for minimum, a in bands if age >= minimum)
    scheme = " (régime local d'Alsace-Moselle)" if alsace else ""
    reason = _reason(
        "css.participation_member",
        f"Participation pour {who} ({age} ans au {format_date(january_1)}) : {format_eur(amount)} par mois{scheme}.",
        c.participation_ref,
    )
    return amount, reason


def _participation(
    situation: Situation, h: _Household, c: CssParameters, reasons: list[Reason],
) -> tuple[Decimal, tuple[MemberParticipation, ...]]:
    january_1 = date(situation.request_date.year, 1, 1)
    alsace = situation.residence.alsace_moselle
    rows = []
    total = ZERO
    for m in h.counted:
        age = max(0, m.age_on(january_1))
        amount, reason = _participation_row(c, _who(m), age, january_1, alsace)
        total += amount
        rows.append(MemberParticipation(m.id, age, amount))
        reasons.append(reason)
    reasons.append(_reason(
        "css.participation",
        f"Votre participation est de {format_eur(total)} par mois pour le foyer (l'âge retenu est celui du "
        f"1er janvier {january_1.year}).",
        c.participation_ref,
    ))
    return total, tuple(rows)


# --------------------------------------------------------------------------- entry point


def evaluate_css(situation: Situation, p: ParametersOn) -> CssResult:
    """Evaluate the CSS for ``situation`` with the parameters ``p`` in force on its request date."""
    c = css_parameters(p)
    when = situation.request_date
    h = _Household(situation, c)
    reasons = _household_reasons(h, c, when)
    to_verify: list[str] = []

    start, end, period_reason = _period(c, when.year, when.month)
    reasons.append(period_reason)

    lines: list[ResourceLine] = []
    income = _resources(situation, h, c, reasons, lines, to_verify)
    housing = _housing(situation, h.size, c, reasons, to_verify)
    resources = income + housing
    if resources < 0:
        resources = ZERO
        reasons.append(_reason(
            "css.resources_floor",
            "Après déduction des pensions alimentaires versées, vos ressources sont ramenées à 0 € "
            "(elles ne peuvent pas être négatives).",
            ARTICLE_ALIMONY_PAID,
        ))
    resources_text = _format_eur(resources)
    reasons.append(Reason(
        "css.resources",
        f"Total de vos ressources retenues : {resources_text} sur {c.period_months} mois.",
        *ARTICLE_RESOURCES,
    ))

    territory = situation.residence.territory
    territory_coefficient = c.territory_coefficients.get(territory)
    coefficient = h.coefficient
    if territory_coefficient is None:
        reasons.append(_reason(
            "css.territory",
            f"La Complémentaire santé solidaire ne s'appliquait pas à {territory.label} à la date de votre demande "
            f"({format_date(when)}){_since(c, territory)}. Renseignez-vous auprès de votre caisse de sécurité "
            "sociale sur le dispositif local.",
            c.territory_ref,
        ))
        return CssResult(
            status=CssStatus.NOT_ELIGIBLE, household_size=h.size, coefficient=coefficient, resources=resources,
            ceiling_free=ZERO, ceiling_with_participation=ZERO, monthly_participation=ZERO,
            reasons=tuple(reasons), reference_period=(start, end), resource_lines=tuple(lines),
            housing_flat_amount=housing, to_verify=tuple(to_verify),
        )
    if territory is Territory.MAYOTTE and c.territory_to_verify:
        to_verify.append(c.territory_to_verify)
    to_verify.extend(c.ceiling_to_verify)

    free, with_participation, ceilings_reason = _ceilings(c, territory, h.size, coefficient, not h.halved)
    reasons.append(ceilings_reason)

    if resources <= free:
        status = CssStatus.FREE
    elif resources <= with_participation:
        status = CssStatus.WITH_PARTICIPATION
    else:
        status = CssStatus.NOT_ELIGIBLE
    by_resources = status

    presumption = None
    current_benefits = situation.current_benefits
    working = bool(current_benefits) and any(m.activity in WORKING_ACTIVITIES for m in h.counted)
    for benefit in PRESUMPTION_ORDER if current_benefits else ():
        if benefit not in current_benefits:
            continue
        kind = c.presumptions.get(benefit)
        if kind is None:
            continue
        if benefit is Benefit.RSA:
            presumption = benefit.value
            status = CssStatus.FREE
            automatic = kind == "gratuite_automatique"
            reasons.append(_reason(
                "css.presumption",
                "Vous recevez le RSA : la Complémentaire santé solidaire est sans participation pour votre foyer"
                + (", et elle vous est attribuée automatiquement sauf si vous la refusez." if automatic
                   else ", quelles que soient vos autres ressources ; il faut la demander."),
                ARTICLE_DECISION,
            ))
            break
        if working:
            reasons.append(_reason(
                "css.presumption_not_applied",
                f"Vous recevez {BENEFIT_NAME[benefit]}, mais une personne du foyer travaille : la présomption de droit "
                "ne s'applique pas, vos ressources décident.",
                c.presumption_ref,
            ))
            continue
        if kind == "participation_personne_seule" and h.size != 1:
            reasons.append(_reason(
                "css.presumption_not_applied",
                f"Vous recevez {BENEFIT_NAME[benefit]}, mais la présomption de droit ne vaut que pour une personne qui vit "
                "seule : vos ressources décident.",
                c.presumption_ref,
            ))
            continue
        presumption = benefit.value
        if status is CssStatus.NOT_ELIGIBLE:
            status = CssStatus.WITH_PARTICIPATION
        reasons.append(_reason(
            "css.presumption",
            f"Vous recevez {BENEFIT_NAME[benefit]} et personne ne travaille dans le foyer : vous êtes présumé(e) avoir "
            "droit à la CSS avec participation ; si vos ressources sont sous le plafond sans participation, "
            "elle est sans participation.",
            c.presumption_ref,
        ))
        note = c.presumption_to_verify.get(benefit)
        if note:
            to_verify.append(note)
        to_verify.append(
            f"La présomption de droit suppose que personne dans le foyer n'a travaillé au cours des "
            f"{c.presumption_months_without_work} mois précédant la demande : la simulation ne le sait pas, "
            "la caisse le vérifiera."
        )
        break

    reasons.append(_decision_reason(status, by_resources, resources, resources_text, free, with_participation))

    monthly = ZERO
    participations: tuple[MemberParticipation, ...] = ()
    if status is CssStatus.WITH_PARTICIPATION:
        monthly, participations = _participation(situation, h, c, reasons)

    return CssResult(
        status=status,
        household_size=h.size,
        coefficient=coefficient,
        resources=resources,
        ceiling_free=free,
        ceiling_with_participation=with_participation,
        monthly_participation=monthly,
        reasons=tuple(reasons),
        reference_period=(start, end),
        resource_lines=tuple(lines),
        housing_flat_amount=housing,
        participations=participations,
        presumption=presumption,
        to_verify=tuple(dict.fromkeys(to_verify)) if to_verify else (),
    )


_VERDICT = {
    CssStatus.FREE: "Vous avez droit à la Complémentaire santé solidaire sans participation.",
    CssStatus.WITH_PARTICIPATION: "Vous avez droit à la Complémentaire santé solidaire avec participation.",
    CssStatus.NOT_ELIGIBLE: "Vous n'avez pas droit à la Complémentaire santé solidaire.",
}


def _since(c: CssParameters, territory: Territory) -> str:
    since = c.territory_since.get(territory)
    return f" : elle y est applicable depuis le {format_date(since)}" if since else ""


def _decision_reason(
    status: CssStatus, by_resources: CssStatus, resources: Decimal, resources_text: str, free: Decimal,
    with_participation: Decimal,
) -> Reason:
    """``resources_text`` is ``format_eur(resources)``, already built for the total."""
    if by_resources is CssStatus.FREE:
        margin = free - resources
        text = (f"Vos ressources ({resources_text}) ne dépassent pas le plafond sans participation "
                f"({format_eur(free)})")
        text += " : elles l'atteignent tout juste, et le plafond est inclus." if margin == 0 else \
            f" : il reste une marge de {_format_eur(margin)}."
    elif by_resources is CssStatus.WITH_PARTICIPATION:
        text = (f"Vos ressources ({resources_text}) dépassent de {_format_eur(resources - free)} le plafond "
                f"sans participation ({format_eur(free)}) mais pas le plafond avec participation "
                f"({format_eur(with_participation)}) : il reste une marge de "
                f"{_format_eur(with_participation - resources)}.")
    else:
        text = (f"Vos ressources dépassent le plafond de {_format_eur(resources - with_participation)} : "
                f"{resources_text} pour un plafond de {format_eur(with_participation)} (CSS avec "
                "participation).")
    text += " " + _VERDICT[status]
    if status is not by_resources:
        text += " C'est l'allocation que vous recevez qui vous y donne droit (voir ci-dessus)."
    return Reason("css.decision", text, *ARTICLE_DECISION)

