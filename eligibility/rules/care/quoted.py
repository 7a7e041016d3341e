"""Dental prostheses, glasses and hearing aids, with or without a quote: the item priced from the official tariffs
(``tariffs.price_quoted``) for the person who will receive it (age, ears, tooth, material)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..contract import REASONS, Contract, contract, entry, money, text
from ..enums import Basket, CareKind, QuotedScenario, Territory
from ..parameters import ParametersOn
from ..reasons import Reason
from ..situation import PlannedCare, Situation
from ..wording import Label, say
from .tariffs import Priced, QuotedPricing, price_quoted


@contract(
    "care_index", "member", entry("kind", "pricing.kind"), entry("basket", "pricing.basket"),
    entry("quote", "pricing.quote"), entry("social_security", "pricing.social_security"),
    entry("rest_after_social_security", get=lambda r: money(r.pricing.billed - r.pricing.social_security)
          if r.pricing.priced else None, type=Decimal | None),
    entry("act", "pricing.act"), entry("units", "pricing.units"), entry("child", "pricing.child"),
    entry("billed", "pricing.billed"), entry("base", "pricing.base"), entry("rate", "pricing.rate", kind="float"),
    entry("price_limit", "pricing.price_limit"), entry("css_limit", "pricing.css_limit"),
    entry("responsible_cap", "pricing.responsible_cap"), entry("no_quote", "pricing.no_quote"),
    REASONS, text("to_verify"),
)
@dataclass(frozen=True, slots=True)
class QuotedCareResult(Contract):
    care_index: int
    member: str
    kind: CareKind
    basket: Basket | None             # as declared
    quote: Decimal | None             # None: no quote yet
    pricing: QuotedPricing
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()   # phrases of the catalogue, or a parameter's note; written with ``str()``

    @property
    def social_security(self) -> Decimal | None:
        return self.pricing.social_security

    def column(self, scenario: QuotedScenario) -> Priced | None:
        return self.pricing.column(scenario)


def quoted_care(situation: Situation, care: PlannedCare, index: int, p: ParametersOn) -> QuotedCareResult:
    age = situation.member(care.member).age_on(situation.request_date)
    pricing = price_quoted(
        p, care.kind, quote=care.quote, basket=care.basket, age=age, member=care.member, act=care.act,
        material=care.material, tooth=care.tooth, ears=care.ears, lenses=care.lenses.value if care.lenses else None,
    )
    notes = list(pricing.to_verify)
    if situation.residence.alsace_moselle:
        notes.append(say("care.quoted.verify.alsace_moselle", kind=Label(care.kind.label), member=care.member))
    if situation.residence.territory is not Territory.METROPOLE:
        notes.append(say("care.quoted.verify.overseas", kind=Label(care.kind.label), member=care.member))
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
