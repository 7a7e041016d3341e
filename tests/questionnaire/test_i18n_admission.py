"""The admission desk page in English and Arabic (issue 17): addressed to the hospital, it stays in French
(marked ``lang="fr"``), and the person gets its translation after it, on the page (beside it on a wide screen)
and in the PDF printed in their language (its own page), with the same figures. A French reader gets the
French page alone, as before."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from eligibility.questionnaire.views import QuestionnaireWizard
from tests.i18n_pages import french_marked_texts, left_in_french, visible_texts

from .test_questionnaire_helpers import Journey
from .test_questionnaire_journeys import REQUEST_DATE, self_employed_in_difficulty

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "fr"]
AMOUNT = re.compile(r"\d{1,3}(?: \d{3})*(?:,\d{2})? €")
TITLE = {"en": "For the hospital admissions desk", "ar": "لمكتب الدخول في المستشفى"}
# The person's own words on the translated page: « Hospital stay of You: 5 days ».
STAY = {"en": "Hospital stay of You: 5 days", "ar": "استشفاء أنت: 5 أيام"}
# What the PDF's text extraction reads on the translation's page (Arabic comes out in visual order: a heading).
PDF_MARK = {"en": "Hospital stay of You: 5 days", "ar": "تغطيتي الصحية"}


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def spaces(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text.replace("\u2066", "").replace("\u2069", "")).strip()


def amounts(texts) -> list[str]:
    return sorted(AMOUNT.findall(spaces(" ".join(texts))))


def admission(language: str) -> tuple[str, bytes]:
    """The admission page (HTML) and its PDF, as a person reading ``language`` gets them."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    journey = Journey(client)
    journey.start()
    journey.run(self_employed_in_difficulty())
    url = reverse("questionnaire:admission", kwargs={"case_id": journey.case_id})
    page = client.get(url)
    pdf = client.get(url + "?format=pdf")
    assert page.status_code == pdf.status_code == 200
    return page.content.decode(), pdf.content


def translation_section(html: str) -> str:
    found = re.search(r'<section class="admission__translation".*?</section>', html, flags=re.S)
    return found.group(0) if found else ""


def french_part(html: str) -> str:
    return re.search(r'<div class="admission__french" lang="fr" dir="ltr">.*?</div>', html, flags=re.S).group(0)


def pdf_pages(pdf: bytes) -> tuple[pypdf.PdfReader, list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return reader, [spaces(page.extract_text()) for page in reader.pages]


@pytest.mark.django_db
def test_a_french_reader_gets_the_french_page_alone():
    page, pdf = admission("fr")
    assert '<html lang="fr">' in page
    assert translation_section(page) == ""
    assert "Hospitalisation de Vous : 5 jours" in spaces(page)
    reader, pages = pdf_pages(pdf)
    assert len(pages) == 1 and reader.trailer["/Root"]["/Lang"] == "fr"


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_the_page_stays_french_for_the_hospital_with_its_translation_for_the_person(language):
    french_page, _pdf = admission("fr")
    page, pdf = admission(language)
    assert f'<html lang="{language}"' in page
    # The page shown at the desk is the French page, word for word, members named in French.
    french = french_part(page)
    assert french == french_part(french_page)
    assert "Pour le bureau des admissions de l'hôpital" in french and "Hospitalisation de Vous : 5 jours" in spaces(french)
    # After it, its translation in the reader's language, with the same figures.
    beside = translation_section(page)
    assert TITLE[language] in beside and STAY[language] in spaces(beside)
    assert amounts(visible_texts(beside)) == amounts(french_marked_texts(page))
    assert amounts(french_marked_texts(page)), "the stay's daily charge is on the page"
    # Nothing outside the French page is left in French.
    assert left_in_french(french_page, page) == []
    # The PDF printed in the reader's language: the French page, then the translation on a page of its own.
    reader, pages = pdf_pages(pdf)
    assert reader.trailer["/Root"]["/Lang"] == language
    assert len(pages) == 2
    assert "Pour le bureau des admissions de l'hôpital" in pages[0] and "Hospitalisation de Vous : 5 jours" in pages[0]
    assert PDF_MARK[language] in pages[1] and "Pour le bureau des admissions" not in pages[1]


@pytest.mark.django_db
def test_the_arabic_pdf_embeds_the_arabic_font():
    _page, pdf = admission("ar")
    reader, pages = pdf_pages(pdf)
    fonts = {str(font.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages for font in (page["/Resources"].get("/Font") or {}).values()}
    assert "Noto-Sans-Arabic" in fonts
    assert "تغطيتي الصحية" in pages[1]  # « Ma couverture santé », in Arabic glyphs (no empty box)
