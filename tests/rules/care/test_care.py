"""Care charges: forfait journalier, forfait patient urgences, consultations, 100 % Santé baskets."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from eligibility.rules.care import (
    add_months,
    consultation,
    emergency_visit,
    evaluate_care,
    holds_css,
    hospital_stay,
    quoted_care,
)
from eligibility.rules.enums import EmergencyExemption, HospitalExemption, ParticipationExemption
from eligibility.rules.situation import Situation
from tests.rules.helpers import ADULT, TODAY, make, p_on


def stay(situation: Situation, index: int = 0, *, css_holder: bool = False):
    return hospital_stay(situation, situation.planned_care[index], index, p_on(situation), css_holder=css_holder)


def visit(situation: Situation, index: int = 0, *, css_holder: bool = False):
    return emergency_visit(situation, situation.planned_care[index], index, p_on(situation), css_holder=css_holder)


HOSP = {"kind": "hospitalisation", "member": "p1", "days": 5}
PSY = {"kind": "hospitalisation", "member": "p1", "days": 5, "psychiatric": True}
URG = {"kind": "emergency_visit", "member": "p1"}


# --------------------------------------------------------------------------- forfait journalier


@pytest.mark.parametrize(
    ("request_date", "care", "rate"),
    [
        ("2026-02-28", HOSP, D("20")),
        ("2026-03-01", HOSP, D("23")),
        ("2026-02-28", PSY, D("15")),
        ("2026-03-01", PSY, D("17")),
        ("2019-11-01", HOSP, D("20")),
        ("2019-11-01", PSY, D("15")),
    ],
)
def test_forfait_journalier_rate_by_date_and_service(request_date, care, rate):
    result = stay(make(care, request_date=request_date))
    assert result.daily_rate == rate
    assert result.forfait_before_exemption == rate * 5
    assert result.forfait_journalier == rate * 5
    assert result.exemption is None


def test_every_day_billed_discharge_day_included():
    result = stay(make({"kind": "hospitalisation", "member": "p1", "days": 1}))
    assert result.forfait_journalier == D("23")
    result = stay(make({"kind": "hospitalisation", "member": "p1", "days": 12}))
    assert result.days == 12
    assert result.forfait_journalier == D("276")
    assert "jour de sortie compris" in result.reasons[0].text


def test_request_before_the_2026_change_notes_the_new_rate_for_later_days():
    before = stay(make(HOSP, request_date="2026-02-28"))
    assert any(r.code == "care.hospital.rate_change" for r in before.reasons)
    change = next(r for r in before.reasons if r.code == "care.hospital.rate_change")
    assert "23" in change.text and "1er mars 2026" in change.text
    assert any("1er mars 2026" in note for note in before.to_verify)
    after = stay(make(HOSP, request_date="2026-03-01"))
    assert not any(r.code == "care.hospital.rate_change" for r in after.reasons)


def test_reasons_cite_the_article():
    result = stay(make(HOSP))
    assert "L174-4" in result.reasons[0].article
    assert result.reasons[0].href.startswith("https://")


def test_single_room_is_never_reimbursed_and_counted_per_day():
    result = stay(make({"kind": "hospitalisation", "member": "p1", "days": 4, "single_room_daily": 60.0}))
    assert result.single_room == D("240")
    assert result.forfait_journalier == D("92")
    assert any(r.code == "care.hospital.single_room" for r in result.reasons)


def test_no_single_room_asked():
    assert stay(make(HOSP)).single_room is None


def test_css_holder_exemption():
    result = stay(make(HOSP), css_holder=True)
    assert result.exemption is HospitalExemption.CSS
    assert result.forfait_journalier == 0
    assert result.forfait_before_exemption == D("115")


def test_current_css_coverage_means_css_exemption_in_evaluate_care():
    situation = make(HOSP, coverage={"complementary": "css_with_participation"})
    assert holds_css(situation)
    care = evaluate_care(situation, p_on(situation), css_holder=holds_css(situation))
    assert care.hospital_stays[0].exemption is HospitalExemption.CSS


def _health(**flags) -> list[dict]:
    return [{"member": "p1", **flags}]


@pytest.mark.parametrize(
    ("extra", "care", "code"),
    [
        ({"health": _health(work_accident=True)}, HOSP, HospitalExemption.WORK_ACCIDENT),
        ({"health": _health(military_pension=True)}, HOSP, HospitalExemption.MILITARY_PENSION),
        ({"health": _health(aeeh_child=True)}, HOSP, HospitalExemption.AEEH_CHILD),
        ({}, {"kind": "hospitalisation", "member": "p1", "days": 5, "home": True}, HospitalExemption.HOME_HOSPITALISATION),
        (
            {"residence": {"territory": "metropole", "department": "67", "alsace_moselle": True}},
            HOSP,
            HospitalExemption.ALSACE_MOSELLE,
        ),
    ],
)
def test_each_hospital_exemption(extra, care, code):
    result = stay(make(care, **extra))
    assert result.exemption is code
    assert result.forfait_journalier == 0
    assert any(r.code == f"care.hospital.exempt.{code.value}" for r in result.reasons)


@pytest.mark.parametrize(
    ("due_offset_days", "exempt"),
    [
        (60, True),    # 8th month
        (110, True),   # less than 4 months before the due date: 6th month reached
        (140, False),  # about 5th month
        (-10, True),   # birth 10 days ago (due date as birth date)
        (-12, True),   # 12th day after the birth
        (-13, False),  # 13 days after
    ],
)
def test_maternity_exemption_window(due_offset_days, exempt):
    due = TODAY + timedelta(days=due_offset_days)
    situation = make(HOSP, health=[{"member": "p1", "pregnancy_due_date": due.isoformat()}])
    result = stay(situation)
    assert (result.exemption is HospitalExemption.MATERNITY) is exempt
    if exempt:
        assert result.forfait_journalier == 0
        assert any("assurance maternité" in r.text for r in result.reasons)
        assert any("date prévue d'accouchement" in n for n in result.to_verify)


def test_maternity_window_starts_four_months_before_due_date():
    due = date(2027, 3, 22)
    start = add_months(due, -4)
    assert start == date(2026, 11, 22)
    situation = make(HOSP, health=[{"member": "p1", "pregnancy_due_date": due.isoformat()}])
    assert stay(situation).exemption is HospitalExemption.MATERNITY
    later = make(HOSP, health=[{"member": "p1", "pregnancy_due_date": "2027-03-23"}])
    assert stay(later).exemption is None


@pytest.mark.parametrize(("age_days", "exempt"), [(0, True), (29, True), (30, False), (200, False)])
def test_newborn_under_30_days(age_days, exempt):
    baby = {"id": "b1", "role": "child", "birth_date": (TODAY - timedelta(days=age_days)).isoformat()}
    situation = make({"kind": "hospitalisation", "member": "b1", "days": 3}, members=[ADULT, baby])
    result = stay(situation)
    assert (result.exemption is HospitalExemption.NEWBORN) is exempt
    assert result.forfait_journalier == (0 if exempt else D("69"))


def test_intrinsic_exemption_comes_before_the_css():
    situation = make(HOSP, health=_health(work_accident=True))
    assert stay(situation, css_holder=True).exemption is HospitalExemption.WORK_ACCIDENT


def test_single_room_still_due_when_the_forfait_is_exempt():
    care = {"kind": "hospitalisation", "member": "p1", "days": 3, "single_room_daily": 80.0}
    result = stay(make(care, health=_health(military_pension=True)))
    assert result.forfait_journalier == 0
    assert result.single_room == D("240")


def test_stay_as_dict_has_contract_keys():
    data = stay(make({"kind": "hospitalisation", "member": "p1", "days": 4, "single_room_daily": 60.0})).as_dict()
    assert data["member"] == "p1"
    assert data["days"] == 4
    assert data["daily_rate"] == 23
    assert data["exemption"] is None
    assert data["forfait_journalier"] == 92
    assert data["single_room"] == 240
    assert data["reasons"] and data["reasons_detail"][0]["code"] == "care.hospital.rate"


# --------------------------------------------------------------------------- forfait patient urgences


@pytest.mark.parametrize(
    ("request_date", "full", "reduced"),
    [("2022-01-01", D("19.61"), D("8.49")), ("2026-02-28", D("19.61"), D("8.49")), ("2026-03-01", D("23"), D("9.96"))],
)
def test_emergency_flat_fee_by_date(request_date, full, reduced):
    assert visit(make(URG, request_date=request_date)).flat_fee == full
    ald = make(URG, request_date=request_date, health=_health(ald=True))
    result = visit(ald)
    assert result.reduced and result.flat_fee == reduced


def test_emergency_reduced_rate_for_work_accident_notes_the_two_thirds_exemption():
    result = visit(make(URG, health=_health(work_accident=True)))
    assert result.reduced
    assert result.flat_fee == D("9.96")
    assert any("deux tiers" in n for n in result.to_verify)


def test_emergency_change_noted_before_2026_03_01():
    result = visit(make(URG, request_date="2026-02-28"))
    assert any(r.code == "care.emergency.rate_change" for r in result.reasons)


def test_emergency_before_2022_has_no_flat_fee():
    result = visit(make(URG, request_date="2021-12-31"))
    assert result.exemption is EmergencyExemption.NOT_IN_FORCE
    assert result.flat_fee == 0


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"health": _health(military_pension=True)}, EmergencyExemption.MILITARY_PENSION),
        ({"resources": [{"member": "p1", "type": "invalidity_pension", "amount": 9000.0}]}, EmergencyExemption.INVALIDITY_PENSION),
        ({"health": [{"member": "p1", "pregnancy_due_date": "2027-01-10"}]}, EmergencyExemption.MATERNITY),
    ],
)
def test_emergency_exemptions(extra, code):
    result = visit(make(URG, **extra))
    assert result.exemption is code
    assert result.flat_fee == 0


def test_emergency_newborn():
    baby = {"id": "b1", "role": "child", "birth_date": (TODAY - timedelta(days=5)).isoformat()}
    result = visit(make({"kind": "emergency_visit", "member": "b1"}, members=[ADULT, baby]))
    assert result.exemption is EmergencyExemption.NEWBORN and result.flat_fee == 0


def test_emergency_paid_by_the_css_for_holders():
    result = visit(make(URG), css_holder=True)
    assert result.exemption is EmergencyExemption.CSS
    assert result.flat_fee == 0
    assert result.rate == D("23")
    assert result.as_dict()["exemption"] == "css"


# --------------------------------------------------------------------------- consultations


def consult(situation: Situation, index: int = 0, *, css_holder: bool = False):
    return consultation(situation, situation.planned_care[index], index, p_on(situation), css_holder=css_holder)


def test_sector_1_consultation_reimbursed_at_70_percent_with_participation():
    result = consult(make({"kind": "consultation", "member": "p1", "fee": 30.0, "sector": "1"}))
    assert result.base_tariff == D("30")
    assert result.social_security == D("21.00")
    assert result.ticket_moderateur == D("9.00")
    assert result.excess_fees == 0
    assert result.participation_forfaitaire == D("2")


def test_gp_tariff_by_date():
    care = {"kind": "consultation", "member": "p1", "fee": 30.0, "sector": "1"}
    assert consult(make(care, request_date="2024-12-21")).base_tariff == D("26.5")
    assert consult(make(care, request_date="2024-12-22")).base_tariff == D("30")


def test_participation_forfaitaire_by_date():
    care = {"kind": "consultation", "member": "p1", "fee": 30.0}
    assert consult(make(care, request_date="2024-05-14")).participation_forfaitaire == D("1")
    assert consult(make(care, request_date="2024-05-15")).participation_forfaitaire == D("2")


def test_sector_2_excess_fees_not_covered():
    result = consult(make({"kind": "consultation", "member": "p1", "fee": 50.0, "sector": "2"}))
    assert result.excess_fees == D("20")
    assert result.social_security == D("21.00")
    assert any(r.code == "care.consultation.excess_fees" for r in result.reasons)


def test_css_holder_no_excess_fees_and_no_participation():
    result = consult(make({"kind": "consultation", "member": "p1", "fee": 50.0, "sector": "optam"}), css_holder=True)
    assert result.billed == D("30")
    assert result.excess_fees == 0
    assert result.participation_forfaitaire == 0
    assert result.participation_exemption is ParticipationExemption.CSS


def test_participation_exempt_under_18():
    child = {"id": "c1", "role": "child", "birth_date": "2012-01-01"}
    result = consult(make({"kind": "consultation", "member": "c1", "fee": 30.0}, members=[ADULT, child]))
    assert result.participation_exemption is ParticipationExemption.UNDER_18
    assert result.participation_forfaitaire == 0


def test_maternity_consultation_at_100_percent_without_participation():
    situation = make({"kind": "consultation", "member": "p1", "fee": 30.0}, health=[{"member": "p1", "pregnancy_due_date": "2027-01-10"}])
    result = consult(situation)
    assert result.social_security == D("30")
    assert result.participation_exemption is ParticipationExemption.MATERNITY


def test_participation_annual_cap_across_planned_consultations():
    care = [{"kind": "consultation", "member": "p1", "fee": 30.0} for _ in range(30)]
    situation = make(*care)
    result = evaluate_care(situation, p_on(situation), css_holder=False)
    assert sum(c.participation_forfaitaire for c in result.consultations) == D("50")
    assert result.consultations[-1].participation_forfaitaire == 0


# --------------------------------------------------------------------------- 100 % Santé baskets


def test_100_sante_glasses_social_security_share_from_the_frame_tariff():
    situation = make({"kind": "glasses", "member": "p1", "quote": 200.0, "basket": "100_sante"})
    result = quoted_care(situation, situation.planned_care[0], 0, p_on(situation))
    assert result.social_security == D("5.40")  # 60 % of the 9 € class A frame base; lenses depend on the correction
    assert result.as_dict()["rest_after_social_security"] == 194.6
    assert result.to_verify


def test_other_basket_social_security_share_counted_from_the_crown_base():
    situation = make({"kind": "dental_prosthesis", "member": "p1", "quote": 1100.0, "basket": "other"})
    result = quoted_care(situation, situation.planned_care[0], 0, p_on(situation))
    assert result.social_security == D("72.00")  # 60 % of the 120 € crown base
    assert result.as_dict()["rest_after_social_security"] == 1028
    assert any("120" in r.text for r in result.reasons)


def test_evaluate_care_keeps_planned_order():
    situation = make(URG, HOSP, {"kind": "glasses", "member": "p1", "quote": 100.0, "basket": "other"})
    items = evaluate_care(situation, p_on(situation), css_holder=False).items
    assert [i.care_index for i in items] == [0, 1, 2]


def test_ald_consultation_notes_the_full_reimbursement_possibility():
    situation = make({"kind": "consultation", "member": "p1", "fee": 30.0}, health=_health(ald=True))
    result = consult(situation)
    assert result.social_security == D("21.00")
    assert any("ALD" in note for note in result.to_verify)
