"""Step 1, where the person lives: one answer (postal code, department number or name) gives the department
and the territory, hence which rules apply. Professionals may also date the request."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import Territory
from eligibility.rules.reasons import format_date
from eligibility.rules.situation import EARLIEST_REQUEST_DATE, MAX_DAYS_AHEAD

from ..departments import find_department
from ..fields import FrenchDateField
from .base import DATE_HINT, Origin, Step, StepForm, Translation


class ResidenceForm(StepForm):
    intro = _("Votre lieu de vie choisit les règles qui s'appliquent chez vous.")

    place = forms.CharField(
        label=_("Votre code postal ou votre département"), max_length=60,
        help_text=_("Par exemple 93200, 93 ou Seine-Saint-Denis. Outre-mer : 97400, 974 ou La Réunion."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false"}),
        error_messages={"required": _("Indiquez votre code postal, par exemple 93200.")},
    )
    request_date = FrenchDateField(
        label=_("Date de la demande"), required=False,
        help_text=_("Réservé aux professionnels : la date à laquelle la demande est ou sera déposée. "
                    "Vide : aujourd'hui. ") + DATE_HINT,
    )

    def __init__(self, *args, can_set_request_date: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_set_request_date:
            del self.fields["request_date"]

    def clean_place(self):
        department = find_department(self.cleaned_data.get("place") or "")
        if department is None:
            raise ValidationError(_(
                "Nous ne trouvons pas ce lieu. Écrivez votre code postal (5 chiffres, par exemple 93200) "
                "ou le nom de votre département (par exemple Gironde)."
            ))
        self.cleaned_data["department"] = department.code
        self.cleaned_data["territory"] = department.territory.value
        self.department = department
        return self.cleaned_data["place"].strip()

    def clean_request_date(self):
        value = self.cleaned_data.get("request_date")
        if value and value < EARLIEST_REQUEST_DATE:
            raise ValidationError(_(
                "La Complémentaire santé solidaire existe depuis le 1er novembre 2019 : "
                "choisissez une date à partir de celle-ci."
            ))
        today = self.answers.today if self.answers else date.today()
        if value and (value - today).days > MAX_DAYS_AHEAD:
            raise ValidationError(_(
                "Cette date est plus d'un an après aujourd'hui : vérifiez l'année, ou laissez vide pour aujourd'hui."
            ))
        return value

    def summary_rows(self):
        rows = [(str(_("Département")), str(self.department))]
        if "request_date" in self.fields:
            rows += [(str(self.fields["request_date"].label),
                      display_request_date(self.cleaned_data.get("request_date")))]
        return rows


def display_request_date(value) -> str:
    return format_date(value) if value else str(_("Aujourd'hui"))


def to_situation(answers, t: Translation) -> None:
    s, trace = t.situation, t.trace
    residence = answers.get("residence") or {}
    request_date = residence.get("request_date") or answers.today
    s["request_date"] = request_date.isoformat()
    trace["request_date"] = Origin("residence", "request_date" if residence.get("request_date") else None)
    s["residence"] = {"territory": residence.get("territory") or Territory.METROPOLE.value, "alsace_moselle": False}
    if residence.get("department"):
        s["residence"]["department"] = residence["department"]
    trace["residence"] = Origin("residence", None)
    trace["residence.territory"] = Origin("residence", "place")
    trace["residence.department"] = Origin("residence", "place")


STEP = Step(
    "residence", _("Où habitez-vous ?"), ResidenceForm, section=_("Lieu de vie"),
    # Only a professional (or the staff) may date the request otherwise than today.
    form_kwargs=lambda wizard: {"can_set_request_date": wizard.can_set_request_date()},
    to_situation=to_situation,
)
