"""THE list of questionnaire steps: name (in the URL), title, form, and when the step is asked.

Everything else (the wizard, the progress "Étape 3 sur 9", the check-your-answers page, the tests) reads
this list. A step's ``is_active(answers)`` receives the answers to the earlier steps (``Answers``) and says
whether the step is asked; conditions may only look at earlier steps.

Why these conditions:

* ``sante`` (health) only when some care is planned: the rules use health answers (ALD, pregnancy, work
  accident, military pension, AEEH) only to work out hospital, emergency and consultation charges; the
  page then asks only about the persons concerned by that care.
* ``independant`` only when someone in the household works as self-employed: the "Help" aid of the
  Urssaf is for them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from eligibility.rules.enums import Activity

from . import forms as q

#: Bump when a question changes meaning; saved answers carry the version they answer.
SCHEMA_VERSION = 1


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
                {**row, "title": q.member_title(row["role"], _rank(rows, i), (row.get("label") or "").strip())}
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


def always(answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    name: str
    title: str
    form_class: type
    is_active: Callable[[Answers], bool] = always
    template: str = "questionnaire/step.html"


JOURNEY: tuple[Step, ...] = (
    Step("residence", "Lieu de vie", q.ResidenceForm),
    Step("foyer", "Votre foyer", q.HouseholdFormSetClass, template="questionnaire/step_household.html"),
    Step("logement", "Logement", q.HousingForm),
    Step("ressources", "Ressources", q.ResourcesForm, template="questionnaire/step_resources.html"),
    Step("allocations", "Allocations et complémentaire santé", q.BenefitsForm),
    Step("soins", "Soins prévus", q.CareFormSetClass, template="questionnaire/step_care.html"),
    Step("sante", "Santé", q.HealthForm, lambda a: bool(a.care_members), template="questionnaire/step_people.html"),
    Step("difficultes", "Difficultés", q.DifficultiesForm),
    Step("independant", "Travail indépendant", q.SelfEmployedForm, lambda a: a.has_self_employed),
    Step("verification", "Vérifier vos réponses", q.ReviewForm, template="questionnaire/review.html"),
)
STEPS: Mapping[str, Step] = {step.name: step for step in JOURNEY}
REVIEW_STEP = "verification"
RESULTS_STEP = "resultats"
