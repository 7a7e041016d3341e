"""The API's shorter middleware chain (``aidsante.middleware.ApiMiddleware``, issue 11): same answers, no state."""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from aidsante.middleware import API_HEADERS, ApiMiddleware
from tests.examples import CONTRACT_EXAMPLE

URL = "/api/v1/simulations"


def post(client, payload, **extra):
    return client.post(URL, data=json.dumps(payload), content_type="application/json", **extra)


@pytest.mark.django_db
def test_an_api_answer_sets_no_cookie_and_carries_a_strict_policy(client):
    response = post(client, CONTRACT_EXAMPLE)
    assert response.status_code == 200
    assert not response.cookies  # no session, no CSRF cookie
    assert "Cookie" not in response.get("Vary", "")  # the session was never read
    for header, value in API_HEADERS.items():
        assert response[header] == value
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"  # the security middleware above still applies


@pytest.mark.django_db
def test_the_api_speaks_french_after_a_page_in_another_language(client):
    french = post(client, CONTRACT_EXAMPLE).json()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar").headers["Content-Language"] == "ar"
    response = post(client, CONTRACT_EXAMPLE, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200 and response.json() == french


@pytest.mark.django_db
def test_a_logged_in_session_changes_nothing_for_the_api(client):
    anonymous = post(client, CONTRACT_EXAMPLE).json()
    user = get_user_model().objects.create_user("agent", password="x" * 20)  # noqa: S106
    client.force_login(user)
    response = post(client, CONTRACT_EXAMPLE)
    assert response.status_code == 200 and response.json() == anonymous
    assert not response.cookies


@pytest.mark.django_db
def test_errors_below_the_api_stay_json_and_unknown_api_paths_are_404(client):
    response = client.get(URL)
    assert response.status_code == 405 and response["Content-Type"] == "application/json"
    assert client.get("/api/v1/inconnu").status_code == 404
    assert client.get("/api/v1/openapi.json").json()["openapi"].startswith("3.")


def test_an_api_request_runs_in_french_whatever_the_thread_spoke_before(rf):
    translation.activate("ar")  # what a page in Arabic leaves in a worker's thread
    response = ApiMiddleware(lambda request: pytest.fail("the pages' chain"))(rf.get("/api/v1/openapi.json"))
    assert response.status_code == 200 and translation.get_language() == "fr"
    translation.deactivate()
