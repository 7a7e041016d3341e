"""What every questionnaire step shares: the ``Step`` description, the forms' base classes, the translation.

A step is one module of this package holding its form, its summary rows (``summary_rows`` on the form) and its
part of the translation into the contract's situation (``to_situation``). ``Step`` carries what the wizard
needs to know about a step besides its form (extra form arguments, extra page context), so that the wizard
never special-cases a step by name (pretix's checkout steps, aides-jeunes' blocks).

Forms only read and check what people type; the legal rules live in ``eligibility.rules``. Each form
receives the journey context (``answers``: earlier answers, the request date, the household) through the
wizard's ``get_form_kwargs``. Forms that let people add or remove entries on the page without JavaScript
(``DynamicFormSet``) turn the clicked button into a change of the submitted data (``apply_action``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.forms.forms import DeclarativeFieldsMetaclass
from django.forms.utils import ErrorDict
from django.forms.widgets import ChoiceWidget
from django.utils.translation import gettext_lazy as _

from eligibility.presentation.formatting import date_text, eur
from eligibility.rules.situation import MAX_MEMBERS
from eligibility.safe_input import SafeInputMixin

from ..rendering import QUICK_INPUTS

if TYPE_CHECKING:
    from ..journey import Answers

YES_NO = [("yes", _("Oui")), ("no", _("Non"))]
NOT_GIVEN = _("Non renseigné")
DATE_HINT = _("Par exemple : 02/06/1984 (jour/mois/année).")


def silence_errors(form) -> None:
    """Keep a bound form's values but show no error (used right after adding or removing an entry)."""
    if isinstance(form, forms.BaseFormSet):
        form._errors = []
        form._non_form_errors = form.error_class(error_class="nonform", renderer=form.renderer)
        for sub in form.forms:
            silence_errors(sub)
    else:
        form._errors = ErrorDict()


#: Fields and widgets whose deep copy is Django's plain one (copy, then copy the widget, attributes, choices).
_PLAIN_FIELD_COPY = frozenset({forms.Field.__deepcopy__, forms.ChoiceField.__deepcopy__})
_PLAIN_WIDGET_COPY = frozenset({forms.Widget.__deepcopy__, ChoiceWidget.__deepcopy__})


def copy_field(field: forms.Field, memo: dict) -> forms.Field:
    """What ``copy.deepcopy(field)`` gives a form, without deep-copying the (immutable) choices again.

    Django copies every field of a form when the form is made, and copies each choice and label in the
    process; the results page makes some twenty forms (every answer is checked again), where those copies
    were a third of the checking time (issue 11). The lists of choices are still copied (a form may replace
    or extend them), their items (pairs of strings) are shared. Any other kind of field is deep-copied.
    """
    widget = field.widget
    if type(field).__deepcopy__ not in _PLAIN_FIELD_COPY or type(widget).__deepcopy__ not in _PLAIN_WIDGET_COPY:
        return copy.deepcopy(field, memo)
    new = copy.copy(field)
    new.widget = copy.copy(widget)
    new.widget.attrs = widget.attrs.copy()
    if isinstance(widget, ChoiceWidget):
        new.widget._choices = copy.copy(widget._choices)  # already normalised by Django when first set
    new.error_messages = field.error_messages.copy()
    new.validators = field.validators[:]
    if isinstance(field, forms.ChoiceField):
        new._choices = copy.copy(field._choices)
    return new


class FieldsCopiedCheaply(dict):
    """A form class's ``base_fields``: the copy each new form makes of them goes through ``copy_field``."""

    def __deepcopy__(self, memo):
        return {name: copy_field(field, memo) for name, field in self.items()}


class StepFormMetaclass(DeclarativeFieldsMetaclass):
    def __new__(mcs, name, bases, attrs):
        new_class = super().__new__(mcs, name, bases, attrs)
        new_class.base_fields = FieldsCopiedCheaply(new_class.base_fields)
        return new_class


class StepForm(SafeInputMixin, forms.Form, metaclass=StepFormMetaclass):
    """Base of every step: no browser-side ``required`` (the server explains every error in French).

    ``SafeInputMixin`` refuses control characters and over-long values next to the field.
    """

    use_required_attribute = False
    default_renderer = QUICK_INPUTS
    #: No answer of the questionnaire is longer (labels: 40, amounts and dates: a few characters).
    default_max_chars = 200
    #: Short text shown under the page title.
    intro = ""

    def __init__(self, *args, answers=None, **kwargs):
        self.answers = answers
        super().__init__(*args, **kwargs)

    def summary_rows(self) -> list[tuple[str, str]]:
        """(question, answer) pairs for the check-your-answers page (cleaned data only)."""
        return [
            (str(self.fields[name].label), display_value(self.fields[name], self.cleaned_data.get(name)))
            for name in self.fields
            if not isinstance(self.fields[name].widget, forms.HiddenInput)
        ]


def display_value(field: forms.Field, value) -> str:
    """An answer as people read it: labels for choices, French money and dates."""
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        return ", ".join(str(labels.get(v, v)) for v in value) if value else str(_("Aucune"))
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, NOT_GIVEN)) if value not in (None, "") else str(NOT_GIVEN)
    if isinstance(value, bool):
        return str(_("Oui") if value else _("Non"))
    if isinstance(value, Decimal):
        return eur(value)
    if isinstance(value, date):
        return date_text(value)
    if value in (None, ""):
        return str(NOT_GIVEN)
    return str(value)


class DynamicFormSet(forms.BaseFormSet):
    """A formset whose entries are added and removed with submit buttons (no JavaScript needed).

    A button ``name="action" value="add:<kind>"`` appends an entry of that kind, ``value="remove:<index>"``
    removes one. ``apply_action`` returns the new data to store; the page is shown again.
    """

    kind_field = "kind"
    max_entries = MAX_MEMBERS

    def __init__(self, *args, answers=None, **kwargs):
        self.answers = answers
        kwargs.setdefault("form_kwargs", {})["answers"] = answers
        self.renderer = QUICK_INPUTS  # for the entries and the management form (formset_factory sets none)
        super().__init__(*args, **kwargs)
        for form in self.forms:
            form.empty_permitted = False
            form.use_required_attribute = False

    @classmethod
    def add_kinds(cls) -> dict[str, str]:
        """Kinds that an "add" button may create, with the button's text (subclasses list theirs; none here)."""
        return {}

    @classmethod
    def new_entry(cls, kind: str, existing: list[dict]) -> dict:
        return {cls.kind_field: kind}

    @classmethod
    def apply_action(cls, prefix: str, data: dict[str, list[str]], action: str) -> dict[str, list[str]] | None:
        """The submitted ``data`` changed by ``action``, or ``None`` when the action is not valid."""
        total_key = f"{prefix}-TOTAL_FORMS"
        try:
            total = int((data.get(total_key) or ["0"])[0])
        except ValueError:
            return None
        total = max(0, min(total, cls.max_entries))
        entries = []
        for i in range(total):
            head = f"{prefix}-{i}-"
            entries.append({k[len(head):]: v for k, v in data.items() if k.startswith(head)})
        verb, _, arg = action.partition(":")
        if verb == "add" and arg in cls.add_kinds() and total < cls.max_entries:
            flat = [{k: (v[0] if v else "") for k, v in e.items()} for e in entries]
            entries.append({k: [v] for k, v in cls.new_entry(arg, flat).items()})
        elif verb == "remove" and arg.isdigit() and int(arg) < total and cls.can_remove(entries, int(arg)):
            del entries[int(arg)]
        else:
            return None
        new = {k: v for k, v in data.items() if not k.startswith(f"{prefix}-")}
        new[total_key] = [str(len(entries))]
        new[f"{prefix}-INITIAL_FORMS"] = ["0"]
        new[f"{prefix}-MIN_NUM_FORMS"] = ["0"]
        new[f"{prefix}-MAX_NUM_FORMS"] = [str(cls.max_entries)]
        for i, entry in enumerate(entries):
            for key, value in entry.items():
                new[f"{prefix}-{i}-{key}"] = value
        return new

    @classmethod
    def can_remove(cls, entries: list[dict], index: int) -> bool:
        return True

    def summary_rows(self) -> list[tuple[str, str]]:
        rows = []
        for form in self.forms:
            answers = "; ".join(f"{q} : {a}" for q, a in form.summary_rows() if a != str(NOT_GIVEN))
            rows.append((form.title, answers))
        return rows or [(str(_("Aucun")), str(_("Aucune réponse")))]


# --------------------------------------------------------------------------- the step


def always(answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    """One page of the questionnaire.

    ``is_active(answers)`` says whether the step is asked (it may only look at earlier steps);
    ``form_kwargs(wizard)`` adds arguments for the form (for example what only a professional may answer);
    ``context(wizard)`` adds what the page's template shows besides the form; ``to_situation(answers, t)``
    writes the step's part of the contract's situation into the ``Translation`` ``t``.
    """

    name: str
    title: str
    form_class: type
    is_active: Callable[[Answers], bool] = always
    template: str = "questionnaire/step.html"
    form_kwargs: Callable[[Any], dict] | None = None
    context: Callable[[Any], dict] | None = None
    to_situation: Callable[[Answers, Translation], None] | None = None
    #: The part of the questionnaire the page belongs to (the stepper lists the parts, known up front).
    section: str = ""
    #: Said in the list of parts when the page may be skipped ("seulement si des soins sont prévus").
    when: str = ""


# --------------------------------------------------------------------------- the translation

_LAST_PART = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")


@dataclass(frozen=True)
class Origin:
    """Where a contract value came from: a step, the entry of a formset (or ``None``), a field name."""

    step: str
    field: str | None
    index: int | None = None


@dataclass
class Translation:
    situation: dict
    trace: dict[str, Origin] = field(default_factory=dict)
    #: contract member id → how the pages name the person ("Vous", "Enfant 2 (Léa)")
    titles: dict[str, str] = field(default_factory=dict)
    #: questionnaire uid ("p1", "c2") → contract member id ("vous", "enfant 2", "Léa")
    ids: dict[str, str] = field(default_factory=dict)

    def origin(self, path: str) -> Origin | None:
        """The origin of ``path`` or of its closest traced parent (``resources[2].amount`` → ``resources[2]``)."""
        while path:
            if path in self.trace:
                return self.trace[path]
            parent = _LAST_PART.sub("", path)
            path = "" if parent == path else parent
        return None


def money(value: Decimal | None) -> float:
    return float(value or 0)
