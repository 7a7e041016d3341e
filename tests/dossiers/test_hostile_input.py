"""Hostile input on every questionnaire step: nothing stored but the declared fields, never a 5xx.

These tests run on SQLite and again on PostgreSQL (``make test``), whose JSON type refuses ``\\u0000``:
a NUL byte that reached ``Case.answers`` answered 500 there. Every field that a step's page shows is
poisoned in turn (NUL, a right-to-left override, an escape sequence, 20 000 characters); junk fields and
too many fields are posted; hypothesis posts random text into every field.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eligibility.models import Case
from eligibility.questionnaire.journey import JOURNEY
from eligibility.questionnaire.storage import MAX_CASE_ANSWERS_BYTES
from eligibility.questionnaire.views import QuestionnaireWizard
from eligibility.safe_input import FORBIDDEN_CHARACTERS
from tests.questionnaire.test_questionnaire_helpers import Journey, care_data, household_data

REQUEST_DATE = date(2026, 11, 22)
STEPS = [step.name for step in JOURNEY]
CONTROL = "caractère invisible ou de contrôle"
TOO_LONG = "Ce texte est trop long"
POISONS = {
    "nul": ("12\x00", CONTROL),
    "rtl-override": ("\u202e93", CONTROL),
    "escape": ("\x1b[31m93", CONTROL),
    "20000-chars": ("9" * 20000, TOO_LONG),
}


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def every_step_answers() -> dict[str, dict]:
    """A household that the questionnaire asks every step of (Moselle, a child of 22, care planned, self-employed)."""
    return {
        "residence": {"place": "57000"},
        "regime-local": {"alsace_moselle": "yes"},
        "foyer": household_data([
            {"role": "applicant", "birth_date": "21/07/1978", "activity": "self_employed", "label": "Nour"},
            {"role": "child", "birth_date": "03/03/2015", "label": "Léa"},
            {"role": "child", "birth_date": "10/10/2004", "label": "Sam"},
        ]),
        "jeunes": {"c2__lives_with_parents": "no", "c2__tax_attached": "no", "c2__receives_deductible_alimony": "no"},
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["self_employment"]},
        "montants": {"p1__self_employment__annual": "9 000"},
        "complementaire": {"complementary": "none"},
        "soins": care_data([{"kind": "hospitalisation", "member": "p1", "days": "5"}]),
        "sante": {},
        "difficultes": {"difficulties": ["care_costs_not_covered"]},
        "independant": {"self_employed_difficulties": ["self_employed_financial_hardship"]},
        "verification": {},
    }


def journey_at(client, step: str) -> Journey:
    """A new case with every step before ``step`` answered."""
    journey = Journey(client)
    journey.start()
    answers = every_step_answers()
    for earlier in STEPS[:STEPS.index(step)]:
        assert journey.post(earlier, answers[earlier]).status_code == 302, earlier
    return journey


def field_names(client, journey: Journey, step: str) -> list[str]:
    """Every field name of the step's page (inputs, selects, text areas), management form included."""
    page = client.get(journey.url(step)).content.decode()
    return sorted(set(re.findall(rf'name="({re.escape(step)}-[^"]+)"', page)))


def stored(journey: Journey) -> dict:
    return Case.objects.get(public_id=journey.case_id).answers


def payload(step: str, data: dict) -> dict:
    return {f"{step}-{key}": value for key, value in data.items()}


def assert_clean(answers: dict) -> None:
    text = json.dumps(answers, ensure_ascii=False)
    assert not FORBIDDEN_CHARACTERS.search(text)
    assert len(text.encode()) <= MAX_CASE_ANSWERS_BYTES


@pytest.mark.django_db
@pytest.mark.parametrize("step", STEPS)
def test_every_field_of_every_step_refuses_hostile_text_next_to_it(client, step):
    journey = journey_at(client, step)
    names = field_names(client, journey, step)
    assert names or step == "verification"
    before = stored(journey)
    valid = payload(step, every_step_answers()[step])
    for name in names:
        for kind, (poison, message) in POISONS.items():
            data = {**valid, name: poison}
            response = journey.post(step, extra=data)
            assert response.status_code == 200, (name, kind, response.status_code)
            page = response.content.decode()
            if name.endswith("_FORMS"):  # a hidden management field: the page says what to do
                message = "données illisibles"
            assert message in page, (name, kind)
            assert 'aria-invalid="true"' in page or "error-summary" in page, (name, kind)
            after = stored(journey)
            assert after["step_data"].get(step) == before["step_data"].get(step), (name, kind)
            assert_clean(after)
    # The page still takes the right answers afterwards.
    assert journey.post(step, every_step_answers()[step]).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("step", STEPS)
def test_junk_fields_are_never_stored(client, step):
    journey = journey_at(client, step)
    declared = set(field_names(client, journey, step))
    junk = {f"{step}-junk{i}": "x" * 400 for i in range(900)}
    junk.update({f"{step}-0-junk": "x" * 400, "unprefixed": "y" * 400})
    response = journey.post(step, every_step_answers()[step], extra=junk)
    assert response.status_code == 302
    answers = stored(journey)
    kept = set(answers["step_data"][step])
    assert kept <= declared | {f"{step}-{k}" for k in every_step_answers()[step]}
    assert not any("junk" in key for key in kept)
    assert len(json.dumps(answers).encode()) < 20_000


@pytest.mark.django_db
def test_too_many_fields_answer_400_not_500(client):
    journey = journey_at(client, "residence")
    extra = {f"residence-f{i}": "1" for i in range(2100)}
    response = journey.post("residence", {"place": "93200"}, extra=extra)
    assert response.status_code == 400
    assert "residence" not in stored(journey).get("step_data", {})


@pytest.mark.django_db
def test_repeated_values_keep_one_per_field(client):
    journey = journey_at(client, "residence")
    response = journey.client.post(journey.url("residence"), {
        "case-current_step": "residence", "action": "next",
        "residence-place": ["93200"] * 500,
    })
    assert response.status_code == 302
    data = stored(journey)["step_data"]["residence"]
    assert data == {"residence-place": ["93200"]}


@pytest.mark.django_db
def test_add_and_remove_buttons_refuse_hostile_text_too(client):
    journey = journey_at(client, "foyer")
    data = payload("foyer", every_step_answers()["foyer"])
    data["foyer-1-label"] = "Léa\x00"
    response = journey.post("foyer", action="add:child", extra=data)
    assert response.status_code == 200
    assert CONTROL in response.content.decode()
    assert "foyer" not in stored(journey)["step_data"]


@pytest.mark.django_db
def test_a_case_never_grows_past_its_cap(client, monkeypatch):
    """Each post is small, but the case as a whole has a ceiling (checked before anything is written)."""
    from eligibility.questionnaire import storage

    journey = journey_at(client, "foyer")
    before = stored(journey)
    monkeypatch.setattr(storage, "MAX_CASE_ANSWERS_BYTES", len(json.dumps(before, ensure_ascii=False)) + 100)
    response = journey.post("foyer", every_step_answers()["foyer"])
    assert response.status_code == 200
    assert "trop de texte" in response.content.decode()
    assert stored(journey)["step_data"] == before["step_data"]


# --------------------------------------------------------------------------- property-based

printable_or_not = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60,
)


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["residence", "foyer", "montants", "soins"])
def test_random_text_in_every_field_never_answers_5xx_nor_stores_junk(client, step):
    journey = journey_at(client, step)
    names = field_names(client, journey, step)
    valid = payload(step, every_step_answers()[step])

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(values=st.fixed_dictionaries(dict.fromkeys(names, printable_or_not)),
           junk=st.dictionaries(st.text(min_size=1, max_size=20), st.text(max_size=50), max_size=20))
    def post(values, junk):
        data = {**valid, **values, **{f"{step}-{k}": v for k, v in junk.items()}}
        response = journey.post(step, extra=data)
        assert response.status_code < 500
        answers = stored(journey)
        assert_clean(answers)
        kept = set(answers["step_data"].get(step, {}))
        assert kept <= set(names) | set(valid), kept - set(names) - set(valid)

    post()
