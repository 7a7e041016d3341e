"""Issue 14, the points the first tests left out: the coverage options people actually have (CSS pending, a
responsible contract or not), a visitor under a bilateral agreement, the caisse overseas with its own address, the
per-line fields integrators read (``reste_a_charge.lines[]``: ``charge``, ``billed``, ``current``, ``with_css``, and the
two totals), the ``act`` and ``ears`` inputs, and hearing aids without a quote. Each through the engine, as the API
answers it.

Figures: a metal crown is in the 100 % Santé basket at 290 € (service-public.fr F20314), its base is 120 € at 60 %
since 15 October 2023 (F33956), so 72 € from the Sécurité sociale and 218 € left without a complementary; hearing aids
for an adult: base 400 € per ear at 60 %, class I limit 950 € per ear.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from eligibility.rules.engine import simulate, simulate_json
from eligibility.rules.enums import CssStatus
from eligibility.rules.situation import InvalidSituation
from tests.rules.helpers import ADULT, TODAY, make

CROWN = {"kind": "dental_prosthesis", "member": "p1", "quote": 290.0, "act": "crown", "material": "metal",
         "tooth": "molar"}
RICH = [{"member": "p1", "type": "salary", "amount": 40000.0}]


def guidance_codes(result, section):
    return [g.code for g in getattr(result.guidance, section)]


def test_css_pending_pays_as_without_complementary_and_sees_what_the_css_would_leave():
    result = simulate(make(CROWN, complementary="css_pending"))
    assert result.css.eligible
    line = result.reste_a_charge.lines[0]
    assert (line.current.billed, line.current.social_security, line.current.left) == (D("290"), D("72.00"), D("218.00"))
    assert line.with_css.left == 0
    assert any("en cours" in a for a in result.reste_a_charge.assumptions)
    assert "pay.local_aid" in guidance_codes(result, "payment_options")


def test_a_responsible_contract_leaves_nothing_on_a_100_sante_crown_one_that_is_not_leaves_at_most_the_rest():
    responsible = simulate(make(CROWN, complementary="private_responsible", resources=RICH))
    line = responsible.reste_a_charge.lines[0]
    assert line.current.left == 0 and not line.current.upper_bound
    not_responsible = simulate(make(CROWN, complementary="private_not_responsible", resources=RICH))
    line = not_responsible.reste_a_charge.lines[0]
    assert line.current.left == D("218.00") and line.current.upper_bound and line.current.complementary is None
    assert "pay.check_complementary" in guidance_codes(not_responsible, "payment_options")
    # Above the CSS ceiling with a contract that is not responsible: how to choose a complementary.
    assert not_responsible.css.status is CssStatus.NOT_ELIGIBLE
    assert "leave.choose_complementary" in guidance_codes(not_responsible, "complementary_choice")
    assert "leave.choose_complementary" not in guidance_codes(responsible, "complementary_choice")


def test_visitor_under_a_bilateral_agreement_brings_the_form_and_is_pointed_to_the_pass():
    result = simulate(make({"kind": "hospitalisation", "member": "p1", "days": 4},
                           coverage={"complementary": "none", "base": "foreign_agreement"}))
    assert guidance_codes(result, "patient_cover") == ["outside.agreement", "outside.pass"]
    assert result.css.status is CssStatus.NOT_ELIGIBLE
    agreement = result.guidance.patient_cover[0]
    assert len(agreement.documents) == 3 and "CLEISS" in agreement.reason.article


def test_overseas_caisse_has_its_own_name_and_address():
    result = simulate(make(residence={"territory": "reunion", "department": "974"}, department=None))
    caisse = result.guidance.caisse
    assert caisse.short == "CGSS" and "La Réunion" in caisse.name
    assert caisse.href == "https://www.ameli.fr/la-reunion"
    guyane = simulate(make(residence={"territory": "guyane", "department": "973"}, department=None)).guidance.caisse
    assert guyane.short == "CGSS" and "Guyane" in guyane.name and guyane.href != caisse.href


def test_api_lines_carry_charge_billed_current_with_css_and_the_two_totals_act_and_ears_are_read():
    data = {
        "request_date": TODAY.isoformat(), "residence": {"territory": "metropole", "department": "93"},
        "housing": {"status": "tenant", "housing_aid_monthly": 0}, "members": [ADULT],
        "coverage": {"complementary": "none"},
        "planned_care": [
            {"kind": "dental_prosthesis", "member": "p1", "quote": 1500.0, "act": "bridge", "basket": "other"},
            {"kind": "hearing_aids", "member": "p1", "ears": 2, "basket": "100_sante", "quote": 1900.0},
        ],
    }
    rac = simulate_json(data, today=TODAY)["reste_a_charge"]
    bridge, hearing = rac["lines"]
    for line in (bridge, hearing):
        for key in ("charge", "billed", "current", "with_css"):
            assert key in line
        assert {"billed", "social_security", "complementary", "left", "upper_bound"} <= set(line["current"])
    assert bridge["charge"] == "dental_prosthesis" and bridge["details"]["act"] == "bridge"
    assert hearing["charge"] == "hearing_aids" and hearing["details"]["units"] == 2
    # Bridge: base 279,50 € at 60 % = 167,70 €; two class I aids: 2 × 400 € at 60 % = 480 €.
    assert bridge["current"]["left"] == 1332.3 and hearing["current"]["left"] == 1420
    assert rac["total_current"] == 2752.3 and rac["total"] == rac["total_current"]
    assert rac["total_with_css"] is not None and rac["total_with_css"] <= rac["total_current"]
    assert hearing["with_css"]["left"] == 0


def test_hearing_aids_without_a_quote_give_the_class_i_figure_per_ear_and_the_usual_range():
    result = simulate(make({"kind": "hearing_aids", "member": "p1", "ears": 2}))
    line = result.reste_a_charge.lines[0]
    no_quote = line.written_details["no_quote"]
    assert no_quote["price_100_sante"] == D("1900")  # 2 × 950 €
    assert no_quote["usual_range"] == {"low": D("1900"), "high": D("3600")}  # 2 × 950 € to 2 × 1 800 €
    assert "classe I" in no_quote["advice"] and "devis" in no_quote["advice"]
    assert line.current.billed == D("1900") and line.current.left == D("1420.00") and line.current.approximate
    assert line.with_css.left == 0


def test_css_holder_is_never_asked_more_than_without_the_css_for_each_line():
    situation = make(CROWN, {"kind": "glasses", "member": "p1", "quote": 250.0, "basket": "other", "lenses": "simple"},
                     {"kind": "hearing_aids", "member": "p1", "quote": 3000.0, "basket": "other", "ears": 2})
    for line in simulate(situation).reste_a_charge.lines:
        assert line.with_css.left <= line.current.left
    assert date(2026, 11, 22) == TODAY


def test_act_and_ears_are_checked_with_the_field_path():
    cases = [
        ({"kind": "hearing_aids", "member": "p1", "ears": 3}, "planned_care[0].ears"),
        ({"kind": "dental_prosthesis", "member": "p1", "act": "implant"}, "planned_care[0].act"),
        ({"kind": "glasses", "member": "p1", "act": "bridge"}, "planned_care[0].act"),
        ({"kind": "dental_prosthesis", "member": "p1", "ears": 2}, "planned_care[0].ears"),
    ]
    for care, path in cases:
        with pytest.raises(InvalidSituation) as error:
            make(care)
        assert [e.path for e in error.value.errors] == [path]


def test_class_a_glasses_without_a_quote_cost_nothing_with_the_css_or_a_responsible_contract():
    # The lens price limits of class A are not known here (they depend on the correction), but inside the 100 % Santé
    # basket the CSS (art. L861-3) and a responsible contract (art. R871-2) pay everything up to them.
    glasses = {"kind": "glasses", "member": "p1", "basket": "100_sante"}
    none = simulate(make(glasses)).reste_a_charge.lines[0]
    assert none.current.approximate and none.current.note.key == "oop.note.quoted.no_estimate"
    assert none.with_css.left == 0 and none.with_css.exemption == "css"
    assert none.with_css.note.key == "care.quoted.note.css_nothing"
    responsible = simulate(make(glasses, complementary="private_responsible", resources=RICH)).reste_a_charge.lines[0]
    assert responsible.current.left == 0 and responsible.current.note.key == "care.quoted.note.responsible_full"
    # Class B without a quote stays unestimated in every column: nothing is known of its price.
    other = simulate(make({**glasses, "basket": "other"})).reste_a_charge.lines[0]
    assert other.with_css.note.key == "oop.note.quoted.no_estimate"
