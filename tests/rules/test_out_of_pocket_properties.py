"""Property-based invariants of the out-of-pocket estimate and the care charges.

* no amount is ever negative;
* every column adds up: billed = Sécurité sociale + complementary (when known) + left;
* the with-CSS column is never higher than the current-coverage column, line by line and in total.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eligibility.rules.engine import simulate
from eligibility.rules.enums import CssStatus
from eligibility.rules.out_of_pocket import OutOfPocket, estimate_out_of_pocket
from eligibility.rules.parameters import default_parameters
from eligibility.rules.results import CssResult
from eligibility.rules.situation import parse_situation
from tests.strategies import situation_dicts

TODAY = date(2026, 11, 22)
ZERO = Decimal("0")
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(oop: OutOfPocket) -> None:
    for item in oop.lines:
        columns = [item.current] + ([item.with_css] if item.with_css is not None else [])
        for c in columns:
            assert c.billed >= 0 and c.social_security >= 0 and c.left >= 0, item
            assert c.complementary is None or c.complementary >= 0, item
            assert c.billed == c.social_security + (c.complementary or ZERO) + c.left, item
        if item.with_css is not None:
            assert item.with_css.left <= item.current.left, item
    assert oop.total_current >= 0
    assert oop.total_current == sum((i.current.left for i in oop.lines), ZERO)
    if oop.total_with_css is not None:
        assert ZERO <= oop.total_with_css <= oop.total_current


@SETTINGS
@given(situation_dicts())
def test_invariants_through_the_engine(data):
    situation = parse_situation(data, today=TODAY)
    result = simulate(situation)
    check(result.reste_a_charge)
    assert (result.reste_a_charge.total_with_css is not None) == result.css.eligible
    for stay in result.hospital_stays:
        assert stay.forfait_journalier >= 0 and stay.forfait_journalier <= stay.forfait_before_exemption
        assert stay.single_room is None or stay.single_room >= 0
    for visit in result.emergency_visits:
        assert visit.flat_fee >= 0
    as_dict = result.as_dict()
    assert as_dict["reste_a_charge"]["total"] >= 0
    for item in as_dict["checklist"]:
        assert item["organism"] and item["procedure"] and isinstance(item["deadline"], str)
        assert all(isinstance(d, str) for d in item["documents"])


@SETTINGS
@given(situation_dicts(), st.sampled_from([CssStatus.FREE, CssStatus.WITH_PARTICIPATION]))
def test_invariants_with_a_css_column_forced(data, status):
    """The with-CSS column exists for every situation here, whatever the household's resources."""
    situation = parse_situation(data, today=TODAY)
    css = CssResult(
        status=status, household_size=1, coefficient=Decimal("1"), resources=Decimal("1000"),
        ceiling_free=Decimal("10421"), ceiling_with_participation=Decimal("14068"),
        monthly_participation=Decimal("8") if status is CssStatus.WITH_PARTICIPATION else ZERO, reasons=(),
    )
    oop = estimate_out_of_pocket(situation, default_parameters().at(situation.request_date), css)
    check(oop)
    assert oop.total_with_css is not None
    assert all(item.with_css is not None for item in oop.lines)


@SETTINGS
@given(situation_dicts())
def test_the_work_shared_by_the_two_columns_changes_no_item(data):
    """``evaluate_care`` makes what does not depend on the coverage once for both columns (``shared``): each column
    is the one computed on its own, item by item and in its contract, whichever column comes first."""
    from eligibility.rules.care import evaluate_care

    situation = parse_situation(data, today=TODAY)
    p = default_parameters().at(situation.request_date)
    for first, second in ((False, True), (True, False)):
        shared: dict = {}
        columns = [evaluate_care(situation, p, css_holder=holder, shared=shared) for holder in (first, second)]
        assert len(shared) == len(situation.planned_care)
        for holder, column in zip((first, second), columns, strict=True):
            alone = evaluate_care(situation, p, css_holder=holder)
            assert column == alone
            assert [item.as_dict() for item in column.items] == [item.as_dict() for item in alone.items]
