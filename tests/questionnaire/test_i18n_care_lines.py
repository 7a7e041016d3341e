"""The out-of-pocket lines of quoted care and hospital stays, read in English and Arabic: no French sentence left.

Households with a dental crown, glasses, hearing aids and a hospital stay go through the questionnaire in
French, then in English and in Arabic. Every sentence the French results page shows for the care lines (the
label of each line, its « Comment c'est calculé » explanation, the note of each column, the assumptions and
totals of the estimate) and for the quotes to ask for (checklist items ``quote_<n>``) comes from the rules'
wording catalogue; none of them, nor any clause said inside them, may appear in French on the translated pages.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from eligibility.presentation.wording import PageLanguage
from eligibility.questionnaire import result_pages as questionnaire_views
from eligibility.questionnaire.views import QuestionnaireWizard
from eligibility.rules.wording import Joined, Phrase
from tests.i18n_pages import visible_texts

from .test_i18n_journeys import strings_in
from .test_questionnaire_care_costs import answers
from .test_questionnaire_helpers import Journey
from .test_questionnaire_journeys import REQUEST_DATE


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def _answers(pension: str, complementary: str, care: list[dict]) -> dict:
    return answers(care, pension=pension, complementary=complementary)


HOUSEHOLDS = {
    # Eligible for the CSS (both columns), no complementary today, no quote for the glasses and hearing aids.
    "modest_without_complementary": _answers("9 000", "none", [
        {"kind": "dental_prosthesis", "member": "p1", "act": "crown", "tooth": "molar", "material": "ceramic_metal",
         "quote": "1 200", "basket": "other"},
        {"kind": "glasses", "member": "p1"},
        {"kind": "hearing_aids", "member": "p1", "ears": "2", "basket": "100_sante"},
        {"kind": "hospitalisation", "member": "p1", "days": "5", "single_room_daily": "60"},
    ]),
    # Above the CSS ceilings, a responsible contract: quotes above the limits, a dated stay, a consultation with
    # extra fees, an emergency visit.
    "responsible_contract_with_quotes": _answers("30 000", "private_responsible", [
        {"kind": "dental_prosthesis", "member": "p1", "act": "bridge", "tooth": "front", "material": "ceramic",
         "quote": "2 500", "basket": "other"},
        {"kind": "glasses", "member": "p1", "quote": "650", "basket": "other"},
        {"kind": "hearing_aids", "member": "p1", "ears": "1", "quote": "1 900", "basket": "100_sante"},
        {"kind": "hospitalisation", "member": "p1", "admission_date": "10/12/2026", "discharge_date": "14/12/2026"},
        {"kind": "consultation", "member": "p1", "fee": "60", "sector": "2"},
        {"kind": "emergency_visit", "member": "p1"},
    ]),
}
QUOTED_AND_STAY = {"dental_prosthesis", "glasses", "hearing_aids", "forfait_journalier"}
CHARGES = {
    "modest_without_complementary": QUOTED_AND_STAY | {"single_room"},
    "responsible_contract_with_quotes": QUOTED_AND_STAY | {"consultation", "participation_forfaitaire",
                                                           "emergency_flat_fee"},
}


def _words(text) -> str:
    return " ".join(str(text).replace("\u2066", "").replace("\u2069", "").split())


def results_page(language: str, answers: dict, monkeypatch=None, contexts: list | None = None) -> str:
    """The results page of ``answers`` in ``language``; ``contexts`` receives the simulation and the page's
    template context."""
    if monkeypatch is not None and contexts is not None:
        build_context = questionnaire_views.build_context

        def recording(result, **kwargs):
            context = build_context(result, **kwargs)
            contexts.append((result, context))
            return context

        monkeypatch.setattr(questionnaire_views, "build_context", recording)
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    journey = Journey(client)
    journey.start()
    journey.run(answers)
    response = journey.results()
    assert response.status_code == 200
    return response.content.decode()


def care_sentences(context: dict) -> set[str]:
    """What the French page says about the care lines and the quotes to ask for (the rules' sentences and the
    page's explanations of them)."""
    oop = context["care"]["out_of_pocket"]
    texts = [*oop["assumptions"], *(r["text"] for r in oop["reasons"]), *oop["shared_notes"]]
    for line in oop["lines"]:
        texts.extend([line["label"], *line["explain"], *line["assumptions"]])
        texts.extend(cell["note"] for cell in (line["current"], line["with_css"]) if cell and cell.get("note"))
    for item in context["steps"]["next_steps"]:
        if str(item["key"]).startswith("quote_"):
            texts.extend([item["procedure"], item["organism"], item["how"], item["deadline"], *item["documents"],
                          *(r["text"] for r in item["reasons"])])
            if item["help"]:
                texts.append(item["help"])
    return {_words(text) for text in texts if text}


def nested_phrases(result) -> set[str]:
    """The clauses said inside the care lines' and the quotes' sentences (a phrase given as a value of another),
    in French: a clause left untranslated inside a translated sentence is French too. Words that another aid's
    part of the result says as well (the CPAM aid names the same basket) are left to that aid's own checks."""
    found: set[str] = set()

    def walk(value):
        if isinstance(value, Phrase):
            found.add(_words(value))
            for param in (value.params or {}).values():
                walk(param)
        elif isinstance(value, Joined):
            for part in value.values:
                walk(part)
        elif hasattr(value, "value"):  # Capital, Lower, LowerFirst, Label, Replaced…
            walk(value.value)

    oop = result.reste_a_charge
    for line in oop.lines:
        for text in (line.label, *line.assumptions, line.current.note, line.with_css and line.with_css.note):
            walk(text)
    for item in result.checklist.items:
        if item.key.startswith("quote_"):
            for text in (item.procedure, item.how, *item.documents, item.help):
                walk(text)
    document = result.as_dict()
    elsewhere = [_words(text) for key, value in document.items() if key not in ("reste_a_charge", "checklist")
                 for text in strings_in(value)]
    elsewhere += [_words(text) for item in document["checklist"] if not item["key"].startswith("quote_")
                  for text in strings_in(item)]
    return {clause for clause in found if not any(clause in text for text in elsewhere)}


def french_left(translated_html: str, sentences: set[str]) -> list[str]:
    """The French sentences of ``sentences`` that the translated page shows: a whole text of the page, or (for a
    sentence of four words or more) a part of one. Text marked ``lang="fr"`` on purpose is left aside."""
    texts = visible_texts(translated_html, skip_french=True)
    return sorted(s for s in sentences
                  if any(s == t or (len(s.split()) >= 4 and s in t) for t in texts))


def french_care_sentences(household: str, monkeypatch) -> set[str]:
    """The care sentences of the French results page of ``household``."""
    contexts: list[tuple] = []
    results_page("fr", HOUSEHOLDS[household], monkeypatch, contexts)
    result, context = contexts[-1]
    charges = {line["charge"] for line in context["result"]["reste_a_charge"]["lines"]}
    assert charges == CHARGES[household]
    return care_sentences(context) | nested_phrases(result)


@pytest.mark.django_db
@pytest.mark.parametrize("household", HOUSEHOLDS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_care_lines_and_quotes_are_translated(household, language, monkeypatch):
    sentences = french_care_sentences(household, monkeypatch)
    assert len(sentences) > 40
    assert french_left(results_page(language, HOUSEHOLDS[household]), sentences) == []


@pytest.mark.django_db
def test_a_care_line_left_in_french_is_found(monkeypatch):
    """The check can fail: with the line label of the hospital charge left untranslated, it reports it."""
    sentences = french_care_sentences("modest_without_complementary", monkeypatch)
    translate = PageLanguage.template
    monkeypatch.setattr(PageLanguage, "template",
                        lambda self, key, french: french if key == "oop.label.forfait" else translate(self, key, french))
    left = french_left(results_page("en", HOUSEHOLDS["modest_without_complementary"]), sentences)
    assert left == [s for s in sentences if s.startswith("Forfait journalier (")] and len(left) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_cpam_aid_documents_name_the_basket_in_the_readers_language(language, monkeypatch):
    """The CPAM aid asks for two quotes per quoted care, naming its basket (« hors 100 % Santé » for the crown):
    the basket is said in the reader's language, like the checklist's own quotes."""
    contexts: list[tuple] = []
    results_page("fr", HOUSEHOLDS["modest_without_complementary"], monkeypatch, contexts)
    french_documents = [_words(document) for item in contexts[-1][0].as_dict()["checklist"]
                        if not item["key"].startswith("quote_") for document in item["documents"]]
    assert any("(hors 100 % Santé)" in document for document in french_documents)
    texts = visible_texts(results_page(language, HOUSEHOLDS["modest_without_complementary"]), skip_french=True)
    assert [text for text in texts if "hors 100" in text] == []
