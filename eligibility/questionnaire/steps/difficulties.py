"""Step 8, difficulties the CPAM's social action committee weighs (case-by-case financial help)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import SELF_EMPLOYED_DIFFICULTIES, Difficulty

from .base import Origin, Step, StepForm, Translation


class DifficultiesForm(StepForm):
    intro = _("L'Assurance Maladie peut aider au cas par cas (aides financières de sa commission d'action "
              "sociale). Ces situations comptent dans sa décision.")
    difficulties = forms.MultipleChoiceField(
        label=_("Vivez-vous l'une de ces situations ?"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(d.value, _(d.label)) for d in Difficulty if d not in SELF_EMPLOYED_DIFFICULTIES],
        help_text=_("Cochez toutes celles qui vous concernent. Aucune : ne cochez rien."),
    )


def to_situation(answers, t: Translation) -> None:
    t.situation["difficulties"] = list((answers.get("difficultes") or {}).get("difficulties") or [])
    t.trace["difficulties"] = Origin("difficultes", "difficulties")


STEP = Step("difficultes", _("Difficultés"), DifficultiesForm, to_situation=to_situation, section=_("Difficultés"))
