"""Step 3, housing: owner, tenant, housed for free… and the housing aid (the rules' housing package)."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from eligibility.rules.reasons import format_eur

from ..choices import HousingStatusChoices
from ..fields import AmountField
from .base import YES_NO, Origin, Step, StepForm, Translation, display_value, money


class HousingForm(StepForm):
    status = forms.ChoiceField(
        label="Quel est votre logement ?", choices=HousingStatusChoices.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choisissez votre situation de logement."},
    )
    housing_aid = forms.ChoiceField(
        label="Recevez-vous une aide au logement (APL, ALF ou ALS) ?", choices=YES_NO, widget=forms.RadioSelect,
        error_messages={"required": "Répondez par oui ou non."},
    )
    housing_aid_monthly = AmountField(
        label="Si oui : montant de l'aide au logement par mois", required=False, max_value=Decimal("100000"),
        help_text="Le montant versé par la CAF ou la MSA chaque mois, par exemple 250 ou 250,50 €.",
    )

    def clean(self):
        data = super().clean()
        if data.get("housing_aid") == "yes":
            # An unreadable amount already has its own message: say only that.
            if not data.get("housing_aid_monthly") and "housing_aid_monthly" not in self.errors:
                self.add_error("housing_aid_monthly", "Indiquez le montant de l'aide par mois, par exemple 250.")
        elif data.get("housing_aid") == "no":
            data["housing_aid_monthly"] = None
        return data

    def summary_rows(self):
        status = display_value(self.fields["status"], self.cleaned_data.get("status"))
        aid = self.cleaned_data.get("housing_aid_monthly")
        return [
            (str(self.fields["status"].label), status),
            ("Aide au logement", f"Oui, {format_eur(aid)} par mois" if aid else "Non"),
        ]


def to_situation(answers, t: Translation) -> None:
    housing = answers.get("logement") or {}
    t.situation["housing"] = {
        "status": housing.get("status"),
        "housing_aid_monthly": money(housing.get("housing_aid_monthly") if housing.get("housing_aid") == "yes" else 0),
    }
    t.trace["housing"] = Origin("logement", None)
    t.trace["housing.status"] = Origin("logement", "status")
    t.trace["housing.housing_aid_monthly"] = Origin("logement", "housing_aid_monthly")


STEP = Step("logement", "Logement", HousingForm, to_situation=to_situation)
