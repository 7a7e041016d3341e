"""The monthly participation of the CSS with participation (Code de la sécurité sociale, L861-1 2°): one amount
per member, by age on 1 January of the request year, with the lower amounts of the Alsace-Moselle local scheme."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from ..parameters import ParametersOn
from ..reasons import Reason
from ..results import MemberParticipation
from ..situation import Situation
from ..wording import Day, Eur, Phrase, say
from .common import CACHED, ZERO, reason, ref, who_is
from .household import Household


@lru_cache(maxsize=CACHED)
def _participation_row(p: ParametersOn, who: Phrase, age: int, january_1: date, alsace: bool) -> tuple[Decimal, Reason]:
    table = p["css.participation_mensuelle"]["alsace_moselle" if alsace else "regime_general"]
    bands = sorted(((int(minimum), amount) for minimum, amount in table.items()), reverse=True)
    amount = next(a for minimum, a in bands if age >= minimum)
    explained = reason(
        "css.participation_member", ref(p, "css.participation_mensuelle"),
        who=who, age=age, day=Day(january_1), amount=Eur(amount),
        scheme=say("css.participation_member.alsace_moselle") if alsace else "",
    )
    return amount, explained


def participation(
    situation: Situation, h: Household, p: ParametersOn, reasons: list[Reason],
) -> tuple[Decimal, tuple[MemberParticipation, ...]]:
    january_1 = date(situation.request_date.year, 1, 1)
    alsace = situation.residence.alsace_moselle
    rows = []
    total = ZERO
    for m in h.counted:
        age = max(0, m.age_on(january_1))
        amount, explained = _participation_row(p, who_is(m), age, january_1, alsace)
        total += amount
        rows.append(MemberParticipation(m.id, age, amount))
        reasons.append(explained)
    reasons.append(reason(
        "css.participation", ref(p, "css.participation_mensuelle"), total=Eur(total), year=january_1.year,
    ))
    return total, tuple(rows)
