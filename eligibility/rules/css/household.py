"""The CSS household and its coefficient (Code de la sécurité sociale, R861-2 and R861-3).

Household rank (R861-3): applicant, partner, then dependants from the oldest. A minor in alternating
residence has its rank's rate halved. Dependants born on the same day are ranked so that the halved
rates fall on the lowest rates (the most favourable order; the texts do not say).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from ..enums import Role
from ..parameters import ParametersOn
from ..reasons import Reason
from ..situation import Member, Situation
from ..wording import Day, Joined, say
from .common import ARTICLE_HOUSEHOLD, CACHED, ONE, capital, number, persons, reason, ref, who_is
from .household_basis import is_dependant


class Household:
    __slots__ = ("counted", "not_counted", "coefficient", "halved", "adult_shared", "applicant", "partner", "size")

    def __init__(self, situation: Situation, p: ParametersOn):
        when = situation.request_date
        applicant = partner = None
        dependants: list[Member] = []
        not_counted: list[tuple[Member, int]] = []
        limit = int(p["css.age_limite_personne_a_charge"])
        for m in situation.members:
            role = m.role
            if role is Role.APPLICANT:
                applicant = m
            elif role is Role.PARTNER:
                partner = m
            else:
                age = m.age_on(when)
                if age < limit and is_dependant(m, age, p):
                    dependants.append(m)
                else:
                    not_counted.append((m, age))
        self.applicant, self.partner = applicant, partner
        # Oldest first (R861-3); ties broken below, the id only makes the order reproducible.
        if len(dependants) > 1:
            dependants.sort(key=_dependant_order)
        if len(not_counted) > 1:
            not_counted.sort(key=_not_counted_order)
        self.not_counted = not_counted
        counted = [applicant] if partner is None else [applicant, partner]
        halved_members: list[Member] = []
        adult_shared: list[Member] = []
        # The shape of the dependants: (members born on the same day, how many of them have a halved rate).
        shape: list[tuple[int, int]] = []
        shared_custody_age_limit = None
        i, n = 0, len(dependants)
        while i < n:
            j = i + 1
            birth = dependants[i].birth_date
            while j < n and dependants[j].birth_date == birth:
                j += 1
            halved = 0
            for k in range(i, j):
                m = dependants[k]
                if m.shared_custody:
                    if shared_custody_age_limit is None:
                        shared_custody_age_limit = int(p["css.coefficients_foyer"]["age_limite_residence_alternee"])
                    if m.age_on(when) < shared_custody_age_limit:
                        halved += 1
                        halved_members.append(m)
                    else:
                        adult_shared.append(m)
            shape.append((j - i, halved))
            i = j
        counted.extend(dependants)
        self.counted = counted
        self.size = len(counted)
        self.halved = halved_members
        self.adult_shared = adult_shared
        self.coefficient = _coefficient(p, partner is not None, tuple(shape))


def _dependant_order(m: Member) -> tuple:
    return m.birth_date, m.shared_custody, m.id


def _not_counted_order(item: tuple[Member, int]) -> tuple:
    return item[0].birth_date, item[0].id


@lru_cache(maxsize=CACHED)
def _coefficient(p: ParametersOn, has_partner: bool, shape: tuple[tuple[int, int], ...]) -> Decimal:
    """Household coefficient (R861-3) from the partner and the dependants' shape, oldest first.

    Within a group born on the same day, the halved rates (alternating residence) fall on the lowest rates.
    """
    coefficients = p["css.coefficients_foyer"]
    coefficient = ONE
    rank = 2
    if has_partner:
        coefficient += _rank_rate(coefficients, 2)
        rank = 3
    for size, halved in shape:
        rates = sorted(_rank_rate(coefficients, rank + k) for k in range(size))
        coefficient += sum(rates) - sum(rates[:halved]) * coefficients["reduction_residence_alternee"]
        rank += size
    return coefficient


def _rank_rate(coefficients: dict, rank: int) -> Decimal:
    """The rate of the person of this rank: 2nd, 3rd and 4th, then each from the 5th (the 1st counts 1)."""
    if rank == 2:
        return coefficients["deuxieme_personne"]
    if rank <= 4:
        return coefficients["troisieme_et_quatrieme_personnes"]
    return coefficients["personne_supplementaire"]


@lru_cache(maxsize=CACHED)
def _household_summary(p: ParametersOn, size: int, has_partner: bool, coefficient: Decimal) -> tuple[Reason, Reason]:
    coefficients = p["css.coefficients_foyer"]
    parts = [say("css.household.you")]
    if has_partner:
        parts.append(say("css.household.partner"))
    dependants = size - len(parts)
    if dependants:
        parts.append(say("css.household.dependants" if dependants > 1 else "css.household.dependant",
                         n=dependants, age=int(p["css.age_limite_personne_a_charge"])))
    household = reason(
        "css.household", ref(p, "css.age_limite_personne_a_charge"), persons=persons(size), members=Joined(parts),
    )
    coefficient_reason = reason(
        "css.coefficient", ref(p, "css.coefficients_foyer"),
        coefficient=number(coefficient), second=number(coefficients["deuxieme_personne"]),
        third_and_fourth=number(coefficients["troisieme_et_quatrieme_personnes"]),
        further=number(coefficients["personne_supplementaire"]),
    )
    return household, coefficient_reason


def household_reasons(h: Household, p: ParametersOn, when: date) -> list[Reason]:
    household, coefficient = _household_summary(p, h.size, h.partner is not None, h.coefficient)
    if not (h.not_counted or h.halved or h.adult_shared):
        return [household, coefficient]
    reasons = [household]
    limit = int(p["css.age_limite_personne_a_charge"])
    household_ref, coefficient_ref = ref(p, "css.age_limite_personne_a_charge"), ref(p, "css.coefficients_foyer")
    for m, age in h.not_counted:
        if age < limit:
            reasons.append(reason("css.household_independent", ARTICLE_HOUSEHOLD, who=capital(who_is(m)), age=age))
            continue
        reasons.append(reason(
            "css.household_not_counted", household_ref,
            who=capital(who_is(m)), age=age, day=Day(when), limit=limit,
        ))
    for m in h.halved:
        reasons.append(reason("css.shared_custody", coefficient_ref, who=capital(who_is(m))))
    for m in h.adult_shared:
        reasons.append(reason("css.shared_custody_adult", coefficient_ref, who=capital(who_is(m))))
    reasons.append(coefficient)
    return reasons
