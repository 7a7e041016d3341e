"""The workspace stays in French; an agent prints the person's dossier in the person's language and in French."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from django.conf import settings
from django.urls import reverse

from eligibility.models import Case
from eligibility.questionnaire.views import QuestionnaireWizard

from .test_dossiers_questionnaire import DossierJourney, persona
from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import make_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: date(2026, 11, 22))


@pytest.fixture
def dossier(agent_client, org, agent):
    dossier = make_dossier(org, agent)
    journey = DossierJourney(agent_client, dossier)
    journey.run(persona())
    assert journey.results().status_code == 200  # the results are stored on the dossier
    dossier.refresh_from_db()
    return dossier


def pdf_of(agent_client, dossier, query: str = ""):
    response = agent_client.get(reverse("dossiers:pdf", kwargs={"public_id": dossier.public_id}) + query)
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return reader.trailer["/Root"]["/Lang"], " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_the_agent_prints_in_french_by_default_and_in_the_person_language_on_request(agent_client, dossier):
    language, text = pdf_of(agent_client, dossier)
    assert language == "fr" and "Vos aides pour les frais de santé" in text
    language, text = pdf_of(agent_client, dossier, "?langue=ar")
    assert language == "ar" and "مساعداتك لتكاليف الصحة" in text
    assert "CCAS de Testville" in text  # the organisation's own words are printed as typed
    language, text = pdf_of(agent_client, dossier, "?langue=en")
    assert language == "en" and "Your help with health costs" in text
    # Anything else: French.
    assert pdf_of(agent_client, dossier, "?langue=xx")[0] == "fr"


def test_the_print_version_follows_the_same_choice(agent_client, dossier):
    url = reverse("dossiers:questionnaire:print", kwargs={"public_id": dossier.public_id})
    assert '<html lang="ar" dir="rtl">' in agent_client.get(url + "?langue=ar").content.decode()
    assert '<html lang="fr">' in agent_client.get(url).content.decode()


def test_the_dossier_page_offers_the_person_language_and_stays_in_french(agent_client, dossier):
    Case.objects.filter(pk=dossier.case_id).update(language="ar")
    agent_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"  # the agent's own browser choice is ignored
    html = agent_client.get(reverse("dossiers:detail", kwargs={"public_id": dossier.public_id})).content.decode()
    assert html.startswith("<!doctype html>") and '<html lang="fr">' in html
    assert "language-switcher" not in html
    pdf_url = reverse("dossiers:pdf", kwargs={"public_id": dossier.public_id})
    assert f'<a href="{pdf_url}?langue=ar" hreflang="ar">PDF en arabe</a> (langue choisie par la personne)' in html
    assert f'<a href="{pdf_url}?langue=en" hreflang="en">PDF en anglais</a>' in html
