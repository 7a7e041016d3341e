"""CPAM action sanitaire et sociale: ceilings (local and default), needs, assessment."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from eligibility.rules.cpam_aid import (
    CpamAidResult,
    CpamAidSettings,
    assess_cpam_aid,
    default_cpam_settings,
)
from eligibility.rules.engine import simulate
from eligibility.rules.enums import AidAssessment, AidCategory, CssStatus
from eligibility.rules.out_of_pocket import estimate_out_of_pocket
from eligibility.rules.parameters import default_parameters
from eligibility.rules.results import CssResult
from eligibility.rules.situation import Situation
from tests.rules.helpers import ADULT, TODAY, make, p_on

SELF_EMPLOYED = {**ADULT, "activity": "self_employed"}
PSY_STAY = {"kind": "hospitalisation", "member": "p1", "days": 10, "psychiatric": True}
GLASSES_OTHER = {"kind": "glasses", "member": "p1", "quote": 450.0, "basket": "other"}


def css_result(status: str, resources: str, *, coefficient: str = "1", with_participation: str = "14068") -> CssResult:
    return CssResult(
        status=CssStatus(status), household_size=1, coefficient=D(coefficient), resources=D(resources),
        ceiling_free=D("10421"), ceiling_with_participation=D(with_participation), monthly_participation=D("0"),
        reasons=(),
    )


def assess(situation: Situation, css: CssResult, settings: CpamAidSettings | None = None) -> CpamAidResult:
    p = p_on(situation)
    return assess_cpam_aid(situation, p, css, estimate_out_of_pocket(situation, p, css), settings)


SEINE_SAINT_DENIS = CpamAidSettings(
    label="CPAM de Seine-Saint-Denis", department="93", ratio_to_css_participation_ceiling=D("1.3"),
    notes="Règlement d'action sanitaire et sociale de la caisse.",
)


# --------------------------------------------------------------------------- settings and ceilings


def test_settings_need_exactly_one_ceiling():
    with pytest.raises(ValueError):
        CpamAidSettings(label="x")
    with pytest.raises(ValueError):
        CpamAidSettings(label="x", annual_ceiling_one_person=D("12000"), ratio_to_css_participation_ceiling=D("1"))
    with pytest.raises(ValueError):
        CpamAidSettings(label="x", annual_ceiling_one_person=D("0"))


def test_default_settings_come_from_the_parameters_and_are_labelled():
    settings = default_cpam_settings(default_parameters().at(TODAY))
    assert settings.is_default
    assert settings.ratio_to_css_participation_ceiling == D("1")
    assert "indicatif" in settings.label
    assert "pas de plafond national" in settings.notes


def test_default_ceiling_is_the_household_with_participation_ceiling():
    result = assess(make(GLASSES_OTHER), css_result("not_eligible", "15000", coefficient="1.5", with_participation="21102"))
    assert result.ceiling == D("21102")
    assert result.ceiling_is_default
    assert any("36 46" in t for t in result.to_verify)
    assert result.reasons[0].code == "cpam.ceiling.default"
    assert "hypothèse" in result.reasons[0].text


def test_local_ceiling_per_person_is_scaled_to_the_household():
    settings = CpamAidSettings(label="CPAM du Rhône", department="69", annual_ceiling_one_person=D("12000"))
    result = assess(make(GLASSES_OTHER), css_result("not_eligible", "16000", coefficient="1.5"), settings)
    assert result.ceiling == D("18000")
    assert not result.ceiling_is_default
    assert result.ceiling_label == "CPAM du Rhône"
    assert result.reasons[0].code == "cpam.ceiling.local"
    assert any("département 69" in t for t in result.to_verify)


def test_local_ratio_ceiling():
    result = assess(make(GLASSES_OTHER), css_result("not_eligible", "16000"), SEINE_SAINT_DENIS)
    assert result.ceiling == D("18288")  # 1.3 × 14 068, rounded to the euro
    assert "CPAM de Seine-Saint-Denis" in result.reasons[0].text


# --------------------------------------------------------------------------- assessment


def test_no_need_is_unlikely():
    situation = make(complementary="private")
    result = assess(situation, css_result("not_eligible", "9000"))
    assert result.needs == ()
    assert result.assessment is AidAssessment.UNLIKELY
    assert any(r.code == "cpam.no_need" for r in result.reasons)


def test_household_without_complementary_matches_the_complementary_need():
    result = assess(make(), css_result("not_eligible", "9000"), SEINE_SAINT_DENIS)
    assert [n.category for n in result.needs] == [AidCategory.COMPLEMENTARY_PREMIUM]
    assert result.assessment is AidAssessment.LIKELY


def test_self_employed_just_above_the_css_ceiling_default_vs_local_ceiling():
    """Persona: self-employed person in arrears with a planned psychiatric stay, resources just above the CSS."""
    situation = make(
        PSY_STAY, members=[SELF_EMPLOYED],
        resources=[{"member": "p1", "type": "self_employment", "amount": 15000.0}],
        difficulties=["self_employed_contributions_unpaid", "income_drop_due_to_health"],
    )
    css = css_result("not_eligible", "15000")
    default = assess(situation, css)
    assert default.assessment is AidAssessment.UNLIKELY
    assert any(r.code == "cpam.over_ceiling" for r in default.reasons)
    local = assess(situation, css, SEINE_SAINT_DENIS)
    assert local.assessment is AidAssessment.LIKELY
    assert local.care_left_to_pay == D("170")
    categories = [n.category for n in local.needs]
    assert categories[:1] == [AidCategory.CARE_COSTS]
    assert AidCategory.INCOME_DROP in categories
    assert AidCategory.COMPLEMENTARY_PREMIUM in categories


def test_css_eligible_household_asks_the_css_first():
    situation = make({"kind": "hospitalisation", "member": "p1", "days": 5, "single_room_daily": 50.0})
    result = assess(situation, css_result("free", "8000"))
    assert result.css_first
    assert result.assessment is AidAssessment.POSSIBLE
    assert result.care_left_to_pay == D("250")  # single room, not paid by the CSS
    assert any(r.code == "cpam.css_first" for r in result.reasons)


def test_css_covering_everything_makes_the_aid_unlikely():
    situation = make({"kind": "glasses", "member": "p1", "quote": 150.0, "basket": "100_sante"})
    result = assess(situation, css_result("free", "8000"))
    assert result.assessment is AidAssessment.UNLIKELY
    assert all(n.covered_by_css for n in result.needs)
    assert any(r.code == "cpam.css_covers" for r in result.reasons)


def test_css_holder_with_remaining_costs_is_likely_under_the_ceiling():
    situation = make(GLASSES_OTHER, complementary="css_free")
    result = assess(situation, css_result("free", "8000"))
    assert not result.css_first
    assert result.assessment is AidAssessment.LIKELY
    assert result.care_left_to_pay == D("449.85")  # class B glasses: the CSS pays the 0,15 € base


@pytest.mark.parametrize(
    ("difficulty", "category"),
    [
        ("income_drop_due_to_health", AidCategory.INCOME_DROP),
        ("home_help_after_hospital", AidCategory.HOME_HELP),
        ("end_of_life_care", AidCategory.HOME_HELP),
        ("job_retention", AidCategory.JOB_RETENTION),
        ("housing_adaptation", AidCategory.HOME_ADAPTATION),
        ("care_costs_not_covered", AidCategory.CARE_COSTS),
        ("complementary_premium_too_high", AidCategory.COMPLEMENTARY_PREMIUM),
    ],
)
def test_each_difficulty_matches_its_aid_category(difficulty, category):
    situation = make(complementary="private", difficulties=[difficulty])
    result = assess(situation, css_result("not_eligible", "15000"), SEINE_SAINT_DENIS)
    assert [n.category for n in result.needs] == [category]
    assert result.assessment is AidAssessment.LIKELY


def test_always_says_optional_no_appeal_and_quotes():
    result = assess(make(GLASSES_OTHER), css_result("not_eligible", "15000"), SEINE_SAINT_DENIS)
    texts = " ".join(r.text for r in result.reasons)
    assert "facultative" in texts
    assert "ne peut pas être contesté" in texts
    assert "deux devis" in texts
    assert tuple(map(str, result.quotes_needed)) == (
        "Deux devis de professionnels différents : lunettes (hors 100 % Santé) de p1",)


def test_as_dict_shape():
    data = assess(make(GLASSES_OTHER), css_result("not_eligible", "15000"), SEINE_SAINT_DENIS).as_dict()
    assert data["assessment"] == "likely"
    assert data["ceiling"] == 18288
    assert data["ceiling_label"] == "CPAM de Seine-Saint-Denis"
    assert data["needs"][0] == {
        "category": "care_costs", "label": AidCategory.CARE_COSTS.label,
        "reason": data["needs"][0]["reason"], "covered_by_css": False,
    }
    assert set(data) >= {"reasons", "reasons_detail", "to_verify", "quotes_needed", "resources", "css_first"}


def test_engine_passes_the_cpam_settings():
    situation = make(GLASSES_OTHER, resources=[{"member": "p1", "type": "salary", "amount": 16000.0}])
    default = simulate(situation)
    local = simulate(situation, cpam_settings=SEINE_SAINT_DENIS)
    assert default.cpam_aid.ceiling_is_default
    assert not local.cpam_aid.ceiling_is_default
    assert local.cpam_aid.ceiling > default.cpam_aid.ceiling
    assert local.as_dict()["cpam_aid"]["ceiling_label"] == "CPAM de Seine-Saint-Denis"
