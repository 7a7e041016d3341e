"""Exemptions added for issue 14 (AME, organ donors, victims of terrorism, minors victims of sexual violence, work
accident by incapacity), stays with dates, and the guidance the figures call for (patients from outside, paying the
rest, choosing a complementary, the caisse overseas). Each through the engine, as the API answers it."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from eligibility.rules.engine import simulate
from eligibility.rules.enums import CssStatus, EmergencyExemption, HospitalExemption
from eligibility.rules.situation import InvalidSituation
from tests.rules.helpers import ADULT, make

URG = {"kind": "emergency_visit", "member": "p1"}
HOSP = {"kind": "hospitalisation", "member": "p1", "days": 5}
CHILD = {"id": "c1", "role": "child", "birth_date": "2012-03-01"}
RICH = [{"member": "p1", "type": "salary", "amount": 40000.0}]


def run(*care, **extra):
    return simulate(make(*care, **extra))


def keys(result, section):
    return [g.code for g in getattr(result.guidance, section)]


# --------------------------------------------------------------------------- emergency fee and daily charge


@pytest.mark.parametrize("flag,exemption", [
    ("organ_donor", EmergencyExemption.ORGAN_DONOR),
    ("terrorism_victim", EmergencyExemption.TERRORISM_VICTIM),
])
def test_emergency_fee_not_due(flag, exemption):
    result = run(URG, health=[{"member": "p1", flag: True}], resources=RICH)
    visit = result.emergency_visits[0]
    assert visit.exemption is exemption and visit.flat_fee == 0


@pytest.mark.parametrize("flag,exemption", [
    ("organ_donor", HospitalExemption.ORGAN_DONOR),
    ("terrorism_victim", HospitalExemption.TERRORISM_VICTIM),
])
def test_daily_charge_not_due(flag, exemption):
    result = run(HOSP, health=[{"member": "p1", flag: True}], resources=RICH)
    stay = result.hospital_stays[0]
    assert stay.exemption is exemption and stay.forfait_journalier == 0
    assert result.reste_a_charge.total_current == 0


def test_minor_victim_of_sexual_violence_pays_no_emergency_fee_but_an_adult_flagged_does():
    minor = run({"kind": "emergency_visit", "member": "c1"}, members=[ADULT, CHILD],
                health=[{"member": "c1", "sexual_violence_minor": True}], resources=RICH)
    assert minor.emergency_visits[0].exemption is EmergencyExemption.SEXUAL_VIOLENCE_MINOR
    adult = run(URG, health=[{"member": "p1", "sexual_violence_minor": True}], resources=RICH)
    assert adult.emergency_visits[0].exemption is None
    assert adult.emergency_visits[0].flat_fee == D("23")


def test_work_accident_two_thirds_or_more_exempt_under_two_thirds_reduced():
    heavy = run(URG, health=[{"member": "p1", "work_accident_incapacity": "two_thirds_or_more"}], resources=RICH)
    assert heavy.emergency_visits[0].exemption is EmergencyExemption.WORK_ACCIDENT
    assert heavy.emergency_visits[0].flat_fee == 0
    light = run(URG, health=[{"member": "p1", "work_accident_incapacity": "under_two_thirds"}], resources=RICH)
    visit = light.emergency_visits[0]
    assert visit.reduced and visit.exemption is None and visit.flat_fee == D("9.96")  # since 1 March 2026
    assert not any(str(n).startswith("Urgences de p1 : avec un taux d'incapacité") for n in visit.to_verify)
    unknown = run(URG, health=[{"member": "p1", "work_accident": True}], resources=RICH)
    assert unknown.emergency_visits[0].reduced
    assert any(str(n).startswith("Urgences de p1 : avec un taux d'incapacité") for n in unknown.emergency_visits[0].to_verify)


def test_ame_holder_pays_neither_daily_charge_nor_emergency_fee_and_has_no_css_column():
    result = run(HOSP, URG, complementary="ame")
    assert result.hospital_stays[0].exemption is HospitalExemption.AME
    assert result.emergency_visits[0].exemption is EmergencyExemption.AME
    assert result.css.status is CssStatus.NOT_ELIGIBLE
    assert any(r.code == "css.not_resident" for r in result.css.reasons)
    assert result.reste_a_charge.total_current == 0 and result.reste_a_charge.total_with_css is None


def test_ame_pays_the_base_of_a_crown_nothing_above():
    result = run({"kind": "dental_prosthesis", "member": "p1", "quote": 500.0, "material": "ceramic_metal",
                  "tooth": "front"}, complementary="ame")
    crown = result.reste_a_charge.lines[0].current
    assert (crown.billed, crown.social_security, crown.left) == (D("500"), D("120"), D("380"))


# --------------------------------------------------------------------------- stays with dates


def test_stay_with_dates_across_march_2026_is_priced_day_by_day():
    result = run({"kind": "hospitalisation", "member": "p1", "admission_date": "2026-02-26",
                  "discharge_date": "2026-03-02"}, request_date="2026-02-10", resources=RICH)
    stay = result.hospital_stays[0]
    assert stay.days == 5
    assert [(s.days, s.rate) for s in stay.segments] == [(3, D("20")), (2, D("23"))]
    assert stay.forfait_journalier == D("106")  # 3 × 20 € + 2 × 23 €, not 5 × one rate
    line = result.reste_a_charge.lines[0]
    assert line.current.left == D("106")
    assert line.details["rate_segments"][1] == {"from": "2026-03-01", "to": "2026-03-02", "days": 2,
                                                "daily_rate": 23, "amount": 46}
    assert not any("2026" in n and "dates du séjour" in n for n in result.to_verify)


def test_day_case_owes_no_daily_charge():
    result = run({"kind": "hospitalisation", "member": "p1", "admission_date": "2026-11-30",
                  "discharge_date": "2026-11-30", "single_room_daily": 40.0}, resources=RICH)
    stay = result.hospital_stays[0]
    assert stay.day_case and stay.days == 0 and stay.exemption is HospitalExemption.DAY_CASE
    assert result.reste_a_charge.total_current == 0
    assert "hospitalisation de jour" in result.reste_a_charge.lines[0].label


def test_stay_dates_must_agree_with_days():
    with pytest.raises(InvalidSituation) as error:
        make({"kind": "hospitalisation", "member": "p1", "days": 3, "admission_date": "2026-12-01",
              "discharge_date": "2026-12-05"})
    assert [e.path for e in error.value.errors] == ["planned_care[0].days"]
    with pytest.raises(InvalidSituation) as error:
        make({"kind": "hospitalisation", "member": "p1", "admission_date": "2026-12-05",
              "discharge_date": "2026-12-01"})
    assert [e.path for e in error.value.errors] == ["planned_care[0].discharge_date"]


# --------------------------------------------------------------------------- patients from outside, overseas


def test_eu_visitor_with_ceam_is_told_to_show_the_card_and_has_no_css():
    result = run(HOSP, coverage={"complementary": "none", "base": "eu_ceam"})
    assert keys(result, "patient_cover") == ["outside.ceam"]
    assert result.css.status is CssStatus.NOT_ELIGIBLE
    item = result.guidance.patient_cover[0]
    assert any("CEAM" in d or "européenne" in d for d in item.documents)
    assert "883/2004" in item.reason.article


def test_no_cover_irregular_stay_over_three_months_points_to_the_ame_urgent_care_and_pass():
    result = run(URG, coverage={"complementary": "none", "base": "none", "irregular_stay": True,
                                "months_in_france": 8})
    assert keys(result, "patient_cover") == ["outside.ame", "outside.urgent_care", "outside.pass"]
    ame = result.guidance.patient_cover[0]
    assert "aide médicale de l'État" in ame.text and "L251-1" in ame.reason.article
    assert "plafond" in ame.text


def test_no_cover_irregular_stay_under_three_months_gets_urgent_care():
    result = run(URG, coverage={"complementary": "none", "base": "none", "irregular_stay": True,
                                "months_in_france": 1})
    assert "plus de 3 mois" in result.guidance.patient_cover[0].text
    assert "outside.urgent_care" in keys(result, "patient_cover")


def test_no_cover_regular_stay_points_to_the_puma():
    result = run(URG, coverage={"complementary": "none", "base": "none", "irregular_stay": False})
    assert keys(result, "patient_cover") == ["outside.puma", "outside.pass"]


def test_non_eu_without_agreement_pays_and_is_pointed_to_the_pass():
    result = run(HOSP, coverage={"complementary": "none", "base": "foreign_no_agreement"})
    assert keys(result, "patient_cover") == ["outside.no_agreement", "outside.pass"]


def test_stay_details_only_for_people_without_cover():
    with pytest.raises(InvalidSituation) as error:
        make(coverage={"complementary": "none", "irregular_stay": True})
    assert [e.path for e in error.value.errors] == ["coverage.irregular_stay"]


def test_overseas_the_caisse_is_the_cgss_in_the_checklist():
    situation = make(HOSP, residence={"territory": "reunion", "department": "974"}, department=None,
                     difficulties=["care_costs_not_covered"])
    result = simulate(situation)
    assert result.guidance.caisse.short == "CGSS"
    text = " ".join(f"{i.organism} {i.procedure} {i.how}" for i in result.checklist.items)
    assert "CGSS" in text and "CPAM" not in text
    mayotte = simulate(make(residence={"territory": "mayotte", "department": "976"}, department=None))
    assert mayotte.guidance.caisse.short == "CSSM"


# --------------------------------------------------------------------------- paying the rest, choosing a complementary


def test_payment_options_when_a_stay_leaves_something_to_pay():
    result = run({**HOSP, "single_room_daily": 60.0}, resources=RICH)
    assert keys(result, "payment_options") == ["pay.quote", "pay.instalments", "pay.local_aid"]
    checklist_keys = [i.key for i in result.checklist.items]
    assert "guidance_pay_instalments" in checklist_keys


def test_no_payment_options_when_nothing_is_left():
    result = run(HOSP, complementary="css_free")
    assert result.reste_a_charge.total_current == 0
    assert keys(result, "payment_options") == []


def test_above_the_ceiling_without_complementary_how_to_choose_and_the_premium_aid():
    result = run({"kind": "glasses", "member": "p1", "quote": 300.0, "basket": "other"}, resources=RICH)
    assert result.css.status is CssStatus.NOT_ELIGIBLE
    assert keys(result, "complementary_choice") == ["leave.choose_complementary", "leave.premium_aid"]
    choose = result.guidance.complementary_choice[0].text
    for word in ("optique", "plafonds", "carence", "responsable", "100 % Santé"):
        assert word in choose


def test_css_holder_above_the_ceiling_learns_about_the_year_of_continued_cover():
    result = run(complementary="css_with_participation", resources=RICH)
    codes = keys(result, "complementary_choice")
    assert codes[0] == "leave.renewal_refused"
    assert "un an" in result.guidance.complementary_choice[0].text
    assert "tarif privilégié" in result.guidance.complementary_choice[0].text


def test_eligible_household_gets_no_complementary_advice():
    assert keys(run(), "complementary_choice") == []


def test_hearing_aids_before_the_2021_tariffs_are_at_most_the_quote():
    result = run({"kind": "hearing_aids", "member": "p1", "quote": 1500.0, "basket": "other"},
                 request_date="2020-06-01", resources=RICH)
    line = result.reste_a_charge.lines[0]
    assert line.current.billed == D("1500") and line.current.left == D("1500") and line.current.upper_bound
    assert any("2021" in n for n in result.to_verify)
