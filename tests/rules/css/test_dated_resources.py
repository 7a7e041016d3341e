"""Dated resources (contract extension), the three months without work of R861-11, and the corrected start dates.

Worked examples, request of 22 November 2026 unless said: the reference period runs from October 2025 to
September 2026 (R861-8: the 13th to the 2nd month before the month of the request). Ceilings from 1 April 2026:
10 421 € (free) and 14 068 € (with participation) for one person, × 1.5 for a couple. Flat deductions
(instruction DSS/SD2A/2021/71): ASPA 71 € a month for a single person, 110 € for a couple; AAH 68 €.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.rules.engine import simulate
from eligibility.rules.enums import ResourceTreatment, ResourceType
from eligibility.rules.situation import InvalidSituation, parse_situation

from ..helpers import TODAY

RETIRED = {"id": "p1", "role": "applicant", "birth_date": "1950-02-01", "activity": "retired"}
PARTNER = {"id": "p2", "role": "partner", "birth_date": "1952-06-05", "activity": "retired"}
WORKER = {"id": "p1", "role": "applicant", "birth_date": "1984-06-02", "activity": "employee"}


def situation(*resources, members=(WORKER,), request_date="2026-11-22", benefits=(), housing="tenant"):
    return parse_situation({
        "request_date": request_date,
        "residence": {"territory": "metropole"},
        "housing": {"status": housing, "housing_aid_monthly": 0},
        "members": list(members),
        "resources": list(resources),
        "current_benefits": list(benefits),
    }, today=TODAY)


def css(*resources, **kwargs):
    return simulate(situation(*resources, **kwargs)).css


def line_of(result, rtype):
    return next(line for line in result.resource_lines if line.type == rtype)


def texts(result):
    return [r.text for r in result.reasons]


# --------------------------------------------------------------------------- month by month (R861-8)


def test_a_job_that_started_counts_its_months_inside_the_period():
    # 1 500 € a month from March 2026: March to September 2026 = 7 months = 10 500 €.
    result = css({"member": "p1", "type": "salary", "monthly_amount": 1500, "from": "2026-03-01"})
    assert result.resources == Decimal("10500")
    assert any("1\u202f500\u00a0€ par mois de mars 2026 à septembre 2026, 7 mois de la période de référence" in t
               for t in texts(result)), texts(result)


def test_an_allowance_that_stopped_counts_only_until_it_stopped():
    # 1 000 € a month until 31 January 2026: October 2025 to January 2026 = 4 months = 4 000 €.
    result = css({"member": "p1", "type": "unemployment_benefit", "monthly_amount": 1000, "until": "2026-01-31"})
    assert result.resources == Decimal("4000")
    assert any("d'octobre 2025 à janvier 2026, 4 mois" in t for t in texts(result))


def test_months_outside_the_period_are_not_counted_and_the_reason_says_so():
    # September 2025 is the 14th month before November 2026, October 2026 the 1st: neither counts.
    result = css({"member": "p1", "type": "salary", "monthly": [
        {"month": "2025-09", "amount": 2000}, {"month": "2025-10", "amount": 700}, {"month": "2026-09", "amount": 300},
        {"month": "2026-10", "amount": 2000},
    ]})
    assert result.resources == Decimal("1000")
    assert any("montants mois par mois d'octobre 2025 à septembre 2026, 2 mois" in t for t in texts(result))
    gone = css({"member": "p1", "type": "salary", "monthly_amount": 1500, "until": "2025-08-31"})
    assert gone.resources == 0
    assert any("aucun mois de la période de référence" in t for t in texts(gone))


def test_the_period_moves_with_the_request_month():
    # Requested in January 2027 the period is December 2025 to November 2026: a salary from March 2026 counts 9 months.
    result = css({"member": "p1", "type": "salary", "monthly_amount": 1000, "from": "2026-03-01"},
                 request_date="2027-01-05")
    assert result.resources == Decimal("9000")


def test_two_dated_lines_of_one_kind_add_up_month_by_month():
    # 1 200 € from October 2025 to March 2026 (6 months), then 1 400 € from April 2026 (6 months).
    result = css({"member": "p1", "type": "salary", "monthly_amount": 1200, "until": "2026-03-31"},
                 {"member": "p1", "type": "salary", "monthly_amount": 1400, "from": "2026-04-01"})
    assert result.resources == Decimal("15600")
    assert len(result.resource_lines) == 1


def test_the_abatement_applies_to_dated_earned_income():
    # Unemployed with benefits today: the job's 6 months (April to September 2026, 6 000 €) count for 70 %.
    member = {**WORKER, "activity": "unemployed_compensated"}
    result = css({"member": "p1", "type": "salary", "monthly_amount": 1000, "from": "2026-04-01"}, members=(member,))
    line = line_of(result, "salary")
    assert line.declared == Decimal("6000") and line.counted == Decimal("4200")


def test_flat_deduction_counts_the_months_the_aspa_was_paid():
    # ASPA 900 € a month from May 2026: May to September = 5 months, 4 500 €, minus 5 × 71 € = 4 145 €.
    result = css({"member": "p1", "type": "aspa", "monthly_amount": 900, "from": "2026-05-01"},
                 members=(RETIRED,))
    line = line_of(result, "aspa")
    assert line.declared == Decimal("4500") and line.counted == Decimal("4145")
    assert any("pour les 5 mois où l'ASPA a été versée" in t for t in texts(result))
    assert not any("Nous supposons que l'ASPA a été versée pendant toute la période" in t for t in texts(result))


def test_couple_rate_in_the_months_both_receive_the_aspa():
    # p1 every month (600 €), p2 from April 2026 (6 months): 6 months at the couple rate, 110 € shared (55 € each),
    # and p1's other 6 months at the single rate 71 €: p1 6 × 55 + 6 × 71 = 756 €, p2 6 × 55 = 330 €.
    result = css({"member": "p1", "type": "aspa", "monthly_amount": 600},
                 {"member": "p2", "type": "aspa", "monthly_amount": 600, "from": "2026-04-01"},
                 members=(RETIRED, PARTNER))
    lines = {line.member: line for line in result.resource_lines if line.type == "aspa"}
    assert lines["p1"].declared - lines["p1"].counted == Decimal("756")
    assert lines["p2"].declared - lines["p2"].counted == Decimal("330")


@settings(max_examples=60, deadline=None)
@given(
    rtype=st.sampled_from([t for t in ResourceType if t is not ResourceType.SELF_EMPLOYMENT
                           and t.treatment is not ResourceTreatment.EXCLUDED]),
    monthly=st.decimals(min_value=0, max_value=5000, places=2),
    request=st.dates(min_value=TODAY.replace(year=2022), max_value=TODAY),
    partner=st.booleans(),
)
def test_a_12_month_total_and_the_same_amount_every_month_agree(rtype, monthly, request, partner):
    members = (RETIRED, PARTNER) if partner else (RETIRED,)
    total = simulate(situation({"member": "p1", "type": rtype.value, "amount": float(monthly * 12)},
                               members=members, request_date=request.isoformat()))
    dated = simulate(situation({"member": "p1", "type": rtype.value, "monthly_amount": float(monthly)},
                               members=members, request_date=request.isoformat()))
    assert dated.css.resources == total.css.resources
    assert dated.css.status == total.css.status
    assert dated.css.monthly_participation == total.css.monthly_participation


# --------------------------------------------------------------------------- contract checks


@pytest.mark.parametrize(("line", "path", "words"), [
    ({"amount": 100, "monthly_amount": 10}, "resources[0]", "un seul montant"),
    ({"monthly_amount": 10, "from": "2026-05-01", "until": "2026-04-30"}, "resources[0].until", "avant son début"),
    ({"amount": 100, "from": "2026-05-01"}, "resources[0].from", "accompagnent"),
    ({"monthly": [{"month": "2026-13", "amount": 1}]}, "resources[0].monthly[0].month", "AAAA-MM"),
    ({"monthly": [{"month": "2026-03", "amount": 1}, {"month": "2026-03", "amount": 2}]},
     "resources[0].monthly[1].month", "déjà"),
])
def test_malformed_dated_lines_are_explained_with_their_path(line, path, words):
    with pytest.raises(InvalidSituation) as error:
        situation({"member": "p1", "type": "salary", **line})
    assert any(e.path == path and words in e.message for e in error.value.errors), error.value.errors


def test_self_employment_stays_the_yearly_tax_notice():
    with pytest.raises(InvalidSituation) as error:
        situation({"member": "p1", "type": "self_employment", "monthly_amount": 700})
    assert error.value.errors[0].path == "resources[0].type"


# --------------------------------------------------------------------------- three months without work (R861-11)


def aspa_couple(no_work_since=None, request_date="2026-11-22"):
    applicant, partner = dict(RETIRED), {**PARTNER, "activity": "inactive"}
    if no_work_since:
        applicant["no_work_since"] = "2015-01-01"  # retired long ago
        partner["no_work_since"] = no_work_since
    # 12 000 € of ASPA for the couple and 10 000 € of pensions: above the couple's ceiling with participation.
    return simulate(situation(
        {"member": "p1", "type": "aspa", "amount": 12000}, {"member": "p1", "type": "pension", "amount": 10000},
        members=(applicant, partner), benefits=["aspa"], request_date=request_date,
    )).css


def test_presumption_when_nobody_worked_in_the_three_calendar_months_before():
    # Request in November 2026: August, September and October 2026 without work; 1 August is enough.
    result = aspa_couple(no_work_since="2026-08-01")
    assert result.status.value == "with_participation"
    assert any("n'a travaillé depuis le 1er août 2026" in t for t in texts(result))
    assert not any("la simulation ne le sait pas" in note for note in result.to_verify)


def test_no_presumption_after_recent_work():
    # The partner worked until 1 August 2026: August is not a month without work.
    result = aspa_couple(no_work_since="2026-08-02")
    assert result.status.value == "not_eligible"
    assert any("a travaillé jusqu'au 1er août 2026" in t and "3 mois civils" in t for t in texts(result))


def test_unknown_work_history_keeps_the_presumption_and_says_the_caisse_checks():
    result = aspa_couple()
    assert result.status.value == "with_participation"
    assert any("la simulation ne le sait pas" in note for note in result.to_verify)


def test_no_work_since_cannot_follow_the_request_nor_go_with_a_job():
    with pytest.raises(InvalidSituation) as error:
        situation(members=({**WORKER, "no_work_since": "2026-01-01"},))
    assert error.value.errors[0].path == "members[0].no_work_since"
    with pytest.raises(InvalidSituation):
        situation(members=({**RETIRED, "no_work_since": "2026-12-01"},))


# --------------------------------------------------------------------------- start dates (Code civil, art. 1)


def aah_alone(request_date):
    alone = {"id": "p1", "role": "applicant", "birth_date": "1980-01-01", "activity": "inactive",
             "no_work_since": "2020-01-01"}
    # 14 000 € of AAH minus 12 × 68 € = 13 184 €: above 10 421 € (2025: 10 339 €), under the ceiling with participation.
    # 16 000 € minus 816 €: 15 184 €, above the 2025 ceiling with participation (13 957 €).
    return simulate(situation({"member": "p1", "type": "aah", "amount": 16000}, members=(alone,),
                              benefits=["aah"], request_date=request_date)).css


def test_aah_presumption_from_1_july_2025_not_from_the_publication_day():
    for day in ("2025-06-29", "2025-06-30"):
        assert aah_alone(day).status.value == "not_eligible", day
    assert aah_alone("2025-07-01").status.value == "with_participation"


def aspa_alone(request_date):
    return simulate(situation({"member": "p1", "type": "aspa", "amount": 15000}, members=(RETIRED,),
                              benefits=["aspa"], request_date=request_date)).css


def test_aspa_presumption_from_1_april_2022():
    # 15 000 € − 12 × 71 € = 14 148 €: above the 2021 ceiling with participation (12 205 €).
    assert aspa_alone("2022-03-31").status.value == "not_eligible"
    assert aspa_alone("2022-04-01").status.value == "with_participation"


def test_every_corrected_start_date_says_where_it_comes_from():
    import yaml

    from eligibility.rules.parameters import PARAMETERS_DIR

    for name, start in (("css/presomptions.yaml", "2025-07-01"), ("css/presomptions.yaml", "2022-04-01"),
                        ("css/ressources_exclues.yaml", "2025-06-30")):
        values = yaml.safe_load((PARAMETERS_DIR / name).read_text(encoding="utf-8"))["values"]
        entry = {str(k): v for k, v in values.items()}[start]
        assert entry["metadata"]["start_source"], (name, start)
