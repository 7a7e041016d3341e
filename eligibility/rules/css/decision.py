"""The CSS decision: household, period, resources, housing, ceilings, presumptions, then the participation."""

from __future__ import annotations

from decimal import Decimal

from ..enums import CssStatus, Territory
from ..parameters import ParametersOn
from ..reasons import Reason
from ..results import CssResult, MemberParticipation, ResourceLine
from ..situation import Situation
from ..wording import Eur, say
from .ceilings import ceiling_notes, ceilings, territory_reason
from .common import (
    ARTICLE_ALIMONY_PAID,
    ARTICLE_DECISION,
    ARTICLE_RESOURCES,
    ZERO,
    reason,
)
from .household import Household, household_reasons
from .household_basis import OWN, HouseholdBasis, household_basis
from .housing import housing_flat_amount
from .participation import participation
from .period import period, period_months
from .presumptions import apply_presumptions
from .resources import resources as counted_resources


def evaluate_css(situation: Situation, p: ParametersOn) -> CssResult:
    """Evaluate the CSS for ``situation`` with the parameters ``p`` in force on its request date."""
    when = situation.request_date
    h = Household(situation, p)
    reasons = household_reasons(h, p, when)
    to_verify: list[str] = []
    basis = household_basis(situation, p)
    if basis is None:
        basis = HouseholdBasis(OWN, reasons[0])
    else:
        reasons.insert(0, basis.reason)
        if basis.to_verify:
            to_verify.append(basis.to_verify)

    start, end, period_reason = period(p, when.year, when.month)
    reasons.append(period_reason)

    lines: list[ResourceLine] = []
    income = counted_resources(situation, h, p, reasons, lines, to_verify)
    housing = housing_flat_amount(situation, h.size, p, reasons, to_verify)
    resources = income + housing
    if resources < 0:
        resources = ZERO
        reasons.append(reason("css.resources_floor", ARTICLE_ALIMONY_PAID))
    resources_text = Eur(resources)
    reasons.append(reason("css.resources", ARTICLE_RESOURCES, total=resources_text, months=p.derived(period_months)))

    territory = situation.residence.territory
    coefficient = h.coefficient
    if territory not in p["css.coefficient_outre_mer"]:
        reasons.append(territory_reason(p, territory, when))
        return CssResult(
            status=CssStatus.NOT_ELIGIBLE, household_size=h.size, coefficient=coefficient, resources=resources,
            ceiling_free=ZERO, ceiling_with_participation=ZERO, monthly_participation=ZERO,
            reasons=tuple(reasons), reference_period=(start, end), resource_lines=tuple(lines),
            housing_flat_amount=housing, to_verify=tuple(to_verify), household_basis=basis,
        )
    if territory is Territory.MAYOTTE:
        note = p.entry("css.coefficient_outre_mer").to_verify
        if note:
            to_verify.append(note)
    to_verify.extend(p.derived(ceiling_notes))

    free, with_participation, ceilings_reason = ceilings(p, territory, h.size, coefficient, not h.halved)
    reasons.append(ceilings_reason)

    if resources <= free:
        status = CssStatus.FREE
    elif resources <= with_participation:
        status = CssStatus.WITH_PARTICIPATION
    else:
        status = CssStatus.NOT_ELIGIBLE
    by_resources = status
    status, presumption = apply_presumptions(situation, h, p, status, reasons, to_verify)

    reasons.append(_decision_reason(status, by_resources, resources, resources_text, free, with_participation))

    monthly = ZERO
    participations: tuple[MemberParticipation, ...] = ()
    if status is CssStatus.WITH_PARTICIPATION:
        monthly, participations = participation(situation, h, p, reasons)

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
        household_basis=basis,
    )


_VERDICT = {
    CssStatus.FREE: say("css.verdict.free"),
    CssStatus.WITH_PARTICIPATION: say("css.verdict.with_participation"),
    CssStatus.NOT_ELIGIBLE: say("css.verdict.not_eligible"),
}
_BY_BENEFIT = say("css.decision.by_benefit")


def _decision_reason(
    status: CssStatus, by_resources: CssStatus, resources: Decimal, resources_text: Eur, free: Decimal,
    with_participation: Decimal,
) -> Reason:
    """``resources_text`` is ``Eur(resources)``, already in the total's reason."""
    if by_resources is CssStatus.FREE:
        margin = free - resources
        comparison = (say("css.decision.free_exact", resources=resources_text, free=Eur(free)) if margin == 0 else
                      say("css.decision.free", resources=resources_text, free=Eur(free), margin=Eur(margin)))
    elif by_resources is CssStatus.WITH_PARTICIPATION:
        comparison = say("css.decision.with_participation", resources=resources_text, excess=Eur(resources - free),
                         free=Eur(free), with_participation=Eur(with_participation),
                         margin=Eur(with_participation - resources))
    else:
        comparison = say("css.decision.over", excess=Eur(resources - with_participation), resources=resources_text,
                         with_participation=Eur(with_participation))
    return reason("css.decision", ARTICLE_DECISION, comparison=comparison, verdict=_VERDICT[status],
                  by_benefit=_BY_BENEFIT if status is not by_resources else "")
