"""The situation kept when the check-your-answers page is sent (``eligibility.questionnaire.checked``, issue 11).

The results, the PDF, the printable page and the letters then skip checking every answer again. The page must
be the same as when every answer is checked again, for every household of the journey tests; and any change
(an answer, the day, the language, the code's version) must make the answers be checked again.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.conf import settings

from eligibility.models import Case
from eligibility.questionnaire import checked
from eligibility.questionnaire.views import QuestionnaireWizard
from tests.dossiers.test_hostile_input import every_step_answers

from . import test_questionnaire_households as households
from . import test_questionnaire_journeys as journeys
from .test_questionnaire_helpers import Journey

pytestmark = pytest.mark.django_db
REQUEST_DATE = date(2026, 11, 22)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
PERSONAS = [
    every_step_answers, journeys.single_on_rsa, journeys.couple_with_two_children, journeys.retired_on_aspa,
    journeys.self_employed_in_difficulty, journeys.family_in_guadeloupe, households.single_mother_of_two,
    households.self_employed_overseas, households.retired_couple_on_aspa, households.student_living_alone,
    households.young_adult_on_parents_return, households.student_with_fnau_aid,
]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def page(response) -> str:
    assert response.status_code == 200
    return CSRF.sub("", response.content.decode())


def kept(journey: Journey):
    return Case.objects.get(public_id=journey.case_id).answers["extra_data"].get(checked.CHECKED)


def forget(journey: Journey) -> None:
    case = Case.objects.get(public_id=journey.case_id)
    case.answers["extra_data"].pop(checked.CHECKED)
    case.save(update_fields=["answers"])


def checks_again(monkeypatch) -> list[str]:
    """Record every step checked again by its form from now on."""
    calls: list[str] = []
    original = QuestionnaireWizard.cleaned
    monkeypatch.setattr(QuestionnaireWizard, "cleaned", lambda self, step: calls.append(step) or original(self, step))
    return calls


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.__name__)
def test_results_from_the_kept_situation_are_those_of_every_answer_checked_again(client, monkeypatch, persona):
    journey = Journey(client)
    journey.start()
    journey.run(persona())
    assert kept(journey)["digest"]
    calls = checks_again(monkeypatch)
    from_kept = page(journey.results())
    assert calls == []  # nothing checked again
    forget(journey)
    assert page(journey.results()) == from_kept
    assert calls  # this time every answer was checked


def test_any_change_checks_the_answers_again(client, monkeypatch):
    journey = Journey(client)
    journey.start()
    answers = every_step_answers()
    journey.run(answers)
    calls = checks_again(monkeypatch)
    assert journey.results().status_code == 200
    assert calls == []

    # Another day: the kept situation is not used (ages, periods and parameters may differ).
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE + timedelta(days=1))
    assert journey.results().status_code == 200
    assert calls
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)

    # Another language: the persons' titles kept are in the language they were made in.
    calls.clear()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert journey.results().status_code == 200
    assert calls
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    # Another version of the code that checks and translates the answers.
    calls.clear()
    monkeypatch.setattr(checked, "CODE_VERSION", "another")
    assert journey.results().status_code == 200
    assert calls
    monkeypatch.undo()

    # An answer changed: the kept situation is dropped with the change.
    assert journey.post("logement", {"status": "owner"}).status_code == 302
    assert kept(journey) is None


def test_nothing_is_kept_while_a_step_is_unanswered(client):
    journey = Journey(client)
    journey.start()
    assert journey.post("verification", {}).status_code == 302
    assert kept(journey) is None


def test_keeping_it_costs_no_query(client, django_assert_num_queries):
    journey = Journey(client)
    journey.start()
    for step, data in every_step_answers().items():
        if step != "verification":
            assert journey.post(step, data).status_code == 302, step
    with django_assert_num_queries(2):  # the case read, then written once with the answers and what is kept
        assert journey.post("verification", {}).status_code == 302
    assert kept(journey)
    assert journey.results().status_code == 200  # may also check the CPAM ceilings' version (every 10 s)
    with django_assert_num_queries(1):
        assert journey.results().status_code == 200


def test_a_social_worker_on_the_public_questionnaire_is_asked_about_once_per_request(client):
    """Whether the request date may be set (a query on the memberships) is asked once per request, however many
    forms and digests need it: keeping the situation adds no query for a logged-in social worker either."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dossiers.models import Organisation
    from tests.dossiers.test_dossiers_support import make_member

    organisation = Organisation.objects.create(name="CCAS de Testville", address="1 place de la Mairie")
    client.force_login(make_member(organisation, "camille.agent"))
    journey = Journey(client)
    journey.start()
    answers = every_step_answers()
    for step, data in answers.items():
        if step != "verification":
            assert journey.post(step, data).status_code == 302, step
    for request in (lambda: journey.post("verification", {}), journey.results):
        with CaptureQueriesContext(connection) as queries:
            assert request().status_code in (200, 302)
        assert sum("membership" in q["sql"].lower() for q in queries.captured_queries) <= 1
    assert kept(journey)
