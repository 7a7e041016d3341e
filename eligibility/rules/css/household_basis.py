"""Which household the CSS request is made for, and why (Code de la sécurité sociale, R861-2).

One request covers one household: the applicant, the spouse, PACS partner or cohabitant, and the persons under 25
(on the request date) who are dependants. A young person therefore belongs to his or her parents' household when:

* he or she is a minor (a minor is on the parents' tax return);
* 1° he or she is on the parents' last income-tax return (rattachement fiscal);
* 2° he or she is their child, lives under their roof and files his or her own return;
* 3° he or she is their adult child and receives an alimony they deduct from their income, not set by a judge.

An under-25 may ask on his or her own when none of these holds (the official CSS site: not living with the
parents, not on their last return or committing in writing to file his or her own, no deductible alimony or a
sworn statement that it has stopped). Service-public.fr (fiche F10027) lists the other individual applications:
minors and young adults in the care of the ASE or followed by the PJJ, minors of 16 or more without family contact,
isolated students paid the Crous's yearly emergency aid (FNAU), young parents (a child, or expecting one) and
separated spouses. A young couple (an applicant under 25 with a partner) forms its own household.

``household_basis`` says which of these applies; when the person belongs to the parents' household, the figures
computed for the person alone only hold if he or she becomes independent, and the result says so first. The same
three ties decide whether an 18–24 year old listed as a dependant is counted (``is_dependant``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..enums import IndividualApplication, Role
from ..parameters import ParametersOn
from ..reasons import Reason
from ..situation import Member, Situation
from .common import ARTICLE_HOUSEHOLD, SOURCE_INDIVIDUAL, SOURCE_UNDER_25, ref

#: ``kind`` of a household basis.
OWN = "own"                  # the applicant's own household (R861-2)
INDIVIDUAL = "individual"    # an individual application (service-public F10027)
PARENTS = "parents"          # the applicant belongs to his or her parents' household


@dataclass(frozen=True, slots=True)
class HouseholdBasis:
    kind: str
    reason: Reason
    to_verify: str | None = None  # for professionals: the weak source of the case, when there is one

    def as_dict(self) -> dict:
        r = self.reason
        return {"kind": self.kind, "code": r.code, "text": r.text, "article": r.article, "href": r.href}


def is_dependant(m: Member, age: int, p: ParametersOn) -> bool:
    """Whether a person under 25 listed as a dependant is one (R861-2 1° to 3°); a tie not said is assumed.

    Another dependant (not a child) counts only through the tax return (1°).
    """
    if m.tax_attached is not False:
        return True
    if m.role is Role.OTHER_DEPENDENT:
        return False
    if m.lives_with_parents is not False:
        return True
    return bool(m.receives_deductible_alimony) and age >= int(p["css.age_majorite"])


def household_basis(situation: Situation, p: ParametersOn) -> HouseholdBasis | None:
    """The basis of the request when it is not the ordinary household of an adult of 25 or more (else ``None``)."""
    when = situation.request_date
    applicant = situation.applicant
    age = applicant.age_on(when)
    case = situation.individual_application
    if case is not None:
        basis = _individual(case, applicant, age, p)
        if basis is not None:
            return basis
    limit = int(p["css.age_limite_personne_a_charge"])
    if age >= limit:
        return None
    if situation.partner is not None:
        return HouseholdBasis(OWN, Reason(
            "css.household_basis.young_couple",
            "Vous avez moins de 25 ans et vivez en couple : vous formez votre propre foyer avec votre conjoint ou "
            "partenaire, et la demande se fait pour ce foyer.",
            *ARTICLE_HOUSEHOLD,
        ))
    if _is_parent(situation, applicant):
        return _individual(IndividualApplication.YOUNG_PARENT, applicant, age, p)
    majority = int(p["css.age_majorite"])
    if age < majority:
        return HouseholdBasis(PARENTS, Reason(
            "css.household_basis.minor",
            f"Vous avez {age} ans : un mineur fait partie du foyer de ses parents, qui font la demande pour tout "
            "le foyer. Seuls certains mineurs peuvent demander seuls (confiés à l'aide sociale à l'enfance, suivis "
            "par la protection judiciaire de la jeunesse, ou de 16 ans et plus sans contact avec leur famille). "
            "Les montants ci-dessous sont calculés pour vous seul(e).",
            *ref(p, "css.age_majorite"),
        ))
    ties = _ties(applicant)
    if ties:
        text = (f"Vous avez {age} ans et {_join(ties)} : vous faites partie du foyer de vos parents pour la "
                "Complémentaire santé solidaire. La demande se fait par vos parents, avec leurs ressources.")
        if applicant.lives_with_parents:
            text += " Tant que vous vivez chez eux, vous ne pouvez pas demander seul(e)."
        else:
            commitments = []
            if applicant.tax_attached:
                commitments.append("vous engager par écrit à faire votre propre déclaration de revenus dès l'an "
                                   "prochain")
            if applicant.receives_deductible_alimony:
                commitments.append("attester sur l'honneur que cette pension ne vous est plus versée")
            text += f" Vous pouvez demander seul(e) si vous acceptez de {_join(commitments)}."
        text += " Les montants ci-dessous sont calculés pour vous seul(e)."
        return HouseholdBasis(PARENTS, Reason("css.household_basis.parents", text, *ARTICLE_HOUSEHOLD))
    if None in (applicant.tax_attached, applicant.lives_with_parents, applicant.receives_deductible_alimony):
        return HouseholdBasis(OWN, Reason(
            "css.household_basis.young_adult_assumed",
            f"Vous avez {age} ans : vous pouvez demander seul(e) si vous ne vivez pas chez vos parents, n'êtes pas "
            "sur leur déclaration de revenus et ne recevez pas de pension alimentaire qu'ils déduisent de leurs "
            "impôts. Nous l'avons supposé ; la caisse le vérifiera.",
            *SOURCE_UNDER_25,
        ))
    return HouseholdBasis(OWN, Reason(
        "css.household_basis.young_adult_independent",
        f"Vous avez {age} ans, vous ne vivez pas chez vos parents, vous n'êtes pas sur leur déclaration de revenus "
        "et ne recevez pas de pension qu'ils déduisent de leurs impôts : vous formez votre propre foyer et pouvez "
        "demander seul(e).",
        *SOURCE_UNDER_25,
    ))


def _individual(case: IndividualApplication, applicant: Member, age: int, p: ParametersOn) -> HouseholdBasis | None:
    """The individual application ``case`` when the applicant fits it (``None`` otherwise: the usual rules)."""
    if case is IndividualApplication.ASE_PJJ:
        if age >= int(p["css.age_limite_jeune_majeur_ase"]):
            return None
        minor = age < int(p["css.age_majorite"])
        return HouseholdBasis(INDIVIDUAL, Reason(
            "css.individual.ase_pjj",
            "Vous êtes confié(e) à l'aide sociale à l'enfance (ASE) ou suivi(e) par la protection judiciaire de la "
            "jeunesse (PJJ) : la demande est faite pour vous seul(e), sans les ressources de vos parents"
            + (", par le service qui s'occupe de vous." if minor else "."),
            *ref(p, "css.age_limite_jeune_majeur_ase"),
        ), None if minor else p.entry("css.age_limite_jeune_majeur_ase").to_verify)
    if case is IndividualApplication.NO_FAMILY_CONTACT:
        if age < int(p["css.age_demande_individuelle_sans_famille"]):
            return None
        return HouseholdBasis(INDIVIDUAL, Reason(
            "css.individual.no_family_contact",
            "Vous n'avez plus de contact avec votre famille : vous pouvez demander seul(e), sans les ressources de "
            "vos parents.",
            *ref(p, "css.age_demande_individuelle_sans_famille"),
        ), p.entry("css.age_demande_individuelle_sans_famille").to_verify)
    if case is IndividualApplication.FNAU_STUDENT:
        return HouseholdBasis(INDIVIDUAL, Reason(
            "css.individual.fnau_student",
            "Vous êtes étudiant(e) isolé(e) et recevez l'aide annuelle d'urgence du Crous (FNAU) : vous pouvez "
            "demander seul(e), sans les ressources de vos parents, même si vous êtes sur leur déclaration de "
            "revenus.",
            *SOURCE_INDIVIDUAL,
        ))
    if case is IndividualApplication.YOUNG_PARENT:
        if age >= int(p["css.age_limite_personne_a_charge"]):
            return None
        return HouseholdBasis(INDIVIDUAL, Reason(
            "css.individual.young_parent",
            "Vous avez moins de 25 ans et vous êtes parent ou attendez un enfant : vous formez votre propre foyer, "
            "même si vous vivez chez vos parents. La demande se fait pour vous et vos enfants.",
            *SOURCE_INDIVIDUAL,
        ))
    return HouseholdBasis(INDIVIDUAL, Reason(
        "css.individual.separated_spouse",
        "Vous êtes séparé(e) de votre conjoint : vous pouvez demander seul(e), sans ses ressources, même si vous "
        "êtes encore marié(e) ou sur la même déclaration de revenus.",
        *SOURCE_INDIVIDUAL,
    ))


def _is_parent(situation: Situation, applicant: Member) -> bool:
    if any(m.role is Role.CHILD for m in situation.members):
        return True
    health = situation.health_of(applicant.id)
    return health is not None and health.pregnancy_due_date is not None


def _ties(applicant: Member) -> list[str]:
    """What ties the applicant to the parents' household, in plain words."""
    ties = []
    if applicant.lives_with_parents:
        ties.append("vous vivez chez vos parents")
    if applicant.tax_attached:
        ties.append("vous êtes sur leur déclaration de revenus" if ties else
                    "vous êtes sur la déclaration de revenus de vos parents")
    if applicant.receives_deductible_alimony:
        ties.append("vous recevez une pension alimentaire qu'ils déduisent de leurs impôts" if ties else
                    "vous recevez de vos parents une pension alimentaire qu'ils déduisent de leurs impôts")
    return ties


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]
