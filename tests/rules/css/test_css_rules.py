"""Worked examples of the CSS rules, written from the legal reference (shared/reference/legal-rules.md).

Each expected figure is worked out by hand in the comment next to it; the situation goes through the
contract parser and ``simulate`` like a real request.
"""

from datetime import date
from decimal import Decimal

import pytest

from eligibility.rules.engine import simulate
from eligibility.rules.enums import CssStatus, ResourceTreatment, ResourceType
from eligibility.rules.situation import parse_situation

TODAY = date(2026, 11, 22)
FREE, PARTICIPATION, NOT_ELIGIBLE = CssStatus.FREE, CssStatus.WITH_PARTICIPATION, CssStatus.NOT_ELIGIBLE


def person(member_id="p1", role="applicant", birth="1980-05-01", activity="inactive", **extra):
    return {"id": member_id, "role": role, "birth_date": birth, "activity": activity, **extra}


def css(
    *resources, request_date="2025-06-15", members=None, housing=None, territory="metropole",
    alsace=False, benefits=(),
):
    """CSS result; ``resources`` are (member, type, amount) triples."""
    data = {
        "request_date": request_date,
        "residence": {"territory": territory, "alsace_moselle": alsace},
        "housing": housing or {"status": "tenant"},
        "members": members or [person()],
        "resources": [{"member": m, "type": t, "amount": a} for m, t, a in resources],
        "current_benefits": list(benefits),
    }
    return simulate(parse_situation(data, today=TODAY)).css


def codes(result):
    return [r.code for r in result.reasons]


def reason(result, code):
    found = [r for r in result.reasons if r.code == code]
    assert found, f"no reason {code} in {codes(result)}"
    return found[0]


def line(result, resource_type, member="p1"):
    return next(x for x in result.resource_lines if x.type == resource_type and x.member == member)


COUPLE = [person(), person("p2", "partner", "1982-03-01")]


# --------------------------------------------------------------------------- decision at the ceilings


class TestBoundaries2025:
    """One person, 2025: 10 339 € free, 13 957 € with participation; a tenant without aid (no flat amount)."""

    def test_exactly_on_the_free_ceiling_is_free(self):
        result = css(("p1", "salary", 10339))
        assert result.status is FREE and result.resources == 10339
        assert result.margin == 0
        assert "plafond est inclus" in reason(result, "css.decision").text

    def test_one_euro_over_the_free_ceiling_is_with_participation(self):
        result = css(("p1", "salary", 10340))
        assert result.status is PARTICIPATION
        assert result.monthly_participation == 14  # 45 on 1 January 2025

    def test_one_cent_over_the_free_ceiling(self):
        assert css(("p1", "salary", 10339.01)).status is PARTICIPATION

    def test_exactly_on_the_with_participation_ceiling(self):
        result = css(("p1", "salary", 13957))
        assert result.status is PARTICIPATION and result.margin == 0

    def test_one_euro_over_is_not_eligible_with_the_excess_in_the_reasons(self):
        result = css(("p1", "salary", 13958))
        assert result.status is NOT_ELIGIBLE
        assert result.monthly_participation == 0 and not result.participations
        assert result.as_dict()["excess"] == 1
        assert "Vos ressources dépassent le plafond de 1\u00a0€" in reason(result, "css.decision").text

    def test_excess_is_stated_in_euros(self):
        result = css(("p1", "salary", 15191))  # 15 191 − 13 957 = 1 234
        assert "dépassent le plafond de 1\u202f234\u00a0€" in reason(result, "css.decision").text


def test_2020_single_person_under_the_free_ceiling():
    """2020: 9 032 € / 12 193 €; request in June 2020 → resources of June 2019 to May 2020 (old R861-8)."""
    result = css(("p1", "pension", 9032), request_date="2020-06-15")
    assert result.status is FREE
    assert result.reference_period == (date(2019, 6, 1), date(2020, 5, 31))
    assert "de juin 2019 à mai 2020" in reason(result, "css.reference_period").text


def test_2023_couple_with_two_children_computed_ceiling():
    """9 719 × 2.1 = 20 409.9 → 20 410; 13 121 × 2.1 → 27 554; 21 000 € is between the two."""
    members = [*COUPLE, person("c1", "child", "2012-01-01"), person("c2", "child", "2015-01-01")]
    result = css(("p1", "salary", 21000), request_date="2023-05-10", members=members)
    assert (result.ceiling_free, result.ceiling_with_participation) == (20410, 27554)
    assert result.status is PARTICIPATION
    # Ages on 1 January 2023: 42 → 14 €, 40 → 14 €, 10 → 8 €, 7 → 8 €.
    assert result.monthly_participation == 44
    assert result.reference_period == (date(2022, 4, 1), date(2023, 3, 31))


def test_2026_worked_example_from_the_contract():
    """Request of 22 November 2026, couple + child, housing aid 250 €/month.

    Salary 15 600 (p1, employee) + unemployment 7 200 (p2) = 22 800. Housing: RSA 651.69 × 1.8 =
    1 173.042 × 16.5 % = 193.55 €/month (under the 250 € aid) → 2 322.60 €. Base 25 122.60 €.
    Ceilings: 10 421 × 1.8 = 18 757.8 → 18 758; 14 068 × 1.8 = 25 322.4 → 25 322 → with participation.
    Ages on 1 January 2026: 41 → 14, 39 → 14, 10 → 8: 36 €.
    """
    members = [
        person("p1", "applicant", "1984-06-02", "employee"),
        person("p2", "partner", "1986-02-11", "unemployed_compensated"),
        person("c1", "child", "2015-09-30", shared_custody=False),
    ]
    result = css(
        ("p1", "salary", 15600.0), ("p2", "unemployment_benefit", 7200.0),
        request_date="2026-11-22", members=members, housing={"status": "tenant", "housing_aid_monthly": 250.0},
    )
    assert result.household_size == 3
    assert result.housing_flat_amount == Decimal("2322.60")
    assert result.resources == Decimal("25122.60")
    assert (result.ceiling_free, result.ceiling_with_participation) == (18758, 25322)
    assert result.status is PARTICIPATION
    assert result.monthly_participation == 36
    assert result.reference_period == (date(2025, 10, 1), date(2026, 9, 30))
    assert "d'octobre 2025 à septembre 2026" in reason(result, "css.reference_period").text
    assert result.to_verify  # 2026 ceilings


# --------------------------------------------------------------------------- reference period (R861-8)


@pytest.mark.parametrize(
    ("request_date", "start", "end", "words"),
    [
        ("2026-01-15", date(2024, 12, 1), date(2025, 11, 30), "de décembre 2024 à novembre 2025"),
        ("2026-11-22", date(2025, 10, 1), date(2026, 9, 30), "d'octobre 2025 à septembre 2026"),
        ("2022-01-01", date(2020, 12, 1), date(2021, 11, 30), "de décembre 2020 à novembre 2021"),
        ("2022-03-31", date(2021, 2, 1), date(2022, 1, 31), "de février 2021 à janvier 2022"),
        ("2024-03-01", date(2023, 2, 1), date(2024, 1, 31), "de février 2023 à janvier 2024"),
        # Before 1 January 2022: the 12 months just before the request.
        ("2021-12-31", date(2020, 12, 1), date(2021, 11, 30), "de décembre 2020 à novembre 2021"),
        ("2019-11-01", date(2018, 11, 1), date(2019, 10, 31), "de novembre 2018 à octobre 2019"),
        ("2021-05-20", date(2020, 5, 1), date(2021, 4, 30), "de mai 2020 à avril 2021"),
    ],
)
def test_reference_period(request_date, start, end, words):
    result = css(request_date=request_date)
    assert result.reference_period == (start, end)
    period = reason(result, "css.reference_period")
    assert words in period.text and "12 mois" in period.text
    assert period.article.startswith("Code de la sécurité sociale, art. R861-8")


def test_reference_period_cites_the_2021_decree_from_2022():
    assert "2021-1642" in reason(css(request_date="2022-01-01"), "css.reference_period").article
    assert "2021-1642" not in reason(css(request_date="2021-12-31"), "css.reference_period").article


# --------------------------------------------------------------------------- household (R861-2, R861-3)


class TestHousehold:
    def test_25th_birthday_on_the_request_date_is_not_counted(self):
        members = [person(), person("c1", "child", "2000-06-15")]
        result = css(("c1", "salary", 9000), members=members)  # request 2025-06-15: 25 today
        assert result.household_size == 1 and result.coefficient == 1
        not_counted = reason(result, "css.household_not_counted")
        assert "25 ans" in not_counted.text and not_counted.article == "Code de la sécurité sociale, art. R861-2"
        # Their resources are not the household's.
        assert result.resources == 0
        assert line(result, "salary", "c1").treatment == "excluded"
        assert "css.resource_not_in_household" in codes(result)

    def test_the_day_before_the_25th_birthday_is_counted(self):
        members = [person(), person("c1", "child", "2000-06-16")]
        result = css(("c1", "salary", 9000), members=members)
        assert result.household_size == 2 and result.coefficient == Decimal("1.5")
        assert result.resources == 9000
        assert "css.household_not_counted" not in codes(result)

    def test_other_dependants_count_like_children(self):
        members = [person(), person("d1", "other_dependent", "2003-01-01")]
        assert css(members=members).household_size == 2

    def test_shared_custody_halves_the_rate_but_counts_one_person(self):
        """Couple + minor in alternating residence: 1 + 0.5 + 0.3/2 = 1.65.
        10 339 × 1.65 = 17 059.35 → 17 059; 13 957 × 1.65 = 23 029.05 → 23 029 (no table: computed)."""
        members = [*COUPLE, person("c1", "child", "2014-01-01", shared_custody=True)]
        result = css(members=members)
        assert result.household_size == 3
        assert result.coefficient == Decimal("1.65")
        assert (result.ceiling_free, result.ceiling_with_participation) == (17059, 23029)
        assert "css.shared_custody" in codes(result)

    def test_single_parent_first_child_counts_half_a_person(self):
        members = [person(), person("c1", "child", "2014-01-01")]
        result = css(members=members)
        assert result.coefficient == Decimal("1.5")
        assert (result.ceiling_free, result.ceiling_with_participation) == (15508, 20936)

    def test_single_parent_with_a_child_in_shared_custody(self):
        """1 + 0.5/2 = 1.25: 10 339 × 1.25 = 12 923.75 → 12 924; 13 957 × 1.25 = 17 446.25 → 17 446."""
        members = [person(), person("c1", "child", "2014-01-01", shared_custody=True)]
        result = css(members=members)
        assert result.coefficient == Decimal("1.25")
        assert (result.ceiling_free, result.ceiling_with_participation) == (12924, 17446)

    def test_rank_follows_age_for_the_halved_rate(self):
        """R861-3: dependants ranked from the oldest. Shared-custody 16-year-old is 3rd (0.3 → 0.15), then
        0.3 and 0.4: 1 + 0.5 + 0.15 + 0.3 + 0.4 = 2.35 → 24 297 € and 32 799 €."""
        members = [
            *COUPLE,
            person("c3", "child", "2017-01-01"),
            person("c1", "child", "2009-01-01", shared_custody=True),
            person("c2", "child", "2015-01-01"),
        ]
        result = css(members=members)
        assert result.coefficient == Decimal("2.35")
        assert (result.ceiling_free, result.ceiling_with_participation) == (24297, 32799)

    def test_shared_custody_of_an_adult_does_not_halve(self):
        members = [*COUPLE, person("c1", "child", "2005-01-01", shared_custody=True)]
        result = css(members=members)
        assert result.coefficient == Decimal("1.8")
        assert result.ceiling_free == 18609  # published 3-person figure
        assert "css.shared_custody_adult" in codes(result)

    def test_fifth_person_adds_0_4(self):
        members = [*COUPLE] + [person(f"c{i}", "child", f"201{i}-01-01") for i in range(1, 4)]
        assert css(members=members).coefficient == Decimal("2.5")

    def test_household_reason_counts_the_persons(self):
        members = [*COUPLE, person("c1", "child", "2014-01-01")]
        text = reason(css(members=members), "css.household").text
        assert "3 personnes" in text and "1 personne à charge" in text


# --------------------------------------------------------------------------- resources


class TestResources:
    @pytest.mark.parametrize(
        "resource_type",
        # housing_aid is left out too, but it makes the household an aid recipient: see TestHousing.
        [t.value for t in ResourceType if t.treatment is ResourceTreatment.EXCLUDED and t.value != "housing_aid"],
    )
    def test_every_excluded_type_is_named_and_left_out(self, resource_type):
        # 15 July 2025: every exclusion of the contract is in force (the last one, family help, since 29 June 2025).
        result = css(("p1", "salary", 5000), ("p1", resource_type, 50000), request_date="2025-07-15")
        assert result.resources == 5000
        assert result.status is FREE
        excluded = reason(result, "css.resource_excluded")
        assert ResourceType(resource_type).label in excluded.text
        assert excluded.article == "Code de la sécurité sociale, art. L861-2 et R861-10"
        assert line(result, resource_type).counted == 0

    @pytest.mark.parametrize(
        "resource_type",
        [t.value for t in ResourceType
         if t.treatment is ResourceTreatment.INCLUDED and t.value not in ("aah", "asi", "aspa")],
    )
    def test_every_included_type_is_counted(self, resource_type):
        result = css(("p1", resource_type, 1234.56))
        assert result.resources == Decimal("1234.56")
        assert line(result, resource_type).counted == Decimal("1234.56")

    def test_alimony_paid_is_deducted(self):
        result = css(("p1", "salary", 12000), ("p1", "alimony_paid", 2000))
        assert result.resources == 10000 and result.status is FREE
        deducted = reason(result, "css.resource_deducted")
        assert "2\u202f000\u00a0€" in deducted.text and deducted.article == "Code de la sécurité sociale, art. R861-9"
        assert line(result, "alimony_paid").counted == -2000

    def test_resources_are_never_negative(self):
        result = css(("p1", "salary", 1000), ("p1", "alimony_paid", 5000))
        assert result.resources == 0 and result.status is FREE
        assert "css.resources_floor" in codes(result)

    def test_alimony_paid_is_deducted_from_the_housing_flat_amount_too(self):
        result = css(("p1", "alimony_paid", 500), housing={"status": "owner"})
        assert result.resources == Decimal("430.96")  # 930.96 − 500

    def test_self_employment_is_the_tax_notice_income(self):
        result = css(("p1", "self_employment", 9000))
        assert result.resources == 9000
        note = reason(result, "css.resource_self_employment")
        assert "avis d'imposition" in note.text and "R861-15" in note.article

    def test_resources_of_all_counted_members_add_up(self):
        members = [*COUPLE, person("c1", "child", "2008-01-01")]
        result = css(("p1", "salary", 8000), ("p2", "pension", 6000), ("c1", "salary", 2500.5), members=members)
        assert result.resources == Decimal("16500.5")


class TestAbatement:
    """30 % off earned income when, at the request date, the person is on compensated unemployment, ASS,
    paid training or sick leave over 6 months."""

    @pytest.mark.parametrize("activity", ["unemployed_compensated", "trainee_paid", "sick_leave_over_6_months"])
    def test_abatement_by_activity(self, activity):
        result = css(("p1", "salary", 10000), ("p1", "unemployment_benefit", 3000),
                     members=[person(activity=activity)])
        assert result.resources == 10000  # 10 000 × 70 % + 3 000
        assert result.status is FREE
        abated = reason(result, "css.resource_abated")
        assert "30\u00a0%" in abated.text and "R861-8" in abated.article
        assert line(result, "salary").treatment == "abated"
        assert line(result, "unemployment_benefit").counted == 3000  # replacement income is not abated

    @pytest.mark.parametrize("activity", ["employee", "unemployed", "retired", "student", "inactive", "self_employed"])
    def test_no_abatement_otherwise(self, activity):
        result = css(("p1", "salary", 10000), ("p1", "unemployment_benefit", 3000),
                     members=[person(activity=activity)])
        assert result.resources == 13000 and result.status is PARTICIPATION

    def test_abatement_on_self_employment(self):
        result = css(("p1", "self_employment", 12000), members=[person(activity="sick_leave_over_6_months")])
        assert result.resources == 8400

    def test_an_ass_line_opens_the_abatement(self):
        result = css(("p1", "salary", 10000), ("p1", "ass", 2000), members=[person(activity="unemployed")])
        assert result.resources == 9000  # 7 000 + 2 000

    def test_ass_in_current_benefits_of_a_single_adult(self):
        result = css(("p1", "salary", 10000), members=[person(activity="unemployed")], benefits=["ass"])
        assert result.resources == 7000

    def test_abatement_is_per_member(self):
        members = [person(activity="employee"), person("p2", "partner", "1982-03-01", "unemployed_compensated")]
        result = css(("p1", "salary", 10000), ("p2", "salary", 10000), members=members)
        assert result.resources == 17000


class TestFlatDeductions:
    """Instruction DSS/SD2A/2021/71, from 1 April 2021, per month of allowance (12 months assumed)."""

    def test_aah(self):
        result = css(("p1", "aah", 12000))  # 12 000 − 68 × 12 = 11 184
        assert result.resources == 11184
        assert result.status is PARTICIPATION
        deduction = reason(result, "css.benefit_deduction")
        assert "68\u00a0€ par mois" in deduction.text and "816\u00a0€" in deduction.text
        assert "DSS/SD2A/2021/71" in deduction.article

    def test_aah_per_recipient(self):
        members = [*COUPLE]
        result = css(("p1", "aah", 10000), ("p2", "aah", 10000), members=members)
        assert result.resources == 20000 - 2 * 816

    def test_no_deduction_before_april_2021(self):
        result = css(("p1", "aah", 12000), request_date="2021-03-31")
        assert result.resources == 12000
        assert "css.benefit_deduction" not in codes(result)

    def test_deduction_never_exceeds_the_amount_declared(self):
        result = css(("p1", "aah", 500), ("p1", "pension", 1000))
        assert result.resources == 1000
        assert line(result, "aah").counted == 0

    def test_aspa_single(self):
        assert css(("p1", "aspa", 12000)).resources == 12000 - 71 * 12

    def test_aspa_couple_both_recipients(self):
        result = css(("p1", "aspa", 9000), ("p2", "aspa", 9000), members=COUPLE)
        assert result.resources == 18000 - 110 * 12
        assert line(result, "aspa", "p1").counted + line(result, "aspa", "p2").counted == 16680

    def test_aspa_couple_one_recipient_gets_the_single_rate(self):
        assert css(("p1", "aspa", 9000), members=COUPLE).resources == 9000 - 71 * 12

    def test_asi_single_and_couple(self):
        assert css(("p1", "asi", 8000)).resources == 8000 - 49 * 12
        assert css(("p1", "asi", 8000), ("p2", "asi", 8000), members=COUPLE).resources == 16000 - 86 * 12

    def test_couple_rate_capped_by_the_amounts(self):
        result = css(("p1", "aspa", 100), ("p2", "aspa", 9000), members=COUPLE)
        assert result.resources == 9100 - 1320


class TestDatedExclusions:
    """Exclusions that came late (R861-10 as amended): before their date, the resource was counted."""

    # 2025 one-person ceilings: 10 339 € free, 13 957 € with participation (from 1 April 2025).
    def test_family_help_is_counted_on_29_june_2025_the_day_the_decree_was_published(self):
        result = css(("p1", "salary", 5000), ("p1", "family_help", 6000), request_date="2025-06-29")
        assert result.resources == 11000  # 5 000 + 6 000
        assert result.status is PARTICIPATION
        counted = line(result, "family_help")
        assert counted.counted == 6000 and counted.treatment == "included"
        why = reason(result, "css.resource_not_yet_excluded")
        assert "30 juin 2025" in why.text and "29 juin 2025" in why.text  # from when; the request date
        assert ResourceType("family_help").label in why.text and "6\u202f000\u00a0€" in why.text
        assert "R861-10" in why.article and "28 juin 2025" in why.article
        assert why.href.startswith("https://")
        assert "css.resource_excluded" not in codes(result)
        assert any("1er juillet 2025" in note for note in result.to_verify)

    def test_family_help_is_left_out_from_30_june_2025_the_day_after_publication(self):
        result = css(("p1", "salary", 5000), ("p1", "family_help", 6000), request_date="2025-06-30")
        assert result.resources == 5000
        assert result.status is FREE
        assert line(result, "family_help").counted == 0
        assert "css.resource_excluded" in codes(result)
        assert "css.resource_not_yet_excluded" not in codes(result)
        assert not result.to_verify

    # 2023 one-person ceilings: 9 719 € free, 13 121 € with participation (from 1 April 2023).
    def test_cej_allowance_is_counted_before_decree_2023_671(self):
        young = [person(birth="2003-02-01", activity="unemployed")]
        result = css(("p1", "salary", 4000), ("p1", "cej_allowance", 6000), request_date="2023-07-28", members=young)
        assert result.resources == 10000  # 4 000 + 6 000
        assert result.status is PARTICIPATION
        assert line(result, "cej_allowance").counted == 6000
        why = reason(result, "css.resource_not_yet_excluded")
        assert "29 juillet 2023" in why.text and "28 juillet 2023" in why.text
        assert "2023-671" in why.article and why.href.endswith("JORFTEXT000047897475")
        assert not result.to_verify

    def test_cej_allowance_is_left_out_from_29_july_2023(self):
        young = [person(birth="2003-02-01", activity="unemployed")]
        result = css(("p1", "salary", 4000), ("p1", "cej_allowance", 6000), request_date="2023-07-29", members=young)
        assert result.resources == 4000
        assert result.status is FREE
        assert line(result, "cej_allowance").counted == 0
        assert "css.resource_excluded" in codes(result)

    def test_before_both_dates_both_are_counted_and_the_note_is_given_once(self):
        members = [*COUPLE]
        result = css(("p1", "family_help", 1000), ("p2", "family_help", 2000), ("p1", "cej_allowance", 500),
                     request_date="2022-05-10", members=members)
        assert result.resources == 3500
        assert [r.code for r in result.reasons].count("css.resource_not_yet_excluded") == 3
        assert len(result.to_verify) == len(set(result.to_verify))
        assert sum("30 juin 2025" in note for note in result.to_verify) == 1

    def test_other_exclusions_apply_from_the_start_of_the_css(self):
        result = css(("p1", "salary", 5000), ("p1", "prime_activite", 3000), ("p1", "scholarship_social", 2000),
                     request_date="2019-11-01")
        assert result.resources == 5000
        assert "css.resource_not_yet_excluded" not in codes(result)

    def test_a_dependant_over_25_stays_outside_the_household_before_the_date(self):
        members = [person(), person("c1", "child", "1995-01-01")]
        result = css(("c1", "family_help", 3000), request_date="2025-06-15", members=members)
        assert result.resources == 0
        assert "css.resource_not_in_household" in codes(result)


# --------------------------------------------------------------------------- housing flat amount (R861-5, R861-7)


class TestHousing:
    """RSA 1 April 2025: 646.52 €; × 1.5 for 2 persons (969.78), × 1.8 for 3 or more (1 163.736)."""

    def test_aid_recipient_alone(self):
        result = css(housing={"status": "tenant", "housing_aid_monthly": 300})
        assert result.housing_flat_amount == Decimal("930.96")  # 77.58 × 12
        assert result.resources == Decimal("930.96")
        text = reason(result, "css.housing_flat_amount").text
        assert "12\u00a0%" in text and "aide au logement elle-même n'est pas comptée" in text

    def test_aid_recipient_couple(self):
        result = css(members=COUPLE, housing={"status": "tenant", "housing_aid_monthly": 300})
        assert result.housing_flat_amount == Decimal("1861.92")  # 155.16 × 12

    def test_aid_recipient_three_persons(self):
        members = [*COUPLE, person("c1", "child", "2014-01-01")]
        result = css(members=members, housing={"status": "tenant", "housing_aid_monthly": 300})
        assert result.housing_flat_amount == Decimal("2304.24")  # 192.02 × 12

    def test_capped_at_the_aid_received(self):
        result = css(housing={"status": "tenant", "housing_aid_monthly": 50})
        assert result.housing_flat_amount == 600
        assert "limité au montant de l'aide" in reason(result, "css.housing_flat_amount").text

    def test_owner_with_aid_is_an_aid_recipient(self):
        result = css(housing={"status": "owner", "housing_aid_monthly": 40})
        assert result.housing_flat_amount == 480

    def test_owner_without_aid(self):
        result = css(members=COUPLE, housing={"status": "owner"})
        assert result.housing_flat_amount == Decimal("1629.24")  # 969.78 × 14 % = 135.77 × 12
        assert any("16,5" in note or "16 %" in note for note in result.to_verify)

    def test_housed_free_three_persons(self):
        members = [*COUPLE, person("c1", "child", "2014-01-01")]
        result = css(members=members, housing={"status": "hosted_free"})
        assert result.housing_flat_amount == Decimal("1955.04")  # 162.92 × 12

    @pytest.mark.parametrize("status", ["tenant", "homeless", "institution"])
    def test_no_flat_amount(self, status):
        result = css(housing={"status": status})
        assert result.housing_flat_amount == 0
        assert "Pas de forfait logement" in reason(result, "css.housing_flat_amount").text

    def test_a_declared_housing_aid_line_makes_an_aid_recipient(self):
        result = css(("p1", "housing_aid", 2400))  # 200 €/month
        assert result.housing_flat_amount == Decimal("930.96")
        assert line(result, "housing_aid").counted == 0

    def test_the_cap_uses_the_declared_line_when_no_monthly_aid(self):
        assert css(("p1", "housing_aid", 240)).housing_flat_amount == 240  # 20 €/month

    def test_2026_rsa_amount(self):
        result = css(request_date="2026-06-15", housing={"status": "hosted_free"})
        assert result.housing_flat_amount == Decimal("938.40")  # 651.69 × 12 % = 78.20 × 12

    def test_2022_rsa_amount_after_the_july_increase(self):
        result = css(request_date="2022-07-01", housing={"status": "tenant", "housing_aid_monthly": 300})
        assert result.housing_flat_amount == Decimal("861.84")  # 598.54 × 12 % = 71.82 × 12


# --------------------------------------------------------------------------- presumptions


class TestPresumptions:
    def test_rsa_is_free_whatever_the_resources(self):
        result = css(("p1", "salary", 50000), benefits=["rsa"])
        assert result.status is FREE and result.presumption == "rsa"
        assert "automatiquement" in reason(result, "css.presumption").text
        assert reason(result, "css.presumption").article.startswith("Code de la sécurité sociale, art. L861-1")

    def test_rsa_before_2022_is_free_on_request(self):
        result = css(("p1", "salary", 50000), benefits=["rsa"], request_date="2021-06-15")
        assert result.status is FREE
        assert "il faut la demander" in reason(result, "css.presumption").text

    def test_aspa_presumption(self):
        result = css(("p1", "pension", 20000), members=[person(birth="1950-01-01", activity="retired")],
                     benefits=["aspa"])
        assert result.status is PARTICIPATION and result.presumption == "aspa"
        assert any("3 mois" in note for note in result.to_verify)
        assert result.monthly_participation == 30  # 75 on 1 January 2025

    def test_aspa_presumption_keeps_free_when_resources_allow(self):
        result = css(("p1", "aspa", 9000), members=[person(birth="1950-01-01", activity="retired")],
                     benefits=["aspa"])
        assert result.status is FREE and result.presumption == "aspa"

    def test_no_presumption_when_someone_works(self):
        members = [person(birth="1950-01-01", activity="retired"), person("p2", "partner", "1970-01-01", "employee")]
        result = css(("p1", "pension", 20000), ("p2", "salary", 20000), members=members, benefits=["aspa"])
        assert result.status is NOT_ELIGIBLE and result.presumption is None
        assert "css.presumption_not_applied" in codes(result)

    def test_asi_presumption_from_july_2024(self):
        kwargs = {"members": [person(activity="inactive")], "benefits": ["asi"]}
        assert css(("p1", "invalidity_pension", 20000), request_date="2024-06-30", **kwargs).status is NOT_ELIGIBLE
        after = css(("p1", "invalidity_pension", 20000), request_date="2024-07-01", **kwargs)
        assert after.status is PARTICIPATION and after.presumption == "asi"

    def test_aah_presumption_for_a_person_living_alone_from_june_2025(self):
        before = css(("p1", "pension", 20000), request_date="2025-06-28", benefits=["aah"])
        assert before.status is NOT_ELIGIBLE
        after = css(("p1", "pension", 20000), request_date="2025-07-15", benefits=["aah"])
        assert after.status is PARTICIPATION and after.presumption == "aah"
        assert any("taux plein" in note for note in after.to_verify)

    def test_a_presumption_carries_only_its_own_note(self):
        result = css(("p1", "pension", 20000), request_date="2025-07-15",
                     members=[person(birth="1950-01-01", activity="retired")], benefits=["aspa"])
        assert result.presumption == "aspa"
        assert not any("AAH" in note for note in result.to_verify)
        assert "C'est l'allocation que vous recevez" in reason(result, "css.decision").text

    def test_aah_presumption_not_for_a_couple(self):
        result = css(("p1", "pension", 30000), request_date="2025-07-15", members=COUPLE, benefits=["aah"])
        assert result.status is NOT_ELIGIBLE
        assert "vit seule" in reason(result, "css.presumption_not_applied").text


# --------------------------------------------------------------------------- participation


class TestParticipation:
    def test_age_on_1_january_not_on_the_request_date(self):
        """Born 1 March 1995: 30 on the request date (15 June 2025) but 29 on 1 January 2025 → 8 €."""
        result = css(("p1", "salary", 12000), members=[person(birth="1995-03-01")])
        assert result.status is PARTICIPATION
        assert result.participations[0].age_on_january_1 == 29
        assert result.monthly_participation == 8

    def test_30_on_1_january(self):
        result = css(("p1", "salary", 12000), members=[person(birth="1995-01-01")])
        assert result.monthly_participation == 14

    @pytest.mark.parametrize(
        ("birth", "amount", "alsace_amount"),
        [("2000-01-01", "8", "2.80"), ("1980-01-01", "14", "4.90"), ("1970-01-01", "21", "7.30"),
         ("1960-01-01", "25", "8.70"), ("1950-01-01", "30", "10.50"),
         ("1955-01-02", "25", "8.70")],  # 70 on 2 January 2025: still 69 on 1 January
    )
    def test_age_bands(self, birth, amount, alsace_amount):
        general = css(("p1", "pension", 12000), members=[person(birth=birth)])
        alsace = css(("p1", "pension", 12000), members=[person(birth=birth)], alsace=True)
        assert general.monthly_participation == Decimal(amount)
        assert alsace.monthly_participation == Decimal(alsace_amount)
        assert "Alsace-Moselle" in reason(alsace, "css.participation_member").text

    def test_household_total_lists_each_member(self):
        """2025, 3 persons (18 609 / 25 123): 20 000 €. Ages on 1 January 2025: 45, 55, 10."""
        members = [person(birth="1980-01-01"), person("p2", "partner", "1970-01-01"),
                   person("c1", "child", "2014-06-01")]
        result = css(("p1", "salary", 20000), members=members)
        assert [(p.member, p.monthly) for p in result.participations] == [("p1", 14), ("p2", 21), ("c1", 8)]
        assert result.monthly_participation == 43
        assert len([r for r in result.reasons if r.code == "css.participation_member"]) == 3
        assert "43\u00a0€ par mois" in reason(result, "css.participation").text
        alsace = css(("p1", "salary", 20000), members=members, alsace=True)
        assert alsace.monthly_participation == Decimal("15.00")

    def test_a_baby_born_during_the_year_pays_the_youngest_rate(self):
        members = [person(), person("c1", "child", "2025-03-01")]
        result = css(("p1", "salary", 17000), members=members)
        assert result.participations[1].age_on_january_1 == 0
        assert result.participations[1].monthly == 8

    def test_no_participation_when_free(self):
        assert css(("p1", "salary", 5000)).monthly_participation == 0


# --------------------------------------------------------------------------- territories


class TestTerritories:
    def test_mayotte_before_2024_is_not_eligible(self):
        result = css(("p1", "salary", 1000), request_date="2023-12-31", territory="mayotte")
        assert result.status is NOT_ELIGIBLE
        territory = reason(result, "css.territory")
        assert "Mayotte" in territory.text and "1er janvier 2024" in territory.text
        assert result.ceiling_free == 0

    def test_mayotte_from_2024_uses_the_overseas_ceilings(self):
        result = css(("p1", "salary", 1000), request_date="2024-06-15", territory="mayotte")
        assert result.status is FREE
        assert (result.ceiling_free, result.ceiling_with_participation) == (11315, 15275)
        assert any("Mayotte" in note for note in result.to_verify)

    def test_mayotte_rsa_before_2024_still_not_eligible(self):
        result = css(request_date="2023-06-15", territory="mayotte", benefits=["rsa"])
        assert result.status is NOT_ELIGIBLE

    def test_overseas_note_only_for_mayotte(self):
        assert not css(request_date="2024-06-15", territory="guyane").to_verify


# --------------------------------------------------------------------------- the JSON form


def test_as_dict_contract_fields():
    result = css(("p1", "salary", 12000)).as_dict()
    assert result["status"] == "with_participation"
    assert result["household_size"] == 1
    assert result["resources"] == 12000 and isinstance(result["resources"], int)
    assert (result["ceiling_free"], result["ceiling_with_participation"]) == (10339, 13957)
    assert result["monthly_participation"] == 14
    assert result["reference_period"] == {"start": "2024-05-01", "end": "2025-04-30"}
    assert all(isinstance(text, str) and text for text in result["reasons"])
    assert {d["code"] for d in result["reasons_detail"]} >= {
        "css.household", "css.coefficient", "css.reference_period", "css.resource_included",
        "css.housing_flat_amount", "css.resources", "css.ceilings", "css.decision", "css.participation",
    }


def test_every_reason_but_none_cites_an_article():
    result = css(("p1", "salary", 12000), ("p1", "prime_activite", 100), ("p1", "alimony_paid", 10),
                 housing={"status": "owner"}, members=[person(activity="unemployed_compensated")])
    for r in result.reasons:
        assert r.article and r.href and r.href.startswith("https://"), r
