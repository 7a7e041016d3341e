"""Complete journeys through the questionnaire for five households, checking what the results page says.

The request date is fixed at 22 November 2026 (reference period: October 2025 to September 2026). Expected
figures come from the legal reference (shared/reference/legal-rules.md), not from the engine:

* ceilings from 1 April 2026: 10 421 € (free) and 14 068 € (with participation) for one person; household
  coefficients 1 / 1.5 / 1.8 / 2.1; overseas × 1.113; each household ceiling rounded to the euro;
* RSA base amount from 1 April 2026: 651.69 € per month (× 1.5 for 2 persons, × 1.8 for 3 or more), the
  housing flat amount being 12 % / 16 % / 16.5 % of it per month for housing-aid recipients, 12 % for one
  owner without aid, never more than the aid itself;
* participation by age on 1 January 2026: under 30 8 €, 30-49 14 €, 70 and over 30 €;
* daily hospital charge 23 € (2026), emergency flat fee 23 €.
"""

from __future__ import annotations

from datetime import date

import pytest

from eligibility.questionnaire.views import QuestionnaireWizard

from .test_questionnaire_helpers import Journey, care_data, household_data, text_of

REQUEST_DATE = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def run(client, answers):
    journey = Journey(client)
    journey.start()
    visited = journey.run(answers)
    response = journey.results()
    assert response.status_code == 200
    return visited, text_of(response), response


def persona(steps: dict) -> dict:
    """A persona's answers: the steps given; for the others, no complementary, no planned care, no difficulty."""
    return {"complementaire": {"complementary": "none"}, "soins": care_data([]), "difficultes": {}, "verification": {},
            **steps}


def single_on_rsa():
    return persona({
        "residence": {"place": "75"},
        "foyer": household_data([{"role": "applicant", "birth_date": "14/03/1990", "activity": "unemployed"}]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["rsa"]},
        "montants": {"p1__rsa__still": "yes"},
    })


def test_single_adult_on_rsa_gets_the_free_css(client, db):
    visited, text, _ = run(client, single_on_rsa())
    # No care planned and nobody self-employed: the health and self-employed steps are not asked.
    assert "sante" not in visited and "independant" not in visited
    assert "Complémentaire santé solidaire sans participation financière" in text
    assert "Vous ne payez rien" in text
    assert "Plafond pour la CSS sans participation 10 421 €" in text
    # The RSA is ticked (never its amount: the CSS does not count it) and still paid today: it gives the free CSS.
    assert "Vous recevez le RSA : la Complémentaire santé solidaire est sans participation" in text
    assert "Total de vos ressources retenues : 0 € sur 12 mois" in text


def couple_with_two_children():
    return persona({
        "residence": {"place": "Seine-Saint-Denis"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "02/06/1984", "activity": "employee", "label": "Karim"},
            {"role": "partner", "birth_date": "15/03/1990", "activity": "inactive"},
            {"role": "child", "birth_date": "10/05/2016"},
            {"role": "child", "birth_date": "20/08/2019"},
        ]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["salary", "family_benefit", "housing_aid"], "p2__kinds": []},
        "montants": {
            "p1__salary__how": "all", "p1__salary__monthly": "1 500",
            "p1__family_benefit__how": "all", "p1__family_benefit__monthly": "150",
            "p1__housing_aid__monthly": "300 €",
        },
    })


def test_couple_with_two_children_and_housing_aid_pays_a_participation(client, db):
    _, text, _ = run(client, couple_with_two_children())
    # 4 persons: 10 421 × 2.1 = 21 884.1 → 21 884 €; 14 068 × 2.1 = 29 542.8 → 29 543 €.
    # Resources: 18 000 + 1 800 + housing flat amount 12 × (651.69 × 1.8 × 16.5 %) = 12 × 193.55 = 2 322.60.
    assert "Complémentaire santé solidaire avec participation financière" in text
    assert "Plafond pour la CSS sans participation 21 884 €" in text
    assert "Plafond pour la CSS avec participation 29 543 €" in text
    assert "Total des ressources retenues 22 122,60 €" in text
    assert "Forfait logement — 2 322,60 €" in text
    # 14 + 14 + 8 + 8 = 44 € per month; margin 29 543 − 22 122.60.
    assert "Votre participation : 44 € par mois pour tout le foyer" in text
    assert "Marge sous le plafond : 7 420,40 € sur 12 mois" in text
    assert "Karim" in text
    assert "ressources comptées du 1er octobre 2025 au 30 septembre 2026" in text


def retired_on_aspa():
    return persona({
        "residence": {"place": "33000"},
        "foyer": household_data([{"role": "applicant", "birth_date": "01/02/1950", "activity": "retired"}]),
        "logement": {"status": "owner"},
        "ressources": {"p1__kinds": ["pension", "aspa"]},
        "montants": {"p1__pension__how": "total", "p1__pension__total": "3 600",
                     "p1__aspa__how": "total", "p1__aspa__total": "8 400"},
        "complementaire": {"complementary": "private"},
        "difficultes": {"difficulties": ["complementary_premium_too_high"]},
    })


def test_retired_person_on_aspa(client, db):
    _, text, _ = run(client, retired_on_aspa())
    # 3 600 + 8 400 − 12 × 71 (ASPA flat deduction, single) + 12 × 78.20 (owner: 12 % of 651.69)
    # = 12 086.40 €: above 10 421 €, under 14 068 €.
    assert "Total des ressources retenues 12 086,40 €" in text
    assert "Complémentaire santé solidaire avec participation financière" in text
    # 76 years old on 1 January 2026: 30 € per month.
    assert "Votre participation : 30 € par mois pour tout le foyer" in text
    assert "Plafond pour la CSS avec participation 14 068 €" in text


def self_employed_in_difficulty():
    return persona({
        "residence": {"place": "13"},
        "foyer": household_data([{"role": "applicant", "birth_date": "21/07/1978", "activity": "self_employed"}]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["self_employment"]},
        "montants": {"p1__self_employment__annual": "9 000"},
        "soins": care_data([{"kind": "hospitalisation", "member": "p1", "days": "5"}]),
        "sante": {},
        "difficultes": {"difficulties": ["care_costs_not_covered"]},
        "independant": {"self_employed_difficulties": [
            "self_employed_financial_hardship", "self_employed_contributions_unpaid",
        ]},
    })


def test_self_employed_person_in_difficulty_with_a_planned_stay(client, db):
    visited, text, _ = run(client, self_employed_in_difficulty())
    assert "sante" in visited and "independant" in visited
    # The tax-notice income is annual: not multiplied by 12.
    assert "Total des ressources retenues 9 000 €" in text
    assert "Complémentaire santé solidaire sans participation financière" in text
    assert "Marge sous le plafond : 1 421 € sur 12 mois" in text
    # 5 days × 23 € of daily hospital charge, due today (no complementary), paid by the CSS.
    assert "Hospitalisation de Vous : 5 jours" in text
    assert "Forfait journalier : 115 € (23 € par jour)" in text
    assert "Reste à payer estimé" in text
    assert "Total 115 € 0 €" in text
    assert "dispositif Help" in text and "Urssaf" in text


def family_in_guadeloupe():
    return persona({
        "residence": {"place": "Guadeloupe"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "05/01/1988", "activity": "employee"},
            {"role": "partner", "birth_date": "12/12/1989", "activity": "unemployed_compensated"},
            {"role": "child", "birth_date": "03/03/2020"},
        ]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["salary"], "p2__kinds": ["unemployment_benefit"]},
        "montants": {"p1__salary__how": "total", "p1__salary__total": "14 400",
                     "p2__unemployment_benefit__how": "total", "p2__unemployment_benefit__total": "4 800"},
        "soins": care_data([{"kind": "emergency_visit", "member": "c1"}]),
        "sante": {},
    })


def test_family_in_guadeloupe(client, db):
    _, text, _ = run(client, family_in_guadeloupe())
    # 3 persons overseas: 10 421 × 1.113 × 1.8 = 20 877.4 → 20 877 €; 14 068 × 1.113 × 1.8 = 28 183.8 → 28 184 €.
    assert "Plafond pour la CSS sans participation 20 877 €" in text
    assert "Plafond pour la CSS avec participation 28 184 €" in text
    # 14 400 + 4 800 = 19 200 €: the partner's unemployment benefit is not earned income; no flat amount.
    assert "Total des ressources retenues 19 200 €" in text
    assert "Complémentaire santé solidaire sans participation financière" in text
    assert "Passage aux urgences de Enfant 1" in text
    assert "Forfait patient urgences : 23 €" in text
