"""The reference period (Code de la sécurité sociale, R861-8): the 12 months whose resources count."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

from ..parameters import ParametersOn
from ..reasons import Reason
from ..wording import Day, FromMonth, Month
from .common import CACHED, reason, ref


def reference_period(when: date, first_back: int, last_back: int) -> tuple[date, date]:
    """First and last day of the months from ``first_back`` to ``last_back`` months before ``when``'s month."""
    index = when.year * 12 + when.month - 1
    start_year, start_month = divmod(index - first_back, 12)
    end_year, end_month = divmod(index - last_back, 12)
    start = date(start_year, start_month + 1, 1)
    end = date(end_year, end_month + 1, calendar.monthrange(end_year, end_month + 1)[1])
    return start, end


def period_months(p: ParametersOn) -> int:
    return int(p["css.periode_reference"]["nombre_mois"])


def reference_period_on(p: ParametersOn, when: date) -> tuple[date, date, int]:
    """First day, last day and number of months of the period of a request made on ``when``."""
    period = p["css.periode_reference"]
    start, end = reference_period(
        when, int(period["premier_mois_avant_demande"]), int(period["dernier_mois_avant_demande"]))
    return start, end, int(period["nombre_mois"])


@lru_cache(maxsize=CACHED)
def period(p: ParametersOn, year: int, month: int) -> tuple[date, date, Reason]:
    start, end, months = reference_period_on(p, date(year, month, 1))
    explained = reason(
        "css.reference_period", ref(p, "css.periode_reference"),
        from_start=FromMonth(start.year, start.month), end=Month(end.year, end.month), months=months,
        first_day=Day(start), last_day=Day(end),
    )
    return start, end, explained
