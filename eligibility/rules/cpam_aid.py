"""CPAM action sanitaire et sociale: the discretionary individual financial aid (aides financières individuelles).

There is no national ceiling: each CPAM's commission decides under its own rules and budget (arrêté of
26 October 1995). The ceiling therefore comes from a ``CpamAidSettings`` (stored per CPAM by the web layer),
or, without one, from an indicative default in the parameters, clearly labelled as an assumption.

``assess_cpam_aid`` says whether an aid is likely, possible or unlikely, and which aid categories match the
household's needs. It never promises anything: the aid is optional and a refusal cannot be contested.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .care import holds_css
from .checklist import HELP_GENERAL, ChecklistItem, Phase, Text, adults, figures_item, members_label
from .contract import REASONS, Contract, contract, label, text
from .enums import (
    QUOTED_CARE_KINDS,
    AidAssessment,
    AidCategory,
    CareKind,
    Complementary,
    Difficulty,
    Sector,
)
from .out_of_pocket import QUOTE_BASKETS, OutOfPocket
from .parameters import ParametersOn
from .reasons import Reason, euros, format_number
from .results import CssResult
from .situation import Situation
from .sources import reason_from
from .wording import Eur, Label, Lower, Phrase, say

ZERO = Decimal("0")
DEFAULT_PARAMETER = "aides.cpam_plafond_ratio_defaut"


@dataclass(frozen=True, slots=True)
class CpamAidSettings:
    """The ceiling a CPAM applies to its individual financial aid.

    Exactly one of ``annual_ceiling_one_person`` (euros per year for one person, scaled to the household
    like the CSS ceiling) and ``ratio_to_css_participation_ceiling`` (applied to the household's
    with-participation CSS ceiling) must be set.
    """

    label: str   # the CPAM's name (data, "CPAM de Seine-Saint-Denis"), or a phrase of the catalogue
    department: str | None = None
    annual_ceiling_one_person: Decimal | None = None
    ratio_to_css_participation_ceiling: Decimal | None = None
    notes: str = ""
    is_default: bool = False

    def __post_init__(self) -> None:
        if (self.annual_ceiling_one_person is None) == (self.ratio_to_css_participation_ceiling is None):
            raise ValueError(
                "CpamAidSettings : indiquer soit un plafond annuel pour une personne, soit un rapport au plafond "
                "de la CSS avec participation (exactement l'un des deux)."
            )
        for value in (self.annual_ceiling_one_person, self.ratio_to_css_participation_ceiling):
            if value is not None and value <= 0:
                raise ValueError("CpamAidSettings : le plafond doit être positif.")

    def household_ceiling(self, css: CssResult) -> Decimal:
        if self.ratio_to_css_participation_ceiling is not None:
            return euros(self.ratio_to_css_participation_ceiling * css.ceiling_with_participation)
        return euros(self.annual_ceiling_one_person * css.coefficient)  # type: ignore[operator]

    def basis(self) -> Phrase:
        """How the ceiling is set, as the result says it (``ceiling_basis``)."""
        if self.ratio_to_css_participation_ceiling is not None:
            ratio = self.ratio_to_css_participation_ceiling
            if ratio == 1:
                return say("cpam.ceiling.basis.css_participation")
            return say("cpam.ceiling.basis.ratio", ratio=format_number(ratio))
        return say("cpam.ceiling.basis.one_person", ceiling=Eur(self.annual_ceiling_one_person))


def default_cpam_settings(p: ParametersOn) -> CpamAidSettings:
    """The indicative default: there is no national figure (see the parameter's ``to_verify``)."""
    entry = p.entry(DEFAULT_PARAMETER)
    return CpamAidSettings(
        label=say("cpam.ceiling.label.default"),
        ratio_to_css_participation_ceiling=entry.value,
        notes=entry.to_verify or p.parameter_set[DEFAULT_PARAMETER].description,
        is_default=True,
    )


@contract("category", label("label", "category"), text("reason"), "covered_by_css")
@dataclass(frozen=True, slots=True)
class NeedMatch(Contract):
    category: AidCategory
    reason: str   # a phrase of the wording catalogue, written with ``str()``
    covered_by_css: bool = False   # the CSS the household can ask for would answer this need


@contract(
    "assessment", label("assessment_label", "assessment"), "ceiling", text("ceiling_label"), text("ceiling_basis"),
    "ceiling_is_default", "ceiling_department", "resources", "under_ceiling", "css_first", "care_left_to_pay", "needs",
    text("quotes_needed"), REASONS, text("to_verify"),
    schema="CpamAidOut",
)
@dataclass(frozen=True, slots=True)
class CpamAidResult(Contract):
    assessment: AidAssessment
    ceiling: Decimal
    ceiling_label: str
    ceiling_basis: str
    ceiling_is_default: bool
    ceiling_department: str | None
    resources: Decimal
    css_first: bool
    care_left_to_pay: Decimal
    needs: tuple[NeedMatch, ...]
    quotes_needed: tuple[str, ...]   # phrases of the wording catalogue
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...] = ()

    @property
    def under_ceiling(self) -> bool:
        return self.resources <= self.ceiling


_DIFFICULTY_CATEGORIES = {
    Difficulty.INCOME_DROP_DUE_TO_HEALTH: AidCategory.INCOME_DROP,
    Difficulty.HOME_HELP_AFTER_HOSPITAL: AidCategory.HOME_HELP,
    Difficulty.END_OF_LIFE_CARE: AidCategory.HOME_HELP,
    Difficulty.JOB_RETENTION: AidCategory.JOB_RETENTION,
    Difficulty.HOUSING_ADAPTATION: AidCategory.HOME_ADAPTATION,
}


_CARE_LEFT = {
    (True, False): "cpam.need.care_left.at_most", (False, False): "cpam.need.care_left.about",
    (True, True): "cpam.need.care_left.at_most.with_css", (False, True): "cpam.need.care_left.about.with_css",
}


def quotes_needed(situation: Situation) -> tuple[Phrase, ...]:
    """The quotes a CPAM aid request needs, per planned care item (a quote, never an invoice)."""
    quotes = []
    for care in situation.planned_care:
        if care.kind in QUOTED_CARE_KINDS:
            basket = say("checklist.basket", basket=QUOTE_BASKETS[care.basket]) if care.basket else ""
            quotes.append(say("checklist.cpam_aid.documents.two_quotes", kind=Lower(Label(care.kind.label)),
                              basket=basket, member=care.member))
        elif care.kind is CareKind.HOSPITALISATION:
            quotes.append(say("checklist.cpam_aid.documents.hospital_quote", member=care.member))
        elif care.kind is CareKind.CONSULTATION and care.sector not in (None, Sector.SECTOR_1):
            quotes.append(say("checklist.cpam_aid.documents.doctor_quote", member=care.member))
    return tuple(quotes)


def assess_cpam_aid(
    situation: Situation,
    p: ParametersOn,
    css: CssResult,
    out_of_pocket: OutOfPocket,
    settings: CpamAidSettings | None = None,
) -> CpamAidResult:
    fixed = p.derived(_fixed)
    if settings is None:
        settings, basis = fixed.default_settings, fixed.default_basis
    else:
        basis = settings.basis()
    ceiling = settings.household_ceiling(css)
    resources = css.resources
    holder = holds_css(situation)
    css_first = css.eligible and not holder
    to_verify: list[Phrase] = []
    reasons: list[Reason] = []

    # ---- the ceiling
    if settings.is_default:
        reasons.append(reason_from(
            p, DEFAULT_PARAMETER, "cpam.ceiling.default", ceiling=Eur(ceiling), basis=basis,
        ))
        to_verify.append(_ASK_CEILING)
    else:
        reasons.append(reason_from(
            p, DEFAULT_PARAMETER, "cpam.ceiling.local", ceiling=Eur(ceiling), label=settings.label,
            basis=basis, notes=f" {settings.notes}" if settings.notes else "",
        ))
        if settings.department and situation.residence.department and settings.department != situation.residence.department:
            to_verify.append(say("cpam.to_verify.other_department", ceiling_department=settings.department,
                                 department=situation.residence.department))
    to_verify.append(_VERIFY_RESOURCES)

    # ---- needs
    needs: list[NeedMatch] = []
    current_left = out_of_pocket.total_current
    css_left = out_of_pocket.total_with_css
    care_left = css_left if (css_first and css_left is not None) else current_left
    if situation.planned_care and current_left > 0:
        if care_left > 0:
            upper = out_of_pocket.with_css_upper_bound if css_first else out_of_pocket.current_upper_bound
            needs.append(NeedMatch(
                AidCategory.CARE_COSTS,
                say(_CARE_LEFT[upper, css_first], left=Eur(care_left)),
            ))
        else:
            needs.append(NeedMatch(
                AidCategory.CARE_COSTS, say("cpam.need.care_left.css_covers", left=Eur(current_left)),
                covered_by_css=True,
            ))
    if Difficulty.CARE_COSTS_NOT_COVERED in situation.difficulties and not any(
        n.category is AidCategory.CARE_COSTS for n in needs
    ):
        needs.append(NeedMatch(AidCategory.CARE_COSTS, _COSTLY_CARE))
    if Difficulty.COMPLEMENTARY_PREMIUM_TOO_HIGH in situation.difficulties or (
        situation.complementary is Complementary.NONE
    ):
        if css_first:
            needs.append(NeedMatch(
                AidCategory.COMPLEMENTARY_PREMIUM, _PREMIUM_CSS_FIRST, covered_by_css=True,
            ))
        elif Difficulty.COMPLEMENTARY_PREMIUM_TOO_HIGH in situation.difficulties:
            needs.append(NeedMatch(AidCategory.COMPLEMENTARY_PREMIUM, _PREMIUM_TOO_HIGH))
        elif not holder:
            needs.append(NeedMatch(AidCategory.COMPLEMENTARY_PREMIUM, _PREMIUM_NONE))
    if situation.difficulties:
        for difficulty, category in _DIFFICULTY_CATEGORIES.items():
            if difficulty in situation.difficulties and not any(n.category is category for n in needs):
                needs.append(NeedMatch(category, _DIFFICULTY_NEEDS[difficulty]))
    if len(needs) > 1:
        needs.sort(key=lambda n: _CATEGORY_ORDER[n.category])
    remaining = [n for n in needs if not n.covered_by_css]

    # ---- assessment
    ref = DEFAULT_PARAMETER
    if not needs:
        assessment = AidAssessment.UNLIKELY
        reasons.append(fixed.no_need)
    elif resources > ceiling:
        assessment = AidAssessment.UNLIKELY
        reasons.append(reason_from(
            p, ref, "cpam.over_ceiling", resources=Eur(resources), ceiling=Eur(ceiling), excess=Eur(resources - ceiling),
        ))
    elif not remaining:
        assessment = AidAssessment.UNLIKELY
        reasons.append(fixed.css_covers)
    elif css_first:
        assessment = AidAssessment.POSSIBLE
        reasons.append(reason_from(p, ref, "cpam.css_first", resources=Eur(resources), ceiling=Eur(ceiling)))
    else:
        assessment = AidAssessment.LIKELY
        reasons.append(reason_from(p, ref, "cpam.likely", resources=Eur(resources), ceiling=Eur(ceiling)))
    for need in remaining:
        reasons.append(Reason(f"cpam.need.{need.category.value}",
                              say("cpam.need", category=Label(need.category.label), need=need.reason)))

    # ---- always said
    quotes = quotes_needed(situation)
    reasons.append(fixed.discretionary)
    reasons.append(fixed.quotes)
    return CpamAidResult(
        assessment=assessment,
        ceiling=ceiling,
        ceiling_label=settings.label,
        ceiling_basis=basis,
        ceiling_is_default=settings.is_default,
        ceiling_department=settings.department,
        resources=resources,
        css_first=css_first,
        care_left_to_pay=care_left,
        needs=tuple(needs),
        quotes_needed=quotes,
        reasons=tuple(reasons),
        to_verify=tuple(to_verify),
    )


_ASK_CEILING, _VERIFY_RESOURCES = say("cpam.to_verify.ask_ceiling"), say("cpam.to_verify.resources")
_COSTLY_CARE = say("cpam.need.costly_care")
_PREMIUM_CSS_FIRST, _PREMIUM_TOO_HIGH = say("cpam.need.premium.css_first"), say("cpam.need.premium.too_high")
_PREMIUM_NONE = say("cpam.need.premium.none")
_DIFFICULTY_NEEDS = {difficulty: say("cpam.need.difficulty", difficulty=Lower(Label(difficulty.label)))
                     for difficulty in _DIFFICULTY_CATEGORIES}
_CATEGORY_ORDER = {category: index for index, category in enumerate(AidCategory)}


@dataclass(frozen=True, slots=True)
class _Fixed:
    """What every assessment on one date says the same way (``p.derived``): the default settings and their basis,
    and the reasons that cite the default parameter without a value of the household."""

    default_settings: CpamAidSettings
    default_basis: Phrase
    no_need: Reason
    css_covers: Reason
    discretionary: Reason
    quotes: Reason


def _fixed(p: ParametersOn) -> _Fixed:
    settings = default_cpam_settings(p)
    return _Fixed(settings, settings.basis(), reason_from(p, DEFAULT_PARAMETER, "cpam.no_need"),
                  reason_from(p, DEFAULT_PARAMETER, "cpam.css_covers"),
                  reason_from(p, DEFAULT_PARAMETER, "cpam.discretionary"), reason_from(p, DEFAULT_PARAMETER, "cpam.quotes"))


# --------------------------------------------------------------------------- in the checklist and the registry


def checklist_item(situation: Situation, cpam: CpamAidResult, *, texts: bool = True) -> ChecklistItem | None:
    """The request to the CPAM, unless the aid is unlikely with nothing left to pay; ``texts=False``: its key
    and reasons only (``checklist.figures_item``)."""
    if cpam.assessment is AidAssessment.UNLIKELY and cpam.care_left_to_pay <= 0:
        return None
    assessment = Lower(Label(cpam.assessment.label))
    reasons = (Reason(
        "checklist.cpam_aid",
        say("checklist.cpam_aid.left", assessment=assessment, left=Eur(cpam.care_left_to_pay))
        if cpam.care_left_to_pay > 0 else say("checklist.cpam_aid", assessment=assessment),
    ),)
    if not texts:
        return figures_item("cpam_aid_request", reasons)
    documents: list[Text] = list(quotes_needed(situation))
    documents.append(say("checklist.documents.household_resources", members=members_label(adults(situation))))
    if cpam.css_first:
        documents.append(_CSS_DECISION)
    elif situation.complementary is Complementary.PRIVATE:
        documents.append(_GUARANTEES)
    if situation.difficulties & _HEALTH_DIFFICULTIES:
        documents.append(_SITUATION)
    documents.append(_BANK_DETAILS)
    return ChecklistItem(
        key="cpam_aid_request",
        organism=_organism(situation.residence.department),
        procedure=_PROCEDURE,
        how=_HOW[cpam.css_first],
        documents=tuple(documents),
        deadline=_DEADLINE,
        help=HELP_GENERAL,
        appeal=_APPEAL,
        reasons=reasons,
    )


_CSS_DECISION, _GUARANTEES = say("checklist.cpam_aid.documents.css_decision"), say("checklist.cpam_aid.documents.guarantees")
_SITUATION, _BANK_DETAILS = say("checklist.cpam_aid.documents.situation"), say("checklist.documents.bank_details")
_HEALTH_DIFFICULTIES = frozenset({
    Difficulty.INCOME_DROP_DUE_TO_HEALTH, Difficulty.HOME_HELP_AFTER_HOSPITAL, Difficulty.END_OF_LIFE_CARE,
    Difficulty.JOB_RETENTION, Difficulty.HOUSING_ADAPTATION,
})
_PROCEDURE, _DEADLINE, _APPEAL = (say("checklist.cpam_aid.procedure"), say("checklist.cpam_aid.deadline"),
                                  say("checklist.cpam_aid.appeal"))
_HOW = {True: say("checklist.cpam_aid.how", css_first=say("checklist.cpam_aid.css_first")),
        False: say("checklist.cpam_aid.how", css_first="")}


@lru_cache(maxsize=256)
def _organism(department: str | None) -> Phrase:
    return say("checklist.cpam_aid.organism",
               department=say("checklist.in_department", department=department) if department else "")


class CpamAid:
    """The CPAM's individual financial aid, as a member of the registry (``aids.AIDS``)."""

    key = "cpam_aid"
    partial = "results/_aids.html"

    def assess(self, situation: Situation, p: ParametersOn, results: Mapping[str, Any],
               settings: Mapping[str, Any]) -> CpamAidResult:
        return assess_cpam_aid(situation, p, results["css"], results["reste_a_charge"], settings.get(self.key))

    outputs = {"cpam_aid": CpamAidResult}

    def contract(self, result: CpamAidResult) -> dict[str, Any]:
        return {"cpam_aid": result}

    def checklist(self, situation: Situation, p: ParametersOn,
                  results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        item = checklist_item(situation, results[self.key])
        return [(Phase.REQUEST, item)] if item is not None else []

    def checklist_figures(self, situation: Situation, p: ParametersOn,
                          results: Mapping[str, Any]) -> Iterable[tuple[Phase, ChecklistItem]]:
        item = checklist_item(situation, results[self.key], texts=False)
        return [(Phase.REQUEST, item)] if item is not None else []


CPAM_AID = CpamAid()
