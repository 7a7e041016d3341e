"""The OpenAPI schemas describe what the rules accept and what they return, so they cannot drift."""

from datetime import date

from hypothesis import HealthCheck, given, settings

from eligibility.openapi import ResultOut, SituationIn
from eligibility.rules.engine import simulate_json
from tests.strategies import situation_dicts

TODAY = date(2026, 11, 22)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(situation_dicts())
def test_every_valid_situation_fits_the_documented_schemas(data):
    SituationIn.model_validate(data)
    ResultOut.model_validate(simulate_json(data, today=TODAY))


def test_every_registered_aid_is_described_in_the_result_schema():
    """The result's top-level keys are exactly the documented ones: an aid added to the registry is documented."""
    from tests.examples import CONTRACT_EXAMPLE

    assert list(simulate_json(CONTRACT_EXAMPLE, today=TODAY)) == list(ResultOut.model_fields)


def test_a_lowercase_corsican_department_is_accepted_and_documented():
    """The rules read "2a" as "2A"; the schema must not refuse what the API accepts (a generated case found it)."""
    import copy

    import pydantic
    import pytest

    from tests.examples import CONTRACT_EXAMPLE

    data = copy.deepcopy(CONTRACT_EXAMPLE)
    data.setdefault("residence", {}).update({"territory": "metropole", "department": "2a", "alsace_moselle": False})
    SituationIn.model_validate(data)
    assert "css" in simulate_json(data, today=TODAY)  # an invalid situation raises InvalidSituation
    data["residence"]["department"] = "2c"
    with pytest.raises(pydantic.ValidationError):
        SituationIn.model_validate(data)
