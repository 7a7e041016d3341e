"""The CPAM ceilings are kept in memory between simulations, and a change in the admin reloads them:
in this process at once, in every other process (sharing the cache) within ``RECHECK_SECONDS``."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eligibility import services
from eligibility.models import CpamAidCeiling
from tests.examples import CONTRACT_EXAMPLE
from tests.site.test_cpam_ceiling_admin import ADD_URL, admin_client, form  # noqa: F401  (fixture)

URL = "/api/v1/simulations"


def ceiling_queries(queries) -> list[dict]:
    """The queries of the ceilings' table (the shared cache is the database's cache table by default)."""
    return [q for q in queries.captured_queries if "aidsante_cache" not in q["sql"]
            and not q["sql"].lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]


def ceiling_label(client) -> str:
    response = client.post(URL, data=json.dumps(CONTRACT_EXAMPLE), content_type="application/json")
    assert response.status_code == 200
    return response.json()["cpam_aid"]["ceiling_label"]


@pytest.mark.django_db
def test_a_ceiling_saved_in_the_admin_applies_at_the_next_simulation(admin_client):  # noqa: F811
    before = ceiling_label(admin_client)
    assert before != "CPAM de Seine-Saint-Denis"  # the contract example lives in department 93
    assert admin_client.post(ADD_URL, form(annual_ceiling_one_person="15000")).status_code == 302
    assert ceiling_label(admin_client) == "CPAM de Seine-Saint-Denis"
    CpamAidCeiling.objects.filter(department="93").get().delete()
    assert ceiling_label(admin_client) == before


@pytest.mark.django_db
def test_another_process_reloads_within_the_recheck_delay(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(services.time, "monotonic", lambda: clock[0])
    other = services.CpamCeilingCache()  # another worker's copy, sharing this process's cache
    assert other.directory().for_department("93") is None
    CpamAidCeiling.objects.create(department="93", label="CPAM 93", annual_ceiling_one_person=15000)
    with CaptureQueriesContext(connection) as queries:
        assert other.directory().for_department("93") is None  # still its copy: no query
    assert len(queries) == 0
    clock[0] += services.CpamCeilingCache.RECHECK_SECONDS
    with CaptureQueriesContext(connection) as queries:
        assert other.directory().for_department("93").label == "CPAM 93"
    assert len(ceiling_queries(queries)) == 1
    with CaptureQueriesContext(connection) as queries:
        other.directory()
        clock[0] += services.CpamCeilingCache.RECHECK_SECONDS
        other.directory()  # checked again (the version token, in the shared cache), unchanged: no reload
    assert len(ceiling_queries(queries)) == 0
