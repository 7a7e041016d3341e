"""formtools storage kept on the ``Case`` row (never in a cookie, never shared between cases).

The wizard's data (current step, raw submitted data per step, extra data) lives in ``Case.answers``.
``save()`` writes it back once per request with optimistic locking on ``Case.version``: when another
request (a second tab on the same case) saved in between, the steps this request changed are merged into
the fresh answers, so that neither tab's answers are lost. A page only read (a GET) writes nothing: the
page shown is not worth a write of its own (it is kept with the next answers), and the case's last activity
(which only decides when an abandoned case expires, ``CASE_EXPIRY_DAYS`` later) is refreshed at most every
``ACTIVITY_REFRESH`` (issue 11: one query per GET, one read and one write per POST).

What reaches the row is checked first (``declared_step_data``): only the fields a step's form declares,
one value per field (as many as the choices for a multiple choice), no control character, no value
longer than the form accepts; and a case holds at most ``MAX_CASE_ANSWERS_BYTES`` of answers. A post with
junk fields, NUL bytes or megabytes of text stores nothing beyond what the questions ask.
"""

from __future__ import annotations

import copy
import json
from datetime import timedelta

from django import forms
from django.db.models import F
from django.utils import timezone
from formtools.wizard.storage.base import BaseStorage

from eligibility.models import Case
from eligibility.safe_input import has_forbidden_characters

MAX_MERGE_ATTEMPTS = 3
#: The largest case the questionnaire can legitimately produce (20 persons, every resource, 20 care items)
#: stays under a third of this; a case never grows past it.
MAX_CASE_ANSWERS_BYTES = 128 * 1024
#: Longest value stored for a field that does not say (``SafeInputMixin.hard_max_chars``).
DEFAULT_MAX_VALUE_CHARS = 1000
#: How stale ``Case.last_activity_at`` may get while a case is only read (expiry is counted in days).
ACTIVITY_REFRESH = timedelta(minutes=10)


def declared_fields(form) -> dict[str, forms.Field]:
    """``{html name: field}`` of every field a bound form or formset declares (formset management included)."""
    if isinstance(form, forms.BaseFormSet):
        declared = {bf.html_name: bf.field for bf in form.management_form}
        for sub in form.forms:
            declared.update(declared_fields(sub))
        return declared
    return {bf.html_name: bf.field for bf in form}


def declared_step_data(form, data) -> dict[str, list[str]] | None:
    """What may be stored of ``data`` (a ``MultiValueDict``) for ``form``, or ``None`` to store nothing.

    Keeps the declared fields only, one value each (the last, as the form reads it) or up to one per choice
    for a multiple choice; refuses the whole post when a value holds a control character or is longer than
    the form accepts (``hard_max_chars``).
    """
    stored: dict[str, list[str]] = {}
    for name, field in declared_fields(form).items():
        if name not in data:
            continue
        keep = len(field.choices) if isinstance(field, forms.MultipleChoiceField) else 1
        values = data.getlist(name)[-keep:] if keep else []
        owner = form.forms[0] if isinstance(form, forms.BaseFormSet) and form.forms else form
        limit = owner.hard_max_chars(field) if hasattr(owner, "hard_max_chars") else DEFAULT_MAX_VALUE_CHARS
        for value in values:
            if not isinstance(value, str) or has_forbidden_characters(value) or len(value) > limit:
                return None
        stored[name] = values
    return stored


def empty_answers() -> dict:
    """What a new case holds: the wizard's empty storage, so that showing its first page writes nothing."""
    storage = BaseStorage("case")
    storage.init_data()
    return storage.data


class CaseStorage(BaseStorage):
    def __init__(self, prefix, request=None, file_storage=None, *, case: Case, schema_version: int):
        super().__init__(prefix, request, file_storage)
        self.case = case
        self.schema_version = schema_version
        self._dirty_steps: set[str] = set()
        self._dirty_meta = False
        data = case.answers if isinstance(case.answers, dict) else {}
        if not {self.step_key, self.step_data_key, self.extra_data_key} <= set(data):
            self.init_data()  # a new case: written with its first answers (reading it again gives the same)
        else:
            self.data = copy.deepcopy(data)
            self.data.setdefault(self.step_files_key, {})

    # formtools API ------------------------------------------------------------------------------------

    def _set_current_step(self, step):
        # Not a change worth a write by itself (nothing reads it back from the row): kept with the next answers.
        self.data[self.step_key] = step

    def set_step_data(self, step, cleaned_data):
        super().set_step_data(step, cleaned_data)
        self._dirty_steps.add(step)

    def _set_extra_data(self, extra_data):
        self.data[self.extra_data_key] = extra_data
        self._dirty_meta = True

    def reset(self):
        super().reset()
        self._dirty_meta = True
        self._dirty_steps.clear()

    # extra helpers ------------------------------------------------------------------------------------

    def get_extra(self, key: str, default=None):
        return self.data[self.extra_data_key].get(key, default)

    def set_extra(self, key: str, value) -> None:
        self.data[self.extra_data_key][key] = value
        self._dirty_meta = True

    def has_step_data(self, step: str) -> bool:
        return step in self.data[self.step_data_key]

    def fits(self, step: str, data: dict) -> bool:
        """Whether the case stays within ``MAX_CASE_ANSWERS_BYTES`` with ``data`` as the answers of ``step``."""
        trial = {**self.data, self.step_data_key: {**self.data[self.step_data_key], step: data}}
        return len(json.dumps(trial, ensure_ascii=False).encode()) <= MAX_CASE_ANSWERS_BYTES

    @property
    def is_dirty(self) -> bool:
        return bool(self._dirty_steps or self._dirty_meta)

    def save(self, *, touch: bool = True) -> None:
        """Write the answers back (when changed) and mark the case active now."""
        now = timezone.now()
        if not self.is_dirty:
            if touch and (self.case.last_activity_at is None or now - self.case.last_activity_at >= ACTIVITY_REFRESH):
                Case.objects.filter(pk=self.case.pk).update(last_activity_at=now)
                self.case.last_activity_at = now
            return
        answers = self.data
        for _attempt in range(MAX_MERGE_ATTEMPTS):
            updated = Case.objects.filter(pk=self.case.pk, version=self.case.version).update(
                answers=answers, schema_version=self.schema_version, version=F("version") + 1, last_activity_at=now,
            )
            if updated:
                self.case.version += 1
                break
            fresh = Case.objects.only("answers", "version").get(pk=self.case.pk)
            answers = self._merged_into(fresh.answers)
            self.case.version = fresh.version
        self.case.answers = answers
        self.case.last_activity_at = now
        self._dirty_steps.clear()
        self._dirty_meta = False

    def _merged_into(self, fresh: dict) -> dict:
        merged = copy.deepcopy(fresh) if isinstance(fresh, dict) and self.step_data_key in fresh else copy.deepcopy(self.data)
        merged.setdefault(self.step_data_key, {})
        for step in self._dirty_steps:
            merged[self.step_data_key][step] = self.data[self.step_data_key].get(step)
        merged[self.step_key] = self.data[self.step_key]
        extra = merged.setdefault(self.extra_data_key, {})
        extra.update(self.data[self.extra_data_key])
        return merged
