"""Properties of the CSS rules over generated households (tests/strategies.py)."""

import copy
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from eligibility.rules.engine import simulate, simulate_json
from eligibility.rules.enums import CssStatus
from eligibility.rules.parameters import default_parameters
from eligibility.rules.situation import InvalidSituation, parse_situation
from tests.strategies import (
    EXCLUDED_TYPES,
    INCLUDED_TYPES,
    any_json,
    money,
    mutated_situation_dicts,
    request_dates,
    situation_dicts,
)

TODAY = date(2026, 11, 22)
RANK = {CssStatus.NOT_ELIGIBLE: 0, CssStatus.WITH_PARTICIPATION: 1, CssStatus.FREE: 2}
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

css_situations = situation_dicts(full=False)


def evaluate(data):
    return simulate(parse_situation(data, today=TODAY)).css


def figures(result):
    """What the decision is made of (the reasons and resource lines say how, and may list more)."""
    return (
        result.status, result.household_size, result.coefficient, result.resources, result.ceiling_free,
        result.ceiling_with_participation, result.monthly_participation, result.participations,
        result.housing_flat_amount, result.presumption, result.reference_period,
    )


def excluded_on(request_date: str) -> list[str]:
    """Contract exclusions in force on the request date (some came late: css.ressources_exclues)."""
    in_force = set(default_parameters().at(date.fromisoformat(request_date))["css.ressources_exclues"])
    return [t for t in EXCLUDED_TYPES if t in in_force]


@PROPERTY
@given(css_situations, st.data())
def test_declaring_an_excluded_resource_never_changes_the_result(data, draw):
    # housing_aid is the one excluded type with an effect: it makes the household an aid recipient for the
    # housing flat amount (R861-7), which test_css_rules checks.
    resource_type = draw.draw(st.sampled_from([t for t in excluded_on(data["request_date"]) if t != "housing_aid"]))
    member = draw.draw(st.sampled_from([m["id"] for m in data["members"]]))
    without = copy.deepcopy(data)
    without["resources"] = [r for r in without["resources"] if (r["member"], r["type"]) != (member, resource_type)]
    with_it = copy.deepcopy(without)
    with_it["resources"].append({"member": member, "type": resource_type, "amount": draw.draw(money(100_000))})
    assert figures(evaluate(with_it)) == figures(evaluate(without))


@PROPERTY
@given(
    situation_dicts(full=False, dates=st.one_of(request_dates(max_value=date(2025, 6, 28)), st.just(date(2025, 6, 28)))),
    st.data(),
)
def test_an_exclusion_not_yet_in_force_counts_the_resource_in_full(data, draw):
    """Before its date (family help: 29 June 2025; CEJ allowance: 29 July 2023) the resource is counted."""
    late = [t for t in EXCLUDED_TYPES if t not in excluded_on(data["request_date"])]
    assert "family_help" in late
    resource_type = draw.draw(st.sampled_from(late))
    member = draw.draw(st.sampled_from([m["id"] for m in data["members"]]))
    amount = draw.draw(money(100_000))
    without = copy.deepcopy(data)
    without["resources"] = [r for r in without["resources"] if (r["member"], r["type"]) != (member, resource_type)]
    with_it = copy.deepcopy(without)
    with_it["resources"].append({"member": member, "type": resource_type, "amount": amount})
    before, after = evaluate(without), evaluate(with_it)
    counted = next(x for x in after.resource_lines if (x.member, x.type) == (member, resource_type))
    in_household = counted.treatment != "excluded"  # a dependant aged 25 or more is outside the household
    assert counted.counted == (Decimal(str(amount)) if in_household else 0)
    if not in_household:
        assert figures(after) == figures(before)
    elif before.resources > 0:
        assert after.resources == before.resources + Decimal(str(amount))
    else:
        assert before.resources <= after.resources <= Decimal(str(amount))
    assert RANK[after.status] <= RANK[before.status]


@PROPERTY
@given(css_situations, st.data())
def test_raising_an_included_resource_never_improves_the_status(data, draw):
    """Status order: free > with participation > not eligible.

    Adding an ``ass`` line where there was none is not a raise: receiving the ASS opens the 30 %
    abatement on earned income, which the law wants.
    """
    member = draw.draw(st.sampled_from([m["id"] for m in data["members"]]))
    resource_type = draw.draw(st.sampled_from(INCLUDED_TYPES))
    increase = draw.draw(money(50_000).filter(lambda x: x > 0))
    existing = next((r for r in data["resources"] if (r["member"], r["type"]) == (member, resource_type)), None)
    assume(resource_type != "ass" or (existing is not None and existing["amount"] > 0))
    before = evaluate(data)
    changed = copy.deepcopy(data)
    line = next((r for r in changed["resources"] if (r["member"], r["type"]) == (member, resource_type)), None)
    if line is None:
        changed["resources"].append({"member": member, "type": resource_type, "amount": increase})
    else:
        line["amount"] = round(line["amount"] + increase, 2)
    after = evaluate(changed)
    assert RANK[after.status] <= RANK[before.status]
    assert after.resources >= before.resources
    if RANK[after.status] == RANK[before.status] == 1 and before.presumption is None:
        assert after.monthly_participation == before.monthly_participation


@PROPERTY
@given(situation_dicts(full=False, max_dependants=5), st.data())
def test_adding_a_dependant_never_lowers_the_ceilings(data, draw):
    request_date = date.fromisoformat(data["request_date"])
    birth = draw.draw(st.dates(date(max(1900, request_date.year - 30), 1, 1), request_date))
    dependant = {
        "id": "new", "role": draw.draw(st.sampled_from(["child", "other_dependent"])),
        "birth_date": birth.isoformat(), "shared_custody": draw.draw(st.booleans()),
    }
    before = evaluate(data)
    changed = copy.deepcopy(data)
    changed["members"].append(dependant)
    after = evaluate(changed)
    assert after.ceiling_free >= before.ceiling_free
    assert after.ceiling_with_participation >= before.ceiling_with_participation
    assert after.household_size >= before.household_size
    assert after.coefficient >= before.coefficient


@PROPERTY
@given(css_situations, st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_of_members_or_resources(data, rnd):
    before = evaluate(data).as_dict()
    shuffled = copy.deepcopy(data)
    rnd.shuffle(shuffled["members"])
    rnd.shuffle(shuffled["resources"])
    rnd.shuffle(shuffled["current_benefits"])
    assert evaluate(shuffled).as_dict() == before


@PROPERTY
@given(css_situations)
def test_invariants_of_every_result(data):
    result = evaluate(data)
    assert result.resources >= 0
    assert result.ceiling_with_participation >= result.ceiling_free >= 0
    assert result.household_size == 1 + sum(
        1 for m in data["members"] if m["role"] != "applicant"
        and (m["role"] == "partner" or (_age(m["birth_date"], data["request_date"]) < 25 and _tied(m, data)))
    )
    assert (result.monthly_participation > 0) == (result.status is CssStatus.WITH_PARTICIPATION)
    if result.status is CssStatus.FREE and result.presumption is None:
        assert result.resources <= result.ceiling_free
    if result.status is CssStatus.NOT_ELIGIBLE and result.ceiling_free:
        assert result.resources > result.ceiling_with_participation
    codes = {r.code for r in result.reasons}
    assert {"css.household", "css.reference_period", "css.resources"} <= codes
    assert all(r.text and "None" not in r.text for r in result.reasons)
    start, end = result.reference_period
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == 11


def _age(birth: str, on: str) -> int:
    b, d = date.fromisoformat(birth), date.fromisoformat(on)
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def _tied(m: dict, data: dict) -> bool:
    """R861-2 1° to 3°: on the return (said or not), else a child under the roof (said or not), else an adult
    child paid a deductible alimony; another dependant only through the return."""
    if m.get("tax_attached") is not False:
        return True
    if m["role"] != "child":
        return False
    if m.get("lives_with_parents") is not False:
        return True
    return bool(m.get("receives_deductible_alimony")) and _age(m["birth_date"], data["request_date"]) >= 18


@settings(max_examples=200, deadline=None)
@given(st.one_of(situation_dicts(), any_json(), mutated_situation_dicts()))
def test_any_input_gives_a_result_or_invalid_situation(data):
    try:
        result = simulate_json(data, today=TODAY)
    except InvalidSituation as error:
        assert error.errors
        assert all(e.path is not None and e.message for e in error.errors)
    else:
        assert result["css"]["status"] in ("free", "with_participation", "not_eligible")


@settings(max_examples=100, deadline=None)
@given(situation_dicts())
def test_every_valid_generated_situation_parses(data):
    situation = parse_situation(data, today=TODAY)
    assert len(situation.members) == len(data["members"])
