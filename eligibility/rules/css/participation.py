"""The monthly participation of the CSS with participation (Code de la sécurité sociale, L861-1 2°): one amount
per member, by age on 1 January of the request year, with the lower amounts of the Alsace-Moselle local scheme."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from ..parameters import ParametersOn
from ..reasons import Reason, format_date
from ..results import MemberParticipation
from ..situation import Situation
from .common import CACHED, ZERO, format_eur, reason, ref, who_is
from .household import Household


@lru_cache(maxsize=CACHED)
def _participation_row(p: ParametersOn, who: str, age: int, january_1: date, alsace: bool) -> tuple[Decimal, Reason]:
    table = p["css.participation_mensuelle"]["alsace_moselle" if alsace else "regime_general"]
    bands = sorted(((int(minimum), amount) for minimum, amount in table.items()), reverse=True)
    amount = next(a for minimum, a in bands if age >= minimum)
    scheme = " (régime local d'Alsace-Moselle)" if alsace else ""
    explained = reason(
        "css.participation_member",
        f"Participation pour {who} ({age} ans au {format_date(january_1)}) : {format_eur(amount)} par mois{scheme}.",
        ref(p, "css.participation_mensuelle"),
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
        "css.participation",
        f"Votre participation est de {format_eur(total)} par mois pour le foyer (l'âge retenu est celui du "
        f"1er janvier {january_1.year}).",
        ref(p, "css.participation_mensuelle"),
    ))
    return total, tuple(rows)
