"""French money and dates from the result's JSON values, and bar widths as CSS classes.

On the translated pages, amounts keep the French format (isolated left to right inside Arabic text) and
dates take the month of the page's language: ``22 November 2026``, ``22 نوفمبر 2026``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import formats, translation

from eligibility.rules.reasons import format_date, format_eur

# Unicode isolates (LRI … PDI): an amount keeps its left-to-right order inside right-to-left text.
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"


def left_to_right(text: str) -> str:
    """``text`` isolated left to right when the page reads right to left (Arabic); as is otherwise."""
    if translation.get_language_bidi():
        return LEFT_TO_RIGHT_ISOLATE + text + POP_DIRECTIONAL_ISOLATE
    return text


def date_text(day: date) -> str:
    """``22 novembre 2026`` (``1er`` in French); in the page's language on the translated pages."""
    if translation.get_language() not in (None, "fr"):
        return formats.date_format(day, "j F Y")
    return format_date(day)


def to_decimal(value) -> Decimal | None:
    """A finite ``Decimal`` from a ``Decimal``, a JSON number or a numeric string; ``None`` otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float | str):
        try:
            # str() first: Decimal(0.1) would carry the binary error of the float into the cents.
            amount = Decimal(str(value).strip())
        except InvalidOperation:
            return None
        return amount if amount.is_finite() else None
    return None


def eur(value, empty: str = "—") -> str:
    """``1 234,56 €`` from a JSON number, a ``Decimal`` or a numeric string, in the rules' format
    (``eligibility.rules.reasons.format_eur``, the only money formatter), isolated left to right in Arabic.

    ``None`` or ``""`` gives ``empty``; a value that is not a number is shown as it is, never as a wrong figure.
    """
    if value is None or value == "":
        return empty
    amount = to_decimal(value)
    if amount is None:
        return str(value)
    return left_to_right(format_eur(amount))


def iso_to_text(value: str | date | None) -> str:
    """``22 novembre 2026`` from an ISO date string or a ``date`` (empty for ``None``)."""
    if not value:
        return ""
    return date_text(value if isinstance(value, date) else date.fromisoformat(value))


def width_class(part, whole) -> str:
    """``w-0`` … ``w-100`` in 5 % steps (CSS classes: no inline style under the CSP)."""
    if not whole or whole <= 0:
        return "w-0"
    ratio = max(Decimal(0), min(Decimal(1), Decimal(str(part)) / Decimal(str(whole))))
    return f"w-{int((ratio * 20).to_integral_value()) * 5}"
