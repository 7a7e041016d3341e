"""Result dataclasses shared by the rule modules, and their contract (v1) JSON form.

Money stays ``Decimal`` in the dataclasses; ``money()`` turns it into a JSON number only at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .enums import CssStatus
from .reasons import Reason, reasons_dict

if TYPE_CHECKING:
    from .wording import Phrase


def money(amount: Decimal | None) -> float | int | None:
    """JSON number for an amount: integral euros stay integers, cents are kept where the law keeps them."""
    if amount is None:
        return None
    if amount == amount.to_integral_value():
        return int(amount)
    return float(amount)


@dataclass(frozen=True, slots=True)
class ResourceLine:
    """One declared resource and what the CSS did with it."""

    member: str
    type: str
    declared: Decimal          # amount as declared for the reference period
    counted: Decimal           # amount that enters the base (0 when excluded; negative when deducted)
    treatment: str             # included / excluded / deducted / abated
    note: Phrase               # its explanation (``wording``): ``str(note)`` is the French text

    def as_dict(self) -> dict:
        return {
            "member": self.member, "type": self.type, "declared": money(self.declared),
            "counted": money(self.counted), "treatment": self.treatment, "note": str(self.note),
        }


@dataclass(frozen=True, slots=True)
class MemberParticipation:
    member: str
    age_on_january_1: int
    monthly: Decimal

    def as_dict(self) -> dict:
        return {"member": self.member, "age_on_january_1": self.age_on_january_1, "monthly": money(self.monthly)}


@dataclass(frozen=True, slots=True)
class CssResult:
    """Outcome of the Complémentaire santé solidaire rules (CSSoc L861-1 and following)."""

    status: CssStatus
    household_size: int
    coefficient: Decimal
    resources: Decimal                   # annual resource base
    ceiling_free: Decimal                # annual, rounded to the euro
    ceiling_with_participation: Decimal  # annual, rounded to the euro
    monthly_participation: Decimal       # household total, 0 unless with participation
    reasons: tuple[Reason, ...]
    reference_period: tuple[date, date] = (date.min, date.min)  # first day, last day
    resource_lines: tuple[ResourceLine, ...] = ()
    housing_flat_amount: Decimal = Decimal("0")   # annual amount added to the base
    participations: tuple[MemberParticipation, ...] = ()
    presumption: str | None = None       # "rsa", "aspa", "asi", "aah" when a presumption applied
    to_verify: tuple[str, ...] = ()
    #: Which household the request is for, and why (R861-2, individual applications): a ``HouseholdBasis``.
    household_basis: Any = None

    @property
    def eligible(self) -> bool:
        return self.status is not CssStatus.NOT_ELIGIBLE

    @property
    def margin(self) -> Decimal:
        """Room left under the ceiling that applies (positive), or the excess over the higher one (negative)."""
        if self.status is CssStatus.FREE:
            return self.ceiling_free - self.resources
        return self.ceiling_with_participation - self.resources

    def as_dict(self) -> dict:
        start, end = self.reference_period
        return {
            "status": self.status.value,
            "household_size": self.household_size,
            "coefficient": float(self.coefficient),
            "resources": money(self.resources),
            "ceiling_free": money(self.ceiling_free),
            "ceiling_with_participation": money(self.ceiling_with_participation),
            "monthly_participation": money(self.monthly_participation),
            "margin": money(self.margin) if self.margin >= 0 else 0,
            "excess": money(-self.margin) if self.margin < 0 else 0,
            "reference_period": {"start": start.isoformat(), "end": end.isoformat()},
            "housing_flat_amount": money(self.housing_flat_amount),
            "resource_lines": [line.as_dict() for line in self.resource_lines],
            "participations": [p.as_dict() for p in self.participations],
            "presumption": self.presumption,
            "household_basis": self.household_basis.as_dict() if self.household_basis is not None else None,
            **reasons_dict(self.reasons),
            "to_verify": list(self.to_verify),
        }
