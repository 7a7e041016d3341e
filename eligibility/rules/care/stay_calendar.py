"""A hospital stay priced day by day, so that a stay across a rate change is billed at each day's rate.

The forfait journalier is due for each calendar day of the stay, the discharge day included (CSSoc L174-4;
service-public F200); a stay that begins and ends on the same day (day case, no night) owes none. Each day
takes the rate in force on that day: a stay from 27 February to 3 March 2026 is billed 2 days at 20 € and
3 days at 23 €.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ..contract import Contract, contract, entry
from ..parameters import Parameter, Reference
from ..reasons import cents
from ..situation import stay_days
from ..wording import Day, Eur, Phrase, say


@contract(entry("from", "first_day"), entry("to", "last_day"), "days", entry("daily_rate", "rate"), "amount")
@dataclass(frozen=True, slots=True)
class RateSegment(Contract):
    """Consecutive days billed at one rate."""

    first_day: date
    last_day: date
    days: int
    rate: Decimal
    reference: Reference

    @property
    def amount(self) -> Decimal:
        return cents(self.rate * self.days)

    def sentence(self) -> Phrase:
        rate, amount = Eur(self.rate), Eur(self.amount)
        if self.days == 1:
            return say("care.stay.one_day", day=Day(self.first_day), rate=rate, amount=amount)
        return say("care.stay.days", first_day=Day(self.first_day), last_day=Day(self.last_day), days=self.days,
                   rate=rate, amount=amount)


@dataclass(frozen=True, slots=True)
class StayCalendar:
    admission: date
    discharge: date
    segments: tuple[RateSegment, ...]

    @property
    def day_case(self) -> bool:
        return self.admission == self.discharge

    @property
    def days(self) -> int:
        """Calendar days billed: 0 for a day case."""
        return sum(s.days for s in self.segments)

    @property
    def total(self) -> Decimal:
        return sum((s.amount for s in self.segments), Decimal("0"))

    @property
    def rate_changes(self) -> bool:
        return len(self.segments) > 1


def price_stay(parameter: Parameter, admission: date, discharge: date) -> StayCalendar:
    """Split the billed days of a stay by the daily rate in force on each day (``ParameterDateError`` before the first rate)."""
    segments: list[RateSegment] = []
    count = stay_days(admission, discharge)
    day = admission
    for _ in range(count):
        entry = parameter.entry_at(day)
        last = segments[-1] if segments else None
        if last is not None and last.rate == entry.value and last.reference == entry.references[0]:
            segments[-1] = RateSegment(last.first_day, day, last.days + 1, last.rate, last.reference)
        else:
            segments.append(RateSegment(day, day, 1, entry.value, entry.references[0]))
        day += timedelta(days=1)
    return StayCalendar(admission, discharge, tuple(segments))
