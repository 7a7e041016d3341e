"""The CSS as a member of the registry of aids (``aids.AIDS``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..care.guidance import outside_css
from ..checklist import ChecklistItem, Phase
from ..enums import CssStatus
from ..parameters import ParametersOn
from ..results import CssResult
from ..situation import Situation
from .decision import evaluate_css
from .procedure import appeal_figures, appeal_item, css_item


class CssAid:
    key = "css"
    partial = "results/_css.html"

    def assess(self, situation: Situation, p: ParametersOn, results: Mapping[str, Any],
               settings: Mapping[str, Any]) -> CssResult:
        """The CSS by the resources and presumptions; never for a person who does not live in France."""
        css = evaluate_css(situation, p)
        not_resident = outside_css(situation)
        if not_resident is not None and css.eligible:
            css = replace(css, status=CssStatus.NOT_ELIGIBLE, monthly_participation=Decimal("0"), participations=(),
                          reasons=(*css.reasons, not_resident))
        return css

    outputs = {"css": CssResult}

    def contract(self, result: CssResult) -> dict[str, Any]:
        return {"css": result}

    def checklist(self, situation: Situation, p: ParametersOn,
                  results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        """The request or renewal; then, when there is one, how to contest the decision."""
        item = css_item(situation, p, results[self.key])
        return [(Phase.REQUEST, item), (Phase.CONTEST, p.derived(appeal_item))] if item is not None else []

    def checklist_figures(self, situation: Situation, p: ParametersOn,
                          results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        """``checklist``'s items with their keys and reasons only (a result simulated without its texts)."""
        item = css_item(situation, p, results[self.key], texts=False)
        return [(Phase.REQUEST, item), (Phase.CONTEST, p.derived(appeal_figures))] if item is not None else []


CSS = CssAid()
