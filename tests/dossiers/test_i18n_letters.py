"""Letters to French organisms stay in French, with their translation for the person beside them (issue 17).

On the letter page in English or Arabic, the form holds the French letter (marked ``lang="fr"``) and the
translation beside it speaks the page's language; the files downloaded (PDF, Word) are the French letter;
nothing else on the page is left in French. The person's dossier in another language prints each French
letter followed by its translation, with the same amounts.
"""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pypdf
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from eligibility.presentation.context import build_context
from eligibility.presentation.letters import letters_with_translation
from eligibility.presentation.pdf import render_dossier_html, render_dossier_pdf
from eligibility.questionnaire.views import QuestionnaireWizard
from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation
from tests.dossiers.test_pdf_personas import (
    FAMILY_GLASSES_DENTAL,
    HEAVY_FAMILY_ALL_AIDS,
    SELF_EMPLOYED_PSYCHIATRY_HELP,
    SINGLE_ADULT_STAY,
)
from tests.i18n_pages import french_marked_texts, left_in_french, visible_texts
from tests.questionnaire.test_questionnaire_helpers import Journey
from tests.questionnaire.test_questionnaire_journeys import REQUEST_DATE, self_employed_in_difficulty

TODAY = date(2026, 11, 22)
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "fr"]
GREETING = {"fr": "Madame, Monsieur,", "en": "Dear Sir or Madam,", "ar": "سيدتي، سيدي،"}
TO_THE_MEDIATOR = {"fr": "Madame, Monsieur le médiateur,", "en": "Dear Mediator,", "ar": "سيدتي، سيدي الوسيط،"}
AMOUNT = re.compile(r"\d{1,3}(?: \d{3})*(?:,\d{2})? €")
PERSONAS = [SINGLE_ADULT_STAY, FAMILY_GLASSES_DENTAL, SELF_EMPLOYED_PSYCHIATRY_HELP, HEAVY_FAMILY_ALL_AIDS]


def spaces(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text.replace("\u2066", "").replace("\u2069", "")).strip()


def amounts(texts) -> list[str]:
    return sorted(AMOUNT.findall(spaces(" ".join(texts))))


def fields(letter) -> list[str]:
    return [letter.sender, letter.addressee, letter.place_date, letter.subject, letter.body, *letter.references,
            *letter.enclosures, letter.signature]


def french_lines(letter) -> set[str]:
    """Each line of the French letter: what a translation must not repeat word for word."""
    return {spaces(line) for text in fields(letter) for line in text.splitlines() if spaces(line)}


def pairs(persona: dict, language: str, **kwargs):
    result = simulate(parse_situation(persona, today=TODAY))
    with translation.override(language):
        return letters_with_translation(result, lambda: build_context(result, **kwargs))


# --------------------------------------------------------------------------- the letters themselves


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("persona", range(len(PERSONAS)))
def test_every_letter_is_french_with_a_translation_giving_the_same_amounts(persona, language):
    found = pairs(PERSONAS[persona], language, person_label="Samia")
    french_only = pairs(PERSONAS[persona], "fr", person_label="Samia")
    assert [pair.french for pair in found] == [pair.french for pair in french_only], "the French letter does not move"
    assert all(pair.translation is None for pair in french_only)
    for pair in found:
        french, translated = pair.french, pair.translation
        assert translated is not None and translated.kind == french.kind
        greetings = (GREETING, TO_THE_MEDIATOR)
        assert [g["fr"] for g in greetings].count(french.paragraphs[0]) == 1
        assert translated.paragraphs[0] == next(g[language] for g in greetings if g["fr"] == french.paragraphs[0])
        assert amounts(fields(translated)) == amounts(fields(french)), french.kind
        # Every sentence the letter writes is translated, the rules' own included (care lines, documents); the
        # legal references and the person's name are the same in every language.
        kept = {spaces(text) for text in [*french.references, french.signature]}
        left = [line for line in french_lines(translated) if line in french_lines(french) and line not in kept]
        assert left == [], french.kind


# --------------------------------------------------------------------------- the letter page


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def client_in(language: str) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def letter_page(language: str, kind: str = "echeancier-hopital") -> tuple[Client, str, str]:
    client = client_in(language)
    journey = Journey(client)
    journey.start()
    journey.run(self_employed_in_difficulty())
    url = reverse("questionnaire:letter", kwargs={"case_id": journey.case_id, "letter": kind})
    response = client.get(url)
    assert response.status_code == 200
    return client, url, response.content.decode()


def translation_section(html: str) -> str:
    found = re.search(r'<section class="letter-translation".*?</section>', html, flags=re.S)
    return found.group(0) if found else ""


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_the_letter_page_holds_the_french_letter_and_its_translation_beside(language, fixed_today):
    _client, _url, french_page = letter_page("fr")
    _client, _url, page = letter_page(language)
    assert translation_section(french_page) == "", "a French reader gets no translation"
    assert f'<html lang="{language}"' in page
    # The form is the French letter, marked French (and left to right in Arabic).
    french = french_marked_texts(page)
    assert any(text.startswith(GREETING["fr"]) for text in french)
    assert any("laissent à ma charge 115 €" in spaces(text) for text in french)
    assert page.count('lang="fr" dir="ltr"') >= 8  # the eight fields of the letter
    # Beside it, the translation, in the page's language, with the same amounts.
    beside = translation_section(page)
    assert GREETING[language] in beside
    assert amounts(visible_texts(beside)) == amounts(french)
    assert amounts(french) and "115 €" in amounts(french)
    # Nothing else on the page is left in French (English writes « Signature » as French does).
    assert left_in_french(french_page, page, {"Signature"} if language == "en" else set()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_the_files_downloaded_from_a_translated_page_are_the_french_letter(language, fixed_today):
    client, url, page = letter_page(language)
    initial = dict(re.findall(r'<textarea name="(\w+)"[^>]*>\n?(.*?)</textarea>', page, flags=re.S))
    initial.update(dict(re.findall(r'<input type="text" name="(\w+)" value="([^"]*)"', page)))
    assert {"sender", "addressee", "place_date", "subject", "body", "signature"} <= set(initial)
    data = {name: value.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")
            for name, value in initial.items()}
    pdf = client.post(url, {**data, "format": "pdf"})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    text = spaces(" ".join(p.extract_text() for p in reader.pages))
    assert "Objet : Demande de paiement échelonné" in text and "Pièces jointes" in text
    assert "Madame, Monsieur," in text and "laissent à ma charge 115 €" in text
    word = client.post(url, {**data, "format": "docx"})
    assert word.status_code == 200
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]
    assert any(p.startswith("Objet : Demande de paiement échelonné") for p in paragraphs)
    assert "Pièces jointes :" in paragraphs and "Madame, Monsieur," in paragraphs


# --------------------------------------------------------------------------- the person's dossier


def letter_blocks(html: str, css_class: str) -> list[str]:
    return re.findall(rf'<div class="{css_class}".*?</div>', html, flags=re.S)


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_the_translated_dossier_prints_each_french_letter_then_its_translation(language):
    result = simulate(parse_situation(HEAVY_FAMILY_ALL_AIDS, today=TODAY))
    french_dossier = render_dossier_html(result, person_label="Samia")
    assert letter_blocks(french_dossier, "letter__translation") == []
    with translation.override(language):
        html = render_dossier_html(result, person_label="Samia")
    originals = letter_blocks(html, "letter__french")
    translations = letter_blocks(html, "letter__translation")
    assert len(originals) == len(translations) == 2  # the CPAM aid request and the hospital payment plan
    for original, translated in zip(originals, translations, strict=True):
        assert 'lang="fr" dir="ltr"' in original and "Objet :" in original and GREETING["fr"] in original
        assert GREETING[language] in translated
        assert amounts(visible_texts(translated)) == amounts(visible_texts(original))
    # The French letters are word for word those of the French dossier.
    assert originals == letter_blocks(french_dossier, "letter__french")


@pytest.mark.django_db
def test_the_arabic_dossier_pdf_prints_the_french_letter_and_its_arabic_translation():
    result = simulate(parse_situation(HEAVY_FAMILY_ALL_AIDS, today=TODAY))
    with translation.override("ar"):
        pdf = render_dossier_pdf(result, person_label="Samia")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = spaces(" ".join(page.extract_text() for page in reader.pages))
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert "Objet : Demande d'aide financière individuelle pour des frais de santé" in text
    assert "Madame, Monsieur," in text
    assert "طلب مساعدة مالية فردية لتكاليف صحية" in text  # the subject, translated
