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

from .checklist import HELP_GENERAL, ChecklistItem, Phase, adults, figures_item, members_label
from .contract import REASONS, Contract, contract, entry, label, text
from .enums import AidAssessment, Difficulty, LocalContactKind
from .parameters import ParametersOn
from .reasons import Reason, euros
from .situation import Situation
from .sources import parameter_to_verify, reason_from
from .wording import Eur, Joined, say

TERMS = "aides_locales.conditions_departements"
#: Difficulties a local aid may answer even without planned care.
LOCAL_DIFFICULTIES = frozenset({Difficulty.CARE_COSTS_NOT_COVERED, Difficulty.COMPLEMENTARY_PREMIUM_TOO_HIGH})


@contract("kind", label("label", "kind"), text("organism"), text("how"))
@dataclass(frozen=True, slots=True)
class LocalContact(Contract):
    kind: LocalContactKind
    organism: str   # a phrase of the catalogue, or the body named by the département's terms (data)
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


CCAS = LocalContact(LocalContactKind.CCAS, say("local_aid.ccas"), say("local_aid.ccas.how"))


def _department_contact(department: str | None) -> LocalContact:
    return LocalContact(
        LocalContactKind.DEPARTEMENT,
        say("local_aid.department_service",
            department=say("checklist.in_department", department=department) if department else ""),
        say("local_aid.department_service.how"),
    )


#: The results without local terms already made, by relevance, department and dated value of the terms.
_MADE: dict[tuple, LocalAidResult] = {}


def _without_terms(relevant: bool, department: str | None, terms, p: ParametersOn) -> LocalAidResult:
    if not relevant:
        return LocalAidResult(False, department, terms is not None, None, None, (), (
            reason_from(p, TERMS, "local_aid.not_needed"),))
    where = (say("local_aid.the_department", department=department) if department
             else say("local_aid.your_department"))
    return LocalAidResult(True, department, False, None, None, (CCAS, _department_contact(department)), (
        reason_from(p, TERMS, "local_aid.ask_locally", where=where),))


def assess_local_aid(situation: Situation, p: ParametersOn, css, care_left_to_pay: Decimal) -> LocalAidResult:
    """``css`` is the CSS result (resources and household coefficient); ``care_left_to_pay`` the CPAM aid's figure."""
    department = situation.residence.department
    terms = p[TERMS].get(department) if department else None
    relevant = care_left_to_pay > 0 or bool(situation.difficulties & LOCAL_DIFFICULTIES)
    if not relevant or terms is None:
        # Reads the department and the dated value of the terms only: made once per such pair, and shared.
        key = (relevant, department, p.value_key(TERMS))
        found = _MADE.get(key)
        if found is None:
            if len(_MADE) >= 4096:
                _MADE.clear()
            found = _MADE[key] = _without_terms(relevant, department, terms, p)
        return found
    contact = LocalContact(LocalContactKind.DEPARTEMENT, str(terms["organisme"]), str(terms["contact"]))
    to_verify = [t for t in (parameter_to_verify(p, TERMS),) if t]
    reasons = [reason_from(p, TERMS, "local_aid.terms", name=terms["nom"], department=department)]
    ceiling = None
    assessment = AidAssessment.POSSIBLE
    one_person = terms.get("plafond_annuel_une_personne")
    if one_person is not None:
        ceiling = euros(Decimal(one_person) * css.coefficient)
        under = css.resources <= ceiling
        assessment = AidAssessment.LIKELY if under else AidAssessment.UNLIKELY
        reasons.append(reason_from(
            p, TERMS, "local_aid.ceiling",
            say("local_aid.ceiling.under" if under else "local_aid.ceiling.over", resources=Eur(css.resources),
                ceiling=Eur(ceiling), one_person=Eur(Decimal(one_person))),
        ))
        to_verify.append(say("local_aid.to_verify.counted_as_css", name=terms["nom"]))
    return LocalAidResult(True, department, True, assessment, ceiling, (contact, CCAS), tuple(reasons),
                          tuple(to_verify))


# --------------------------------------------------------------------------- in the checklist and the registry


def checklist_item(situation: Situation, result: LocalAidResult, *, texts: bool = True) -> ChecklistItem | None:
    """The request to the département or the CCAS when the aid is relevant; ``texts=False``: its key and
    reasons only (``checklist.figures_item``)."""
    if not result.relevant:
        return None
    if not texts:
        return figures_item("local_aid_request", result.reasons[:1])
    first = result.contacts[0]
    return ChecklistItem(
        key="local_aid_request",
        organism=Joined([c.organism for c in result.contacts], " ; "),
        procedure=_PROCEDURE,
        how=first.how,
        documents=(
            say("checklist.documents.household_resources", members=members_label(adults(situation))),
            _QUOTES,
            _BANK_DETAILS,
        ),
        deadline=_DEADLINE,
        help=HELP_GENERAL,
        appeal=None,
        reasons=result.reasons[:1],
    )


_PROCEDURE, _QUOTES = say("checklist.local_aid.procedure"), say("checklist.local_aid.documents.quotes")
_BANK_DETAILS, _DEADLINE = say("checklist.documents.bank_details"), say("checklist.local_aid.deadline")


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

    def checklist_figures(self, situation: Situation, p: ParametersOn,
                          results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        item = checklist_item(situation, results[self.key], texts=False)
        return [(Phase.REQUEST, item)] if item is not None else []


LOCAL_HEALTH_AID = LocalHealthAid()
