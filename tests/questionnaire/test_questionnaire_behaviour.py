"""How the questionnaire behaves: separate cases, navigation, conditions, errors, save and resume, access."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eligibility.models import Case
from eligibility.questionnaire.journey import JOURNEY, SCHEMA_VERSION
from eligibility.questionnaire.views import QuestionnaireWizard
from tests.dossiers.test_hostile_input import every_step_answers

from .test_questionnaire_helpers import Journey, care_data, household_data, text_of
from .test_questionnaire_journeys import couple_with_two_children, self_employed_in_difficulty, single_on_rsa

REQUEST_DATE = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


@pytest.fixture
def journey(client, db):
    j = Journey(client)
    j.start()
    return j


def answer_until(journey, answers, last):
    for step in [s.name for s in JOURNEY]:
        if step not in answers:
            continue
        response = journey.post(step, answers[step])
        assert response.status_code == 302, step
        if step == last:
            return response
    raise AssertionError(last)


# --------------------------------------------------------------------------- journey declared as data


def test_steps_are_declared_once_with_unique_names_and_titles():
    names = [s.name for s in JOURNEY]
    assert len(names) == len(set(names))
    assert names[0] == "residence" and names[-1] == "verification"
    assert all(s.title and s.form_class for s in JOURNEY)


def test_progress_lists_every_part_up_front_and_never_changes(journey, client):
    page = text_of(client.get(journey.url("residence")))
    assert "Partie 1 sur 8 : Lieu de vie" in page
    # The parts are all listed from the first page; the pages that may be skipped say when they are asked.
    for part in ("Foyer", "Logement", "Ressources", "Complémentaire santé", "Soins", "Difficultés", "Vérification"):
        assert part in page, part
    assert "Votre santé : seulement si des soins sont prévus" in page
    answer_until(journey, self_employed_in_difficulty(), "montants")
    # A self-employed person and planned care add pages, never parts: the count stays the same.
    page = text_of(client.get(journey.url("montants")))
    assert "Partie 4 sur 8 : Ressources" in page
    page = text_of(client.get(journey.url("complementaire")))
    assert "Partie 5 sur 8 : Complémentaire santé" in page
    # A page skipped is said to be: no self-employment change, no care, then the health page is "passée".
    answer_until(journey, single_on_rsa(), "soins")
    page = text_of(client.get(journey.url("difficultes")))
    assert "Partie 7 sur 8 : Difficultés" in page and "Votre santé : passée" in page


# --------------------------------------------------------------------------- separate cases


def test_two_tabs_with_two_cases_never_share_answers(client, db):
    first, second = Journey(client), Journey(client)
    first.start()
    second.start()
    assert first.case_id != second.case_id
    first.post("residence", {"place": "93"})
    second.post("residence", {"place": "974"})
    assert 'value="93"' in client.get(first.url("residence")).content.decode()
    page = client.get(second.url("residence")).content.decode()
    assert 'value="93"' not in page
    assert 'value="974"' in page
    assert "wizard_" not in "".join(client.session.keys())  # nothing in formtools' session storage


def test_two_applicants_cannot_open_each_other_case(client, db):
    mine = Journey(client)
    mine.start()
    other = Client()
    response = other.get(mine.url("residence"))
    assert response.status_code == 404
    response = other.post(mine.url("residence"), {"case-current_step": "residence", "residence-place": "973"})
    assert response.status_code == 404
    assert other.get(mine.results_url).status_code == 404


def test_unknown_case_and_unknown_step_are_404(journey, client):
    unknown = reverse("questionnaire:step", kwargs={"case_id": uuid.uuid4(), "step": "residence"})
    assert client.get(unknown).status_code == 404
    bad_step = reverse("questionnaire:step", kwargs={"case_id": journey.case_id, "step": "nimporte-quoi"})
    assert client.get(bad_step).status_code == 404
    assert client.post(bad_step, {"case-current_step": "nimporte-quoi"}).status_code == 404


def test_a_step_reads_the_case_and_its_hand_off_in_one_query(journey, client, django_assert_num_queries):
    answer_until(journey, couple_with_two_children(), "logement")
    # Case read (with "is a dossier holding it?"); no session read or write (a cookie per case), no write on a GET.
    with django_assert_num_queries(1):
        assert client.get(journey.url("ressources")).status_code == 200
    # Case read, case write.
    with django_assert_num_queries(2):
        assert journey.post("logement", couple_with_two_children()["logement"]).status_code == 302


def writes(captured) -> int:
    return sum(q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) for q in captured)


def test_queries_per_step_are_pinned(client, db):
    """Issue 11: every step of the longest journey reads the case once on a GET (no write) and reads it then
    writes it once on a POST; the results page reads it once. A query added to a step fails here."""
    answers = every_step_answers()
    journey = Journey(client)
    journey.start()
    step, seen = "residence", []
    while step != "resultats":
        with CaptureQueriesContext(connection) as get:
            assert client.get(journey.url(step)).status_code == 200
        with CaptureQueriesContext(connection) as post:
            response = journey.post(step, answers[step])
        assert response.status_code == 302, step
        seen.append((step, len(get), writes(get), len(post), writes(post)))
        step = journey.next_step(response)
    assert seen == [(name, 1, 0, 2, 1) for name in answers]
    assert journey.results().status_code == 200  # may also check the CPAM ceilings' version (every 10 s)
    with CaptureQueriesContext(connection) as results:
        assert journey.results().status_code == 200
    assert (len(results), writes(results)) == (1, 0)
    # Shown again ten minutes later, the case is marked active again (one write): expiry counts from there.
    Case.objects.filter(public_id=journey.case_id).update(last_activity_at=timezone.now() - timedelta(minutes=11))
    with CaptureQueriesContext(connection) as later:
        assert journey.results().status_code == 200
    assert (len(later), writes(later)) == (2, 1)
    assert timezone.now() - Case.objects.get(public_id=journey.case_id).last_activity_at < timedelta(minutes=1)


def test_answers_live_on_the_case_with_their_schema_version(journey, client):
    journey.post("residence", {"place": "93"})
    case = Case.objects.get(public_id=journey.case_id)
    assert case.schema_version == SCHEMA_VERSION
    stored = case.answers["step_data"]["residence"]
    assert stored["residence-place"] == ["93"]
    assert not any("csrf" in key or key == "action" for key in stored)
    assert case.version >= 1


# --------------------------------------------------------------------------- navigation


def test_back_button_and_previous_keep_what_was_typed(journey, client):
    answer_until(journey, couple_with_two_children(), "logement")
    # Browser back: the saved answers are shown again.
    page = client.get(journey.url("foyer")).content.decode()
    assert 'value="02/06/1984"' in page and 'value="Karim"' in page
    answer_until(journey, couple_with_two_children(), "ressources")
    # "Précédent" with an invalid, half-typed amount: saved without validation, shown again, no error yet.
    response = journey.post("montants", {"p1__salary__how": "all", "p1__salary__monthly": "1 5OO"}, action="prev")
    assert response.status_code == 302 and journey.next_step(response) == "ressources"
    page = client.get(journey.url("montants")).content.decode()
    assert 'value="1 5OO"' in page
    assert "error-summary" not in page and "error-message" not in page
    # Going forward from an earlier page brings the person back to the page left unfinished.
    response = client.get(journey.url("complementaire"))
    assert journey.next_step(response) == "montants"


def test_back_then_forward_shows_no_error_on_a_page_never_sent(journey, client):
    answer_until(journey, couple_with_two_children(), "foyer")
    # On the housing page, "Précédent" at once; then "Continuer" on the household page.
    response = journey.post("logement", {}, action="prev")
    assert journey.next_step(response) == "foyer"
    response = journey.post("foyer", couple_with_two_children()["foyer"])
    assert journey.next_step(response) == "logement"
    page = client.get(journey.url("logement")).content.decode()
    assert "error-summary" not in page and "error-message" not in page
    # Sent with "Continuer", the same empty page is explained.
    response = journey.post("logement", {})
    assert response.status_code == 200 and "Choisissez votre situation de logement" in text_of(response)


def test_get_sends_to_the_first_step_not_answered_or_now_invalid(journey, client):
    response = client.get(journey.url("complementaire"))
    assert response.status_code == 302 and journey.next_step(response) == "residence"
    answer_until(journey, couple_with_two_children(), "complementaire")
    assert client.get(journey.url("soins")).status_code == 200
    # The applicant now also ticks a self-employed income: the amounts page needs the tax-notice income.
    journey.post("ressources", {"p1__kinds": ["salary", "self_employment", "family_benefit", "housing_aid"]})
    response = client.get(journey.url("soins"))
    assert journey.next_step(response) == "montants"
    page = text_of(client.get(journey.url("montants")))
    assert "Indiquez le revenu de votre dernier avis d'impôt" in page


def test_conditional_steps_appear_and_disappear(journey, client):
    answers = self_employed_in_difficulty()
    answer_until(journey, answers, "difficultes")
    response = journey.post("difficultes", answers["difficultes"])
    assert journey.next_step(response) == "independant"
    # No longer self-employed: the step disappears and its URL sends to the next question to answer.
    people = answers["foyer"]
    people["0-activity"] = "employee"
    journey.post("foyer", people)
    journey.post("ressources", {"p1__kinds": ["salary"]})
    journey.post("montants", {"p1__salary__how": "all", "p1__salary__monthly": "800"})
    response = journey.post("difficultes", answers["difficultes"])
    assert journey.next_step(response) == "verification"
    response = client.get(journey.url("independant"))
    assert response.status_code == 302 and journey.next_step(response) == "verification"
    # Health is asked only when care is planned, and only about the person cared for.
    page = text_of(client.get(journey.url("sante")))
    assert "Vous" in page and "date prévue de l'accouchement" in page
    journey.post("soins", care_data([]))
    response = client.get(journey.url("sante"))
    assert journey.next_step(response) == "verification"


def test_edit_from_review_returns_to_review(journey, client):
    journey.run(single_on_rsa())
    review = client.get(journey.url("verification"))
    page = review.content.decode()
    edit = re.search(r'href="([^"]*/logement/\?retour=verification)"', page).group(1)
    assert "Modifier" in page
    form = client.get(edit).content.decode()
    assert 'name="return_to_review"' in form
    response = journey.post("logement", {"status": "hosted_free"}, extra={"return_to_review": "1"})
    assert journey.next_step(response) == "verification"
    assert "Hébergé(e) gratuitement" in text_of(client.get(journey.url("verification")))


def test_review_lists_every_answer(journey, client):
    journey.run(couple_with_two_children())
    page = text_of(client.get(journey.url("verification")))
    for expected in ("Seine-Saint-Denis (93)", "Karim", "2 juin 1984", "Enfant 2", "Locataire",
                     "Aide au logement : 300 € par mois", "Salaire : 1 500 € par mois, chaque mois",
                     "Aucune complémentaire santé"):
        assert expected in page, expected
    assert page.count("Modifier") >= 7


# --------------------------------------------------------------------------- household and care entries


def test_add_and_remove_people_without_javascript(journey, client):
    journey.post("residence", {"place": "75"})
    base = household_data([{"role": "applicant", "birth_date": "01/01/1980", "activity": "employee"}])
    response = journey.post("foyer", base, action="add:child")
    assert response.status_code == 302 and response["Location"].endswith("#entree-1")
    page = client.get(journey.url("foyer"))
    html = page.content.decode()
    assert "Enfant 1" in html and 'value="01/01/1980"' in html
    assert "error-summary" not in html  # a person just added is not an error yet
    data = {k[len("foyer-"):]: v for k, v in re.findall(r'name="(foyer-[^"]+)"[^>]*value="([^"]*)"', html)}
    data["1-birth_date"] = "05/05/2012"
    response = journey.post("foyer", data, action="add:partner")
    html = client.get(journey.url("foyer")).content.decode()
    assert "Ajouter un conjoint" not in html  # only one partner
    assert 'value="05/05/2012"' in html
    # Remove the child: the partner keeps its answers and its identifier.
    data = {k[len("foyer-"):]: v for k, v in re.findall(r'name="(foyer-[^"]+)"[^>]*value="([^"]*)"', html)}
    journey.post("foyer", data, action="remove:1")
    html = client.get(journey.url("foyer")).content.decode()
    assert "Enfant 1" not in html and 'value="p2"' in html


def test_a_child_older_than_the_adults_is_pointed_out_on_its_birth_date(journey, client):
    journey.post("residence", {"place": "75"})
    people = household_data([
        {"role": "applicant", "birth_date": "01/01/2000", "activity": "employee"},
        {"role": "child", "birth_date": "01/01/1950", "label": "Léa"},
    ])
    response = journey.post("foyer", people)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cet enfant serait plus âgé que vous" in html
    assert 'href="#id_foyer-1-birth_date"' in html and 'value="01/01/1950"' in html and 'value="Léa"' in html
    # Older than the applicant but younger than the partner: a possible family, accepted.
    people = household_data([
        {"role": "applicant", "birth_date": "01/01/2000", "activity": "employee"},
        {"role": "partner", "birth_date": "01/01/1970", "activity": "employee"},
        {"role": "child", "birth_date": "01/01/1999"},
    ])
    assert journey.post("foyer", people).status_code == 302


def test_tampered_actions_and_management_form_are_rejected(journey, client):
    journey.post("residence", {"place": "75"})
    base = household_data([{"role": "applicant", "birth_date": "01/01/1980", "activity": "employee"}])
    assert journey.post("foyer", base, action="remove:0").status_code == 400  # the applicant stays
    assert journey.post("foyer", base, action="add:king").status_code == 400
    assert journey.post("residence", {"place": "75"}, action="add:child").status_code == 400
    # Management form missing or naming another step.
    assert client.post(journey.url("residence"), {"residence-place": "75"}).status_code == 400
    response = client.post(journey.url("logement"), {"case-current_step": "residence", "logement-status": "tenant"})
    assert response.status_code == 400
    # Forged roles and identifiers fail validation with a message, not a crash.
    forged = household_data([{"role": "partner", "birth_date": "01/01/1980", "activity": "employee"}])
    response = journey.post("foyer", forged)
    assert response.status_code == 200 and "Le foyer doit commencer par vous" in text_of(response)
    huge = dict(base, TOTAL_FORMS="100000")
    response = journey.post("foyer", huge)
    assert response.status_code == 200


# --------------------------------------------------------------------------- errors


def test_errors_are_summarised_linked_and_nothing_is_lost(journey, client):
    response = journey.post("residence", {"place": "999"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and 'tabindex="-1"' in html and "data-error-summary" in html
    assert 'href="#id_residence-place"' in html
    assert "Nous ne trouvons pas ce lieu" in html
    assert 'value="999"' in html
    assert 'aria-describedby="id_residence-place_helptext id_residence-place_error"' in html
    assert "<title>Erreur : " in html
    response = journey.post("residence", {"place": ""})
    assert "Indiquez votre code postal, par exemple 93200." in text_of(response)


@pytest.mark.parametrize(("typed", "department"), [
    ("93200", "Seine-Saint-Denis (93)"), ("93", "Seine-Saint-Denis (93)"), ("Seine-Saint-Denis", "Seine-Saint-Denis (93)"),
    ("seine st denis", "Seine-Saint-Denis (93)"), ("20200", "Haute-Corse (2B)"), ("2a", "Corse-du-Sud (2A)"),
    ("97400", "La Réunion (974)"), ("Guyane", "Guyane (973)"), ("5", "Hautes-Alpes (05)"),
])
def test_the_department_is_found_from_a_postal_code_a_number_or_a_name(journey, client, typed, department):
    answers = single_on_rsa()
    answers["residence"] = {"place": typed}
    answer_until(journey, answers, "difficultes")
    assert department in text_of(client.get(journey.url("verification")))


def test_the_alsace_moselle_question_is_asked_only_there(journey, client):
    response = journey.post("residence", {"place": "57000"})
    assert journey.next_step(response) == "regime-local"
    assert "Avez-vous le régime local d'Alsace-Moselle ?" in text_of(client.get(journey.url("regime-local")))
    response = journey.post("regime-local", {})
    assert "Répondez par oui ou par non." in text_of(response)
    assert journey.next_step(journey.post("regime-local", {"alsace_moselle": "yes"})) == "foyer"
    response = journey.post("residence", {"place": "75011"})
    assert journey.next_step(response) == "foyer"
    assert journey.next_step(client.get(journey.url("regime-local"))) == "foyer"


def test_amounts_in_french_formats_are_accepted(journey, client):
    answers = couple_with_two_children()
    answer_until(journey, answers, "difficultes")
    journey.post("montants", {**answers["montants"], "p1__housing_aid__monthly": "1\u202f234,56\u00a0€"})
    page = text_of(client.get(journey.url("verification")))
    assert "Aide au logement : 1 234,56 € par mois" in page
    response = journey.post("montants", {**answers["montants"], "p1__housing_aid__monthly": "12,345"})
    assert "Indiquez au plus deux chiffres après la virgule" in text_of(response)
    assert 'value="12,345"' in response.content.decode()


def test_an_unreadable_housing_aid_gets_one_message_saying_why(journey, client):
    answers = couple_with_two_children()
    answer_until(journey, answers, "ressources")
    for typed, why in (("abc", "sans lettres"), ("-5", "négatif"), ("999999999", "trop élevé")):
        response = journey.post("montants", {**answers["montants"], "p1__housing_aid__monthly": typed})
        assert response.status_code == 200
        errors = re.findall(r'class="error-message"[^>]*>(.*?)</p>', response.content.decode(), re.S)
        assert len(errors) == 1 and why in errors[0], errors
        assert "Indiquez le montant par mois" not in errors[0]
    response = journey.post("montants", {**answers["montants"], "p1__housing_aid__monthly": ""})
    assert "Indiquez le montant par mois, par exemple 250." in response.content.decode()


def test_rules_errors_are_shown_on_the_step_and_field_that_caused_them(journey, client):
    answers = single_on_rsa()
    answers["logement"] = {"status": "homeless"}
    answers["ressources"] = {"p1__kinds": ["rsa", "housing_aid"]}
    answers["montants"] = {"p1__rsa__still": "yes", "p1__housing_aid__monthly": "100"}
    journey.run(answers)
    response = journey.results()
    assert response.status_code == 302 and journey.next_step(response) == "montants"
    page = client.get(journey.url("montants"))
    html = page.content.decode()
    assert "Une personne sans domicile stable ne reçoit pas d&#x27;aide au logement" in html
    assert 'href="#id_montants-p1__housing_aid__monthly"' in html
    journey.post("ressources", {"p1__kinds": ["rsa"]})
    journey.post("montants", {"p1__rsa__still": "yes"})
    assert journey.results().status_code == 200


def test_pregnancy_date_checked_by_the_rules_maps_to_the_health_question(journey, client):
    answers = self_employed_in_difficulty()
    answers["sante"] = {"p1__pregnancy_due_date": "01/01/2029"}
    journey.run(answers)
    response = journey.results()
    assert journey.next_step(response) == "sante"
    html = client.get(journey.url("sante")).content.decode()
    assert "Date prévue d&#x27;accouchement invalide" in html
    assert 'href="#id_sante-p1__pregnancy_due_date"' in html


# --------------------------------------------------------------------------- resources page


def test_resources_page_states_the_reference_period_and_what_is_left_out(journey, client):
    answer_until(journey, couple_with_two_children(), "logement")
    page = text_of(client.get(journey.url("ressources")))
    assert "d'octobre 2025 à septembre 2026" in page
    assert "demande faite en novembre 2026" in page
    # Kinds first, grouped the way people think; what the CSS leaves aside is ticked without an amount.
    for group in ("Travail", "Chômage", "Maladie", "Retraite, invalidité, handicap", "Famille", "Logement",
                  "Autres aides et revenus"):
        assert group in page, group
    assert "La prime d'activité" in page
    # The adults are asked; the children under 16 are not (what is paid for them is paid to the parents).
    assert "Qu'avez-vous reçu" in page and "Qu'a reçu Votre conjoint ou conjointe" in page
    assert "Enfant 2" not in page and "Les enfants de moins de 16 ans n'ont pas de question ici" in page


def test_benefits_are_asked_by_their_full_names(journey, client):
    answer_until(journey, couple_with_two_children(), "logement")
    page = text_of(client.get(journey.url("ressources")))
    for name in ("Le RSA (revenu de solidarité active)", "Le minimum vieillesse (ASPA)",
                 "L'ASI (allocation supplémentaire d'invalidité)", "L'AAH (allocation aux adultes handicapés)",
                 "L'ASS (allocation de solidarité spécifique)"):
        assert name in page, name


def test_only_social_workers_may_change_the_request_date(journey, client, db):
    assert "Date de la demande" not in text_of(client.get(journey.url("residence")))
    user = get_user_model().objects.create_user("agent", password="x" * 16, is_staff=True)
    staff = Client()
    staff.force_login(user)
    j = Journey(staff)
    j.start()
    assert "Date de la demande" in text_of(staff.get(j.url("residence")))
    answers = single_on_rsa()
    answers["residence"] = {"place": "75", "request_date": "15/03/2025"}
    j.run(answers)
    page = text_of(j.results())
    assert "demande faite le 15 mars 2025" in page
    assert "Plafond pour la CSS sans participation 10 166 €" in page  # ceiling of 1 April 2024


def test_a_request_date_years_ahead_is_refused_next_to_the_field(db):
    user = get_user_model().objects.create_user("agent", password="x" * 16, is_staff=True)
    staff = Client()
    staff.force_login(user)
    j = Journey(staff)
    j.start()
    response = j.post("residence", {"place": "75", "request_date": "01/01/3000"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "plus d&#x27;un an après aujourd&#x27;hui" in html and 'href="#id_residence-request_date"' in html
    assert 'value="01/01/3000"' in html
    # Up to a year ahead (22 November 2026 + 366 days) is a planned request.
    assert j.post("residence", {"place": "75", "request_date": "23/11/2027"}).status_code == 302


# --------------------------------------------------------------------------- save, resume, expiry, closed


def test_save_for_later_and_resume_in_a_new_session(journey, client):
    answer_until(journey, couple_with_two_children(), "ressources")
    response = journey.post("montants", {"p1__salary__how": "all", "p1__salary__monthly": "1 500"}, action="save")
    assert response.status_code == 302
    page = client.get(response["Location"])
    code = re.search(r'<span class="code"[^>]*>([A-Z0-9-]+)</span>', page.content.decode()).group(1)
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", code)
    assert not set(code.replace("-", "")) & set("01ILOU")
    assert code not in response["Location"]
    stranger = Client()
    response = stranger.post(reverse("questionnaire:resume"), {"code": code.lower().replace("-", " ")})
    assert response.status_code == 302
    # Sent to the first step not answered: the amounts page was saved half-done.
    response = stranger.get(response["Location"])
    assert journey.next_step(response) == "montants"
    html = stranger.get(response["Location"]).content.decode()
    assert 'value="1 500"' in html


def test_resume_code_is_only_accepted_by_post(client, db):
    assert client.get(reverse("questionnaire:resume"), {"code": "ABCD-EFGH-JK"}).status_code == 200
    assert Case.objects.count() == 0


def test_expired_or_unknown_codes_are_refused_with_an_explanation(journey, client):
    journey.post("residence", {"territory": "metropole"}, action="save")
    client.get(reverse("questionnaire:save", kwargs={"case_id": journey.case_id}))
    case = Case.objects.get(public_id=journey.case_id)
    Case.objects.filter(pk=case.pk).update(last_activity_at=timezone.now() - timedelta(days=31))
    other = Client()
    response = other.post(reverse("questionnaire:resume"), {"code": case.resume_code})
    assert response.status_code == 400
    assert "n'est plus valable" in text_of(response)
    assert other.get(journey.url("residence")).status_code == 404
    response = other.post(reverse("questionnaire:resume"), {"code": "ABCD-EFGH-JK"})
    assert response.status_code == 400 and "ne correspond à aucun questionnaire" in text_of(response)
    response = other.post(reverse("questionnaire:resume"), {"code": "ABC"})
    assert "10 lettres et chiffres" in text_of(response)


def test_closed_case_is_read_only(journey, client):
    journey.run(single_on_rsa())
    Case.objects.filter(public_id=journey.case_id).update(closed_at=timezone.now())
    response = client.get(journey.url("logement"))
    assert response.status_code == 302 and response["Location"] == journey.results_url
    response = journey.post("logement", {"status": "owner"})
    assert response.status_code == 403 and "ne peut plus être modifié" in text_of(response)
    results = client.get(journey.results_url)
    assert results.status_code == 200 and "Modifier mes réponses" not in text_of(results)
    assert Case.objects.get(public_id=journey.case_id).answers["step_data"]["logement"]["logement-status"] == ["tenant"]


# --------------------------------------------------------------------------- pages


def test_pages_have_no_inline_style_and_link_their_stylesheet(journey, client):
    journey.run(self_employed_in_difficulty())
    for step in ("residence", "foyer", "ressources", "montants", "complementaire", "soins", "sante", "verification"):
        html = client.get(journey.url(step)).content.decode()
        assert " style=" not in html and "<style" not in html
        assert "css/questionnaire.css" in html and "csrfmiddlewaretoken" in html
    html = journey.results().content.decode()
    assert " style=" not in html and re.search(r'chart__fill--resources w-\d+', html)


def test_results_offer_the_pdf_dossier(journey, client):
    journey.run(single_on_rsa())
    html = journey.results().content.decode()
    pdf_url = reverse("questionnaire:pdf", kwargs={"case_id": journey.case_id})
    assert f'href="{pdf_url}"' in html
    response = client.get(pdf_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content[:5] == b"%PDF-"
    assert Client().get(pdf_url).status_code == 404


def test_start_page_and_home_link(client, db):
    assert client.get(reverse("questionnaire:start")).status_code == 200
    assert Case.objects.count() == 0
    home = client.get(reverse("home")).content.decode()
    assert reverse("questionnaire:start") in home and reverse("questionnaire:resume") in home


def test_guessing_resume_codes_is_throttled(client, db):
    url = reverse("questionnaire:resume")
    for _ in range(10):
        assert client.post(url, {"code": "AAAA-AAAA-AA"}).status_code == 400
    blocked = client.post(url, {"code": "AAAA-AAAA-AA"})
    assert blocked.status_code == 429
    assert "Trop de codes erronés" in blocked.content.decode()
    # Even a valid code waits: the counter is per connection, not per code.
    case = Case.objects.create(resume_code="BBBBCCCCDD")
    assert client.post(url, {"code": "BBBB-CCCC-DD"}).status_code == 429
    assert Case.objects.get(pk=case.pk).resume_code == "BBBBCCCCDD"


def test_print_version_of_the_results_needs_the_case_in_the_session(db):
    from django.test import Client

    from tests.questionnaire.test_questionnaire_journeys import Journey, single_on_rsa

    person = Client()
    journey = Journey(person)
    journey.start()
    journey.run(single_on_rsa())
    url = reverse("questionnaire:print", kwargs={"case_id": journey.case_id})
    assert url in person.get(reverse("questionnaire:results", kwargs={"case_id": journey.case_id})).content.decode()
    response = person.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html and "Complémentaire santé solidaire" in html and "☐" in html
    assert Client().get(url).status_code == 404
