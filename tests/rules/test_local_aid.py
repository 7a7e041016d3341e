"""The département and CCAS optional health aid: whom to ask where no terms are known, the terms where they are."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from eligibility.rules.aids import AIDS
from eligibility.rules.engine import simulate
from eligibility.rules.enums import AidAssessment, LocalContactKind
from eligibility.rules.parameters import DatedValue, ParameterSet, Reference, default_parameters
from tests.rules.helpers import ADULT, make

DENTAL = {"kind": "dental_prosthesis", "member": "p1", "quote": 1200.0, "basket": "other"}
SALARY = {"member": "p1", "type": "salary", "amount": 9000.0}


def with_terms(department: str, terms: dict) -> ParameterSet:
    """The project's parameters plus the terms of one département, as a test fixture (fictional aid)."""
    parameters = default_parameters()
    changed = ParameterSet(dict(parameters.parameters))
    original = parameters["aides_locales.conditions_departements"]
    fixture = DatedValue(
        date(2024, 1, 1), {department: terms},
        (Reference("Délibération fictive du conseil départemental (données de test)", "https://example.org/test"),),
    )
    changed.parameters[original.name] = replace(
        original, values=(*original.values, fixture), _starts=(*original._starts, fixture.start))
    return changed


def test_the_aid_is_in_the_registry_after_the_cpam_aid():
    keys = [aid.key for aid in AIDS]
    assert keys == ["css", "reste_a_charge", "cpam_aid", "help_independants", "local_health_aid", "care_guidance"]


def test_unknown_terms_send_the_household_to_its_ccas_and_its_departement():
    result = simulate(make(DENTAL, resources=[SALARY], department="93"))
    aid = result.local_health_aid
    assert aid.relevant and not aid.terms_known and aid.assessment is None
    assert [c.kind for c in aid.contacts] == [LocalContactKind.CCAS, LocalContactKind.DEPARTEMENT]
    assert "(93)" in aid.contacts[1].organism
    assert [r.code for r in aid.reasons] == ["local_aid.ask_locally"]
    assert "le département 93" in aid.reasons[0].text
    assert aid.reasons[0].article.startswith("Code de l'action sociale et des familles")
    document = result.as_dict()
    assert document["local_health_aid"]["contacts"][0]["kind"] == "ccas"
    assert list(document).index("local_health_aid") == list(document).index("help_independants") + 1
    item = result.checklist.item("local_aid_request")
    assert "CCAS" in item.organism and "conseil départemental" in item.organism
    assert item.appeal is None


def test_nothing_left_to_pay_and_no_difficulty_asks_nothing():
    result = simulate(make(resources=[SALARY]))
    assert not result.local_health_aid.relevant
    assert result.local_health_aid.contacts == ()
    assert "local_aid_request" not in result.checklist.keys


def test_a_premium_too_high_is_enough_to_ask():
    result = simulate(make(resources=[SALARY], difficulties=["complementary_premium_too_high"]))
    assert result.local_health_aid.relevant
    assert "local_aid_request" in result.checklist.keys


def test_known_terms_with_a_ceiling_scaled_like_the_css_ceiling():
    terms = {"nom": "Aide fictive", "organisme": "Conseil départemental (test)", "contact": "Maison des solidarités",
             "plafond_annuel_une_personne": D("12000")}
    parameters = with_terms("01", terms)
    couple = [ADULT, {"id": "p2", "role": "partner", "birth_date": "1985-01-01"}]
    result = simulate(make(DENTAL, members=couple, department="01", resources=[SALARY]), parameters)
    aid = result.local_health_aid
    assert aid.terms_known and aid.contacts[0].organism == "Conseil départemental (test)"
    assert result.css.coefficient == D("1.5")
    assert aid.ceiling == D("18000")          # 12 000 € × 1.5, rounded to the euro
    assert aid.assessment is AidAssessment.LIKELY
    assert [r.code for r in aid.reasons] == ["local_aid.terms", "local_aid.ceiling"]
    assert any("autrement" in note for note in aid.to_verify)
    assert set(aid.to_verify) <= set(result.to_verify)

    rich = simulate(make(DENTAL, department="01", resources=[{**SALARY, "amount": 30000.0}]), parameters)
    assert rich.local_health_aid.assessment is AidAssessment.UNLIKELY


def test_known_terms_of_one_departement_say_nothing_of_another():
    parameters = with_terms("01", {"nom": "Aide fictive", "organisme": "Conseil départemental (test)",
                                   "contact": "Maison des solidarités"})
    elsewhere = simulate(make(DENTAL, department="02", resources=[SALARY]), parameters)
    assert not elsewhere.local_health_aid.terms_known
    without_ceiling = simulate(make(DENTAL, department="01", resources=[SALARY]), parameters).local_health_aid
    assert without_ceiling.assessment is AidAssessment.POSSIBLE and without_ceiling.ceiling is None
