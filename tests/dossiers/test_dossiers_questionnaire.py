"""The public questionnaire mounted inside a dossier: same wizard and rules, consent first, the agent sets
the request date, results stored on the dossier, the PDF prints the organisation, the hand-off by code."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from dossiers.models import AuditAction, AuditEntry, Dossier
from eligibility.models import Case
from eligibility.questionnaire.views import QuestionnaireWizard
from tests.questionnaire.test_questionnaire_helpers import Journey, care_data, household_data, text_of
from tests.support import pdftotext_pages

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import make_dossier

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: TODAY)


def persona(request_date=""):
    return {
        "residence": {"place": "93", "request_date": request_date},
        "foyer": household_data([{"role": "applicant", "birth_date": "14/03/1990", "activity": "unemployed"}]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["rsa"]},
        "montants": {"p1__rsa__still": "yes"},
        "complementaire": {"complementary": "none"},
        "soins": care_data([]),
        "difficultes": {},
        "verification": {},
    }


class DossierJourney(Journey):
    """The helper of the public questionnaire tests, pointed at a dossier's mount of the wizard."""

    def __init__(self, client, dossier):
        super().__init__(client)
        self.dossier = dossier

    def url(self, step):
        return reverse("dossiers:questionnaire:step", kwargs={"public_id": self.dossier.public_id, "step": step})

    @property
    def results_url(self):
        return reverse("dossiers:questionnaire:results", kwargs={"public_id": self.dossier.public_id})

    def next_step(self, response):
        match = re.search(r"/questionnaire/([a-z_-]+)/$", response.get("Location", ""))
        return match.group(1) if match else None


def test_questionnaire_waits_for_consent(agent_client, org, agent):
    dossier = make_dossier(org, agent, consent=False)
    for target in (reverse("dossiers:questionnaire:case", kwargs={"public_id": dossier.public_id}),
                   DossierJourney(agent_client, dossier).url("residence")):
        response = agent_client.get(target)
        assert response.status_code == 302
        assert response["Location"] == reverse("dossiers:consent", kwargs={"public_id": dossier.public_id})
    response = DossierJourney(agent_client, dossier).post("residence", persona()["residence"])
    assert response["Location"] == reverse("dossiers:consent", kwargs={"public_id": dossier.public_id})
    dossier.refresh_from_db()
    assert dossier.case is None
    assert not Case.objects.exists()


def test_agent_completes_the_questionnaire_in_the_dossier(agent_client, org, agent):
    dossier = make_dossier(org, agent)
    start = agent_client.get(reverse("dossiers:questionnaire:case", kwargs={"public_id": dossier.public_id}))
    assert start.status_code == 302 and start["Location"].endswith("/questionnaire/residence/")
    page = agent_client.get(start["Location"]).content.decode()
    assert "residence-request_date" in page          # the agent may set the request date
    assert "Reprendre plus tard" not in page          # the dossier keeps the answers
    journey = DossierJourney(agent_client, dossier)
    journey.run(persona(request_date="15/10/2026"))
    response = journey.results()
    assert response.status_code == 200
    text = text_of(response)
    assert "Complémentaire santé solidaire sans participation financière" in text
    assert "Retour au dossier" in text
    dossier.refresh_from_db()
    assert dossier.case is not None and dossier.case.closed_at is not None
    assert dossier.result["css"]["status"] == "free"
    assert dossier.result["request_date"] == "2026-10-15"
    assert dossier.result_computed_at is not None
    assert dossier.result["checklist"] == dossier.result.get("checklist")  # stored as the engine gave it
    actions = list(AuditEntry.objects.filter(dossier_public_id=dossier.public_id).values_list("action", "detail"))
    assert (AuditAction.CHANGED, "questionnaire") in actions
    assert (AuditAction.CHANGED, "résultats recalculés") in actions
    detail = agent_client.get(reverse("dossiers:detail", kwargs={"public_id": dossier.public_id})).content.decode()
    assert "Télécharger le dossier PDF" in detail


def test_pdf_prints_the_organisation_and_is_logged(agent_client, org, agent):
    from pypdf import PdfReader

    dossier = make_dossier(org, agent)
    journey = DossierJourney(agent_client, dossier)
    journey.run(persona())
    response = agent_client.get(reverse("dossiers:pdf", kwargs={"public_id": dossier.public_id}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Dupont" not in response["Content-Disposition"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "CCAS de Testville" in text
    assert "01 02 03 04 05" in text
    assert "Lundi au vendredi" in text
    assert AuditEntry.objects.filter(action=AuditAction.PRINTED, dossier_public_id=dossier.public_id).count() == 1


def test_print_version_is_the_dossier_as_an_accessible_page(agent_client, org, agent):
    dossier = make_dossier(org, agent)
    journey = DossierJourney(agent_client, dossier)
    journey.run(persona())
    url = reverse("dossiers:questionnaire:print", kwargs={"public_id": dossier.public_id})
    results = agent_client.get(reverse("dossiers:questionnaire:results", kwargs={"public_id": dossier.public_id}))
    assert url in results.content.decode()
    response = agent_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "CCAS de Testville" in html and "Dupont" in html
    assert "☐" in html and "<th scope=" in html
    entry = AuditEntry.objects.filter(action=AuditAction.PRINTED, dossier_public_id=dossier.public_id).get()
    assert entry.detail == "version page web du dossier"
    # A visitor who is not logged in is sent to the login page.
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/connexion/" in anonymous["Location"]


def test_pdf_of_an_unfinished_questionnaire_goes_back_to_it(agent_client, org, agent):
    dossier = make_dossier(org, agent)
    response = agent_client.get(reverse("dossiers:pdf", kwargs={"public_id": dossier.public_id}))
    assert response.status_code == 302
    assert "/questionnaire/residence/" in response["Location"]
    assert not AuditEntry.objects.filter(action=AuditAction.PRINTED).exists()


def test_hand_off_nothing_typed_twice_and_the_person_can_no_longer_edit(client, org, agent):
    person = Client()
    public = Journey(person)
    public.start()
    answers = persona()
    answers["residence"].pop("request_date")
    public.run(answers)
    saved = person.get(reverse("questionnaire:save", kwargs={"case_id": public.case_id}))
    # The code where the person reads it: the loose pattern alone also matches inside about 3 % of the UUIDs
    # in the page's links (ten hexadecimal characters that happen to be digits), which made this test flaky.
    code = re.search(r'<span class="code" id="code-de-reprise" dir="ltr">([A-Z0-9-]+)</span>', saved.content.decode()).group(1)
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", code)

    client.force_login(agent)
    dossier = make_dossier(org, agent)
    response = client.post(reverse("dossiers:import", kwargs={"public_id": dossier.public_id}), {"resume_code": code})
    assert response.status_code == 302
    dossier.refresh_from_db()
    case = Case.objects.get(public_id=public.case_id)
    assert dossier.case == case and case.closed_at is not None and case.resume_code is None
    # The agent goes straight to the results: nothing typed twice.
    agent_journey = DossierJourney(client, dossier)
    results = agent_journey.results()
    assert results.status_code == 200
    assert "Complémentaire santé solidaire sans participation financière" in text_of(results)
    assert Dossier.objects.get(pk=dossier.pk).result["css"]["status"] == "free"
    # The person's session can no longer change the answers.
    version = Case.objects.get(pk=case.pk).version
    refused = public.post("logement", {"status": "owner"})
    assert refused.status_code == 410
    assert Case.objects.get(pk=case.pk).version == version
    # Nor read what the agent records from now on: the results page only says who follows the case.
    gone = person.get(reverse("questionnaire:results", kwargs={"case_id": public.case_id}))
    assert gone.status_code == 410
    assert "repris par un travailleur" in text_of(gone)
    assert "Complémentaire santé solidaire sans participation financière" not in text_of(gone)
    # And the code is gone.
    resumed = Client().post(reverse("questionnaire:resume"), {"code": code})
    assert resumed.status_code == 400


def test_two_agents_filling_the_same_questionnaire_lose_nothing(client, org, agent, colleague):
    dossier = make_dossier(org, agent)
    client.force_login(agent)
    other = Client()
    other.force_login(colleague)
    answers = persona()
    first = DossierJourney(client, dossier)
    first.post("residence", answers["residence"])
    first.post("foyer", answers["foyer"])
    second = DossierJourney(other, dossier)
    second.post("logement", answers["logement"])
    first.post("ressources", answers["ressources"])
    steps = Dossier.objects.get(pk=dossier.pk).case.answers["step_data"]
    assert {"residence", "foyer", "logement", "ressources"} <= set(steps)


def stay_with_a_quote():
    """One adult, a planned stay with a single room and a crown without a quote: notes "to verify" for professionals."""
    answers = persona()
    answers["soins"] = care_data([
        {"kind": "hospitalisation", "member": "p1", "days": "6", "single_room_daily": "55"},
        {"kind": "dental_prosthesis", "member": "p1", "basket": "other"},
    ])
    answers["sante"] = {}
    return answers


def test_professional_notes_in_the_workspace_never_on_the_persons_page_or_pdf(agent_client, client, org, agent):
    """Issue 15: parameter provenance and "to verify" notes are for the social worker (the workspace's results),
    never on the person's own results page nor in the dossier PDF handed to the person."""
    from pypdf import PdfReader

    def normalise(text):
        return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())

    dossier = make_dossier(org, agent)
    journey = DossierJourney(agent_client, dossier)
    journey.run(stay_with_a_quote())
    workspace = normalise(text_of(journey.results()))
    dossier.refresh_from_db()
    notes = dossier.result["to_verify"]
    assert notes, "the case has notes for professionals"
    assert "Points à vérifier (pour les professionnels)" in workspace
    for note in notes:
        assert normalise(note) in workspace
    # The same answers on the public questionnaire: the person's own page.
    public = Journey(client)
    public.start()
    public.run(stay_with_a_quote())
    person = normalise(text_of(public.results()))
    assert "Points à vérifier" not in person
    # The dossier's PDF (the workspace's button, handed to the person) and the person's own PDF.
    pdfs = [agent_client.get(reverse("dossiers:pdf", kwargs={"public_id": dossier.public_id})),
            client.get(reverse("questionnaire:pdf", kwargs={"case_id": public.case_id}))]
    for response in pdfs:
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        printed = normalise(" ".join(pdftotext_pages(response.content)))
        assert PdfReader(io.BytesIO(response.content)).pages
        assert "Points à vérifier" not in printed
        for note in notes:
            assert normalise(note) not in person and normalise(note) not in printed
    assert "OpenFisca" not in person
