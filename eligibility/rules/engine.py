"""One entry point for all rule modules: ``simulate(situation) -> SimulationResult``.

The API, the ``simulate`` command, the questionnaire and the PDF all go through here, so that they
always show the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from .care import EmergencyVisitResult, HospitalStayResult
from .care.guidance import CareGuidance, build_guidance, outside_css
from .checklist import Checklist, build_checklist
from .cpam_aid import CpamAidResult, CpamAidSettings, assess_cpam_aid
from .css import evaluate_css
from .enums import CssStatus
from .help_independants import HelpResult, assess_help
from .out_of_pocket import OutOfPocket, estimate_out_of_pocket
from .parameters import ParameterSet, default_parameters
from .reasons import format_date
from .resource_months import in_reference_period
from .results import CssResult
from .situation import Situation, parse_situation

#: Bump when a rule changes meaning (not for a new parameter value, which is dated on its own).
RULESET_VERSION = "2026.11.1"


@dataclass(frozen=True, slots=True)
class SimulationResult:
    situation: Situation
    parameters_valid_on: date
    css: CssResult
    reste_a_charge: OutOfPocket
    cpam_aid: CpamAidResult
    help_independants: HelpResult
    checklist: Checklist
    to_verify: tuple[str, ...] = ()
    guidance: CareGuidance | None = None

    @property
    def hospital_stays(self) -> tuple[HospitalStayResult, ...]:
        """Stays with the household's current coverage (contract: ``hospital_stays``)."""
        care = self.reste_a_charge.current_care
        return care.hospital_stays if care else ()

    @property
    def emergency_visits(self) -> tuple[EmergencyVisitResult, ...]:
        care = self.reste_a_charge.current_care
        return care.emergency_visits if care else ()

    def as_dict(self) -> dict:
        return {
            "request_date": self.situation.request_date.isoformat(),
            "ruleset": {"version": RULESET_VERSION, "parameters_valid_on": self.parameters_valid_on.isoformat()},
            "css": self.css.as_dict(),
            "hospital_stays": [s.as_dict() for s in self.hospital_stays],
            "emergency_visits": [v.as_dict() for v in self.emergency_visits],
            "reste_a_charge": self.reste_a_charge.as_dict(),
            "cpam_aid": self.cpam_aid.as_dict(),
            "help_independants": self.help_independants.as_dict(),
            "checklist": self.checklist.as_list(),
            "care_guidance": self.guidance.as_dict() if self.guidance else None,
            "to_verify": list(self.to_verify),
        }


def simulate(
    situation: Situation,
    parameters: ParameterSet | None = None,
    *,
    cpam_settings: CpamAidSettings | None = None,
) -> SimulationResult:
    parameters = parameters or default_parameters()
    p = parameters.at(situation.request_date)
    # Dated resource lines become the months they have in the reference period, for every rule below.
    situation = in_reference_period(situation, p)
    css = evaluate_css(situation, p)
    not_resident = outside_css(situation)
    if not_resident is not None and css.eligible:
        css = replace(css, status=CssStatus.NOT_ELIGIBLE, monthly_participation=Decimal("0"), participations=(),
                      reasons=(*css.reasons, not_resident))
    reste = estimate_out_of_pocket(situation, p, css)
    cpam = assess_cpam_aid(situation, p, css, reste, cpam_settings)
    help_result = assess_help(situation, p)
    guidance = build_guidance(situation, p, css, reste)
    checklist = build_checklist(situation, p, css, cpam, help_result, guidance)
    later_than_checked = ()
    if situation.request_date > parameters.valid_on:
        later_than_checked = (
            f"La demande est datée du {format_date(situation.request_date)}, après la dernière vérification des "
            f"montants légaux ({format_date(parameters.valid_on)}) : une revalorisation intervenue entre-temps "
            "n'est pas prise en compte.",
        )
    to_verify = dict.fromkeys(
        [*later_than_checked, *css.to_verify, *reste.to_verify, *cpam.to_verify, *help_result.to_verify,
         *checklist.to_verify, *guidance.to_verify]
    )
    return SimulationResult(
        situation=situation,
        parameters_valid_on=parameters.valid_on,
        css=css,
        reste_a_charge=reste,
        cpam_aid=cpam,
        help_independants=help_result,
        checklist=checklist,
        to_verify=tuple(to_verify),
        guidance=guidance,
    )


def simulate_json(
    data: Any,
    *,
    today: date,
    parameters: ParameterSet | None = None,
    cpam_settings: CpamAidSettings | None = None,
) -> dict:
    """Parse, evaluate and serialise one contract situation. Raises ``InvalidSituation``."""
    return simulate(parse_situation(data, today=today), parameters, cpam_settings=cpam_settings).as_dict()
