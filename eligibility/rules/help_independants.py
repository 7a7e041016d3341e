"""The "Help" scheme for self-employed workers in difficulty (Urssaf, Caf, Assurance retraite, Assurance Maladie).

One online questionnaire on urssaf.fr is shared by the four networks; the local body competent for each
difficulty studies the case and decides the actions. Relevant when a member of the household is self-employed
and a self-employed difficulty is declared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .checklist import ChecklistItem, Phase, figures_item, member_label, resource_ids
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

#: What each body can do, per difficulty (legal-rules §8): phrases of the catalogue (``help.action.*``).
ACTIONS: dict[Difficulty, dict[str, tuple[Phrase, ...]]] = {
    Difficulty.SELF_EMPLOYED_CONTRIBUTIONS_UNPAID: {
        URSSAF: (say("help.action.payment_plan"), say("help.action.cpsti_contributions")),
    },
    Difficulty.SELF_EMPLOYED_FINANCIAL_HARDSHIP: {
        URSSAF: (say("help.action.adjust_contributions"), say("help.action.cpsti_exceptional")),
        CAF: (say("help.action.caf_review"),),
        CPAM: (say("help.action.css_review"),),
    },
    Difficulty.SELF_EMPLOYED_HEALTH_PROBLEM: {
        CPAM: (say("help.action.care_access"), say("help.action.daily_allowance")),
        URSSAF: (say("help.action.payment_plan_illness"),),
    },
    Difficulty.SELF_EMPLOYED_FAMILY_OR_SOCIAL_PROBLEM: {
        CAF: (say("help.action.caf_social"),),
        RETRAITE: (say("help.action.retirement"),),
        CPAM: (say("help.action.care_access_short"),),
    },
}
BODY_ORDER = (URSSAF, CAF, RETRAITE, CPAM)


@contract("key", text("name"), "difficulties", text("actions"))
@dataclass(frozen=True, slots=True)
class HelpBody(Contract):
    key: str
    name: str   # phrases of the catalogue (``help.body.*``, ``help.action.*``), written with ``str()``
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


def retirement_body_name(situation: Situation, p: ParametersOn) -> Phrase:
    """The pension fund of the household: a CGSS overseas, the Cramif in Île-de-France, else the regional Carsat."""
    if situation.residence.territory is not Territory.METROPOLE:
        return _RETIREMENT_OVERSEAS
    department = situation.residence.department
    if department is None:
        return _RETIREMENT_UNKNOWN
    if department in p["demarches.help_departements_cramif"]:
        return _RETIREMENT_CRAMIF
    return _RETIREMENT_CARSAT


_RETIREMENT_OVERSEAS, _RETIREMENT_UNKNOWN = say("help.body.retirement.overseas"), say("help.body.retirement.unknown")
_RETIREMENT_CRAMIF, _RETIREMENT_CARSAT = say("help.body.retirement.cramif"), say("help.body.retirement.carsat")
_URSSAF, _CAF, _CPAM = say("help.body.urssaf"), say("help.body.caf"), say("help.body.cpam")


def _reason(code: str, wording: Phrase | None = None, /, **params) -> Reason:
    """A reason citing the Help scheme, said by ``wording`` (else by the template ``code``)."""
    return Reason(code, wording if wording is not None else say(code, **params), HELP_SOURCE, HELP_URL)


def assess_help(situation: Situation, p: ParametersOn) -> HelpResult:
    """The result reads only the declared difficulties, whether someone is self-employed and, when the scheme is
    relevant, the pension fund of the household and the reference of ``aides.cpam_plafond_ratio_defaut`` in force
    (its dated value): made once per such combination, and shared (it is immutable)."""
    difficulties = situation.difficulties
    declared = tuple(d for d in _SELF_EMPLOYED_ORDER if d in difficulties) if difficulties else ()
    self_employed = situation.has_self_employed
    if self_employed and declared:
        key = (declared, self_employed, retirement_body_name(situation, p), p.value_key("aides.cpam_plafond_ratio_defaut"))
    else:
        key = (declared, self_employed, None, None)
    found = _MADE.get(key)
    if found is None:
        if len(_MADE) >= 4096:
            _MADE.clear()
        found = _MADE[key] = _assess_help(declared, self_employed, key[2], p)
    return found


#: The self-employed difficulties in the order of ``Difficulty``.
_SELF_EMPLOYED_ORDER = tuple(d for d in Difficulty if d in SELF_EMPLOYED_DIFFICULTIES)
#: The results already made, by what they read (``assess_help``).
_MADE: dict[tuple, HelpResult] = {}


def _assess_help(declared: tuple[Difficulty, ...], self_employed: bool, retirement: Phrase | None,
                 p: ParametersOn) -> HelpResult:
    if not self_employed:
        to_verify: tuple[Phrase, ...] = ()
        if declared:
            to_verify = (say("help.to_verify.no_self_employment"),)
        text = say("help.not_self_employed", check=say("help.not_self_employed.check") if declared else "")
        return HelpResult(False, declared, (), (), (_reason("help.not_self_employed", text),), to_verify)
    if not declared:
        return HelpResult(False, (), (), (), (_reason("help.no_difficulty"),))

    names = {URSSAF: _URSSAF, CAF: _CAF, RETRAITE: retirement, CPAM: _CPAM}
    bodies = []
    for key in BODY_ORDER:
        concerned = tuple(d for d in declared if key in ACTIONS[d])
        if not concerned:
            continue
        actions: list[Phrase] = []
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


def checklist_item(situation: Situation, help_result: HelpResult, *, texts: bool = True) -> ChecklistItem | None:
    """The Help questionnaire when the scheme is relevant; ``texts=False``: its key and reasons only
    (``checklist.figures_item``)."""
    if not help_result.relevant:
        return None
    if not texts:
        return figures_item("help_questionnaire", help_result.reasons[:1])
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

    def checklist_figures(self, situation: Situation, p: ParametersOn,
                          results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        item = checklist_item(situation, results[self.key], texts=False)
        return [(Phase.REQUEST, item)] if item is not None else []


HELP = HelpAid()
