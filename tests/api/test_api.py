"""The simulation API (contract v1) and its OpenAPI document."""

import copy
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.examples import CONTRACT_EXAMPLE
from tests.strategies import any_json, mutated_situation_dicts, situation_dicts

EXAMPLE = CONTRACT_EXAMPLE
URL = "/api/v1/simulations"


def post(client, payload, content_type="application/json"):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(URL, data=body, content_type=content_type)


@pytest.mark.django_db
def test_contract_example_gives_every_contract_field(client):
    response = post(client, EXAMPLE)
    assert response.status_code == 200, response.content
    result = response.json()
    assert result["request_date"] == "2026-11-22"
    assert set(result["ruleset"]) >= {"version", "parameters_valid_on"}
    css = result["css"]
    for key in ("status", "household_size", "resources", "ceiling_free", "ceiling_with_participation",
                "monthly_participation", "reasons"):
        assert key in css
    assert css["household_size"] == 3
    assert css["status"] in {"free", "with_participation", "not_eligible"}
    assert all(isinstance(r, str) and r for r in css["reasons"])
    for key in ("hospital_stays", "emergency_visits", "reste_a_charge", "cpam_aid", "help_independants", "checklist"):
        assert key in result, key


@pytest.mark.django_db
def test_every_error_with_its_path(client):
    bad = copy.deepcopy(EXAMPLE)
    bad["members"][2]["birth_date"] = "2030-01-01"
    bad["resources"][0]["amount"] = -5
    bad["residence"]["territory"] = "atlantide"
    response = post(client, bad)
    assert response.status_code == 400
    paths = {e["path"] for e in response.json()["errors"]}
    assert {"members[2].birth_date", "resources[0].amount", "residence.territory"} <= paths
    assert all(e["message"] for e in response.json()["errors"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    ["{not json", "[]", "null", '"text"', "1e999999", "[" * 100000 + "]" * 100000, b"\xff\xfe{}"],
)
def test_malformed_bodies_get_400_never_500(client, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["errors"]


@pytest.mark.django_db
def test_oversized_body_is_413(client):
    payload = copy.deepcopy(EXAMPLE)
    payload["padding"] = "x" * (256 * 1024)
    response = post(client, payload)
    assert response.status_code == 413
    assert response.json()["errors"][0]["path"] == ""


@pytest.mark.django_db
def test_wrong_content_type_is_415(client):
    response = client.post(URL, data={"request_date": "2026-11-22"})
    assert response.status_code == 415
    response = post(client, json.dumps(EXAMPLE), content_type="text/plain")
    assert response.status_code == 415


@pytest.mark.django_db
def test_get_is_405(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.django_db
def test_api_stores_nothing_and_needs_no_csrf_token():
    client = Client(enforce_csrf_checks=True)
    with CaptureQueriesContext(connection) as queries:
        response = post(client, EXAMPLE)
    assert response.status_code == 200
    assert not response.cookies
    # Besides the shared cache (the ceilings' version token, the per-client request counter: no personal data):
    data_queries = [q for q in queries.captured_queries if "aidsante_cache" not in q["sql"]
                    and not q["sql"].lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(data_queries) == 1  # the CPAM aid ceilings, read once
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in data_queries)
    with CaptureQueriesContext(connection) as queries:
        response = post(client, EXAMPLE)
    assert response.status_code == 200
    assert len(queries) == 0  # then kept in memory: a simulation costs no query


@pytest.mark.django_db
def test_local_cpam_ceiling_from_the_database_is_used(client):
    from eligibility.models import CpamAidCeiling

    CpamAidCeiling.objects.create(
        department="93", label="CPAM de Seine-Saint-Denis", annual_ceiling_one_person=Decimal("15000")
    )
    local = post(client, EXAMPLE).json()["cpam_aid"]
    assert local["ceiling_label"] == "CPAM de Seine-Saint-Denis"
    assert local["ceiling_is_default"] is False
    elsewhere = post(client, dict(EXAMPLE, residence={"territory": "metropole", "department": "75"})).json()["cpam_aid"]
    assert elsewhere["ceiling_is_default"] is True


@pytest.mark.django_db
def test_openapi_document_describes_the_endpoint(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["openapi"].startswith("3.1")
    operation = doc["paths"]["/api/v1/simulations"]["post"]
    assert set(operation["responses"]) >= {"200", "400", "413", "415"}
    schemas = doc["components"]["schemas"]
    assert "SituationIn" in schemas and "ResultOut" in schemas
    territory = schemas["Territory"]["enum"]
    assert "mayotte" in territory and "metropole" in territory


def test_openapi_schema_accepts_the_contract_example():
    from eligibility.openapi import SituationIn

    SituationIn.model_validate(EXAMPLE)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(body=st.one_of(any_json(), mutated_situation_dicts(), situation_dicts()))
def test_no_input_ever_gives_a_500(client, body):
    # Every generated value is sent as a JSON document (a generated string too, encoded as JSON).
    response = post(client, json.dumps(body))
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        errors = response.json()["errors"]
        assert errors and all(isinstance(e["path"], str) and e["message"] for e in errors)


@pytest.mark.django_db
def test_a_bridge_says_which_front_tooth_it_replaces_and_the_schema_documents_it(client):
    """``tooth`` gains ``incisor`` and ``canine_or_first_premolar`` (issue 14): a ceramo-metal bridge quoted 1 500 €
    is capped at the 1 465 € 100 % Santé limit when it replaces an incisor, priced as quoted when it replaces a
    canine (base 279,50 € at 60 % = 167,70 €); ``front`` keeps its figures."""
    def left_without_complementary(tooth):
        payload = copy.deepcopy(EXAMPLE)
        payload["planned_care"] = [{"kind": "dental_prosthesis", "member": "p1", "act": "bridge",
                                    "material": "ceramic_metal", "tooth": tooth, "quote": 1500}]
        response = post(client, payload)
        assert response.status_code == 200, response.content
        (line,) = response.json()["reste_a_charge"]["lines"]
        billed, paid, left = (Decimal(str(v)) for v in (line["billed"], line["current"]["social_security"],
                                                         line["current"]["left"]))
        assert billed == paid + left  # no complementary
        return left

    assert left_without_complementary("incisor") == Decimal("1297.30")
    assert left_without_complementary("front") == Decimal("1297.30")
    assert left_without_complementary("canine_or_first_premolar") == Decimal("1332.30")
    tooth = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["ToothPosition"]["enum"]
    assert {"front", "incisor", "canine_or_first_premolar", "second_premolar", "molar"} <= set(tooth)
