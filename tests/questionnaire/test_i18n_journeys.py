"""Whole questionnaire journeys in French, English and Arabic: every page met translated, same results.

Each persona is answered three times, once per language (the language cookie, as the switcher sets it):
every question page, the same page with its errors, the review and the results must hold no sentence left
in French, and the results must give the same figures in every language.

The sentences the rules write come from their wording catalogue (``eligibility/rules/wording``, a key and
its values): those must be translated like any other text, reasons included. Only the texts the rules
still write without the catalogue (``legacy_rule_texts``: strings of ``result.as_dict()`` that no phrase of
the catalogue rendered) may stay French on a translated page, and only whole: a page text made of such
texts and punctuation. As the rules move to the catalogue, that allowance shrinks by itself.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from django.conf import settings
from django.test import Client

from eligibility.presentation.wording import PageLanguage
from eligibility.questionnaire import views as questionnaire_views
from eligibility.questionnaire.views import QuestionnaireWizard
from eligibility.rules.wording import Phrase
from tests.i18n_pages import left_in_french

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
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings_in(v) for v in value.values())) if value else set()
    if isinstance(value, list | tuple):
        return set().union(*(strings_in(v) for v in value)) if value else set()
    return set()


def rule_texts(result) -> tuple[set[str], set[str]]:
    """The sentences of ``result``: those a phrase of the wording catalogue renders (in French, nested ones
    too), and the plain strings the rules still write without the catalogue."""
    seen: set[int] = set()
    catalogued: set[str] = set()
    plain: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            plain.add(value)
            return
        if isinstance(value, int | float | bool | None) or id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, Phrase):
            catalogued.add(str(value))
            for param in (value.params or {}).values():
                if not isinstance(param, str):
                    walk(param)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                walk(item)

    walk(result)
    return catalogued, plain


def legacy_rule_texts(result) -> set[str]:
    """The texts the rules still write without their catalogue (French for now): plain strings of the result,
    and the texts of ``result.as_dict()`` that no phrase of the catalogue rendered."""
    catalogued, plain = rule_texts(result)
    return plain | {text for text in strings_in(result.as_dict())
                    if text not in catalogued and not any(text.startswith(f"{c} (") for c in catalogued)}


def only_rule_wording(text: str, rule_strings: set[str]) -> bool:
    """``text`` is made of the rules' own sentences (and punctuation, amounts, ☐ boxes) only."""
    for rule in sorted((" ".join(r.split()) for r in rule_strings), key=len, reverse=True):
        if len(rule) > 2 and rule in text:
            text = text.replace(rule, " ")
    return not re.search(r"[a-zà-öø-ÿœ]{2,}", text, re.I)


def pages_of(language: str, answers: dict[str, dict], monkeypatch=None, rule_strings=None) -> dict[str, str]:
    """Every page of one journey as seen in ``language``: step pages, their errors, review, results.

    ``rule_strings`` (a set) receives the texts of the simulation result the rules still write without their
    wording catalogue (``legacy_rule_texts``).
    """
    if monkeypatch is not None and rule_strings is not None:
        build_context = questionnaire_views.build_context

        def recording(result, **kwargs):
            rule_strings.update(legacy_rule_texts(result))
            return build_context(result, **kwargs)

        monkeypatch.setattr(questionnaire_views, "build_context", recording)
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


def left_on_the_journey(persona: str, language: str, monkeypatch) -> dict[str, list[str]]:
    """The French texts left on each page of ``persona``'s journey in ``language`` (none expected)."""
    answers = PERSONAS[persona]()
    rule_strings: set[str] = set()
    french = pages_of("fr", answers, monkeypatch, rule_strings)
    translated = pages_of(language, answers)
    assert translated.keys() == french.keys()
    assert rule_strings, "the results page showed the simulation"
    allowed = TYPED | (SAME_IN_ENGLISH if language == "en" else set())
    left = {
        name: [text for text in left_in_french(french[name], translated[name], allowed)
               if not only_rule_wording(text, rule_strings) and not PLACE.fullmatch(text)]
        for name in french
    }
    return {name: texts for name, texts in left.items() if texts}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_of_the_journey_is_translated(persona, language, monkeypatch):
    assert left_on_the_journey(persona, language, monkeypatch) == {}


@pytest.mark.django_db
def test_a_reason_left_in_french_is_found(monkeypatch):
    """The check covers the rules' sentences: a reason of the catalogue without its translation is reported."""
    translate = PageLanguage.template
    monkeypatch.setattr(PageLanguage, "template",
                        lambda self, key, french: french if key == "css.resources" else translate(self, key, french))
    left = left_on_the_journey("single_on_rsa", "en", monkeypatch)
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
