"""Builders shared by the rule tests: a contract situation around one adult, and the parameters of its date."""

from __future__ import annotations

from datetime import date

from eligibility.rules.parameters import ParametersOn, default_parameters
from eligibility.rules.situation import Situation, parse_situation

TODAY = date(2026, 11, 22)
ADULT = {"id": "p1", "role": "applicant", "birth_date": "1984-06-02", "activity": "employee"}


def make(
    *care: dict,
    members: list[dict] | None = None,
    request_date: str = "2026-11-22",
    department: str | None = "93",
    complementary: str = "none",
    **extra,
) -> Situation:
    """A tenant household in metropolitan France (``ADULT`` alone by default) with ``care`` planned.

    Any other contract field goes in ``extra`` and replaces the default (``residence``, ``housing``,
    ``coverage``, ``health``…).
    """
    data = {
        "request_date": request_date,
        "residence": {"territory": "metropole", "department": department},
        "housing": {"status": "tenant", "housing_aid_monthly": 0},
        "members": members or [ADULT],
        "coverage": {"complementary": complementary},
        "planned_care": list(care),
        **extra,
    }
    return parse_situation(data, today=TODAY)


def p_on(situation: Situation) -> ParametersOn:
    return default_parameters().at(situation.request_date)
