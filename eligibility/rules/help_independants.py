"""The "Help" scheme for self-employed workers in difficulty (Urssaf, Caf, Assurance retraite, Assurance Maladie).

One online questionnaire on urssaf.fr is shared by the four networks; the local body competent for each
difficulty studies the case and decides the actions. Relevant when a member of the household is self-employed
and a self-employed difficulty is declared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .checklist import ChecklistItem, Phase, member_label, resource_ids
from .contract import REASONS, Contract, contract, text
from .enums import SELF_EMPLOYED_DIFFICULTIES, Activity, Difficulty, ResourceType, Territory
from .parameters import ParametersOn
from .reasons import Reason
from .situation import Situation
from .sources import reason_from
from .wording import Joined, Label, Lower, Phrase, say

HELP_URL = "https://www.urssaf.fr/help"
HELP_SOURCE = "Urssaf, dispositif Help (questionnaire commun Urssaf, Caf, Assurance retraite, Assurance Maladie)"

URSSAF, CAF, RETRAITE, CPAM = "urssaf", "caf", "assurance_retraite", "cpam"

#: What each body can do, per difficulty (legal-rules §8).
ACTIONS: dict[Difficulty, dict[str, tuple[str, ...]]] = {
    Difficulty.SELF_EMPLOYED_CONTRIBUTIONS_UNPAID: {
        URSSAF: (
            "Délais de paiement (échéancier) pour les cotisations dues",
            "Aide de l'action sociale du CPSTI aux cotisants en difficulté : prise en charge de tout ou partie des cotisations",
        ),
    },
    Difficulty.SELF_EMPLOYED_FINANCIAL_HARDSHIP: {
        URSSAF: (
            "Ajustement des cotisations provisionnelles à vos revenus réels",
            "Aide financière exceptionnelle de l'action sociale du CPSTI",
        ),
        CAF: ("Réexamen de vos droits (RSA, prime d'activité, aides au logement, prestations familiales)",),
        CPAM: ("Étude de vos droits à la Complémentaire santé solidaire",),
    },
    Difficulty.SELF_EMPLOYED_HEALTH_PROBLEM: {
        CPAM: (
            "Accès aux soins : Complémentaire santé solidaire et aides financières individuelles de la CPAM",
            "Indemnités journalières en cas d'arrêt de travail",
        ),
        URSSAF: ("Délais de paiement ou aide du CPSTI si la maladie empêche de payer les cotisations",),
    },
    Difficulty.SELF_EMPLOYED_FAMILY_OR_SOCIAL_PROBLEM: {
        CAF: ("Réexamen de vos droits aux prestations familiales et sociales, accompagnement social",),
        RETRAITE: ("Étude de vos droits à la retraite et des démarches à faire",),
        CPAM: ("Accès aux soins : Complémentaire santé solidaire et aides de la CPAM",),
    },
}
BODY_ORDER = (URSSAF, CAF, RETRAITE, CPAM)


@contract("key", text("name"), "difficulties", text("actions"))
@dataclass(frozen=True, slots=True)
class HelpBody(Contract):
    key: str
    name: str
    difficulties: tuple[Difficulty, ...]
    actions: tuple[str, ...]


@contract("relevant", "difficulties", "bodies", text("steps"), REASONS, text("to_verify"), schema="HelpOut")
@dataclass(frozen=True, slots=True)
class HelpResult(Contract):
    relevant: bool
    difficulties: tuple[Difficulty, ...]
    bodies: tuple[HelpBody, ...]
    steps: tuple[str, ...]   # phrases of the wording catalogue, written with ``str()``
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()


def retirement_body_name(situation: Situation, p: ParametersOn) -> str:
    if situation.residence.territory is not Territory.METROPOLE:
        return "Assurance retraite (caisse générale de sécurité sociale de votre département)"
    department = situation.residence.department
    if department is None:
        return "Assurance retraite (Carsat de votre région, Cramif en Île-de-France)"
    if department in p["demarches.help_departements_cramif"]:
        return "Assurance retraite (Cramif, Île-de-France)"
    return "Assurance retraite (Carsat de votre région)"


def _names(situation: Situation, p: ParametersOn) -> dict[str, str]:
    return {
        URSSAF: "Urssaf",
        CAF: "Caf",
        RETRAITE: retirement_body_name(situation, p),
        CPAM: "Assurance Maladie (CPAM)",
    }


def _reason(code: str, wording: Phrase | None = None, /, **params) -> Reason:
    """A reason citing the Help scheme, said by ``wording`` (else by the template ``code``)."""
    return Reason(code, wording if wording is not None else say(code, **params), HELP_SOURCE, HELP_URL)


def assess_help(situation: Situation, p: ParametersOn) -> HelpResult:
    declared = tuple(d for d in Difficulty if d in situation.difficulties and d in SELF_EMPLOYED_DIFFICULTIES)
    self_employed = situation.has_self_employed
    if not self_employed:
        to_verify: tuple[str, ...] = ()
        if declared:
            to_verify = ("Difficultés d'indépendant déclarées sans activité ni revenu d'indépendant dans le foyer.",)
        text = say("help.not_self_employed", check=say("help.not_self_employed.check") if declared else "")
        return HelpResult(False, declared, (), (), (_reason("help.not_self_employed", text),), to_verify)
    if not declared:
        return HelpResult(False, (), (), (), (_reason("help.no_difficulty"),))

    names = _names(situation, p)
    bodies = []
    for key in BODY_ORDER:
        concerned = tuple(d for d in declared if key in ACTIONS[d])
        if not concerned:
            continue
        actions: list[str] = []
        for d in concerned:
            actions.extend(a for a in ACTIONS[d][key] if a not in actions)
        bodies.append(HelpBody(key, names[key], concerned, tuple(actions)))
    reasons = [
        _reason("help.relevant", difficulties=Joined([Lower(Label(d.label)) for d in declared], " ; ")),
        _reason("help.bodies", bodies=Joined([b.name for b in bodies])),
    ]
    if Difficulty.SELF_EMPLOYED_HEALTH_PROBLEM in declared or Difficulty.SELF_EMPLOYED_FINANCIAL_HARDSHIP in declared:
        reasons.append(reason_from(p, "aides.cpam_plafond_ratio_defaut", "help.cpam"))
    return HelpResult(True, declared, tuple(bodies), _STEPS, tuple(reasons))


_STEPS = (say("help.step.questionnaire"), say("help.step.study"), say("help.step.informed"))


# --------------------------------------------------------------------------- in the checklist and the registry


def checklist_item(situation: Situation, help_result: HelpResult) -> ChecklistItem | None:
    if not help_result.relevant:
        return None
    self_employed = [m for m in situation.members if m.activity is Activity.SELF_EMPLOYED] or [
        situation.member(i) for i in resource_ids(situation, {ResourceType.SELF_EMPLOYMENT})
    ]
    documents = []
    for member in self_employed:
        documents.append(say("checklist.help.documents.siret", member=member_label(member)))
        documents.append(say("checklist.documents.tax_notice_self_employed", member=member_label(member), joint=""))
    if Difficulty.SELF_EMPLOYED_CONTRIBUTIONS_UNPAID in help_result.difficulties:
        documents.append(say("checklist.help.documents.contributions"))
    if Difficulty.SELF_EMPLOYED_HEALTH_PROBLEM in help_result.difficulties:
        documents.append(say("checklist.help.documents.sick_leave"))
    return ChecklistItem(
        key="help_questionnaire",
        organism=say("checklist.help.organism"),
        procedure=say("checklist.help.procedure"),
        how=say("checklist.help.how", url=HELP_URL),
        documents=tuple(documents),
        deadline=say("checklist.help.deadline"),
        help=say("checklist.help.help"),
        appeal=None,
        reasons=help_result.reasons[:1],
    )


class HelpAid:
    """The Help scheme, as a member of the registry (``aids.AIDS``)."""

    key = "help_independants"
    partial = "results/_aids.html"

    def assess(self, situation: Situation, p: ParametersOn, results: Mapping[str, Any],
               settings: Mapping[str, Any]) -> HelpResult:
        return assess_help(situation, p)

    outputs = {"help_independants": HelpResult}

    def contract(self, result: HelpResult) -> dict[str, Any]:
        return {"help_independants": result}

    def checklist(self, situation: Situation, p: ParametersOn,
                  results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        item = checklist_item(situation, results[self.key])
        return [(Phase.REQUEST, item)] if item is not None else []


HELP = HelpAid()
