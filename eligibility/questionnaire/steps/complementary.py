"""Step 5, the complementary health cover the household has today (the benefits received today are derived
from the resources ticked: nothing is asked twice)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

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


def to_situation(answers, t: Translation) -> None:
    cover = answers.get("complementaire") or {}
    t.situation["coverage"] = {"complementary": cover.get("complementary") or "none"}
    t.trace["coverage"] = Origin("complementaire", "complementary")


STEP = Step(
    "complementaire", _("Votre complémentaire santé"), ComplementaryForm, section=_("Complémentaire santé"),
    to_situation=to_situation,
)
