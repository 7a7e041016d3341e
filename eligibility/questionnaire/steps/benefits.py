"""Step 5, benefits received today and the current complementary health cover."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import BaseCover, Benefit, ResourceType

from ..choices import ComplementaryChoices
from .base import Origin, Step, StepForm, Translation


class BenefitsForm(StepForm):
    current_benefits = forms.MultipleChoiceField(
        label="Recevez-vous aujourd'hui l'une de ces allocations ? (vous ou une personne de votre foyer)",
        # The benefits' full names, as the rules' resource types spell them ("Revenu de solidarité active (RSA)").
        choices=[(b.value, ResourceType(b.value).label) for b in Benefit], required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez toutes celles qui sont versées en ce moment. Aucune : ne cochez rien.",
    )
    complementary = forms.ChoiceField(
        label="Avez-vous aujourd'hui une complémentaire santé (mutuelle) ?", choices=ComplementaryChoices.choices,
        widget=forms.RadioSelect, error_messages={"required": "Choisissez la complémentaire santé que vous avez."},
    )
    base_cover = forms.ChoiceField(
        label=_("Votre assurance maladie de base"), widget=forms.RadioSelect, required=False,
        initial=BaseCover.FRENCH.value,
        choices=[
            (BaseCover.FRENCH.value, _("L'Assurance maladie française (carte Vitale, CPAM, MSA…)")),
            (BaseCover.EU_CEAM.value, _("Une assurance d'un autre pays d'Europe, avec la carte européenne (CEAM)")),
            (BaseCover.FOREIGN_AGREEMENT.value, _("Une assurance d'un pays qui a un accord avec la France")),
            (BaseCover.FOREIGN_NO_AGREEMENT.value, _("Une assurance d'un autre pays")),
            (BaseCover.NONE.value, _("Aucune assurance maladie")),
        ],
        help_text=_("Sans assurance maladie, nous vous disons quelles aides existent (aide médicale de l'État, soins "
                    "urgents, permanence d'accès aux soins de l'hôpital)."),
    )
    months_in_france = forms.IntegerField(
        label=_("Sans assurance maladie : depuis combien de mois vivez-vous en France ? (facultatif)"),
        required=False, min_value=0, max_value=1200,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input--short", "autocomplete": "off"}),
        error_messages={"invalid": _("Indiquez un nombre de mois, par exemple 4."),
                        "min_value": _("Indiquez un nombre de mois, par exemple 4."),
                        "max_value": _("Indiquez un nombre de mois, par exemple 4.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("base_cover") not in (None, "", BaseCover.NONE.value):
            data["months_in_france"] = None
        if data.get("complementary") == "ame" and data.get("base_cover") not in (None, "", BaseCover.FRENCH.value,
                                                                                  BaseCover.NONE.value):
            self.add_error("base_cover", _("L'aide médicale de l'État concerne les personnes sans assurance maladie : "
                                           "choisissez « Aucune assurance maladie »."))
        return data


def to_situation(answers, t: Translation) -> None:
    benefits = answers.get("allocations") or {}
    t.situation["current_benefits"] = list(benefits.get("current_benefits") or [])
    coverage = {"complementary": benefits.get("complementary") or "none"}
    base = benefits.get("base_cover")
    if base and base != BaseCover.FRENCH.value:
        coverage["base"] = base
        if base == BaseCover.NONE.value and benefits.get("months_in_france") is not None:
            coverage["months_in_france"] = benefits["months_in_france"]
    t.situation["coverage"] = coverage
    t.trace["current_benefits"] = Origin("allocations", "current_benefits")
    t.trace["coverage"] = Origin("allocations", "complementary")
    t.trace["coverage.base"] = Origin("allocations", "base_cover")
    t.trace["coverage.months_in_france"] = Origin("allocations", "months_in_france")


STEP = Step("allocations", "Allocations et complémentaire santé", BenefitsForm, to_situation=to_situation)
