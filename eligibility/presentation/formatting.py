"""French money and dates from the result's JSON values, and bar widths as CSS classes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from eligibility.rules.reasons import format_date, format_eur


def eur(value) -> str:
    """``1 234,56 €`` from a JSON number, ``Decimal`` or ``None`` (``—``)."""
    if value is None:
        return "—"
    return format_eur(Decimal(str(value)))


def iso_to_text(value: str | date | None) -> str:
    """``22 novembre 2026`` from an ISO date string or a ``date`` (empty for ``None``)."""
    if not value:
        return ""
    return format_date(value if isinstance(value, date) else date.fromisoformat(value))


def width_class(part, whole) -> str:
    """``w-0`` … ``w-100`` in 5 % steps (CSS classes: no inline style under the CSP)."""
    if not whole or whole <= 0:
        return "w-0"
    ratio = max(Decimal(0), min(Decimal(1), Decimal(str(part)) / Decimal(str(whole))))
    return f"w-{int((ratio * 20).to_integral_value()) * 5}"
