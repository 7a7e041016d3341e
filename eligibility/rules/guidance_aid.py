"""The care guidance (patients from outside, paying the rest, choosing a complementary) as a member of the
registry of aids (``aids.AIDS``): its contract entry ``care_guidance`` comes after the checklist (contract
order), its steps after the quotes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .care.guidance import CareGuidance, build_guidance
from .checklist import HELP_GENERAL, HOSPITAL, AtService, ChecklistItem, Phase
from .enums import QUOTED_CARE_KINDS, CareKind
from .parameters import ParametersOn
from .reasons import Reason
from .situation import Situation
from .wording import say

_BEFORE_CARE, _SOON = say("checklist.before_care"), say("checklist.soon")
#: Guidance done at a service of the establishment of a planned stay (grouped under it on the pages): the
#: service, and for the quote, the service when a prosthesis, glasses or hearing aids are planned too.
_SERVICES = {
    "pay.instalments": (say("checklist.hospital.billing"), say("checklist.hospital.billing")),
    "pay.quote": (say("checklist.hospital.admissions"), say("checklist.hospital.admissions_or_professional")),
}


def guidance_items(guidance: CareGuidance, situation: Situation) -> list[ChecklistItem]:
    """The guidance the household's figures call for, as steps of the checklist."""
    kinds = {care.kind for care in situation.planned_care}
    stay, quoted = CareKind.HOSPITALISATION in kinds, bool(kinds & QUOTED_CARE_KINDS)
    items = []
    for g in guidance.items:
        services = _SERVICES.get(g.code) if stay else None
        where = g.where or guidance.caisse.name
        items.append(ChecklistItem(
            key=f"guidance_{g.code.replace('.', '_')}",
            organism=AtService(where, HOSPITAL, services[quoted]) if services else where,
            procedure=g.title,
            how=g.text,
            documents=g.documents,
            deadline=_BEFORE_CARE if g.code.startswith(("pay.", "outside.")) else _SOON,
            help=HELP_GENERAL,
            appeal=None,
            reasons=(Reason(g.code, g.title, g.reason.article, g.reason.href),) if g.reason else (),
        ))
    return items


class GuidanceAid:
    key = "care_guidance"
    partial = "results/_care.html"
    after_checklist = True

    def assess(self, situation: Situation, p: ParametersOn, results: Mapping[str, Any],
               settings: Mapping[str, Any]) -> CareGuidance:
        return build_guidance(situation, p, results["css"], results["reste_a_charge"])

    outputs = {"care_guidance": CareGuidance | None}

    def contract(self, result: CareGuidance | None) -> dict[str, Any]:
        return {"care_guidance": result}

    def checklist(self, situation: Situation, p: ParametersOn,
                  results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        guidance = results[self.key]
        if not (guidance.patient_cover or guidance.payment_options or guidance.complementary_choice):
            return []
        # The steps read the guidance and two facts of the planned care only: made once per (shared) guidance.
        kinds = {care.kind for care in situation.planned_care}
        key = (id(guidance), CareKind.HOSPITALISATION in kinds, bool(kinds & QUOTED_CARE_KINDS))
        found = _STEPS.get(key)
        if found is None or found[0] is not guidance:  # the guidance is kept with its steps: its id is not reused
            if len(_STEPS) >= _STEPS_MAX:
                _STEPS.clear()
            found = _STEPS[key] = (guidance, tuple((Phase.PREPARE, item) for item in guidance_items(guidance, situation)))
        return found[1]


_STEPS: dict[tuple[int, bool, bool], tuple[CareGuidance, tuple]] = {}
_STEPS_MAX = 1024


GUIDANCE = GuidanceAid()
