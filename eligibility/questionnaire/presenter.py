"""What the question pages show: error summaries, the reference period, the progress bar.

The results are presented by ``eligibility.presentation`` (shared with the dossier and its PDF).
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import formats, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility.presentation.formatting import width_class
from eligibility.rules.css import reference_period_on
from eligibility.rules.parameters import default_parameters
from eligibility.rules.reasons import format_month

__all__ = ["EXCLUDED_INTRO", "error_summary", "reference_period_text", "width_class"]

EXCLUDED_INTRO = _(
    "La Complémentaire santé solidaire ne compte pas certaines ressources : le RSA, la prime d'activité, "
    "l'aide au logement (déjà indiquée à l'étape « Logement »), l'AEEH, l'allocation de rentrée scolaire, "
    "les bourses sur critères sociaux, l'aide de la famille… Vous pouvez les indiquer : elles seront montrées "
    "comme laissées de côté."
)


def _de(words: str) -> str:
    """French elision: « d'octobre », « de novembre »."""
    return f"d'{words}" if words[:1] in "aeiouyéèâ" else f"de {words}"


def reference_period_text(request_date: date) -> dict:
    """The 12 months whose resources count, from the rules (R861-8): text and bounds."""
    start, end, months = reference_period_on(default_parameters().at(request_date), request_date)
    if translation.get_language() not in (None, "fr"):
        # The translated pages: months in the page's language, Western digits (``November 2025``).
        def month(day: date) -> str:
            return formats.date_format(day, "F Y")

        return {
            "start": start, "end": end, "months": months,
            "text": gettext("de %(start)s à %(end)s") % {"start": month(start), "end": month(end)},
            "request_month": month(request_date), "start_month": month(start),
        }
    return {
        "start": start, "end": end, "months": months,
        "text": f"{_de(format_month(start.year, start.month))} à {format_month(end.year, end.month)}",
        "request_month": format_month(request_date.year, request_date.month),
        "start_month": format_month(start.year, start.month),
    }


# --------------------------------------------------------------------------- error summary


def _field_errors(form, items: list, scope: str = "") -> None:
    for error in form.non_field_errors():
        items.append({"href": f"#{scope or 'formulaire'}", "message": error})
    for name, errors in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
            continue
        bound = form[name]
        # Radio buttons and checkbox lists: link to the first choice (the fieldset cannot take focus).
        target = f"{bound.auto_id}_0" if bound.use_fieldset else (bound.id_for_label or bound.auto_id)
        for error in errors:
            items.append({"href": f"#{target}", "message": error})


def error_summary(form) -> list[dict]:
    """Links to every error of a form or formset, in page order."""
    items: list[dict] = []
    if not form.is_bound:
        return items
    if isinstance(form, forms.BaseFormSet):
        for error in form.non_form_errors():
            items.append({"href": "#ajouter", "message": error})
        for i, sub in enumerate(form.forms):
            _field_errors(sub, items, scope=f"entree-{i}")
    else:
        _field_errors(form, items)
    return items
