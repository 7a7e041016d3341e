"""Step 1, where the person lives: the territory (which rules apply), the department, Alsace-Moselle."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from eligibility.rules.enums import ALSACE_MOSELLE_DEPARTMENTS, OVERSEAS_DEPARTMENT_BY_TERRITORY, Territory
from eligibility.rules.situation import DEPARTMENT_RE, EARLIEST_REQUEST_DATE, MAX_DAYS_AHEAD

from ..choices import TerritoryChoices
from ..fields import FrenchDateField
from .base import DATE_HINT, YES_NO, Origin, Step, StepForm, Translation


class ResidenceForm(StepForm):
    intro = "Ces réponses choisissent les règles qui s'appliquent chez vous."

    territory = forms.ChoiceField(
        label="Où habitez-vous ?", choices=TerritoryChoices.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choisissez l'endroit où vous habitez."},
    )
    department = forms.CharField(
        label="Numéro de votre département (facultatif)", required=False, max_length=3,
        help_text="Les 2 premiers chiffres de votre code postal, par exemple 93. Pour la Corse : 2A ou 2B. "
        "Il sert à trouver les aides de votre caisse d'assurance maladie.",
        widget=forms.TextInput(attrs={"class": "input--short", "autocomplete": "off", "spellcheck": "false"}),
    )
    alsace_moselle = forms.ChoiceField(
        label="Dépendez-vous du régime local d'Alsace-Moselle ?", choices=YES_NO, required=False,
        widget=forms.RadioSelect,
        help_text="À répondre seulement si vous habitez la Moselle (57), le Bas-Rhin (67) ou le Haut-Rhin (68). "
        "C'est le cas de la plupart des salariés et retraités de ces départements ; votre attestation de "
        "droits l'indique.",
    )
    request_date = FrenchDateField(
        label="Date de la demande", required=False,
        help_text="Réservé aux professionnels : la date à laquelle la demande est ou sera déposée. "
        "Vide : aujourd'hui. " + DATE_HINT,
    )

    def __init__(self, *args, can_set_request_date: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_set_request_date:
            del self.fields["request_date"]

    def clean_department(self):
        value = (self.cleaned_data.get("department") or "").strip().upper()
        if value and len(value) == 1 and value.isdigit():
            value = "0" + value
        if value and not DEPARTMENT_RE.fullmatch(value):
            raise ValidationError("Ce numéro de département n'existe pas : écrivez par exemple 75, 2A ou 971.")
        return value

    def clean_request_date(self):
        value = self.cleaned_data.get("request_date")
        if value and value < EARLIEST_REQUEST_DATE:
            raise ValidationError(
                "La Complémentaire santé solidaire existe depuis le 1er novembre 2019 : "
                "choisissez une date à partir de celle-ci."
            )
        today = self.answers.today if self.answers else date.today()
        if value and (value - today).days > MAX_DAYS_AHEAD:
            raise ValidationError(
                "Cette date est plus d'un an après aujourd'hui : vérifiez l'année, ou laissez vide pour aujourd'hui."
            )
        return value

    def clean(self):
        data = super().clean()
        territory, department = data.get("territory"), data.get("department")
        if territory and department:
            expected = OVERSEAS_DEPARTMENT_BY_TERRITORY.get(Territory(territory))
            if expected and department != expected:
                self.add_error("department", f"{Territory(territory).label} correspond au département {expected} : "
                               "corrigez le numéro ou laissez-le vide.")
            elif territory == Territory.METROPOLE and department.startswith("97"):
                self.add_error("department", "Ce département est outre-mer : choisissez le territoire où vous "
                               "habitez ci-dessus.")
        if department in ALSACE_MOSELLE_DEPARTMENTS and territory == Territory.METROPOLE:
            if not data.get("alsace_moselle"):
                self.add_error("alsace_moselle", "Répondez par oui ou non : dans votre département, ce régime "
                               "change le prix de la complémentaire.")
        else:
            data["alsace_moselle"] = ""
        return data

    def summary_rows(self):
        rows = super().summary_rows()
        if not self.cleaned_data.get("alsace_moselle"):
            rows = [r for r in rows if r[0] != self.fields["alsace_moselle"].label]
        return rows


def to_situation(answers, t: Translation) -> None:
    s, trace = t.situation, t.trace
    residence = answers.get("residence") or {}
    request_date = residence.get("request_date") or answers.today
    s["request_date"] = request_date.isoformat()
    trace["request_date"] = Origin("residence", "request_date" if residence.get("request_date") else None)
    territory = residence.get("territory") or Territory.METROPOLE.value
    department = residence.get("department") or OVERSEAS_DEPARTMENT_BY_TERRITORY.get(Territory(territory))
    s["residence"] = {"territory": territory, "alsace_moselle": residence.get("alsace_moselle") == "yes"}
    if department:
        s["residence"]["department"] = department
    trace["residence"] = Origin("residence", None)
    trace["residence.territory"] = Origin("residence", "territory")
    trace["residence.department"] = Origin("residence", "department" if residence.get("department") else "territory")
    trace["residence.alsace_moselle"] = Origin("residence", "alsace_moselle")


STEP = Step(
    "residence", "Lieu de vie", ResidenceForm,
    # Only a professional (or the staff) may date the request otherwise than today.
    form_kwargs=lambda wizard: {"can_set_request_date": wizard.can_set_request_date()},
    to_situation=to_situation,
)
