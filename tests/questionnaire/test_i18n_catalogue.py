"""Every template of the rules' wording catalogue has its entry in each translated catalogue, with the same
words: ``pgettext(key, template)`` finds a translation only for the exact French template (a space lost at the
start of a clause is enough to leave it French on every page), and the translation keeps its placeholders. A
translation that repeats the French template is taken for none, so one with values must differ from it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils.translation import trans_real

from eligibility.rules.wording import _WORDLESS, TEMPLATES, placeholders

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "fr"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_template_of_the_catalogue_is_translated_word_for_word(language):
    catalog = trans_real.translation(language)._catalog
    missing = [key for key, template in TEMPLATES.items() if f"{key}\x04{template}" not in catalog]
    assert missing == []
    for key, template in TEMPLATES.items():
        translated = catalog.get(f"{key}\x04{template}")
        assert placeholders(translated) == placeholders(template), key
        # A clause that begins with a word after a space (it follows other words) keeps the space; before a
        # colon, French typography's space is not English's, so only a word counts.
        if template[:1] == " " and template[1:2].isalnum():
            assert translated[:1] == " ", key
        # A translation written as the French words reads as untranslated: the whole sentence, its values
        # included, would stay French (``Phrase``); only templates made of values alone may be the same.
        if placeholders(template) and key not in _WORDLESS:
            assert translated != template, key
