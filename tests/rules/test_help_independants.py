"""The Urssaf "Help" scheme for self-employed workers in difficulty."""

from __future__ import annotations

from datetime import date

import pytest

from eligibility.rules.help_independants import assess_help
from eligibility.rules.parameters import default_parameters
from eligibility.rules.situation import Situation, parse_situation

TODAY = date(2026, 11, 22)
EMPLOYEE = {"id": "p1", "role": "applicant", "birth_date": "1980-01-01", "activity": "employee"}
SELF_EMPLOYED = {**EMPLOYEE, "activity": "self_employed"}


def make(members: list[dict], difficulties: list[str], *, residence: dict | None = None, resources=()) -> Situation:
    return parse_situation(
        {
            "request_date": "2026-11-22",
            "residence": residence or {"territory": "metropole", "department": "93"},
            "housing": {"status": "tenant"},
            "members": members,
            "resources": list(resources),
            "difficulties": difficulties,
        },
        today=TODAY,
    )


def help_of(situation: Situation):
    return assess_help(situation, default_parameters().at(situation.request_date))


def test_relevant_for_self_employed_in_arrears():
    result = help_of(make([SELF_EMPLOYED], ["self_employed_contributions_unpaid"]))
    assert result.relevant
    assert [b.key for b in result.bodies] == ["urssaf"]
    assert any("échéancier" in a for a in result.bodies[0].actions)
    assert any("CPSTI" in a for a in result.bodies[0].actions)
    assert any("urssaf.fr" in s for s in result.steps)
    assert any("courriel" in s for s in result.steps)
    assert any("localement" in s for s in result.steps)
    assert result.reasons[0].href == "https://www.urssaf.fr/help"


def test_self_employed_income_alone_makes_a_member_self_employed():
    situation = make([EMPLOYEE], ["self_employed_financial_hardship"],
                     resources=[{"member": "p1", "type": "self_employment", "amount": 8000.0}])
    assert help_of(situation).relevant


def test_bodies_and_actions_per_difficulty():
    result = help_of(make([SELF_EMPLOYED], [
        "self_employed_financial_hardship", "self_employed_health_problem", "self_employed_family_or_social_problem",
    ]))
    keys = [b.key for b in result.bodies]
    assert keys == ["urssaf", "caf", "assurance_retraite", "cpam"]
    urssaf = result.bodies[0]
    assert any("provisionnelles" in a for a in urssaf.actions)
    cpam = result.bodies[-1]
    assert any("Complémentaire santé solidaire" in a for a in cpam.actions)
    data = result.as_dict()
    assert data["relevant"] is True
    assert data["bodies"][0]["name"] == "Urssaf"
    assert set(data["bodies"][0]) >= {"name", "actions"}
    assert data["steps"] and data["reasons"] and data["reasons_detail"]


@pytest.mark.parametrize(
    ("residence", "expected"),
    [
        ({"territory": "metropole", "department": "93"}, "Cramif"),
        ({"territory": "metropole", "department": "75"}, "Cramif"),
        ({"territory": "metropole", "department": "69"}, "Carsat de votre région)"),
        ({"territory": "metropole"}, "Carsat de votre région, Cramif en Île-de-France"),
        ({"territory": "reunion", "department": "974"}, "caisse générale de sécurité sociale"),
    ],
)
def test_retirement_body_depends_on_the_department(residence, expected):
    result = help_of(make([SELF_EMPLOYED], ["self_employed_family_or_social_problem"], residence=residence))
    retirement = next(b for b in result.bodies if b.key == "assurance_retraite")
    assert expected in retirement.name
    if expected == "Carsat de votre région)":
        assert "Cramif" not in retirement.name


def test_not_relevant_without_self_employed_member():
    result = help_of(make([EMPLOYEE], []))
    assert not result.relevant
    assert result.bodies == () and result.steps == ()
    assert "indépendant" in result.reasons[0].text


def test_not_relevant_without_self_employed_difficulty():
    result = help_of(make([SELF_EMPLOYED], ["income_drop_due_to_health"]))
    assert not result.relevant
    assert result.reasons[0].code == "help.no_difficulty"


def test_self_employed_difficulty_without_self_employed_member_is_flagged():
    result = help_of(make([EMPLOYEE], ["self_employed_contributions_unpaid"]))
    assert not result.relevant
    assert result.to_verify
    assert "vérifiez" in result.reasons[0].text
