"""Helpers that drive the questionnaire through the Django test client, and the tests of its input fields.

``Journey`` posts each step the way the browser does (management form, step prefix, action button), so the
journey tests and the benchmark read like the pages.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from eligibility.questionnaire.fields import parse_amount, parse_french_date

ROLE_PREFIX = {"applicant": "p", "partner": "p", "child": "c", "other_dependent": "d"}


def household_data(people: list[dict]) -> dict:
    """The household formset's POST data for ``people`` (dicts with role, birth_date, activity…)."""
    data = {
        "TOTAL_FORMS": str(len(people)), "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "1", "MAX_NUM_FORMS": "20",
    }
    counters = {"p": 0, "c": 0, "d": 0}
    for i, person in enumerate(people):
        prefix = ROLE_PREFIX[person["role"]]
        counters[prefix] += 1
        uid = person.get("uid") or f"{prefix}{counters[prefix]}"
        data[f"{i}-uid"] = uid
        data[f"{i}-role"] = person["role"]
        data[f"{i}-label"] = person.get("label", "")
        data[f"{i}-birth_date"] = person["birth_date"]
        data[f"{i}-activity"] = person.get("activity", "")
        if person.get("sex"):
            data[f"{i}-sex"] = person["sex"]
        if person.get("shared_custody"):
            data[f"{i}-shared_custody"] = "on"
    return data


def care_data(items: list[dict]) -> dict:
    data = {"TOTAL_FORMS": str(len(items)), "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "20"}
    for i, item in enumerate(items):
        for key, value in item.items():
            if value is True:
                data[f"{i}-{key}"] = "on"
            elif value not in (False, None):
                data[f"{i}-{key}"] = str(value)
    return data


class Journey:
    """One visitor filling in one case."""

    def __init__(self, client):
        self.client = client
        self.case_id = None

    def start(self):
        response = self.client.post(reverse("questionnaire:start"))
        assert response.status_code == 302
        match = re.search(r"/questionnaire/([0-9a-f-]{36})/", response["Location"])
        self.case_id = match.group(1)
        return response

    def url(self, step: str) -> str:
        return reverse("questionnaire:step", kwargs={"case_id": self.case_id, "step": step})

    @property
    def results_url(self) -> str:
        return reverse("questionnaire:results", kwargs={"case_id": self.case_id})

    def post(self, step: str, data: dict | None = None, *, action: str = "next", extra: dict | None = None):
        payload = {"case-current_step": step, "action": action}
        for key, value in (data or {}).items():
            if isinstance(value, list | tuple):
                payload[f"{step}-{key}"] = list(value)
            else:
                payload[f"{step}-{key}"] = value
        payload.update(extra or {})
        return self.client.post(self.url(step), payload)

    def next_step(self, response) -> str | None:
        """The step a redirect points to (``None`` when it is not a step URL)."""
        match = re.search(r"/questionnaire/[0-9a-f-]{36}/([a-z_-]+)/", response.get("Location", ""))
        return match.group(1) if match else None

    def run(self, answers: dict[str, dict]) -> list[str]:
        """Post ``answers`` step after step, following the wizard; returns the steps visited."""
        visited = []
        step = "residence"
        while step and step != "resultats":
            assert step in answers, f"the wizard asked for step {step!r} that the persona does not answer"
            response = self.post(step, answers[step])
            assert response.status_code == 302, (step, _errors(response))
            visited.append(step)
            step = self.next_step(response)
        return visited

    def results(self):
        return self.client.get(self.results_url)

    def measure(self, answers: dict[str, dict]) -> dict[str, int]:
        """Like ``run``, but first shows each page holding the answers about to be sent, and counts its questions.

        The answers are stored with "Précédent" (which keeps them and shows no error), the page is read back
        with them, then sent with "Continuer". Returns ``{step: questions offered}`` in the order visited.
        """
        counts: dict[str, int] = {}
        step = "residence"
        while step and step != "resultats":
            assert step in answers, f"the wizard asked for step {step!r} that the persona does not answer"
            self.post(step, answers[step], action="prev")
            page = self.client.get(self.url(step))
            assert page.status_code == 200, step
            counts[step] = count_questions(page.content.decode(), step)
            response = self.post(step, answers[step])
            assert response.status_code == 302, (step, _errors(response))
            step = self.next_step(response)
        return counts


def count_questions(html: str, step: str) -> int:
    """Questions offered on a page: one per field to fill or choose (a radio or checkbox group counts once).

    Hidden inputs and buttons are not questions; a section that opens on an answer (``data-reveal-when`` and
    ``data-reveal-value``) counts only when the answer shown on the page opens it.
    """
    page = _Fields()
    page.feed(html)
    checked = {(name, value) for name, value, is_checked in page.choices if is_checked}
    names = set()
    for name, reveals in page.fields:
        if not name.startswith(f"{step}-"):
            continue
        if all(any((when, value) in checked for value in values) for when, values in reveals):
            names.add(name)
    return len(names)


class _Fields(HTMLParser):
    """The fields of the step's form, each with the reveal sections around it."""

    VOID = {"input", "br", "img", "hr", "meta", "link", "source", "area", "col", "embed", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, tuple[str, list[str]] | None]] = []
        self.in_form = False
        self.fields: list[tuple[str, list[tuple[str, list[str]]]]] = []
        self.choices: list[tuple[str, str, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == "formulaire":
            self.in_form = True
        if tag in ("input", "select", "textarea") and self.in_form:
            kind = (a.get("type") or "").lower()
            if kind in ("radio", "checkbox"):
                self.choices.append((a.get("name") or "", a.get("value") or "", "checked" in a))
            if kind not in ("hidden", "submit", "button") and a.get("name"):
                reveals = [r for _t, r in self.stack if r is not None]
                self.fields.append((a["name"], reveals))
        if tag not in self.VOID:
            reveal = None
            if a.get("data-reveal-when"):
                reveal = (a["data-reveal-when"], (a.get("data-reveal-value") or "").split())
            self.stack.append((tag, reveal))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def _errors(response) -> str:
    text = response.content.decode()
    return " | ".join(re.findall(r'class="error-message"[^>]*>(.*?)</p>', text, re.S))


def text_of(response) -> str:
    """The page as text with normal spaces (French money uses narrow and non-breaking spaces)."""
    html = response.content.decode()
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("\u202f", " ").replace("\u00a0", " ").replace("&#x27;", "'").replace("&quot;", '"')
    return " ".join(text.split())


# --------------------------------------------------------------------------- field tests


@pytest.mark.parametrize(("typed", "expected"), [
    ("1 234,56", Decimal("1234.56")),
    ("1234.56", Decimal("1234.56")),
    ("1 234 €", Decimal("1234")),
    ("1 234,56 €", Decimal("1234.56")),
    ("1\u00a0234,56\u00a0€", Decimal("1234.56")),
    ("1\u202f234,56\u202f€", Decimal("1234.56")),
    ("1.234,56", Decimal("1234.56")),
    ("1,234.56", Decimal("1234.56")),
    ("250", Decimal("250")),
    ("0", Decimal("0")),
    ("12,5", Decimal("12.5")),
    ("1.234.567", Decimal("1234567")),
])
def test_amounts_are_read_the_way_people_type_them(typed, expected):
    assert parse_amount(typed) == expected


@pytest.mark.parametrize("typed", ["abc", "-12", "12,345,6", "1,2,3", "12,345", ""])
def test_unreadable_amounts_raise_a_french_message(typed):
    with pytest.raises(ValueError) as exc:
        parse_amount(typed)
    message = str(exc.value)
    assert any(word in message for word in ("montant", "Montant", "chiffres", "négatif", "virgule"))


@pytest.mark.parametrize(("typed", "expected"), [
    ("22/11/2026", date(2026, 11, 22)),
    ("2/6/1984", date(1984, 6, 2)),
    ("22-11-2026", date(2026, 11, 22)),
    ("22.11.2026", date(2026, 11, 22)),
    ("2026-11-22", date(2026, 11, 22)),
    ("22 novembre 2026", date(2026, 11, 22)),
    ("1er janvier 2000", date(2000, 1, 1)),
])
def test_french_dates(typed, expected):
    assert parse_french_date(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/2020", "2020", "demain", "13/13/2020"])
def test_impossible_dates_are_explained(typed):
    with pytest.raises(ValueError, match="JJ/MM/AAAA"):
        parse_french_date(typed)
