"""Step 3, housing: tenant, owner, housed for free… (the housing aid is asked with the resources, once)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..choices import HousingStatusChoices
from .base import Origin, Step, StepForm, Translation


class HousingForm(StepForm):
    status = forms.ChoiceField(
        label=_("Quel est votre logement ?"), choices=HousingStatusChoices.choices, widget=forms.RadioSelect,
        help_text=_("Si vous êtes propriétaire ou logé gratuitement, un petit montant fixe est ajouté à vos "
                    "ressources : le « forfait logement »."),
        error_messages={"required": _("Choisissez votre situation de logement.")},
    )


def to_situation(answers, t: Translation) -> None:
    """The housing aid per month is added by the amounts step (0 when none was ticked)."""
    housing = answers.get("logement") or {}
    t.situation["housing"] = {"status": housing.get("status"), "housing_aid_monthly": 0.0}
    t.trace["housing"] = Origin("logement", None)
    t.trace["housing.status"] = Origin("logement", "status")
    t.trace["housing.housing_aid_monthly"] = Origin("ressources", None)


STEP = Step("logement", _("Votre logement"), HousingForm, section=_("Logement"), to_situation=to_situation)
