"""Reasons: the "why" that every result carries, for the screen, the PDF and the API."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .wording import Phrase

CSS_CODE = "code de la sécurité sociale"


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason, with the legal article it applies when there is one.

    ``code`` is a stable machine identifier (``css.reference_period``) that tests and templates can rely
    on; ``wording`` is the phrase of the catalogue that says it (``eligibility/rules/wording/``: its key and
    values); ``text`` is what people read, rendered from the catalogue when asked (in French unless a page
    speaks another language); ``article`` cites the text ("article R861-8 du code de la sécurité sociale")
    and ``href`` links to it.
    """

    code: str
    wording: Phrase
    article: str | None = None
    href: str | None = None

    @property
    def text(self) -> str:
        return str(self.wording)

    @property
    def params(self) -> dict:
        """The values the wording of this reason was built from."""
        return getattr(self.wording, "params", None) or {}

    def __str__(self) -> str:
        return f"{self.text} ({self.article})" if self.article else self.text

    def as_dict(self) -> dict:
        return {"code": self.code, "text": self.text, "article": self.article, "href": self.href}


def reasons_dict(reasons: tuple[Reason, ...]) -> dict:
    """The contract form of a result's reasons: ``reasons`` (sentences) and ``reasons_detail`` (with citations).

    Written out rather than through ``str(r)`` and ``r.as_dict()``: it runs for every part of every result.
    """
    sentences: list[str] = []
    detail: list[dict] = []
    for r in reasons:
        t, article = str(r.wording), r.article
        sentences.append(f"{t} ({article})" if article else t)
        detail.append({"code": r.code, "text": t, "article": article, "href": r.href})
    return {"reasons": sentences, "reasons_detail": detail}


NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
CENT = Decimal("0.01")
EURO = Decimal("1")


def cents(amount: Decimal) -> Decimal:
    """Round to the cent, half up (the usual rule for amounts in euros)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def euros(amount: Decimal) -> Decimal:
    """Round to the euro, half up (household ceilings are rounded to the euro)."""
    return amount.quantize(EURO, rounding=ROUND_HALF_UP)


def format_eur(amount: Decimal) -> str:
    """French money format without Babel (rules stay dependency-light): ``1 234,56 €``, ``10 339 €``.

    Whole amounts print without cents; others are rounded to the cent, half up. Thousands are grouped by a
    narrow no-break space, and the sign (when negative) comes first. The text depends on the value only, so
    each distinct value is formatted once (the same legal amounts recur in every result).
    """
    try:
        return _formatted[amount]
    except KeyError:
        pass
    except TypeError:  # not hashable: format it without keeping it
        return _format_eur(amount)
    if len(_formatted) >= _FORMATTED_MAX:
        _formatted.clear()
    text = _formatted[amount] = _format_eur(amount)
    return text


_formatted: dict = {}
_FORMATTED_MAX = 4096


def _format_eur(amount: Decimal) -> str:
    if amount.__class__ is not Decimal:
        amount = Decimal(amount)
    sign = "-" if amount < _ZERO else ""
    amount = abs(amount)
    if amount == amount.to_integral_value():
        whole, frac = f"{amount:.0f}", ""
    else:
        text = str(amount.quantize(CENT, ROUND_HALF_UP))  # plain notation: the exponent is -2
        whole, frac = text[:-3], "," + text[-2:]
    if len(whole) > 3:
        whole = _group_thousands(whole)
    return sign + whole + frac + _EURO_SUFFIX


def format_number(value: Decimal) -> str:
    """``1,65``: French decimal comma, no trailing zeros, never an exponent (``20``, not ``2E+1``)."""
    return format(value.normalize(), "f").replace(".", ",")


def format_percent(rate: Decimal) -> str:
    """``0.7`` → ``70 %`` (no-break space before the sign)."""
    return format_number(rate * 100) + NBSP + "%"


def _group_thousands(digits: str) -> str:
    if len(digits) <= 6:
        return digits[:-3] + NARROW_NBSP + digits[-3:]
    head = len(digits) % 3 or 3
    return NARROW_NBSP.join([digits[:head], *(digits[i:i + 3] for i in range(head, len(digits), 3))])


_ZERO = Decimal(0)
_EURO_SUFFIX = NBSP + "€"


MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def format_date(d) -> str:
    """``22 novembre 2026`` (``1er`` for the first day)."""
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS_FR[d.month - 1]} {d.year}"


def format_month(year: int, month: int) -> str:
    return f"{MONTHS_FR[month - 1]} {year}"
