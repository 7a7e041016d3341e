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

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext, pgettext, pgettext_lazy

from eligibility.rules.enums import Role
from eligibility.rules.wording import speaking

from .formatting import date_text, eur

#: How the questionnaire names a person who typed no first name (the contract's member id, which the rules'
#: sentences quote): "vous", "conjoint", "enfant 2", "personne à charge 1" (``questionnaire/to_situation.py``).
FALLBACK_NAMES = {Role.APPLICANT.value: "vous", Role.PARTNER.value: "conjoint", Role.CHILD.value: "enfant",
                  Role.OTHER_DEPENDENT.value: "personne à charge"}
_NAMES_IN_LANGUAGE = {
    "vous": pgettext_lazy("person named in a sentence", "vous"),
    "conjoint": pgettext_lazy("person named in a sentence", "conjoint"),
    "enfant": pgettext_lazy("person named in a sentence", "enfant"),
    "personne à charge": pgettext_lazy("person named in a sentence", "personne à charge"),
}
_FALLBACK_NAME = re.compile(r"(vous|conjoint|enfant|personne à charge)((?: \d+)?(?: \(\d+\))?)")


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

    def name(self, text: str) -> str:
        """A person's name: a first name as typed; the questionnaire's fallback names in the page's language."""
        found = _FALLBACK_NAME.fullmatch(text)
        return text if found is None else f"{_NAMES_IN_LANGUAGE[found[1]]}{found[2]}"


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
