"""Resources of the CSS household (Code de la sécurité sociale, L861-2, R861-4 to R861-10, R861-15).

* Flat deductions on AAH, ASI and ASPA (instruction DSS/SD2A/2021/71) are per month of allowance. A 12-month
  total (contract v1) does not say which months were paid, so 12 months are assumed; a dated line says it, and
  only its months paid inside the reference period are deducted. Never more than the amount declared. The couple
  rate applies in the months when the applicant and the partner both receive the allowance.
* A dated resource line (``resource_months``) counts the months it has inside the reference period; its reason
  says which months, line by line.
* The 30 % abatement applies to the earned income (salary, self-employment) of a member who, on the
  request date, is on compensated unemployment, a paid trainee, on sick leave for more than 6 months,
  or receives the ASS (an ``ass`` resource line, or ``ass`` in the current benefits of a one-adult home). The
  condition is that of the request date, month by month only in this sense: a dated ASS line still paid on that
  date opens it, one that stopped before does not; the abatement then covers every month of earned income inside
  the period, including the months worked before the allowance (``abatement_causes``).
* Resources of a person outside the CSS household (a dependant aged 25 or more) are not counted.
* Excluded resources follow the contract's classification (``ResourceType.treatment``), narrowed by the dated
  list ``css.ressources_exclues``: an exclusion applies to the requests made from its date, whatever the months
  of the reference period; before it, the resource is counted in full and the reason says from when it is not.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from ..enums import EARNED_INCOME_TYPES, Activity, Benefit, ResourceTreatment, ResourceType, Role
from ..parameters import ParameterFileError, ParametersOn
from ..reasons import Reason, cents
from ..resource_months import months_paid, months_text
from ..results import ResourceLine
from ..situation import Member, Situation
from ..wording import Day, Eur, Label, Phrase, say
from .common import (
    ARTICLE_ALIMONY_PAID,
    ARTICLE_EXCLUDED,
    ARTICLE_NOT_IN_HOUSEHOLD,
    ARTICLE_RESOURCES,
    ARTICLE_SELF_EMPLOYMENT,
    ZERO,
    Ref,
    percent,
    reason,
    ref,
    who_is,
)
from .household import Household
from .period import period_months

#: Activities at the request date that open the 30 % abatement on earned income.
ABATEMENT_ACTIVITIES = frozenset(
    {Activity.UNEMPLOYED_COMPENSATED, Activity.TRAINEE_PAID, Activity.SICK_LEAVE_OVER_6_MONTHS}
)
_TYPE_ORDER = {t: i for i, t in enumerate(ResourceType)}
# Plain dicts: reading an enum member's attribute goes through a descriptor, noticeably slower per call.
_TREATMENT = {t: t.treatment for t in ResourceType}
_LABEL = {t: Label(t.label) for t in ResourceType}
_VALUE = {t: t.value for t in ResourceType}


_EXCLUSIONS = "css.ressources_exclues"
_CONTRACT_EXCLUDED = tuple(t for t in ResourceType if t.treatment is ResourceTreatment.EXCLUDED)


def not_yet_excluded(p: ParametersOn) -> dict[ResourceType, tuple[date, Ref, str | None]]:
    """Contract-excluded types missing from the list in force on ``p.when``, with the date they leave the base.

    The list only narrows the contract's classification: a name outside the contract's exclusions, or a
    contract exclusion that no later value adds, is a malformed parameter file.
    """
    contract = {t.value: t for t in _CONTRACT_EXCLUDED}
    parameter = p.parameter_set[_EXCLUSIONS]
    for dated in parameter.values:
        unknown = sorted(set(dated.value) - contract.keys())
        if unknown:
            raise ParameterFileError(
                f"{_EXCLUSIONS} {dated.start}: {', '.join(unknown)} ne sont pas des ressources exclues du contrat")
    in_force = set(p[_EXCLUSIONS])
    out: dict[ResourceType, tuple[date, Ref, str | None]] = {}
    for t in _CONTRACT_EXCLUDED:
        if t.value in in_force:
            continue
        later = next((d for d in parameter.values if d.start > p.when and t.value in d.value), None)
        if later is None:
            raise ParameterFileError(f"{_EXCLUSIONS}: « {t.value} » n'est exclue à aucune date après le {p.when}")
        reference = later.references[0]
        out[t] = (later.start, (reference.title, reference.href), later.to_verify)
    return out


def _flat_deductions(
    entries: list[tuple[Member, Decimal, frozenset | None]], single: Decimal, couple: Decimal, months: int,
    couple_ids: frozenset[str],
) -> dict[str, tuple[Decimal, Decimal, bool]]:
    """Deduction per member ``{id: (deduction, monthly rate, couple rate?)}``, never more than the amount declared.

    Each entry is (member, amount, months paid): ``None`` for a 12-month total (every month assumed), else the
    months of the reference period in which the allowance was paid (a dated line).
    """
    if any(paid is not None for _m, _a, paid in entries):
        return _flat_deductions_by_month(entries, single, couple, months, couple_ids)
    out: dict[str, tuple[Decimal, Decimal, bool]] = {}
    if single <= 0 and couple <= 0:
        return out
    pair = [(m, a) for m, a, _paid in entries if m.id in couple_ids and a > 0]
    if len(pair) == 2:
        (m1, a1), (m2, a2) = pair
        total = min(a1 + a2, couple * months)
        first = min(a1, cents(total / 2))
        second = min(a2, total - first)
        first = min(a1, total - second)
        out[m1.id] = (first, couple, True)
        out[m2.id] = (second, couple, True)
    for m, amount, _paid in entries:
        if amount > 0 and m.id not in out:
            out[m.id] = (min(amount, single * months), single, False)
    return out


def _flat_deductions_by_month(
    entries: list[tuple[Member, Decimal, frozenset | None]], single: Decimal, couple: Decimal, months: int,
    couple_ids: frozenset[str],
) -> dict[str, tuple[Decimal, Decimal, bool]]:
    """The same, month by month: the couple rate (shared in halves) in the months both partners were paid, the
    single rate in the other months paid. A 12-month total counts as paid every month."""
    every = frozenset(range(months))  # a 12-month total: every month, which ones not said
    paid = {}
    for m, amount, paid_in in entries:
        if amount > 0:
            paid[m.id] = every if paid_in is None else paid_in
    both: frozenset = frozenset()
    partners = [m.id for m, _a, _p in entries if m.id in couple_ids and m.id in paid]
    if len(partners) == 2 and couple > 0:
        first, second = (paid[i] for i in partners)
        # Beside a 12-month total (months not said), the dated line's months are the months both were paid.
        both = second if first is every else first if second is every else first & second
    out: dict[str, tuple[Decimal, Decimal, bool]] = {}
    for m, amount, _paid_in in entries:
        if m.id not in paid:
            continue
        shared = len(both) if m.id in partners else 0
        alone = len(paid[m.id]) - shared
        deduction = cents(couple * shared / 2) + single * alone
        out[m.id] = (min(amount, deduction), couple if shared else single, bool(shared))
    return out


_BENEFIT_SHORT = {ResourceType.AAH: say("benefit.aah"), ResourceType.ASI: say("benefit.asi"),
                  ResourceType.ASPA: say("benefit.aspa")}


def resources(
    situation: Situation, h: Household, p: ParametersOn, reasons: list[Reason], lines: list[ResourceLine],
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
    months = p.derived(period_months)

    abated: dict[str, str] | None = None  # built on the first earned-income line: member → why
    minimum_benefits: dict[ResourceType, list[tuple[Member, Decimal]]] | None = None
    for r in resources:
        rtype = r.type
        if rtype in _BENEFIT_SHORT and order[r.member] < n_counted:
            if minimum_benefits is None:
                minimum_benefits = {}
            minimum_benefits.setdefault(rtype, []).append((members[r.member], r.amount, _paid_months(r)))

    deductions: dict[ResourceType, dict[str, tuple[Decimal, Decimal, bool]]] = {}
    if minimum_benefits:
        couple_ids = frozenset(m.id for m in counted_members[:2]) if h.partner is not None else frozenset()
        for rtype, entries in minimum_benefits.items():
            if rtype is ResourceType.AAH:
                deductions[rtype] = _flat_deductions(entries, p["css.deduction_aah"], ZERO, months, frozenset())
            elif rtype is ResourceType.ASI:
                asi = p["css.deduction_asi"]
                deductions[rtype] = _flat_deductions(
                    entries, asi["personne_seule"], asi["couple"], months, couple_ids)
            else:
                aspa = p["css.deduction_aspa"]
                deductions[rtype] = _flat_deductions(
                    entries, aspa["personne_seule"], aspa["couple"], months, couple_ids)

    total = ZERO
    excluded_later = p.derived(not_yet_excluded)
    whos: dict[str, Phrase] = {}
    for r in resources:
        member_id = r.member
        rtype = r.type
        label = _LABEL[rtype]
        value = _VALUE[rtype]
        who = whos.get(member_id)
        if who is None:
            who = whos[member_id] = who_is(members[member_id])
        amount = r.amount
        shown = Eur(amount)
        if r.counted_months is not None:
            # A dated line: its reason says which months of the reference period were counted.
            who = say("css.resource.dated", who=who, months=months_text(r))
        if order[member_id] >= n_counted:
            note = say("css.resource_not_in_household", label=label, who=who, amount=shown)
            lines.append(ResourceLine(member_id, value, amount, ZERO, _EXCLUDED, note))
            reasons.append(Reason("css.resource_not_in_household", note, *ARTICLE_NOT_IN_HOUSEHOLD))
            continue
        treatment = _TREATMENT[rtype]
        if treatment is ResourceTreatment.EXCLUDED:
            if rtype in excluded_later:
                since, cited, note_to_verify = excluded_later[rtype]
                total += amount
                note = say("css.resource_not_yet_excluded", label=label, who=who, amount=shown, since=Day(since),
                           article=cited[0], request_day=Day(situation.request_date))
                lines.append(ResourceLine(member_id, value, amount, amount, _INCLUDED, note))
                reasons.append(Reason("css.resource_not_yet_excluded", note, *cited))
                if note_to_verify and note_to_verify not in to_verify:
                    to_verify.append(note_to_verify)
                continue
            note = say("css.resource_excluded.housing_aid" if rtype is ResourceType.HOUSING_AID
                       else "css.resource_excluded", label=label, who=who, amount=shown)
            lines.append(ResourceLine(member_id, value, amount, ZERO, _EXCLUDED, note))
            reasons.append(Reason("css.resource_excluded", note, *ARTICLE_EXCLUDED))
            continue
        if treatment is ResourceTreatment.DEDUCTED:
            total -= amount
            note = say("css.resource_deducted", label=label, who=who, amount=shown)
            lines.append(ResourceLine(member_id, value, amount, -amount, _DEDUCTED, note))
            reasons.append(Reason("css.resource_deducted", note, *ARTICLE_ALIMONY_PAID))
            continue
        if rtype in EARNED_INCOME_TYPES:
            if rtype is ResourceType.SELF_EMPLOYMENT:
                reasons.append(_self_employment_reason(whos[member_id]))
            if abated is None:
                abated = abatement_causes(situation, counted_members, resources)
            if member_id in abated and amount > 0:
                rate = p["css.abattement_revenus_activite"]
                counted = cents(amount * (1 - rate))
                total += counted
                note = say("css.resource_abated", label=label, who=who, amount=shown, counted=Eur(counted),
                           rate=percent(rate), cause=say(abated[member_id]))
                lines.append(ResourceLine(member_id, value, amount, counted, "abated", note))
                reasons.append(reason("css.resource_abated", ref(p, "css.abattement_revenus_activite"), note))
                continue
        elif deductions:
            deduction = deductions.get(rtype, _NO_DEDUCTION).get(member_id)
            if deduction is not None:
                deducted, rate, couple_rate = deduction
                counted = amount - deducted
                total += counted
                if r.counted_months is None:
                    over = say("css.benefit_deduction.whole_period", deducted=Eur(deducted), months=months,
                               benefit=_BENEFIT_SHORT[rtype])
                else:
                    over = say("css.benefit_deduction.months_paid", deducted=Eur(deducted), paid=months_paid(r),
                               benefit=_BENEFIT_SHORT[rtype])
                note = say("css.benefit_deduction", label=label, who=who, amount=shown, counted=Eur(counted),
                           rate=Eur(rate), shared=_COUPLE if couple_rate else "", over=over)
                lines.append(ResourceLine(member_id, value, amount, counted, "abated", note))
                reasons.append(reason("css.benefit_deduction", ref(p, "css.deduction_aah"), note))
                continue
        total += amount
        note = say("css.resource_included", label=label, who=who, amount=shown)
        lines.append(ResourceLine(member_id, value, amount, amount, _INCLUDED, note))
        reasons.append(Reason("css.resource_included", note, *ARTICLE_RESOURCES))
    return total


#: Why the abatement applies, as keys of the wording catalogue.
_ACTIVITY_CAUSE = {
    Activity.UNEMPLOYED_COMPENSATED: "css.resource_abated.unemployed_compensated",
    Activity.TRAINEE_PAID: "css.resource_abated.trainee_paid",
    Activity.SICK_LEAVE_OVER_6_MONTHS: "css.resource_abated.sick_leave_over_6_months",
}
_ASS_CAUSE = "css.resource_abated.ass"


def abatement_causes(situation: Situation, counted: list[Member], resources) -> dict[str, str]:
    """The counted members whose earned income is abated, with why (a wording key; R861-8).

    The condition is judged on the request date, and the abatement then covers the person's earned income of the
    whole reference period (lettre-circulaire DSS/2A du 27 décembre 2001): the activity said today, or an ASS line.
    A dated ASS line counts when still paid on the request date (``paid_at_request``), not when it stopped before;
    a 12-month ASS total does not say it and is taken as still paid.
    """
    causes = {m.id: _ACTIVITY_CAUSE[m.activity] for m in counted if m.activity in ABATEMENT_ACTIVITIES}
    ids = {m.id for m in counted}
    for r in resources:
        if r.member in causes or r.member not in ids:
            continue
        if r.type is ResourceType.ASS and (r.paid_at_request if r.is_dated else r.amount > 0):
            causes[r.member] = _ASS_CAUSE
    applicant = counted[0]
    if Benefit.ASS in situation.current_benefits and not any(m.role is Role.PARTNER for m in counted):
        causes.setdefault(applicant.id, _ASS_CAUSE)
    return causes


_INCLUDED, _EXCLUDED, _DEDUCTED = (ResourceTreatment.INCLUDED.value, ResourceTreatment.EXCLUDED.value,
                                   ResourceTreatment.DEDUCTED.value)
_NO_DEDUCTION: dict[str, tuple[Decimal, Decimal, bool]] = {}
_COUPLE = say("css.benefit_deduction.couple")


def _paid_months(r) -> frozenset | None:
    """The months of the period in which a dated line was paid (``None`` for a 12-month total)."""
    if r.counted_months is None:
        return None
    return frozenset(month for month, amount in r.counted_months if amount > 0)


@lru_cache(maxsize=1024)
def _self_employment_reason(who: Phrase) -> Reason:
    return reason("css.resource_self_employment", ARTICLE_SELF_EMPLOYMENT, who=who)

