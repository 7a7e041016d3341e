"""Wording apart from logic: the rules say *what* (a code and its values), one catalogue says it in French.

A rule never writes a sentence. It returns a ``Phrase``: the key of a French template of the catalogue
(``css.reference_period``) and the values that fill it (``start``, ``end``, ``months``…). The templates live in
this package, one module per part of the law (``css.py``, ``care.py``, ``aids.py``, ``procedures.py``, ``quoted.py``), and
nowhere else, so that:

* a figure printed in a sentence is always the value the rule used (a label cannot drift from its parameter:
  "moins de {days} jours" reads ``soins.nouveau_ne_jours``);
* a second language is a catalogue, not a rewrite: ``scripts/rule_labels.py`` writes every template into
  ``eligibility/questionnaire/rule_labels.py`` under ``pgettext_noop`` (the key as context), ``makemessages`` collects them, and the
  pages render a phrase with the translated template (``eligibility/presentation/wording.py``);
* the text is built lazily, only when someone reads it (``str(phrase)``), and once per phrase in French:
  a result read for its figures only never formats a sentence.

Why ``str.format`` templates rather than functions: a template is data a translator can read and reorder
(``{amount}`` may move anywhere in the sentence), gettext flags it ``python-brace-format`` and ``msgfmt
--check`` refuses a translation that loses a placeholder. Values stay typed (``Eur``, ``Day``, ``Month``)
until rendering, so the page's language also decides how dates read, while amounts keep the French format
(README, "Langues"). A phrase may hold other phrases as values (a clause that depends on a condition is a
phrase of its own, translated on its own), rendered in the same language.

French is the default: with no language active, rendering uses the French templates and never touches
gettext (the rules stay free of Django; the API and ``simulate`` answer in French). A page that speaks
another language renders inside ``speaking(language)`` (a context variable, so concurrent requests do not
mix their languages).
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from ..reasons import MONTHS_FR, Reason, format_date, format_eur, format_month
from .aids import TEMPLATES as _AIDS
from .care import TEMPLATES as _CARE
from .css import TEMPLATES as _CSS
from .procedures import TEMPLATES as _PROCEDURES
from .quoted import TEMPLATES as _QUOTED


def _merge(*parts: dict[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        for key, template in part.items():
            if key in merged:
                raise ValueError(f"wording: the key {key!r} is in two catalogue modules")
            merged[key] = template
    return merged


def _other_modules(*known: dict[str, str]) -> list[dict[str, str]]:
    """The templates of the catalogue's other modules (a new aid's own ``wording/<aid>.py``), by module name:
    adding an aid needs no line here."""
    import importlib
    import pkgutil

    found = (importlib.import_module(f"{__name__}.{module.name}").TEMPLATES
             for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name))
    return [templates for templates in found if not any(templates is part for part in known)]


#: Every French template of the rules, by key.
TEMPLATES: dict[str, str] = _merge(_CSS, _CARE, _AIDS, _PROCEDURES, _QUOTED,
                                   *_other_modules(_CSS, _CARE, _AIDS, _PROCEDURES, _QUOTED))


def _compiled(key: str, template: str):
    """``template`` as a function of its values, built once: an f-string (``f"Total : {p['total']} …"``) runs
    several times faster than ``template.format_map(values)``, which parses the template at every call."""
    parts: list[ast.expr] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        if literal:
            parts.append(ast.Constant(literal))
        if name is not None:
            value = ast.Subscript(ast.Name("p", ast.Load()), ast.Constant(name), ast.Load())
            parts.append(ast.FormattedValue(value, -1, None))
    arguments = ast.arguments(posonlyargs=[], args=[ast.arg("p")], kwonlyargs=[], kw_defaults=[], defaults=[])
    tree = ast.Expression(ast.Lambda(arguments, ast.JoinedStr(parts)))
    return eval(compile(ast.fix_missing_locations(tree), f"<wording {key}>", "eval"))  # noqa: S307 (our templates)


#: The French templates as functions of their values (``Phrase.__str__``).
_FRENCH = {key: _compiled(key, template) for key, template in TEMPLATES.items()}


def _wordless(template: str) -> bool:
    """A template made of placeholders only (``{comparison} {verdict}``): nothing to translate in it."""
    import string

    return not any(ch.isalpha() for text, _name, _spec, _conv in string.Formatter().parse(template) for ch in text)


#: Keys whose template only arranges other phrases: always rendered in the page's language.
_WORDLESS = frozenset(key for key, template in TEMPLATES.items() if _wordless(template))


class Language(Protocol):
    """How a page renders phrases in its language (``eligibility/presentation/wording.py``)."""

    def template(self, key: str, french: str) -> str: ...
    def money(self, amount: Decimal) -> str: ...
    def day(self, value: date) -> str: ...
    def month(self, year: int, month: int) -> str: ...
    def label(self, text: str) -> str: ...
    def name(self, text: str) -> str: ...


_LANGUAGE: ContextVar[Language | None] = ContextVar("aidsante_wording_language", default=None)


@contextmanager
def speaking(language: Language | None) -> Iterator[None]:
    """Render every phrase in ``language`` inside the block (``None``: French)."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


class Phrase:
    """A sentence (or a clause) of the catalogue: its key and the values that fill its template.

    ``str(phrase)`` renders it in the active language; the French text is kept once built (a phrase shared
    by many results, such as a reason cached per date, is formatted once).
    """

    __slots__ = ("key", "params", "_french")

    def __init__(self, key: str, params: dict[str, Any] | None = None):
        self.key = key
        self.params = params
        self._french: str | None = None

    def __str__(self) -> str:
        language = _LANGUAGE.get()
        if language is None:
            text = self._french
            if text is None:
                text = self._french = _FRENCH[self.key](self.params) if self.params else TEMPLATES[self.key]
            return text
        french = TEMPLATES[self.key]
        template = language.template(self.key, french)
        if template != french or self.key in _WORDLESS:
            try:
                if not self.params:
                    return template
                # A person's name given as text (the questionnaire's "enfant 2" when no first name was typed)
                # is said in the page's language too.
                return template.format_map({name: language.name(value) if type(value) is str else value
                                            for name, value in self.params.items()})
            except (KeyError, IndexError, ValueError):
                pass  # a translation that lost or misspelt a placeholder: the French sentence, never an error
        # Not translated (or not usable): the sentence stays French as a whole, dates included.
        token = _LANGUAGE.set(None)
        try:
            return self.__str__()
        finally:
            _LANGUAGE.reset(token)

    def __format__(self, spec: str) -> str:
        text = self._french  # a phrase inside another, already said in French: the common case
        if text is not None and _LANGUAGE.get() is None:
            return text
        return self.__str__()

    def __contains__(self, part: str) -> bool:
        """``"CPSTI" in phrase``: searched in its text, as in a string."""
        return part in self.__str__()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return self.key == other.key and (self.params or {}) == (other.params or {})

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {self.params!r})"


def say(key: str, /, **params: Any) -> Phrase:
    """``say("css.resources", total=Eur(x), months=12)``: the phrase ``key`` with these values."""
    return Phrase(key, params or None)


def because(code: str, cited: tuple[str | None, str | None] | None = None, /, **params: Any) -> Reason:
    """A reason whose wording is the template of the same key: ``because("css.resources", ARTICLE, total=…)``."""
    article, href = cited if cited is not None else (None, None)
    return Reason(code, Phrase(code, params or None), article, href)


# --------------------------------------------------------------------------- values


class Eur:
    """An amount in euros, formatted when the phrase is rendered (``1 234,56 €``, French format everywhere)."""

    __slots__ = ("amount",)

    def __init__(self, amount: Decimal):
        self.amount = amount

    def __format__(self, spec: str) -> str:
        language = _LANGUAGE.get()
        return format_eur(self.amount) if language is None else language.money(self.amount)

    def __str__(self) -> str:
        return self.__format__("")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Eur) and other.amount == self.amount

    def __hash__(self) -> int:
        return hash(self.amount)


class Day:
    """A date: ``22 novembre 2026`` in French, the page's format in another language."""

    __slots__ = ("value",)

    def __init__(self, value: date):
        self.value = value

    def __format__(self, spec: str) -> str:
        language = _LANGUAGE.get()
        return format_date(self.value) if language is None else language.day(self.value)

    def __str__(self) -> str:
        return self.__format__("")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Day) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


class Month:
    """A month: ``octobre 2025``; ``FromMonth`` is the same after French "from" (``d'octobre 2025``)."""

    __slots__ = ("year", "month")

    def __init__(self, year: int, month: int):
        self.year, self.month = year, month

    def __format__(self, spec: str) -> str:
        language = _LANGUAGE.get()
        return format_month(self.year, self.month) if language is None else language.month(self.year, self.month)

    def __str__(self) -> str:
        return self.__format__("")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and (other.year, other.month) == (self.year, self.month)

    def __hash__(self) -> int:
        return hash((self.year, self.month))


class FromMonth(Month):
    """``d'octobre 2025`` / ``de janvier 2026`` (French elision); the plain month in another language."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        language = _LANGUAGE.get()
        if language is not None:
            return language.month(self.year, self.month)
        name = MONTHS_FR[self.month - 1]
        return ("d'" if name[0] in "aeiouéà" else "de ") + format_month(self.year, self.month)


class Label:
    """A closed-list label of the rules (``Locataire``, a territory…), translated like the enums' labels."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __format__(self, spec: str) -> str:
        language = _LANGUAGE.get()
        return self.text if language is None else language.label(self.text)

    def __str__(self) -> str:
        return self.__format__("")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Label) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


class _Cased:
    """A value rendered as text with its letters' case changed (``shape``, one per subclass)."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    @staticmethod
    def shape(text: str) -> str:
        raise NotImplementedError

    def __format__(self, spec: str) -> str:
        return self.shape(str(self.value))

    def __str__(self) -> str:
        return self.__format__("")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


class Capital(_Cased):
    """A phrase (or text) with its first letter in upper case, as at the start of a sentence."""

    __slots__ = ()

    @staticmethod
    def shape(text: str) -> str:
        return text[:1].upper() + text[1:]


class Lower(_Cased):
    """A label in lower case, as inside a sentence (``Moins de 18 ans`` → ``moins de 18 ans``)."""

    __slots__ = ()

    @staticmethod
    def shape(text: str) -> str:
        return text.lower()


class LowerFirst(_Cased):
    """A label with its first letter in lower case, inside a sentence (``L'aide médicale…`` → ``l'aide médicale…``):
    acronyms and proper names further on are kept."""

    __slots__ = ()

    @staticmethod
    def shape(text: str) -> str:
        return text[:1].lower() + text[1:]


class Replaced:
    """A text with a word replaced when rendered (overseas, the caisse is a CGSS, not a CPAM)."""

    __slots__ = ("value", "old", "new")

    def __init__(self, value: Any, old: str, new: str):
        self.value, self.old, self.new = value, old, new

    def __format__(self, spec: str) -> str:
        return str(self.value).replace(self.old, self.new)

    def __str__(self) -> str:
        return self.__format__("")

    def __contains__(self, part: str) -> bool:
        return part in self.__str__()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Replaced) and (other.value, other.old, other.new) == (self.value, self.old, self.new)

    def __hash__(self) -> int:
        return hash(self.value)


class Joined:
    """Values (phrases or texts) joined by ``separator`` when rendered."""

    __slots__ = ("values", "separator")

    def __init__(self, values: tuple, separator: str = ", "):
        self.values, self.separator = tuple(values), separator

    def __format__(self, spec: str) -> str:
        return self.separator.join(str(v) for v in self.values)

    def __str__(self) -> str:
        return self.__format__("")

    def __contains__(self, part: str) -> bool:
        return part in self.__str__()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Joined) and (other.values, other.separator) == (self.values, self.separator)

    def __hash__(self) -> int:
        return hash(self.values)


def placeholders(template: str) -> set[str]:
    """The names a template needs (``{amount}`` → ``amount``)."""
    import string

    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}
