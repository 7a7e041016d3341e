"""Dated resource lines: the months of the reference period they cover (R861-8).

The CSS counts what each person received in each of the 12 calendar months from the 13th to the 2nd month
before the month of the request. A contract v1 line gives that total directly; a dated line (contract
extension) gives an amount per month, either the same ``monthly_amount`` for every calendar month its period
touches (``from`` / ``until``, each optional), or one amount per month (``monthly``). ``with_window`` keeps the
months inside the period, adds them up into ``amount`` and keeps them in ``counted_months`` so that the
reasons can say, line by line, which months were counted. Lines of one person and one type are merged.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from .parameters import ParametersOn
from .situation import Resource, Situation
from .wording import Eur, FromMonth, Month, Phrase, say

ZERO = Decimal("0")


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_of(index: int) -> date:
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


def months_counted(resource: Resource, start: date, end: date) -> tuple[tuple[date, Decimal], ...]:
    """The (month, amount) pairs of a dated ``resource`` inside the period ``start``…``end``."""
    first, last = month_index(start), month_index(end)
    if resource.months:
        return tuple((m, a) for m, a in resource.months if first <= month_index(m) <= last)
    lo = max(first, month_index(resource.start)) if resource.start else first
    hi = min(last, month_index(resource.end)) if resource.end else last
    return tuple((month_of(i), resource.monthly_amount) for i in range(lo, hi + 1))


def paid_on(resource: Resource, day: date) -> bool:
    """Whether a dated line is still paid on ``day``: its period covers that day (``monthly_amount``), or it has an
    amount in that month or the month before (``monthly``: an allowance is paid for the past month)."""
    if resource.monthly_amount is not None:
        return (resource.monthly_amount > 0 and (resource.start is None or resource.start <= day)
                and (resource.end is None or resource.end >= day))
    now = month_index(day)
    return any(a > 0 and now - 1 <= month_index(m) <= now for m, a in resource.months)


def in_reference_period(situation: Situation, p: ParametersOn) -> Situation:
    """``with_window`` over the reference period in force on the request date (``css.periode_reference``).

    Without a dated line left to window (most situations: contract v1 totals), ``situation`` as it is, before
    the period is even looked up."""
    if not any(r.is_dated and r.counted_months is None for r in situation.resources):
        return situation
    if p.when == situation.request_date:  # the engine's case: the period of ``p``'s own date, found once per date
        start, end = p.derived(_window)
    else:
        start, end = _period(p, situation.request_date)
    return with_window(situation, start, end)


def _window(p: ParametersOn) -> tuple[date, date]:
    """The reference period of a request made on ``p.when`` (``in_reference_period``)."""
    return _period(p, p.when)


def _period(p: ParametersOn, when: date) -> tuple[date, date]:
    from .css import reference_period  # the period's one definition; css imports this module's helpers

    period = p["css.periode_reference"]
    return reference_period(when, int(period["premier_mois_avant_demande"]), int(period["dernier_mois_avant_demande"]))


def with_window(situation: Situation, start: date, end: date) -> Situation:
    """``situation`` with every dated line replaced by the months it has inside ``start``…``end`` (idempotent)."""
    if not any(r.is_dated and r.counted_months is None for r in situation.resources):
        return situation
    merged: dict[tuple[str, object], list[tuple[date, Decimal]]] = {}
    current: dict[tuple[str, object], bool] = {}
    out: list[Resource | tuple[str, object]] = []
    for r in situation.resources:
        if not r.is_dated or r.counted_months is not None:
            out.append(r)
            continue
        key = (r.member, r.type)
        if key not in merged:
            merged[key] = []
            out.append(key)
        merged[key].extend(months_counted(r, start, end))
        current[key] = current.get(key, False) or paid_on(r, situation.request_date)
    resources = []
    for item in out:
        if isinstance(item, Resource):
            resources.append(item)
            continue
        by_month: dict[date, Decimal] = {}
        for month, amount in merged[item]:
            by_month[month] = by_month.get(month, ZERO) + amount
        months = tuple(sorted(by_month.items()))
        first = next(r for r in situation.resources if (r.member, r.type) == item)
        resources.append(replace(first, amount=sum((a for _m, a in months), ZERO), counted_months=months,
                                 paid_at_request=current[item]))
    return replace(situation, resources=tuple(resources))


def months_text(resource: Resource) -> Phrase | str:
    """How a dated line was counted, for its reason: "1 300 € par mois d'octobre 2025 à mars 2026, 6 mois"."""
    months = resource.counted_months
    if months is None:
        return ""
    paid = [(m, a) for m, a in months if a]
    if not paid:
        return say("resource.months.none")
    first, last = paid[0][0], paid[-1][0]
    span = (say("resource.months.in", month=Month(first.year, first.month)) if first == last
            else say("resource.months.span", from_start=FromMonth(first.year, first.month),
                     end=Month(last.year, last.month)))
    amounts = {a for _m, a in paid}
    if len(amounts) == 1:
        return say("resource.months.same", amount=Eur(paid[0][1]), span=span, count=len(paid))
    return say("resource.months.varied", span=span, count=len(paid))


def months_paid(resource: Resource) -> int | None:
    """How many months of the period the line was paid (``None`` for a v1 line: not known)."""
    if resource.counted_months is None:
        return None
    return sum(1 for _m, a in resource.counted_months if a)
