"""Result dataclasses shared by the rule modules, with their contract (v1) JSON entries (``contract.py``).

Money stays ``Decimal`` in the dataclasses; ``money()`` turns it into a JSON number only at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .contract import REASONS, Contract, contract, entry, money, text
from .enums import CssStatus
from .reasons import Reason
from .wording import Phrase

__all__ = ["CssResult", "MemberParticipation", "ResourceLine", "money"]


@contract("member", "type", "declared", "counted", "treatment", text("note"))
@dataclass(frozen=True, slots=True)
class ResourceLine(Contract):
    """One declared resource and what the CSS did with it."""

    member: str
    type: str
    declared: Decimal          # amount as declared for the reference period
    counted: Decimal           # amount that enters the base (0 when excluded; negative when deducted)
    treatment: str             # included / excluded / deducted / abated
    note: Phrase               # its explanation (``wording``): ``str(note)`` is the French text


@contract("member", "age_on_january_1", "monthly")
@dataclass(frozen=True, slots=True)
class MemberParticipation(Contract):
    member: str
    age_on_january_1: int
    monthly: Decimal


def _household_basis_type() -> Any:
    """``css.household_basis.HouseholdBasis | None``, read when first needed (that module imports this one)."""
    from .css.household_basis import HouseholdBasis

    return HouseholdBasis | None


def _period(result: CssResult) -> dict:
    start, end = result.reference_period
    return {"start": start.isoformat(), "end": end.isoformat()}


@contract(
    "status", "household_size",
    entry("coefficient", kind="float"),
    entry("resources", description="Base ressources annuelle, après exclusions, abattements et forfait logement"),
    entry("ceiling_free", description="Plafond annuel de la CSS gratuite pour ce foyer"),
    entry("ceiling_with_participation", description="Plafond annuel de la CSS avec participation pour ce foyer"),
    entry("monthly_participation", description="Participation mensuelle du foyer (0 sauf CSS avec participation)"),
    entry("margin", get=lambda r: money(r.margin) if r.margin >= 0 else 0, type=Decimal,
          description="Marge sous le plafond qui s'applique (0 au-delà)"),
    entry("excess", get=lambda r: money(-r.margin) if r.margin < 0 else 0, type=Decimal,
          description="Dépassement du plafond le plus haut (0 en dessous)"),
    entry("reference_period", get=_period, type=dict[str, date],
          description="Période de référence des ressources : start, end"),
    "housing_flat_amount", "resource_lines", "participations", "presumption",
    entry("household_basis", type=_household_basis_type,
          description="Extension : quel foyer a servi et pourquoi (R861-2, demandes à titre individuel)"),
    REASONS, text("to_verify"),
    schema="CssOut",
)
@dataclass(frozen=True, slots=True)
class CssResult(Contract):
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
