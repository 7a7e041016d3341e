"""Step 2, the household: who lives with the person (partner, children, other dependants), one at a time."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import Activity, Role
from eligibility.rules.situation import MAX_MEMBERS

from ..choices import ActivityChoices
from ..fields import FrenchDateField
from .base import DATE_HINT, DynamicFormSet, Origin, Step, StepForm, Translation

_UID_RE = re.compile(r"^[pcd][0-9]{1,3}$")
ROLE_UID_PREFIX = {Role.APPLICANT: "p", Role.PARTNER: "p", Role.CHILD: "c", Role.OTHER_DEPENDENT: "d"}
ADULT_ROLES = {Role.APPLICANT.value, Role.PARTNER.value}


FEMALE, MALE = "f", "m"


def member_title(role: str, number: int, label: str = "", sex: str = "") -> str:
    """How a person is named on the pages: "Vous", "Votre conjointe", "Enfant 2 (Léa)"."""
    partner = {FEMALE: _("Votre conjointe"), MALE: _("Votre conjoint")}.get(sex, _("Votre conjoint ou conjointe"))
    base = {
        Role.APPLICANT.value: _("Vous"),
        Role.PARTNER.value: partner,
        Role.CHILD.value: _("Enfant %(number)s") % {"number": number},
        Role.OTHER_DEPENDENT.value: _("Autre personne à charge %(number)s") % {"number": number},
    }.get(role, _("Personne"))
    return f"{base} ({label})" if label else str(base)


#: What a child may be doing (the contract's activities, in a child's words).
CHILD_ACTIVITIES = [
    ("", _("Choisissez")),
    (Activity.STUDENT.value, _("À l'école, au collège, au lycée ou en études")),
    (Activity.EMPLOYEE.value, _("En apprentissage ou avec un emploi payé")),
    (Activity.TRAINEE_PAID.value, _("En formation professionnelle payée")),
    (Activity.UNEMPLOYED.value, _("Cherche un emploi")),
    (Activity.INACTIVE.value, _("Rien de tout cela")),
]


class PersonForm(StepForm):
    uid = forms.CharField(widget=forms.HiddenInput, max_length=4)
    role = forms.ChoiceField(choices=[(r.value, _(r.label)) for r in Role], widget=forms.HiddenInput)
    label = forms.CharField(
        label=_("Prénom ou surnom (facultatif)"), required=False, max_length=40,
        help_text=_("Seulement pour vous repérer dans les pages suivantes. Il n'est transmis à personne."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    sex = forms.ChoiceField(
        label=_("Cette personne est"), required=False, widget=forms.RadioSelect,
        choices=[(FEMALE, _("une femme")), (MALE, _("un homme"))],
        help_text=_("Facultatif. Pour écrire les questions au féminin ou au masculin."),
    )
    birth_date = FrenchDateField(
        label=_("Date de naissance"), help_text=DATE_HINT,
        error_messages={"required": _("Indiquez la date de naissance (JJ/MM/AAAA).")},
    )
    activity = forms.ChoiceField(
        label=_("Que fait cette personne aujourd'hui ?"),
        choices=[("", _("Choisissez une situation"))] + ActivityChoices.choices,
        required=False,
        help_text=_("Au jour de la demande. Le chômage, un stage de formation payé ou un arrêt maladie de plus de "
                    "6 mois font compter moins les salaires."),
    )
    shared_custody = forms.BooleanField(
        label=_("Cet enfant vit en résidence alternée (la moitié du temps chez chaque parent)"), required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        role = self.data.get(self.add_prefix("role")) if self.is_bound else self.initial.get("role")
        self.role_value = role if role in Role._value2member_map_ else None
        if self.role_value == Role.CHILD.value:
            # A child: child words, nothing about being a woman or a man.
            del self.fields["sex"]
            self.fields["activity"].label = _("Que fait cet enfant aujourd'hui ? (facultatif)")
            self.fields["activity"].choices = CHILD_ACTIVITIES
            self.fields["activity"].help_text = ""
        else:
            del self.fields["shared_custody"]
        if self.role_value == Role.APPLICANT.value:
            self.fields["sex"].label = _("Vous êtes")
            self.fields["activity"].label = _("Que faites-vous aujourd'hui ?")
        if self.role_value in ADULT_ROLES:
            self.fields["activity"].required = True
            self.fields["activity"].error_messages["required"] = _("Choisissez une situation.")
        self.number = 0
        self.title = str(_("Personne"))

    def clean_uid(self):
        uid = self.cleaned_data["uid"]
        if not _UID_RE.fullmatch(uid):
            raise ValidationError(_("Identifiant de personne invalide : rechargez la page."))
        return uid

    def clean_birth_date(self):
        value = self.cleaned_data.get("birth_date")
        if value and value > date.today():
            raise ValidationError(_("Cette date est dans le futur : vérifiez l'année de naissance."))
        if value and value.year < 1900:
            raise ValidationError(_("Cette date est trop ancienne : vérifiez l'année de naissance."))
        return value


class HouseholdFormSet(DynamicFormSet):
    kind_field = "role"
    default_error_messages = {"too_few_forms": _("Indiquez au moins une personne : vous.")}
    intro = _("Indiquez les personnes qui vivent avec vous : votre conjoint ou conjointe (mariage, Pacs ou "
              "concubinage), vos enfants et les autres personnes à votre charge. Une personne à la fois.")

    def __init__(self, *args, **kwargs):
        if not kwargs.get("data") and not kwargs.get("initial"):
            kwargs["initial"] = [{"uid": "p1", "role": Role.APPLICANT.value}]
        super().__init__(*args, **kwargs)
        counters: dict[str, int] = {}
        for form in self.forms:
            role = form.role_value or ""
            counters[role] = counters.get(role, 0) + 1
            form.number = counters[role]
            label = form.data.get(form.add_prefix("label"), "") if form.is_bound else form.initial.get("label", "")
            sex = form.data.get(form.add_prefix("sex"), "") if form.is_bound else form.initial.get("sex", "")
            form.title = member_title(role, form.number, (label or "").strip()[:40], sex)

    @classmethod
    def add_kinds(cls):
        return {
            Role.PARTNER.value: _("Ajouter un conjoint ou une conjointe"),
            Role.CHILD.value: _("Ajouter un enfant"),
            Role.OTHER_DEPENDENT.value: _("Ajouter une autre personne à charge"),
        }

    @classmethod
    def new_entry(cls, kind, existing):
        prefix = ROLE_UID_PREFIX[Role(kind)]
        used = [int(e.get("uid", "x0")[1:] or 0) for e in existing
                if _UID_RE.fullmatch(e.get("uid", "")) and e.get("uid", "").startswith(prefix)]
        return {"role": kind, "uid": f"{prefix}{max(used, default=0 if prefix != 'p' else 1) + 1}"}

    @classmethod
    def can_remove(cls, entries, index):
        return index > 0  # the applicant stays

    def has_partner(self) -> bool:
        return any(f.role_value == Role.PARTNER.value for f in self.forms)

    def available_kinds(self) -> dict[str, str]:
        kinds = dict(self.add_kinds())
        if self.has_partner():
            del kinds[Role.PARTNER.value]
        if len(self.forms) >= self.max_entries:
            return {}
        return kinds

    def clean(self):
        if any(self.errors):
            return
        roles = [f.cleaned_data.get("role") for f in self.forms]
        uids = [f.cleaned_data.get("uid") for f in self.forms]
        if not roles or roles[0] != Role.APPLICANT.value or roles.count(Role.APPLICANT.value) != 1:
            raise ValidationError(_("Le foyer doit commencer par vous, la personne qui fait la demande : rechargez la page."))
        if roles.count(Role.PARTNER.value) > 1:
            raise ValidationError(_("Un foyer ne compte qu'un seul conjoint ou une seule conjointe : retirez l'autre."))
        if len(set(uids)) != len(uids):
            raise ValidationError(_("Deux personnes ont le même identifiant : rechargez la page."))
        # A child born before every adult of the household is a typing error (most often the year).
        eldest_adult = min(f.cleaned_data["birth_date"] for f in self.forms if f.role_value in ADULT_ROLES)
        for form in self.forms:
            if form.role_value == Role.CHILD.value and form.cleaned_data["birth_date"] <= eldest_adult:
                form.add_error("birth_date", _("Cet enfant serait plus âgé que vous : vérifiez son année de naissance, "
                                               "ou ajoutez cette personne comme « autre personne à charge »."))


HouseholdFormSetClass = forms.formset_factory(
    PersonForm, formset=HouseholdFormSet, extra=0, min_num=1, validate_min=True,
    max_num=MAX_MEMBERS, validate_max=True, absolute_max=MAX_MEMBERS,
)


def to_situation(answers, t: Translation) -> None:
    s, trace, ids = t.situation, t.trace, t.ids
    s["members"] = []
    trace["members"] = Origin("foyer", None)
    for i, m in enumerate(answers.members):
        entry = {"id": ids[m["uid"]], "role": m["role"], "birth_date": m["birth_date"].isoformat(),
                 "activity": m.get("activity") or "inactive"}
        if m["role"] == Role.CHILD.value:
            entry["shared_custody"] = bool(m.get("shared_custody"))
        s["members"].append(entry)
        trace[f"members[{i}]"] = Origin("foyer", None, i)
        for key, name in (("id", None), ("role", None), ("birth_date", "birth_date"), ("activity", "activity"),
                          ("shared_custody", "shared_custody")):
            trace[f"members[{i}].{key}"] = Origin("foyer", name, i)


STEP = Step(
    "foyer", _("Votre foyer"), HouseholdFormSetClass, template="questionnaire/step_household.html",
    to_situation=to_situation, section=_("Foyer"),
)
