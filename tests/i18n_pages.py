"""Test material for the translated public pages: what text a page shows, and what stayed in French.

``visible_texts(html)`` lists the text a reader meets: text nodes (not scripts or styles), and the
attributes read aloud or shown (``aria-label``, ``title``, ``alt``, ``placeholder``, the meta description).
``left_in_french(french_html, translated_html)`` lists the texts of the translated page that are word for
word on the French page: a sentence someone forgot to mark or to translate. Brand, language names, codes
and amounts are the same in every language and are not counted; ``allowed`` adds test data (names typed).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.conf import settings

READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
# Legal names keep their French form in every language (the translation explains them beside).
LEGAL_NAMES = {
    "Complémentaire santé solidaire", "CSS", "CPAM", "CAF", "MSA", "AME", "RSA", "ASS", "AAH", "ASPA", "Urssaf",
    "CCAS", "Assurance Maladie", "Help",
}
SAME_IN_EVERY_LANGUAGE = {"aidsante", "—", "PDF", "Word", *LEGAL_NAMES, *(name for _code, name in settings.LANGUAGES)}
# No letter of a word (figures, amounts, codes such as ABCD-EFGH-JK, punctuation): nothing to translate.
NOTHING_TO_TRANSLATE = re.compile(r"[^a-zà-öø-ÿœ]*|[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}|\d[\d\s  ,.]*\s?€", re.I)


class _Texts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template"):
            self._skip += 1
        for name in READ_ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag == "meta" and attrs.get("name") == "description":
            self.texts.append(attrs.get("content") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.texts.append(data)


def visible_texts(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    texts = (" ".join(text.replace("\u2066", "").replace("\u2069", "").split()) for text in parser.texts)
    return [text for text in texts if text]


def left_in_french(french_html: str, translated_html: str, allowed: set[str] = frozenset()) -> list[str]:
    french = set(visible_texts(french_html))
    return [
        text for text in visible_texts(translated_html)
        if text in french and text not in SAME_IN_EVERY_LANGUAGE and text not in allowed
        and not NOTHING_TO_TRANSLATE.fullmatch(text)
    ]
