"""The registry of aids: one list, in the order the engine assesses them and the result shows them.

An aid is a small object following ``Aid``: it assesses a situation (seeing the results of the aids before
it), gives its entries of the contract result, its checklist items (``checklist.Phase`` says when each comes),
and names the template partial that presents it. Adding an aid = its rules module (with its ``Aid`` object),
its parameter folder, its partial, and one line in ``AIDS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from .checklist import ChecklistItem, Phase
from .cpam_aid import CPAM_AID
from .css.aid import CSS
from .guidance_aid import GUIDANCE
from .help_independants import HELP
from .local_aid import LOCAL_HEALTH_AID
from .out_of_pocket import CARE_COSTS
from .parameters import ParametersOn
from .situation import Situation


class AidResult(Protocol):
    """A result declared with ``contract.contract(...)`` (its JSON entries, hence ``as_dict()``)."""

    to_verify: tuple[str, ...]

    def as_dict(self) -> dict: ...


class Aid(Protocol):
    key: str        # its result's key in ``SimulationResult.results`` (and its settings' key)
    partial: str    # the template partial that presents it
    #: Its entries in the contract result, in order, with the type of each (for the OpenAPI schema).
    outputs: Mapping[str, Any]
    # An aid whose contract entries come after the checklist (contract order) says ``after_checklist = True``.

    def assess(self, situation: Situation, p: ParametersOn, results: Mapping[str, Any],
               settings: Mapping[str, Any]) -> AidResult: ...

    def contract(self, result: Any) -> dict[str, Any]:
        """Its entries in the contract result (the keys of ``outputs``): the declared results themselves,
        serialised by ``contract.to_json`` in full or figures only."""
        ...

    def checklist(self, situation: Situation, p: ParametersOn,
                  results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]: ...

    # An aid may also give ``checklist_figures`` (same arguments): the same items, in the same phases, each with
    # its key and reasons only (``checklist.figures_item``), for a result simulated without its texts
    # (``engine.simulate(texts=False)``); without it, ``checklist`` serves both.


AIDS: tuple[Aid, ...] = (
    CSS,
    CARE_COSTS,
    CPAM_AID,
    HELP,
    LOCAL_HEALTH_AID,
    GUIDANCE,
)
