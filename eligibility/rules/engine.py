"""One entry point for all rule modules: ``simulate(situation) -> SimulationResult``.

The API, the ``simulate`` command, the questionnaire and the PDF all go through here, so that they
always show the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .css import evaluate_css
from .parameters import ParameterSet, default_parameters
from .results import CssResult
from .situation import Situation, parse_situation

#: Bump when a rule changes meaning (not for a new parameter value, which is dated on its own).
RULESET_VERSION = "2026.11.1"


@dataclass(frozen=True, slots=True)
class SimulationResult:
    situation: Situation
    parameters_valid_on: date
    css: CssResult
    to_verify: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = {
            "request_date": self.situation.request_date.isoformat(),
            "ruleset": {"version": RULESET_VERSION, "parameters_valid_on": self.parameters_valid_on.isoformat()},
            "css": self.css.as_dict(),
        }
        data.update(self.extra)
        data["to_verify"] = list(self.to_verify)
        return data


def simulate(situation: Situation, parameters: ParameterSet | None = None) -> SimulationResult:
    parameters = parameters or default_parameters()
    p = parameters.at(situation.request_date)
    css = evaluate_css(situation, p)
    return SimulationResult(
        situation=situation,
        parameters_valid_on=parameters.valid_on,
        css=css,
        to_verify=css.to_verify,
    )


def simulate_json(data: Any, *, today: date, parameters: ParameterSet | None = None) -> dict:
    """Parse, evaluate and serialise one contract situation. Raises ``InvalidSituation``."""
    return simulate(parse_situation(data, today=today), parameters).as_dict()
