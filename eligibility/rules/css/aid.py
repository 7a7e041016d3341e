"""The CSS as a member of the registry of aids (``aids.AIDS``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..checklist import ChecklistItem, Phase
from ..parameters import ParametersOn
from ..results import CssResult
from ..situation import Situation
from .decision import evaluate_css
from .procedure import appeal_item, css_item


class CssAid:
    key = "css"
    partial = "results/_css.html"

    def assess(self, situation: Situation, p: ParametersOn, results: Mapping[str, Any],
               settings: Mapping[str, Any]) -> CssResult:
        return evaluate_css(situation, p)

    def contract(self, result: CssResult) -> dict[str, Any]:
        return {"css": result.as_dict()}

    def checklist(self, situation: Situation, p: ParametersOn,
                  results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        """The request or renewal; then, when there is one, how to contest the decision."""
        item = css_item(situation, p, results[self.key])
        return [(Phase.REQUEST, item), (Phase.CONTEST, appeal_item(p))] if item is not None else []


CSS = CssAid()
