"""What the care rules share: whether the household holds the CSS, the maternity window, newborns, pensions."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from decimal import Decimal

from ..enums import Complementary, ResourceType
from ..parameters import ParametersOn
from ..reasons import Reason, format_date
from ..situation import Situation
from ..sources import reason_from

ZERO = Decimal("0")
CSS_COVERAGES = frozenset({Complementary.CSS_FREE, Complementary.CSS_WITH_PARTICIPATION})


# --------------------------------------------------------------------------- helpers


def holds_css(situation: Situation) -> bool:
    """The household already holds the Complémentaire santé solidaire (declared coverage)."""
    return situation.complementary in CSS_COVERAGES


def add_months(d: date, months: int) -> date:
    month_index = d.month - 1 + months
    year, month = d.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(d.day, monthrange(year, month)[1]))


def maternity_window(situation: Situation, member_id: str, p: ParametersOn) -> tuple[date, date] | None:
    """First and last day covered by the maternity insurance, estimated from the due date."""
    health = situation.health_of(member_id)
    if health is None or health.pregnancy_due_date is None:
        return None
    period = p["soins.maternite_periode"]
    due = health.pregnancy_due_date
    start = add_months(due, -int(period["mois_avant_terme"]))
    end = due + timedelta(days=int(period["jours_apres_accouchement"]))
    return start, end


def in_maternity_period(situation: Situation, member_id: str, p: ParametersOn) -> bool:
    window = maternity_window(situation, member_id, p)
    return window is not None and window[0] <= situation.request_date <= window[1]


def maternity_reason(situation: Situation, member_id: str, p: ParametersOn, code: str, what: str) -> Reason:
    start, end = maternity_window(situation, member_id, p)  # type: ignore[misc]
    due = situation.health_of(member_id).pregnancy_due_date  # type: ignore[union-attr]
    return reason_from(
        p, "soins.maternite_periode", code,
        f"{what} : à la date de la demande, {member_id} est dans la période couverte par l'assurance maternité "
        f"(du 6e mois de grossesse à 12 jours après l'accouchement ; avec un terme prévu le {format_date(due)}, "
        f"nous l'estimons du {format_date(start)} au {format_date(end)}).",
    )


def newborn_days(situation: Situation, member_id: str) -> int:
    return (situation.request_date - situation.member(member_id).birth_date).days


def is_newborn(situation: Situation, member_id: str, p: ParametersOn) -> bool:
    return newborn_days(situation, member_id) < int(p["soins.nouveau_ne_jours"])


def has_invalidity_pension(situation: Situation, member_id: str) -> bool:
    return any(
        r.type is ResourceType.INVALIDITY_PENSION and r.amount > 0 for r in situation.resources_of(member_id)
    )
