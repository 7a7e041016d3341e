"""Step 1 bis, only in Moselle (57), Bas-Rhin (67) and Haut-Rhin (68): the Alsace-Moselle local scheme,
which lowers the CSS participation and pays the hospital daily charge."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from eligibility.rules.enums import ALSACE_MOSELLE_DEPARTMENTS

from .base import YES_NO, Origin, Step, StepForm, Translation


class LocalSchemeForm(StepForm):
    intro = _("Dans votre département, beaucoup de personnes ont une meilleure couverture : le régime local "
              "d'Alsace-Moselle.")

    alsace_moselle = forms.ChoiceField(
        label=_("Avez-vous le régime local d'Alsace-Moselle ?"), choices=YES_NO, widget=forms.RadioSelect,
        help_text=_("C'est le cas de la plupart des salariés et des retraités de Moselle, du Bas-Rhin et du "
                    "Haut-Rhin. Votre attestation de droits de l'Assurance Maladie l'indique."),
        error_messages={"required": _("Répondez par oui ou par non.")},
    )


def applies(answers) -> bool:
    return (answers.get("residence") or {}).get("department") in ALSACE_MOSELLE_DEPARTMENTS


def to_situation(answers, t: Translation) -> None:
    """Completes the residence written by the step before."""
    if applies(answers):
        t.situation["residence"]["alsace_moselle"] = (answers.get("regime-local") or {}).get("alsace_moselle") == "yes"
    t.trace["residence.alsace_moselle"] = Origin("regime-local", "alsace_moselle")


STEP = Step(
    "regime-local", _("Régime local d'Alsace-Moselle"), LocalSchemeForm, applies, section=_("Lieu de vie"),
    to_situation=to_situation,
)
