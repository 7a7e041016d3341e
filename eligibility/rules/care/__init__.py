"""Care charges left to the patient: forfait journalier, forfait patient urgences, single room, consultations
(participation forfaitaire, excess fees) and the 100 % Santé baskets.

Every amount comes from the dated parameters under ``eligibility/parameters/soins``; the rate applied is the
one in force on the request date, or on each day of a stay whose dates are known (``stay_calendar``). Quoted
care is priced from the official tariffs (``tariffs``); ``guidance`` says what applies to patients from outside,
how to pay the rest and how to choose a complementary.

``evaluate_care(situation, p, css_holder=...)`` computes every planned care item of the situation for one
coverage assumption: ``css_holder=True`` gives the figures of a holder of the Complémentaire santé solidaire
(used for the "with the CSS" column of the out-of-pocket estimate), ``False`` those of a person without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..enums import CareKind, Complementary
from ..parameters import ParametersOn
from ..situation import Situation
from .common import (
    CSS_COVERAGES,
    ZERO,
    add_months,
    has_invalidity_pension,
    holds_css,
    in_maternity_period,
    is_newborn,
    maternity_reason,
    maternity_window,
    newborn_days,
)
from .consultation import ConsultationResult, consultation, consultation_common
from .emergency import EmergencyVisitResult, emergency_visit, visit_common
from .hospital import HospitalStayResult, hospital_stay, stay_common
from .quoted import QuotedCareResult, quoted_care

__all__ = [
    "CSS_COVERAGES", "ZERO", "CareResult", "ConsultationResult", "EmergencyVisitResult", "HospitalStayResult",
    "QuotedCareResult", "add_months", "consultation", "emergency_visit", "evaluate_care",
    "has_invalidity_pension", "holds_css", "hospital_stay", "in_maternity_period", "is_newborn",
    "maternity_reason", "maternity_window", "newborn_days", "quoted_care",
]


@dataclass(frozen=True, slots=True)
class CareResult:
    """Every planned care item, computed for one coverage assumption (``css_holder``)."""

    css_holder: bool
    hospital_stays: tuple[HospitalStayResult, ...] = ()
    emergency_visits: tuple[EmergencyVisitResult, ...] = ()
    consultations: tuple[ConsultationResult, ...] = ()
    quoted_care: tuple[QuotedCareResult, ...] = ()

    @property
    def items(self) -> list:
        """All results, in the order of ``situation.planned_care``."""
        return sorted(
            [*self.hospital_stays, *self.emergency_visits, *self.consultations, *self.quoted_care],
            key=_care_index,
        )

    @property
    def to_verify(self) -> tuple[str, ...]:
        return notes_of(self.items)


def notes_of(*columns: list) -> tuple[str, ...]:
    """The notes to verify of the items of one or more columns, in that order, each note once (the first kept)."""
    return tuple(dict.fromkeys(note for items in columns for item in items for note in item.to_verify))


def _care_index(result) -> int:
    return result.care_index


def evaluate_care(situation: Situation, p: ParametersOn, *, css_holder: bool,
                  shared: dict[int, Any] | None = None) -> CareResult:
    """``shared``: what a first call for this situation and ``p`` prepared, by care index: the part of each item
    that does not depend on the coverage (quoted care priced, ``quoted_care``; a stay's, a visit's or a
    consultation's rates, reasons and the exemptions that apply whatever the coverage: ``stay_common``,
    ``visit_common``, ``consultation_common``). The items prepared here are added to it, so that a second call,
    for the other coverage, only does what the coverage changes (the AME, the CSS)."""
    ame = not css_holder and situation.complementary is Complementary.AME
    stays, visits, consultations, quoted = [], [], [], []
    participation_left: dict[str, Decimal] = {}
    for index, care in enumerate(situation.planned_care):
        kind = care.kind
        prepared = shared.get(index) if shared is not None else None
        if prepared is None:
            prepared = _PREPARE.get(kind, quoted_care)(situation, care, index, p)
            if shared is not None:
                shared[index] = prepared
        if kind is CareKind.HOSPITALISATION:
            stays.append(hospital_stay(situation, care, index, p, css_holder=css_holder, ame=ame, common=prepared))
        elif kind is CareKind.EMERGENCY_VISIT:
            visits.append(emergency_visit(situation, care, index, p, css_holder=css_holder, ame=ame, common=prepared))
        elif kind is CareKind.CONSULTATION:
            left = participation_left.get(care.member, p["soins.participation_forfaitaire_plafond_annuel"])
            result = consultation(situation, care, index, p, css_holder=css_holder, ame=ame, participation_left=left,
                                  common=prepared)
            participation_left[care.member] = left - result.participation_forfaitaire
            consultations.append(result)
        else:
            quoted.append(prepared)  # quoted care: its pricing does not depend on the coverage
    return CareResult(
        css_holder=css_holder,
        hospital_stays=tuple(stays),
        emergency_visits=tuple(visits),
        consultations=tuple(consultations),
        quoted_care=tuple(quoted),
    )


#: The coverage-independent part of each kind of care (any other kind is quoted care, priced whole).
_PREPARE = {
    CareKind.HOSPITALISATION: lambda situation, care, _index, p: stay_common(situation, care, p),
    CareKind.EMERGENCY_VISIT: visit_common,
    CareKind.CONSULTATION: lambda situation, care, _index, p: consultation_common(situation, care, p),
}
