"""The published CSS ceiling tables, through the public entry points: the API and the simulate command."""

import io
import json
import sys

import pytest
from django.core.management import call_command

from tests.rules.css.test_css_ceilings import METROPOLE_2024, METROPOLE_2025, OVERSEAS_2024

TABLES = [("2024-06-15", "metropole", METROPOLE_2024), ("2025-06-15", "metropole", METROPOLE_2025),
          ("2024-06-15", "martinique", OVERSEAS_2024)]


def situation(size: int, request_date: str, territory: str) -> dict:
    members = [{"id": "p1", "role": "applicant", "birth_date": "1980-05-01"}]
    if size > 1:
        members.append({"id": "p2", "role": "partner", "birth_date": "1982-05-01"})
    members += [{"id": f"c{i}", "role": "child", "birth_date": f"{2010 + i}-03-01"} for i in range(size - len(members))]
    return {"request_date": request_date, "residence": {"territory": territory}, "housing": {"status": "tenant"},
            "members": members}


@pytest.mark.django_db
@pytest.mark.parametrize(("request_date", "territory", "table"), TABLES)
@pytest.mark.parametrize("size", range(1, 7))
def test_published_tables_through_the_api(client, size, request_date, territory, table):
    response = client.post("/api/v1/simulations", data=json.dumps(situation(size, request_date, territory)),
                           content_type="application/json")
    assert response.status_code == 200
    css = response.json()["css"]
    assert (css["ceiling_free"], css["ceiling_with_participation"]) == table[size]
    assert css["household_size"] == size


@pytest.mark.django_db
def test_published_tables_through_the_command_in_one_batch(monkeypatch, capsys):
    cases = [(size, d, t, table[size]) for d, t, table in TABLES for size in range(1, 7)]
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps([situation(s, d, t) for s, d, t, _ in cases])))
    call_command("simulate", "-")
    results = json.loads(capsys.readouterr().out)
    got = [(r["css"]["ceiling_free"], r["css"]["ceiling_with_participation"]) for r in results]
    assert got == [expected for *_, expected in cases]
