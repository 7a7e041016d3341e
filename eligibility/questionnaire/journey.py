"""THE list of questionnaire steps, in the order they are asked (each step is a module of ``steps``).

Everything else (the wizard, the progress "Étape 3 sur 9", the check-your-answers page, the translation into
the situation, the tests) reads this list. A step's ``is_active(answers)`` receives the answers to the earlier
steps (``Answers``) and says whether the step is asked; conditions may only look at earlier steps.

Why these conditions:

* ``regime-local`` only in the three departments of the Alsace-Moselle local scheme (57, 67, 68).
* ``jeunes`` only when the applicant is under 25 without a partner or a child, or a dependant is 18 to 24: the
  ties that decide the CSS household (R861-2) and the individual applications.
* ``montants`` (amounts) only when a kind of income that has an amount was ticked on ``ressources``.
* ``sante`` (health) only when some care is planned: the rules use health answers (ALD, pregnancy, work
  accident, military pension, AEEH) only to work out hospital, emergency and consultation charges; the
  page then asks only about the persons concerned by that care.
* ``independant`` only when someone in the household works as self-employed: the "Help" aid of the
  Urssaf is for them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from eligibility.rules.enums import Activity

from .steps import (
    amounts,
    care,
    complementary,
    difficulties,
    health,
    household,
    housing,
    local_scheme,
    residence,
    resources,
    review,
    self_employed,
    young,
)
from .steps.base import Step

#: Bump when a question changes meaning; saved answers carry the version they answer.
SCHEMA_VERSION = 2


class Answers:
    """The valid answers of earlier steps, read lazily through ``get(step) -> cleaned data or None``."""

    def __init__(self, get: Callable[[str], Any], *, today: date):
        self._get = get
        self.today = today
        self._members: list[dict] | None = None

    def get(self, step: str) -> Any:
        return self._get(step)

    @property
    def request_date(self) -> date:
        residence = self.get("residence") or {}
        return residence.get("request_date") or self.today

    @property
    def members(self) -> list[dict]:
        """The household as listed on the household page, each with ``uid``, ``role``, ``title``…"""
        if self._members is None:
            rows = self.get("foyer") or []
            self._members = [
                {**row, "title": household.member_title(
                    row["role"], _rank(rows, i), (row.get("label") or "").strip(), row.get("sex") or "")}
                for i, row in enumerate(rows)
            ]
        return self._members

    @property
    def has_self_employed(self) -> bool:
        return any(m.get("activity") == Activity.SELF_EMPLOYED.value for m in self.members)

    @property
    def planned_care(self) -> list[dict]:
        return self.get("soins") or []

    @property
    def care_members(self) -> list[dict]:
        cared = {c.get("member") for c in self.planned_care}
        return [m for m in self.members if m["uid"] in cared]


def _rank(rows: list[dict], index: int) -> int:
    role = rows[index]["role"]
    return sum(1 for r in rows[: index + 1] if r["role"] == role)


JOURNEY: tuple[Step, ...] = tuple(module.STEP for module in (
    residence, local_scheme, household, young, housing, resources, amounts, complementary, care, health, difficulties,
    self_employed, review,
))
#: The parts of the questionnaire, in order (the stepper shows them all from the first page).
SECTIONS: tuple[str, ...] = tuple(dict.fromkeys(step.section for step in JOURNEY))
STEPS: Mapping[str, Step] = {step.name: step for step in JOURNEY}
REVIEW_STEP = "verification"
RESULTS_STEP = "resultats"
