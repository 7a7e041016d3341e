"""Presumptions of entitlement (Code de la sécurité sociale, L861-1 and R861-11).

RSA recipients get the CSS without participation whatever their other resources. Recipients of the ASPA
(and, as the dated parameter ``css.presomptions`` says, of the ASI or the AAH) are presumed entitled to the
CSS with participation when nobody has worked in the months before the request. The situation does not say
who worked in those months: the presumption applies when no member is employee, self-employed or paid
trainee today, and the result says it must be checked.
"""

from __future__ import annotations

from ..enums import Activity, Benefit, CssStatus
from ..parameters import ParametersOn
from ..reasons import Reason
from ..situation import Situation
from .common import ARTICLE_DECISION, new_key_notes, reason, ref
from .household import Household

#: Activities that show someone is working today (the presumptions need nobody working).
WORKING_ACTIVITIES = frozenset({Activity.EMPLOYEE, Activity.SELF_EMPLOYED, Activity.TRAINEE_PAID})
#: Order of the presumptions when a household receives several allowances.
PRESUMPTION_ORDER = (Benefit.RSA, Benefit.ASPA, Benefit.ASI, Benefit.AAH)
BENEFIT_NAME = {
    Benefit.RSA: "le RSA", Benefit.ASPA: "l'ASPA (minimum vieillesse)", Benefit.ASI: "l'ASI", Benefit.AAH: "l'AAH",
}


def apply_presumptions(
    situation: Situation, h: Household, p: ParametersOn, status: CssStatus, reasons: list[Reason],
    to_verify: list[str],
) -> tuple[CssStatus, str | None]:
    """The status once the presumptions are applied, and the benefit that gave it (``None`` if none did)."""
    current_benefits = situation.current_benefits
    if not current_benefits:
        return status, None
    presumptions = p["css.presomptions"]
    working = any(m.activity in WORKING_ACTIVITIES for m in h.counted)
    for benefit in PRESUMPTION_ORDER:
        if benefit not in current_benefits:
            continue
        kind = presumptions.get(benefit)
        if not isinstance(kind, str):
            continue
        if benefit is Benefit.RSA:
            automatic = kind == "gratuite_automatique"
            reasons.append(reason(
                "css.presumption",
                "Vous recevez le RSA : la Complémentaire santé solidaire est sans participation pour votre foyer"
                + (", et elle vous est attribuée automatiquement sauf si vous la refusez." if automatic
                   else ", quelles que soient vos autres ressources ; il faut la demander."),
                ARTICLE_DECISION,
            ))
            return CssStatus.FREE, benefit.value
        if working:
            reasons.append(reason(
                "css.presumption_not_applied",
                f"Vous recevez {BENEFIT_NAME[benefit]}, mais une personne du foyer travaille : la présomption de droit "
                "ne s'applique pas, vos ressources décident.",
                ref(p, "css.presomptions"),
            ))
            continue
        if kind == "participation_personne_seule" and h.size != 1:
            reasons.append(reason(
                "css.presumption_not_applied",
                f"Vous recevez {BENEFIT_NAME[benefit]}, mais la présomption de droit ne vaut que pour une personne qui vit "
                "seule : vos ressources décident.",
                ref(p, "css.presomptions"),
            ))
            continue
        if status is CssStatus.NOT_ELIGIBLE:
            status = CssStatus.WITH_PARTICIPATION
        reasons.append(reason(
            "css.presumption",
            f"Vous recevez {BENEFIT_NAME[benefit]} et personne ne travaille dans le foyer : vous êtes présumé(e) avoir "
            "droit à la CSS avec participation ; si vos ressources sont sous le plafond sans participation, "
            "elle est sans participation.",
            ref(p, "css.presomptions"),
        ))
        note = new_key_notes(p, "css.presomptions").get(benefit)
        if note:
            to_verify.append(note)
        months = presumptions.get("mois_sans_activite")
        to_verify.append(
            f"La présomption de droit suppose que personne dans le foyer n'a travaillé au cours des "
            f"{None if months is None else int(months)} mois précédant la demande : la simulation ne le sait pas, "
            "la caisse le vérifiera."
        )
        return status, benefit.value
    return status, None
