"""Quoted care priced from the official tariffs (worked examples, one per kind and basket), the day-by-day stay.

Figures: dental base 120 € per crown, 182,75 € per complete resin denture, 279,50 € per three-element bridge, 60 %
since 15 October 2023 (70 % before) (service-public.fr F33956); 100 % Santé limits metal crown 290 €, ceramic crown
500 €, ceramo-metal bridge replacing an incisor 1 465 €, complete denture 1 100 € (service-public.fr F20314); zirconia
on a molar 440 € at a controlled price (convention annex, secondary copy); CSS limit 262,18 € for a metal crown from
25 February to 31 December 2024 (arrêté of 23 February 2024, annex 1); hearing aids base 400 € per ear (1 400 € under
20) at 60 %, class I limit 950 € (1 400 € under 20), responsible ceiling 1 700 € per ear; responsible ceilings of
class B glasses 420 € / 700 € / 800 € by lenses (R871-2 3° a, c, f, read in the LEGI copy for the wordings of the
décret 2019-21 and of the décret 2025-1131; the wording in force from 18 November 2024 to 27 November 2025 is not
read and is flagged); with the CSS (arrêté of 27
December 2018), from 20 a class I aid at 800 € at most and any aid covered up to 800 € per ear Sécurité sociale
included, under 20 any class at the tariff (1 400 €) at most; class B glasses 0,05 € per element at 60 %; class A frame
base 9 € (service-public.fr F33950).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.rules.care.stay_calendar import price_stay
from eligibility.rules.care.tariffs import CENT_POUR_CENT_SANTE, LIBRE, TARIFS_MAITRISES, price_quoted
from eligibility.rules.enums import Basket, CareKind, DentalAct, Material, ToothPosition
from eligibility.rules.enums import QuotedScenario as S
from eligibility.rules.parameters import ParametersOn, default_parameters

P = default_parameters().at(date(2026, 11, 22))


def crown(quote, material, tooth, basket=None, p=P):
    return price_quoted(p, CareKind.DENTAL_PROSTHESIS, quote=quote and D(quote), basket=basket, age=40, member="p1",
                        act=DentalAct.CROWN, material=material, tooth=tooth)


def test_metal_crown_is_100_sante_and_free_with_the_css_or_a_responsible_contract():
    q = crown("290", Material.METAL, ToothPosition.MOLAR)
    assert q.basket == CENT_POUR_CENT_SANTE and q.price_limit == D("290")
    assert q.social_security == D("72.00")  # 60 % of 120 €
    none = q.column(S.NONE)
    assert (none.billed, none.social_security, none.left) == (D("290"), D("72.00"), D("218.00"))
    css = q.column(S.CSS)
    assert css.billed == D("290") and css.left == 0  # no CSS limit read after 2024: the 100 % Santé limit binds
    assert q.css_limit is None and any("2025" in str(n) for n in q.to_verify)
    assert q.column(S.PRIVATE_RESPONSIBLE).left == 0
    ame = q.column(S.AME)
    assert ame.left == D("170")  # the AME pays the base, nothing above
    assert not any("Base de remboursement" in str(n) or "Taux de remboursement" in str(n)
                   for n in q.to_verify)  # base and rate confirmed: no flag
    # The limit was last confirmed in May 2024 (service-public.fr F20314): from 2025 the 2023 convention's
    # revaluation is flagged for professionals, not before.
    limit_notes = [str(n) for n in q.to_verify if "Honoraires limites" in str(n)]
    assert len(limit_notes) == 1 and "convention dentaire de 2023" in limit_notes[0] and "2026" in limit_notes[0]
    in_2024 = crown("290", Material.METAL, ToothPosition.MOLAR, p=default_parameters().at(date(2024, 12, 31)))
    assert not any("Honoraires limites" in str(n) for n in in_2024.to_verify)


def test_css_limit_of_a_metal_crown_applies_during_its_annex_only():
    # Arrêté of 23 February 2024, annex 1 (25 February - 31 December 2024): 120 € + 142,18 € = 262,18 €.
    q = crown("290", Material.METAL, ToothPosition.MOLAR, p=default_parameters().at(date(2024, 6, 3)))
    assert q.css_limit == D("262.18")
    css = q.column(S.CSS)
    assert css.billed == D("262.18") and css.left == 0  # the CSS limit binds the dentist
    before = crown("290", Material.METAL, ToothPosition.MOLAR, p=default_parameters().at(date(2024, 2, 24)))
    assert before.css_limit is None


def test_crown_before_october_2023_is_reimbursed_at_70_percent():
    q = crown("290", Material.METAL, ToothPosition.FRONT, p=default_parameters().at(date(2023, 6, 1)))
    assert q.social_security == D("84.00")
    assert q.column(S.NONE).left == D("206.00")


def test_ceramic_metal_crown_on_a_molar_is_free_price():
    q = crown("1200", Material.CERAMIC_METAL, ToothPosition.MOLAR, basket=Basket.OTHER)
    assert q.basket == LIBRE and q.price_limit is None
    assert q.column(S.NONE).left == D("1128.00")
    css = q.column(S.CSS)
    assert css.left == D("1080") and css.upper_bound  # the CSS pays the base; its own basket is not known here
    responsible = q.column(S.PRIVATE_RESPONSIBLE)
    assert responsible.left == D("1080") and responsible.upper_bound


def test_zirconia_crown_on_a_molar_is_capped_at_the_controlled_price():
    q = crown("500", Material.ZIRCONIA, ToothPosition.MOLAR, basket=Basket.OTHER)
    assert q.basket == TARIFS_MAITRISES and q.price_limit == D("440")
    none = q.column(S.NONE)
    assert none.billed == D("440") and none.left == D("368.00")
    assert "prix limite" in none.note
    assert any("Honoraires limites de facturation des prothèses dentaires relevés sur des sources secondaires" in str(n)
               for n in q.to_verify)  # read on a copy of the annex only


def test_crown_for_a_child_follows_the_same_tariffs():
    q = price_quoted(P, CareKind.DENTAL_PROSTHESIS, quote=D("500"), basket=None, age=12, member="c1",
                     act=DentalAct.CROWN, material=Material.CERAMIC_METAL, tooth=ToothPosition.FRONT)
    assert q.basket == CENT_POUR_CENT_SANTE and q.price_limit == D("500") and q.social_security == D("72.00")
    assert q.column(S.NONE).left == D("428.00")
    assert q.column(S.CSS).left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0


def test_declared_basket_contradicting_the_convention_is_flagged_for_professionals():
    q = crown("700", Material.CERAMIC_METAL, ToothPosition.MOLAR, basket=Basket.CENT_POUR_CENT_SANTE)
    assert q.basket == LIBRE
    assert any("ne correspond pas" in n for n in q.to_verify)


def test_denture_without_a_quote_gives_the_100_sante_figure_and_the_usual_range():
    q = price_quoted(P, CareKind.DENTAL_PROSTHESIS, quote=None, basket=None, age=70, member="p1", act=DentalAct.DENTURE,
                     material=Material.RESIN)
    assert q.no_quote.price_100_sante == D("1100")
    assert (q.no_quote.usual_low, q.no_quote.usual_high) == (D("650"), D("1200"))
    assert "100 % Santé" in q.no_quote.advice and "devis" in q.no_quote.advice
    assert q.social_security == D("109.65")  # 60 % of 182,75 €
    assert q.column(S.NONE).left == D("990.35")
    assert q.column(S.CSS).left == 0


def test_two_class_2_hearing_aids_for_an_adult():
    q = price_quoted(P, CareKind.HEARING_AIDS, quote=D("3000"), basket=Basket.OTHER, age=50, member="p1", ears=2)
    assert (q.units, q.base, q.social_security) == (2, D("800"), D("480.00"))
    assert q.column(S.NONE).left == D("2520.00")
    css = q.column(S.CSS)
    # The CSS covers a class II aid up to 800 € per ear, Sécurité sociale included (arrêté of 27 December 2018).
    assert (css.complementary, css.left, css.upper_bound) == (D("1120.00"), D("1400"), False)
    assert q.css_limit is None and q.css_cover == D("1600")
    responsible = q.column(S.PRIVATE_RESPONSIBLE)
    assert responsible.left == D("2200") and responsible.at_least == 0  # ceiling 2 × 1 700 € above the quote


def test_two_class_1_hearing_aids_cost_nothing_with_the_css():
    q = price_quoted(P, CareKind.HEARING_AIDS, quote=D("1900"), basket=Basket.CENT_POUR_CENT_SANTE, age=50, member="p1",
                     ears=2)
    assert q.price_limit == D("1900")
    assert q.column(S.NONE).left == D("1420.00")
    assert q.column(S.CSS).left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0
    assert q.column(S.CSS).billed == D("1600")  # a CSS holder's class I aid: 800 € per ear at most


def test_hearing_aid_for_a_child_uses_the_under_20_tariff():
    q = price_quoted(P, CareKind.HEARING_AIDS, quote=D("1400"), basket=Basket.CENT_POUR_CENT_SANTE, age=15, member="c1")
    assert q.child and q.social_security == D("840.00")
    assert q.column(S.NONE).left == D("560.00")
    assert q.column(S.CSS).left == 0
    adult = price_quoted(P, CareKind.HEARING_AIDS, quote=D("1400"), basket=Basket.CENT_POUR_CENT_SANTE, age=20, member="p1")
    assert not adult.child and adult.column(S.NONE).billed == D("950")  # above the adult limit


def test_class_b_glasses_are_reimbursed_in_cents():
    q = price_quoted(P, CareKind.GLASSES, quote=D("400"), basket=Basket.OTHER, age=40, member="p1", lenses="simple")
    assert q.social_security == D("0.09")
    assert q.column(S.NONE).left == D("399.91")
    assert q.column(S.CSS).left == D("399.85")
    assert q.responsible_cap == D("420")


def test_class_a_glasses_for_a_child_cost_nothing_with_the_css():
    q = price_quoted(P, CareKind.GLASSES, quote=D("100"), basket=Basket.CENT_POUR_CENT_SANTE, age=10, member="c1")
    assert q.child
    none = q.column(S.NONE)
    assert none.left == D("94.60") and none.upper_bound  # frame 60 % of 9 €; the lenses' share depends on the correction
    assert q.column(S.CSS).left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0


def test_glasses_without_a_quote_give_the_frame_limit_and_the_advice():
    q = price_quoted(P, CareKind.GLASSES, quote=None, basket=None, age=40, member="p1")
    assert "30 €" in str(q.no_quote.advice).replace("\u00a0", " ")
    assert q.column(S.NONE) is None


def test_stay_across_the_march_2026_rate_change_is_priced_day_by_day():
    parameter = default_parameters()["soins.forfait_journalier"]
    stay = price_stay(parameter, date(2026, 2, 27), date(2026, 3, 3))
    assert stay.days == 5 and stay.rate_changes
    assert [(s.days, s.rate) for s in stay.segments] == [(2, D("20")), (3, D("23"))]
    assert stay.total == D("109")
    day_case = price_stay(parameter, date(2026, 3, 3), date(2026, 3, 3))
    assert day_case.day_case and day_case.days == 0 and day_case.total == 0


KINDS = st.sampled_from([CareKind.DENTAL_PROSTHESIS, CareKind.HEARING_AIDS, CareKind.GLASSES])


@settings(max_examples=200, deadline=None)
@given(
    kind=KINDS,
    quote=st.one_of(st.none(), st.decimals(min_value=0, max_value=20000, places=2)),
    basket=st.sampled_from([None, Basket.CENT_POUR_CENT_SANTE, Basket.OTHER]),
    age=st.integers(0, 99),
    act=st.sampled_from(list(DentalAct)),
    material=st.one_of(st.none(), st.sampled_from(list(Material))),
    tooth=st.one_of(st.none(), st.sampled_from(list(ToothPosition))),
    ears=st.integers(1, 2),
    when=st.dates(date(2019, 11, 1), date(2027, 11, 1)),
)
def test_with_the_css_never_costs_more_and_100_sante_costs_nothing(kind, quote, basket, age, act, material, tooth, ears, when):
    p = default_parameters().at(when)
    q = price_quoted(p, kind, quote=quote, basket=basket, age=age, member="p1", act=act, material=material, tooth=tooth,
                     ears=ears)
    if not q.priced:
        return
    none, css = q.column(S.NONE), q.column(S.CSS)
    for scenario in S:
        c = q.column(scenario)
        assert c.left >= 0 and c.social_security >= 0
        assert c.billed == c.social_security + (c.complementary or 0) + c.left
    assert css.left <= none.left
    for scenario in (S.PRIVATE, S.PRIVATE_RESPONSIBLE, S.PRIVATE_NOT_RESPONSIBLE, S.AME):
        assert css.left <= q.column(scenario).left
    if q.basket == CENT_POUR_CENT_SANTE:
        assert css.left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0


@pytest.mark.parametrize("material,tooth,expected", [
    (Material.METAL, ToothPosition.MOLAR, CENT_POUR_CENT_SANTE),
    (Material.CERAMIC_METAL, ToothPosition.FRONT, CENT_POUR_CENT_SANTE),
    (Material.CERAMIC_METAL, ToothPosition.SECOND_PREMOLAR, TARIFS_MAITRISES),
    (Material.CERAMIC_METAL, ToothPosition.MOLAR, LIBRE),
    (Material.ZIRCONIA, ToothPosition.SECOND_PREMOLAR, CENT_POUR_CENT_SANTE),
    (Material.CERAMIC, ToothPosition.MOLAR, TARIFS_MAITRISES),
    (Material.OTHER, ToothPosition.FRONT, LIBRE),
])
def test_crown_basket_by_material_and_tooth(material, tooth, expected):
    assert crown("600", material, tooth).basket == expected


def bridge(quote, basket, p=P):
    return price_quoted(p, CareKind.DENTAL_PROSTHESIS, quote=quote and D(quote), basket=basket, age=45, member="p1",
                        act=DentalAct.BRIDGE, material=None, tooth=None)


def test_bridge_100_sante_costs_nothing_with_the_css_and_its_limit_is_left_to_the_quote():
    # Three-element bridge: base 279,50 € at 60 % = 167,70 €. No sourced 100 % Santé limit for bridges: the
    # quote is priced as given and the professionals are told to check it.
    q = bridge("870", Basket.CENT_POUR_CENT_SANTE)
    assert q.basket == CENT_POUR_CENT_SANTE and q.price_limit is None
    assert q.social_security == D("167.70")
    assert q.column(S.NONE).left == D("702.30")
    assert q.column(S.CSS).left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0
    assert any("prix limite « 100 % Santé » non repris" in n for n in q.to_verify)


def test_ceramo_metal_bridge_replacing_an_incisor_is_100_sante_at_1465():
    q = price_quoted(P, CareKind.DENTAL_PROSTHESIS, quote=D("1465"), basket=None, age=45, member="p1",
                     act=DentalAct.BRIDGE, material=Material.CERAMIC_METAL, tooth=ToothPosition.FRONT)
    assert q.basket == CENT_POUR_CENT_SANTE and q.price_limit == D("1465")
    assert q.social_security == D("167.70")  # 60 % of 279,50 €
    none = q.column(S.NONE)
    assert (none.billed, none.left) == (D("1465"), D("1297.30"))
    assert q.column(S.CSS).left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0
    assert q.column(S.AME).left == D("1185.50")  # the base paid in full, nothing above
    assert any("incisive" in str(r.text) for r in q.reasons)
    assert any("canine" in str(n) for n in q.to_verify)  # the 100 % Santé bridge replaces an incisor only
    above = price_quoted(P, CareKind.DENTAL_PROSTHESIS, quote=D("1600"), basket=None, age=45, member="p1",
                         act=DentalAct.BRIDGE, material=Material.CERAMIC_METAL, tooth=ToothPosition.FRONT)
    assert above.column(S.NONE).billed == D("1465")  # the dentist cannot bill more for this offer


def test_metal_bridge_is_100_sante_its_limit_left_to_the_quote():
    q = price_quoted(P, CareKind.DENTAL_PROSTHESIS, quote=D("900"), basket=Basket.OTHER, age=60, member="p1",
                     act=DentalAct.BRIDGE, material=Material.METAL, tooth=ToothPosition.MOLAR)
    assert q.basket == CENT_POUR_CENT_SANTE and q.price_limit is None
    assert any("ne correspond pas" in str(n) for n in q.to_verify)  # declared free price, the convention says 100 % Santé
    assert q.column(S.NONE).left == D("732.30")
    assert q.column(S.CSS).left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0


def test_ceramic_bridge_on_a_molar_is_free_price_and_a_bridge_without_a_quote_gives_the_figure():
    q = price_quoted(P, CareKind.DENTAL_PROSTHESIS, quote=D("1800"), basket=None, age=50, member="p1",
                     act=DentalAct.BRIDGE, material=Material.CERAMIC, tooth=ToothPosition.MOLAR)
    assert q.basket == LIBRE and q.price_limit is None
    assert q.column(S.NONE).left == D("1632.30")
    assert q.column(S.CSS).left == D("1520.50") and q.column(S.CSS).upper_bound
    no_quote = price_quoted(P, CareKind.DENTAL_PROSTHESIS, quote=None, basket=None, age=50, member="p1",
                            act=DentalAct.BRIDGE, material=Material.CERAMIC_METAL, tooth=ToothPosition.FRONT)
    assert no_quote.no_quote.price_100_sante == D("1465")
    assert (no_quote.no_quote.usual_low, no_quote.no_quote.usual_high) == (D("500"), D("1500"))
    assert no_quote.column(S.NONE).left == D("1297.30") and no_quote.column(S.CSS).left == 0


def test_bridge_at_a_free_price_with_and_without_the_css():
    q = bridge("1500", Basket.OTHER)
    assert q.basket == LIBRE
    assert q.column(S.NONE).left == D("1332.30")
    css = q.column(S.CSS)
    assert css.left == D("1220.50") and css.upper_bound  # the base (279,50 €) paid in full, the rest above it


def test_class_2_hearing_aid_above_the_responsible_ceiling_leaves_at_least_the_excess():
    # 2 000 € quoted, a responsible contract pays at most 1 700 € Sécurité sociale included: 300 € at least left.
    q = price_quoted(P, CareKind.HEARING_AIDS, quote=D("2000"), basket=Basket.OTHER, age=60, member="p1")
    responsible = q.column(S.PRIVATE_RESPONSIBLE)
    assert responsible.at_least == D("300") and responsible.left == D("1600") and responsible.upper_bound


def test_responsible_ceilings_follow_the_decree_dates():
    # Décret 2019-21: optics ceilings for contracts from 1 January 2020, hearing aids from 1 January 2021.
    p2020 = default_parameters().at(date(2020, 6, 1))
    glasses = price_quoted(p2020, CareKind.GLASSES, quote=D("600"), basket=Basket.OTHER, age=40, member="p1",
                           lenses="complex")
    assert glasses.responsible_cap == D("700")
    hearing = price_quoted(p2020, CareKind.HEARING_AIDS, quote=D("1500"), basket=Basket.OTHER, age=60, member="p1")
    assert not hearing.priced  # the LPP tariffs of the 100 % Santé reform are taken from 2021 only
    assert any("2021" in n for n in hearing.to_verify)


def _responsible_notes(q):
    """The "to verify" notes of the responsible-contract ceilings among an item's notes."""
    return [str(n) for n in q.to_verify if n.key == "sources.to_verify" and "« responsable »" in str(n)]


def _cap_reason(q):
    return next(r for r in q.reasons if r.code == "care.quoted.glasses.responsible_cap")


@pytest.mark.parametrize("lenses, quote, cap, at_least", [
    # R871-2 3°: 420 € (a), 700 € (c), 800 € (f) for class B glasses, Sécurité sociale excluded. The Sécurité
    # sociale pays 60 % of 3 × 0,05 € = 0,09 €; a responsible contract pays at most the cap: at least the quote
    # − the cap − 0,09 € is left, and at most everything above the base (quote − 0,15 €).
    ("simple", "500", D("420"), D("79.91")),
    ("complex", "900", D("700"), D("199.91")),
    ("very_complex", "1000", D("800"), D("199.91")),
])
def test_responsible_ceilings_of_class_b_glasses_are_those_of_r871_2_in_force(lenses, quote, cap, at_least):
    q = price_quoted(P, CareKind.GLASSES, quote=D(quote), basket=Basket.OTHER, age=40, member="p1", lenses=lenses)
    assert q.responsible_cap == cap and q.social_security == D("0.09")
    responsible = q.column(S.PRIVATE_RESPONSIBLE)
    assert responsible.at_least == at_least and responsible.left == D(quote) - D("0.15") and responsible.upper_bound
    # Read in the text in force since 28 November 2025 (décret n° 2025-1131): cited, nothing left to verify.
    reason = _cap_reason(q)
    assert reason.href.endswith("LEGIARTI000052861614") and "2025-1131" in reason.article
    assert _responsible_notes(q) == []


@pytest.mark.parametrize("when, version, flagged", [
    (date(2020, 6, 1), "LEGIARTI000038035521", False),    # décret n° 2019-21, read in the LEGI copy
    (date(2024, 11, 17), "LEGIARTI000038035521", False),  # its last day
    (date(2024, 11, 18), "LEGIARTI000050506958", True),   # the wording in between, not read
    (date(2025, 11, 27), "LEGIARTI000050506958", True),
    (date(2025, 11, 28), "LEGIARTI000052861614", False),  # décret n° 2025-1131, read in the LEGI copy
])
def test_the_700_cap_of_complex_lenses_holds_through_every_wording_of_r871_2(when, version, flagged):
    q = price_quoted(default_parameters().at(when), CareKind.GLASSES, quote=D("900"), basket=Basket.OTHER, age=40,
                     member="p1", lenses="complex")
    assert q.responsible_cap == D("700") and q.column(S.PRIVATE_RESPONSIBLE).at_least == D("199.91")
    assert _cap_reason(q).href.endswith(version)
    notes = _responsible_notes(q)
    assert bool(notes) is flagged
    if flagged:
        assert "LEGIARTI000050506958" in notes[0] and "2025-1131" in notes[0]


def test_the_hearing_aid_ceiling_of_r871_2_is_1700_per_aid_without_a_note_since_november_2025():
    # R871-2 4° b): 1 700 € per aid, Sécurité sociale included. Two class II aids at 2 000 € each: 3 400 € at most
    # paid, 600 € at least left.
    q = price_quoted(P, CareKind.HEARING_AIDS, quote=D("4000"), basket=Basket.OTHER, age=60, member="p1", ears=2)
    assert q.responsible_cap == D("3400")
    assert q.column(S.PRIVATE_RESPONSIBLE).at_least == D("600")
    assert _responsible_notes(q) == []
    before = price_quoted(default_parameters().at(date(2025, 3, 1)), CareKind.HEARING_AIDS, quote=D("4000"),
                          basket=Basket.OTHER, age=60, member="p1", ears=2)
    assert before.responsible_cap == D("3400") and len(_responsible_notes(before)) == 1


def test_class_b_glasses_for_a_child_with_and_without_the_css():
    q = price_quoted(P, CareKind.GLASSES, quote=D("180"), basket=Basket.OTHER, age=8, member="c1", lenses="simple")
    assert q.child and q.social_security == D("0.09")  # 3 × 0,05 € at 60 %
    assert q.column(S.NONE).left == D("179.91")
    assert q.column(S.CSS).left == D("179.85")


def test_class_a_glasses_for_an_adult_with_and_without_the_css():
    # Frame base 9 € at 60 % = 5,40 € (service-public.fr F33950); the lenses' share depends on the correction.
    q = price_quoted(P, CareKind.GLASSES, quote=D("105"), basket=Basket.CENT_POUR_CENT_SANTE, age=40, member="p1")
    assert not q.child and q.basket == CENT_POUR_CENT_SANTE and q.social_security == D("5.40")
    none = q.column(S.NONE)
    assert none.left == D("99.60") and none.upper_bound
    assert q.column(S.CSS).left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0


def test_class_2_hearing_aid_for_a_child_with_and_without_the_css():
    # Under 20: base 1 400 € at 60 % = 840 €; with the CSS, aids of any class at the tariff at most (arrêté of 27
    # December 2018, derogation for patients until their twentieth birthday): nothing to pay.
    q = price_quoted(P, CareKind.HEARING_AIDS, quote=D("2000"), basket=Basket.OTHER, age=12, member="c1")
    assert q.child and q.basket == LIBRE and q.social_security == D("840.00")
    assert q.column(S.NONE).left == D("1160.00")
    assert q.css_limit == D("1400") and q.css_cover is None
    css = q.column(S.CSS)
    assert (css.billed, css.social_security, css.complementary, css.left) == (D("1400"), D("840.00"), D("560.00"), 0)
    assert css.note.key == "care.quoted.note.css_any_class_limit"
    assert any(r.code == "care.quoted.hearing.css_child" for r in q.reasons)


def test_crown_at_a_controlled_price_without_a_quote_gives_its_limit():
    q = price_quoted(P, CareKind.DENTAL_PROSTHESIS, quote=None, basket=None, age=35, member="p1", act=DentalAct.CROWN,
                     material=Material.CERAMIC, tooth=ToothPosition.MOLAR)
    assert q.basket == TARIFS_MAITRISES and q.no_quote.price_100_sante is None
    assert "550" in str(q.no_quote.advice)
    assert q.billed == D("550") and q.column(S.NONE).left == D("478.00")


# Bridge by the replaced tooth (issue 14): the convention's only ceramo-metal bridge of the 100 % Santé basket
# replaces an incisor (HBLD785, limit 1 465 €, service-public.fr F20314); a canine or a first premolar puts it out.
def ceramo_metal_bridge(quote, tooth, p=P):
    return price_quoted(p, CareKind.DENTAL_PROSTHESIS, quote=quote and D(quote), basket=None, age=45, member="p1",
                        act=DentalAct.BRIDGE, material=Material.CERAMIC_METAL, tooth=tooth)


def test_ceramo_metal_bridge_said_to_replace_an_incisor_is_100_sante_without_a_note():
    q = ceramo_metal_bridge("1500", ToothPosition.INCISOR)
    assert q.basket == CENT_POUR_CENT_SANTE and q.price_limit == D("1465")
    none = q.column(S.NONE)
    assert (none.billed, none.left) == (D("1465"), D("1297.30"))  # capped at the limit; 60 % of 279,50 € = 167,70 €
    assert q.column(S.CSS).left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0
    assert "care.quoted.verify.dental.bridge_incisor" not in {n.key for n in q.to_verify}  # nothing to check on the tooth


def test_ceramo_metal_bridge_replacing_a_canine_is_out_of_the_basket():
    q = ceramo_metal_bridge("1500", ToothPosition.CANINE_OR_FIRST_PREMOLAR)
    assert q.basket == LIBRE and q.price_limit is None
    none, css = q.column(S.NONE), q.column(S.CSS)
    assert (none.billed, none.left) == (D("1500"), D("1332.30"))  # not capped at 1 465 €
    assert css.left == D("1220.50") and css.upper_bound  # the base (279,50 €) paid in full, the rest above it
    assert q.column(S.PRIVATE_RESPONSIBLE).left == D("1220.50")  # at most: a free-price bridge
    assert any("ne remplace pas une incisive" in str(r.text) for r in q.reasons)
    assert any("HBLD785" in str(n) for n in q.to_verify)
    no_quote = ceramo_metal_bridge(None, ToothPosition.CANINE_OR_FIRST_PREMOLAR)
    assert no_quote.no_quote.price_100_sante is None  # no 100 % Santé figure for this bridge: the usual range
    assert (no_quote.no_quote.usual_low, no_quote.no_quote.usual_high) == (D("500"), D("1500"))


def test_a_front_bridge_not_told_apart_stays_priced_as_an_incisor_with_a_note():
    q = ceramo_metal_bridge("1500", ToothPosition.FRONT)
    assert q.basket == CENT_POUR_CENT_SANTE and q.price_limit == D("1465")
    assert any("canine" in str(n) for n in q.to_verify)


@pytest.mark.parametrize("tooth", [ToothPosition.INCISOR, ToothPosition.CANINE_OR_FIRST_PREMOLAR])
def test_the_precise_front_teeth_price_a_crown_and_a_metal_bridge_as_front(tooth):
    for material in Material:
        if material is not Material.RESIN:
            front, precise = crown("600", material, ToothPosition.FRONT), crown("600", material, tooth)
            assert (precise.basket, precise.price_limit) == (front.basket, front.price_limit)
    metal = price_quoted(P, CareKind.DENTAL_PROSTHESIS, quote=D("900"), basket=None, age=60, member="p1",
                         act=DentalAct.BRIDGE, material=Material.METAL, tooth=tooth)
    assert metal.basket == CENT_POUR_CENT_SANTE
    # The CSS limit of a metal crown (annex 1 of the arrêté of 23 February 2024) reads the front teeth alike.
    in_2024 = crown("300", Material.METAL, tooth, p=default_parameters().at(date(2024, 6, 1)))
    assert in_2024.css_limit == D("262.18")


def _with_value(name: str, value) -> ParametersOn:
    """The parameters of 22 November 2026 with ``name`` given another value from its first date."""
    from dataclasses import replace

    from eligibility.rules.parameters import ParameterSet

    parameters = dict(default_parameters().parameters)
    first = parameters[name].values[0]
    parameters[name] = replace(parameters[name], values=(replace(first, value=value),))
    return ParameterSet(parameters).at(date(2026, 11, 22))


def test_a_childs_glasses_follow_the_age_of_their_parameter_file():
    """``soins.optique_age_enfant`` (R871-2: a pair each year under 16) decides who is a child, and the sentence
    says the same age: change the file and both follow."""
    def glasses(age, p=P):
        return price_quoted(p, CareKind.GLASSES, quote=D("400"), basket=Basket.OTHER, age=age, member="p1",
                            lenses="simple")

    assert glasses(15).child and not glasses(16).child
    said = " ".join(str(r.wording) for r in glasses(16).reasons)
    assert "chaque année avant 16 ans" in said
    p18 = _with_value("soins.optique_age_enfant", D("18"))
    assert glasses(17, p18).child and not glasses(18, p18).child
    assert "chaque année avant 18 ans" in " ".join(str(r.wording) for r in glasses(16, p18).reasons)


# --------------------------------------------------------------------------- hearing aids with the CSS


def hearing(quote, basket, age, ears=1, p=P):
    return price_quoted(p, CareKind.HEARING_AIDS, quote=quote and D(quote), basket=basket, age=age, member="p1",
                        ears=ears)


def test_one_class_2_hearing_aid_for_an_adult_is_covered_up_to_800_with_the_css():
    # Arrêté of 27 December 2018: the CSS pays above the base up to its amount, whatever the class; 800 € per ear
    # Sécurité sociale included from 20 (DREES); the part above is left to pay.
    q = hearing("1200", Basket.OTHER, 45)
    assert (q.base, q.social_security, q.css_limit, q.css_cover) == (D("400"), D("240.00"), None, D("800"))
    none, css = q.column(S.NONE), q.column(S.CSS)
    assert none.left == D("960.00")
    assert (css.billed, css.social_security, css.complementary, css.left) == (D("1200"), D("240.00"), D("560.00"),
                                                                              D("400"))
    assert css.note.key == "care.quoted.note.css_cover" and not css.upper_bound
    reason = next(r for r in q.reasons if r.code == "care.quoted.hearing.css_cover")
    assert reason.article == P.reference("soins.audition_css_montants_maximaux").title
    cheap = hearing("700", Basket.OTHER, 45).column(S.CSS)
    assert (cheap.complementary, cheap.left) == (D("460.00"), 0)  # below the cover: nothing to pay


def test_one_class_1_hearing_aid_for_an_adult_costs_nothing_with_the_css_at_800():
    q = hearing("950", Basket.CENT_POUR_CENT_SANTE, 70)
    assert q.css_limit == D("800") and q.css_cover is None
    css = q.column(S.CSS)
    assert (css.billed, css.left) == (D("800"), 0)
    assert q.column(S.NONE).left == D("710.00")  # 950 € - 60 % of 400 €


def test_two_class_1_hearing_aids_for_a_child_cost_nothing_with_the_css_at_the_tariff():
    q = hearing("2800", Basket.CENT_POUR_CENT_SANTE, 8, ears=2)
    assert q.child and q.css_limit == D("2800") and q.price_limit == D("2800")
    assert q.column(S.CSS).left == 0
    assert q.column(S.NONE).left == D("1120.00")  # 2 × (1 400 € - 840 €)


def test_class_2_hearing_aids_without_a_quote_with_the_css_leave_the_usual_price_above_the_cover():
    q = hearing(None, Basket.OTHER, 60, ears=2)
    assert q.billed == D("3600")  # the top of the usual range, 1 800 € per ear
    css = q.column(S.CSS)
    assert (css.left, css.upper_bound) == (D("2000"), True)


def test_the_css_rule_for_hearing_aids_changes_on_the_twentieth_birthday():
    young, adult = hearing("1500", Basket.OTHER, 19), hearing("1500", Basket.OTHER, 20)
    assert young.child and young.css_limit == D("1400") and young.column(S.CSS).left == 0
    assert not adult.child and adult.css_cover == D("800") and adult.column(S.CSS).left == D("700")


def test_hearing_aids_with_the_css_are_priced_from_the_2021_tariffs_only():
    before = hearing("1500", Basket.OTHER, 50, p=default_parameters().at(date(2020, 12, 31)))
    assert not before.priced and before.column(S.CSS) is None
    first = hearing("1500", Basket.OTHER, 50, p=default_parameters().at(date(2021, 1, 1)))
    assert first.css_cover == D("800") and first.column(S.CSS).left == D("700")
    assert any("800 € par oreille" in str(n) for n in first.to_verify)  # annex amounts flagged for professionals


@settings(max_examples=150, deadline=None)
@given(
    quote=st.one_of(st.none(), st.decimals(min_value=0, max_value=8000, places=2)),
    basket=st.sampled_from([None, Basket.CENT_POUR_CENT_SANTE, Basket.OTHER]),
    age=st.integers(0, 99),
    ears=st.integers(1, 2),
    when=st.dates(date(2021, 1, 1), date(2027, 12, 31)),
)
def test_hearing_aids_with_the_css_never_cost_more_than_without(quote, basket, age, ears, when):
    q = hearing(quote, basket, age, ears=ears, p=default_parameters().at(when))
    none, css = q.column(S.NONE), q.column(S.CSS)
    assert css.left <= none.left
    assert css.billed == css.social_security + css.complementary + css.left
    if q.child or q.basket == CENT_POUR_CENT_SANTE:
        assert css.left == 0  # under 20 any class at the tariff, from 20 a class I aid: nothing to pay
    else:
        assert css.left == max(D(0), css.billed - 800 * ears)


# --------------------------------------------------------------------------- dental figures across the years


@pytest.mark.parametrize(("when", "css_limit"), [(date(2024, 12, 31), D("262.18")), (date(2025, 1, 1), None)])
def test_the_css_limit_of_a_metal_crown_ends_with_its_annex_on_31_december_2024(when, css_limit):
    q = crown("300", Material.METAL, ToothPosition.SECOND_PREMOLAR, p=default_parameters().at(when))
    assert q.css_limit == css_limit
    css = q.column(S.CSS)
    assert css.left == 0 and css.billed == (css_limit or D("290"))  # the annex amount, then the 100 % Santé limit
    assert q.column(S.NONE).left == D("218.00")  # capped at 290 €, 60 % of 120 € paid
    flagged = any("à partir du 1er janvier 2025" in str(n) for n in q.to_verify)
    assert flagged == (css_limit is None)


@pytest.mark.parametrize("when", [date(2024, 6, 3), date(2025, 6, 3), date(2026, 6, 3)])
def test_zirconia_crown_on_a_molar_keeps_its_controlled_price_and_2026_is_flagged(when):
    q = crown("500", Material.ZIRCONIA, ToothPosition.MOLAR, p=default_parameters().at(when))
    assert q.basket == TARIFS_MAITRISES and q.price_limit == D("440")
    assert q.column(S.CSS).left == 0 and q.column(S.NONE).left == D("368.00")
    zirconia_note = any("HBLD073" in str(n) for n in q.to_verify)
    assert zirconia_note == (when.year >= 2026)
    revaluation_note = any("revaloriserait de 3 %" in str(n) for n in q.to_verify)
    assert revaluation_note == (when.year >= 2025)


@pytest.mark.parametrize(("age", "when"), [(17, date(2024, 6, 3)), (40, date(2025, 3, 1)), (70, date(2026, 9, 1))])
def test_complete_denture_is_100_sante_for_a_child_or_an_adult_each_year(age, when):
    q = price_quoted(default_parameters().at(when), CareKind.DENTAL_PROSTHESIS, quote=D("1200"), basket=None, age=age,
                     member="p1", act=DentalAct.DENTURE, material=Material.RESIN)
    assert q.basket == CENT_POUR_CENT_SANTE and q.price_limit == D("1100")
    assert q.column(S.NONE).left == D("990.35")  # 1 100 € - 60 % of 182,75 €
    assert q.column(S.CSS).left == 0 and q.column(S.PRIVATE_RESPONSIBLE).left == 0
