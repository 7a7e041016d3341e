"""A person who typed no first name is named by the questionnaire ("enfant 1", "conjoint", "vous"): the rules'
sentences quote that name, and an English or Arabic page says it in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from eligibility.presentation.wording import PageLanguage, render
from eligibility.rules.wording import say
from tests.i18n_pages import visible_texts

from .test_i18n_journeys import PERSONAS, fixed_today, pages_of  # noqa: F401


@pytest.mark.parametrize(("language", "french", "said"), [
    ("en", "enfant 2", "child 2"), ("en", "vous", "you"), ("en", "conjoint", "partner"),
    ("en", "personne à charge 1", "dependant 1"), ("en", "enfant 1 (2)", "child 1 (2)"),
    ("ar", "enfant 2", "الطفل 2"), ("en", "Léa", "Léa"), ("en", "enfants", "enfants"),
])
def test_the_fallback_names_are_said_in_the_page_language(language, french, said):
    with translation.override(language):
        assert PageLanguage().name(french) == said


def test_a_sentence_quoting_a_fallback_name_says_it_in_english_and_keeps_it_in_french():
    phrase = say("checklist.help.documents.siret", member="enfant 2")
    with translation.override("fr"):
        assert "enfant 2" in render(phrase)
    with translation.override("en"):
        text = render(phrase)
    assert "child 2" in text and "enfant" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_unnamed_children_are_named_in_the_readers_language_on_the_results_page(language):
    french = visible_texts(pages_of("fr", PERSONAS["couple_with_two_children"]())["resultats"])
    assert any("« enfant 1 »" in text for text in french)
    translated = visible_texts(pages_of(language, PERSONAS["couple_with_two_children"]())["resultats"],
                               skip_french=True)
    assert not [text for text in translated if "enfant" in text]
    child = "child" if language == "en" else "الطفل"
    assert any(f"{child} 1" in text for text in translated)
