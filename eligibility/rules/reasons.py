"""Reasons: the "why" that every result carries, for the screen, the PDF and the API."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CSS_CODE = "code de la sécurité sociale"


@dataclass(frozen=True, slots=True)
class Reason:
    """One sentence of plain French, with the legal article it applies when there is one.

    ``code`` is a stable machine identifier (``css.reference_period``) that tests and templates can rely
    on; ``text`` is what people read; ``article`` cites the text ("article R861-8 du code de la sécurité
    sociale") and ``href`` links to it.
    """

    code: str
    text: str
    article: str | None = None
    href: str | None = None

    def __str__(self) -> str:
        return f"{self.text} ({self.article})" if self.article else self.text

    def as_dict(self) -> dict:
        return {"code": self.code, "text": self.text, "article": self.article, "href": self.href}


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
    """French money format without Babel (rules stay dependency-light): ``1 234,56 €``, ``10 339 €``."""
    amount = Decimal(amount)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount == amount.to_integral_value():
        whole, frac = f"{amount:.0f}", ""
    else:
        whole, frac = f"{cents(amount):.2f}".split(".")
        frac = "," + frac
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + NARROW_NBSP.join(groups) + frac + NBSP + "€"


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
