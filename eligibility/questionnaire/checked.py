"""The situation built from a case's answers, kept on the case once every answer was checked (issue 11).

Showing the results (and the PDF, the printable page, a letter, the admission page, the feedback form)
needs every step's answers checked again by its form, then translated into the contract's situation: about
a third of the results page's server time. When the person sends the check-your-answers page, those
checks run once and the situation is kept in the case's extra data with a digest of everything it was
made from: the answers as stored, the request's day, the language, what the mount of the wizard lets its
user answer, and the code and data files that check and translate answers. The next pages compare digests
(a hash of a few kilobytes) and use the kept situation; any change of an answer, of the day, of the
language or of the code gives another digest, and the answers are checked again as before. The situation
is still parsed and simulated by the rules on every page (nothing of the result is kept).

Nothing is written to keep it: it goes with the answers in the one write of that page.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import django

from .steps.base import Translation

#: Key of the kept situation in the case's extra data.
CHECKED = "checked_situation"
#: A situation larger than this is not kept (the answers it comes from are themselves bounded).
MAX_KEPT_BYTES = 64 * 1024

_PACKAGE = Path(__file__).resolve().parent
#: Every file whose change may change what the answers are translated into: this package (forms, steps,
#: translation, departments' data), the hostile-input checks, the rules' enumerations the steps write and the
#: translations (the persons' titles kept are in the page's language).
_SOURCES = (_PACKAGE, _PACKAGE.parent / "safe_input.py", _PACKAGE.parent / "rules" / "enums.py",
            _PACKAGE.parent.parent / "locale")

_SOURCE_SUFFIXES = (".py", ".csv", ".json", ".yaml", ".po")


def _code_version() -> str:
    digest = hashlib.sha256(django.get_version().encode())
    for source in _SOURCES:
        if source.is_dir():
            files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix in _SOURCE_SUFFIXES)
        else:
            files = [source] if source.is_file() else []
        for file in files:
            digest.update(str(file.relative_to(_PACKAGE.parent.parent)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


#: Worked out once per process: the same code on every server gives the same value.
CODE_VERSION = _code_version()


def answers_digest(step_data: dict, *, today: date, language: str | None, can_set_request_date: bool) -> str:
    payload = json.dumps(
        [CODE_VERSION, today.isoformat(), language or "", can_set_request_date, step_data],
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def kept_form(digest: str, translation: Translation) -> dict | None:
    """What to keep for ``translation`` (``None`` when it would not read back the same, or is too large)."""
    kept = {"digest": digest, "situation": translation.situation, "titles": translation.titles}
    try:
        text = json.dumps(kept, ensure_ascii=False)
    except TypeError:
        return None
    if len(text.encode()) > MAX_KEPT_BYTES or json.loads(text) != kept:
        return None
    return kept


def recall(kept, digest: str) -> tuple[dict, dict] | None:
    """(situation, member titles) kept for ``digest``, or ``None``."""
    if not isinstance(kept, dict) or kept.get("digest") != digest:
        return None
    situation, titles = kept.get("situation"), kept.get("titles")
    if not isinstance(situation, dict) or not isinstance(titles, dict):
        return None
    return situation, titles
