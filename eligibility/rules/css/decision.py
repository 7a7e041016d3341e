"""The CSS decision: household, period, resources, housing, ceilings, presumptions, then the participation."""

from __future__ import annotations

from decimal import Decimal

from ..enums import CssStatus, Territory
from ..parameters import ParametersOn
from ..reasons import Reason
from ..results import CssResult, MemberParticipation, ResourceLine
from ..situation import Situation
from .ceilings import ceiling_notes, ceilings, territory_reason
from .common import (
    ARTICLE_ALIMONY_PAID,
    ARTICLE_DECISION,
    ARTICLE_RESOURCES,
    ZERO,
    format_amount,
    format_eur,
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
        reasons.append(reason(
            "css.resources_floor",
            "Après déduction des pensions alimentaires versées, vos ressources sont ramenées à 0 € "
            "(elles ne peuvent pas être négatives).",
            ARTICLE_ALIMONY_PAID,
        ))
    resources_text = format_amount(resources)
    reasons.append(Reason(
        "css.resources",
        f"Total de vos ressources retenues : {resources_text} sur {p.derived(period_months)} mois.",
        *ARTICLE_RESOURCES,
    ))

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
    CssStatus.FREE: "Vous avez droit à la Complémentaire santé solidaire sans participation.",
    CssStatus.WITH_PARTICIPATION: "Vous avez droit à la Complémentaire santé solidaire avec participation.",
    CssStatus.NOT_ELIGIBLE: "Vous n'avez pas droit à la Complémentaire santé solidaire.",
}


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
            f" : il reste une marge de {format_amount(margin)}."
    elif by_resources is CssStatus.WITH_PARTICIPATION:
        text = (f"Vos ressources ({resources_text}) dépassent de {format_amount(resources - free)} le plafond "
                f"sans participation ({format_eur(free)}) mais pas le plafond avec participation "
                f"({format_eur(with_participation)}) : il reste une marge de "
                f"{format_amount(with_participation - resources)}.")
    else:
        text = (f"Vos ressources dépassent le plafond de {format_amount(resources - with_participation)} : "
                f"{resources_text} pour un plafond de {format_eur(with_participation)} (CSS avec "
                "participation).")
    text += " " + _VERDICT[status]
    if status is not by_resources:
        text += " C'est l'allocation que vous recevez qui vous y donne droit (voir ci-dessus)."
    return Reason("css.decision", text, *ARTICLE_DECISION)
