"""Quoted care priced from the official tariffs: dental prostheses, glasses, hearing aids.

For one planned item (with or without a quote) this module finds the basket (100 % Santé, tarifs maîtrisés or
free price), the Sécurité sociale base and rate, the legal price limits, the limits a professional must respect
for a holder of the Complémentaire santé solidaire, and prices the item for each coverage:

- no complementary: billed − Sécurité sociale share (L160-13, R160-5);
- CSS: nothing inside the 100 % Santé baskets and the CSS limits (L861-3), the excess otherwise;
- a "responsible" complementary: nothing inside the 100 % Santé baskets (L871-1, R871-2), at most the part
  above the base otherwise (its guarantees are unknown: "au plus");
- a contract that is not responsible, or unknown: at most billed − Sécurité sociale share;
- AME: the base is paid in full, nothing above it (CASF L251-2).

Every figure comes from a dated parameter file under ``eligibility/parameters/soins``; where a figure has no
source (a price limit we could not read), the result says so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..contract import Contract, contract, entry, money, text
from ..enums import Basket, CareKind, DentalAct, Material, QuotedScenario, ToothPosition
from ..parameters import ParameterDateError, ParametersOn
from ..reasons import Reason, cents, format_eur, format_percent

ZERO = Decimal("0")

#: Basket names used in the parameters and the results.
CENT_POUR_CENT_SANTE, TARIFS_MAITRISES, LIBRE = "cent_pour_cent_sante", "tarifs_maitrises", "libre"
BASKET_WORDS = {
    CENT_POUR_CENT_SANTE: "offre « 100 % Santé »",
    TARIFS_MAITRISES: "panier à tarifs maîtrisés",
    LIBRE: "tarif libre",
}
ACT_WORDS = {DentalAct.CROWN: "couronne", DentalAct.BRIDGE: "bridge", DentalAct.DENTURE: "prothèse amovible (dentier)"}

CCAM_HREF = "https://www.ameli.fr/accueil-de-la-ccam/index.php"
CSS_ARTICLE, CSS_HREF = "Code de la sécurité sociale, art. L861-3", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189"
RESPONSIBLE_ARTICLE = "Code de la sécurité sociale, art. L871-1 et R871-2"
AME_ARTICLE = "Code de l'action sociale et des familles, art. L251-2"
AME_HREF = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069"


@contract("billed", "social_security", "complementary", "left", "upper_bound", "at_least", text("note"))
@dataclass(frozen=True, slots=True)
class Priced(Contract):
    """One coverage scenario for a quoted item (all units together)."""

    billed: Decimal
    social_security: Decimal
    complementary: Decimal | None     # None: unknown (private contract)
    left: Decimal
    upper_bound: bool = False         # "au plus"
    at_least: Decimal | None = None   # known floor of ``left`` when upper_bound (responsible contract ceiling)
    note: str | None = None


@contract(
    "price_100_sante",
    entry("usual_range", get=lambda a: {"low": money(a.usual_low), "high": money(a.usual_high)}
          if a.usual_low is not None else None, type=dict[str, Decimal] | None),
    text("advice"),
)
@dataclass(frozen=True, slots=True)
class NoQuoteAdvice(Contract):
    """What to tell someone who has no quote yet."""

    price_100_sante: Decimal | None   # total for all units; None when no sourced limit
    usual_low: Decimal | None
    usual_high: Decimal | None
    advice: str


@contract(
    "kind", "act", "basket", "units", "child", "quote", "billed", "base", entry("rate", kind="float"), "social_security",
    "price_limit", "css_limit", "responsible_cap", "no_quote",
)
@dataclass(frozen=True, slots=True)
class QuotedPricing(Contract):
    kind: CareKind
    act: DentalAct | None
    basket: str                       # cent_pour_cent_sante / tarifs_maitrises / libre
    units: int                        # ears for hearing aids, 1 otherwise
    child: bool
    quote: Decimal | None             # as given (whole item)
    billed: Decimal | None            # amount priced (quote, or the 100 % Santé figure without a quote)
    base: Decimal | None              # Sécurité sociale base, all units
    rate: Decimal | None
    social_security: Decimal | None   # all units
    price_limit: Decimal | None       # 100 % Santé / tarifs maîtrisés limit, all units
    css_limit: Decimal | None         # limit for a CSS holder, all units
    responsible_cap: Decimal | None   # most a responsible contract may pay (incl. Sécurité sociale), all units
    reasons: tuple[Reason, ...]
    to_verify: tuple[str, ...]
    no_quote: NoQuoteAdvice | None

    @property
    def priced(self) -> bool:
        return self.billed is not None and self.social_security is not None

    def column(self, scenario: QuotedScenario) -> Priced | None:
        """What this item costs for one coverage, or None when it cannot be priced at all."""
        if not self.priced:
            return None
        return _price(self, scenario)


# --------------------------------------------------------------------------- lookups


def _get(p: ParametersOn, name: str):
    try:
        return p[name], p.entry(name)
    except ParameterDateError:
        return None, None


def _table(table: dict | None, *keys: str) -> Decimal | None:
    node = table
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node if isinstance(node, Decimal) else None


def dental_basket(p: ParametersOn, act: DentalAct, material: Material | None, tooth: ToothPosition | None) -> tuple[str | None, Decimal | None]:
    """(basket, price limit of one act) from the convention's table, or (None, None) when details are missing."""
    limits, _ = _get(p, "soins.dentaire_100_sante_prix_limites")
    if limits is None or material is None:
        return None, None
    position = "any" if act is DentalAct.DENTURE else (tooth.value if tooth else None)
    if position is None:
        return None, None
    for basket in (CENT_POUR_CENT_SANTE, TARIFS_MAITRISES):
        value = _table(limits.get(basket), act.value, material.value, position)
        if value is not None:
            return basket, value
    return LIBRE, None


def _reason(p: ParametersOn, name: str, code: str, text: str) -> Reason:
    ref = p.reference(name)
    return Reason(code, text, ref.title, ref.href)


def _note(p: ParametersOn, name: str, notes: list[str]) -> None:
    entry = p.entry(name)
    if entry.to_verify:
        text = f"{p.parameter_set[name].description} : {entry.to_verify}"
        if text not in notes:
            notes.append(text)


# --------------------------------------------------------------------------- pricing one item


def price_quoted(
    p: ParametersOn,
    kind: CareKind,
    *,
    quote: Decimal | None,
    basket: Basket | None,
    age: int,
    member: str,
    act: DentalAct | None = None,
    material: Material | None = None,
    tooth: ToothPosition | None = None,
    ears: int = 1,
    lenses: str | None = None,
) -> QuotedPricing:
    if kind is CareKind.DENTAL_PROSTHESIS:
        return _dental(p, quote=quote, basket=basket, member=member, act=act or DentalAct.CROWN, material=material,
                       tooth=tooth, age=age)
    if kind is CareKind.HEARING_AIDS:
        return _hearing(p, quote=quote, basket=basket, member=member, age=age, ears=ears)
    return _glasses(p, quote=quote, basket=basket, member=member, age=age, lenses=lenses)


def _dental(p, *, quote, basket, member, act, material, tooth, age) -> QuotedPricing:
    reasons: list[Reason] = []
    notes: list[str] = []
    base_table, _ = _get(p, "soins.dentaire_base_remboursement")
    rate, _ = _get(p, "soins.dentaire_taux_remboursement")
    words = ACT_WORDS[act]
    table_basket, limit = dental_basket(p, act, material, tooth)
    declared = CENT_POUR_CENT_SANTE if basket is Basket.CENT_POUR_CENT_SANTE else (LIBRE if basket is Basket.OTHER else None)
    if table_basket is not None:
        resolved = table_basket
        if declared is not None and (declared == CENT_POUR_CENT_SANTE) != (table_basket == CENT_POUR_CENT_SANTE):
            notes.append(
                f"Prothèse dentaire de {member} : le panier indiqué ne correspond pas au matériau et à la position "
                f"de la dent ({BASKET_WORDS[table_basket]} d'après la convention dentaire) ; le calcul suit la convention."
            )
        reasons.append(_reason(
            p, "soins.dentaire_100_sante_prix_limites", f"care.quoted.dental.basket.{resolved}",
            f"{words.capitalize()} : {BASKET_WORDS[resolved]} pour ce matériau et cette position de dent"
            + (f", prix limite {format_eur(limit)}." if limit is not None else " (le dentiste fixe son prix)."),
        ))
        _note(p, "soins.dentaire_100_sante_prix_limites", notes)
    else:
        resolved = declared or CENT_POUR_CENT_SANTE
        if resolved == CENT_POUR_CENT_SANTE and act is DentalAct.DENTURE:
            limits, _ = _get(p, "soins.dentaire_100_sante_prix_limites")
            limit = _table(limits.get(CENT_POUR_CENT_SANTE) if limits else None, "denture", "resin", "any")
            if limit is not None:
                reasons.append(_reason(
                    p, "soins.dentaire_100_sante_prix_limites", "care.quoted.dental.basket.cent_pour_cent_sante",
                    f"Prothèse amovible complète en résine « 100 % Santé » : prix limite {format_eur(limit)} par arc.",
                ))
                _note(p, "soins.dentaire_100_sante_prix_limites", notes)
        if limit is None and resolved == CENT_POUR_CENT_SANTE:
            notes.append(
                f"Prothèse dentaire de {member} : prix limite « 100 % Santé » non repris ici pour ce {words} "
                "(matériau ou position de la dent inconnus, ou valeur non sourcée) : vérifier sur le devis que le "
                "prix ne le dépasse pas."
            )
    base = rate_value = social_security = None
    if base_table is not None and rate is not None:
        base = base_table[act.value]
        rate_value = rate
        social_security = cents(base * rate)
        reasons.append(_reason(
            p, "soins.dentaire_taux_remboursement", "care.quoted.dental.social_security",
            f"La Sécurité sociale rembourse {format_percent(rate)} de la base de remboursement ({format_eur(base)} pour "
            f"ce type de prothèse), soit {format_eur(social_security)}, quel que soit le prix.",
        ))
        _note(p, "soins.dentaire_base_remboursement", notes)
        _note(p, "soins.dentaire_taux_remboursement", notes)
    else:
        notes.append(f"Prothèse dentaire de {member} : pas de base de remboursement connue à cette date.")
    css_limit = None
    css_table, _ = _get(p, "soins.dentaire_css_montants_maximaux")
    if css_table is not None and material is not None:
        position = "any" if act is DentalAct.DENTURE else (tooth.value if tooth else None)
        if position is not None:
            css_limit = _table(css_table, act.value, material.value, position)
            if css_limit is not None:
                reasons.append(_reason(
                    p, "soins.dentaire_css_montants_maximaux", "care.quoted.dental.css_limit",
                    f"Avec la Complémentaire santé solidaire, le dentiste ne peut pas facturer plus de "
                    f"{format_eur(css_limit)} pour ce {words} ; la CSS paie tout ce qui dépasse le remboursement de la "
                    "Sécurité sociale jusqu'à ce montant.",
                ))
                _note(p, "soins.dentaire_css_montants_maximaux", notes)
    usual = _usual(p, act.value, notes)
    return _finish(
        p, CareKind.DENTAL_PROSTHESIS, act=act, basket=resolved, units=1, child=False, quote=quote, base=base,
        rate=rate_value, per_unit_ss=social_security, limit=limit, css_limit=css_limit, cap=None,
        reasons=reasons, notes=notes, usual=usual, member=member, what=words,
        advice=(
            "Demandez au dentiste un devis qui comprend une proposition « 100 % Santé » ou, à défaut, à tarif maîtrisé : "
            "il doit vous la faire quand elle existe pour votre dent."
        ),
    )


def _hearing(p, *, quote, basket, member, age, ears) -> QuotedPricing:
    reasons: list[Reason] = []
    notes: list[str] = []
    tariffs, _ = _get(p, "soins.audition_tarifs")
    rate, _ = _get(p, "soins.optique_taux_remboursement")
    caps, _ = _get(p, "soins.contrat_responsable_plafonds")
    resolved = CENT_POUR_CENT_SANTE if basket in (None, Basket.CENT_POUR_CENT_SANTE) else LIBRE
    if tariffs is None or rate is None:
        notes.append(f"Aides auditives de {member} : tarifs de la LPP non repris avant le 1er janvier 2021.")
        return _finish(p, CareKind.HEARING_AIDS, act=None, basket=resolved, units=ears, child=False, quote=quote,
                       base=None, rate=None, per_unit_ss=None, limit=None, css_limit=None, cap=None, reasons=reasons,
                       notes=notes, usual=None, member=member, what="aide auditive", advice=_HEARING_ADVICE)
    child = age < int(tariffs["age_limit"])
    group = tariffs["child" if child else "adult"]
    base, limit = group["base"], group["class_1_price_limit"]
    social_security = cents(base * rate)
    who = f"moins de {tariffs['age_limit']} ans" if child else f"{tariffs['age_limit']} ans ou plus"
    reasons.append(_reason(
        p, "soins.audition_tarifs", "care.quoted.hearing.social_security",
        f"Aide auditive ({who}) : la Sécurité sociale rembourse {format_percent(rate)} de la base de "
        f"{format_eur(base)} par oreille, soit {format_eur(social_security)} par oreille.",
    ))
    if resolved == CENT_POUR_CENT_SANTE:
        reasons.append(_reason(
            p, "soins.audition_tarifs", "care.quoted.hearing.class_1",
            f"Classe I (« 100 % Santé ») : prix limite {format_eur(limit)} par oreille ; rien à payer avec la CSS ou "
            "une complémentaire responsable.",
        ))
    else:
        reasons.append(_reason(
            p, "soins.audition_tarifs", "care.quoted.hearing.class_2",
            "Classe II : prix libre ; l'audioprothésiste doit aussi vous proposer un appareil de classe I "
            f"(« 100 % Santé », au plus {format_eur(limit)} par oreille, sans reste à payer avec la CSS ou une "
            "complémentaire responsable).",
        ))
        notes.append(
            f"Aides auditives de classe II de {member} avec la CSS : prise en charge comptée au ticket modérateur "
            "(base de la Sécurité sociale) ; montant exact à vérifier auprès de l'organisme gestionnaire de la CSS."
        )
    _note(p, "soins.audition_tarifs", notes)
    css_limit = group.get("css_class_1_price_limit") if resolved == CENT_POUR_CENT_SANTE else None
    if css_limit is not None:
        reasons.append(_reason(
            p, "soins.audition_tarifs", "care.quoted.hearing.css_limit",
            f"Avec la Complémentaire santé solidaire, l'audioprothésiste doit proposer des appareils de classe I à "
            f"{format_eur(css_limit)} au plus par oreille : rien à payer.",
        ))
    cap = caps.get("hearing_aid_per_ear") if caps is not None else None
    if cap is not None and resolved == LIBRE:
        _note(p, "soins.contrat_responsable_plafonds", notes)
    usual = _usual(p, "hearing_aids", notes) if resolved == LIBRE else None
    return _finish(
        p, CareKind.HEARING_AIDS, act=None, basket=resolved, units=ears, child=child, quote=quote, base=base, rate=rate,
        per_unit_ss=social_security, limit=limit, css_limit=css_limit, cap=cap, reasons=reasons, notes=notes,
        usual=usual, member=member, what="aide auditive", advice=_HEARING_ADVICE,
    )


_HEARING_ADVICE = (
    "Demandez à l'audioprothésiste un devis qui comprend au moins un appareil de classe I (« 100 % Santé ») : il doit "
    "vous en proposer, avec un essai de 30 jours."
)


def _glasses(p, *, quote, basket, member, age, lenses) -> QuotedPricing:
    reasons: list[Reason] = []
    notes: list[str] = []
    tariffs, _ = _get(p, "soins.optique_tarifs")
    rate, _ = _get(p, "soins.optique_taux_remboursement")
    caps, _ = _get(p, "soins.contrat_responsable_plafonds")
    resolved = CENT_POUR_CENT_SANTE if basket in (None, Basket.CENT_POUR_CENT_SANTE) else LIBRE
    advice = (
        "Demandez à l'opticien un devis qui comprend un équipement « 100 % Santé » (classe A) : il doit vous en "
        "proposer un, monture et verres."
    )
    if tariffs is None or rate is None:
        notes.append(f"Lunettes de {member} : tarifs de la LPP non repris avant le 1er janvier 2020.")
        return _finish(p, CareKind.GLASSES, act=None, basket=resolved, units=1, child=age < 16, quote=quote, base=None,
                       rate=None, per_unit_ss=None, limit=None, css_limit=None, cap=None, reasons=reasons, notes=notes,
                       usual=None, member=member, what="lunettes", advice=advice)
    child = age < 16
    if resolved == CENT_POUR_CENT_SANTE:
        frame_base = tariffs["classe_a"]["frame_base"]
        base = frame_base
        social_security = cents(frame_base * rate)
        limit = None
        reasons.append(_reason(
            p, "soins.optique_tarifs", "care.quoted.glasses.class_a",
            f"Lunettes de classe A (« 100 % Santé ») : monture au plus {format_eur(tariffs['classe_a']['frame_price_limit'])}, "
            "verres à prix limité selon la correction ; rien à payer avec la CSS ou une complémentaire responsable. "
            f"La Sécurité sociale rembourse {format_eur(social_security)} sur la monture, plus une part des verres qui "
            "dépend de la correction (indiquée sur le devis).",
        ))
        notes.append(
            f"Lunettes de {member} : part de la Sécurité sociale sur les verres de classe A non comptée (elle dépend de "
            "la correction) ; sans complémentaire, le reste à payer est un peu inférieur à celui affiché."
        )
    else:
        frame_base, lens_base = tariffs["classe_b"]["frame_base"], tariffs["classe_b"]["lens_base"]
        base = frame_base + 2 * lens_base
        social_security = cents(base * rate)
        limit = None
        reasons.append(_reason(
            p, "soins.optique_tarifs", "care.quoted.glasses.class_b",
            f"Lunettes de classe B (prix libre) : la Sécurité sociale rembourse {format_percent(rate)} d'une base de "
            f"{format_eur(frame_base)} par élément (monture et deux verres), soit {format_eur(social_security)} en tout ; "
            "avec la CSS, seule cette base est couverte (la CSS ne couvre entièrement que la classe A).",
        ))
    _note(p, "soins.optique_tarifs", notes)
    cap = None
    if caps is not None and resolved == LIBRE:
        grade = lenses if lenses in ("simple", "complex", "very_complex") else None
        if grade:
            cap = caps["glasses"][grade]
        reasons.append(_reason(
            p, "soins.contrat_responsable_plafonds", "care.quoted.glasses.responsible_cap",
            f"Un contrat responsable rembourse au plus {format_eur(caps['glasses']['simple'])} à "
            f"{format_eur(caps['glasses']['very_complex'])} pour des lunettes de classe B selon les verres, dont "
            f"{format_eur(caps['glasses']['frame'])} pour la monture, une paire tous les deux ans (chaque année avant 16 ans).",
        ))
        _note(p, "soins.contrat_responsable_plafonds", notes)
    return _finish(
        p, CareKind.GLASSES, act=None, basket=resolved, units=1, child=child, quote=quote, base=base, rate=rate,
        per_unit_ss=social_security, limit=limit, css_limit=None, cap=cap, reasons=reasons, notes=notes,
        usual=None, member=member, what="lunettes", advice=advice,
        frame_limit=tariffs["classe_a"]["frame_price_limit"] if resolved == CENT_POUR_CENT_SANTE else None,
    )


def _usual(p: ParametersOn, key: str, notes: list[str]) -> tuple[Decimal, Decimal] | None:
    table, _ = _get(p, "soins.prix_usuels")
    if table is None or key not in table:
        return None
    _note(p, "soins.prix_usuels", notes)
    return table[key]["low"], table[key]["high"]


def _finish(p, kind, *, act, basket, units, child, quote, base, rate, per_unit_ss, limit, css_limit, cap, reasons,
            notes, usual, member, what, advice, frame_limit=None) -> QuotedPricing:
    total_limit = limit * units if limit is not None else None
    no_quote = None
    billed = quote
    if quote is None:
        figure = total_limit if basket == CENT_POUR_CENT_SANTE or kind is CareKind.HEARING_AIDS else None
        low, high = (usual[0] * units, usual[1] * units) if usual else (None, None)
        parts = []
        if basket == TARIFS_MAITRISES and total_limit is not None:
            parts.append(f"À tarif maîtrisé : {format_eur(total_limit)} au plus ; un contrat responsable ou la CSS en "
                         "paie tout ou partie.")
        if figure is not None:
            parts.append(f"En « 100 % Santé » : {format_eur(figure)} au plus, sans reste à payer avec la CSS ou une "
                         "complémentaire responsable.")
        elif frame_limit is not None:
            parts.append(f"En « 100 % Santé » : monture à {format_eur(frame_limit)} au plus et verres à prix limité, sans "
                         "reste à payer avec la CSS ou une complémentaire responsable.")
        if low is not None:
            parts.append(f"Hors « 100 % Santé », les prix constatés vont souvent de {format_eur(low)} à {format_eur(high)}.")
        parts.append(advice)
        no_quote = NoQuoteAdvice(figure, low, high, " ".join(parts))
        if basket == LIBRE and high is not None:
            billed = high
        else:
            billed = figure if basket != TARIFS_MAITRISES else total_limit
        notes.append(
            f"{what.capitalize()} de {member} : pas encore de devis ; "
            + ("estimation sur le prix limite « 100 % Santé »." if billed is not None and basket != LIBRE
               else "estimation sur le haut de la fourchette usuelle." if billed is not None
               else "montant non estimé.")
        )
    return QuotedPricing(
        kind=kind, act=act, basket=basket, units=units, child=child, quote=quote, billed=billed,
        base=base * units if base is not None else None, rate=rate,
        social_security=per_unit_ss * units if per_unit_ss is not None else None,
        price_limit=total_limit, css_limit=css_limit * units if css_limit is not None else None,
        responsible_cap=cap * units if cap is not None and kind is CareKind.HEARING_AIDS else cap,
        reasons=tuple(reasons), to_verify=tuple(dict.fromkeys(notes)), no_quote=no_quote,
    )


# --------------------------------------------------------------------------- columns


def _price(q: QuotedPricing, scenario: QuotedScenario) -> Priced:
    billed = q.billed
    assert billed is not None and q.social_security is not None
    capped_note = None
    if q.price_limit is not None and q.basket != LIBRE and billed > q.price_limit:
        capped_note = (f"Le devis dépasse le prix limite ({format_eur(q.price_limit)}) : le professionnel ne peut pas "
                       "facturer plus pour cette offre.")
        billed = q.price_limit
    ss = min(q.social_security, billed)
    base = min(q.base if q.base is not None else ss, billed)
    estimate = q.quote is None
    upper = estimate and q.basket == LIBRE

    if scenario is QuotedScenario.CSS:
        limit = q.css_limit if q.css_limit is not None else (q.price_limit if q.basket != LIBRE else None)
        if q.basket != LIBRE or q.css_limit is not None:
            css_billed = min(billed, limit) if limit is not None else billed
            if q.basket == LIBRE and q.css_limit is not None and billed > q.css_limit:
                note = (f"Avec la CSS, le dentiste doit s'en tenir à {format_eur(q.css_limit)} pour cet acte : rien à "
                        "payer s'il respecte ce tarif.")
            elif css_billed < billed:
                note = f"Avec la CSS, le professionnel ne peut pas facturer plus de {format_eur(css_billed)} : rien à payer."
            else:
                note = "Offre « 100 % Santé » ou tarif CSS : rien à payer avec la CSS."
            return Priced(css_billed, min(ss, css_billed), css_billed - min(ss, css_billed), ZERO, note=note)
        left = billed - base
        return Priced(billed, ss, base - ss, left, upper_bound=True,
                      note="Hors « 100 % Santé », la CSS paie le tarif de base de la Sécurité sociale ; le reste est à "
                           "payer, sauf si le professionnel applique un tarif du panier CSS (à vérifier sur le devis) : "
                           "un devis « 100 % Santé » ne laisserait rien à payer.")
    if scenario is QuotedScenario.AME:
        left = billed - base
        return Priced(billed, base, ZERO, left, upper_bound=upper,
                      note="L'AME paie le tarif de base de la Sécurité sociale, rien au-delà : le reste est à payer.")
    if scenario is QuotedScenario.NONE:
        left = billed - ss
        return Priced(billed, ss, ZERO, left, upper_bound=upper or q.kind is CareKind.GLASSES and q.basket != LIBRE,
                      note=capped_note or "Sans complémentaire, tout ce que la Sécurité sociale ne rembourse pas reste à payer.")
    if scenario is QuotedScenario.PRIVATE_RESPONSIBLE:
        if q.basket == CENT_POUR_CENT_SANTE:
            return Priced(billed, ss, billed - ss, ZERO,
                          note=capped_note or "Offre « 100 % Santé » : un contrat responsable paie tout le reste.")
        floor = None
        if q.responsible_cap is not None:
            floor = max(ZERO, billed - q.responsible_cap - (ss if q.kind is CareKind.GLASSES else ZERO))
        return Priced(billed, ss, base - ss, billed - base, upper_bound=True, at_least=floor,
                      note="Un contrat responsable paie au moins le ticket modérateur (compté ici) ; au-delà, cela dépend "
                           "des garanties"
                           + (f" (il ne peut pas rembourser plus de {format_eur(q.responsible_cap)}"
                              + (", Sécurité sociale comprise)" if q.kind is CareKind.HEARING_AIDS else ")")
                              if q.responsible_cap is not None else "")
                           + " : demandez-lui un devis de remboursement.")
    # private contract of unknown kind, or not responsible
    note = ("Dépend de votre contrat. Avec un contrat « responsable » (la grande majorité), l'offre « 100 % Santé » ne "
            "laisse rien à payer : vérifiez votre contrat." if scenario is QuotedScenario.PRIVATE and q.basket == CENT_POUR_CENT_SANTE
            else "Dépend de votre contrat : montant avant son remboursement.")
    return Priced(billed, ss, None, billed - ss, upper_bound=True, note=" ".join(filter(None, (capped_note, note))))
