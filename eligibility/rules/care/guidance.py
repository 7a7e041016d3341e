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
from ..reasons import Reason
from ..sources import parameter_to_verify
from ..wording import Eur, Phrase, say

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
    # Phrases of the wording catalogue (a caisse's name in ``where`` is data), written with ``str()``.
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
        return _CPAM
    entry = p["demarches.caisses_outre_mer"][territory.value]
    # Its name is data (the parameter); the phrase explains it in the reader's language.
    return Caisse(entry["short"], say("caisse.overseas", name=entry["name"]), entry["href"])


_CPAM = Caisse("CPAM", say("caisse.cpam"), "https://www.ameli.fr")


# --------------------------------------------------------------------------- patients from outside


def _item(code: str, *, where, documents: tuple = (), reason: Reason, **params) -> GuidanceItem:
    """The guidance item ``code``: its title and text are the templates ``guidance.<code>.title`` and ``.text``."""
    return GuidanceItem(code, say(f"guidance.{code}.title"), say(f"guidance.{code}.text", **params), where,
                        tuple(say(f"guidance.documents.{d}") for d in documents), reason)


def _cited(code: str, article: str, href: str | None) -> Reason:
    """The source of a guidance item (the API prints its article and link; its words are the item's title)."""
    return Reason(code, say(f"guidance.{code}.title"), article, href)


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
        items.append(_item(
            "outside.ceam", caisse=caisse.short,
            where=say("guidance.outside.ceam.where", caisse=caisse.name),
            documents=("ceam", "identity"),
            reason=_cited("outside.ceam", EU_REGULATION, EU_HREF),
        ))
    elif base is BaseCover.FOREIGN_AGREEMENT:
        items.append(_item(
            "outside.agreement", where=say("guidance.outside.agreement.where"),
            documents=("agreement_form", "identity", "quote"),
            reason=_cited("outside.agreement", "CLEISS, accords bilatéraux de sécurité sociale", CLEISS_HREF),
        ))
    elif base is BaseCover.FOREIGN_NO_AGREEMENT:
        items.append(_item(
            "outside.no_agreement", where=say("guidance.outside.no_agreement.where"),
            documents=("foreign_insurance", "identity", "quote"),
            reason=_cited("outside.no_agreement", SEED_ALTERNATIVES, None),
        ))
    else:
        if irregular_stay is not True:
            enough = months_in_france is None or months_in_france >= int(minimum["puma"])
            items.append(GuidanceItem(
                "outside.puma", say("guidance.outside.puma.title"), _puma_text(irregular_stay, enough, minimum, caisse),
                where=caisse.name,
                documents=tuple(say(f"guidance.documents.{d}") for d in ("residence_permit", "domicile", "three_months")),
                reason=_cited("outside.puma", ref_presence.title, ref_presence.href),
            ))
        if irregular_stay is not False:
            eligible_time = months_in_france is None or months_in_france >= int(minimum["ame"])
            under_ceiling = resources is None or ceiling_free is None or resources <= ceiling_free
            if eligible_time and under_ceiling:
                ceiling = say("guidance.outside.ame.ceiling", ceiling=Eur(ceiling_free)) if ceiling_free else ""
                text = say("guidance.outside.ame.text", months=minimum["ame"], ceiling=ceiling, caisse=caisse.short)
            elif not eligible_time:
                text = say("guidance.outside.ame.text.too_early", months=minimum["ame"])
            else:
                text = say("guidance.outside.ame.text.over_ceiling")
            items.append(GuidanceItem(
                "outside.ame", say("guidance.outside.ame.title"), text, where=caisse.name,
                documents=tuple(say(f"guidance.documents.{d}")
                                for d in ("identity", "presence", "domicile_or_domiciliation", "resources")),
                reason=_cited("outside.ame", "Code de l'action sociale et des familles, art. L251-1 et L251-2",
                              CASF_HREF),
            ))
            items.append(_item(
                "outside.urgent_care", where=say("guidance.where.hospital_social_service"),
                reason=_cited("outside.urgent_care", "Code de l'action sociale et des familles, art. L254-1",
                              CASF_HREF),
            ))
    if base is not BaseCover.EU_CEAM:
        items.append(_item(
            "outside.pass", where=say("guidance.outside.pass.where"),
            documents=("identity_if_any", "any_document"),
            reason=_cited("outside.pass", "Code de la santé publique, art. L6112-6", CSP_HREF),
        ))
    return tuple(items)


def _puma_text(irregular_stay: bool | None, enough: bool, minimum: dict, caisse: Caisse) -> Phrase:
    months = minimum["puma"]
    if not enough:
        start = say("guidance.outside.puma.later", months=months)
    elif irregular_stay is None:
        start = say("guidance.outside.puma.if_regular", months=months)
    else:
        start = say("guidance.outside.puma.entitled", months=months)
    return say("guidance.outside.puma.text", start=start, caisse=caisse.short)


# --------------------------------------------------------------------------- paying the rest


def payment_options(
    *, total_left: Decimal, has_stay: bool, has_quoted: bool, complementary: Complementary, css_status: CssStatus,
    caisse: Caisse,
) -> tuple[GuidanceItem, ...]:
    """The "options de paiement" of the source document, those the household's figures call for."""
    if total_left <= 0:
        return ()
    source = Reason("pay.source", say("guidance.pay.source"), SEED_ALTERNATIVES, None)
    items: list[GuidanceItem] = []
    if has_stay or has_quoted:
        items.append(_item("pay.quote", where=say("guidance.pay.quote.where"), reason=source))
    if has_stay:
        items.append(_item("pay.instalments", where=say("guidance.pay.instalments.where"),
                           documents=("quote_or_invoice",), reason=source))
    if complementary in (Complementary.PRIVATE, Complementary.PRIVATE_RESPONSIBLE, Complementary.PRIVATE_NOT_RESPONSIBLE):
        items.append(_item("pay.check_complementary", where=say("guidance.pay.check_complementary.where"),
                           documents=("quote_only", "third_party_card"), reason=source))
    if css_status is CssStatus.NOT_ELIGIBLE or complementary in (Complementary.NONE, Complementary.CSS_PENDING):
        items.append(_item(
            "pay.local_aid", caisse=caisse.short, where=say("guidance.pay.local_aid.where", caisse=caisse.short),
            documents=("quote_only", "resources_three_months", "identity", "domicile_proof"), reason=source,
        ))
    return tuple(items)


# --------------------------------------------------------------------------- above the CSS ceiling, or leaving it

#: Planned care that makes the comparison of complementaries worth focusing on (optics, dental, hearing).
_FOCUS_KINDS = frozenset({CareKind.GLASSES, CareKind.DENTAL_PROSTHESIS, CareKind.HEARING_AIDS})


def complementary_guidance(
    *, css_status: CssStatus, complementary: Complementary, planned_kinds: frozenset[CareKind], caisse: Caisse,
) -> tuple[GuidanceItem, ...]:
    """Choosing a complementary, the CPAM's help with a premium, the year after a refused CSS renewal."""
    if css_status is not CssStatus.NOT_ELIGIBLE or complementary is Complementary.AME:
        return ()
    items: list[GuidanceItem] = []
    holder = complementary in (Complementary.CSS_FREE, Complementary.CSS_WITH_PARTICIPATION)
    if holder:
        items.append(_item(
            "leave.renewal_refused", caisse=caisse.short,
            where=say("guidance.leave.renewal_refused.where", caisse=caisse.name),
            documents=("end_of_rights",),
            reason=_cited("leave.renewal_refused", SEED_CSS, None),
        ))
    if complementary in (Complementary.NONE, Complementary.CSS_FREE, Complementary.CSS_WITH_PARTICIPATION,
                         Complementary.PRIVATE_NOT_RESPONSIBLE):
        planned = bool(planned_kinds & _FOCUS_KINDS)
        items.append(_item(
            "leave.choose_complementary", where=say("guidance.leave.choose_complementary.where"),
            focus=say("guidance.leave.choose_complementary.focus") if planned else "",
            reason=_cited("leave.choose_complementary", SEED_ALTERNATIVES, None),
        ))
        items.append(_item(
            "leave.premium_aid", caisse=caisse.short,
            where=say("guidance.leave.premium_aid.where", caisse=caisse.name),
            documents=("premium_quote", "resources"),
            reason=_cited("leave.premium_aid", SEED_CPAM_AID, AMELI_AID_HREF),
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
    to_verify: tuple[str, ...] = ()  # phrases of the catalogue, or a parameter's note; written with ``str()``

    @property
    def items(self) -> tuple[GuidanceItem, ...]:
        return (*self.patient_cover, *self.payment_options, *self.complementary_choice)


def build_guidance(situation, p: ParametersOn, css, reste) -> CareGuidance:
    """The guidance the household's figures call for (``css``: CssResult; ``reste``: OutOfPocket).

    For a household covered by the French health insurance (nearly all), the guidance reads only the territory,
    the complementary, whether anything is left to pay, the kinds of planned care and the CSS status: it is made
    once per such combination and date (``p.derived``), and shared (it is immutable)."""
    if situation.coverage.base is not BaseCover.FRENCH:
        return _build_guidance(situation, p, css, reste)
    key = (situation.residence.territory, situation.complementary, reste.total_current > 0,
           frozenset([c.kind for c in situation.planned_care]), css.status)
    made = p.derived(_guidance_table)
    found = made.get(key)
    if found is None:
        if len(made) >= _GUIDANCE_TABLE_MAX:
            made.clear()
        found = made[key] = _build_guidance(situation, p, css, reste)
    return found


def _guidance_table(p: ParametersOn) -> dict:
    """The guidance already made on the date of ``p``, by what it reads (``build_guidance``)."""
    return {}


_GUIDANCE_TABLE_MAX = 4096


def _build_guidance(situation, p: ParametersOn, css, reste) -> CareGuidance:
    caisse = caisse_for(situation.residence.territory, p)
    to_verify: list[Phrase | str] = []
    if situation.residence.territory is not Territory.METROPOLE:
        note = parameter_to_verify(p, "demarches.caisses_outre_mer")
        if note:
            to_verify.append(note)
    cover = situation.coverage
    patient_cover = cover_guidance(
        cover.base, irregular_stay=cover.irregular_stay, months_in_france=cover.months_in_france,
        resources=css.resources, ceiling_free=css.ceiling_free, caisse=caisse, p=p,
    )
    if situation.complementary is Complementary.AME and cover.base is BaseCover.FRENCH:
        patient_cover = (_item(
            "outside.ame_holder", caisse=caisse.short, where=caisse.name,
            reason=_cited("outside.ame_holder", "Code de l'action sociale et des familles, art. L251-2", CASF_HREF),
        ),)
        to_verify.append(say("care.verify.ame_prior_agreement"))
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
        to_verify.append(say("care.verify.renewal_refused"))
    return CareGuidance(caisse, patient_cover, options, choice, tuple(to_verify))
