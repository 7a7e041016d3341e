"""Step 5, benefits received today and the current complementary health cover."""

from __future__ import annotations

from django import forms

from eligibility.rules.enums import Benefit, ResourceType

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


def to_situation(answers, t: Translation) -> None:
    benefits = answers.get("allocations") or {}
    t.situation["current_benefits"] = list(benefits.get("current_benefits") or [])
    t.situation["coverage"] = {"complementary": benefits.get("complementary") or "none"}
    t.trace["current_benefits"] = Origin("allocations", "current_benefits")
    t.trace["coverage"] = Origin("allocations", "complementary")


STEP = Step("allocations", "Allocations et complémentaire santé", BenefitsForm, to_situation=to_situation)
