"""Step 7, health: asked only when care is planned, and only about the persons cared for.

The rules use these answers (ALD, pregnancy, work accident, military pension, AEEH) only to work out
hospital, emergency and consultation charges. The rarer situations that also remove these charges (organ
donation, terrorism, a minor victim of sexual violence, a work accident with an incapacity of two thirds or
more: CSS L160-14, L174-4, L322-3, issue 14) are one checkbox group for the whole page, closed by default, so
that they cost one question whatever the household.
"""

from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility.presentation.formatting import date_text
from eligibility.rules.enums import Role

from ..fields import FrenchDateField
from .base import DATE_HINT, Origin, Step, StepForm, Translation
from .household import FEMALE, MALE


def named(role: str, sex: str) -> str:
    """How a sentence names a person without a first name: "votre conjointe", "cet enfant"."""
    if role == Role.PARTNER.value:
        return {FEMALE: _("votre conjointe"), MALE: _("votre conjoint")}.get(sex, _("votre conjoint ou conjointe"))
    return _("cet enfant") if role == Role.CHILD.value else _("cette personne")


def health_field_name(uid: str, key: str) -> str:
    return f"{uid}__{key}"


RARE_FIELD = "rare"
#: The rare situations: the key sent to the rules and whether it only concerns a child.
RARE_SITUATIONS = (
    ("organ_donor", False),
    ("terrorism_victim", False),
    ("sexual_violence_minor", True),
    ("work_accident_two_thirds", False),
)


def rare_label(key: str, who: str):
    return {
        "organ_donor": _("%(who)s : soins liés à un don d'organe ou de tissus"),
        "terrorism_victim": _("%(who)s : soins liés à un attentat (victime d'un acte de terrorisme)"),
        "sexual_violence_minor": _("%(who)s : soins d'un mineur victime de violences sexuelles"),
        "work_accident_two_thirds": _("%(who)s : accident du travail avec une incapacité d'au moins deux tiers"),
    }[key] % {"who": who}


class HealthForm(StepForm):
    """Asked only about the persons with planned care, and only what changes their costs."""

    intro = _("Certaines situations suppriment des frais à l'hôpital ou aux urgences. Cochez celles qui vous "
              "concernent.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = []
        for member in (self.answers.care_members if self.answers else []):
            uid, role = member["uid"], member["role"]
            names = []

            def add(key, field, names=names, uid=uid):
                self.fields[health_field_name(uid, key)] = field
                names.append(health_field_name(uid, key))

            you = role == Role.APPLICANT.value
            sex = member.get("sex") or ""
            who = str((member.get("label") or "").strip() or named(role, sex))
            who_first = capfirst(who)
            add("ald", forms.BooleanField(
                label=_("Vous avez une affection de longue durée (ALD)") if you
                else gettext("%(who)s a une affection de longue durée (ALD)") % {"who": who_first},
                help_text=_("Une ALD est une maladie longue et coûteuse (diabète, cancer…) que l'Assurance Maladie "
                            "rembourse à 100 %. Elle est écrite sur l'attestation de droits."),
                required=False))
            add("work_accident", forms.BooleanField(
                label=_("Ces soins viennent d'un accident du travail ou d'une maladie due au travail"),
                required=False))
            if role != Role.CHILD.value:
                add("military_pension", forms.BooleanField(
                    label=_("Vous touchez une pension militaire d'invalidité") if you
                    else gettext("%(who)s touche une pension militaire d'invalidité") % {"who": who_first},
                    required=False))
                if sex != MALE:
                    if sex == FEMALE:
                        label = (_("Si vous êtes enceinte : date prévue de l'accouchement") if you
                                 else gettext("Si %(who)s est enceinte : date prévue de l'accouchement") % {"who": who})
                    else:
                        label = _("En cas de grossesse : date prévue de l'accouchement")
                    add("pregnancy_due_date", FrenchDateField(
                        label=label, required=False,
                        help_text=_("Laissez vide s'il n'y a pas de grossesse. ")
                        + DATE_HINT.replace("02/06/1984", "15/02/2027"),
                    ))
            else:
                add("aeeh_child", forms.BooleanField(
                    label=gettext("%(who)s reçoit l'AEEH (allocation d'éducation de l'enfant handicapé)") % {"who": who_first},
                    required=False))
            self.people.append({"member": member, "names": names})
        for person in self.people:
            person["fields"] = [self[n] for n in person["names"]]
        choices = [
            (f"{p['member']['uid']}:{key}", rare_label(key, p["member"]["title"]))
            for p in self.people for key, child_only in RARE_SITUATIONS
            if not child_only or p["member"]["role"] == Role.CHILD.value
        ]
        self.rare_field = None
        if choices:
            self.fields[RARE_FIELD] = forms.MultipleChoiceField(
                label=_("Une situation plus rare ?"), choices=choices, widget=forms.CheckboxSelectMultiple,
                required=False,
                help_text=_("Dans ces situations, le forfait journalier ou le forfait des urgences n'est pas à payer "
                            "pour les soins concernés. Cochez seulement ce qui vous concerne."),
            )
            self.rare_field = self[RARE_FIELD]

    def summary_rows(self):
        rows = []
        for person in self.people:
            answers = [str(self.fields[n].label) for n in person["names"] if self.cleaned_data.get(n) is True]
            due = next((self.cleaned_data.get(n) for n in person["names"] if n.endswith("pregnancy_due_date")), None)
            if due:
                answers.append(gettext("Accouchement prévu le %(day)s") % {"day": date_text(due)})
            rows.append((person["member"]["title"], "; ".join(str(a) for a in answers) or gettext("Aucune de ces situations")))
        if self.cleaned_data.get(RARE_FIELD):
            labels = dict(self.fields[RARE_FIELD].choices)
            rows.append((str(self.fields[RARE_FIELD].label),
                         "; ".join(str(labels.get(v, v)) for v in self.cleaned_data[RARE_FIELD])))
        return rows


def to_situation(answers, t: Translation) -> None:
    s = t.situation
    health = answers.get("sante") or {}
    rare = set(health.get(RARE_FIELD) or [])
    s["health"] = []
    for m in answers.care_members:
        uid = m["uid"]
        entry: dict = {"member": t.ids[uid]}
        for key in ("ald", "work_accident", "military_pension", "aeeh_child"):
            if health.get(health_field_name(uid, key)):
                entry[key] = True
        for key, _child_only in RARE_SITUATIONS:
            if f"{uid}:{key}" not in rare:
                continue
            if key == "work_accident_two_thirds":
                entry["work_accident_incapacity"] = "two_thirds_or_more"
            else:
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
            for key in ("organ_donor", "terrorism_victim", "sexual_violence_minor", "work_accident_incapacity"):
                t.trace[f"health[{i}].{key}"] = Origin("sante", RARE_FIELD)


STEP = Step(
    "sante", _("Votre santé"), HealthForm, lambda a: bool(a.care_members), template="questionnaire/step_people.html",
    section=_("Soins"), when=_("seulement si des soins sont prévus"),
    to_situation=to_situation,
)
