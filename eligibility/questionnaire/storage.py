"""formtools storage kept on the ``Case`` row (never in a cookie, never shared between cases).

The wizard's data (current step, raw submitted data per step, extra data) lives in ``Case.answers``.
``save()`` writes it back once per request with optimistic locking on ``Case.version``: when another
request (a second tab on the same case) saved in between, the steps this request changed are merged into
the fresh answers, so that neither tab's answers are lost.
"""

from __future__ import annotations

import copy

from django.db.models import F
from django.utils import timezone
from formtools.wizard.storage.base import BaseStorage

from eligibility.models import Case

MAX_MERGE_ATTEMPTS = 3


class CaseStorage(BaseStorage):
    def __init__(self, prefix, request=None, file_storage=None, *, case: Case, schema_version: int):
        super().__init__(prefix, request, file_storage)
        self.case = case
        self.schema_version = schema_version
        self._dirty_steps: set[str] = set()
        self._dirty_meta = False
        data = case.answers if isinstance(case.answers, dict) else {}
        if not {self.step_key, self.step_data_key, self.extra_data_key} <= set(data):
            self.init_data()
            self._dirty_meta = True
        else:
            self.data = copy.deepcopy(data)
            self.data.setdefault(self.step_files_key, {})

    # formtools API ------------------------------------------------------------------------------------

    def _set_current_step(self, step):
        if self.data[self.step_key] != step:
            self._dirty_meta = True
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

    @property
    def is_dirty(self) -> bool:
        return bool(self._dirty_steps or self._dirty_meta)

    def save(self, *, touch: bool = True) -> None:
        """Write the answers back (when changed) and mark the case active now."""
        now = timezone.now()
        if not self.is_dirty:
            if touch:
                Case.objects.filter(pk=self.case.pk).update(last_activity_at=now)
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
