"""The last step: no question, the page lists every answer (each step's ``summary_rows``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .base import Step, StepForm


class ReviewForm(StepForm):
    """No question: the page lists every answer; sending it asks for the results."""

    def summary_rows(self):
        return []


def page_context(wizard) -> dict:
    return {"sections": wizard.review_sections()}


STEP = Step(
    "verification", _("Vérifier vos réponses"), ReviewForm, template="questionnaire/review.html", context=page_context,
    section=_("Vérification"),
)
