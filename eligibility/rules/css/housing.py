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
from ..wording import Eur, Phrase, say
from .common import CACHED, ZERO, percent, persons, reason, ref
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
            "css.housing_flat_amount", ref(p, "css.forfait_logement_aide"),
            say("css.housing_flat_amount.capped", intro=_housing_intro(p, min(size, 3), True), monthly=Eur(monthly),
                aid=Eur(aid), annual=Eur(annual), months=months),
        )
    reasons.append(explained)
    if note:
        to_verify.append(note)
    return annual


def _housing_intro(p: ParametersOn, size: int, with_aid: bool, case: Phrase | None = None) -> Phrase:
    rsa_household = p["rsa.coefficients_foyer"]
    key = min(size, max(rsa_household))
    rate = p["css.forfait_logement_aide" if with_aid else "css.forfait_logement_sans_aide"][key]
    people = persons(size) if size < 3 else say("count.persons_or_more", n=3)
    rsa = Eur(cents(p["rsa.montant_base"] * rsa_household[key]))
    if with_aid:
        return say("css.housing.intro_aid", rate=percent(rate), people=people, rsa=rsa)
    return say("css.housing.intro_no_aid", case=case, rate=percent(rate), people=people, rsa=rsa)


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
    code = "css.housing_flat_amount"
    if status is HousingStatus.HOMELESS:
        return ZERO, ZERO, reason(code, aid_ref, say("css.housing_flat_amount.homeless")), None
    if with_aid:
        monthly = cents(rsa * p["css.forfait_logement_aide"][key])
        annual = cents(monthly * months)
        text = say("css.housing_flat_amount.aid", intro=_housing_intro(p, size, True), monthly=Eur(monthly),
                   annual=Eur(annual), months=months)
        return monthly, annual, reason(code, aid_ref, text), None
    if status in (HousingStatus.OWNER, HousingStatus.HOSTED_FREE):
        monthly = cents(rsa * p["css.forfait_logement_sans_aide"][key])
        annual = cents(monthly * months)
        case = say("css.housing.owner" if status is HousingStatus.OWNER else "css.housing.hosted_free")
        text = say("css.housing_flat_amount.no_aid", intro=_housing_intro(p, size, False, case),
                   monthly=Eur(monthly), annual=Eur(annual), months=months)
        note = p.entry("css.forfait_logement_sans_aide").to_verify
        return monthly, annual, reason(code, free_ref, text), note
    case = say("css.housing.tenant" if status is HousingStatus.TENANT else "css.housing.institution")
    return ZERO, ZERO, reason(code, free_ref, say("css.housing_flat_amount.none", case=case)), None
