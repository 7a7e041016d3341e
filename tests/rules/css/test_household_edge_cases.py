"""Which household a CSS request is for (R861-2) and the individual applications (service-public.fr, F10027).

Worked examples, request of 22 November 2025 unless said (ceilings from 1 April 2025, published tables: one
person 10 339 € free / 13 957 € with participation; two persons 15 508 € / 20 936 €). Reference period: October
2024 to September 2025.

* R861-2: the household is the applicant, the partner and the dependants under 25 on the request date, i.e.
  1° those on the household's tax return, 2° the couple's children under its roof filing their own return,
  3° its adult children receiving an alimony the parents deduct (not set by a judge).
* An under-25 may ask alone when not living with the parents, not on their return and without deductible alimony
  (official CSS site, "demandeurs de moins de 25 ans"); the other individual applications are those of F10027.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from eligibility.rules.engine import simulate
from eligibility.rules.enums import CssStatus
from eligibility.rules.situation import InvalidSituation, parse_situation

TODAY = date(2026, 11, 22)
REQUEST = "2025-11-22"


def person(member_id="p1", role="applicant", birth="1980-05-01", activity="inactive", **extra):
    return {"id": member_id, "role": role, "birth_date": birth, "activity": activity, **extra}


def situation(*members, resources=(), request_date=REQUEST, **extra):
    return parse_situation({
        "request_date": request_date,
        "residence": {"territory": "metropole"},
        "housing": {"status": "tenant"},
        "members": list(members),
        "resources": [{"member": m, "type": t, "amount": a} for m, t, a in resources],
        **extra,
    }, today=TODAY)


def css(*members, **kwargs):
    return simulate(situation(*members, **kwargs)).css


def basis(result):
    return result.household_basis.as_dict()


def codes(result):
    return [r.code for r in result.reasons]


# --------------------------------------------------------------------------- a young applicant (18–24)

# 20 years old on 22 November 2025.
TWENTY = "2005-06-10"


def test_a_20_year_old_on_his_parents_tax_return_living_alone_belongs_to_their_household():
    result = css(person(birth=TWENTY, activity="student", tax_attached=True, lives_with_parents=False,
                        receives_deductible_alimony=False), resources=[("p1", "salary", 3000)])
    b = basis(result)
    assert b["kind"] == "parents"
    assert b["code"] == "css.household_basis.parents"
    assert b["article"] == "Code de la sécurité sociale, art. R861-2"
    assert "Vous avez 20 ans et vous êtes sur la déclaration de revenus de vos parents" in b["text"]
    # Living alone, he may still ask alone by committing to file his own return next year.
    assert "vous engager par écrit à faire votre propre déclaration de revenus dès l'an prochain" in b["text"]
    assert "calculés pour vous seul(e)" in b["text"]
    # The reason comes first, and the figures are those of a request made alone.
    assert codes(result)[0] == "css.household_basis.parents"
    assert result.household_size == 1
    assert result.status is CssStatus.FREE


def test_living_with_the_parents_rules_out_a_request_alone():
    result = css(person(birth=TWENTY, tax_attached=False, lives_with_parents=True, receives_deductible_alimony=False))
    b = basis(result)
    assert b["kind"] == "parents"
    assert "vous vivez chez vos parents" in b["text"]
    assert "Tant que vous vivez chez eux, vous ne pouvez pas demander seul(e)." in b["text"]


def test_a_deductible_alimony_ties_the_young_adult_to_the_parents_unless_it_stopped():
    result = css(person(birth=TWENTY, tax_attached=False, lives_with_parents=False, receives_deductible_alimony=True))
    b = basis(result)
    assert b["kind"] == "parents"
    assert "pension alimentaire qu'ils déduisent de leurs impôts" in b["text"]
    assert "attester sur l'honneur que cette pension ne vous est plus versée" in b["text"]


def test_an_independent_young_adult_forms_his_own_household():
    result = css(person(birth="2003-02-01", tax_attached=False, lives_with_parents=False,
                        receives_deductible_alimony=False))
    assert basis(result)["kind"] == "own"
    assert basis(result)["code"] == "css.household_basis.young_adult_independent"
    assert "Vous avez 22 ans" in basis(result)["text"]


def test_a_young_adult_who_says_nothing_is_assumed_independent_and_told_so():
    result = css(person(birth="2003-02-01"))
    assert basis(result)["kind"] == "own"
    assert basis(result)["code"] == "css.household_basis.young_adult_assumed"
    assert "la caisse le vérifiera" in basis(result)["text"]


def test_25_on_the_request_date_is_no_longer_a_young_adult():
    # Born 22 November 2000: 25 years old on 22 November 2025, the ordinary household.
    result = css(person(birth="2000-11-22", tax_attached=True, lives_with_parents=True))
    assert basis(result)["kind"] == "own"
    assert basis(result)["code"] == "css.household"
    assert not any(c.startswith("css.household_basis") for c in codes(result))
    # One day younger: still in the parents' household.
    younger = css(person(birth="2000-11-23", tax_attached=True, lives_with_parents=True))
    assert basis(younger)["kind"] == "parents"


def test_a_young_adult_on_the_rsa_is_not_held_to_the_under_25s_conditions():
    # The official CSS site: the RSA's young recipients ask like their elders, even living at their parents'.
    result = css(person(birth=TWENTY, lives_with_parents=True, tax_attached=True), current_benefits=["rsa"])
    assert basis(result)["kind"] == "own"
    assert basis(result)["code"] == "css.household_basis.rsa"
    assert "Vous recevez le RSA : les conditions des moins de 25 ans ne s'appliquent pas à vous" in basis(result)["text"]
    assert result.status is CssStatus.FREE


def test_a_minor_without_an_individual_case_belongs_to_the_parents_household():
    result = css(person(birth="2009-01-01"))
    assert basis(result)["kind"] == "parents"
    assert basis(result)["code"] == "css.household_basis.minor"
    assert "Vous avez 16 ans" in basis(result)["text"]


def test_a_young_couple_forms_its_own_household():
    result = css(person(birth="2003-01-01", tax_attached=True), person("p2", "partner", "2004-01-01"))
    assert basis(result)["kind"] == "own"
    assert basis(result)["code"] == "css.household_basis.young_couple"
    assert result.household_size == 2


def test_a_young_parent_forms_his_own_household_even_at_his_parents():
    result = css(person(birth=TWENTY, lives_with_parents=True, tax_attached=True),
                 person("c1", "child", "2024-05-01"))
    assert basis(result)["kind"] == "individual"
    assert basis(result)["code"] == "css.individual.young_parent"
    assert result.household_size == 2
    # Expecting a child is enough.
    expecting = css(person(birth=TWENTY, lives_with_parents=True),
                    health=[{"member": "p1", "pregnancy_due_date": "2026-03-01"}])
    assert basis(expecting)["code"] == "css.individual.young_parent"


# --------------------------------------------------------------------------- the individual applications (F10027)


def test_a_19_year_old_student_with_the_fnau_aid_asks_alone_even_on_the_parents_return():
    result = css(person(birth="2006-09-01", activity="student", tax_attached=True, lives_with_parents=False),
                 individual_application="fnau_student")
    b = basis(result)
    assert b["kind"] == "individual"
    assert b["code"] == "css.individual.fnau_student"
    assert b["href"] == "https://www.service-public.fr/particuliers/vosdroits/F10027"
    assert "aide annuelle d'urgence du Crous (FNAU)" in b["text"]
    assert result.household_size == 1


def test_a_child_in_the_care_of_the_ase_asks_through_the_service():
    minor = css(person(birth="2012-04-01"), individual_application="ase_pjj")
    assert basis(minor)["code"] == "css.individual.ase_pjj"
    assert "par le service qui s'occupe de vous" in basis(minor)["text"]
    assert basis(minor)["article"].startswith("Code de l'action sociale et des familles, art. L222-5")
    # A young adult still in the ASE's care (under 21): the case holds, flagged for professionals.
    young_adult = css(person(birth="2005-01-01"), individual_application="ase_pjj")
    assert basis(young_adult)["code"] == "css.individual.ase_pjj"
    assert any("jeunes majeurs" in note for note in young_adult.to_verify)
    # At 21 the ASE's care has ended: the ordinary rules of an under-25 apply.
    older = css(person(birth="2004-01-01", lives_with_parents=True), individual_application="ase_pjj")
    assert basis(older)["code"] == "css.household_basis.parents"


def test_a_minor_of_16_or_more_without_family_contact_asks_alone():
    result = css(person(birth="2008-10-01"), individual_application="no_family_contact")
    assert basis(result)["kind"] == "individual"
    assert basis(result)["code"] == "css.individual.no_family_contact"
    assert result.to_verify  # the case comes from service-public, the circular is not read
    # Under 16 the case does not apply: the minor stays in the parents' household.
    under = css(person(birth="2010-01-01"), individual_application="no_family_contact")
    assert basis(under)["code"] == "css.household_basis.minor"


def test_a_separated_spouse_asks_alone_without_the_spouse_resources():
    result = css(person(birth="1985-01-01"), person("c1", "child", "2015-01-01"),
                 resources=[("p1", "salary", 14000)], individual_application="separated_spouse")
    assert basis(result)["code"] == "css.individual.separated_spouse"
    assert result.household_size == 2
    # Two persons in 2025: 15 508 € free ceiling, 14 000 € of resources.
    assert result.ceiling_free == Decimal("15508")
    assert result.status is CssStatus.FREE


def test_an_individual_application_cannot_list_a_partner():
    with pytest.raises(InvalidSituation) as error:
        situation(person(), person("p2", "partner", "1982-01-01"), individual_application="separated_spouse")
    assert [e.path for e in error.value.errors] == ["individual_application"]
    with pytest.raises(InvalidSituation) as error:
        situation(person(), individual_application="orphan")
    assert "Valeurs possibles" in error.value.errors[0].message
    with pytest.raises(InvalidSituation) as error:
        situation(person(tax_attached="yes"))
    assert error.value.errors[0].path == "members[0].tax_attached"


# --------------------------------------------------------------------------- dependants of 18 to 24 (R861-2 1° to 3°)

MOTHER = person(birth="1975-03-01")


def test_an_independent_22_year_old_child_is_not_counted_nor_are_his_resources():
    # A mother alone (9 000 €) and her son of 22 who neither lives with her, nor is on her return, nor receives a
    # deductible alimony: a household of one (10 339 €), not two (15 508 €); his 9 000 € of salary are not counted.
    child = person("c1", "child", "2003-01-01", tax_attached=False, lives_with_parents=False,
                   receives_deductible_alimony=False)
    result = css(MOTHER, child, resources=[("p1", "salary", 9000), ("c1", "salary", 9000)])
    assert result.household_size == 1
    assert result.ceiling_free == Decimal("10339")
    assert result.resources == Decimal("9000")
    independent = next(r for r in result.reasons if r.code == "css.household_independent")
    assert "Votre enfant « c1 » (22 ans) ne fait pas partie du foyer" in independent.text
    assert independent.article == "Code de la sécurité sociale, art. R861-2"
    assert result.status is CssStatus.FREE


@pytest.mark.parametrize("ties, counted", [
    ({}, True),  # nothing said: counted, as in contract version 1
    ({"tax_attached": True, "lives_with_parents": False}, True),  # 1°
    ({"tax_attached": False, "lives_with_parents": True}, True),  # 2°: under the roof, own return
    ({"tax_attached": False, "lives_with_parents": False, "receives_deductible_alimony": True}, True),  # 3°
    ({"tax_attached": False, "lives_with_parents": False, "receives_deductible_alimony": False}, False),
])
def test_an_adult_child_counts_through_any_of_the_three_ties(ties, counted):
    result = css(MOTHER, person("c1", "child", "2003-01-01", **ties))
    assert result.household_size == (2 if counted else 1)


def test_only_an_adult_child_counts_through_a_deductible_alimony():
    # 3° concerns adult children: a minor living elsewhere, not on the return, is not a dependant.
    result = css(MOTHER, person("c1", "child", "2009-01-01", tax_attached=False, lives_with_parents=False,
                                receives_deductible_alimony=True))
    assert result.household_size == 1


def test_another_dependant_counts_only_through_the_tax_return():
    # 2° and 3° concern the couple's children; another person (a nephew) counts only when on the return (1°).
    nephew = person("n1", "other_dependent", "2004-01-01", tax_attached=False, lives_with_parents=True)
    assert css(MOTHER, nephew).household_size == 1
    assert css(MOTHER, {**nephew, "tax_attached": True}).household_size == 2


def test_the_basis_is_in_the_contract_result():
    result = simulate(situation(person(birth=TWENTY, tax_attached=True))).as_dict()
    assert result["css"]["household_basis"]["kind"] == "parents"
    assert result["css"]["household_basis"]["code"] == "css.household_basis.parents"
    ordinary = simulate(situation(MOTHER)).as_dict()
    assert ordinary["css"]["household_basis"]["code"] == "css.household"
    assert ordinary["css"]["household_basis"]["kind"] == "own"


def test_the_checklist_sends_a_young_adult_of_the_parents_household_to_their_request():
    result = simulate(situation(person(birth=TWENTY, lives_with_parents=True)))
    item = result.checklist.item("css_request")
    assert str(item.procedure) == "Demander la Complémentaire santé solidaire avec vos parents"
    assert str(item.documents[0]) == "Dernier avis d'imposition de vos parents"
    # Even when his own resources are over the ceiling: his parents' household decides, not his alone.
    over = simulate(situation(person(birth=TWENTY, lives_with_parents=True), resources=[("p1", "salary", 30000)]))
    assert over.css.status is CssStatus.NOT_ELIGIBLE
    assert str(over.checklist.item("css_request").procedure).endswith("avec vos parents")
    # An independent young adult asks in his own name.
    alone = simulate(situation(person(birth=TWENTY, tax_attached=False, lives_with_parents=False,
                                      receives_deductible_alimony=False)))
    assert str(alone.checklist.item("css_request").procedure).startswith(
        "Demander la Complémentaire santé solidaire (")
