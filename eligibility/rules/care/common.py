"""What the care rules share: whether the household holds the CSS, the maternity window, newborns, pensions."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from decimal import Decimal

from ..enums import Complementary, EmergencyExemption, ResourceType
from ..parameters import ParametersOn
from ..reasons import Reason
from ..situation import Situation
from ..sources import reason_from
from ..wording import Day, Label, Phrase, say

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


def maternity_reason(situation: Situation, member_id: str, p: ParametersOn, code: str, what: Phrase) -> Reason:
    start, end = maternity_window(situation, member_id, p)  # type: ignore[misc]
    due = situation.health_of(member_id).pregnancy_due_date  # type: ignore[union-attr]
    return reason_from(
        p, "soins.maternite_periode", code,
        say("care.maternity", what=what, member=member_id,
            days_after=int(p["soins.maternite_periode"]["jours_apres_accouchement"]), due=Day(due), start=Day(start),
            end=Day(end)),
    )


def exemption_label(exemption, reasons: tuple[Reason, ...]) -> Phrase | Label | None:
    """The label of a hospital or emergency exemption. Those that state a duration take it from the reason that
    applied the exemption, which read it from its parameter (``soins.nouveau_ne_jours``,
    ``soins.maternite_periode``): the label says the value the rule used and never drifts from it."""
    if exemption is None:
        return None
    value = exemption.value
    if value in ("newborn", "maternity"):
        applied = next((r for r in reasons if r.code.endswith(".exempt." + value)), None)
        if applied is not None and value == "newborn":
            return say("care.exemption.newborn", days=applied.params["days"])
        if applied is not None:
            return say("care.exemption.maternity_insurance" if isinstance(exemption, EmergencyExemption)
                       else "care.exemption.maternity", days_after=applied.params["days_after"])
    return Label(exemption.label)


def newborn_days(situation: Situation, member_id: str) -> int:
    return (situation.request_date - situation.member(member_id).birth_date).days


def is_newborn(situation: Situation, member_id: str, p: ParametersOn) -> bool:
    return newborn_days(situation, member_id) < int(p["soins.nouveau_ne_jours"])


def has_invalidity_pension(situation: Situation, member_id: str) -> bool:
    return any(
        r.type is ResourceType.INVALIDITY_PENSION and r.amount > 0 for r in situation.resources_of(member_id)
    )
