"""The rarer exemptions in the questionnaire (issue 14): organ donation, terrorism, a minor victim of sexual
violence, a work accident with an incapacity of two thirds or more. One checkbox group for the whole health
page, closed by default, offered only when care is planned, and read by the rules.

Request date 22 November 2026: forfait journalier 23 € a day, emergency fee 23 € (reduced 9.96 €).
"""

from __future__ import annotations

from datetime import date

import pytest

from eligibility.questionnaire.views import QuestionnaireWizard

from .test_questionnaire_helpers import Journey, care_data, count_questions, household_data, text_of

REQUEST_DATE = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def parent_and_child(rare: list[str]):
    return {
        "residence": {"place": "75"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "14/03/1985", "activity": "employee", "label": "Nadia", "sex": "f"},
            {"role": "child", "birth_date": "02/05/2014", "label": "Yanis", "activity": "student"},
        ]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["salary"]},
        "montants": {"p1__salary__how": "all", "p1__salary__monthly": "2 400"},
        "complementaire": {"complementary": "none"},
        "soins": care_data([
            {"kind": "hospitalisation", "member": "p1", "days": "4"},
            {"kind": "emergency_visit", "member": "p1"},
            {"kind": "emergency_visit", "member": "c1"},
        ]),
        "sante": {"rare": rare},
        "difficultes": {},
        "verification": {},
    }


def run(client, answers):
    journey = Journey(client)
    journey.start()
    visited = journey.run(answers)
    health_page = client.get(journey.url("sante")).content.decode()
    response = journey.results()
    assert response.status_code == 200
    return visited, health_page, " ".join(text_of(response).split())


def test_without_a_rare_situation_every_charge_is_due(client, db):
    visited, page, text = run(client, parent_and_child([]))
    assert "sante" in visited
    # The group is on the page, closed, and counts as one question whatever the household.
    assert '<details class="more rare">' in page and "Une situation plus rare ?" in page
    assert "Enfant 1 (Yanis) : soins d&#x27;un mineur victime de violences sexuelles" in page
    assert "(Nadia) : soins d&#x27;un mineur" not in page  # only a child can be a minor victim
    assert "Forfait journalier : 92 € (23 € par jour)." in text
    assert text.count("Forfait patient urgences : 23 € .") == 2


def test_terrorism_victim_and_minor_victim_of_sexual_violence(client, db):
    _visited, _page, text = run(client, parent_and_child(["p1:terrorism_victim", "c1:sexual_violence_minor"]))
    # 4 days at 23 €, not due: victim of terrorism (L169-1 ff.); both emergency fees not due.
    assert "Forfait journalier : 0 € (23 € par jour) — pas à payer" in text
    assert "Forfait patient urgences : 23 € ." not in text
    assert text.count("Forfait patient urgences : 0 € — pas à payer") == 2
    assert "Victime d'un acte de terrorisme" in text
    assert "Mineur victime de violences sexuelles" in text


def test_work_accident_of_two_thirds_or_more(client, db):
    _visited, _page, text = run(client, parent_and_child(["p1:work_accident_two_thirds"]))
    # A work accident: no daily charge; an incapacity of two thirds or more: no emergency fee either.
    assert "Forfait journalier : 0 € (23 € par jour) — pas à payer" in text
    assert "incapacité permanente de deux tiers ou plus" in text
    assert text.count("Forfait patient urgences : 0 € — pas à payer") == 1
    assert "Passage aux urgences de Enfant 1 (Yanis) Forfait patient urgences : 23 € ." in text


def test_organ_donor_open_on_return_and_one_question(client, db):
    journey = Journey(client)
    journey.start()
    answers = parent_and_child(["p1:organ_donor"])
    journey.run(answers)
    page = client.get(journey.url("sante")).content.decode()
    # Coming back, the group is open with the answer ticked; seven choices (three for the parent, four for the
    # child), one question.
    assert '<details class="more rare" open>' in page
    rare_inputs = page.count('name="sante-rare"')
    assert rare_inputs == 7
    without = count_questions(page.replace('name="sante-rare"', 'name="other-rare"'), "sante")
    assert count_questions(page, "sante") == without + 1
    text = " ".join(text_of(journey.results()).split())
    assert "Donneur ou donneuse d'organes" in text


def test_an_unknown_choice_is_refused_next_to_the_field(client, db):
    journey = Journey(client)
    journey.start()
    answers = parent_and_child([])
    for step in ("residence", "foyer", "logement", "ressources", "montants", "complementaire", "soins"):
        journey.post(step, answers[step])
    response = journey.post("sante", {"rare": ["p9:organ_donor"]})
    page = response.content.decode()
    assert response.status_code == 200
    # The French message sits next to the group, which opens to show it.
    assert '<details class="more rare" open>' in page and 'id="id_sante-rare_error"' in page

