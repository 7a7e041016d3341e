"""The rules' sentences on the pages go through the wording catalogue in the page's language.

A French page prints exactly the API's sentences. A translated page asks gettext for each template (with its
key as context): once a template is translated, the reasons, resource notes and checklist steps of the page
read the translation, filled with the same values; an untranslated sentence stays French as a whole.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from eligibility.presentation import wording as page_wording
from eligibility.presentation.context import build_context
from eligibility.rules.engine import simulate
from eligibility.rules.reasons import format_eur
from eligibility.rules.situation import parse_situation

SITUATION = {
    "request_date": "2026-11-22",
    "residence": {"territory": "metropole", "department": "93"},
    "members": [{"id": "p1", "role": "applicant", "birth_date": "1984-06-02", "activity": "employee"}],
    "housing": {"status": "tenant", "housing_aid_monthly": 250.0},
    "resources": [{"member": "p1", "type": "salary", "amount": 9000.0}],
    "coverage": {"complementary": "none"},
    "planned_care": [],
}


@pytest.fixture
def result():
    return simulate(parse_situation(SITUATION, today=date(2026, 11, 22)))


def _texts(context: dict) -> list[str]:
    return [r["text"] for r in context["css"]["reasons"]]


def test_a_french_page_prints_the_api_sentences(result):
    with translation.override("fr"):
        context = build_context(result)
    api = result.as_dict()["css"]["reasons_detail"]
    assert _texts(context) == [r["text"] for r in api]


def test_a_translated_page_reads_the_translated_template_with_the_same_values(result, monkeypatch):
    translated = {
        "css.resources": "Total resources counted: {total} over {months} months.",
        "css.resource_included": "{label} ({who}): {amount} counted.",
        "checklist.css_request.procedure": "Apply for the Complémentaire santé solidaire ({what})",
    }

    def pgettext(context, message):
        return translated.get(context, message)

    monkeypatch.setattr(page_wording, "pgettext", pgettext)
    with translation.override("en"):
        context = build_context(result)
    texts = _texts(context)
    assert f"Total resources counted: {format_eur(result.css.resources)} over 12 months." in texts
    # Not translated yet: the whole sentence stays French (its dates too).
    assert any(t.startswith("Les ressources retenues sont celles reçues d'octobre 2025") for t in texts)
    notes = [line["note"] for line in context["css"]["resource_lines"]]
    assert notes[0].endswith("): 9\u202f000\u00a0€ counted.")
    procedures = [step["procedure"] for step in context["steps"]["next_steps"]]
    assert any(p.startswith("Apply for the Complémentaire santé solidaire (") for p in procedures)
    # The result itself (the API) is untouched by the page's language.
    assert result.as_dict()["css"]["reasons_detail"][0]["text"].startswith("Votre foyer compte")


def test_render_says_a_reason_in_the_active_language(result, monkeypatch):
    monkeypatch.setattr(page_wording, "pgettext",
                        lambda context, message: "Household: {persons}." if context == "css.household" else message)
    reason = result.css.reasons[0]
    with translation.override("en"):
        assert page_wording.render(reason).startswith("Household: 1 personne")
    with translation.override("fr"):
        assert page_wording.render(reason) == reason.text
