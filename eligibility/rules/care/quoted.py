"""Dental care, glasses and hearing aids on a quote: the 100 % Santé baskets and the indicative reimbursement."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..enums import Basket, CareKind
from ..parameters import ParametersOn
from ..reasons import Reason, cents, format_eur, reasons_dict
from ..results import money
from ..situation import PlannedCare, Situation
from ..sources import parameter_to_verify, reason_from
from .common import ZERO


@dataclass(frozen=True, slots=True)
class QuotedCareResult:
    care_index: int
    member: str
    kind: CareKind
    basket: Basket
    quote: Decimal
    social_security: Decimal          # indicative amount
    rest: Decimal                     # quote − indicative social security share
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "care_index": self.care_index,
            "member": self.member,
            "kind": self.kind.value,
            "basket": self.basket.value,
            "quote": money(self.quote),
            "social_security_indicative": money(self.social_security),
            "rest_after_social_security": money(self.rest),
            **reasons_dict(self.reasons),
            "to_verify": list(self.to_verify),
        }


def quoted_care(situation: Situation, care: PlannedCare, index: int, p: ParametersOn) -> QuotedCareResult:
    basket = care.basket or Basket.OTHER
    quote = care.quote or ZERO
    name = (
        "soins.part_secu_indicative_100_sante" if basket is Basket.CENT_POUR_CENT_SANTE
        else "soins.part_secu_indicative_hors_100_sante"
    )
    share = p[name][care.kind.value]
    social_security = min(cents(quote * share), quote)
    if basket is Basket.CENT_POUR_CENT_SANTE:
        text = (
            f"{care.kind.label} « 100 % Santé » : prix limité ; la Sécurité sociale en rembourse une partie (environ "
            f"{format_eur(social_security)} ici, ordre de grandeur à vérifier sur le devis) et une complémentaire "
            "« responsable » ou la CSS paie le reste : rien à payer avec l'une ou l'autre."
        )
    else:
        text = (
            f"{care.kind.label} hors « 100 % Santé » (tarif libre) : la Sécurité sociale n'en rembourse qu'une petite "
            "partie, calculée sur des bases de remboursement faibles ; elle n'est pas comptée ici (à vérifier sur le "
            "devis). Le reste dépend de la complémentaire."
        )
    reasons = (reason_from(p, name, f"care.quoted.{basket.value}", text),)
    to_verify = tuple(t for t in (parameter_to_verify(p, name),) if t)
    return QuotedCareResult(
        care_index=index,
        member=care.member,
        kind=care.kind,
        basket=basket,
        quote=quote,
        social_security=social_security,
        rest=quote - social_security,
        reasons=reasons,
        to_verify=to_verify,
    )
