"""The 30 % abatement on earned income with dated resources (Code de la sécurité sociale, R861-8).

The abatement is owed when, on the request date, the person is on compensated unemployment, receives the ASS, is a
paid trainee or on sick leave for more than 6 months; it then covers the person's earned income of the whole
reference period, the months worked before the allowance included, and nothing else (lettre-circulaire DSS/2A du
27 décembre 2001). Request of 22 November 2026: period October 2025 to September 2026; ceilings of one person
from 1 April 2026: 10 421 € free, 14 068 € with participation.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.rules.engine import simulate
from eligibility.rules.enums import CssStatus
from eligibility.rules.situation import parse_situation

from ..helpers import TODAY


def member(activity):
    return {"id": "p1", "role": "applicant", "birth_date": "1984-06-02", "activity": activity}


def css(*resources, activity="unemployed", request_date="2026-11-22", benefits=()):
    return simulate(parse_situation({
        "request_date": request_date,
        "residence": {"territory": "metropole"},
        "housing": {"status": "tenant"},
        "members": [member(activity)],
        "resources": list(resources),
        "current_benefits": list(benefits),
    }, today=TODAY)).css


def line(result, rtype):
    return next(x for x in result.resource_lines if x.type == rtype)


JOB_UNTIL_MARCH = {"member": "p1", "type": "salary", "monthly_amount": 1500, "until": "2026-03-31"}


def test_job_stopped_mid_period_then_unemployment_benefit_still_paid():
    # Job: 1 500 € a month from before the period to March 2026 = 6 months, 9 000 €, abated to 6 300 €.
    # Benefit: 1 000 € a month from April 2026, still paid = 6 months, 6 000 €, not abated. 12 300 € in all: with
    # participation (without the abatement, 15 000 € would be over 14 068 €).
    result = css(JOB_UNTIL_MARCH, {"member": "p1", "type": "unemployment_benefit", "monthly_amount": 1000,
                                   "from": "2026-04-01"}, activity="unemployed_compensated")
    salary = line(result, "salary")
    assert (salary.declared, salary.counted, salary.treatment) == (Decimal("9000"), Decimal("6300"), "abated")
    assert line(result, "unemployment_benefit").counted == Decimal("6000")
    assert result.resources == Decimal("12300")
    assert result.status is CssStatus.WITH_PARTICIPATION
    abated = next(r for r in result.reasons if r.code == "css.resource_abated")
    assert "1\u202f500\u00a0€ par mois d'octobre 2025 à mars 2026, 6 mois de la période de référence" in abated.text
    assert "car cette personne est au chômage indemnisé à la date de la demande" in abated.text
    assert "même ceux des mois où elle travaillait" in abated.text


def test_ass_started_after_the_job_and_still_paid_opens_the_abatement():
    # ASS 550 € a month from June 2026 (June to September: 2 200 €), no end: still paid on 22 November 2026.
    result = css(JOB_UNTIL_MARCH, {"member": "p1", "type": "ass", "monthly_amount": 550, "from": "2026-06-01"})
    assert line(result, "salary").counted == Decimal("6300")
    assert result.resources == Decimal("8500")  # 6 300 + 2 200
    assert result.status is CssStatus.FREE
    abated = next(r for r in result.reasons if r.code == "css.resource_abated")
    assert "reçoit l'allocation de solidarité spécifique (ASS) à la date de la demande" in abated.text


def test_ass_that_stopped_before_the_request_does_not():
    # The same ASS stopped on 31 August 2026: on the request date the person no longer receives it.
    result = css(JOB_UNTIL_MARCH, {"member": "p1", "type": "ass", "monthly_amount": 550, "from": "2026-06-01",
                                   "until": "2026-08-31"})
    assert line(result, "salary").counted == Decimal("9000")
    assert result.resources == Decimal("10650")  # 9 000 + 3 × 550
    assert not any(r.code == "css.resource_abated" for r in result.reasons)


def test_ass_month_by_month_counts_when_paid_for_the_last_month():
    # Monthly form: an amount for October 2026 (the month before the request) means it is still paid.
    paid = [{"month": f"2026-{m:02d}", "amount": 550} for m in range(6, 11)]
    assert line(css(JOB_UNTIL_MARCH, {"member": "p1", "type": "ass", "monthly": paid}), "salary").counted == 6300
    stopped = paid[:3]  # June to August 2026 only
    assert line(css(JOB_UNTIL_MARCH, {"member": "p1", "type": "ass", "monthly": stopped}), "salary").counted == 9000


def test_ass_ending_on_the_request_day_is_still_paid_that_day():
    result = css(JOB_UNTIL_MARCH, {"member": "p1", "type": "ass", "monthly_amount": 550, "until": "2026-11-22"})
    assert line(result, "salary").counted == Decimal("6300")


def test_a_12_month_ass_total_is_taken_as_still_paid():
    result = css({"member": "p1", "type": "salary", "amount": 9000}, {"member": "p1", "type": "ass", "amount": 2200})
    assert line(result, "salary").counted == Decimal("6300")


@settings(max_examples=60, deadline=None)
@given(
    salary=st.decimals(min_value=0, max_value=3000, places=2),
    ass=st.decimals(min_value=0, max_value=700, places=2),
    activity=st.sampled_from(["unemployed", "unemployed_compensated", "employee", "sick_leave_over_6_months",
                              "trainee_paid", "inactive"]),
    request=st.dates(min_value=TODAY.replace(year=2022), max_value=TODAY),
)
def test_total_and_monthly_forms_agree_when_resources_are_constant(salary, ass, activity, request):
    """A salary and an ASS paid the same every month, through the request date: the 12-month totals and the monthly
    amounts give the same abatement, resources and status."""
    day = request.isoformat()
    total = css({"member": "p1", "type": "salary", "amount": float(salary * 12)},
                {"member": "p1", "type": "ass", "amount": float(ass * 12)}, activity=activity, request_date=day)
    dated = css({"member": "p1", "type": "salary", "monthly_amount": float(salary)},
                {"member": "p1", "type": "ass", "monthly_amount": float(ass)}, activity=activity, request_date=day)
    assert dated.resources == total.resources
    assert dated.status == total.status
    assert [x.treatment for x in dated.resource_lines] == [x.treatment for x in total.resource_lines]
