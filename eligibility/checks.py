"""Freshness of the legal parameters, where people work: the system check (``manage.py check``, server
start), the CCAS workspace and the admin (``freshness_notices``).

Yearly revaluations (``revaluation_month_day``, 1 April for the CSS ceilings and the RSA amount) are
announced from one month before (1 March): which parameters are revalued and whether the new value is
already in the files. From the revaluation day, a parameter without a new value (and without a
confirmation that the old one stays) is stale, and so is any value not checked for 13 months
(``stale_parameters`` of the rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core import checks
from django.utils import timezone

from eligibility.rules.parameters import ParameterSet, default_parameters, stale_parameters

#: Months before a revaluation when it is announced (1 March for 1 April).
ANNOUNCE_MONTHS_BEFORE = 1


@dataclass(frozen=True)
class Revaluation:
    """A parameter revalued on ``on`` (within the announcement window), with or without its new value."""

    name: str
    description: str
    on: date
    value_in: bool


@dataclass(frozen=True)
class FreshnessNotices:
    upcoming: tuple[Revaluation, ...]
    stale: tuple[str, ...]          # messages of ``stale_parameters``

    @property
    def upcoming_missing(self) -> tuple[Revaluation, ...]:
        return tuple(r for r in self.upcoming if not r.value_in)

    def __bool__(self) -> bool:
        return bool(self.upcoming or self.stale)


def upcoming_revaluations(parameters: ParameterSet, today: date) -> list[Revaluation]:
    """Parameters whose yearly revaluation falls within the next ``ANNOUNCE_MONTHS_BEFORE`` months (the
    revaluation day excluded: from then on, a missing value is stale)."""
    found = []
    for p in parameters.parameters.values():
        if not p.revaluation_month_day:
            continue
        month, day = p.revaluation_month_day
        on = date(today.year, month, day)
        if on <= today:
            on = date(today.year + 1, month, day)
        if _months_before(on, ANNOUNCE_MONTHS_BEFORE) <= today:
            found.append(Revaluation(p.name, p.description, on, value_in=p.latest.start >= on
                                     or p.last_value_still_valid_on >= on))
    return sorted(found, key=lambda r: (r.on, r.name))


def _months_before(day: date, months: int) -> date:
    import calendar

    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def today() -> date:
    return timezone.localdate()


def freshness_notices(on: date | None = None, parameters: ParameterSet | None = None) -> FreshnessNotices:
    """What the workspace and the admin show about the parameters' freshness on ``on`` (default today)."""
    on = on or today()
    parameters = parameters or default_parameters()
    return FreshnessNotices(
        upcoming=tuple(upcoming_revaluations(parameters, on)),
        stale=tuple(s.message for s in stale_parameters(parameters, on)),
    )


@checks.register("aidsante")
def check_parameters_freshness(app_configs=None, **kwargs):
    """Warn when a legal figure may be out of date (last checked over 13 months ago, or a yearly
    revaluation date such as 1 April has passed with no new value and no confirmation); from 1 March,
    announce the revaluations of 1 April whose new value is not in yet."""
    on = today()
    parameters = default_parameters()
    found = [
        checks.Warning(
            staleness.message,
            hint="Vérifiez la valeur en vigueur, puis ajoutez-la ou mettez à jour last_value_still_valid_on.",
            obj=staleness.name,
            id="aidsante.W001",
        )
        for staleness in stale_parameters(parameters, on)
    ]
    found += [
        checks.Info(
            f"{r.name} : revalorisation le {r.on.isoformat()}, nouvelle valeur pas encore saisie.",
            hint="Ajoutez la valeur publiée (arrêté, décret) datée du jour de la revalorisation.",
            obj=r.name,
            id="aidsante.I002",
        )
        for r in upcoming_revaluations(parameters, on) if not r.value_in
    ]
    return found
