"""The bridge between the web layer and the rules: the CPAM settings from the database, then the engine."""

from __future__ import annotations

from datetime import date
from typing import Any

from eligibility.rules.engine import simulate
from eligibility.rules.situation import Situation, parse_situation


def run_simulation(data: Any, *, today: date) -> dict:
    """Validate a contract situation and return the contract result. Raises ``InvalidSituation``."""
    situation = parse_situation(data, today=today)
    return simulate_situation(situation).as_dict()


def simulate_situation(situation: Situation):
    return simulate(situation)
