"""The housing flat amount (Code de la sécurité sociale, R861-5 and R861-7), added to the resources.

It uses the RSA amount for the household size (a child in alternating residence counts as one person there);
it never exceeds the housing aid received per month.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from ..enums import HousingStatus, ResourceType
from ..parameters import ParametersOn
from ..reasons import Reason, cents
from ..situation import Situation
from .common import CACHED, ZERO, format_eur, percent, persons, reason, ref
from .period import period_months


def housing_flat_amount(
    situation: Situation, size: int, p: ParametersOn, reasons: list[Reason], to_verify: list[str],
) -> Decimal:
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
            aid = cents(declared / p.derived(period_months))
    with_aid = aid > ZERO and not homeless
    monthly, annual, explained, note = _housing_case(p, status, size if size < 3 else 3, with_aid)
    if with_aid and monthly > aid:
        months = p.derived(period_months)
        monthly, annual = aid, cents(aid * months)
        explained = reason(
            "css.housing_flat_amount",
            f"{_housing_intro(p, min(size, 3), True)}, soit {format_eur(monthly)} par mois, limité au montant de "
            f"l'aide que vous recevez ({format_eur(aid)} par mois), {format_eur(annual)} sur {months} "
            "mois. L'aide au logement elle-même n'est pas comptée.",
            ref(p, "css.forfait_logement_aide"),
        )
    reasons.append(explained)
    if note:
        to_verify.append(note)
    return annual


def _housing_intro(p: ParametersOn, size: int, with_aid: bool, case: str = "") -> str:
    rsa_household = p["rsa.coefficients_foyer"]
    key = min(size, max(rsa_household))
    rate = p["css.forfait_logement_aide" if with_aid else "css.forfait_logement_sans_aide"][key]
    people = persons(size) if size < 3 else "3 personnes ou plus"
    subject = "Vous recevez une aide au logement" if with_aid else f"Vous êtes {case}"
    return (f"{subject} : un forfait logement de {percent(rate)} du RSA d'un foyer de {people} "
            f"({format_eur(cents(p['rsa.montant_base'] * rsa_household[key]))} par mois) est ajouté à vos ressources")


@lru_cache(maxsize=CACHED)
def _housing_case(
    p: ParametersOn, status: HousingStatus, size: int, with_aid: bool,
) -> tuple[Decimal, Decimal, Reason, str | None]:
    """(monthly, annual, reason, to-verify note) before any cap at the aid received; ``size`` is 1, 2 or 3+."""
    months = p.derived(period_months)
    rsa_household = p["rsa.coefficients_foyer"]
    key = min(size, max(rsa_household))
    rsa = p["rsa.montant_base"] * rsa_household[key]
    aid_ref, free_ref = ref(p, "css.forfait_logement_aide"), ref(p, "css.forfait_logement_sans_aide")
    if status is HousingStatus.HOMELESS:
        text = "Pas de forfait logement : vous n'avez pas de logement stable."
        return ZERO, ZERO, reason("css.housing_flat_amount", text, aid_ref), None
    if with_aid:
        monthly = cents(rsa * p["css.forfait_logement_aide"][key])
        annual = cents(monthly * months)
        text = (f"{_housing_intro(p, size, True)}, soit {format_eur(monthly)} par mois, {format_eur(annual)} sur "
                f"{months} mois. L'aide au logement elle-même n'est pas comptée.")
        return monthly, annual, reason("css.housing_flat_amount", text, aid_ref), None
    if status in (HousingStatus.OWNER, HousingStatus.HOSTED_FREE):
        monthly = cents(rsa * p["css.forfait_logement_sans_aide"][key])
        annual = cents(monthly * months)
        case = "propriétaire sans aide au logement" if status is HousingStatus.OWNER else "hébergé(e) gratuitement"
        text = (f"{_housing_intro(p, size, False, case)}, soit {format_eur(monthly)} par mois, "
                f"{format_eur(annual)} sur {months} mois.")
        note = p.entry("css.forfait_logement_sans_aide").to_verify
        return monthly, annual, reason("css.housing_flat_amount", text, free_ref), note
    case = "locataire sans aide au logement" if status is HousingStatus.TENANT else "en établissement sans aide au logement"
    text = f"Pas de forfait logement : vous êtes {case}."
    return ZERO, ZERO, reason("css.housing_flat_amount", text, free_ref), None
