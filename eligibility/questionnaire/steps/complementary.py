"""Step 5, the complementary health cover the household has today (the benefits received today are derived
from the resources ticked: nothing is asked twice)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import BaseCover

from ..choices import ComplementaryChoices
from .base import Origin, Step, StepForm, Translation


class ComplementaryForm(StepForm):
    complementary = forms.ChoiceField(
        label=_("Avez-vous aujourd'hui une complémentaire santé ?"), choices=ComplementaryChoices.choices,
        widget=forms.RadioSelect,
        help_text=_("Une complémentaire santé (une « mutuelle ») paie une partie de ce que l'Assurance Maladie "
                    "ne rembourse pas."),
        error_messages={"required": _("Choisissez la complémentaire santé que vous avez.")},
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
    def clean(self):
        data = super().clean()
        if data.get("complementary") == "ame" and data.get("base_cover") not in (None, "", BaseCover.FRENCH.value,
                                                                                  BaseCover.NONE.value):
            self.add_error("base_cover", _("L'aide médicale de l'État concerne les personnes sans assurance maladie : "
                                           "choisissez « Aucune assurance maladie »."))
        return data


def to_situation(answers, t: Translation) -> None:
    cover = answers.get("complementaire") or {}
    coverage = {"complementary": cover.get("complementary") or "none"}
    base = cover.get("base_cover")
    if base and base != BaseCover.FRENCH.value:
        coverage["base"] = base
    t.situation["coverage"] = coverage
    t.trace["coverage"] = Origin("complementaire", "complementary")
    t.trace["coverage.base"] = Origin("complementaire", "base_cover")


STEP = Step(
    "complementaire", _("Votre complémentaire santé"), ComplementaryForm, section=_("Complémentaire santé"),
    to_situation=to_situation,
)
