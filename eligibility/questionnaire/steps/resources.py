"""Step 4, resources, first page: for each person, which kinds of income they received during the 12 months
the CSS counts (ticked in plain words, grouped the way people think). Amounts come on the next page
(``amounts``), only for what was ticked.

Children under 16 are not asked (what is paid for them is paid to their parents); an older child gets a
shorter list that fits a young person. The housing aid is asked once, for the household, in the applicant's list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import ResourceType as T
from eligibility.rules.enums import Role
from eligibility.rules.parameters import default_parameters

from .. import presenter
from .base import Step, StepForm

#: How a kind's amount is asked on the amounts page.
PERIOD, ANNUAL, MONTHLY_NOW, STILL, NOTHING = "period", "annual", "monthly_now", "still", "nothing"
CHILD_AGE_ASKED = 16


@dataclass(frozen=True)
class Kind:
    type: T
    label: str
    #: ``PERIOD``: per month with the months received (or a 12-month total); ``ANNUAL``: the tax notice's
    #: yearly income; ``MONTHLY_NOW``: per month today; ``STILL``: not counted, only "still received?";
    #: ``NOTHING``: not counted, nothing more to ask.
    asked: str = PERIOD
    #: The kind's name in the amounts page's questions ("Votre salaire").
    short: str = ""


GROUPS: tuple[tuple[str, tuple[Kind, ...]], ...] = (
    (_("Travail"), (
        Kind(T.SALARY, _("Un salaire (emploi, intérim, apprentissage, petit boulot)"), short=_("Salaire")),
        Kind(T.SELF_EMPLOYMENT, _("Des revenus d'indépendant (auto-entrepreneur, commerce, artisanat, "
                                  "profession libérale, agriculture)"), ANNUAL, _("Revenus d'indépendant")),
    )),
    (_("Chômage"), (
        Kind(T.UNEMPLOYMENT_BENEFIT, _("Des allocations chômage de France Travail"), short=_("Allocations chômage")),
        Kind(T.ASS, _("L'ASS (allocation de solidarité spécifique), versée par France Travail après le chômage"),
             short=_("ASS")),
    )),
    (_("Maladie"), (
        Kind(T.DAILY_ALLOWANCE, _("Des indemnités journalières de l'Assurance Maladie (arrêt de travail, congé "
                                  "maternité, accident du travail)"), short=_("Indemnités journalières")),
    )),
    (_("Retraite, invalidité, handicap"), (
        Kind(T.PENSION, _("Une retraite"), short=_("Retraite")),
        Kind(T.ASPA, _("Le minimum vieillesse (ASPA)"), short=_("Minimum vieillesse (ASPA)")),
        Kind(T.INVALIDITY_PENSION, _("Une pension d'invalidité"), short=_("Pension d'invalidité")),
        Kind(T.ASI, _("L'ASI (allocation supplémentaire d'invalidité)"), short=_("ASI")),
        Kind(T.AAH, _("L'AAH (allocation aux adultes handicapés)"), short=_("AAH")),
    )),
    (_("Famille"), (
        Kind(T.FAMILY_BENEFIT, _("Des allocations familiales de la CAF ou de la MSA"),
             short=_("Allocations familiales")),
        Kind(T.ALIMONY_RECEIVED, _("Une pension alimentaire reçue"), short=_("Pension alimentaire reçue")),
        Kind(T.ALIMONY_PAID, _("Une pension alimentaire que vous versez à quelqu'un"),
             short=_("Pension alimentaire versée")),
    )),
    (_("Logement"), (
        Kind(T.HOUSING_AID, _("Une aide au logement (APL, ALF ou ALS)"), MONTHLY_NOW, _("Aide au logement")),
    )),
    (_("Autres aides et revenus"), (
        Kind(T.RSA, _("Le RSA (revenu de solidarité active)"), STILL, _("RSA")),
        Kind(T.PRIME_ACTIVITE, _("La prime d'activité"), NOTHING),
        Kind(T.SCHOLARSHIP_SOCIAL, _("Une bourse d'études sur critères sociaux"), NOTHING),
        Kind(T.FAMILY_HELP, _("De l'argent de votre famille ou de proches"), NOTHING, _("Aide de la famille")),
        Kind(T.CAPITAL_INCOME, _("Des loyers ou des intérêts imposables (pas ceux du livret A, du LDDS ou du LEP)"),
             short=_("Loyers et intérêts")),
        Kind(T.OTHER_TAXABLE, _("Un autre revenu déclaré aux impôts"), short=_("Autre revenu")),
    )),
)
KINDS: dict[str, Kind] = {k.type.value: k for _title, kinds in GROUPS for k in kinds}
#: What a young person (a child of 16 or more) may have received.
CHILD_KINDS = frozenset({T.SALARY, T.UNEMPLOYMENT_BENEFIT, T.DAILY_ALLOWANCE, T.AAH, T.ALIMONY_RECEIVED,
                         T.SCHOLARSHIP_SOCIAL, T.OTHER_TAXABLE})
HOUSEHOLD_KINDS = frozenset({T.HOUSING_AID, T.RSA})  # asked once, in the applicant's list


def kinds_field_name(uid: str) -> str:
    return f"{uid}__kinds"


def asked_about(member: dict, request_date: date) -> bool:
    """Everyone but the children under 16 (what is paid for a young child is paid to the parents)."""
    if member["role"] != Role.CHILD.value:
        return True
    birth = member["birth_date"]
    age = request_date.year - birth.year - ((request_date.month, request_date.day) < (birth.month, birth.day))
    return age >= CHILD_AGE_ASKED


def kinds_for(member: dict) -> list[tuple[str, list[tuple[str, str]]]]:
    """The grouped choices offered to ``member``."""
    role = member["role"]
    groups = []
    for title, kinds in GROUPS:
        choices = [
            (k.type.value, k.label) for k in kinds
            if (role != Role.CHILD.value or k.type in CHILD_KINDS)
            and (role == Role.APPLICANT.value or k.type not in HOUSEHOLD_KINDS)
        ]
        if choices:
            groups.append((title, choices))
    return groups


def how_asked(kind: Kind, request_date: date) -> str:
    """``kind.asked``, except that a resource the law still counted on ``request_date`` asks for its amount."""
    if kind.asked in (STILL, NOTHING):
        excluded = default_parameters()["css.ressources_exclues"].at(request_date)
        if kind.type.value not in excluded:
            return PERIOD
    return kind.asked


def period_words(request_date: date) -> dict:
    return presenter.reference_period_text(request_date)


class KindsForm(StepForm):
    """One checkbox list per person (a list counts as one question), grouped by theme."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = []
        if not self.answers:
            return
        request_date = self.answers.request_date
        period = period_words(request_date)["text"]
        for member in self.answers.members:
            if not asked_about(member, request_date):
                continue
            name = kinds_field_name(member["uid"])
            groups = kinds_for(member)
            if member["role"] == Role.APPLICANT.value:
                label = gettext("Qu'avez-vous reçu %(period)s ?") % {"period": period}
            else:
                label = gettext("Qu'a reçu %(who)s %(period)s ?") % {"who": member["title"], "period": period}
            self.fields[name] = forms.MultipleChoiceField(
                label=label, required=False, widget=forms.CheckboxSelectMultiple,
                choices=[(value, text) for _title, choices in groups for value, text in choices],
                help_text=_("Cochez tout ce qui a été versé, même pendant un seul mois. Rien : ne cochez rien."),
            )
            self.people.append({"member": member, "name": name, "groups": groups})
        for person in self.people:
            bound = self[person["name"]]
            by_value = {sub.data["value"]: sub for sub in bound.subwidgets}
            person["field"] = bound
            person["groups"] = [
                {"title": title, "choices": [by_value[value] for value, _text in choices]}
                for title, choices in person["groups"]
            ]
        self.young_children = [m for m in self.answers.members if not asked_about(m, request_date)]

    def summary_rows(self):
        rows = []
        for person in self.people:
            ticked = self.cleaned_data.get(person["name"]) or []
            labels = [str(KINDS[value].label) for value in ticked if value in KINDS]
            rows.append((person["member"]["title"], "; ".join(labels) or str(_("Rien"))))
        return rows


def ticked(answers) -> dict[str, list[Kind]]:
    """``{uid: [kinds ticked]}`` for the persons asked, in the order of the lists."""
    data = answers.get("ressources") or {}
    out = {}
    for member in answers.members:
        values = set(data.get(kinds_field_name(member["uid"])) or [])
        out[member["uid"]] = [k for _title, kinds in GROUPS for k in kinds if k.type.value in values]
    return out


def page_context(wizard) -> dict:
    return {"period": period_words(wizard.answers.request_date)}


STEP = Step(
    "ressources", _("Ce que vous avez reçu"), KindsForm, template="questionnaire/step_resources.html",
    section=_("Ressources"), context=page_context,
)
