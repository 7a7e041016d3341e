"""The two-column out-of-pocket estimate (reste_a_charge) for typical personas."""

from __future__ import annotations

from decimal import Decimal as D

from eligibility.rules.engine import simulate, simulate_json
from eligibility.rules.enums import CssStatus
from eligibility.rules.out_of_pocket import OutOfPocket, estimate_out_of_pocket
from eligibility.rules.results import CssResult
from eligibility.rules.situation import Situation, parse_situation
from tests.examples import CONTRACT_EXAMPLE
from tests.rules.helpers import ADULT, TODAY, make, p_on

PARTNER = {"id": "p2", "role": "partner", "birth_date": "1986-02-11", "activity": "employee"}
CHILD1 = {"id": "c1", "role": "child", "birth_date": "2015-09-30"}
CHILD2 = {"id": "c2", "role": "child", "birth_date": "2018-03-12"}


def css_result(status: str = "free", *, resources: str = "5000", coefficient: str = "1",
               free: str = "10421", with_participation: str = "14068", monthly: str = "0") -> CssResult:
    return CssResult(
        status=CssStatus(status), household_size=1, coefficient=D(coefficient), resources=D(resources),
        ceiling_free=D(free), ceiling_with_participation=D(with_participation), monthly_participation=D(monthly),
        reasons=(),
    )


def estimate(situation: Situation, css: CssResult) -> OutOfPocket:
    return estimate_out_of_pocket(situation, p_on(situation), css)


def line(oop: OutOfPocket, key: str):
    return next(item for item in oop.lines if item.key == key)


def assert_invariants(oop: OutOfPocket) -> None:
    for item in oop.lines:
        columns = [item.current] + ([item.with_css] if item.with_css else [])
        for c in columns:
            for amount in (c.billed, c.social_security, c.complementary or D(0), c.left):
                assert amount >= 0, item
            assert c.billed == c.social_security + (c.complementary or D(0)) + c.left, item
        if item.with_css is not None:
            assert item.with_css.left <= item.current.left, item
    assert oop.total_current >= 0
    if oop.total_with_css is not None:
        assert 0 <= oop.total_with_css <= oop.total_current


# --------------------------------------------------------------------------- persona 1: single adult, 5-day stay


STAY5 = {"kind": "hospitalisation", "member": "p1", "days": 5}


def test_single_adult_without_complementary_five_day_stay_css_eligible():
    oop = estimate(make(STAY5), css_result("free"))
    forfait = line(oop, "care0.forfait_journalier")
    assert forfait.current.billed == D("115")
    assert forfait.current.social_security == 0
    assert forfait.current.complementary == 0
    assert forfait.current.left == D("115")
    assert not forfait.current.upper_bound
    assert forfait.with_css is not None
    assert forfait.with_css.left == 0
    assert forfait.with_css.complementary == D("115")
    assert forfait.with_css.exemption == "css"
    assert oop.total_current == D("115")
    assert oop.total_with_css == 0
    assert_invariants(oop)


def test_single_adult_not_css_eligible_has_no_css_column():
    oop = estimate(make(STAY5), css_result("not_eligible", resources="30000"))
    assert oop.total_with_css is None
    assert all(item.with_css is None for item in oop.lines)
    data = oop.as_dict()
    assert data["total"] == 115
    assert data["total_with_css"] is None
    assert data["lines"][0]["with_css"] is None
    assert any("pas de colonne" in a for a in oop.assumptions)


def test_private_complementary_share_unknown_is_an_upper_bound():
    oop = estimate(make(STAY5, complementary="private"), css_result("not_eligible", resources="30000"))
    forfait = line(oop, "care0.forfait_journalier")
    assert forfait.current.complementary is None
    assert forfait.current.upper_bound
    assert forfait.current.left == D("115")
    assert oop.current_upper_bound
    assert oop.as_dict()["current_is_upper_bound"] is True
    assert any("complémentaire" in t for t in oop.to_verify)


def test_current_css_holder_pays_nothing_for_the_forfait():
    oop = estimate(make(STAY5, complementary="css_free"), css_result("free"))
    forfait = line(oop, "care0.forfait_journalier")
    assert forfait.current.left == 0
    assert forfait.current.exemption == "css"
    assert oop.total_current == 0 == oop.total_with_css


def test_single_room_not_paid_by_the_css():
    care = {"kind": "hospitalisation", "member": "p1", "days": 5, "single_room_daily": 50.0}
    oop = estimate(make(care), css_result("free"))
    room = line(oop, "care0.single_room")
    assert room.current.left == D("250")
    assert room.with_css.left == D("250")
    assert oop.total_current == D("365")
    assert oop.total_with_css == D("250")
    assert_invariants(oop)


# --------------------------------------------------------------------------- persona 2: CSS-eligible family, glasses and dental


def test_css_eligible_family_with_glasses_and_dental_prosthesis():
    situation = make(
        {"kind": "glasses", "member": "c1", "quote": 180.0, "basket": "100_sante"},
        {"kind": "dental_prosthesis", "member": "p1", "quote": 1100.0, "basket": "other"},
        members=[ADULT, PARTNER, CHILD1, CHILD2],
        housing={"status": "tenant", "housing_aid_monthly": 320.0},
    )
    oop = estimate(situation, css_result("with_participation", coefficient="2.1", monthly="36"))
    # Tariffs, not an indicative share: class A frame base 9 € at 60 % (the lenses' share depends on the
    # correction: "au plus"); a crown's base 120 € at 60 %, the CSS paying the base outside its baskets.
    glasses = line(oop, "care0.glasses")
    assert glasses.current.social_security == D("5.40")
    assert glasses.current.left == D("174.60")
    assert glasses.current.upper_bound
    assert glasses.with_css.left == 0
    dental = line(oop, "care1.dental_prosthesis")
    assert dental.current.social_security == D("72.00")
    assert dental.current.left == D("1028.00")
    assert dental.with_css.left == D("980")
    assert dental.with_css.upper_bound
    assert "100 % Santé" in dental.with_css.note
    assert oop.total_current == D("1202.60")
    assert oop.total_with_css == D("980")
    assert any("participation mensuelle" in a for a in oop.assumptions)
    assert_invariants(oop)


def test_100_sante_with_private_complementary_is_an_upper_bound_with_a_note():
    oop = estimate(
        make({"kind": "hearing_aids", "member": "p1", "quote": 1900.0, "basket": "100_sante"}, complementary="private"),
        css_result("not_eligible", resources="30000"),
    )
    hearing = line(oop, "care0.hearing_aids")
    assert hearing.current.complementary is None
    assert hearing.current.upper_bound
    # One class I aid: the audioprosthetist may not bill more than 950 €; the Sécurité sociale pays 240 €.
    assert hearing.current.billed == D("950")
    assert hearing.current.left == D("710.00")
    assert "prix limite" in hearing.current.note
    assert "responsable" in hearing.current.note


# --------------------------------------------------------------------------- persona 3: self-employed, psychiatric stay


def test_self_employed_with_planned_psychiatric_stay():
    situation = make(
        {"kind": "hospitalisation", "member": "p1", "days": 10, "psychiatric": True},
        members=[{**ADULT, "activity": "self_employed"}],
        resources=[{"member": "p1", "type": "self_employment", "amount": 12000.0}],
        difficulties=["self_employed_contributions_unpaid"],
    )
    oop = estimate(situation, css_result("with_participation", resources="12000", monthly="14"))
    forfait = line(oop, "care0.forfait_journalier")
    assert forfait.current.billed == D("170")
    assert "psychiatrie" in forfait.label
    assert oop.total_current == D("170")
    assert oop.total_with_css == 0
    assert_invariants(oop)


# --------------------------------------------------------------------------- other charges


def test_emergency_and_consultation_lines():
    situation = make(
        {"kind": "emergency_visit", "member": "p1"},
        {"kind": "consultation", "member": "p1", "fee": 50.0, "sector": "2"},
    )
    oop = estimate(situation, css_result("free"))
    urg = line(oop, "care0.emergency_flat_fee")
    assert urg.current.left == D("23")
    assert urg.with_css.left == 0
    cons = line(oop, "care1.consultation")
    assert cons.current.billed == D("50")
    assert cons.current.social_security == D("21.00")
    assert cons.current.left == D("29.00")
    assert cons.with_css.billed == D("30")
    assert cons.with_css.left == 0
    pf = line(oop, "care1.participation_forfaitaire")
    assert pf.current.left == D("2")
    assert pf.with_css.left == 0
    assert oop.total_current == D("54.00")
    assert_invariants(oop)


def test_exempt_forfait_line_is_not_due_in_both_columns():
    oop = estimate(make(STAY5, health=[{"member": "p1", "work_accident": True}]), css_result("free"))
    forfait = line(oop, "care0.forfait_journalier")
    assert forfait.current.billed == 0 and forfait.current.left == 0
    assert forfait.current.exemption == "work_accident"
    assert forfait.with_css.exemption == "work_accident"


def test_no_planned_care():
    oop = estimate(make(), css_result("free"))
    assert oop.lines == ()
    assert oop.total_current == 0
    assert oop.as_dict()["total"] == 0
    assert oop.reasons[0].code == "oop.no_care"


def test_franchises_assumption_uses_dated_amounts():
    oop = estimate(make(STAY5), css_result("free"))
    note = next(a for a in oop.assumptions if "franchises" in a)
    assert "1\u00a0€ par boîte" in note and "50\u00a0€ par an" in note


def test_line_as_dict_shape():
    data = estimate(make(STAY5), css_result("free")).as_dict()
    item = data["lines"][0]
    assert set(item) >= {"key", "label", "billed", "social_security", "complementary", "left", "current", "with_css", "assumptions"}
    assert set(item["current"]) >= {"billed", "social_security", "complementary", "left", "upper_bound"}
    assert set(data) >= {"total", "total_current", "total_with_css", "lines", "assumptions", "reasons", "reasons_detail", "to_verify"}


# --------------------------------------------------------------------------- end to end through the engine




def test_contract_example_end_to_end():
    result = simulate_json(CONTRACT_EXAMPLE, today=TODAY)
    stay = result["hospital_stays"][0]
    assert (stay["member"], stay["days"], stay["daily_rate"], stay["exemption"]) == ("p1", 4, 23, None)
    assert stay["forfait_journalier"] == 92
    assert stay["single_room"] == 240
    visit = result["emergency_visits"][0]
    assert (visit["member"], visit["flat_fee"], visit["exemption"]) == ("c1", 23, None)
    reste = result["reste_a_charge"]
    assert reste["total"] == reste["total_current"]
    assert isinstance(reste["lines"], list) and reste["lines"]
    assert result["cpam_aid"]["assessment"] in ("likely", "possible", "unlikely")
    assert isinstance(result["help_independants"]["relevant"], bool)
    for item in result["checklist"]:
        assert {"organism", "procedure", "documents", "deadline"} <= set(item)
    assert "extra" not in result
    assert isinstance(result["to_verify"], list)


def test_engine_css_column_follows_the_css_result():
    situation = parse_situation(CONTRACT_EXAMPLE, today=TODAY)
    result = simulate(situation)
    if result.css.eligible:
        assert result.reste_a_charge.total_with_css is not None
        assert result.reste_a_charge.total_with_css <= result.reste_a_charge.total_current
    else:
        assert result.reste_a_charge.total_with_css is None
    assert result.hospital_stays == result.reste_a_charge.current_care.hospital_stays
    assert set(result.reste_a_charge.to_verify) <= set(result.to_verify)
