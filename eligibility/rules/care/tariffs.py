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
from functools import lru_cache

from ..contract import Contract, contract, entry, money, text
from ..enums import Basket, CareKind, DentalAct, Material, QuotedScenario, ToothPosition
from ..parameters import ParameterDateError, ParametersOn
from ..reasons import Reason, cents, format_percent
from ..sources import parameter_to_verify, reason_from
from ..wording import Capital, Day, Eur, Joined, Phrase, say

ZERO = Decimal("0")

#: Basket names used in the parameters and the results.
CENT_POUR_CENT_SANTE, TARIFS_MAITRISES, LIBRE = "cent_pour_cent_sante", "tarifs_maitrises", "libre"
#: How the sentences name them (``eligibility/rules/wording/quoted.py``).
BASKET_WORDS = {
    CENT_POUR_CENT_SANTE: say("care.quoted.basket.cent_pour_cent_sante"),
    TARIFS_MAITRISES: say("care.quoted.basket.tarifs_maitrises"),
    LIBRE: say("care.quoted.basket.libre"),
}
ACT_WORDS = {
    DentalAct.CROWN: say("care.quoted.act.crown"),
    DentalAct.BRIDGE: say("care.quoted.act.bridge"),
    DentalAct.DENTURE: say("care.quoted.act.denture"),
}
HEARING_AID, GLASSES = say("care.quoted.what.hearing_aid"), say("care.quoted.what.glasses")

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
    note: Phrase | None = None        # a phrase of the wording catalogue, written with ``str()``


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
    advice: Phrase                    # the catalogue's sentences, written with ``str()``


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
    to_verify: tuple[str, ...]        # phrases of the catalogue, or a parameter's note; written with ``str()``
    no_quote: NoQuoteAdvice | None
    css_cover: Decimal | None = None  # most the CSS pays (Sécurité sociale included) at a free price, all units

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
    """(value, dated entry) in force on ``p``'s date, or (None, None) before the parameter's first value: found once
    per date and parameter (``derived_for``), the missing ones included (a tariff not yet in force raised and caught
    its error at every item)."""
    return p.derived_for(_in_force, name)


def _in_force(p: ParametersOn, name: str):
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


#: Dental price limits: those an official source confirms, then those read on secondary sources only (flagged).
DENTAL_LIMITS = ("soins.dentaire_100_sante_prix_limites", "soins.dentaire_prix_limites_sources_secondaires")
#: In the confirmed table: acts of a basket whose price limit is not sourced (``{basket: {act: {material: [positions]}}}``).
UNLIMITED = "sans_prix_limite_repris"


#: The tables' keys a tooth is read under, most precise first. The crown and CSS tables know ``front`` only;
#: the bridge table knows ``incisor`` (HBLD785 replaces an incisor). A bridge said to replace a ``front`` tooth
#: (incisor, canine or first premolar, not told apart) is read as an incisor, and the professionals are told.
POSITION_KEYS = {
    ToothPosition.INCISOR: ("incisor", "front"),
    ToothPosition.CANINE_OR_FIRST_PREMOLAR: ("canine_or_first_premolar", "front"),
    ToothPosition.FRONT: ("front", "incisor"),
}


def position_keys(act: DentalAct, tooth: ToothPosition | None) -> tuple[str, ...]:
    """The keys of the convention's tables a tooth is looked up under (a denture: any tooth)."""
    if act is DentalAct.DENTURE:
        return ("any",)
    if tooth is None:
        return ()
    return POSITION_KEYS.get(tooth, (tooth.value,))


def _at_position(table, keys: tuple[str, ...], *path: str) -> Decimal | None:
    for key in keys:
        value = _table(table, *path, key)
        if value is not None:
            return value
    return None


def dental_basket(
    p: ParametersOn, act: DentalAct, material: Material | None, tooth: ToothPosition | None,
) -> tuple[str | None, Decimal | None, str | None]:
    """(basket, price limit of one act, parameter it comes from) from the convention's tables.

    (None, None, None) when the material or the tooth is missing, or when the tables of that date do not know the
    act at all (a bridge before 2021): the basket is then the one declared. A 100 % Santé act whose limit is not
    sourced (a metal bridge) has no limit; an act the tables know, in a combination they do not list, is free price
    (a ceramo-metal bridge replacing a canine, a first premolar or a back tooth).
    """
    confirmed, _ = _get(p, DENTAL_LIMITS[0])
    keys = position_keys(act, tooth)
    if confirmed is None or material is None or not keys:
        return None, None, None
    known = False
    for name in DENTAL_LIMITS:
        limits, _ = _get(p, name)
        for basket in (CENT_POUR_CENT_SANTE, TARIFS_MAITRISES):
            by_act = (limits or {}).get(basket) or {}
            known = known or act.value in by_act
            value = _at_position(by_act, keys, act.value, material.value)
            if value is not None:
                return basket, value, name
    for basket, acts in (confirmed.get(UNLIMITED) or {}).items():
        known = known or act.value in acts
        if set(keys) & set((acts.get(act.value) or {}).get(material.value) or ()):
            return basket, None, DENTAL_LIMITS[0]
    return (LIBRE, None, None) if known else (None, None, None)


def _dental_basket(p: ParametersOn, key: tuple[DentalAct, Material | None, ToothPosition | None]):
    return dental_basket(p, *key)


def _note(p: ParametersOn, name: str, notes: list) -> None:
    """The parameter's "to verify" note, once."""
    text = parameter_to_verify(p, name)
    if text and text not in notes:
        notes.append(text)


def _first_day(p: ParametersOn, name: str) -> Day:
    """The first day a parameter has a value (the tariffs are not known before)."""
    return Day(p.parameter_set[name].values[0].start)


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
    """The item priced: what the tariffs of the date say of it (``_tariffed``), then its quote (``_finish``).

    The tariffs' part depends on nothing but ``p`` and the item's description (on the quote only by whether there
    is one), so it is kept in a bounded table keyed by the snapshot of the date and those values: an item asked for
    again on the same date (same kind, basket, act, material, tooth, age, ears, lenses and member, who is named in
    its notes) does not walk the tables again. The part is immutable (tuples), so sharing it changes nothing.
    """
    return _finish(_tariffed(p, kind, basket, age, member, act, material, tooth, ears, lenses, quote is None), quote)


#: Size of the table of ``_tariffed`` (a snapshot of the parameters hashes by identity and is kept alive by its key,
#: so an entry is never read for another date or another parameter set).
TARIFFED_CACHE = 8192


@lru_cache(maxsize=TARIFFED_CACHE)
def _tariffed(p: ParametersOn, kind: CareKind, basket: Basket | None, age: int, member: str, act: DentalAct | None,
              material: Material | None, tooth: ToothPosition | None, ears: int, lenses: str | None,
              without_quote: bool) -> _Tariffed:
    if kind is CareKind.DENTAL_PROSTHESIS:
        return _dental(p, basket=basket, member=member, act=act or DentalAct.CROWN, material=material, tooth=tooth,
                       age=age)
    if kind is CareKind.HEARING_AIDS:
        return _hearing(p, without_quote=without_quote, basket=basket, member=member, age=age, ears=ears)
    return _glasses(p, basket=basket, member=member, age=age, lenses=lenses)


def _dental(p, *, basket, member, act, material, tooth, age) -> _Tariffed:
    reasons: list[Reason] = []
    notes: list[str] = []
    base_table, _ = _get(p, "soins.dentaire_base_remboursement")
    rate, _ = _get(p, "soins.dentaire_taux_remboursement")
    words = ACT_WORDS[act]
    # The convention's tables read once per date for each (act, material, tooth): three members of enums (or None).
    table_basket, limit, source = p.derived_for(_dental_basket, (act, material, tooth))
    declared = CENT_POUR_CENT_SANTE if basket is Basket.CENT_POUR_CENT_SANTE else (LIBRE if basket is Basket.OTHER else None)
    if table_basket is not None:
        resolved = table_basket
        if declared is not None and (declared == CENT_POUR_CENT_SANTE) != (table_basket == CENT_POUR_CENT_SANTE):
            notes.append(say("care.quoted.verify.dental.basket_mismatch", member=member,
                             basket=BASKET_WORDS[table_basket]))
        if act is DentalAct.BRIDGE and material is Material.CERAMIC_METAL and limit is not None:
            # HBLD785: the only ceramo-metal bridge of the basket replaces an incisor, not a canine or a premolar;
            # a "front" tooth not told apart is counted as an incisor, and the professionals check it.
            text = say("care.quoted.dental.basket.bridge_incisor", act=Capital(words), basket=BASKET_WORDS[resolved],
                       limit=Eur(limit))
            if tooth is not ToothPosition.INCISOR:
                notes.append(say("care.quoted.verify.dental.bridge_incisor", member=member, limit=Eur(limit)))
        elif act is DentalAct.BRIDGE and material is Material.CERAMIC_METAL and resolved == LIBRE:
            text = say("care.quoted.dental.basket.bridge_not_incisor", act=Capital(words), basket=BASKET_WORDS[resolved])
            notes.append(say("care.quoted.verify.dental.bridge_not_incisor", member=member))
        elif limit is not None:
            text = say("care.quoted.dental.basket.limited", act=Capital(words), basket=BASKET_WORDS[resolved],
                       limit=Eur(limit))
        elif resolved == CENT_POUR_CENT_SANTE:
            text = say("care.quoted.dental.basket.limit_not_read", act=Capital(words), basket=BASKET_WORDS[resolved])
            notes.append(say("care.quoted.verify.dental.no_limit", member=member, act=words))
        else:
            text = say("care.quoted.dental.basket.free_price", act=Capital(words), basket=BASKET_WORDS[resolved])
        cited = source or DENTAL_LIMITS[0]
        reasons.append(reason_from(p, cited, f"care.quoted.dental.basket.{resolved}", text))
        if source is not None:
            _note(p, source, notes)
    else:
        resolved = declared or CENT_POUR_CENT_SANTE
        if resolved == CENT_POUR_CENT_SANTE and act is DentalAct.DENTURE:
            limits, _ = _get(p, DENTAL_LIMITS[0])
            limit = _table(limits.get(CENT_POUR_CENT_SANTE) if limits else None, "denture", "resin", "any")
            if limit is not None:
                reasons.append(reason_from(
                    p, DENTAL_LIMITS[0], "care.quoted.dental.basket.cent_pour_cent_sante",
                    say("care.quoted.dental.denture_limit", limit=Eur(limit)),
                ))
                _note(p, DENTAL_LIMITS[0], notes)
        if limit is None and resolved == CENT_POUR_CENT_SANTE:
            notes.append(say("care.quoted.verify.dental.no_limit", member=member, act=words))
    base = rate_value = social_security = None
    if base_table is not None and rate is not None:
        base = base_table[act.value]
        rate_value = rate
        social_security = cents(base * rate)
        reasons.append(reason_from(
            p, "soins.dentaire_taux_remboursement", "care.quoted.dental.social_security",
            rate=format_percent(rate), base=Eur(base), paid=Eur(social_security),
        ))
        _note(p, "soins.dentaire_base_remboursement", notes)
        _note(p, "soins.dentaire_taux_remboursement", notes)
    else:
        notes.append(say("care.quoted.verify.dental.no_base", member=member))
    css_limit = None
    css_table, _ = _get(p, "soins.dentaire_css_montants_maximaux")
    if css_table == {}:
        _note(p, "soins.dentaire_css_montants_maximaux", notes)  # no annex read for this date
    if css_table and material is not None:
        keys = position_keys(act, tooth)
        if keys:
            css_limit = _at_position(css_table, keys, act.value, material.value)
            if css_limit is not None:
                reasons.append(reason_from(
                    p, "soins.dentaire_css_montants_maximaux", "care.quoted.dental.css_limit",
                    limit=Eur(css_limit), act=words,
                ))
                _note(p, "soins.dentaire_css_montants_maximaux", notes)
    usual = _usual(p, act.value, notes)
    return _Tariffed(
        CareKind.DENTAL_PROSTHESIS, act=act, basket=resolved, units=1, child=False, base=base,
        rate=rate_value, per_unit_ss=social_security, limit=limit, css_limit=css_limit, cap=None,
        reasons=reasons, notes=notes, usual=usual, member=member, what=words,
        advice=say("care.quoted.dental.advice"),
    )


def _hearing(p, *, without_quote, basket, member, age, ears) -> _Tariffed:
    reasons: list[Reason] = []
    notes: list[str] = []
    tariffs, _ = _get(p, "soins.audition_tarifs")
    rate, _ = _get(p, "soins.optique_taux_remboursement")
    caps, _ = _get(p, "soins.contrat_responsable_plafonds")
    resolved = CENT_POUR_CENT_SANTE if basket in (None, Basket.CENT_POUR_CENT_SANTE) else LIBRE
    if tariffs is None or rate is None:
        notes.append(say("care.quoted.verify.hearing.before_tariffs", member=member,
                         day=_first_day(p, "soins.audition_tarifs")))
        return _Tariffed(CareKind.HEARING_AIDS, act=None, basket=resolved, units=ears, child=False,
                         base=None, rate=None, per_unit_ss=None, limit=None, css_limit=None, cap=None, reasons=reasons,
                         notes=notes, usual=None, member=member, what=HEARING_AID, advice=_HEARING_ADVICE)
    child = age < int(tariffs["age_limit"])
    group = tariffs["child" if child else "adult"]
    base, limit = group["base"], group["class_1_price_limit"]
    social_security = cents(base * rate)
    who = say("care.quoted.hearing.child" if child else "care.quoted.hearing.adult", age=tariffs["age_limit"])
    reasons.append(reason_from(
        p, "soins.audition_tarifs", "care.quoted.hearing.social_security",
        who=who, rate=format_percent(rate), base=Eur(base), paid=Eur(social_security),
    ))
    if resolved == CENT_POUR_CENT_SANTE:
        reasons.append(reason_from(p, "soins.audition_tarifs", "care.quoted.hearing.class_1", limit=Eur(limit)))
    else:
        reasons.append(reason_from(p, "soins.audition_tarifs", "care.quoted.hearing.class_2", limit=Eur(limit)))
    _note(p, "soins.audition_tarifs", notes)
    css_limit, css_cover = _hearing_css(p, child=child, basket=resolved, base=base, age=tariffs["age_limit"],
                                        reasons=reasons, notes=notes)
    cap = caps.get("hearing_aid_per_ear") if caps is not None else None
    if cap is not None and resolved == LIBRE:
        _note(p, "soins.contrat_responsable_plafonds", notes)
    # Without a quote the person also learns the usual range above the 100 % Santé figure.
    usual = _usual(p, "hearing_aids", notes) if resolved == LIBRE or without_quote else None
    return _Tariffed(
        CareKind.HEARING_AIDS, act=None, basket=resolved, units=ears, child=child, base=base, rate=rate,
        per_unit_ss=social_security, limit=limit, css_limit=css_limit, cap=cap, reasons=reasons, notes=notes,
        usual=usual, member=member, what=HEARING_AID, advice=_HEARING_ADVICE, css_cover=css_cover,
    )


HEARING_CSS = "soins.audition_css_montants_maximaux"


def _hearing_css(p, *, child, basket, base, age, reasons, notes) -> tuple[Decimal | None, Decimal | None]:
    """(price a CSS holder may be billed at most, most the CSS pays at a free price), per ear.

    Arrêté of 27 December 2018: under the age limit, aids of any class at the LPP tariff at most (the base); from
    it, a class I aid at its CSS price at most, and a class II aid covered up to the same amount, the rest to pay.
    """
    table, _ = _get(p, HEARING_CSS)
    if table is None:
        return None, None
    group = table["child" if child else "adult"]
    _note(p, HEARING_CSS, notes)
    if group.get("any_class_at_tariff"):
        reasons.append(reason_from(p, HEARING_CSS, "care.quoted.hearing.css_child", limit=Eur(base), age=age))
        return base, None
    class_1 = group.get("class_1_price_limit")
    if basket == CENT_POUR_CENT_SANTE:
        if class_1 is not None:
            reasons.append(reason_from(p, HEARING_CSS, "care.quoted.hearing.css_limit", limit=Eur(class_1)))
        return class_1, None
    cover = group.get("cover")
    if cover is not None:
        reasons.append(reason_from(p, HEARING_CSS, "care.quoted.hearing.css_cover", cover=Eur(cover),
                                   limit=Eur(class_1 if class_1 is not None else cover)))
    return None, cover


_HEARING_ADVICE = say("care.quoted.hearing.advice")


def _glasses(p, *, basket, member, age, lenses) -> _Tariffed:
    reasons: list[Reason] = []
    notes: list[str] = []
    tariffs, _ = _get(p, "soins.optique_tarifs")
    rate, _ = _get(p, "soins.optique_taux_remboursement")
    caps, _ = _get(p, "soins.contrat_responsable_plafonds")
    resolved = CENT_POUR_CENT_SANTE if basket in (None, Basket.CENT_POUR_CENT_SANTE) else LIBRE
    advice = _GLASSES_ADVICE
    # Glasses of a child: the LPP's tariffs of a child, renewed each year (R871-2). Before the parameter's first
    # date no glasses are priced (no tariffs either); the line still says whether the person is a child, by that
    # first age.
    child_age, _ = _get(p, "soins.optique_age_enfant")
    if child_age is None:
        child_age = p.parameter_set["soins.optique_age_enfant"].values[0].value
    child = age < child_age
    if tariffs is None or rate is None:
        notes.append(say("care.quoted.verify.glasses.before_tariffs", member=member,
                         day=_first_day(p, "soins.optique_tarifs")))
        return _Tariffed(CareKind.GLASSES, act=None, basket=resolved, units=1, child=child, base=None,
                         rate=None, per_unit_ss=None, limit=None, css_limit=None, cap=None, reasons=reasons, notes=notes,
                         usual=None, member=member, what=GLASSES, advice=advice)
    if resolved == CENT_POUR_CENT_SANTE:
        frame_base = tariffs["classe_a"]["frame_base"]
        base = frame_base
        social_security = cents(frame_base * rate)
        limit = None
        reasons.append(reason_from(
            p, "soins.optique_tarifs", "care.quoted.glasses.class_a",
            frame_limit=Eur(tariffs["classe_a"]["frame_price_limit"]), paid=Eur(social_security),
        ))
        notes.append(say("care.quoted.verify.glasses.class_a_lenses", member=member))
    else:
        frame_base, lens_base = tariffs["classe_b"]["frame_base"], tariffs["classe_b"]["lens_base"]
        base = frame_base + 2 * lens_base
        social_security = cents(base * rate)
        limit = None
        reasons.append(reason_from(
            p, "soins.optique_tarifs", "care.quoted.glasses.class_b",
            rate=format_percent(rate), frame_base=Eur(frame_base), paid=Eur(social_security),
        ))
    _note(p, "soins.optique_tarifs", notes)
    cap = None
    if caps is not None and resolved == LIBRE:
        grade = lenses if lenses in ("simple", "complex", "very_complex") else None
        if grade:
            cap = caps["glasses"][grade]
        reasons.append(reason_from(
            p, "soins.contrat_responsable_plafonds", "care.quoted.glasses.responsible_cap",
            simple=Eur(caps["glasses"]["simple"]), very_complex=Eur(caps["glasses"]["very_complex"]),
            frame=Eur(caps["glasses"]["frame"]), age=child_age,
        ))
        _note(p, "soins.contrat_responsable_plafonds", notes)
    return _Tariffed(
        CareKind.GLASSES, act=None, basket=resolved, units=1, child=child, base=base, rate=rate,
        per_unit_ss=social_security, limit=limit, css_limit=None, cap=cap, reasons=reasons, notes=notes,
        usual=None, member=member, what=GLASSES, advice=advice,
        frame_limit=tariffs["classe_a"]["frame_price_limit"] if resolved == CENT_POUR_CENT_SANTE else None,
    )


_GLASSES_ADVICE = say("care.quoted.glasses.advice")


def _usual(p: ParametersOn, key: str, notes: list[str]) -> tuple[Decimal, Decimal] | None:
    table, _ = _get(p, "soins.prix_usuels")
    if table is None or key not in table:
        return None
    _note(p, "soins.prix_usuels", notes)
    return table[key]["low"], table[key]["high"]


@dataclass(frozen=True, slots=True)
class _Tariffed:
    """What the tariffs of the date say of an item, before its quote (``price_quoted``)."""

    kind: CareKind
    act: DentalAct | None
    basket: str
    units: int
    child: bool
    base: Decimal | None
    rate: Decimal | None
    per_unit_ss: Decimal | None
    limit: Decimal | None
    css_limit: Decimal | None
    cap: Decimal | None
    reasons: tuple[Reason, ...]
    notes: tuple[Phrase | str, ...]
    usual: tuple[Decimal, Decimal] | None
    member: str
    what: Phrase
    advice: Phrase
    frame_limit: Decimal | None = None
    css_cover: Decimal | None = None

    def __post_init__(self) -> None:
        # The rules fill lists of reasons and notes; the part is shared, so it keeps them as tuples.
        object.__setattr__(self, "reasons", tuple(self.reasons))
        object.__setattr__(self, "notes", tuple(self.notes))


def _finish(t: _Tariffed, quote: Decimal | None) -> QuotedPricing:
    """The item with its quote, or without one: then the figure to expect, the advice and a note to verify."""
    kind, basket, units, limit, usual, frame_limit = t.kind, t.basket, t.units, t.limit, t.usual, t.frame_limit
    notes = list(t.notes)
    total_limit = limit * units if limit is not None else None
    no_quote = None
    billed = quote
    if quote is None:
        figure = total_limit if basket == CENT_POUR_CENT_SANTE or kind is CareKind.HEARING_AIDS else None
        low, high = (usual[0] * units, usual[1] * units) if usual else (None, None)
        parts = []
        if basket == TARIFS_MAITRISES and total_limit is not None:
            parts.append(say("care.quoted.no_quote.controlled", limit=Eur(total_limit)))
        if figure is not None:
            parts.append(say("care.quoted.no_quote.cent_pour_cent_sante", limit=Eur(figure)))
        elif frame_limit is not None:
            parts.append(say("care.quoted.no_quote.frame", frame_limit=Eur(frame_limit)))
        if low is not None:
            parts.append(say("care.quoted.no_quote.usual", low=Eur(low), high=Eur(high)))
        parts.append(t.advice)
        no_quote = NoQuoteAdvice(figure, low, high, say("care.quoted.sentences", sentences=Joined(parts, " ")))
        if basket == LIBRE and high is not None:
            billed = high
        else:
            billed = figure if basket != TARIFS_MAITRISES else total_limit
        notes.append(say(
            "care.quoted.verify.no_quote.limit" if billed is not None and basket != LIBRE
            else "care.quoted.verify.no_quote.usual" if billed is not None
            else "care.quoted.verify.no_quote.none",
            what=Capital(t.what), member=t.member,
        ))
    return QuotedPricing(
        kind=kind, act=t.act, basket=basket, units=units, child=t.child, quote=quote, billed=billed,
        base=t.base * units if t.base is not None else None, rate=t.rate,
        social_security=t.per_unit_ss * units if t.per_unit_ss is not None else None,
        price_limit=total_limit, css_limit=t.css_limit * units if t.css_limit is not None else None,
        responsible_cap=t.cap * units if t.cap is not None and kind is CareKind.HEARING_AIDS else t.cap,
        reasons=t.reasons, to_verify=tuple(dict.fromkeys(notes)), no_quote=no_quote,
        css_cover=t.css_cover * units if t.css_cover is not None else None,
    )


# --------------------------------------------------------------------------- columns


def _price(q: QuotedPricing, scenario: QuotedScenario) -> Priced:
    billed = q.billed
    assert billed is not None and q.social_security is not None
    capped_note = None
    if q.price_limit is not None and q.basket != LIBRE and billed > q.price_limit:
        capped_note = say("care.quoted.note.capped", limit=Eur(q.price_limit))
        billed = q.price_limit
    ss = min(q.social_security, billed)
    base = min(q.base if q.base is not None else ss, billed)
    estimate = q.quote is None
    upper = estimate and q.basket == LIBRE

    if scenario is QuotedScenario.CSS:
        limit = q.css_limit if q.css_limit is not None else (q.price_limit if q.basket != LIBRE else None)
        if q.basket == LIBRE and q.css_limit is None and q.css_cover is not None:
            # A class II hearing aid: the CSS pays up to its amount (Sécurité sociale included), the rest is left.
            covered = max(min(billed, q.css_cover), ss)
            return Priced(billed, ss, covered - ss, billed - covered, upper_bound=upper,
                          note=say("care.quoted.note.css_cover", cover=Eur(q.css_cover)))
        if q.basket != LIBRE or q.css_limit is not None:
            css_billed = min(billed, limit) if limit is not None else billed
            if q.basket == LIBRE and q.css_limit is not None and billed > q.css_limit:
                note = say("care.quoted.note.css_dental_limit" if q.kind is CareKind.DENTAL_PROSTHESIS
                           else "care.quoted.note.css_any_class_limit", limit=Eur(q.css_limit))
            elif css_billed < billed:
                note = say("care.quoted.note.css_limit", limit=Eur(css_billed))
            else:
                note = _CSS_NOTHING
            return Priced(css_billed, min(ss, css_billed), css_billed - min(ss, css_billed), ZERO, note=note)
        left = billed - base
        return Priced(billed, ss, base - ss, left, upper_bound=True, note=_CSS_BASE)
    if scenario is QuotedScenario.AME:
        left = billed - base
        return Priced(billed, base, ZERO, left, upper_bound=upper, note=_AME)
    if scenario is QuotedScenario.NONE:
        left = billed - ss
        return Priced(billed, ss, ZERO, left, upper_bound=upper or q.kind is CareKind.GLASSES and q.basket != LIBRE,
                      note=capped_note or _NONE)
    if scenario is QuotedScenario.PRIVATE_RESPONSIBLE:
        if q.basket == CENT_POUR_CENT_SANTE:
            return Priced(billed, ss, billed - ss, ZERO, note=capped_note or _RESPONSIBLE_FULL)
        floor = None
        if q.responsible_cap is not None:
            floor = max(ZERO, billed - q.responsible_cap - (ss if q.kind is CareKind.GLASSES else ZERO))
        if q.responsible_cap is None:
            note = _RESPONSIBLE
        else:
            note = say("care.quoted.note.responsible.cap_with_social_security" if q.kind is CareKind.HEARING_AIDS
                       else "care.quoted.note.responsible.cap", cap=Eur(q.responsible_cap))
        return Priced(billed, ss, base - ss, billed - base, upper_bound=True, at_least=floor, note=note)
    # private contract of unknown kind, or not responsible
    note = (_PRIVATE_FULL if scenario is QuotedScenario.PRIVATE and q.basket == CENT_POUR_CENT_SANTE else _PRIVATE)
    if capped_note is not None:
        note = say("care.quoted.note.both", first=capped_note, second=note)
    return Priced(billed, ss, None, billed - ss, upper_bound=True, note=note)


_CSS_NOTHING = say("care.quoted.note.css_nothing")
_CSS_BASE = say("care.quoted.note.css_base")
_AME = say("care.quoted.note.ame")
_NONE = say("care.quoted.note.none")
_RESPONSIBLE_FULL = say("care.quoted.note.responsible_full")
_RESPONSIBLE = say("care.quoted.note.responsible")
_PRIVATE_FULL = say("care.quoted.note.private_full")
_PRIVATE = say("care.quoted.note.private")
