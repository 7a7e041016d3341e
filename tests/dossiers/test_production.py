"""Sturdy in production: per-case access without the session, throttles in the shared cache, the client
address behind proxies, no-store, erasure and purge of sessions, error reporting scrubbed, logs without
the characters of a name."""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from aidsante.errors import scrub_event
from aidsante.logging import MissingGlyphFilter
from eligibility.client import client_address, client_ip
from eligibility.models import Case
from eligibility.questionnaire import access
from eligibility.questionnaire.views import QuestionnaireWizard
from tests.examples import CONTRACT_EXAMPLE
from tests.questionnaire.test_questionnaire_helpers import Journey

from .test_dossiers_support import *  # noqa: F403  (the fixtures)
from .test_dossiers_support import make_dossier
from .test_hostile_input import every_step_answers

REQUEST_DATE = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: REQUEST_DATE)


def answered(client) -> Journey:
    journey = Journey(client)
    journey.start()
    answers = every_step_answers()
    journey.run(answers)
    return journey


# --------------------------------------------------------------------------- per-case access


@pytest.mark.django_db
def test_two_tabs_two_cases_each_keeps_its_own_access(client):
    """Starting case B while tab A works on case A (the old session list lost B): both stay reachable."""
    tab_a = Journey(client)
    tab_a.start()
    assert tab_a.post("residence", every_step_answers()["residence"]).status_code == 302
    cookies_when_a_started = {k: v.value for k, v in client.cookies.items()}
    tab_b = Journey(client)
    tab_b.start()
    # Tab A's slow request began before B existed and ends after: it sets no cookie and writes no session.
    slow = Client()
    for name, value in cookies_when_a_started.items():
        slow.cookies[name] = value
    response = slow.get(tab_a.url("regime-local"))
    assert response.status_code == 200
    assert not any(name.startswith("case-") or name == "sessionid" for name in response.cookies)
    assert client.get(tab_b.url("residence")).status_code == 200
    assert client.get(tab_a.url("regime-local")).status_code == 200
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_each_case_cookie_is_signed_scoped_to_its_case_and_ends_with_the_browser(client):
    journey = Journey(client)
    response = journey.start()
    cookie = response.cookies[access.cookie_name(journey.case_id)]
    assert cookie["path"] == f"/questionnaire/{journey.case_id}/"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert not cookie["max-age"] and not cookie["expires"]  # a session cookie: gone when the browser closes
    other = Case.objects.create()
    forged = Client()
    # The same signed value under another case's name, or an unsigned value, opens nothing.
    forged.cookies[access.cookie_name(other.public_id)] = cookie.value
    assert forged.get(reverse("questionnaire:case", kwargs={"case_id": other.public_id})).status_code == 404
    forged.cookies[access.cookie_name(other.public_id)] = str(other.public_id)
    assert forged.get(reverse("questionnaire:case", kwargs={"case_id": other.public_id})).status_code == 404


@pytest.mark.django_db
def test_the_resume_code_gives_access_back_in_another_browser(client):
    journey = answered(client)
    assert client.get(reverse("questionnaire:save", kwargs={"case_id": journey.case_id})).status_code == 200
    code = Case.objects.get(public_id=journey.case_id).resume_code
    other = Client()
    assert other.get(journey.url("residence")).status_code == 404
    response = other.post(reverse("questionnaire:resume"), {"code": code})
    assert response.status_code == 302
    assert other.get(journey.results_url).status_code == 200


# --------------------------------------------------------------------------- throttles and client address


def wrong_code(client, **extra):
    return client.post(reverse("questionnaire:resume"), {"code": "ZZZZ-ZZZZ-ZZ"}, **extra)


@pytest.mark.django_db
def test_resume_codes_are_throttled_per_client_and_a_right_code_does_not_count(client):
    journey = answered(client)
    assert client.get(reverse("questionnaire:save", kwargs={"case_id": journey.case_id})).status_code == 200
    code = Case.objects.get(public_id=journey.case_id).resume_code
    visitor = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):  # right codes give their slot back
        assert visitor.post(reverse("questionnaire:resume"), {"code": code}).status_code == 302
    for _ in range(10):
        assert wrong_code(visitor).status_code == 400
    blocked = visitor.post(reverse("questionnaire:resume"), {"code": code})
    assert blocked.status_code == 429
    assert "Trop de codes" in blocked.content.decode()
    # Another address is not blocked.
    assert Client(REMOTE_ADDR="203.0.113.8").post(reverse("questionnaire:resume"), {"code": code}).status_code == 302


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_each_client_has_its_own_counter_and_cannot_spoof_it():
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for _ in range(10):
        assert wrong_code(proxy, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 400
    assert wrong_code(proxy, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    # A client behind the same proxy is not blocked…
    assert wrong_code(proxy, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 400
    # …and the blocked one cannot escape by writing its own X-Forwarded-For (the proxy appends the real one).
    assert wrong_code(proxy, HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.1").status_code == 429


def test_client_address_reads_only_what_the_trusted_proxies_wrote(settings):
    factory = RequestFactory()
    request = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.1, 10.0.0.1")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "198.51.100.1"
    settings.TRUSTED_PROXY_COUNT = 5  # fewer hops than proxies: not through them, keep the socket's address
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-address")) == "10.0.0.2"
    assert client_address(factory.get("/", REMOTE_ADDR="")) is None


@pytest.mark.django_db
@override_settings(THROTTLE_CASE_CREATION=(3, 3600))
def test_case_creation_is_rate_limited_per_client():
    visitor = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(3):
        assert visitor.post(reverse("questionnaire:start")).status_code == 302
    response = visitor.post(reverse("questionnaire:start"))
    assert response.status_code == 429
    assert "Attendez une heure" in response.content.decode()
    assert Case.objects.count() == 3
    assert Client(REMOTE_ADDR="203.0.113.10").post(reverse("questionnaire:start")).status_code == 302


@pytest.mark.django_db
@override_settings(THROTTLE_IMPORT_CODES=(3, 900))
def test_import_by_code_is_throttled_per_account(agent_client, org, agent):
    dossier = make_dossier(org, agent)
    url = reverse("dossiers:import", kwargs={"public_id": dossier.public_id})
    for _ in range(3):
        assert agent_client.post(url, {"resume_code": "ZZZZ-ZZZZ-ZZ"}).status_code == 200
    response = agent_client.post(url, {"resume_code": "ZZZZ-ZZZZ-ZZ"})
    assert response.status_code == 429
    assert "Trop de codes" in response.content.decode()


@pytest.mark.django_db
@override_settings(THROTTLE_API=(5, 60))
def test_the_api_is_rate_limited_per_client_in_json():
    api = Client(REMOTE_ADDR="203.0.113.20")
    statuses = [api.post("/api/v1/simulations", CONTRACT_EXAMPLE, content_type="application/json").status_code
                for _ in range(7)]
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429, 429]
    refused = api.post("/api/v1/simulations", CONTRACT_EXAMPLE, content_type="application/json")
    assert refused["Content-Type"].startswith("application/json")
    assert int(refused["Retry-After"]) >= 1
    assert refused.json()["errors"][0]["message"].startswith("Trop de requêtes")
    other = Client(REMOTE_ADDR="203.0.113.21")
    assert other.post("/api/v1/simulations", CONTRACT_EXAMPLE, content_type="application/json").status_code == 200


# --------------------------------------------------------------------------- shared computers


@pytest.mark.django_db
def test_no_page_with_answers_or_a_code_may_be_stored(client):
    journey = answered(client)
    urls = [
        reverse("questionnaire:start"), reverse("questionnaire:resume"), journey.url("ressources"),
        journey.url("verification"), journey.results_url,
        reverse("questionnaire:save", kwargs={"case_id": journey.case_id}),
        reverse("questionnaire:print", kwargs={"case_id": journey.case_id}),
        reverse("questionnaire:pdf", kwargs={"case_id": journey.case_id}),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    posted = journey.post("residence", every_step_answers()["residence"])
    assert "no-store" in posted["Cache-Control"]


@pytest.mark.django_db
def test_workspace_pages_are_not_stored_either(agent_client, org, agent):
    dossier = make_dossier(org, agent)
    for url in [reverse("dossiers:list"), reverse("dossiers:detail", kwargs={"public_id": dossier.public_id})]:
        assert "no-store" in agent_client.get(url)["Cache-Control"]


# --------------------------------------------------------------------------- sessions: erasure and purge


@pytest.mark.django_db
def test_erasure_removes_the_search_term_that_found_the_person_from_sessions(client, org, agent, manager):
    dossier = make_dossier(org, agent, last_name="Zouhair", first_name="Amina")
    other = make_dossier(org, agent, last_name="Martin", first_name="Paul")
    agent_client = Client()
    agent_client.force_login(agent)
    agent_client.post(reverse("dossiers:list"), {"q": "zouh"})
    colleague_searching_someone_else = Client()
    colleague_searching_someone_else.force_login(manager)
    colleague_searching_someone_else.post(reverse("dossiers:list"), {"q": "martin"})
    assert any("zouh" in json.dumps(s.get_decoded()) for s in Session.objects.all())
    client.force_login(manager)
    assert client.post(reverse("dossiers:erase", kwargs={"public_id": dossier.public_id})).status_code == 302
    stored = " ".join(json.dumps(s.get_decoded()) for s in Session.objects.all())
    assert "zouh" not in stored.lower() and "Zouhair" not in stored
    assert "martin" in stored  # a search for someone else stays
    assert other.pk


@pytest.mark.django_db
def test_purge_also_clears_expired_sessions_and_cache_entries(agent_client):
    from django.core.cache import cache

    agent_client.get(reverse("dossiers:list"))
    live = Session.objects.get()
    expired = Session.objects.create(session_key="x" * 32, session_data="e30:1", expire_date=timezone.now() - timedelta(1))
    cache.set("old-counter", 1, 1)
    cache.set("live-counter", 1, 600)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("UPDATE aidsante_cache SET expires = %s WHERE cache_key LIKE %s",
                       [timezone.now() - timedelta(hours=1), "%old-counter"])
    from io import StringIO

    out = StringIO()
    call_command("purge_expired", stdout=out)
    assert "Sessions expirées effacés : 1" in out.getvalue()
    assert list(Session.objects.values_list("pk", flat=True)) == [live.pk]
    assert not Session.objects.filter(pk=expired.pk).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM aidsante_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert any(k.endswith("live-counter") for k in keys) and not any(k.endswith("old-counter") for k in keys)


# --------------------------------------------------------------------------- logs and error reports


def test_missing_glyph_warnings_keep_no_character_of_the_name():
    """WeasyPrint names each character no font has; the filter keeps the warning, not the character."""
    from eligibility.presentation.pdf import render_dossier_pdf  # noqa: F401  (the PDF module configures nothing itself)

    record = logging.LogRecord("weasyprint", logging.WARNING, __file__, 1,
                               '.notdef glyph rendered for Unicode string unsupported by fonts: "%s" (U+%04X)',
                               ("\U00013000", 0x13000), None)
    assert MissingGlyphFilter().filter(record)
    assert "\U00013000" not in record.getMessage() and "13000" not in record.getMessage()
    assert "fonts-noto" in record.getMessage()
    # The filter is installed on WeasyPrint's logger by the settings.
    assert any(isinstance(f, MissingGlyphFilter) for f in logging.getLogger("weasyprint").filters)


@pytest.mark.django_db
def test_a_pdf_with_a_character_no_font_has_logs_no_personal_text(client, org, agent):
    from eligibility.presentation.pdf import render_dossier_pdf
    from eligibility.rules.situation import parse_situation
    from eligibility.services import simulate_situation

    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    handler = Keep()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        result = simulate_situation(parse_situation(CONTRACT_EXAMPLE, today=REQUEST_DATE))
        # Private-use characters: no font draws them, so WeasyPrint warns for each.
        render_dossier_pdf(result, person_label="Nour \U000F0041\U000F0042")
    finally:
        logger.removeHandler(handler)
    assert any("fonts-noto" in m for m in seen), seen
    assert not any("\U000F0041" in m or "F0041" in m.upper() or "Nour" in m for m in seen), seen


def test_error_reports_carry_no_personal_data():
    event = {
        "request": {"url": "https://aidsante.example/questionnaire/0b8f6a4e-6f5e-4b8e-9a55-1d2f3c4b5a69/foyer/?q=Dupont",
                    "method": "POST", "data": {"foyer-0-label": "Nour"}, "cookies": {"sessionid": "abc"},
                    "headers": {"X-Forwarded-For": "198.51.100.1"}, "query_string": "q=Dupont"},
        "exception": {"values": [{"type": "ValueError", "value": "invalid literal: 'Dupont Jeanne'",
                                  "stacktrace": {"frames": [{"filename": "x.py", "lineno": 3, "function": "f",
                                                             "vars": {"name": "Jeanne"}, "context_line": "n = 'Jeanne'"}]}}]},
        "logentry": {"message": "Jeanne Dupont", "params": []},
        "user": {"ip_address": "198.51.100.1"}, "breadcrumbs": {"values": [{"message": "Dupont"}]},
        "extra": {"name": "Dupont"},
    }
    scrubbed = json.dumps(scrub_event(event))
    for personal in ("Dupont", "Jeanne", "Nour", "198.51.100.1", "sessionid", "0b8f6a4e"):
        assert personal not in scrubbed, personal
    assert "ValueError" in scrubbed and '"lineno": 3' in scrubbed and "/questionnaire/<id>/foyer/" in scrubbed


def test_error_reporting_is_off_without_a_dsn(settings):
    import sentry_sdk

    assert settings.SENTRY_DSN == ""
    assert not sentry_sdk.get_client().is_active()
