"""One entry point for all rule modules: ``simulate(situation) -> SimulationResult``.

The API, the ``simulate`` command, the questionnaire and the PDF all go through here, so that they
always show the same figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import aids as registry
from .aids import Aid
from .care import EmergencyVisitResult, HospitalStayResult
from .care.guidance import CareGuidance
from .checklist import Checklist, ChecklistItem, build_checklist
from .contract import FIGURES, FULL, Contract, contract, writer
from .cpam_aid import CpamAidResult, CpamAidSettings
from .help_independants import HelpResult
from .local_aid import LocalAidResult
from .out_of_pocket import OutOfPocket
from .parameters import ParameterSet, ParametersOn, default_parameters
from .resource_months import in_reference_period
from .results import CssResult
from .situation import Situation, parse_situation
from .wording import Day, say

#: Bump when a rule changes meaning (not for a new parameter value, which is dated on its own).
RULESET_VERSION = "2026.11.1"


@contract("version", "parameters_valid_on", schema="RulesetOut")
@dataclass(frozen=True, slots=True)
class Ruleset(Contract):
    """Which rules and which legal parameters gave the result."""

    version: str
    parameters_valid_on: date


@dataclass(frozen=True, slots=True)
class SimulationResult:
    """Every aid's result (``results``, by the aid's key, in the order of ``aids``), the checklist and the notes.

    ``texts``: ``False`` for a result simulated for its figures only (``simulate(..., texts=False)``): what only
    the texts use was not built (no notes to verify, the checklist's words not adapted to an overseas caisse),
    so it can be written as ``?detail=figures`` only.
    """

    situation: Situation
    parameters_valid_on: date
    results: Mapping[str, Any]
    checklist: Checklist
    to_verify: tuple[str, ...] = ()   # notes for professionals: phrases of the catalogue (``str()``), or texts
    aids: tuple[Aid, ...] = field(default_factory=lambda: registry.AIDS)
    texts: bool = True

    @property
    def css(self) -> CssResult:
        return self.results["css"]

    @property
    def reste_a_charge(self) -> OutOfPocket:
        return self.results["reste_a_charge"]

    @property
    def cpam_aid(self) -> CpamAidResult:
        return self.results["cpam_aid"]

    @property
    def help_independants(self) -> HelpResult:
        return self.results["help_independants"]

    @property
    def local_health_aid(self) -> LocalAidResult:
        return self.results["local_health_aid"]

    @property
    def guidance(self) -> CareGuidance:
        return self.results["care_guidance"]

    @property
    def hospital_stays(self) -> tuple[HospitalStayResult, ...]:
        """Stays with the household's current coverage (contract: ``hospital_stays``)."""
        care = self.reste_a_charge.current_care
        return care.hospital_stays if care else ()

    @property
    def emergency_visits(self) -> tuple[EmergencyVisitResult, ...]:
        care = self.reste_a_charge.current_care
        return care.emergency_visits if care else ()

    def as_dict(self, detail: str = FULL) -> dict:
        """The contract result (``detail``: ``full``, or ``figures`` without any text, none rendered). A result
        simulated without its texts (``texts=False``) has its figures only: asked in full, it raises ``ValueError``."""
        if detail != FIGURES and not self.texts:
            raise ValueError("a result simulated with texts=False has its figures only (detail='figures')")
        before, write_checklist, after = _document_writers(self.aids, detail)
        results = self.results
        document: dict[str, Any] = {
            "request_date": self.situation.request_date.isoformat(),
            "ruleset": {"version": RULESET_VERSION, "parameters_valid_on": self.parameters_valid_on.isoformat()},
        }  # = Ruleset(RULESET_VERSION, self.parameters_valid_on).as_dict(), written out: it runs for every result
        for aid, writers in before:
            values = aid.contract(results[aid.key])
            for key, write in writers:
                document[key] = write(values[key])
        document["checklist"] = write_checklist(self.checklist.items)
        for aid, writers in after:
            values = aid.contract(results[aid.key])
            for key, write in writers:
                document[key] = write(values[key])
        if detail == FULL:
            document["to_verify"] = [str(note) for note in self.to_verify]  # phrases of the catalogue, or texts
        return document


_writers: dict[tuple[tuple[Aid, ...], str], tuple] = {}


def _document_writers(aids: tuple[Aid, ...], detail: str) -> tuple:
    """Each aid's entries with the writer of each (``contract.writer`` of its declared type), chosen once."""
    try:
        return _writers[aids, detail]
    except KeyError:
        pass

    def entries(aid: Aid) -> tuple:
        return aid, tuple((key, writer(annotation, detail)) for key, annotation in aid.outputs.items())

    found = _writers[aids, detail] = (
        tuple(entries(aid) for aid in aids if not getattr(aid, "after_checklist", False)),
        writer(tuple[ChecklistItem, ...], detail),
        tuple(entries(aid) for aid in aids if getattr(aid, "after_checklist", False)),
    )
    return found


def result_outputs(aids: tuple[Aid, ...] | None = None) -> dict[str, Any]:
    """The top-level entries of the contract result, in order, with their types (for the OpenAPI schema);
    ``aids``: the registry's (``aids.AIDS``, read when called) unless given."""
    aids = registry.AIDS if aids is None else aids
    outputs: dict[str, Any] = {"request_date": date, "ruleset": Ruleset}
    for aid in aids:
        if not getattr(aid, "after_checklist", False):
            outputs.update(aid.outputs)
    outputs["checklist"] = tuple[ChecklistItem, ...]
    for aid in aids:
        if getattr(aid, "after_checklist", False):
            outputs.update(aid.outputs)
    outputs["to_verify"] = tuple[str, ...]
    return outputs


def assess_aids(
    situation: Situation, p: ParametersOn, settings: Mapping[str, Any] | None = None, *,
    aids: tuple[Aid, ...] | None = None, given: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Each aid's result, in the registry's order; ``given`` results (a test's CSS) are used as they are."""
    aids = registry.AIDS if aids is None else aids
    settings = settings or {}
    results: dict[str, Any] = dict(given or {})
    for aid in aids:
        if aid.key not in results:
            results[aid.key] = aid.assess(situation, p, results, settings)
    return results


def simulate(
    situation: Situation,
    parameters: ParameterSet | None = None,
    *,
    cpam_settings: CpamAidSettings | None = None,
    texts: bool = True,
) -> SimulationResult:
    """Every aid's result, the checklist and the notes to verify, for ``situation``.

    ``texts=False`` (``?detail=figures``: batches, ``simulate --detail figures``): the same figures, statuses
    and codes, without building what only the texts use: the notes to verify are not collected
    (``to_verify`` stays empty) and the checklist's words are not adapted to an overseas caisse
    (``build_checklist(texts=False)``). The result is then for ``as_dict(FIGURES)`` only.
    """
    parameters = parameters or default_parameters()
    p = parameters.at(situation.request_date)
    # Dated resource lines become the months they have in the reference period, for every rule below.
    situation = in_reference_period(situation, p)
    aids = registry.AIDS  # read at each call: the registry is the one list of aids (``aids.py``)
    results = assess_aids(situation, p, {"cpam_aid": cpam_settings}, aids=aids)
    checklist = build_checklist(situation, p, results, aids, texts=texts)
    if not texts:
        return SimulationResult(situation, parameters.valid_on, results, checklist, (), aids, False)
    later_than_checked = ()
    if situation.request_date > parameters.valid_on:
        later_than_checked = (say("to_verify.later_than_checked", request_day=Day(situation.request_date),
                                  checked_day=Day(parameters.valid_on)),)
    notes = [*later_than_checked]
    for aid in aids:
        notes.extend(results[aid.key].to_verify)
    return SimulationResult(
        situation=situation,
        parameters_valid_on=parameters.valid_on,
        results=results,
        checklist=checklist,
        to_verify=tuple(dict.fromkeys(notes)),
        aids=aids,
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
