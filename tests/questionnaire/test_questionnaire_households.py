"""The four households of issue 13 through the test client: what each answers, what the results say, and how
many pages and questions each is offered (kept here so that a change that adds questions shows).

A question is one field a person is asked to fill or choose; a radio or checkbox group counts once; a
section that opens on an answer counts once opened (``Journey.measure``). Before the resources were asked
kind first (issue 13), the same households were offered: single mother of two 9 pages / 129 questions;
self-employed man overseas with a partner and a teenager 9 / 117; retired couple on the minimum old-age
pension 8 / 79; student living alone 8 / 44.

Request date 22 November 2026: reference period October 2025 to September 2026; ceilings from 1 April 2026
10 421 € (free) and 14 068 € (with participation) for one person; RSA base 651.69 € per month.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from eligibility.questionnaire.views import QuestionnaireWizard

from .test_questionnaire_helpers import Journey, care_data, household_data, text_of

REQUEST_DATE = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def every_month(uid: str, rtype: str, monthly: str) -> dict:
    return {f"{uid}__{rtype}__how": "all", f"{uid}__{rtype}__monthly": monthly}


def single_mother_of_two():
    return {
        "residence": {"place": "93200"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "12/04/1991", "activity": "employee", "label": "Awa", "sex": "f"},
            {"role": "child", "birth_date": "03/09/2016", "label": "Léa", "activity": "student"},
            {"role": "child", "birth_date": "21/01/2020", "label": "Sami", "activity": "student"},
        ]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["salary", "family_benefit", "housing_aid"]},
        "montants": {
            **every_month("p1", "salary", "1 300"), **every_month("p1", "family_benefit", "150"),
            "p1__housing_aid__monthly": "250",
        },
        "complementaire": {"complementary": "none"},
        "soins": care_data([
            {"kind": "dental_prosthesis", "member": "p1", "quote": "1100", "basket": "100_sante"},
            {"kind": "glasses", "member": "c1", "quote": "300", "basket": "other"},
        ]),
        "sante": {},
        "difficultes": {},
        "verification": {},
    }


def self_employed_overseas():
    return {
        "residence": {"place": "97400"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "21/07/1978", "activity": "self_employed", "sex": "m"},
            {"role": "partner", "birth_date": "02/02/1982", "activity": "inactive", "sex": "f"},
            {"role": "child", "birth_date": "10/05/2010", "activity": "student"},
        ]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["self_employment", "family_benefit"], "p2__kinds": [], "c1__kinds": []},
        "montants": {"p1__self_employment__annual": "9 000", **every_month("p1", "family_benefit", "110")},
        "complementaire": {"complementary": "none"},
        "soins": care_data([]),
        "difficultes": {},
        "independant": {"self_employed_difficulties": ["self_employed_financial_hardship"]},
        "verification": {},
    }


def retired_couple_on_aspa():
    return {
        "residence": {"place": "Gironde"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "01/02/1950", "activity": "retired", "sex": "m"},
            {"role": "partner", "birth_date": "05/06/1952", "activity": "retired", "sex": "f"},
        ]),
        "logement": {"status": "owner"},
        "ressources": {"p1__kinds": ["pension", "aspa"], "p2__kinds": ["pension", "aspa"]},
        "montants": {
            **every_month("p1", "pension", "400"), **every_month("p1", "aspa", "500"),
            **every_month("p2", "pension", "300"), **every_month("p2", "aspa", "550"),
        },
        "complementaire": {"complementary": "none"},
        "soins": care_data([]),
        "difficultes": {},
        "verification": {},
    }


def student_living_alone():
    return {
        "residence": {"place": "69007"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "10/05/2004", "activity": "student", "sex": "f"},
        ]),
        # 22 years old, living alone on her own tax return: her own household (R861-2).
        "jeunes": {"p1__situation": "none", "p1__lives_with_parents": "no", "p1__tax_attached": "no",
                   "p1__receives_deductible_alimony": "no"},
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["salary", "scholarship_social", "housing_aid"]},
        "montants": {
            "p1__salary__how": "part", "p1__salary__monthly": "400", "p1__salary__from": "01/2026",
            "p1__salary__until": "08/2026", "p1__housing_aid__monthly": "200",
        },
        "complementaire": {"complementary": "none"},
        "soins": care_data([]),
        "difficultes": {},
        "verification": {},
    }


def young_adult_on_parents_return():
    """A 20-year-old who works a little, lives alone and is still on his parents' tax return."""
    return {
        "residence": {"place": "59000"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "14/03/2006", "activity": "employee", "sex": "m"},
        ]),
        "jeunes": {"p1__situation": "none", "p1__lives_with_parents": "no", "p1__tax_attached": "yes"},
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["salary"]},
        "montants": every_month("p1", "salary", "600"),
        "complementaire": {"complementary": "none"},
        "soins": care_data([]),
        "difficultes": {},
        "verification": {},
    }


def student_with_fnau_aid():
    """A 19-year-old student, on his parents' tax return, who receives the Crous's yearly emergency aid (FNAU)."""
    return {
        "residence": {"place": "Rhône"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "02/09/2007", "activity": "student", "sex": "m"},
        ]),
        "jeunes": {"p1__situation": "fnau_student"},
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["scholarship_social"]},
        "complementaire": {"complementary": "none"},
        "soins": care_data([]),
        "difficultes": {},
        "verification": {},
    }


def run(client, answers):
    journey = Journey(client)
    journey.start()
    counts = journey.measure(answers)
    response = journey.results()
    assert response.status_code == 200
    return counts, text_of(response)


#: Pages and questions offered to each household (update only with a reason: they are the issue's measure).
#: Each count includes the basic health cover question of the complementary page (issue 14: patients from
#: outside), one question for every household; a household with planned care also gets the rarer situations
#: (organ donation, terrorism, minor victim of sexual violence, work accident of two thirds or more: issue 14),
#: one checkbox group for the whole health page, closed by default.
OFFERED = {
    "single_mother_of_two": (10, 40),
    "self_employed_overseas": (10, 24),
    "retired_couple_on_aspa": (9, 23),
    "student_living_alone": (10, 19),
    "young_adult_on_parents_return": (10, 15),
    "student_with_fnau_aid": (9, 11),
}
#: The issue's goals.
GOALS = {"single_mother_of_two": (12, 40), "student_living_alone": (None, 25)}


@pytest.mark.parametrize("persona", list(OFFERED))
def test_pages_and_questions_offered(client, db, persona):
    counts, _text = run(client, globals()[persona]())
    pages, questions = len(counts), sum(counts.values())
    assert (pages, questions) == OFFERED[persona], counts
    max_pages, max_questions = GOALS.get(persona, (None, None))
    assert max_pages is None or pages <= max_pages
    assert max_questions is None or questions <= max_questions


def test_single_mother_of_two(client, db):
    counts, text = run(client, single_mother_of_two())
    # Children under 16 are not asked about income; the housing aid is asked once, per month.
    assert counts["ressources"] == 1
    # 3 persons, single parent: 10 421 × 1.8 = 18 757.8 → 18 758 €; 14 068 × 1.8 = 25 322.4 → 25 322 €.
    # 12 × 1 300 + 12 × 150 + housing flat amount 12 × (651.69 × 1.8 × 16.5 % = 193.55) = 19 722.60 €.
    assert "Vos ressources retenues 19 722,60 €" in text
    assert "Plafond pour la CSS sans participation 18 758 €" in text
    assert "Complémentaire santé solidaire avec participation financière" in text
    # 14 € (34 on 1 January 2026) + 8 € + 8 €.
    assert "Votre participation : 30 € par mois pour tout le foyer" in text
    assert "Vous (Awa)" in text and "Enfant 1 (Léa)" in text


def test_self_employed_man_overseas(client, db):
    counts, text = run(client, self_employed_overseas())
    # A department from a postal code; the teenager (16) gets the young person's list.
    assert counts["ressources"] == 3
    # 3 persons in La Réunion: 10 421 × 1.8 × 1.113 = 20 877.4 → 20 877 €.
    assert "Plafond pour la CSS sans participation 20 877 €" in text
    # The tax notice's income is yearly (not × 12); family benefits 12 × 110.
    assert "Vos ressources retenues 10 320 €" in text
    assert "Complémentaire santé solidaire sans participation financière" in text
    assert "dispositif Help" in text


def test_retired_couple_on_aspa(client, db):
    counts, text = run(client, retired_couple_on_aspa())
    # The ASPA is ticked once, with the resources: no second page asks about current benefits.
    assert "allocations" not in counts and "complementaire" in counts
    # 4 800 + 6 000 − 660 + 3 600 + 6 600 − 660 (couple flat deduction 110 € × 12, shared)
    # + owner's flat amount 12 × (651.69 × 1.5 × 14 % = 136.85) = 1 642.20 → 21 322.20 €.
    assert "Vos ressources retenues 21 322,20 €" in text
    # Above the with-participation ceiling (15 632 × 1.35 → 21 102 €), but the ASPA and no work in the three
    # months before the request (none ticked in the 12 months) make them presumed eligible (R861-11).
    assert "Complémentaire santé solidaire avec participation financière" in text
    assert "Votre participation : 60 € par mois pour tout le foyer" in text
    # No work income ticked for either: known, not left for the caisse to check (August to October 2026).
    assert "personne dans le foyer n'a travaillé depuis le 1er août 2026" in text


def test_a_job_stopped_less_than_three_months_before_rules_out_the_presumption(client, db):
    answers = retired_couple_on_aspa()
    answers["foyer"] = household_data([
        {"role": "applicant", "birth_date": "01/02/1950", "activity": "retired", "sex": "m"},
        {"role": "partner", "birth_date": "05/06/1960", "activity": "inactive", "sex": "f"},
    ])
    answers["ressources"]["p2__kinds"] = ["pension", "aspa", "salary"]
    answers["montants"].update({"p2__salary__how": "part", "p2__salary__monthly": "300", "p2__salary__until": "09/2026"})
    _counts, text = run(client, answers)
    # She worked until 30 September 2026: August, September, October 2026 were not all without work.
    assert "a travaillé jusqu'au 30 septembre 2026" in text
    assert "Complémentaire santé solidaire avec participation financière" not in text


def test_student_living_alone(client, db):
    counts, text = run(client, student_living_alone())
    # A job from January to August 2026: 8 months × 400 € inside the reference period (October 2025 to
    # September 2026). The scholarship on social criteria is ticked but not counted, so no amount is asked.
    assert "Salaires et traitements 3 200 € 3 200 € comptée" in text
    assert "Bourse" not in " ".join(counts)
    # Housing aid, one person: 12 × (651.69 × 12 % = 78.20) = 938.40 €.
    assert "Vos ressources retenues 4 138,40 €" in text
    assert "Complémentaire santé solidaire sans participation financière" in text



def test_young_adult_on_his_parents_tax_return(client, db):
    counts, text = run(client, young_adult_on_parents_return())
    # Living alone, on the return: asked where he lives and about the return, not about an alimony.
    assert counts["jeunes"] == 3
    # He belongs to his parents' household (R861-2 1°): said first, with what he may do to ask alone.
    assert "D'abord : votre demande se fait normalement avec vos parents, pour tout leur foyer." in text
    assert "Vous avez 20 ans et vous êtes sur la déclaration de revenus de vos parents" in text
    assert "vous engager par écrit à faire votre propre déclaration de revenus dès l'an prochain" in text
    assert "(Code de la sécurité sociale, art. R861-2)" in text
    # His own figures, for a request alone: 12 × 600 = 7 200 €, under 10 421 €.
    assert "Vos ressources retenues 7 200 €" in text
    # The first step is his parents' request, with their tax notice.
    assert "Demander la Complémentaire santé solidaire avec vos parents" in text
    assert "Dernier avis d'imposition de vos parents" in text


def test_the_dossier_says_which_household_and_why(client, db):
    journey = Journey(client)
    journey.start()
    journey.measure(young_adult_on_parents_return())
    results = journey.results().content.decode()
    dossier_url = re.search(r'href="([^"]+)">Voir le dossier en page web', results).group(1)
    dossier = text_of(client.get(dossier_url))
    assert "D'abord : votre demande se fait normalement avec vos parents, pour tout leur foyer." in dossier
    assert "vous faites partie du foyer de vos parents pour la Complémentaire santé solidaire" in dossier
    assert "(Code de la sécurité sociale, art. R861-2)" in dossier


def test_student_with_the_fnau_aid(client, db):
    counts, text = run(client, student_with_fnau_aid())
    # One question: the FNAU aid settles it, nothing about the parents is asked.
    assert counts["jeunes"] == 1
    assert "D'abord" not in text
    assert "aide annuelle d'urgence du Crous (FNAU) : vous pouvez demander seul(e)" in text
    assert "Service-public.fr, fiche F10027, demande à titre individuel" in text
    assert "Complémentaire santé solidaire sans participation financière" in text
