"""The CSS resource ceilings of a household (Code de la sécurité sociale, L861-1 and R861-3).

A published table (``css.bareme_publie``) gives the ceilings of households of 1 to 4 persons, then a fixed
increment; otherwise (a halved share in alternating residence) the one-person ceiling times the household
coefficient, times the overseas coefficient, rounded to the euro.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from ..enums import Territory
from ..parameters import ParametersOn
from ..reasons import Reason, euros
from ..wording import Day, Eur, Label, say
from .common import CACHED, ONE, first_dates, number, percent, reason, ref


@dataclass(frozen=True, slots=True)
class PublishedTable:
    """A published ceiling table: sizes 1 to 4, then a fixed increment per extra person."""

    free: tuple[Decimal, ...]
    free_extra: Decimal
    with_participation: tuple[Decimal, ...]
    with_participation_extra: Decimal

    def ceilings(self, size: int) -> tuple[Decimal, Decimal]:
        last = len(self.free)
        if size <= last:
            return self.free[size - 1], self.with_participation[size - 1]
        extra = size - last
        return (
            self.free[-1] + extra * self.free_extra,
            self.with_participation[-1] + extra * self.with_participation_extra,
        )


def published_tables(p: ParametersOn) -> dict[str, PublishedTable]:
    """``css.bareme_publie`` in force, by zone (``metropole``, ``outre_mer``)."""
    return {
        zone: PublishedTable(
            tuple(t["gratuite"]), t["gratuite_personne_supplementaire"],
            tuple(t["participation"]), t["participation_personne_supplementaire"],
        )
        for zone, t in p["css.bareme_publie"].items()
    }


def ceiling_notes(p: ParametersOn) -> tuple[str, ...]:
    """The ``to_verify`` notes of the one-person ceilings in force."""
    return tuple(
        note for note in (p.entry("css.plafond_gratuite_base").to_verify,
                          p.entry("css.plafond_participation_base").to_verify) if note
    )


@lru_cache(maxsize=CACHED)
def ceilings(
    p: ParametersOn, territory: Territory, size: int, coefficient: Decimal, whole: bool,
) -> tuple[Decimal, Decimal, Reason]:
    """(free, with participation, explanation). ``whole``: no halved share, so a published table may apply."""
    territory_coefficient = p["css.coefficient_outre_mer"][territory]
    zone = "metropole" if territory is Territory.METROPOLE else "outre_mer"
    table = p.derived(published_tables).get(zone) if whole else None
    if table is not None:
        free, with_participation = table.ceilings(size)
        how, cited = say("css.ceilings.published"), ref(p, "css.bareme_publie")
    else:
        base_free = p["css.plafond_gratuite_base"]
        factor = coefficient * territory_coefficient
        free, with_participation = euros(base_free * factor), euros(p["css.plafond_participation_base"] * factor)
        overseas = (say("css.ceilings.overseas_factor", factor=number(territory_coefficient))
                    if territory_coefficient != ONE else "")
        how = say("css.ceilings.computed", base=Eur(base_free), coefficient=number(coefficient), overseas=overseas)
        cited = ref(p, "css.plafond_gratuite_base")
    place = "" if territory is Territory.METROPOLE else say("css.ceilings.overseas", territory=Label(territory.label))
    explained = reason(
        "css.ceilings", cited,
        place=place, free=Eur(free), with_participation=Eur(with_participation),
        increase=percent(p["css.taux_majoration_participation"]), how=how,
    )
    return free, with_participation, explained


def territory_reason(p: ParametersOn, territory: Territory, when: date) -> Reason:
    """The CSS did not apply in this territory on the request date (Mayotte before 2024)."""
    since = first_dates(p, "css.coefficient_outre_mer").get(territory)
    return reason(
        "css.territory", ref(p, "css.coefficient_outre_mer"),
        territory=Label(territory.label), request_day=Day(when),
        since=say("css.territory.since", day=Day(since)) if since else "",
    )
