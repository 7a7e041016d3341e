"""Journey through the questionnaire with a crown and two hearing aids (issue 14): both columns are filled from
the official tariffs, not "up to the whole quote".

Figures: crown base 120 € at 60 % (72 €); a ceramic-metal crown on a molar is free price, the CSS paying the base
(so at most 1 200 − 120 = 1 080 € left); hearing aids for an adult: base 400 € per ear at 60 % (2 × 240 € = 480 €),
class II free price, the CSS covering up to 800 € per ear Sécurité sociale included (3 000 − 1 600 = 1 400 € left).
"""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

import pytest

from eligibility.questionnaire.steps import care as care_step
from eligibility.questionnaire.steps.base import Translation
from eligibility.questionnaire.views import QuestionnaireWizard

from .test_questionnaire_helpers import Journey, care_data, count_questions, household_data, text_of

REQUEST_DATE = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def answers(care, pension="9 000", complementary="none"):
    """A retired applicant in Seine-Saint-Denis with ``pension`` a year, ``complementary`` today and ``care``."""
    return {
        "residence": {"place": "93"},
        "foyer": household_data([{"role": "applicant", "birth_date": "02/06/1960", "activity": "retired"}]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["pension"]},
        "montants": {"p1__pension__how": "total", "p1__pension__total": pension},
        "complementaire": {"complementary": complementary},
        "soins": care_data(care),
        "sante": {},
        "difficultes": {},
        "verification": {},
    }


def simulate(client, care):
    journey = Journey(client)
    journey.start()
    journey.run(answers(care))
    response = journey.results()
    assert response.status_code == 200
    return journey, text_of(response)


def test_crown_and_two_hearing_aids_priced_with_and_without_the_css(client, db):
    journey, text = simulate(client, [
        {"kind": "dental_prosthesis", "member": "p1", "act": "crown", "tooth": "molar", "material": "ceramic_metal",
         "quote": "1 200", "basket": "other"},
        {"kind": "hearing_aids", "member": "p1", "ears": "2", "quote": "3 000", "basket": "other"},
    ])
    assert "Couronne à tarif libre" in text
    assert "2 aides auditives à tarif libre (classe II)" in text
    # Without complementary: quote − Sécurité sociale share.
    assert "1 128 €" in text and "2 520 €" in text
    # With the CSS: the crown's base is paid, the rest stays (not the whole quote any more); class II hearing aids
    # are covered up to 800 € per ear, Sécurité sociale included (arrêté of 27 December 2018): 3 000 − 1 600 €.
    assert "1 080 €" in text and "1 400 €" in text
    assert "2 480 €" in text  # 1 080 + 1 400
    assert "3 648 €" in text  # 1 128 + 2 520


def test_no_quote_yet_gives_the_100_sante_figure_and_the_advice(client, db):
    _, text = simulate(client, [{"kind": "hearing_aids", "member": "p1", "ears": "2"}])
    assert "2 aides auditives 100 % Santé (classe I)" in text and "sans devis" in text
    # The 100 % Santé figure (2 × 950 €), the usual range is for class II only, and what to ask for.
    assert "En « 100 % Santé » : 1 900 € au plus" in text
    assert "classe I" in text and "essai de 30 jours" in text
    # Priced on the 100 % Santé figure: without complementary 1 900 − 2 × 240 = 1 420 €, nothing with the CSS.
    assert "1 420 €" in text


def test_a_hospital_stay_with_dates_is_asked_and_priced_day_by_day(client, db):
    _, text = simulate(client, [{"kind": "hospitalisation", "member": "p1", "admission_date": "30/11/2026",
                                 "discharge_date": "03/12/2026"}])
    assert "4 jours" in text and "92 €" in text  # 4 × 23 €


def until_care(client):
    journey = Journey(client)
    journey.start()
    data = answers([])
    for step in ("residence", "foyer", "logement", "ressources", "montants", "complementaire"):
        journey.post(step, data[step])
    return journey


@pytest.mark.parametrize("item,field,message", [
    ({"admission_date": "30/11/2026"}, "discharge_date", "Indiquez aussi cette date"),
    ({"admission_date": "30/11/2026", "discharge_date": "28/11/2026"}, "discharge_date", "doit suivre"),
    ({}, "days", "ou les dates du séjour"),
])
def test_stay_dates_errors_are_shown_next_to_the_field(client, db, item, field, message):
    journey = until_care(client)
    response = journey.post("soins", care_data([{"kind": "hospitalisation", "member": "p1", **item}]))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'id="id_soins-0-{field}_error"' in page or f"soins-0-{field}" in page


def test_resin_is_only_for_a_denture(client, db):
    journey = until_care(client)
    response = journey.post("soins", care_data([
        {"kind": "dental_prosthesis", "member": "p1", "act": "crown", "material": "resin"}]))
    assert response.status_code == 200
    assert "La résine ne concerne que les dentiers" in response.content.decode()


def test_care_step_offers_items_without_a_quote(client, db):
    journey = until_care(client)
    page = client.get(journey.url("soins")).content.decode()
    assert "Ajouter des aides auditives (avec ou sans devis)" in page
    assert "Ajouter une prothèse dentaire (avec ou sans devis)" in page
    # A hearing aid without quote nor offer is a valid answer: the wizard moves on (to the health step).
    response = journey.post("soins", care_data([{"kind": "hearing_aids", "member": "p1", "ears": "1"}]))
    assert response.status_code == 302 and journey.next_step(response) == "sante"


def test_above_the_ceilings_paying_the_rest_and_choosing_a_complementary_are_shown(client, db):
    data = answers([{"kind": "hospitalisation", "member": "p1", "days": "3", "single_room_daily": "50"}],
                   pension="40 000")
    journey = Journey(client)
    journey.start()
    journey.run(data)
    text = text_of(journey.results())
    for words in ("Payer en plusieurs fois", "Choisir une complémentaire santé", "payer la cotisation"):
        assert words in text


def test_ame_holder_chosen_in_the_questionnaire(client, db):
    data = answers([{"kind": "hospitalisation", "member": "p1", "days": "4"}])
    data["complementaire"] = {"complementary": "ame"}
    journey = Journey(client)
    journey.start()
    journey.run(data)
    text = text_of(journey.results())
    assert "aide médicale de l'État" in text
    # Daily charge paid by the AME; the CSS is not open to AME holders, so no request to file.
    assert "Avec l'aide médicale de l'État, le forfait journalier est pris en charge" in text
    assert "réservée aux personnes qui résident en France de façon stable et régulière" in text


def test_person_without_health_insurance_is_told_what_exists(client, db):
    data = answers([{"kind": "emergency_visit", "member": "p1"}])
    data["complementaire"] = {"complementary": "none", "base_cover": "none"}
    journey = Journey(client)
    journey.start()
    journey.run(data)
    text = text_of(journey.results())
    for words in ("Aide médicale de l'État (AME)", "Soins urgents", "Permanence d'accès aux soins de santé (PASS)",
                  "Protection universelle maladie"):
        assert words in text


def test_european_visitor_brings_the_ceam(client, db):
    data = answers([{"kind": "hospitalisation", "member": "p1", "days": "3"}])
    data["complementaire"] = {"complementary": "none", "base_cover": "eu_ceam"}
    journey = Journey(client)
    journey.start()
    journey.run(data)
    text = text_of(journey.results())
    assert "Carte européenne d'assurance maladie (CEAM)" in text
    assert "elle ne s'applique pas pendant un séjour temporaire" in text


def bridge(**answers):
    return {"kind": "dental_prosthesis", "member": "p1", "act": "bridge", "material": "ceramic_metal",
            "quote": "1 500", **answers}


def test_a_bridge_replacing_a_canine_is_not_priced_at_the_incisor_limit(client, db):
    # Bridge base 279,50 € at 60 % = 167,70 €. Replacing an incisor: 100 % Santé, capped at 1 465 €
    # (1 465 − 167,70 = 1 297,30 € without complementary); replacing a canine: free price, 1 500 − 167,70.
    _, incisor = simulate(client, [bridge(tooth="front", bridge_incisor="yes")])
    assert "1 297,30 €" in incisor and "1 332,30 €" not in incisor
    _, canine = simulate(client, [bridge(tooth="front", bridge_incisor="no")])
    assert "1 332,30 €" in canine and "1 297,30 €" not in canine
    assert "ne remplace pas une incisive" in canine
    # Not told apart: counted as an incisor, as before the question existed.
    _, unknown = simulate(client, [bridge(tooth="front")])
    assert "1 297,30 €" in unknown


def care_page_questions(client, item):
    journey = until_care(client)
    journey.post("soins", care_data([item]), action="prev")
    return count_questions(client.get(journey.url("soins")).content.decode(), "soins")


def test_the_incisor_question_is_asked_only_for_a_bridge_of_a_front_tooth(client, db):
    # member, act, tooth, material, quote, basket: 6 questions; the incisor question opens on a front bridge only.
    assert care_page_questions(client, bridge(tooth="front")) == 7
    assert care_page_questions(client, bridge(tooth="molar")) == 6
    assert care_page_questions(client, {**bridge(tooth="front"), "act": "crown"}) == 6


@pytest.mark.parametrize("act,tooth,answer,sent", [
    ("bridge", "front", "yes", "incisor"),
    ("bridge", "front", "no", "canine_or_first_premolar"),
    ("bridge", "front", "", "front"),
    ("bridge", "molar", "no", "molar"),
    ("crown", "front", "no", "front"),
])
def test_the_incisor_answer_refines_the_tooth_of_a_front_bridge_only(act, tooth, answer, sent):
    answers = SimpleNamespace(planned_care=[{"kind": "dental_prosthesis", "member": "p1", "act": act, "tooth": tooth,
                                             "bridge_incisor": answer, "material": "ceramic_metal"}])
    t = Translation({}, ids={"p1": "vous"})
    care_step.to_situation(answers, t)
    assert t.situation["planned_care"][0]["tooth"] == sent


def test_class_a_glasses_without_a_quote_are_not_estimated_today_and_free_with_the_css(client, db):
    journey = Journey(client)
    journey.start()
    journey.run(answers([{"kind": "glasses", "member": "p1", "basket": "100_sante"}]))
    html = journey.results().content.decode()
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Lunettes 100 % Santé(?:(?!</tr>).)*</tr>", html, re.S).group(0)
    today, with_css = re.findall(r'<td class="num" data-label="[^"]*">(.*?)</td>', row, re.S)
    # Nothing is known of the lenses' price: the cell says so, never "environ 0 €".
    assert today.startswith("non estimé") and "environ" not in today
    # Inside the 100 % Santé basket the CSS pays everything, whatever the price: exactly nothing to pay.
    assert with_css.startswith("0\u00a0€") and "rien à payer avec la CSS" in with_css



def test_a_care_not_priced_makes_the_total_a_floor_said_on_the_first_screen_and_in_the_checks(client, db):
    journey = Journey(client)
    journey.start()
    journey.run(answers([
        {"kind": "hearing_aids", "member": "p1", "ears": "2", "quote": "3 000", "basket": "other"},
        {"kind": "glasses", "member": "p1", "basket": "other"},
    ]))
    response = journey.results()
    html, text = response.content.decode(), text_of(response)
    # Today: 3 000 − 480 € for the hearing aids, the glasses not priced: at least 2 520 €; with the CSS the class B
    # glasses are not priced either: at least 1 400 €.
    first_screen = re.search(r'<section class="answer".*?</section>', html, re.S).group(0)
    assert re.search(r"au moins 2\s520\s€", first_screen) and re.search(r"au moins 1\s400\s€", first_screen)
    assert "Des soins sans devis ne sont pas comptés" in first_screen
    total = re.search(r"<table class=\"stack oop\">.*?<tfoot>(.*?)</tfoot>", html, re.S).group(1)
    assert re.search(r"au moins 2\s520\s€", total) and re.search(r"au moins 1\s400\s€", total)
    assert "pas encore chiffré ; demandez un devis, ce soin n'est pas compté dans le total" in text
    # With every care priced, no floor and no such sentence.
    journey = Journey(client)
    journey.start()
    journey.run(answers([{"kind": "hearing_aids", "member": "p1", "ears": "2", "quote": "3 000", "basket": "other"}]))
    priced = journey.results().content.decode()
    assert "au moins" not in priced and "Des soins sans devis ne sont pas comptés" not in priced
