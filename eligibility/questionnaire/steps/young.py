"""Step 2 bis, only when someone in the household is under 25: which household the CSS request is for (R861-2).

Asked only what decides it, in this order:

* a young applicant without a partner or a child (under 25, or a minor): first the individual applications of
  service-public.fr (F10027) that fit the age and activity (the Crous's emergency aid for a student, the ASE or the
  PJJ, no family contact from 16, a baby expected); then, for an adult in none of them, whether he or she lives at
  the parents', is on their tax return, and (only if not on it, since parents cannot both count a child on their
  return and deduct an alimony for him) receives an alimony they deduct. A minor in none of them is in the parents'
  household: nothing more to ask;
* each dependant aged 18 to 24: whether he or she lives with the household, else is on its tax return, else (an
  adult child) receives an alimony it deducts. Another dependant counts only through the tax return.

The sections that depend on an answer open on that answer (``data-reveal-when``), without JavaScript where the
browser knows ``:has``, and are all shown otherwise.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import Activity, IndividualApplication, Role
from eligibility.rules.parameters import default_parameters

from .base import YES_NO, Origin, Step, StepForm, Translation

UNKNOWN = "unknown"
YES_NO_UNKNOWN = [*YES_NO, (UNKNOWN, _("Je ne sais pas"))]
NONE = "none"
TIES = ("lives_with_parents", "tax_attached", "receives_deductible_alimony")


def _ages(answers) -> tuple[int, int, int, int]:
    """The legal ages of the request date: dependant limit (25), majority (18), no family contact (16), ASE (21)."""
    p = default_parameters().at(answers.request_date)
    return (int(p["css.age_limite_personne_a_charge"]), int(p["css.age_majorite"]),
            int(p["css.age_demande_individuelle_sans_famille"]), int(p["css.age_limite_jeune_majeur_ase"]))


def _age(member: dict, when) -> int:
    born = member["birth_date"]
    return when.year - born.year - ((when.month, when.day) < (born.month, born.day))


def young_applicant(answers) -> dict | None:
    """The applicant when under 25, without a partner or a child in the household (else ``None``)."""
    members = answers.members
    if not members or any(m["role"] in (Role.PARTNER.value, Role.CHILD.value) for m in members):
        return None
    applicant = members[0]
    limit = _ages(answers)[0]
    return applicant if _age(applicant, answers.request_date) < limit else None


def young_dependants(answers) -> list[dict]:
    """The dependants aged from 18 to 24 on the request date."""
    limit, majority, _sixteen, _ase = _ages(answers)
    when = answers.request_date
    return [m for m in answers.members[1:] if m["role"] in (Role.CHILD.value, Role.OTHER_DEPENDENT.value)
            and majority <= _age(m, when) < limit]


def applies(answers) -> bool:
    return bool(answers.members) and (young_applicant(answers) is not None or bool(young_dependants(answers)))


def situation_choices(member: dict, answers) -> list[tuple[str, str]]:
    """The individual applications that may fit the applicant, in plain words."""
    _limit, majority, sixteen, ase = _ages(answers)
    age = _age(member, answers.request_date)
    choices = []
    if member.get("activity") == Activity.STUDENT.value and age >= majority:
        choices.append((IndividualApplication.FNAU_STUDENT.value,
                        _("Vous faites des études et recevez l'aide annuelle d'urgence du Crous (FNAU)")))
    if age < ase:
        choices.append((IndividualApplication.ASE_PJJ.value,
                        _("L'aide sociale à l'enfance (ASE) s'occupe de vous, ou la protection judiciaire de la "
                          "jeunesse (PJJ) vous suit")))
    if sixteen <= age < majority:
        choices.append((IndividualApplication.NO_FAMILY_CONTACT.value,
                        _("Vous n'avez plus de contact avec votre famille")))
    choices.append((IndividualApplication.YOUNG_PARENT.value, _("Vous allez bientôt être parent (un bébé est attendu)")))
    choices.append((NONE, _("Aucune de ces situations")))
    return choices


class YoungForm(StepForm):
    intro = _("Avant 25 ans, on fait souvent partie du foyer de ses parents pour la Complémentaire santé solidaire. "
              "Ces questions disent qui fait partie de votre foyer.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.applicant = None
        self.dependants = []
        if not self.answers:
            return
        applicant = young_applicant(self.answers)
        if applicant is not None:
            self.applicant = self._applicant_fields(applicant)
        for member in young_dependants(self.answers):
            self.dependants.append(self._dependant_fields(member))

    def _add(self, uid: str, part: str, field: forms.Field) -> forms.BoundField:
        name = f"{uid}__{part}"
        self.fields[name] = field
        return name

    def _applicant_fields(self, member: dict) -> dict:
        uid = member["uid"]
        majority = _ages(self.answers)[1]
        names = {"situation": self._add(uid, "situation", forms.ChoiceField(
            label=_("Êtes-vous dans l'une de ces situations ?"), widget=forms.RadioSelect,
            choices=situation_choices(member, self.answers),
            help_text=_("Dans ces cas, vous pouvez demander seul(e), sans les ressources de vos parents."),
            error_messages={"required": _("Choisissez une réponse.")},
        ))}
        if _age(member, self.answers.request_date) >= majority:
            names["lives_with_parents"] = self._add(uid, "lives_with_parents", forms.ChoiceField(
                label=_("Vivez-vous chez vos parents ?"), widget=forms.RadioSelect, choices=YES_NO, required=False))
            names["tax_attached"] = self._add(uid, "tax_attached", forms.ChoiceField(
                label=_("Êtes-vous sur la déclaration de revenus de vos parents ?"), widget=forms.RadioSelect,
                choices=YES_NO_UNKNOWN, required=False,
                help_text=_("Leur dernière déclaration d'impôt sur le revenu. Vous y êtes s'ils vous y comptent à "
                            "leur charge.")))
            names["receives_deductible_alimony"] = self._add(uid, "receives_deductible_alimony", forms.ChoiceField(
                label=_("Vos parents vous versent-ils une pension alimentaire qu'ils déduisent de leurs impôts ?"),
                widget=forms.RadioSelect, choices=YES_NO_UNKNOWN, required=False,
                help_text=_("Une somme d'argent régulière qu'ils déclarent aux impôts pour en payer moins. Pas une "
                            "pension fixée par un juge.")))
        return {"member": member, "names": names}

    def _dependant_fields(self, member: dict) -> dict:
        uid = member["uid"]
        names = {}
        if member["role"] == Role.CHILD.value:
            names["lives_with_parents"] = self._add(uid, "lives_with_parents", forms.ChoiceField(
                label=_("Vit chez vous ?"), widget=forms.RadioSelect, choices=YES_NO,
                error_messages={"required": _("Répondez par oui ou par non.")}))
        names["tax_attached"] = self._add(uid, "tax_attached", forms.ChoiceField(
            label=_("Est sur votre dernière déclaration de revenus ?"), widget=forms.RadioSelect, choices=YES_NO,
            required=member["role"] != Role.CHILD.value,
            error_messages={"required": _("Répondez par oui ou par non.")}))
        if member["role"] == Role.CHILD.value:
            names["receives_deductible_alimony"] = self._add(uid, "receives_deductible_alimony", forms.ChoiceField(
                label=_("Reçoit de vous une pension alimentaire que vous déduisez de vos impôts ?"),
                widget=forms.RadioSelect, choices=YES_NO, required=False,
                help_text=_("Pas une pension fixée par un juge.")))
        return {"member": member, "names": names}

    def clean(self):
        data = super().clean()
        if self.applicant:
            names = self.applicant["names"]
            if data.get(names["situation"]) == NONE and "lives_with_parents" in names:
                if not data.get(names["lives_with_parents"]):
                    self.add_error(names["lives_with_parents"], _("Répondez par oui ou par non."))
                elif data.get(names["lives_with_parents"]) == "no" and not data.get(names["tax_attached"]):
                    self.add_error(names["tax_attached"], _("Choisissez une réponse."))
        for block in self.dependants:
            names = block["names"]
            if (data.get(names.get("lives_with_parents", "")) == "no" and not data.get(names["tax_attached"])
                    and names["tax_attached"] not in self.errors):
                self.add_error(names["tax_attached"], _("Répondez par oui ou par non."))
        return data

    def bound(self, block: dict) -> dict:
        return {part: self[name] for part, name in block["names"].items()}

    @property
    def blocks(self) -> list[dict]:
        """What the template shows: the applicant's block, then one per dependant, with their bound fields."""
        out = []
        if self.applicant:
            out.append({**self.applicant, "fields": self.bound(self.applicant), "is_applicant": True})
        for block in self.dependants:
            out.append({**block, "fields": self.bound(block), "is_applicant": False})
        return out

    def summary_rows(self):
        rows = []
        data = self.cleaned_data
        for block in self.blocks:
            answers = []
            for name in block["names"].values():
                value = data.get(name)
                if value:
                    answers.append(f"{self.fields[name].label} {dict(self.fields[name].choices).get(value, value)}")
            rows.append((block["member"]["title"], "; ".join(answers)))
        return rows


def ties(data: dict, names: dict) -> dict[str, bool]:
    """The contract's ties from the answers (an unanswered or "I don't know" tie is left out)."""
    out = {}
    for part in TIES:
        value = data.get(names.get(part, ""))
        if value in ("yes", "no"):
            out[part] = value == "yes"
    return out


def to_situation(answers, t: Translation) -> None:
    """Completes the members written by the household step, and the individual application."""
    if not applies(answers):
        return
    data = answers.get("jeunes") or {}
    index = {m["uid"]: i for i, m in enumerate(answers.members)}
    applicant = young_applicant(answers)
    if applicant is not None:
        uid = applicant["uid"]
        situation = data.get(f"{uid}__situation")
        if situation and situation != NONE:
            t.situation["individual_application"] = situation
            t.trace["individual_application"] = Origin("jeunes", f"{uid}__situation")
        else:
            names = {part: f"{uid}__{part}" for part in TIES}
            if data.get(names["tax_attached"]) == "yes":
                names.pop("receives_deductible_alimony")  # not asked: a child on the return brings no deduction
            if data.get(names["lives_with_parents"]) == "yes":
                names = {"lives_with_parents": names["lives_with_parents"]}
            _write(t, index[uid], ties(data, names), names)
    for member in young_dependants(answers):
        uid = member["uid"]
        names = {part: f"{uid}__{part}" for part in TIES}
        written = ties(data, names)
        if written.get("lives_with_parents") or written.get("tax_attached"):
            written.pop("receives_deductible_alimony", None)
        _write(t, index[uid], written, names)


def _write(t: Translation, i: int, values: dict[str, bool], names: dict[str, str]) -> None:
    t.situation["members"][i].update(values)
    for part in values:
        t.trace[f"members[{i}].{part}"] = Origin("jeunes", names[part])


STEP = Step(
    "jeunes", _("Moins de 25 ans"), YoungForm, applies, template="questionnaire/step_young.html",
    section=_("Foyer"), to_situation=to_situation,
)
