"""Step 7, health: asked only when care is planned, and only about the persons cared for.

The rules use these answers (ALD, pregnancy, work accident, military pension, AEEH) only to work out
hospital, emergency and consultation charges.
"""

from __future__ import annotations

from django import forms

from eligibility.rules.enums import Role
from eligibility.rules.reasons import format_date

from ..fields import FrenchDateField
from .base import DATE_HINT, Origin, Step, StepForm, Translation


def health_field_name(uid: str, key: str) -> str:
    return f"{uid}__{key}"


class HealthForm(StepForm):
    """Asked only about the persons with planned care, and only what changes their costs."""

    intro = "Certaines situations suppriment des frais à l'hôpital ou aux urgences. Cochez celles qui vous concernent."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = []
        for member in (self.answers.care_members if self.answers else []):
            uid, role = member["uid"], member["role"]
            names = []

            def add(key, field, names=names, uid=uid):
                self.fields[health_field_name(uid, key)] = field
                names.append(health_field_name(uid, key))

            add("ald", forms.BooleanField(
                label="A une affection de longue durée (ALD) reconnue par l'Assurance Maladie", required=False))
            add("work_accident", forms.BooleanField(
                label="Les soins sont dus à un accident du travail ou une maladie professionnelle", required=False))
            if role != Role.CHILD.value:
                add("military_pension", forms.BooleanField(
                    label="Touche une pension militaire d'invalidité", required=False))
                add("pregnancy_due_date", FrenchDateField(
                    label="Si elle est enceinte : date prévue de l'accouchement (facultatif)", required=False,
                    help_text="Laissez vide si ce n'est pas le cas. " + DATE_HINT.replace("02/06/1984", "15/02/2027"),
                ))
            else:
                add("aeeh_child", forms.BooleanField(
                    label="L'enfant reçoit l'allocation d'éducation de l'enfant handicapé (AEEH)", required=False))
            self.people.append({"member": member, "names": names})
        for person in self.people:
            person["fields"] = [self[n] for n in person["names"]]

    def summary_rows(self):
        rows = []
        for person in self.people:
            answers = [self.fields[n].label for n in person["names"] if self.cleaned_data.get(n) is True]
            due = next((self.cleaned_data.get(n) for n in person["names"] if n.endswith("pregnancy_due_date")), None)
            if due:
                answers.append(f"Accouchement prévu le {format_date(due)}")
            rows.append((person["member"]["title"], "; ".join(answers) or "Aucune de ces situations"))
        return rows


def to_situation(answers, t: Translation) -> None:
    s = t.situation
    health = answers.get("sante") or {}
    s["health"] = []
    for m in answers.care_members:
        uid = m["uid"]
        entry: dict = {"member": t.ids[uid]}
        for key in ("ald", "work_accident", "military_pension", "aeeh_child"):
            if health.get(health_field_name(uid, key)):
                entry[key] = True
        due = health.get(health_field_name(uid, "pregnancy_due_date"))
        if due:
            entry["pregnancy_due_date"] = due.isoformat()
        if len(entry) > 1:
            i = len(s["health"])
            s["health"].append(entry)
            t.trace[f"health[{i}]"] = Origin("sante", None)
            for key in ("ald", "work_accident", "military_pension", "aeeh_child", "pregnancy_due_date"):
                t.trace[f"health[{i}].{key}"] = Origin("sante", health_field_name(uid, key))


STEP = Step(
    "sante", "Santé", HealthForm, lambda a: bool(a.care_members), template="questionnaire/step_people.html",
    to_situation=to_situation,
)
