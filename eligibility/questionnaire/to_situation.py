"""The only translation from the questionnaire's answers to the contract's situation (contract v1).

``build_situation(answers)`` returns the situation dict and a ``trace``: for each contract path it writes
(``members[1].birth_date``), the step and the field that gave it, so that an error found by the rules'
``parse_situation`` can be shown next to the question that caused it. Each step writes its own part
(``Step.to_situation`` in ``steps/<step>.py``); this module names the persons and runs the steps in order.
"""

from __future__ import annotations

from eligibility.presentation.wording import FALLBACK_NAMES
from eligibility.rules.enums import Role

from .journey import JOURNEY, Answers
from .steps.base import Origin, Translation

__all__ = ["Origin", "Translation", "build_situation", "contract_ids"]


def contract_ids(members: list[dict]) -> dict[str, str]:
    """Readable contract ids (the rules' sentences quote them): the first name typed, else "enfant 2"."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    counters: dict[str, int] = {}
    for m in members:
        role = m["role"]
        counters[role] = counters.get(role, 0) + 1
        base = " ".join((m.get("label") or "").split())[:30]
        if not base:
            base = FALLBACK_NAMES.get(role, "personne")
            if role in (Role.CHILD.value, Role.OTHER_DEPENDENT.value):
                base = f"{base} {counters[role]}"
        candidate, n = base, 1
        while candidate.casefold() in used:
            n += 1
            candidate = f"{base} ({n})"
        used.add(candidate.casefold())
        ids[m["uid"]] = candidate
    return ids


def build_situation(answers: Answers) -> Translation:
    members = answers.members
    ids = contract_ids(members)
    t = Translation({}, ids=ids, titles={ids[m["uid"]]: m["title"] for m in members})
    for step in JOURNEY:
        if step.to_situation is not None:
            step.to_situation(answers, t)
    return t
