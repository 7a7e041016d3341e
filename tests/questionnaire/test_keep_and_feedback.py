"""Keeping a result (e-mail of the resume code, the admission page) and « Ce résultat vous surprend ? »
(issue 15): through the test client, with Django's test outbox for the mail."""

from __future__ import annotations

import csv
import io
import re
from io import StringIO

import pypdf
import pytest
from django.core import mail
from django.urls import reverse

from eligibility.models import Case, ResultFeedback
from eligibility.questionnaire.keep import EMAIL_PER_CASE
from eligibility.questionnaire.views import QuestionnaireWizard
from tests.dossiers.test_dossiers_support import *  # noqa: F403  (the fixtures)
from tests.dossiers.test_dossiers_support import make_dossier

from .test_questionnaire_helpers import Journey, text_of
from .test_questionnaire_journeys import REQUEST_DATE, self_employed_in_difficulty, single_on_rsa

pytestmark = pytest.mark.django_db
ADDRESS = "lea.martin@example.org"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def completed(client, answers=None) -> Journey:
    journey = Journey(client)
    journey.start()
    journey.run(answers or single_on_rsa())
    return journey


def save_url(journey: Journey) -> str:
    return reverse("questionnaire:save", kwargs={"case_id": journey.case_id})


# --------------------------------------------------------------------------- e-mail of the resume code


def test_the_resume_code_and_the_links_are_sent_and_the_address_is_not_kept(client, caplog):
    journey = completed(client)
    results = text_of(journey.results())
    assert "Recevoir le code de reprise par courriel, ou l'imprimer" in results
    page = client.get(save_url(journey))
    assert "Imprimer ce code" in page.content.decode()
    response = client.post(save_url(journey), {"email": ADDRESS})
    assert response.status_code == 200
    assert "Le message est parti" in text_of(response)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [ADDRESS]
    code = Case.objects.get(public_id=journey.case_id).resume_code
    assert f"{code[:4]}-{code[4:8]}-{code[8:]}" in message.body
    assert "http://testserver/questionnaire/reprendre/" in message.body
    assert f"http://testserver{journey.results_url}" in message.body
    # Nothing keeps the address: not the case, not the logs.
    assert ADDRESS not in str(Case.objects.get(public_id=journey.case_id).answers)
    assert ADDRESS not in caplog.text


def test_sending_is_throttled_per_case(client):
    journey = completed(client)
    for _ in range(EMAIL_PER_CASE):
        assert client.post(save_url(journey), {"email": ADDRESS}).status_code == 200
    refused = client.post(save_url(journey), {"email": ADDRESS})
    assert refused.status_code == 429
    assert "Trop de messages" in text_of(refused)
    assert len(mail.outbox) == EMAIL_PER_CASE


def test_a_wrong_address_is_refused_next_to_the_field_and_other_visitors_get_404(client):
    journey = completed(client)
    response = client.post(save_url(journey), {"email": "pas-une-adresse"})
    assert response.status_code == 400
    assert 'id="id_email_error"' in response.content.decode()
    assert mail.outbox == []
    client.cookies.clear()
    assert client.post(save_url(journey), {"email": ADDRESS}).status_code == 404


# --------------------------------------------------------------------------- the admission page


def test_one_page_for_the_hospital_admission_desk(client):
    journey = completed(client, self_employed_in_difficulty())
    url = reverse("questionnaire:admission", kwargs={"case_id": journey.case_id})
    page = client.get(url).content.decode()
    assert "Pour le bureau des admissions de l'hôpital" in page
    assert "Hospitalisation de Vous : 5 jours" in re.sub(r"\s+", " ", page)
    pdf = client.get(url + "?format=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    assert len(reader.pages) == 1
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Une estimation écrite des frais" in text and "OpenFisca" not in text


# --------------------------------------------------------------------------- feedback


def feedback_url(journey: Journey) -> str:
    return reverse("questionnaire:feedback", kwargs={"case_id": journey.case_id})


def test_feedback_is_stored_with_the_case_id_only(client):
    journey = completed(client)
    assert "Ce résultat vous surprend ?" in text_of(journey.results())
    response = client.post(feedback_url(journey), {"reaction": "expected_more", "comment": "Je touche le RSA."})
    assert response.status_code == 302 and response["Location"].endswith("?avis=merci#titre-avis")
    feedback = ResultFeedback.objects.get()
    assert str(feedback.case_id) == journey.case_id
    assert (feedback.reaction, feedback.comment, feedback.css_status) == ("expected_more", "Je touche le RSA.", "free")
    assert feedback.ruleset_version
    assert "votre avis est enregistré" in text_of(client.get(response["Location"]))


def test_feedback_without_a_reaction_is_refused_next_to_the_field(client):
    journey = completed(client)
    response = client.post(feedback_url(journey), {"comment": "?"})
    assert response.status_code == 400
    assert 'id="id_reaction_error"' in response.content.decode()
    assert not ResultFeedback.objects.exists()


def test_managers_see_and_export_the_feedback_of_the_public_and_their_organisation(
        client, org, other_org, manager, agent, outsider):
    public = ResultFeedback.objects.create(case_id="00000000-0000-0000-0000-000000000001", reaction="unclear",
                                           css_status="free", ruleset_version="2026.11.1", comment="Trop long")
    theirs = make_dossier(other_org, outsider)
    theirs.case = Case.objects.create()
    theirs.save()
    ResultFeedback.objects.create(case_id=theirs.case.public_id, reaction="other", comment="Autre organisation")
    client.force_login(agent)
    assert client.get(reverse("dossiers:feedback")).status_code == 403
    client.force_login(manager)
    page = text_of(client.get(reverse("dossiers:feedback")))
    assert "En tout : 1 avis" in page and "Trop long" in page and "Autre organisation" not in page
    assert "Je ne comprends pas le résultat 1" in page
    export = client.get(reverse("dossiers:feedback_csv"))
    rows = list(csv.reader(StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["date", "questionnaire", "reaction"]
    assert rows[1][1:] == [str(public.case_id), "unclear", "Je ne comprends pas le résultat",
                           "Complémentaire santé solidaire sans participation financière", "2026.11.1", "Trop long"]
    assert len(rows) == 2
