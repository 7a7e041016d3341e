"""The CSS in the checklist: the request (or the renewal) with the documents this household needs, and how to
contest the decision (delays in ``eligibility/parameters/demarches``)."""

from __future__ import annotations

from ..care import holds_css
from ..checklist import (
    AMELI_DEMARCHES,
    HELP_GENERAL,
    ChecklistItem,
    Text,
    adults,
    member_label,
    members_label,
    resource_ids,
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


def css_documents(situation: Situation, css: CssResult, p: ParametersOn) -> tuple[Text, ...]:
    docs: list[Text] = []
    self_employed = set(resource_ids(situation, {ResourceType.SELF_EMPLOYMENT})) | {
        m.id for m in situation.members if m.activity is Activity.SELF_EMPLOYED
    }
    for member in adults(situation):
        joint = _JOINT if member.role is Role.PARTNER else ""
        docs.append(say("checklist.documents.tax_notice_self_employed" if member.id in self_employed
                        else "checklist.documents.tax_notice", member=member_label(member), joint=joint))
    months = p.derived(period_months)
    for types, what in RESOURCE_DOCUMENTS:
        ids = resource_ids(situation, types)
        if ids:
            docs.append(say("checklist.documents.resources", what=what, ids=Joined(ids), months=months))
    if Benefit.RSA in situation.current_benefits:
        docs.append(say("checklist.documents.rsa"))
    if situation.housing.housing_aid_monthly > 0:
        docs.append(say("checklist.documents.housing_aid", amount=Eur(situation.housing.housing_aid_monthly)))
    if situation.housing.status is HousingStatus.OWNER:
        docs.append(say("checklist.documents.property_tax"))
    docs.append(say("checklist.documents.abroad"))
    docs.append(say("checklist.documents.identity", members=members_label(adults(situation))))
    if situation.housing.status is HousingStatus.HOMELESS:
        docs.append(say("checklist.documents.domiciliation"))
    elif situation.housing.status is HousingStatus.HOSTED_FREE:
        docs.append(say("checklist.documents.hosting"))
    else:
        docs.append(say("checklist.documents.residence"))
    if css.status is CssStatus.WITH_PARTICIPATION:
        docs.append(say("checklist.documents.bank_details_participation"))
    return tuple(docs)


def _appeal_text(p: ParametersOn) -> Phrase:
    return say("checklist.css.appeal", months=p["demarches.recours_amiable_delai_mois"])


_ORGANISM = say("checklist.css.organism")


def css_item(situation: Situation, p: ParametersOn, css: CssResult) -> ChecklistItem | None:
    holder = holds_css(situation)
    decision = p["demarches.css_delai_decision_mois"]
    duration = p["demarches.css_duree_droits_mois"]
    window = p["demarches.css_renouvellement_mois"]
    automatic = css.presumption in ("rsa", "aspa", "asi") or bool(
        situation.current_benefits & {Benefit.RSA, Benefit.ASPA, Benefit.ASI}
    )
    documents = css_documents(situation, css, p)
    if holder:
        reasons = [reason_from(
            p, "demarches.css_renouvellement_mois", "checklist.css_renewal",
            duration=duration, earliest=window["au_plus_tot"], latest=window["au_plus_tard"],
        )]
        if not css.eligible:
            reasons.append(Reason("checklist.css_renewal.at_risk", say("checklist.css_renewal.at_risk")))
        return ChecklistItem(
            key="css_renewal",
            organism=_ORGANISM,
            procedure=say("checklist.css_renewal.procedure"),
            how=say("checklist.css_renewal.how", ameli=AMELI_DEMARCHES,
                    automatic=say("checklist.css_renewal.automatic") if automatic else ""),
            documents=documents,
            deadline=say("checklist.css_renewal.deadline", earliest=window["au_plus_tot"],
                         latest=window["au_plus_tard"]),
            help=HELP_GENERAL,
            appeal=_appeal_text(p),
            reasons=tuple(reasons),
        )
    if _with_parents(css):
        return _with_parents_item(p, documents, decision, duration)
    if not css.eligible:
        return None
    if css.status is CssStatus.FREE:
        what = say("checklist.css_request.free")
    else:
        what = say("checklist.css_request.participation", amount=Eur(css.monthly_participation))
    return ChecklistItem(
        key="css_request",
        organism=_ORGANISM,
        procedure=say("checklist.css_request.procedure", what=what),
        how=say("checklist.css_request.how", ameli=AMELI_DEMARCHES,
                rsa=say("checklist.css_request.rsa") if Benefit.RSA in situation.current_benefits else ""),
        documents=documents,
        deadline=say("checklist.css_request.deadline", decision=decision, duration=duration),
        help=HELP_GENERAL,
        appeal=_appeal_text(p),
        reasons=(reason_from(p, "demarches.css_delai_decision_mois", "checklist.css_request", what=what),),
    )


def _with_parents(css: CssResult) -> bool:
    basis = css.household_basis
    return basis is not None and basis.kind == "parents"


def _with_parents_item(p: ParametersOn, documents: tuple[Text, ...], decision, duration) -> ChecklistItem:
    """A young person in the parents' household (R861-2): the parents ask for their whole household; the figures of
    a request alone do not decide it, so the step is given whatever they say."""
    return ChecklistItem(
        key="css_request",
        organism=_ORGANISM,
        procedure=say("checklist.css_request_with_parents.procedure"),
        how=say("checklist.css_request_with_parents.how", ameli=AMELI_DEMARCHES),
        documents=(say("checklist.documents.parents_tax_notice"), *documents),
        deadline=say("checklist.css_request.deadline", decision=decision, duration=duration),
        help=HELP_GENERAL,
        appeal=_appeal_text(p),
        reasons=(reason_from(p, "demarches.css_delai_decision_mois", "checklist.css_request_with_parents"),),
    )


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
