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
separated spouses. A young couple (an applicant under 25 with a partner) forms its own household, and so does a
young adult paid the RSA (the official site: the RSA's young recipients are not held to the under-25s' conditions).

``household_basis`` says which of these applies; when the person belongs to the parents' household, the figures
computed for the person alone only hold if he or she becomes independent, and the result says so first. The same
three ties decide whether an 18–24 year old listed as a dependant is counted (``is_dependant``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..contract import Contract, contract, entry, text
from ..enums import Benefit, IndividualApplication, Role
from ..parameters import ParametersOn
from ..reasons import Reason
from ..situation import Member, Situation
from ..wording import Joined, Phrase, say
from .common import ARTICLE_HOUSEHOLD, SOURCE_INDIVIDUAL, SOURCE_UNDER_25, reason, ref

#: ``kind`` of a household basis.
OWN = "own"                  # the applicant's own household (R861-2)
INDIVIDUAL = "individual"    # an individual application (service-public F10027)
PARENTS = "parents"          # the applicant belongs to his or her parents' household


@contract(
    entry("kind", description="own (le foyer du demandeur), individual (demande à titre individuel) ou parents (la "
          "personne fait partie du foyer de ses parents : les montants sont ceux d'une demande seule)"),
    entry("code", "reason.code", description="Code de la raison (css.household, css.household_basis.*, css.individual.*)"),
    text("text", "reason.wording", type=Phrase), text("article", "reason.article"), text("href", "reason.href"),
    schema="HouseholdBasisOut",
)
@dataclass(frozen=True, slots=True)
class HouseholdBasis(Contract):
    kind: str
    reason: Reason
    to_verify: str | None = None  # for professionals: the weak source of the case, when there is one


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
        return HouseholdBasis(OWN, reason("css.household_basis.young_couple", ARTICLE_HOUSEHOLD, limit=limit))
    if Benefit.RSA in situation.current_benefits and age >= int(p["css.age_majorite"]):
        # The official CSS site: the RSA's young recipients are not held to the under-25s' conditions.
        return HouseholdBasis(OWN, reason("css.household_basis.rsa", SOURCE_UNDER_25, limit=limit))
    if _is_parent(situation, applicant):
        return _individual(IndividualApplication.YOUNG_PARENT, applicant, age, p)
    if age < int(p["css.age_majorite"]):
        return HouseholdBasis(PARENTS, reason(
            "css.household_basis.minor", ref(p, "css.age_majorite"),
            age=age, sixteen=int(p["css.age_demande_individuelle_sans_famille"]),
        ))
    ties = _ties(applicant)
    if ties:
        if applicant.lives_with_parents:
            alone = say("css.household_basis.parents.at_home")
        else:
            commitments = []
            if applicant.tax_attached:
                commitments.append(say("css.household_basis.commit.tax"))
            if applicant.receives_deductible_alimony:
                commitments.append(say("css.household_basis.commit.alimony"))
            alone = say("css.household_basis.parents.commit", commitments=_and(commitments))
        return HouseholdBasis(PARENTS, reason(
            "css.household_basis.parents", ARTICLE_HOUSEHOLD, age=age, ties=_and(ties), alone=alone))
    if None in (applicant.tax_attached, applicant.lives_with_parents, applicant.receives_deductible_alimony):
        return HouseholdBasis(OWN, reason("css.household_basis.young_adult_assumed", SOURCE_UNDER_25, age=age))
    return HouseholdBasis(OWN, reason("css.household_basis.young_adult_independent", SOURCE_UNDER_25, age=age))


def _individual(case: IndividualApplication, applicant: Member, age: int, p: ParametersOn) -> HouseholdBasis | None:
    """The individual application ``case`` when the applicant fits it (``None`` otherwise: the usual rules)."""
    if case is IndividualApplication.ASE_PJJ:
        if age >= int(p["css.age_limite_jeune_majeur_ase"]):
            return None
        minor = age < int(p["css.age_majorite"])
        return HouseholdBasis(
            INDIVIDUAL,
            reason("css.individual.ase_pjj", ref(p, "css.age_limite_jeune_majeur_ase"),
                   say("css.individual.ase_pjj.minor" if minor else "css.individual.ase_pjj")),
            None if minor else p.entry("css.age_limite_jeune_majeur_ase").to_verify,
        )
    if case is IndividualApplication.NO_FAMILY_CONTACT:
        if age < int(p["css.age_demande_individuelle_sans_famille"]):
            return None
        return HouseholdBasis(
            INDIVIDUAL,
            reason("css.individual.no_family_contact", ref(p, "css.age_demande_individuelle_sans_famille")),
            p.entry("css.age_demande_individuelle_sans_famille").to_verify,
        )
    if case is IndividualApplication.FNAU_STUDENT:
        return HouseholdBasis(INDIVIDUAL, reason("css.individual.fnau_student", SOURCE_INDIVIDUAL))
    if case is IndividualApplication.YOUNG_PARENT:
        limit = int(p["css.age_limite_personne_a_charge"])
        if age >= limit:
            return None
        return HouseholdBasis(INDIVIDUAL, reason("css.individual.young_parent", SOURCE_INDIVIDUAL, limit=limit))
    return HouseholdBasis(INDIVIDUAL, reason("css.individual.separated_spouse", SOURCE_INDIVIDUAL))


def _is_parent(situation: Situation, applicant: Member) -> bool:
    if any(m.role is Role.CHILD for m in situation.members):
        return True
    health = situation.health_of(applicant.id)
    return health is not None and health.pregnancy_due_date is not None


def _ties(applicant: Member) -> list[Phrase]:
    """What ties the applicant to the parents' household (the first one names the parents)."""
    ties = []
    if applicant.lives_with_parents:
        ties.append(say("css.household_basis.tie.lives"))
    if applicant.tax_attached:
        ties.append(say("css.household_basis.tie.tax" if ties else "css.household_basis.tie.tax_first"))
    if applicant.receives_deductible_alimony:
        ties.append(say("css.household_basis.tie.alimony" if ties else "css.household_basis.tie.alimony_first"))
    return ties


def _and(parts: list[Phrase]) -> Phrase | Joined:
    """``a``, ``a et b``, ``a, b et c``."""
    if len(parts) == 1:
        return parts[0]
    return say("css.household_basis.and", first=Joined(tuple(parts[:-1])), last=parts[-1])
