"""The checklist of next steps: one item per procedure the result recommends, with the documents this household
needs, the delay, where to get help and how to contest a decision.

Delays come from the parameters under ``eligibility/parameters/demarches``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .care import holds_css
from .cpam_aid import CpamAidResult, quotes_needed
from .enums import (
    Activity,
    AidAssessment,
    Benefit,
    CareKind,
    Complementary,
    CssStatus,
    Difficulty,
    HousingStatus,
    ResourceType,
    Role,
    Sector,
)
from .help_independants import HELP_URL, HelpResult
from .out_of_pocket import BASKET_SHORT
from .parameters import ParametersOn
from .reasons import Reason, format_eur, reasons_dict
from .results import CssResult
from .situation import Member, Situation
from .sources import reason_from

HELP_GENERAL = "CCAS (centre communal d'action sociale) de votre commune, France services, ou l'Assurance Maladie au 36 46."
AMELI_DEMARCHES = "En ligne : compte ameli, rubrique « Mes démarches »."


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    key: str                    # stable id: css_request, css_renewal, cpam_aid_request, help_questionnaire, quote_2, appeal
    organism: str
    procedure: str
    how: str
    documents: tuple[str, ...]
    deadline: str
    help: str
    appeal: str | None
    reasons: tuple[Reason, ...] = ()

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "organism": self.organism,
            "procedure": self.procedure,
            "how": self.how,
            "documents": list(self.documents),
            "deadline": self.deadline,
            "help": self.help,
            "appeal": self.appeal,
            **reasons_dict(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class Checklist:
    items: tuple[ChecklistItem, ...]
    to_verify: tuple[str, ...] = ()

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.items]

    def item(self, key: str) -> ChecklistItem:
        return next(i for i in self.items if i.key == key)

    def as_list(self) -> list[dict]:
        return [item.as_dict() for item in self.items]


# --------------------------------------------------------------------------- documents


def _who(member: Member) -> str:
    return f"{member.id} ({member.role.label.lower()})"


def _adults(situation: Situation) -> list[Member]:
    return [m for m in situation.members if m.age_on(situation.request_date) >= 18]


def _ids(situation: Situation, types: set[ResourceType]) -> list[str]:
    return sorted({r.member for r in situation.resources if r.type in types and r.amount > 0})


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
    self_employed = set(_ids(situation, {ResourceType.SELF_EMPLOYMENT})) | {
        m.id for m in situation.members if m.activity is Activity.SELF_EMPLOYED
    }
    for member in _adults(situation):
        joint = " (l'avis commun suffit si vous déclarez vos revenus ensemble)" if member.role is Role.PARTNER else ""
        if member.id in self_employed:
            docs.append(f"Dernier avis d'imposition de {_who(member)}, avec ses revenus d'activité indépendante{joint}")
        else:
            docs.append(f"Dernier avis d'imposition (ou avis de situation déclarative, ASDIR) de {_who(member)}{joint}")
    for types, text in RESOURCE_DOCUMENTS:
        ids = _ids(situation, types)
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
    docs.append("Pièce d'identité ou titre de séjour de " + ", ".join(_who(m) for m in _adults(situation)))
    if situation.housing.status is HousingStatus.HOMELESS:
        docs.append("Attestation d'élection de domicile (CCAS ou association agréée)")
    elif situation.housing.status is HousingStatus.HOSTED_FREE:
        docs.append("Attestation d'hébergement signée par la personne qui vous héberge, avec son justificatif de domicile")
    else:
        docs.append("Justificatif de résidence en France (quittance de loyer, facture d'énergie…)")
    if css.status is CssStatus.WITH_PARTICIPATION:
        docs.append("RIB (relevé d'identité bancaire) pour le prélèvement de la participation mensuelle")
    return tuple(docs)


# --------------------------------------------------------------------------- items


def _appeal_text(p: ParametersOn) -> str:
    months = p["demarches.recours_amiable_delai_mois"]
    return (
        f"En cas de refus ou de désaccord : recours auprès de la commission de recours amiable de la caisse dans les "
        f"{months} mois suivant la décision, puis, si elle rejette le recours, devant le pôle social du tribunal "
        "judiciaire."
    )


def _css_item(situation: Situation, p: ParametersOn, css: CssResult) -> ChecklistItem | None:
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


def _cpam_item(situation: Situation, cpam: CpamAidResult) -> ChecklistItem | None:
    if cpam.assessment is AidAssessment.UNLIKELY and cpam.care_left_to_pay <= 0:
        return None
    documents = list(quotes_needed(situation))
    documents.append(
        "Justificatifs des ressources du foyer : derniers avis d'imposition de "
        + ", ".join(_who(m) for m in _adults(situation))
    )
    if cpam.css_first:
        documents.append("Décision de la caisse sur la Complémentaire santé solidaire (demandez-la d'abord)")
    elif situation.complementary is Complementary.PRIVATE:
        documents.append("Tableau de garanties ou décompte de votre complémentaire santé")
    health_difficulties = situation.difficulties & {
        Difficulty.INCOME_DROP_DUE_TO_HEALTH, Difficulty.HOME_HELP_AFTER_HOSPITAL, Difficulty.END_OF_LIFE_CARE,
        Difficulty.JOB_RETENTION, Difficulty.HOUSING_ADAPTATION,
    }
    if health_difficulties:
        documents.append(
            "Justificatifs de la situation : arrêt de travail, bulletin d'hospitalisation, certificat médical…"
        )
    documents.append("RIB (relevé d'identité bancaire)")
    department = f" ({situation.residence.department})" if situation.residence.department else ""
    reasons = [Reason(
        "checklist.cpam_aid",
        f"Aide de la CPAM : {cpam.assessment.label.lower()}"
        + (f" ; reste estimé à payer : {format_eur(cpam.care_left_to_pay)}." if cpam.care_left_to_pay > 0 else "."),
    )]
    return ChecklistItem(
        key="cpam_aid_request",
        organism=f"Votre CPAM{department}, service de l'action sanitaire et sociale",
        procedure="Demander une aide financière individuelle à la CPAM",
        how=(
            "Formulaire de demande d'aide financière de votre CPAM (page de votre caisse sur ameli.fr, ou à l'accueil), "
            "à envoyer à votre CPAM avec les justificatifs ; le service social de l'Assurance Maladie peut vous aider "
            "à le remplir."
            + (" Faites d'abord la demande de Complémentaire santé solidaire." if cpam.css_first else "")
        ),
        documents=tuple(documents),
        deadline=(
            "Avant les soins, avec un devis et non une facture : une commission de la CPAM examine les demandes "
            "régulièrement, son délai dépend de la caisse."
        ),
        help=HELP_GENERAL,
        appeal="Aide facultative : un refus de la commission ne peut pas être contesté.",
        reasons=tuple(reasons),
    )


def _help_item(situation: Situation, help_result: HelpResult) -> ChecklistItem | None:
    if not help_result.relevant:
        return None
    self_employed = [m for m in situation.members if m.activity is Activity.SELF_EMPLOYED] or [
        situation.member(i) for i in _ids(situation, {ResourceType.SELF_EMPLOYMENT})
    ]
    documents = []
    for member in self_employed:
        documents.append(f"Numéro Siret de l'activité de {_who(member)}")
        documents.append(f"Dernier avis d'imposition de {_who(member)}, avec ses revenus d'activité indépendante")
    if Difficulty.SELF_EMPLOYED_CONTRIBUTIONS_UNPAID in help_result.difficulties:
        documents.append("Relevé des cotisations dues (espace en ligne urssaf.fr)")
    if Difficulty.SELF_EMPLOYED_HEALTH_PROBLEM in help_result.difficulties:
        documents.append("Arrêt de travail ou certificat médical, s'il y en a un")
    return ChecklistItem(
        key="help_questionnaire",
        organism="Urssaf (dispositif Help, commun à l'Urssaf, la Caf, l'Assurance retraite et l'Assurance Maladie)",
        procedure="Remplir le questionnaire Help pour travailleurs indépendants en difficulté",
        how=f"En ligne sur urssaf.fr ({HELP_URL}) : un seul questionnaire, transmis aux organismes concernés.",
        documents=tuple(documents),
        deadline="Dès que possible ; vous êtes informé(e) par courriel à chaque étape.",
        help="Votre Urssaf (messagerie de l'espace en ligne), ou le CCAS de votre commune.",
        appeal=None,
        reasons=help_result.reasons[:1],
    )


QUOTE_ORGANISMS = {
    CareKind.HOSPITALISATION: "Établissement de santé (bureau des admissions)",
    CareKind.DENTAL_PROSTHESIS: "Chirurgien-dentiste",
    CareKind.GLASSES: "Opticien",
    CareKind.HEARING_AIDS: "Audioprothésiste",
    CareKind.CONSULTATION: "Médecin",
}


def _quote_items(situation: Situation, cpam: CpamAidResult) -> list[ChecklistItem]:
    items = []
    coverage_card = (
        "Attestation de Complémentaire santé solidaire" if holds_css(situation)
        else "Carte de complémentaire santé" if situation.complementary is Complementary.PRIVATE else None
    )
    for index, care in enumerate(situation.planned_care):
        if care.kind is CareKind.EMERGENCY_VISIT or (care.kind is CareKind.HOSPITALISATION and care.home):
            continue
        if care.kind is CareKind.CONSULTATION and care.sector in (None, Sector.SECTOR_1):
            continue
        documents = ["Carte Vitale"]
        if coverage_card:
            documents.append(coverage_card)
        if care.kind is CareKind.HOSPITALISATION:
            how = (
                "Demandez une estimation écrite des frais : forfait journalier, chambre particulière, dépassements "
                "d'honoraires éventuels. Signalez votre complémentaire ou votre CSS pour ne pas avancer les frais."
            )
            documents.append("Bulletin ou prescription d'hospitalisation")
            what = f"le séjour à l'hôpital de {care.member} ({care.days} jours)"
        elif care.kind is CareKind.CONSULTATION:
            how = "Demandez au médecin le montant du dépassement d'honoraires avant la consultation."
            what = f"la consultation de {care.member}"
        else:
            how = (
                "Le professionnel doit vous proposer un devis « 100 % Santé » (sans reste à payer avec une complémentaire "
                "responsable ou la CSS)."
                + (" Demandez deux devis de professionnels différents pour l'aide de la CPAM."
                   if cpam.assessment is not AidAssessment.UNLIKELY else "")
            )
            if care.kind in (CareKind.GLASSES, CareKind.HEARING_AIDS):
                documents.append("Ordonnance")
            basket = f" ({BASKET_SHORT[care.basket]})" if care.basket else ""
            what = f"{care.kind.label.lower()}{basket} de {care.member}"
        items.append(ChecklistItem(
            key=f"quote_{index}",
            organism=QUOTE_ORGANISMS[care.kind],
            procedure=f"Obtenir un devis pour {what}",
            how=how,
            documents=tuple(documents),
            deadline="Avant les soins.",
            help="Votre complémentaire santé peut chiffrer son remboursement à partir du devis.",
            appeal=None,
            reasons=(Reason("checklist.quote", "Un devis permet de connaître le reste à payer et de demander une aide."),),
        ))
    return items


def _guidance_items(guidance) -> list[ChecklistItem]:
    """The guidance the household's figures call for (patients from outside, paying the rest, choosing a
    complementary), as steps of the checklist."""
    items = []
    for g in guidance.items:
        items.append(ChecklistItem(
            key=f"guidance_{g.code.replace('.', '_')}",
            organism=g.where or guidance.caisse.name,
            procedure=g.title,
            how=g.text,
            documents=g.documents,
            deadline="Avant les soins." if g.code.startswith(("pay.", "outside.")) else "Dès que possible.",
            help=HELP_GENERAL,
            appeal=None,
            reasons=(Reason(g.code, g.title, g.reason.article, g.reason.href),) if g.reason else (),
        ))
    return items


def _for_caisse(item: ChecklistItem, caisse) -> ChecklistItem:
    """Overseas, the caisse is a CGSS (CSSM in Mayotte), not a CPAM: name it so in every step."""
    def fix(text: str | None) -> str | None:
        return text.replace("CPAM", caisse.short) if text else text
    return replace(item, organism=fix(item.organism), procedure=fix(item.procedure), how=fix(item.how),
                   help=fix(item.help), deadline=fix(item.deadline), appeal=fix(item.appeal))


def build_checklist(
    situation: Situation,
    p: ParametersOn,
    css: CssResult,
    cpam: CpamAidResult,
    help_result: HelpResult,
    guidance=None,
) -> Checklist:
    items: list[ChecklistItem] = []
    css_item = _css_item(situation, p, css)
    for item in (css_item, _cpam_item(situation, cpam), _help_item(situation, help_result)):
        if item is not None:
            items.append(item)
    items.extend(_quote_items(situation, cpam))
    if guidance is not None:
        items.extend(_guidance_items(guidance))
    if css_item is not None:
        months = p["demarches.recours_amiable_delai_mois"]
        items.append(ChecklistItem(
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
        ))
    if guidance is not None and guidance.caisse.short != "CPAM":
        items = [_for_caisse(item, guidance.caisse) for item in items]
    return Checklist(tuple(items))
