"""Step 9, only when someone in the household works as self-employed: the Urssaf's "Help" aid is for them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import SELF_EMPLOYED_DIFFICULTIES, Difficulty

from .base import Step, StepForm, Translation


class SelfEmployedForm(StepForm):
    intro = _("Les travailleurs indépendants en difficulté peuvent demander l'aide « Help » à l'Urssaf et à leur "
              "caisse de retraite.")
    self_employed_difficulties = forms.MultipleChoiceField(
        label=_("Votre activité indépendante rencontre-t-elle l'une de ces difficultés ?"), required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(d.value, _(d.label)) for d in Difficulty if d in SELF_EMPLOYED_DIFFICULTIES],
        help_text=_("Cochez toutes celles qui vous concernent. Aucune : ne cochez rien."),
    )


def to_situation(answers, t: Translation) -> None:
    """Adds the activity's difficulties to the household's (written by the difficulties step just before)."""
    if answers.has_self_employed:
        t.situation["difficulties"] += list((answers.get("independant") or {}).get("self_employed_difficulties") or [])


STEP = Step(
    "independant", _("Travail indépendant"), SelfEmployedForm, lambda a: a.has_self_employed, to_situation=to_situation,
    section=_("Difficultés"), when=_("seulement si une personne du foyer est indépendante"),
)
