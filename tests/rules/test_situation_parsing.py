"""Parsing edge cases of the contract situation (dates far ahead, amounts with more than two decimals)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from eligibility.rules.situation import InvalidSituation, parse_situation

TODAY = date(2026, 11, 22)


def situation(**overrides) -> dict:
    data = {
        "residence": {"territory": "metropole"},
        "housing": {"status": "tenant"},
        "members": [{"id": "p1", "role": "applicant", "birth_date": "1980-01-01"}],
    }
    data.update(overrides)
    return data


def test_a_request_date_more_than_a_year_ahead_is_refused():
    with pytest.raises(InvalidSituation) as excinfo:
        parse_situation(situation(request_date="2099-01-01"), today=TODAY)
    assert [e.path for e in excinfo.value.errors] == ["request_date"]
    assert "d'un an" in excinfo.value.errors[0].message


def test_a_request_date_up_to_a_year_ahead_is_accepted():
    ahead = TODAY + timedelta(days=366)
    assert parse_situation(situation(request_date=ahead.isoformat()), today=TODAY).request_date == ahead


@pytest.mark.parametrize(("typed", "kept"), [(1.125, "1.13"), (1.135, "1.14"), (2.5, "2.5"), (0.005, "0.01")])
def test_amounts_are_rounded_to_the_cent_half_up(typed, kept):
    parsed = parse_situation(situation(resources=[{"member": "p1", "type": "salary", "amount": typed}]), today=TODAY)
    assert parsed.resources[0].amount == Decimal(kept)


def test_a_request_after_the_last_check_of_the_amounts_says_so():
    from eligibility.rules.engine import simulate
    from eligibility.rules.parameters import default_parameters

    checked = default_parameters().valid_on
    later = simulate(parse_situation(situation(request_date=(checked + timedelta(days=200)).isoformat()), today=checked))
    assert "après la dernière vérification des montants légaux" in later.to_verify[0]
    same_day = simulate(parse_situation(situation(request_date=checked.isoformat()), today=checked))
    assert not any("dernière vérification" in item for item in same_day.to_verify)


def test_a_member_refused_for_one_field_is_still_known_to_the_lines_that_name_them():
    """A wrong birth date is said once, next to it: the care, resource and health lines of that person are not
    also said to name nobody; a line naming an id given to no member still is."""
    data = situation(
        members=[{"id": "p1", "role": "applicant", "birth_date": "2026-02-30"}],
        resources=[{"member": "p1", "type": "pension", "amount": 9000}],
        health=[{"member": "p1", "ald": True}],
        planned_care=[{"kind": "hearing_aids", "member": "p1", "quote": 1500, "basket": "other"},
                      {"kind": "emergency_visit", "member": "p2"}],
    )
    with pytest.raises(InvalidSituation) as excinfo:
        parse_situation(data, today=TODAY)
    assert [e.path for e in excinfo.value.errors] == ["members[0].birth_date", "planned_care[1].member"]
