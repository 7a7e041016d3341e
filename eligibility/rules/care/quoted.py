"""Dental prostheses, glasses and hearing aids, with or without a quote: the item priced from the official tariffs
(``tariffs.price_quoted``) for the person who will receive it (age, ears, tooth, material)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..enums import Basket, CareKind, QuotedScenario, Territory
from ..parameters import ParametersOn
from ..reasons import Reason, reasons_dict
from ..results import money
from ..situation import PlannedCare, Situation
from .tariffs import Priced, QuotedPricing, price_quoted


@dataclass(frozen=True, slots=True)
class QuotedCareResult:
    care_index: int
    member: str
    kind: CareKind
    basket: Basket | None             # as declared
    quote: Decimal | None             # None: no quote yet
    pricing: QuotedPricing
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()

    @property
    def social_security(self) -> Decimal | None:
        return self.pricing.social_security

    def column(self, scenario: QuotedScenario) -> Priced | None:
        return self.pricing.column(scenario)

    def as_dict(self) -> dict:
        ss = self.pricing.social_security
        return {
            "care_index": self.care_index,
            "member": self.member,
            "kind": self.kind.value,
            "basket": self.basket.value if self.basket else None,
            "quote": money(self.quote),
            "social_security": money(ss),
            "rest_after_social_security": money(self.pricing.billed - ss) if self.pricing.priced else None,
            **self.pricing.as_dict(),
            **reasons_dict(self.reasons),
            "to_verify": list(self.to_verify),
        }


def quoted_care(situation: Situation, care: PlannedCare, index: int, p: ParametersOn) -> QuotedCareResult:
    age = situation.member(care.member).age_on(situation.request_date)
    pricing = price_quoted(
        p, care.kind, quote=care.quote, basket=care.basket, age=age, member=care.member, act=care.act,
        material=care.material, tooth=care.tooth, ears=care.ears, lenses=care.lenses.value if care.lenses else None,
    )
    notes = list(pricing.to_verify)
    if situation.residence.alsace_moselle:
        notes.append(f"{care.kind.label} de {care.member} : le régime local d'Alsace-Moselle rembourse davantage que le "
                     "taux national appliqué ici (non modélisé) ; le reste à payer réel est plus bas.")
    if situation.residence.territory is not Territory.METROPOLE:
        notes.append(f"{care.kind.label} de {care.member} : les prix limites et bases majorés des départements "
                     "d'outre-mer ne sont pas repris ; calcul fait avec les montants de métropole.")
    return QuotedCareResult(
        care_index=index,
        member=care.member,
        kind=care.kind,
        basket=care.basket,
        quote=care.quote,
        pricing=pricing,
        reasons=pricing.reasons,
        to_verify=tuple(notes),
    )
