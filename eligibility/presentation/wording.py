"""The rules' sentences in the page's language: the catalogue's templates through gettext.

The rules say each sentence as a ``Phrase`` (a key of ``eligibility/rules/wording`` and its values) and render
it in French. A page in another language renders the same phrases inside ``page_language()``: each template
goes through ``pgettext(key, template)`` (the key is the context, so that two keys with the same French words
may translate differently), values are filled in afterwards, dates read in the page's language, amounts keep
the French format (isolated left to right in Arabic). ``scripts/rule_labels.py`` writes every template under
``pgettext_noop`` into ``eligibility/questionnaire/rule_labels.py``, where ``makemessages`` finds them.

A French page renders nothing here: French is the rules' own language, so the results page, the dossier and
the letters print in French exactly what the API says.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext, pgettext

from eligibility.rules.wording import speaking

from .formatting import date_text, eur


class PageLanguage:
    """``eligibility.rules.wording.Language`` for the active Django language."""

    def template(self, key: str, french: str) -> str:
        return pgettext(key, french)

    def money(self, amount: Decimal) -> str:
        return eur(amount)

    def day(self, value: date) -> str:
        return date_text(value)

    def month(self, year: int, month: int) -> str:
        return formats.date_format(date(year, month, 1), "F Y")

    def label(self, text: str) -> str:
        return gettext(text)


_PAGE = PageLanguage()


@contextmanager
def page_language() -> Iterator[None]:
    """Render the rules' phrases in the active language inside the block (French: as the rules say them)."""
    language = translation.get_language()
    with speaking(None if language is None or language == "fr" or language.startswith("fr-") else _PAGE):
        yield


def render(said) -> str:
    """A reason, a phrase or a text of the rules, in the active language."""
    with page_language():
        return str(getattr(said, "wording", said))
