"""Guidance that follows from the household's figures: patients from outside, paying the rest, choosing a
complementary above the CSS ceiling or after leaving it, and the caisse's name overseas.

Each item says what applies, what to bring and whom to see, with its source. The source documents are the
seeds of the project (``shared/reference/seeds``): the "options de paiement" and the complementary checklist of
« Soins non remboursés : quelles alternatives administratives ? », the CPAM's help to pay a premium
(ameli « Aides financières individuelles »), and the year of continued cover after a refused renewal
(« Complémentaire santé solidaire : bénéficiaires, conditions, première demande et renouvellement »).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..contract import Contract, contract, text
from ..enums import BaseCover, CareKind, Complementary, CssStatus, Territory
from ..parameters import ParametersOn
from ..reasons import Reason, format_eur
from ..wording import say

SEED_ALTERNATIVES = "« Soins non remboursés : quelles alternatives administratives ? » (service-public.fr, Elsan, Urssaf, 2025)"
SEED_CPAM_AID = "ameli.fr, « Aides financières individuelles »"
SEED_CSS = "« Complémentaire santé solidaire : bénéficiaires, conditions, première demande et renouvellement »"
AMELI_AID_HREF = "https://www.ameli.fr/assure/droits-demarches/difficultes-acces-droits-soins/aides-financieres-individuelles"
CSSOC_HREF = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189"
CASF_HREF = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069"
CSP_HREF = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072665"
CLEISS_HREF = "https://www.cleiss.fr"
EU_REGULATION = "Règlement (CE) n° 883/2004 portant sur la coordination des systèmes de sécurité sociale, art. 19"
EU_HREF = "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32004R0883"


@contract(
    "code", text("title"), text("text"), text("where"), text("documents"),
    text("source", get=lambda i: i.reason.article if i.reason else None, type=str | None),
    text("href", get=lambda i: i.reason.href if i.reason else None, type=str | None),
)
@dataclass(frozen=True, slots=True)
class GuidanceItem(Contract):
    code: str
    title: str
    text: str
    where: str | None = None
    documents: tuple[str, ...] = ()
    reason: Reason | None = None


@contract("short", text("name"), text("href"))
@dataclass(frozen=True, slots=True)
class Caisse(Contract):
    short: str          # "CPAM", "CGSS", "CSSM"
    name: str
    href: str | None


def caisse_for(territory: Territory, p: ParametersOn) -> Caisse:
    """The health insurance fund of the territory: the CPAM in metropolitan France, a CGSS overseas, the CSSM in Mayotte."""
    if territory is Territory.METROPOLE:
        return Caisse("CPAM", "Caisse primaire d'assurance maladie (CPAM)", "https://www.ameli.fr")
    entry = p["demarches.caisses_outre_mer"][territory.value]
    return Caisse(entry["short"], entry["name"], entry["href"])


# --------------------------------------------------------------------------- patients from outside


def cover_guidance(
    base: BaseCover, *, irregular_stay: bool | None, months_in_france: int | None, resources: Decimal | None,
    ceiling_free: Decimal | None, caisse: Caisse, p: ParametersOn,
) -> tuple[GuidanceItem, ...]:
    """What applies to a patient who is not (or not yet) covered by the French health insurance."""
    if base is BaseCover.FRENCH:
        return ()
    minimum = p["demarches.ame_presence_minimale_mois"]
    ref_presence = p.reference("demarches.ame_presence_minimale_mois")
    items: list[GuidanceItem] = []
    if base is BaseCover.EU_CEAM:
        items.append(GuidanceItem(
            "outside.ceam", "Carte européenne d'assurance maladie (CEAM)",
            "Pendant un séjour temporaire, vos soins médicalement nécessaires sont pris en charge comme ceux d'un assuré "
            "français : même remboursement, même reste à payer (forfait journalier compris). Présentez la carte à "
            "l'admission ; sans elle, demandez à votre caisse un certificat provisoire de remplacement. Si vous avez "
            f"payé, demandez le remboursement à la {caisse.short} du lieu de séjour ou à votre caisse à votre retour.",
            where="Bureau des admissions de l'hôpital ; " + caisse.name,
            documents=("Carte européenne d'assurance maladie (ou certificat provisoire de remplacement)",
                       "Pièce d'identité"),
            reason=Reason("outside.ceam", "", EU_REGULATION, EU_HREF),
        ))
    elif base is BaseCover.FOREIGN_AGREEMENT:
        items.append(GuidanceItem(
            "outside.agreement", "Pays lié à la France par un accord de sécurité sociale",
            "Certains accords bilatéraux couvrent les soins pendant un séjour en France, d'autres seulement les "
            "travailleurs et leur famille. Demandez à votre caisse, avant le départ, le formulaire de droits prévu par "
            "l'accord et présentez-le à l'admission : sans lui, les soins sont à payer. Le CLEISS publie la liste des "
            "accords et ce que chacun couvre.",
            where="Votre caisse d'assurance maladie à l'étranger ; à l'hôpital, le bureau des admissions",
            documents=("Formulaire de droits de l'accord bilatéral", "Pièce d'identité", "Devis de l'établissement"),
            reason=Reason("outside.agreement", "", "CLEISS, accords bilatéraux de sécurité sociale", CLEISS_HREF),
        ))
    elif base is BaseCover.FOREIGN_NO_AGREEMENT:
        items.append(GuidanceItem(
            "outside.no_agreement", "Assuré(e) dans un pays sans accord avec la France",
            "Les soins sont à payer au tarif de l'établissement : demandez un devis avant les soins programmés et "
            "vérifiez votre assurance voyage ou votre assurance à l'étranger. Si vous ne pouvez pas payer, la "
            "permanence d'accès aux soins de santé (PASS) de l'hôpital et son service social peuvent vous aider.",
            where="Bureau des admissions et service social de l'hôpital",
            documents=("Attestation de votre assurance (voyage ou étrangère)", "Pièce d'identité",
                       "Devis de l'établissement"),
            reason=Reason("outside.no_agreement", "", SEED_ALTERNATIVES, None),
        ))
    else:
        if irregular_stay is not True:
            enough = months_in_france is None or months_in_france >= int(minimum["puma"])
            items.append(GuidanceItem(
                "outside.puma", "Protection universelle maladie", _puma_text(irregular_stay, enough, minimum, caisse),
                where=caisse.name,
                documents=("Pièce d'identité et titre de séjour", "Justificatif de domicile ou de domiciliation",
                           "Justificatif de résidence depuis plus de trois mois"),
                reason=Reason("outside.puma", "", ref_presence.title, ref_presence.href),
            ))
        if irregular_stay is not False:
            eligible_time = months_in_france is None or months_in_france >= int(minimum["ame"])
            under_ceiling = resources is None or ceiling_free is None or resources <= ceiling_free
            if eligible_time and under_ceiling:
                ceiling = f" (plafond de {format_eur(ceiling_free)} par an pour votre foyer)" if ceiling_free else ""
                text = (
                    "Sans titre de séjour, après plus de "
                    f"{minimum['ame']} mois de présence ininterrompue en France et avec des ressources sous le plafond de "
                    f"la CSS gratuite{ceiling}, l'aide médicale de l'État (AME) prend en charge vos soins au tarif de la "
                    "Sécurité sociale, sans avance de frais, forfait journalier compris. Déposez la demande à la "
                    f"{caisse.short} de votre domicile ou de votre domiciliation."
                )
            elif not eligible_time:
                text = (f"L'aide médicale de l'État (AME) demande plus de {minimum['ame']} mois de présence "
                        "ininterrompue en France : en attendant, les soins urgents sont pris en charge (voir ci-dessous).")
            else:
                text = ("Vos ressources dépassent le plafond de l'aide médicale de l'État (celui de la CSS gratuite) : "
                        "l'AME ne devrait pas être accordée ; les soins urgents restent pris en charge.")
            items.append(GuidanceItem(
                "outside.ame", "Aide médicale de l'État (AME)", text, where=caisse.name,
                documents=("Pièce d'identité", "Justificatif de présence en France depuis plus de trois mois",
                           "Justificatif de domicile ou attestation de domiciliation", "Justificatifs de ressources"),
                reason=Reason("outside.ame", "", "Code de l'action sociale et des familles, art. L251-1 et L251-2",
                              CASF_HREF),
            ))
            items.append(GuidanceItem(
                "outside.urgent_care", "Soins urgents",
                "Si vous n'avez pas (encore) droit à l'AME, l'hôpital prend en charge les soins urgents dont l'absence "
                "mettrait votre vie en danger ou altérerait gravement et durablement votre santé, ainsi que les soins de "
                "grossesse et ceux des enfants : l'hôpital les facture à l'État, pas à vous.",
                where="Service social de l'hôpital",
                reason=Reason("outside.urgent_care", "", "Code de l'action sociale et des familles, art. L254-1",
                              CASF_HREF),
            ))
    if base is not BaseCover.EU_CEAM:
        items.append(GuidanceItem(
            "outside.pass", "Permanence d'accès aux soins de santé (PASS)",
            "Dans les hôpitaux publics, la PASS reçoit toute personne sans couverture complète : consultations, "
            "médicaments, et aide pour ouvrir vos droits. Le service social de l'hôpital vous y oriente.",
            where="PASS et service social de l'hôpital le plus proche",
            documents=("Pièce d'identité si vous en avez une", "Tout document sur votre situation"),
            reason=Reason("outside.pass", "", "Code de la santé publique, art. L6112-6", CSP_HREF),
        ))
    return tuple(items)


def _puma_text(irregular_stay: bool | None, enough: bool, minimum: dict, caisse: Caisse) -> str:
    months = minimum["puma"]
    if not enough:
        text = (f"Après {months} mois de résidence stable et régulière en France, vous aurez droit à l'Assurance "
                "maladie (protection universelle maladie). ")
    elif irregular_stay is None:
        text = (f"Si vous résidez en France de façon régulière (avec un titre de séjour) depuis plus de {months} mois, "
                "vous avez droit à l'Assurance maladie (protection universelle maladie). ")
    else:
        text = (f"Vous résidez en France de façon stable et régulière depuis plus de {months} mois : vous avez droit "
                "à l'Assurance maladie (protection universelle maladie). ")
    return (text + f"Demandez votre affiliation à la {caisse.short} ; avec de faibles ressources, demandez en même temps "
            "la Complémentaire santé solidaire.")


# --------------------------------------------------------------------------- paying the rest


def payment_options(
    *, total_left: Decimal, has_stay: bool, has_quoted: bool, complementary: Complementary, css_status: CssStatus,
    caisse: Caisse,
) -> tuple[GuidanceItem, ...]:
    """The "options de paiement" of the source document, those the household's figures call for."""
    if total_left <= 0:
        return ()
    source = Reason("pay.source", "", SEED_ALTERNATIVES, None)
    items: list[GuidanceItem] = []
    if has_stay or has_quoted:
        items.append(GuidanceItem(
            "pay.quote", "Demander un devis avant les soins",
            "Avant une hospitalisation programmée ou une prothèse, demandez un devis détaillé, avec les suppléments "
            "(chambre particulière, dépassements) : il permet de connaître le reste à payer et de demander une aide.",
            where="Bureau des admissions de l'établissement, ou le professionnel", documents=(), reason=source,
        ))
    if has_stay:
        items.append(GuidanceItem(
            "pay.instalments", "Payer en plusieurs fois",
            "Demandez un échéancier au service administratif (bureau des frais de séjour) de l'établissement, de "
            "préférence avant l'admission ou dès réception de la facture.",
            where="Service des frais de séjour de l'établissement", documents=("Devis ou facture",), reason=source,
        ))
    if complementary in (Complementary.PRIVATE, Complementary.PRIVATE_RESPONSIBLE, Complementary.PRIVATE_NOT_RESPONSIBLE):
        items.append(GuidanceItem(
            "pay.check_complementary", "Vérifier votre complémentaire avant l'admission",
            "Envoyez le devis à votre complémentaire : elle vous dit ce qu'elle rembourse et peut faire une prise en "
            "charge directe avec l'établissement, pour ne pas avancer les frais.",
            where="Votre complémentaire santé", documents=("Devis", "Carte de tiers payant"), reason=source,
        ))
    if css_status is CssStatus.NOT_ELIGIBLE or complementary in (Complementary.NONE, Complementary.CSS_PENDING):
        items.append(GuidanceItem(
            "pay.local_aid", "Demander une aide si le reste à payer est élevé",
            f"La {caisse.short} (action sanitaire et sociale), le CCAS de votre commune, le département ou une "
            "association peuvent aider à payer des soins mal remboursés : joignez le devis, vos ressources et un "
            "courrier qui explique votre situation.",
            where=f"{caisse.short}, CCAS de la mairie, service social du département",
            documents=("Devis", "Justificatifs de ressources des trois derniers mois", "Pièce d'identité",
                       "Justificatif de domicile"),
            reason=source,
        ))
    return tuple(items)


# --------------------------------------------------------------------------- above the CSS ceiling, or leaving it


def complementary_guidance(
    *, css_status: CssStatus, complementary: Complementary, planned_kinds: frozenset[CareKind], caisse: Caisse,
) -> tuple[GuidanceItem, ...]:
    """Choosing a complementary, the CPAM's help with a premium, the year after a refused CSS renewal."""
    if css_status is not CssStatus.NOT_ELIGIBLE or complementary is Complementary.AME:
        return ()
    items: list[GuidanceItem] = []
    holder = complementary in (Complementary.CSS_FREE, Complementary.CSS_WITH_PARTICIPATION)
    if holder:
        items.append(GuidanceItem(
            "leave.renewal_refused", "Si le renouvellement de la CSS est refusé",
            "D'après vos ressources, le renouvellement de votre CSS serait refusé. Si elle était gérée par une mutuelle "
            "ou un autre organisme complémentaire, celui-ci doit vous proposer un an de prolongation : même organisme, "
            "mêmes garanties, cotisation à tarif privilégié. Si vous payiez une participation, la part des soins prise "
            "en charge par l'Assurance maladie reste sans avance de frais pendant un an, sur présentation de "
            f"l'attestation que la {caisse.short} vous enverra. Vous pouvez aussi contester le refus devant la "
            "commission de recours amiable dans les deux mois.",
            where="L'organisme qui gère votre CSS ; " + caisse.name,
            documents=("Attestation de fin de droits de la caisse",),
            reason=Reason("leave.renewal_refused", "", SEED_CSS, None),
        ))
    if complementary in (Complementary.NONE, Complementary.CSS_FREE, Complementary.CSS_WITH_PARTICIPATION,
                         Complementary.PRIVATE_NOT_RESPONSIBLE):
        what = [k for k, word in ((CareKind.GLASSES, "l'optique"), (CareKind.DENTAL_PROSTHESIS, "le dentaire"),
                                  (CareKind.HEARING_AIDS, "les aides auditives")) if k in planned_kinds]
        focus = ", en particulier pour les soins que vous prévoyez" if what else ""
        items.append(GuidanceItem(
            "leave.choose_complementary", "Choisir une complémentaire santé",
            "Comparez plusieurs offres" + focus + " : les remboursements de l'optique, du dentaire et des aides "
            "auditives ; les plafonds par an et par acte ; les franchises et délais de carence (période pendant "
            "laquelle le contrat ne rembourse pas encore). Préférez un contrat « responsable » : il rembourse "
            "entièrement l'offre « 100 % Santé » (lunettes, prothèses dentaires, aides auditives).",
            where="Mutuelles, assurances et institutions de prévoyance ; un comparateur ou une association",
            reason=Reason("leave.choose_complementary", "", SEED_ALTERNATIVES, None),
        ))
        items.append(GuidanceItem(
            "leave.premium_aid", "Aide de l'Assurance maladie pour payer la cotisation",
            f"Avec des revenus modestes, la {caisse.short} peut vous aider à financer une complémentaire santé "
            "(action sanitaire et sociale). L'aide est facultative et dépend du budget de la caisse : demandez-la avec "
            "un devis de cotisation.",
            where=caisse.name + " (compte ameli, 36 46)",
            documents=("Devis ou échéancier de cotisation", "Justificatifs de ressources"),
            reason=Reason("leave.premium_aid", "", SEED_CPAM_AID, AMELI_AID_HREF),
        ))
    return tuple(items)


# --------------------------------------------------------------------------- everything, for one simulation

NOT_RESIDENT_COVERS = frozenset({BaseCover.EU_CEAM, BaseCover.FOREIGN_AGREEMENT, BaseCover.FOREIGN_NO_AGREEMENT})


def outside_css(situation) -> Reason | None:
    """Why the CSS cannot apply whatever the resources (AME holder, visitor, irregular stay), or None."""
    cover = situation.coverage
    if situation.complementary is Complementary.AME or cover.irregular_stay is True:
        text = say("css.not_resident.irregular")
    elif cover.base in NOT_RESIDENT_COVERS:
        text = say("css.not_resident.visitor")
    else:
        return None
    return Reason("css.not_resident", text, "Code de la sécurité sociale, art. L861-1 et L160-1", CSSOC_HREF)


@contract(
    "caisse", "patient_cover", "payment_options", "complementary_choice",
    description="Caisse compétente (CPAM, CGSS outre-mer, CSSM), patients venus d'ailleurs, moyens de payer le reste, "
                "choix d'une complémentaire : ce que les chiffres du foyer appellent",
)
@dataclass(frozen=True, slots=True)
class CareGuidance(Contract):
    caisse: Caisse
    patient_cover: tuple[GuidanceItem, ...] = ()
    payment_options: tuple[GuidanceItem, ...] = ()
    complementary_choice: tuple[GuidanceItem, ...] = ()
    to_verify: tuple[str, ...] = ()

    @property
    def items(self) -> tuple[GuidanceItem, ...]:
        return (*self.patient_cover, *self.payment_options, *self.complementary_choice)


def build_guidance(situation, p: ParametersOn, css, reste) -> CareGuidance:
    """The guidance the household's figures call for (``css``: CssResult; ``reste``: OutOfPocket)."""
    caisse = caisse_for(situation.residence.territory, p)
    to_verify = []
    if situation.residence.territory is not Territory.METROPOLE:
        note = p.entry("demarches.caisses_outre_mer").to_verify
        if note:
            to_verify.append(f"{p.parameter_set['demarches.caisses_outre_mer'].description} : {note}")
    cover = situation.coverage
    patient_cover = cover_guidance(
        cover.base, irregular_stay=cover.irregular_stay, months_in_france=cover.months_in_france,
        resources=css.resources, ceiling_free=css.ceiling_free, caisse=caisse, p=p,
    )
    if situation.complementary is Complementary.AME and cover.base is BaseCover.FRENCH:
        patient_cover = (GuidanceItem(
            "outside.ame_holder", "Avec l'aide médicale de l'État",
            "L'AME prend en charge vos soins au tarif de la Sécurité sociale, sans avance de frais, forfait journalier "
            "et forfait urgences compris ; elle ne paie pas ce qui dépasse ce tarif (prothèses dentaires, lunettes, "
            "aides auditives au-delà de la base). Certains soins programmés non urgents demandent un accord préalable "
            f"de la {caisse.short}. Pensez à la renouveler chaque année.",
            where=caisse.name,
            reason=Reason("outside.ame_holder", "", "Code de l'action sociale et des familles, art. L251-2", CASF_HREF),
        ),)
        to_verify.append("AME : les soins programmés non urgents soumis à accord préalable (et la durée d'AME requise) "
                         "ne sont pas modélisés ; vérifier auprès de la caisse.")
    kinds = frozenset(c.kind for c in situation.planned_care)
    options = payment_options(
        total_left=reste.total_current, has_stay=CareKind.HOSPITALISATION in kinds,
        has_quoted=bool(kinds & {CareKind.DENTAL_PROSTHESIS, CareKind.GLASSES, CareKind.HEARING_AIDS}),
        complementary=situation.complementary, css_status=css.status, caisse=caisse,
    )
    choice = () if cover.base is not BaseCover.FRENCH else complementary_guidance(
        css_status=css.status, complementary=situation.complementary, planned_kinds=kinds, caisse=caisse,
    )
    if any(i.code == "leave.renewal_refused" for i in choice):
        to_verify.append("Prolongation d'un an du contrat après un refus de renouvellement de la CSS : décrite par la "
                         "source (fiche grand public) ; l'article du code de la sécurité sociale n'a pas été relu.")
    return CareGuidance(caisse, patient_cover, options, choice, tuple(to_verify))
