"""Test material for the translated public pages: what text a page shows, and what stayed in French.

``visible_texts(html)`` lists the text a reader meets: text nodes (not scripts or styles), and the
attributes read aloud or shown (``aria-label``, ``title``, ``alt``, ``placeholder``, the meta description).
``left_in_french(french_html, translated_html)`` lists the texts of the translated page that are word for
word on the French page: a sentence someone forgot to mark or to translate. Brand, language names, codes
and amounts are the same in every language and are not counted; ``allowed`` adds test data (names typed).
Text inside an element marked ``lang="fr"`` is French on purpose (a letter to a French organism, shown with
its translation beside it; the French legal names of the glossary): ``visible_texts(html, skip_french=True)``
leaves it out, and ``french_marked_texts(html)`` lists it.
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


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Texts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[tuple[str, bool]] = []  # (text, inside an element marked lang="fr")
        self._skip = 0
        self._open: list[tuple[str, bool]] = []  # open elements: (tag, inside an element marked French)

    def _in_french(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template"):
            self._skip += 1
        french = attrs.get("lang", "").lower().startswith("fr") if "lang" in attrs else self._in_french()
        if tag == "html":
            french = False  # the page's own language is what the comparison is about
        if tag not in VOID_ELEMENTS:
            self._open.append((tag, french))
        for name in READ_ATTRIBUTES:
            if attrs.get(name):
                self.texts.append((attrs[name], french))
        if tag == "meta" and attrs.get("name") == "description":
            self.texts.append((attrs.get("content") or "", False))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if not self._skip:
            self.texts.append((data, self._in_french()))


def _texts(html: str, keep) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    texts = (" ".join(text.replace("\u2066", "").replace("\u2069", "").split())
             for text, french in parser.texts if keep(french))
    return [text for text in texts if text]


def visible_texts(html: str, *, skip_french: bool = False) -> list[str]:
    return _texts(html, lambda french: not (skip_french and french))


def french_marked_texts(html: str) -> list[str]:
    """The texts inside elements marked ``lang="fr"`` (French on purpose on a translated page)."""
    return _texts(html, lambda french: french)


def left_in_french(french_html: str, translated_html: str, allowed: set[str] = frozenset()) -> list[str]:
    french = set(visible_texts(french_html))
    return [
        text for text in visible_texts(translated_html, skip_french=True)
        if text in french and text not in SAME_IN_EVERY_LANGUAGE and text not in allowed
        and not NOTHING_TO_TRANSLATE.fullmatch(text)
    ]
