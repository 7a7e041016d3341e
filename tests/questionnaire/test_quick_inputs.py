"""The questionnaire's quick input renderer writes exactly what Django's widget templates write (issue 11).

Every page of the questionnaire is rendered twice, once with ``QuickInputs`` writing the ``<input>`` tags and
once through Django's templates only, and the two pages must be the same, byte for byte (apart from the
CSRF token, which Django masks differently on each page): filled in, sent with errors, and with text that
needs escaping.
"""

from __future__ import annotations

import re

import pytest
from django import forms
from django.utils.safestring import mark_safe

from eligibility.questionnaire.rendering import QUICK_INPUTS, QuickInputs
from tests.dossiers.test_hostile_input import every_step_answers
from tests.questionnaire.test_questionnaire_helpers import Journey, household_data

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def both_ways(monkeypatch, fetch) -> tuple[str, str]:
    """(page with quick inputs, page through Django's templates only), CSRF tokens blanked."""
    quick = fetch()
    with monkeypatch.context() as patched:
        patched.setattr(QuickInputs, "quick_writers", lambda self: {})
        slow = fetch()
    return tuple(CSRF.sub('name="csrfmiddlewaretoken" value=""', r.content.decode()) for r in (quick, slow))


def test_the_quick_path_is_in_use():
    writers = QUICK_INPUTS.quick_writers()
    assert "django/forms/widgets/radio_option.html" in writers
    assert "django/forms/widgets/checkbox_option.html" in writers
    assert "django/forms/widgets/hidden.html" in writers
    assert "django/forms/widgets/text.html" in writers


def test_every_page_filled_in_is_the_same(client, monkeypatch):
    answers = every_step_answers()
    journey = Journey(client)
    journey.start()
    step, seen = "residence", []
    while step and step != "resultats":
        quick, slow = both_ways(monkeypatch, lambda s=step: client.get(journey.url(s)))
        assert "<input" in quick
        assert quick == slow, step
        seen.append(step)
        response = journey.post(step, answers[step])
        assert response.status_code == 302, step
        step = journey.next_step(response)
    assert len(seen) == 13


def test_pages_sent_with_errors_are_the_same(client, monkeypatch):
    journey = Journey(client)
    journey.start()
    quick, slow = both_ways(monkeypatch, lambda: journey.post("residence", {"place": "nulle part"}))
    assert "error-message" in quick
    assert quick == slow
    assert journey.post("residence", {"place": "75011"}).status_code == 302
    people = household_data([{"role": "applicant", "birth_date": "31/02/1980", "label": 'Zoé "<b>&\'co'}])
    quick, slow = both_ways(monkeypatch, lambda: journey.post("foyer", people))
    assert "error-message" in quick
    assert "&lt;b&gt;&amp;" in quick
    assert quick == slow


class Everything(forms.Form):
    default_renderer = QUICK_INPUTS
    text = forms.CharField(initial='a "quoted" <tag> & \'single\'', widget=forms.TextInput(attrs={
        "data-safe": mark_safe("a&amp;b"), "aria-describedby": "id_text_helptext", "autocomplete": "off",
        "disabled": True, "hidden": False, "maxlength": 10, "step": 0.5,
    }))
    number = forms.DecimalField(initial="12.50", widget=forms.NumberInput)
    hidden = forms.CharField(initial="", widget=forms.HiddenInput)
    check = forms.BooleanField(initial=True)
    radio = forms.ChoiceField(choices=[("a", "A & B"), ("b", '"B"')], widget=forms.RadioSelect, initial="b")
    many = forms.MultipleChoiceField(choices=[(1, "<un>"), (2, "deux")], widget=forms.CheckboxSelectMultiple,
                                     initial=[2])


@pytest.mark.parametrize("data", [None, {"text": "<b>", "number": "x", "radio": "a", "many": ["1", "2"]}])
def test_every_kind_of_input_the_same(data):
    slow_renderer = QuickInputs()
    slow_renderer._quick = {}

    def tags(form) -> list[str]:
        return [html for bound in form for html in [str(bound)] + [
            sub.tag(wrap_label=wrap) for sub in bound.subwidgets for wrap in (False, True)]]

    quick = tags(Everything(data))
    assert quick == tags(Everything(data, renderer=slow_renderer))
    typed = "&lt;b&gt;" if data else "a &quot;quoted&quot; &lt;tag&gt; &amp; &#x27;single&#x27;"
    assert f'value="{typed}"' in quick[0]
    assert ' data-safe="a&amp;b"' in quick[0]
