"""What the rules keep per date (``ParametersOn.derived`` and ``derived_for``) is the value of that date: on both
sides of a parameter's change, and never carried from one parameter set to another."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from eligibility.rules.css import reference_period_on
from eligibility.rules.parameters import DatedValue, Parameter, ParameterSet, Reference, default_parameters
from eligibility.rules.resource_months import in_reference_period
from eligibility.rules.sources import parameter_to_verify, upcoming_change

from .helpers import make

CHANGE = date(2024, 1, 1)


def _parameter_set() -> ParameterSet:
    """The project's parameters and ``test.rate``: 10 until 31 December 2023 (to verify), then 12 (checked)."""
    rate = Parameter(
        name="test.rate", description="Taux d'essai", unit="/1",
        values=(
            DatedValue(date(2020, 1, 1), Decimal("10"), (Reference("Ancien texte", "https://example.org/1"),),
                       "source secondaire"),
            DatedValue(CHANGE, Decimal("12"), (Reference("Nouveau texte", "https://example.org/2"),)),
        ),
        last_value_still_valid_on=date(2026, 11, 22),
        _starts=(date(2020, 1, 1), CHANGE),
    )
    return ParameterSet({**default_parameters().parameters, "test.rate": rate})


def test_derived_for_gives_each_date_its_own_value():
    parameters = _parameter_set()
    before, on = parameters.at(CHANGE - timedelta(days=1)), parameters.at(CHANGE)
    read = []

    def build(p, name):
        read.append((p.when, name))
        return p[name] * 2

    for _ in range(3):  # read again: the same values, built once per date and key
        assert before.derived_for(build, "test.rate") == Decimal("20")
        assert on.derived_for(build, "test.rate") == Decimal("24")
    assert read == [(CHANGE - timedelta(days=1), "test.rate"), (CHANGE, "test.rate")]


def test_the_note_to_verify_and_the_next_value_follow_the_date():
    parameters = _parameter_set()
    before, on = parameters.at(CHANGE - timedelta(days=1)), parameters.at(CHANGE)
    for _ in range(2):  # the second reading comes from the per-date table
        note = parameter_to_verify(before, "test.rate")
        assert note is not None and "source secondaire" in str(note) and "Taux d'essai" in str(note)
        assert parameter_to_verify(on, "test.rate") is None
        assert upcoming_change(before, "test.rate").value == Decimal("12")
        assert upcoming_change(on, "test.rate") is None
    # One phrase per date: the notes of a result are told apart by identity first.
    assert parameter_to_verify(before, "test.rate") is parameter_to_verify(before, "test.rate")


def test_a_parameter_set_changed_in_place_of_another_is_read_afresh():
    """Two sets with different values on the same date never share what they derived."""
    first = _parameter_set()
    second = ParameterSet(dict(first.parameters))
    rate = second.parameters["test.rate"]
    second.parameters["test.rate"] = replace(rate, values=(replace(rate.values[0], to_verify=None), rate.values[1]))
    day = CHANGE - timedelta(days=1)
    assert parameter_to_verify(first.at(day), "test.rate") is not None
    assert parameter_to_verify(second.at(day), "test.rate") is None


def _dated_salary(request_date: str):
    return make(request_date=request_date, resources=[
        {"member": "p1", "type": "salary", "monthly_amount": 1000, "from": "2019-01-01"}])


def test_the_reference_window_on_both_sides_of_its_change():
    """R861-8: the 12 months before the request's month until 31 December 2021, from the 13th to the 2nd since."""
    parameters = default_parameters()
    for request_date, first, last in (("2021-12-31", date(2020, 12, 1), date(2021, 11, 30)),
                                      ("2022-01-01", date(2020, 12, 1), date(2021, 11, 30)),
                                      ("2022-01-15", date(2020, 12, 1), date(2021, 11, 30)),
                                      ("2022-02-01", date(2021, 1, 1), date(2021, 12, 31))):
        situation = _dated_salary(request_date)
        p = parameters.at(situation.request_date)
        for _ in range(2):  # the second time from the per-date table
            windowed = in_reference_period(situation, p)
            months = [month for month, _amount in windowed.resources[0].counted_months]
            assert (months[0], months[-1]) == (first, last.replace(day=1)), request_date
            assert reference_period_on(p, situation.request_date)[:2] == (first, last)
    # Parameters of another date than the request's: the window is still the request's, with those rules.
    situation = _dated_salary("2022-02-01")
    windowed = in_reference_period(situation, parameters.at(date(2021, 12, 31)))
    months = [month for month, _amount in windowed.resources[0].counted_months]
    assert (months[0], months[-1]) == (date(2021, 2, 1), date(2022, 1, 1))


def test_a_tariff_not_yet_in_force_and_then_in_force():
    """``care.tariffs`` finds a tariff once per date, its absence too: hearing aids are not priced the day before
    their first tariff (1 January 2021), and priced from that day on, however many times they are asked for."""
    from eligibility.rules.care.tariffs import price_quoted
    from eligibility.rules.enums import CareKind

    parameters = default_parameters()
    for _ in range(2):
        before = price_quoted(parameters.at(date(2020, 12, 31)), CareKind.HEARING_AIDS, quote=None, basket=None,
                              age=40, member="p1", ears=2)
        assert before.social_security is None and before.base is None
        assert any("avant" in str(note) or "2021" in str(note) for note in before.to_verify)
        on = price_quoted(parameters.at(date(2021, 1, 1)), CareKind.HEARING_AIDS, quote=None, basket=None,
                          age=40, member="p1", ears=2)
        assert on.base == Decimal("800") and on.social_security is not None


def test_the_dental_tables_of_each_date():
    """``care.tariffs`` reads the convention's tables once per date for each (act, material, tooth): a ceramo-metal
    bridge replacing an incisor has no 100 % Santé limit in 2020 and one of 1 465 € from 1 January 2021."""
    from eligibility.rules.care.tariffs import CENT_POUR_CENT_SANTE, price_quoted
    from eligibility.rules.enums import CareKind, DentalAct, Material, ToothPosition

    parameters = default_parameters()

    def bridge(day: date):
        return price_quoted(parameters.at(day), CareKind.DENTAL_PROSTHESIS, quote=Decimal("1800"), basket=None, age=40,
                            member="p1", act=DentalAct.BRIDGE, material=Material.CERAMIC_METAL,
                            tooth=ToothPosition.INCISOR)

    for _ in range(2):
        assert bridge(date(2020, 12, 31)).price_limit is None
        on = bridge(date(2021, 1, 1))
        assert (on.basket, on.price_limit) == (CENT_POUR_CENT_SANTE, Decimal("1465"))


def test_an_item_priced_again_is_priced_the_same():
    """``price_quoted`` keeps the tariffs' part of an item (``_tariffed``, per snapshot of a date): asked again, with
    another quote or without one, for another person or on another date, each item is the one priced afresh."""
    from itertools import product

    from eligibility.rules.care import tariffs
    from eligibility.rules.enums import Basket, CareKind, DentalAct, Material, ToothPosition

    parameters = default_parameters()
    items = []
    for day, member, quote in product((date(2020, 12, 31), date(2021, 1, 1), date(2026, 11, 22)), ("p1", "c1"),
                                      (None, Decimal("480"), Decimal("2400"))):
        p = parameters.at(day)
        for basket in (None, Basket.CENT_POUR_CENT_SANTE, Basket.OTHER):
            common = {"p": p, "quote": quote, "basket": basket, "member": member}
            items.append({**common, "kind": CareKind.HEARING_AIDS, "age": 12, "ears": 2})
            items.append({**common, "kind": CareKind.GLASSES, "age": 40, "lenses": "complex"})
            for act, material in product(DentalAct, (Material.METAL, Material.CERAMIC)):
                items.append({**common, "kind": CareKind.DENTAL_PROSTHESIS, "age": 40, "act": act, "material": material,
                              "tooth": ToothPosition.INCISOR})

    def fresh(item):
        tariffs._tariffed.cache_clear()
        return tariffs.price_quoted(item.pop("p"), **item)

    expected = [fresh(dict(item)) for item in items]
    tariffs._tariffed.cache_clear()
    for _ in range(2):  # the first pass fills the table, the second reads it
        for item, alone in zip(items, expected, strict=True):
            item = dict(item)
            priced = tariffs.price_quoted(item.pop("p"), **item)
            assert priced == alone
            assert priced.as_dict() == alone.as_dict()
            assert [str(n) for n in priced.to_verify] == [str(n) for n in alone.to_verify]
            # The item's own person and quote, whatever was asked before it.
            if item["member"] == "c1":
                assert not any("p1" in str(n) for n in priced.to_verify)
            if item["quote"] is None:
                assert any(item["member"] in str(n) for n in priced.to_verify)
                if item["kind"] is CareKind.HEARING_AIDS and priced.social_security is not None:
                    assert priced.no_quote.usual_low is not None  # the usual range, said without a quote
    assert tariffs._tariffed.cache_info().hits > 0
