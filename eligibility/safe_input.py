"""Hostile input refused where it enters: every form of the questionnaire and of the workspace.

``SafeInputMixin`` (first base of ``StepForm`` and of the workspace forms) checks the raw value of each
field before the field cleans it:

* control characters (NUL, which PostgreSQL refuses in JSON and text, and the other C0/C1 controls
  except tab and line breaks) and the bidirectional overrides and isolates (U+202A–U+202E,
  U+2066–U+2069), which make a text display in another order than it is stored (a name or an amount
  that reads differently on screen, in the PDF and in the database);
* values far longer than any answer (over the field's ``max_length`` and over ``default_max_chars``).

Each gets a clear French message next to its field; the form is invalid and ``refused_input`` tells the
caller to store nothing of it. A value just over a field's ``max_length`` keeps Django's own message.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

CONTROL_MESSAGE = _(
    "Ce champ contient un caractère invisible ou de contrôle qui n'est pas accepté : "
    "effacez le texte et tapez-le de nouveau."
)


REFUSED_CODES = frozenset({"control_character", "too_long"})

#: For a refused value that no field of the page shows (a hidden management field of a list of entries).
REFUSED_PAGE_MESSAGE = _(
    "Cette page a reçu des données illisibles (caractère de contrôle ou texte trop long) : rechargez la page "
    "et saisissez de nouveau vos réponses."
)


def has_forbidden_characters(value) -> bool:
    if isinstance(value, str):
        return FORBIDDEN_CHARACTERS.search(value) is not None
    if isinstance(value, (list, tuple)):
        return any(has_forbidden_characters(v) for v in value)
    return False


def longest(value) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return max((longest(v) for v in value), default=0)
    return 0


class SafeInputMixin:
    """Refuse control characters and over-long values in every field, before the fields clean them."""

    #: Longest value accepted in a field that sets no ``max_length`` of its own.
    default_max_chars = 1000

    def hard_max_chars(self, field) -> int:
        return max(getattr(field, "max_length", None) or 0, self.default_max_chars)

    def _clean_fields(self):
        refused: dict[str, ValidationError] = {}
        for name, bf in self._bound_items():
            field = bf.field
            if field.disabled:
                continue
            # The submitted strings themselves (a checkbox widget would already have turned them into a bool).
            raw = self.data.getlist(bf.html_name) if hasattr(self.data, "getlist") else self.data.get(bf.html_name)
            if has_forbidden_characters(raw):
                refused[name] = ValidationError(CONTROL_MESSAGE, code="control_character")
            elif longest(raw) > self.hard_max_chars(field):
                limit = getattr(field, "max_length", None) or self.default_max_chars
                refused[name] = ValidationError(
                    _("Ce texte est trop long : %(limit)s caractères au plus.") % {"limit": limit}, code="too_long",
                )
        super()._clean_fields()
        for name, error in refused.items():
            self.cleaned_data.pop(name, None)
            if self._errors is not None:
                self._errors.pop(name, None)
            self.add_error(name, error)

    @property
    def refused_input(self) -> bool:
        """Whether a value was refused as hostile or too long (then nothing of this form is stored)."""
        return any(
            error.code in REFUSED_CODES
            for errors in self.errors.as_data().values() for error in errors
        )


class SafeForm(SafeInputMixin, forms.Form):
    pass


class SafeModelForm(SafeInputMixin, forms.ModelForm):
    pass
