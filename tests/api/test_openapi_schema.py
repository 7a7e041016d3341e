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
