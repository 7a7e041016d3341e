"""Optional health aid of the département or of the commune (CCAS): the aides facultatives.

No national text sets their terms. Each département decides its own social action and writes it in its
règlement départemental d'aide sociale (Code de l'action sociale et des familles, L121-1 and L121-3); each
CCAS may grant aid of its own, repayable or not (L123-5), under rules its board sets. So the rule only says
something precise where the terms of a département are recorded, dated and sourced in
``aides_locales.conditions_departements``; everywhere else it says, honestly, whom to ask: the CCAS of the
commune (at the town hall) and the département's social service.

When terms are known and the département sets a resource ceiling for one person, the household's CSS
resources are compared with that ceiling times the CSS household coefficient: a département may count
resources and household otherwise, which the result says in ``to_verify``.

Relevant when something is left to pay for the planned care, or when the household reports costly care or a
complementary premium it cannot afford.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .checklist import HELP_GENERAL, ChecklistItem, Phase, adults, member_label
from .contract import REASONS, Contract, contract, entry, label, text
from .enums import AidAssessment, Difficulty, LocalContactKind
from .parameters import ParametersOn
from .reasons import Reason, euros, format_eur
from .situation import Situation
from .sources import parameter_to_verify, reason_from

TERMS = "aides_locales.conditions_departements"
#: Difficulties a local aid may answer even without planned care.
LOCAL_DIFFICULTIES = frozenset({Difficulty.CARE_COSTS_NOT_COVERED, Difficulty.COMPLEMENTARY_PREMIUM_TOO_HIGH})


@contract("kind", label("label", "kind"), text("organism"), text("how"))
@dataclass(frozen=True, slots=True)
class LocalContact(Contract):
    kind: LocalContactKind
    organism: str
    how: str


@contract(
    "relevant", "department",
    entry("terms_known", description="Conditions du département connues et sourcées (sinon : demander au CCAS et au département)"),
    "assessment", label("assessment_label", "assessment"), "ceiling", "contacts", REASONS, text("to_verify"),
    schema="LocalAidOut",
)
@dataclass(frozen=True, slots=True)
class LocalAidResult(Contract):
    relevant: bool
    department: str | None
    terms_known: bool
    assessment: AidAssessment | None      # only when the département's terms are known and relevant
    ceiling: Decimal | None               # household ceiling from the département's terms, when there is one
    contacts: tuple[LocalContact, ...]
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()


CCAS = LocalContact(
    LocalContactKind.CCAS,
    "CCAS (centre communal d'action sociale) de votre commune",
    "À la mairie ou au CCAS : demandez s'il existe une aide pour les frais de santé ou pour la cotisation d'une "
    "complémentaire, et ses conditions.",
)


def _department_contact(department: str | None) -> LocalContact:
    where = f" ({department})" if department else ""
    return LocalContact(
        LocalContactKind.DEPARTEMENT,
        f"Service social du conseil départemental{where}",
        "À la maison des solidarités ou au service social de votre secteur : demandez quelles aides le règlement "
        "départemental d'aide sociale prévoit pour les frais de santé.",
    )


def assess_local_aid(situation: Situation, p: ParametersOn, css, care_left_to_pay: Decimal) -> LocalAidResult:
    """``css`` is the CSS result (resources and household coefficient); ``care_left_to_pay`` the CPAM aid's figure."""
    department = situation.residence.department
    terms = p[TERMS].get(department) if department else None
    relevant = care_left_to_pay > 0 or bool(situation.difficulties & LOCAL_DIFFICULTIES)
    if not relevant:
        text = ("Rien ne reste à payer pour les soins indiqués : pas de demande d'aide locale à prévoir pour "
                "l'instant.")
        return LocalAidResult(False, department, terms is not None, None, None, (), (
            reason_from(p, TERMS, "local_aid.not_needed", text),))
    if terms is None:
        text = (
            "Les départements et les CCAS peuvent accorder des aides facultatives pour les frais de santé, selon leurs "
            "propres règles : aucune condition n'est connue ici pour "
            + (f"le département {department}" if department else "votre département")
            + ". Renseignez-vous auprès du CCAS de votre commune et du service social du département."
        )
        return LocalAidResult(True, department, False, None, None, (CCAS, _department_contact(department)), (
            reason_from(p, TERMS, "local_aid.ask_locally", text),))
    contact = LocalContact(LocalContactKind.DEPARTEMENT, str(terms["organisme"]), str(terms["contact"]))
    to_verify = [t for t in (parameter_to_verify(p, TERMS),) if t]
    reasons = [reason_from(
        p, TERMS, "local_aid.terms",
        f"{terms['nom']} ({department}) : aide facultative du département, accordée selon son règlement.",
    )]
    ceiling = None
    assessment = AidAssessment.POSSIBLE
    one_person = terms.get("plafond_annuel_une_personne")
    if one_person is not None:
        ceiling = euros(Decimal(one_person) * css.coefficient)
        under = css.resources <= ceiling
        assessment = AidAssessment.LIKELY if under else AidAssessment.UNLIKELY
        reasons.append(reason_from(
            p, TERMS, "local_aid.ceiling",
            f"Ressources du foyer ({format_eur(css.resources)}) {'sous' if under else 'au-dessus'} du plafond de "
            f"{format_eur(ceiling)} par an ({format_eur(Decimal(one_person))} pour une personne, multiplié comme "
            "le plafond de la CSS).",
        ))
        to_verify.append(
            f"{terms['nom']} : ressources et foyer comptés comme pour la CSS ; le département peut les compter "
            "autrement."
        )
    return LocalAidResult(True, department, True, assessment, ceiling, (contact, CCAS), tuple(reasons),
                          tuple(to_verify))


# --------------------------------------------------------------------------- in the checklist and the registry


def checklist_item(situation: Situation, result: LocalAidResult) -> ChecklistItem | None:
    if not result.relevant:
        return None
    first = result.contacts[0]
    return ChecklistItem(
        key="local_aid_request",
        organism=" ; ".join(c.organism for c in result.contacts),
        procedure="Demander une aide facultative pour les frais de santé (département ou CCAS)",
        how=first.how,
        documents=(
            "Justificatifs des ressources du foyer : derniers avis d'imposition de "
            + ", ".join(member_label(m) for m in adults(situation)),
            "Devis ou factures des soins, ou échéancier de la cotisation de complémentaire santé",
            "RIB (relevé d'identité bancaire)",
        ),
        deadline="Avant les soins si possible : chaque département ou CCAS fixe ses délais.",
        help=HELP_GENERAL,
        appeal=None,
        reasons=result.reasons[:1],
    )


class LocalHealthAid:
    """Département and CCAS optional aid, as a member of the registry (``aids.AIDS``)."""

    key = "local_health_aid"
    partial = "aids/local_health_aid.html"

    def assess(self, situation: Situation, p: ParametersOn, results: Mapping[str, Any],
               settings: Mapping[str, Any]) -> LocalAidResult:
        return assess_local_aid(situation, p, results["css"], results["cpam_aid"].care_left_to_pay)

    outputs = {"local_health_aid": LocalAidResult}

    def contract(self, result: LocalAidResult) -> dict[str, Any]:
        return {"local_health_aid": result}

    def checklist(self, situation: Situation, p: ParametersOn,
                  results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        item = checklist_item(situation, results[self.key])
        return [(Phase.REQUEST, item)] if item is not None else []


LOCAL_HEALTH_AID = LocalHealthAid()
