"""The CSS in the checklist: the request (or the renewal) with the documents this household needs, and how to
contest the decision (delays in ``eligibility/parameters/demarches``)."""

from __future__ import annotations

from ..care import holds_css
from ..checklist import AMELI_DEMARCHES, HELP_GENERAL, ChecklistItem, adults, member_label, resource_ids
from ..enums import Activity, Benefit, CssStatus, HousingStatus, ResourceType, Role
from ..parameters import ParametersOn
from ..reasons import Reason, format_eur
from ..results import CssResult
from ..situation import Situation
from ..sources import reason_from

RESOURCE_DOCUMENTS = (
    ({ResourceType.UNEMPLOYMENT_BENEFIT, ResourceType.ASS}, "Attestations de paiement de France Travail (allocations chômage, ASS)"),
    ({ResourceType.DAILY_ALLOWANCE}, "Relevés des indemnités journalières (compte ameli)"),
    ({ResourceType.PENSION, ResourceType.INVALIDITY_PENSION}, "Relevés de retraite ou de pension d'invalidité"),
    ({ResourceType.AAH, ResourceType.ASPA, ResourceType.ASI}, "Attestations de paiement de l'AAH, de l'ASPA ou de l'ASI"),
    ({ResourceType.ALIMONY_RECEIVED}, "Justificatifs des pensions alimentaires reçues"),
    ({ResourceType.ALIMONY_PAID}, "Justificatifs des pensions alimentaires versées (jugement, relevés de virement)"),
)


def css_documents(situation: Situation, css: CssResult) -> tuple[str, ...]:
    docs: list[str] = []
    self_employed = set(resource_ids(situation, {ResourceType.SELF_EMPLOYMENT})) | {
        m.id for m in situation.members if m.activity is Activity.SELF_EMPLOYED
    }
    for member in adults(situation):
        joint = " (l'avis commun suffit si vous déclarez vos revenus ensemble)" if member.role is Role.PARTNER else ""
        if member.id in self_employed:
            docs.append(f"Dernier avis d'imposition de {member_label(member)}, avec ses revenus d'activité indépendante{joint}")
        else:
            docs.append(f"Dernier avis d'imposition (ou avis de situation déclarative, ASDIR) de {member_label(member)}{joint}")
    for types, text in RESOURCE_DOCUMENTS:
        ids = resource_ids(situation, types)
        if ids:
            docs.append(f"{text} de {', '.join(ids)}, pour les 12 mois de la période de référence")
    if Benefit.RSA in situation.current_benefits:
        docs.append("Attestation de paiement du RSA (Caf ou MSA)")
    if situation.housing.housing_aid_monthly > 0:
        docs.append(
            f"Attestation de la Caf ou de la MSA indiquant le montant de l'aide au logement "
            f"({format_eur(situation.housing.housing_aid_monthly)} par mois déclarés)"
        )
    if situation.housing.status is HousingStatus.OWNER:
        docs.append("Avis de taxe foncière si vous possédez un bien immobilier non loué autre que votre logement")
    docs.append(
        "Si un membre du foyer a vécu à l'étranger au cours des 12 derniers mois : ses documents fiscaux et sociaux "
        "de ce pays (revenus perçus)"
    )
    docs.append("Pièce d'identité ou titre de séjour de " + ", ".join(member_label(m) for m in adults(situation)))
    if situation.housing.status is HousingStatus.HOMELESS:
        docs.append("Attestation d'élection de domicile (CCAS ou association agréée)")
    elif situation.housing.status is HousingStatus.HOSTED_FREE:
        docs.append("Attestation d'hébergement signée par la personne qui vous héberge, avec son justificatif de domicile")
    else:
        docs.append("Justificatif de résidence en France (quittance de loyer, facture d'énergie…)")
    if css.status is CssStatus.WITH_PARTICIPATION:
        docs.append("RIB (relevé d'identité bancaire) pour le prélèvement de la participation mensuelle")
    return tuple(docs)


def _appeal_text(p: ParametersOn) -> str:
    months = p["demarches.recours_amiable_delai_mois"]
    return (
        f"En cas de refus ou de désaccord : recours auprès de la commission de recours amiable de la caisse dans les "
        f"{months} mois suivant la décision, puis, si elle rejette le recours, devant le pôle social du tribunal "
        "judiciaire."
    )


def css_item(situation: Situation, p: ParametersOn, css: CssResult) -> ChecklistItem | None:
    holder = holds_css(situation)
    decision = p["demarches.css_delai_decision_mois"]
    duration = p["demarches.css_duree_droits_mois"]
    window = p["demarches.css_renouvellement_mois"]
    automatic = css.presumption in ("rsa", "aspa", "asi") or bool(
        situation.current_benefits & {Benefit.RSA, Benefit.ASPA, Benefit.ASI}
    )
    documents = css_documents(situation, css)
    if holder:
        reasons = [reason_from(
            p, "demarches.css_renouvellement_mois", "checklist.css_renewal",
            f"Le foyer a déjà la Complémentaire santé solidaire : elle est attribuée pour {duration} mois et se "
            f"renouvelle sur demande, entre {window['au_plus_tot']} et {window['au_plus_tard']} mois avant la fin des droits.",
        )]
        if not css.eligible:
            reasons.append(Reason(
                "checklist.css_renewal.at_risk",
                "D'après cette simulation, les ressources dépassent désormais le plafond : le renouvellement pourrait "
                "être refusé.",
            ))
        how = (
            "Renouvellement automatique pour les bénéficiaires du RSA, de l'ASPA ou de l'ASI : vérifiez que vous recevez "
            "votre nouvelle attestation. Sinon : " if automatic else ""
        ) + (
            f"{AMELI_DEMARCHES} Sur papier : formulaire cerfa n° 12504 (dernière version sur ameli.fr), à envoyer à "
            "votre caisse d'assurance maladie."
        )
        return ChecklistItem(
            key="css_renewal",
            organism="Assurance Maladie (CPAM, ou votre caisse : MSA…)",
            procedure="Renouveler la Complémentaire santé solidaire",
            how=how,
            documents=documents,
            deadline=(
                f"Entre {window['au_plus_tot']} et {window['au_plus_tard']} mois avant la date de fin de vos droits "
                "(indiquée sur votre attestation), pour éviter une interruption."
            ),
            help=HELP_GENERAL,
            appeal=_appeal_text(p),
            reasons=tuple(reasons),
        )
    if _with_parents(css):
        return _with_parents_item(p, documents, decision, duration)
    if not css.eligible:
        return None
    if css.status is CssStatus.FREE:
        what = "sans participation financière"
    else:
        what = f"avec une participation de {format_eur(css.monthly_participation)} par mois pour le foyer"
    how = (
        f"{AMELI_DEMARCHES} Sur papier : formulaire cerfa n° 12504 (dernière version sur ameli.fr), à envoyer à votre "
        "CPAM (ou à votre caisse si vous relevez d'un autre régime). Une seule demande pour tout le foyer ; vous "
        "choisissez l'organisme qui gérera la CSS : la CPAM ou un organisme complémentaire de la liste officielle."
    )
    if Benefit.RSA in situation.current_benefits:
        how = (
            "Avec le RSA, la CSS sans participation est attribuée automatiquement, sauf refus de votre part : vérifiez "
            "auprès de votre CPAM que c'est fait. Sinon : " + how
        )
    return ChecklistItem(
        key="css_request",
        organism="Assurance Maladie (CPAM, ou votre caisse : MSA…)",
        procedure=f"Demander la Complémentaire santé solidaire ({what})",
        how=how,
        documents=documents,
        deadline=(
            f"La caisse décide dans les {decision} mois qui suivent la réception du dossier complet ; les droits sont "
            f"ouverts pour {duration} mois."
        ),
        help=HELP_GENERAL,
        appeal=_appeal_text(p),
        reasons=(reason_from(
            p, "demarches.css_delai_decision_mois", "checklist.css_request",
            f"D'après cette simulation, le foyer a droit à la Complémentaire santé solidaire {what}.",
        ),),
    )


def _with_parents(css: CssResult) -> bool:
    basis = css.household_basis
    return basis is not None and basis.kind == "parents"


def _with_parents_item(p: ParametersOn, documents: tuple[str, ...], decision, duration) -> ChecklistItem:
    """A young person in the parents' household (R861-2): the parents ask for their whole household; the figures of
    a request alone do not decide it, so the step is given whatever they say."""
    return ChecklistItem(
        key="css_request",
        organism="Assurance Maladie (CPAM, ou votre caisse : MSA…)",
        procedure="Demander la Complémentaire santé solidaire avec vos parents",
        how=(
            "Vos parents font une seule demande pour tout leur foyer, vous compris, avec leurs ressources et les "
            f"vôtres. {AMELI_DEMARCHES} Sur papier : formulaire cerfa n° 12504 (dernière version sur ameli.fr), à "
            "envoyer à leur CPAM. Si vous pouvez demander seul(e) (voir le résultat), faites la demande à votre nom."
        ),
        documents=("Dernier avis d'imposition de vos parents", *documents),
        deadline=(
            f"La caisse décide dans les {decision} mois qui suivent la réception du dossier complet ; les droits sont "
            f"ouverts pour {duration} mois."
        ),
        help=HELP_GENERAL,
        appeal=_appeal_text(p),
        reasons=(reason_from(
            p, "demarches.css_delai_decision_mois", "checklist.css_request_with_parents",
            "D'après vos réponses, vous faites partie du foyer de vos parents pour la Complémentaire santé solidaire.",
        ),),
    )


def appeal_item(p: ParametersOn) -> ChecklistItem:
    """How to contest a decision of the caisse on the CSS."""
    months = p["demarches.recours_amiable_delai_mois"]
    return ChecklistItem(
        key="appeal",
        organism="Commission de recours amiable de la caisse, puis pôle social du tribunal judiciaire",
        procedure="Contester une décision sur la Complémentaire santé solidaire",
        how=(
            "Écrivez à la commission de recours amiable de votre caisse (courrier recommandé ou messagerie du compte "
            "ameli) en joignant la décision et vos justificatifs ; si elle rejette votre recours, saisissez le pôle "
            "social du tribunal judiciaire."
        ),
        documents=("Copie de la décision contestée", "Justificatifs à l'appui de votre demande"),
        deadline=f"Dans les {months} mois suivant la décision.",
        help=HELP_GENERAL + " Une association ou un point-justice peut aussi vous conseiller.",
        appeal=_appeal_text(p),
        reasons=(reason_from(
            p, "demarches.recours_amiable_delai_mois", "checklist.appeal",
            "Une décision de la caisse sur la CSS peut être contestée.",
        ),),
    )
