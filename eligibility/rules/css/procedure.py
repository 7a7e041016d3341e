"""The CSS in the checklist: the request (or the renewal) with the documents this household needs, and how to
contest the decision (delays in ``eligibility/parameters/demarches``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..care import holds_css
from ..checklist import (
    AMELI_DEMARCHES,
    HELP_GENERAL,
    ChecklistItem,
    Text,
    _member_label,
    adults,
    figures_item,
)
from ..enums import Activity, Benefit, CssStatus, HousingStatus, ResourceType, Role
from ..parameters import ParametersOn
from ..reasons import Reason
from ..results import CssResult
from ..situation import Situation
from ..sources import reason_from
from ..wording import Eur, Joined, Phrase, say
from .period import period_months

RESOURCE_DOCUMENTS = (
    ({ResourceType.UNEMPLOYMENT_BENEFIT, ResourceType.ASS}, say("checklist.documents.unemployment")),
    ({ResourceType.DAILY_ALLOWANCE}, say("checklist.documents.daily_allowance")),
    ({ResourceType.PENSION, ResourceType.INVALIDITY_PENSION}, say("checklist.documents.pension")),
    ({ResourceType.AAH, ResourceType.ASPA, ResourceType.ASI}, say("checklist.documents.minimum_benefits")),
    ({ResourceType.ALIMONY_RECEIVED}, say("checklist.documents.alimony_received")),
    ({ResourceType.ALIMONY_PAID}, say("checklist.documents.alimony_paid")),
)
_JOINT = say("checklist.documents.joint")
# Documents said the same way for every household (a phrase is immutable; its French text is kept once built).
_RSA_DOCUMENT, _PROPERTY_TAX = say("checklist.documents.rsa"), say("checklist.documents.property_tax")
_ABROAD, _DOMICILIATION = say("checklist.documents.abroad"), say("checklist.documents.domiciliation")
_HOSTING, _RESIDENCE = say("checklist.documents.hosting"), say("checklist.documents.residence")
_BANK_DETAILS_PARTICIPATION = say("checklist.documents.bank_details_participation")
_NO_IDS: frozenset[str] = frozenset()


@lru_cache(maxsize=1024)
def _tax_notice(member_id: str, role: Role, self_employed: bool) -> Phrase:
    """The tax notice of one adult (``member_label``), joint for a partner."""
    return say("checklist.documents.tax_notice_self_employed" if self_employed else "checklist.documents.tax_notice",
               member=_member_label(member_id, role.label), joint=_JOINT if role is Role.PARTNER else "")


@lru_cache(maxsize=1024)
def _resource_document(group: int, ids: tuple[str, ...], months: int) -> Phrase:
    return say("checklist.documents.resources", what=RESOURCE_DOCUMENTS[group][1], ids=Joined(ids), months=months)


@lru_cache(maxsize=1024)
def _identity(members: tuple[tuple[str, Role], ...]) -> Phrase:
    return say("checklist.documents.identity",
               members=Joined([_member_label(member_id, role.label) for member_id, role in members]))


def css_documents(situation: Situation, css: CssResult, p: ParametersOn) -> tuple[Text, ...]:
    docs: list[Text] = []
    # Who has each type of resource (a positive amount), found in one pass (``resource_ids`` for each type).
    by_type: dict[ResourceType, set[str]] = {}
    for r in situation.resources:
        if r.amount > 0:
            found = by_type.get(r.type)
            if found is None:
                by_type[r.type] = {r.member}
            else:
                found.add(r.member)
    self_employed = by_type.get(ResourceType.SELF_EMPLOYMENT, _NO_IDS) | {
        m.id for m in situation.members if m.activity is Activity.SELF_EMPLOYED
    }
    grown = adults(situation)
    for member in grown:
        docs.append(_tax_notice(member.id, member.role, member.id in self_employed))
    if by_type:
        months = p.derived(period_months)
        for group, (types, _what) in enumerate(RESOURCE_DOCUMENTS):
            ids: set[str] = set()
            for t in types:
                ids |= by_type.get(t, _NO_IDS)
            if ids:
                docs.append(_resource_document(group, tuple(sorted(ids)), months))
    if Benefit.RSA in situation.current_benefits:
        docs.append(_RSA_DOCUMENT)
    if situation.housing.housing_aid_monthly > 0:
        docs.append(say("checklist.documents.housing_aid", amount=Eur(situation.housing.housing_aid_monthly)))
    if situation.housing.status is HousingStatus.OWNER:
        docs.append(_PROPERTY_TAX)
    docs.append(_ABROAD)
    docs.append(_identity(tuple((m.id, m.role) for m in grown)))
    if situation.housing.status is HousingStatus.HOMELESS:
        docs.append(_DOMICILIATION)
    elif situation.housing.status is HousingStatus.HOSTED_FREE:
        docs.append(_HOSTING)
    else:
        docs.append(_RESIDENCE)
    if css.status is CssStatus.WITH_PARTICIPATION:
        docs.append(_BANK_DETAILS_PARTICIPATION)
    return tuple(docs)


def _appeal_text(p: ParametersOn) -> Phrase:
    return say("checklist.css.appeal", months=p["demarches.recours_amiable_delai_mois"])


_ORGANISM = say("checklist.css.organism")
_RENEWAL_PROCEDURE = say("checklist.css_renewal.procedure")
_AT_RISK = Reason("checklist.css_renewal.at_risk", say("checklist.css_renewal.at_risk"))
#: By whether the renewal is automatic (RSA, ASPA, ASI).
_RENEWAL_HOW = {automatic: say("checklist.css_renewal.how", ameli=AMELI_DEMARCHES,
                               automatic=say("checklist.css_renewal.automatic") if automatic else "")
                for automatic in (True, False)}
_FREE = say("checklist.css_request.free")
#: By whether the household receives the RSA.
_REQUEST_HOW = {rsa: say("checklist.css_request.how", ameli=AMELI_DEMARCHES,
                         rsa=say("checklist.css_request.rsa") if rsa else "")
                for rsa in (True, False)}
_AUTOMATIC_BENEFITS = frozenset({Benefit.RSA, Benefit.ASPA, Benefit.ASI})


@dataclass(frozen=True, slots=True)
class _Dated:
    """The parts of the CSS steps that depend on the date only (``p.derived``): made once per date."""

    renewal_reason: Reason
    renewal_deadline: Phrase
    request_deadline: Phrase
    appeal: Phrase
    free_procedure: Phrase
    free_reasons: tuple[Reason, ...]


def _dated(p: ParametersOn) -> _Dated:
    decision = p["demarches.css_delai_decision_mois"]
    duration = p["demarches.css_duree_droits_mois"]
    window = p["demarches.css_renouvellement_mois"]
    return _Dated(
        renewal_reason=reason_from(
            p, "demarches.css_renouvellement_mois", "checklist.css_renewal",
            duration=duration, earliest=window["au_plus_tot"], latest=window["au_plus_tard"],
        ),
        renewal_deadline=say("checklist.css_renewal.deadline", earliest=window["au_plus_tot"],
                             latest=window["au_plus_tard"]),
        request_deadline=say("checklist.css_request.deadline", decision=decision, duration=duration),
        appeal=_appeal_text(p),
        free_procedure=say("checklist.css_request.procedure", what=_FREE),
        free_reasons=(reason_from(p, "demarches.css_delai_decision_mois", "checklist.css_request", what=_FREE),),
    )


def css_item(situation: Situation, p: ParametersOn, css: CssResult, *, texts: bool = True) -> ChecklistItem | None:
    """The request (or, for a holder, the renewal) of the CSS, unless the household is not eligible.

    ``texts=False`` (a result for its figures only): the same item, decided the same way, with its key and reasons
    only (``checklist.figures_item``): the documents, whose list reads every resource line, are not gathered.
    """
    holder = holds_css(situation)
    dated = p.derived(_dated)
    if holder:
        reasons = (dated.renewal_reason,) if css.eligible else (dated.renewal_reason, _AT_RISK)
        if not texts:
            return figures_item("css_renewal", reasons)
        automatic = css.presumption in ("rsa", "aspa", "asi") or bool(situation.current_benefits & _AUTOMATIC_BENEFITS)
        return ChecklistItem(
            key="css_renewal",
            organism=_ORGANISM,
            procedure=_RENEWAL_PROCEDURE,
            how=_RENEWAL_HOW[automatic],
            documents=css_documents(situation, css, p),
            deadline=dated.renewal_deadline,
            help=HELP_GENERAL,
            appeal=dated.appeal,
            reasons=reasons,
        )
    if _with_parents(css):
        if not texts:
            return figures_item("css_request", _with_parents_reasons(p))
        return _with_parents_item(p, css_documents(situation, css, p))
    if not css.eligible:
        return None
    if css.status is CssStatus.FREE:
        procedure, reasons = dated.free_procedure, dated.free_reasons
    else:
        what = say("checklist.css_request.participation", amount=Eur(css.monthly_participation))
        procedure = say("checklist.css_request.procedure", what=what)
        reasons = (reason_from(p, "demarches.css_delai_decision_mois", "checklist.css_request", what=what),)
    if not texts:
        return figures_item("css_request", reasons)
    return ChecklistItem(
        key="css_request",
        organism=_ORGANISM,
        procedure=procedure,
        how=_REQUEST_HOW[Benefit.RSA in situation.current_benefits],
        documents=css_documents(situation, css, p),
        deadline=dated.request_deadline,
        help=HELP_GENERAL,
        appeal=dated.appeal,
        reasons=reasons,
    )


def _with_parents(css: CssResult) -> bool:
    basis = css.household_basis
    return basis is not None and basis.kind == "parents"


def _with_parents_item(p: ParametersOn, documents: tuple[Text, ...]) -> ChecklistItem:
    """A young person in the parents' household (R861-2): the parents ask for their whole household; the figures of
    a request alone do not decide it, so the step is given whatever they say."""
    dated = p.derived(_dated)
    return ChecklistItem(
        key="css_request",
        organism=_ORGANISM,
        procedure=say("checklist.css_request_with_parents.procedure"),
        how=say("checklist.css_request_with_parents.how", ameli=AMELI_DEMARCHES),
        documents=(say("checklist.documents.parents_tax_notice"), *documents),
        deadline=dated.request_deadline,
        help=HELP_GENERAL,
        appeal=dated.appeal,
        reasons=_with_parents_reasons(p),
    )


def _with_parents_reasons(p: ParametersOn) -> tuple[Reason, ...]:
    return (reason_from(p, "demarches.css_delai_decision_mois", "checklist.css_request_with_parents"),)


def appeal_figures(p: ParametersOn) -> ChecklistItem:
    """``appeal_item`` for a result simulated without its texts: its key and reasons (``checklist.figures_item``)."""
    appeal = p.derived(appeal_item)
    return figures_item(appeal.key, appeal.reasons)


def appeal_item(p: ParametersOn) -> ChecklistItem:
    """How to contest a decision of the caisse on the CSS."""
    months = p["demarches.recours_amiable_delai_mois"]
    return ChecklistItem(
        key="appeal",
        organism=say("checklist.appeal.organism"),
        procedure=say("checklist.appeal.procedure"),
        how=say("checklist.appeal.how"),
        documents=(say("checklist.documents.decision"), say("checklist.documents.supporting")),
        deadline=say("checklist.appeal.deadline", months=months),
        help=say("checklist.appeal.help", general=HELP_GENERAL),
        appeal=_appeal_text(p),
        reasons=(reason_from(p, "demarches.recours_amiable_delai_mois", "checklist.appeal"),),
    )
