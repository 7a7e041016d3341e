"""The pages that refuse or confirm, in English and Arabic: throttles, refused input, the e-mail of the resume
code (and the message itself), the feedback form's errors. None may keep a French sentence.

Each language runs with an empty cache (the throttles' counters), so that French and the translated
language meet the same refusals.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.i18n_pages import left_in_french, visible_texts

from .test_i18n import TRANSLATED, client_in, html_of, html_tag, start_case
from .test_i18n_journeys import PERSONAS, fixed_today  # noqa: F401  (the journey's date)
from .test_questionnaire_helpers import Journey

ADDRESS = "personne@example.org"


def refusals(language: str, settings) -> tuple[dict[str, str], dict[str, int]]:
    """The refusal and confirmation pages a visitor in ``language`` can meet, by name, with their status."""
    cache.clear()
    mail.outbox = []
    settings.THROTTLE_CASE_CREATION = (1, 3600)
    settings.THROTTLE_RESUME_CODES = (1, 900)
    client = client_in(language)
    case_id = start_case(client)
    save = reverse("questionnaire:save", kwargs={"case_id": case_id})
    step = reverse("questionnaire:step", kwargs={"case_id": case_id, "step": "residence"})
    shown = {
        "start (throttled)": client.post(reverse("questionnaire:start")),
        "e-mail (empty)": client.post(save, {"email": ""}),
        "e-mail (wrong)": client.post(save, {"email": "pas-une-adresse"}),
        "e-mail (control character)": client.post(save, {"email": "a\x01b@example.org"}),
        "e-mail (too long)": client.post(save, {"email": "a" * 250 + "@example.org"}),
        "e-mail (sent)": client.post(save, {"email": ADDRESS}),
        "step (control character)": client.post(step, {"case-current_step": "residence", "action": "next",
                                                       "residence-department": "\x0775"}),
        "resume (wrong code)": client.post(reverse("questionnaire:resume"), {"code": "ZZZZ-ZZZZ-ZZ"}),
        "resume (throttled)": client.post(reverse("questionnaire:resume"), {"code": "ZZZZ-ZZZZ-ZZ"}),
    }
    for _ in range(5):
        refused = client.post(save, {"email": ADDRESS})
        if refused.status_code == 429:
            break
    shown["e-mail (throttled)"] = refused
    statuses = {name: response.status_code for name, response in shown.items()}
    pages = {name: html_of(response) for name, response in shown.items()}
    assert len(mail.outbox) >= 1
    message = mail.outbox[0]
    lines = [message.subject, *message.body.splitlines()]
    pages["the e-mail itself"] = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    return pages, statuses


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_refusals_and_the_resume_code_e_mail_are_translated(language, settings):
    french, french_statuses = refusals("fr", settings)
    translated, statuses = refusals(language, settings)
    assert statuses == french_statuses
    assert statuses["start (throttled)"] == statuses["resume (throttled)"] == statuses["e-mail (throttled)"] == 429
    assert statuses["e-mail (control character)"] == statuses["e-mail (too long)"] == 400
    left = {name: left_in_french(french[name], translated[name], {ADDRESS}) for name in french}
    assert {name: texts for name, texts in left.items() if texts} == {}
    for name, html in translated.items():
        if name != "the e-mail itself":
            assert html_tag(html).startswith(f'<html lang="{language}"'), name
        # The comparison met the French texts: the French page did say something.
        assert len(visible_texts(french[name])) > 2, name


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_the_feedback_form_errors_are_translated(language, fixed_today):  # noqa: F811
    def page(lang: str) -> str:
        client = client_in(lang)
        journey = Journey(client)
        journey.start()
        journey.run(PERSONAS["single_on_rsa"]())
        url = reverse("questionnaire:feedback", kwargs={"case_id": journey.case_id})
        response = client.post(url, {"comment": "?"})
        assert response.status_code == 400
        html = html_of(response)
        # The error summary at the top of the page, and the form's own section.
        summary = re.search(r'<div class="error-summary".*?</div>', html, flags=re.S)
        section = re.search(r'<section class="feedback.*?</section>', html, flags=re.S)
        assert summary and section
        return summary.group(0) + section.group(0)

    french, translated = page("fr"), page(language)
    assert 'id="id_reaction_error"' in translated
    assert left_in_french(french, translated, {"?"}) == []
    assert len(visible_texts(french)) > 5
