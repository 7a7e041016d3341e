"""Whole questionnaire journeys in French, English and Arabic: every page met translated, same results.

Each persona is answered three times, once per language (the language cookie, as the switcher sets it):
every question page, the same page with its errors, the review and the results must hold no sentence left
in French, and the results must give the same figures in every language.

Every sentence the rules write comes from their wording catalogue (``eligibility/rules/wording``, a key and
its values), and is translated like any other text: reasons, notes, steps, care lines. Nothing of the rules
may stay French on a translated page, except what is French on purpose and marked ``lang="fr"`` (the legal
references, the letters sent) and names: the places (« Seine-Saint-Denis (93) ») and the names typed.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from eligibility.presentation.wording import PageLanguage
from eligibility.questionnaire.views import QuestionnaireWizard
from tests.i18n_pages import left_in_french, visible_texts

from .test_questionnaire_helpers import Journey
from .test_questionnaire_journeys import (
    REQUEST_DATE,
    couple_with_two_children,
    family_in_guadeloupe,
    retired_on_aspa,
    self_employed_in_difficulty,
    single_on_rsa,
)

PERSONAS = {
    "single_on_rsa": single_on_rsa,
    "couple_with_two_children": couple_with_two_children,
    "retired_on_aspa": retired_on_aspa,
    "self_employed_in_difficulty": self_employed_in_difficulty,
    "family_in_guadeloupe": family_in_guadeloupe,
}
# What people type is shown back as typed (names), in every language; words English writes as French does.
TYPED = {"Karim", "Léa", "Inès", "Sami"}
SAME_IN_ENGLISH = {"Total", "Département"}
# Places keep their names: « Seine-Saint-Denis (93) », « Guadeloupe (971) ».
PLACE = re.compile(r"[\w' -]+ \((?:\d{2,3}|2A|2B)\)")
AMOUNT = re.compile(r"-?\d{1,3}(?:[\u202f\u00a0 ]\d{3})*(?:,\d{2})?(?:[\u202f\u00a0 ]?€)")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def strings_in(value) -> set[str]:
    """Every string of a contract result (nested dicts and lists)."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings_in(v) for v in value.values())) if value else set()
    if isinstance(value, list | tuple):
        return set().union(*(strings_in(v) for v in value)) if value else set()
    return set()


def pages_of(language: str, answers: dict[str, dict]) -> dict[str, str]:
    """Every page of one journey as seen in ``language``: step pages, their errors, review, results."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    journey = Journey(client)
    journey.start()
    pages: dict[str, str] = {}
    step = "residence"
    while step and step != "resultats":
        pages[step] = client.get(journey.url(step)).content.decode()
        if step not in ("verification", "difficultes", "soins"):
            empty = journey.post(step, {})
            if empty.status_code == 200:
                pages[f"{step} (erreurs)"] = empty.content.decode()
        response = journey.post(step, answers[step])
        assert response.status_code == 302, step
        step = journey.next_step(response)
    pages["resultats"] = journey.results().content.decode()
    return pages


def left_on_the_journey(persona: str, language: str) -> dict[str, list[str]]:
    """The French texts left on each page of ``persona``'s journey in ``language`` (none expected)."""
    answers = PERSONAS[persona]()
    french = pages_of("fr", answers)
    translated = pages_of(language, answers)
    assert translated.keys() == french.keys()
    assert "resultats" in french and len(visible_texts(french["resultats"])) > 100, "the results page showed"
    allowed = TYPED | (SAME_IN_ENGLISH if language == "en" else set())
    left = {
        name: [text for text in left_in_french(french[name], translated[name], allowed) if not PLACE.fullmatch(text)]
        for name in french
    }
    return {name: texts for name, texts in left.items() if texts}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_of_the_journey_is_translated(persona, language):
    assert left_on_the_journey(persona, language) == {}


@pytest.mark.django_db
def test_a_reason_left_in_french_is_found(monkeypatch):
    """The check covers the rules' sentences: a reason of the catalogue without its translation is reported."""
    translate = PageLanguage.template
    monkeypatch.setattr(PageLanguage, "template",
                        lambda self, key, french: french if key == "css.resources" else translate(self, key, french))
    left = left_on_the_journey("single_on_rsa", "en")
    assert list(left) == ["resultats"]
    assert [text for text in left["resultats"] if text.startswith("Total de vos ressources retenues :")]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_results_are_the_same_in_every_language(persona):
    answers = PERSONAS[persona]()
    amounts = {}
    for language in ("fr", "en", "ar"):
        results = pages_of(language, answers)["resultats"].replace("\u2066", "").replace("\u2069", "")
        # The glossary of the translated pages quotes amounts of its own.
        results = re.sub(r'<section class="glossary".*?</section>', "", results, flags=re.S)
        amounts[language] = sorted(AMOUNT.findall(results))
    assert amounts["fr"], "the French results show amounts"
    assert amounts["en"] == amounts["fr"]
    assert amounts["ar"] == amounts["fr"]
