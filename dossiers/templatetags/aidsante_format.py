"""French money and date filters for templates: ``{% load aidsante_format %}``.

``{{ amount|eur }}``   ``1 234,56 €`` (same format as the rules' reasons: ``eligibility.rules.reasons.format_eur``;
                     isolated left to right in Arabic)
``{{ day|date_fr }}``  ``22 novembre 2026`` (``eligibility.rules.reasons.format_date``; on the translated
                     public pages, the month in the page's language: ``22 November 2026``)
``{{ user|agent_name:"Ancien agent" }}``  a social worker's full name, else their username, else the fallback

Both accept what the rules produce (``Decimal``, ``date``) and what ``as_dict()`` produces (JSON numbers,
ISO date strings). ``None`` and empty values render as an empty string; anything else that cannot be read
is shown as is (escaped by the template engine), never turned into a wrong figure.
"""

from __future__ import annotations

from datetime import date, datetime

from django import template

from eligibility.presentation import formatting
from eligibility.presentation.formatting import date_text

register = template.Library()


@register.filter(is_safe=False)
def eur(value) -> str:
    """Euros in the French format: ``1 234,56 €`` (``formatting.eur``; empty for ``None``)."""
    return formatting.eur(value, empty="")


def _to_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@register.filter(is_safe=False)
def date_fr(value) -> str:
    """A date in words: ``1er novembre 2026``; accepts a ``date``, a ``datetime`` or an ISO string."""
    if value is None or value == "":
        return ""
    day = _to_date(value)
    if day is None:
        return str(value)
    return date_text(day)


@register.filter(is_safe=False)
def agent_name(user, fallback: str = "") -> str:
    """A social worker's full name, else their username; ``fallback`` once the account is gone.

    Authors, consent recorders and editors are kept with ``SET_NULL``: a template reading
    ``user.get_username`` in a ``default`` argument would fail on ``None`` (filter arguments are not
    forgiving), so every name goes through this filter.
    """
    if user is None:
        return fallback
    return user.get_full_name() or user.get_username()
