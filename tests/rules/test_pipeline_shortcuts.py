"""The pipeline's shortcuts give what the long way gives: the parser's fast reading of a valid date, amount,
integer or identifier, the per-class compiled reader, and the JSON number kept per distinct amount.

A shortcut that answered differently would change results silently, so each is compared with the ``_Reader``
method (or the conversion) it bypasses, on every kind of JSON value, valid or not.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.rules import contract
from eligibility.rules.situation import (
    Member,
    PlannedCare,
    Resource,
    _Reader,
    _readers,
    _valid_amount,
    _valid_date,
)

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=45),
    st.dates().map(lambda d: d.isoformat()), st.sampled_from(["2026-02-30", "2026-1-01", "２０２６-01-01", "p1", ""]),
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10, max_value=10**9).map(float),
)


@settings(max_examples=400, deadline=None)
@given(JSON_SCALARS)
def test_a_fast_amount_or_date_is_the_one_the_reader_gives_without_error(value):
    for fast, slow in ((_valid_amount, _Reader.money), (_valid_date, _Reader.iso_date)):
        if value is None:
            continue
        found = fast(value)
        reader = _Reader()
        expected = slow(reader, value, "x")
        if found is not None:
            assert reader.errors == [] and found == expected and type(found) is type(expected)
            if isinstance(found, Decimal):
                assert str(found) == str(expected)  # same exponent: the same figure in every text
        else:
            assert reader.errors, f"{fast.__name__} refused {value!r}, which the reader accepts"


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([(Member, "id"), (Member, "birth_date"), (Resource, "amount"), (Resource, "member"),
                        (PlannedCare, "days"), (PlannedCare, "ears"), (PlannedCare, "fee")]),
       JSON_SCALARS, st.sampled_from([None, True, False]))
def test_each_field_reader_gives_the_declared_reading_and_the_same_errors(field, value, required):
    """The compiled reader against the ``_Reader`` method its declaration names, with its bounds."""
    cls, name = field
    f = contract.input_fields(cls)[name]
    r = _Reader()
    found = _readers(cls)[name](r, {f.json: value} if value is not None else {}, "items[0]", required)
    slow = _Reader()
    must = f.required if required is None else required
    path = f"items[0].{f.json}"
    if f.given.reader == "identifier":
        expected = slow.identifier(value, path)
    elif value is None and not must:
        expected = None
    elif f.annotation is int:
        expected = slow.integer(value, path, minimum=f.given.minimum, maximum=f.given.maximum, required=must)
    elif f.annotation is Decimal:
        expected = slow.money(value, path, required=must)
    else:
        expected = slow.iso_date(value, path, required=must)
    assert found == expected and type(found) is type(expected)
    assert r.errors == slow.errors


def test_the_compiled_class_reader_keeps_the_order_of_the_fields_and_checks():
    """Errors come in the order of the fields, each check right after its field, as the loop did."""
    r = _Reader()
    seen = []

    def check(name):
        def run(value, values):
            seen.append((name, list(values)))
            return value
        return run

    values = r.read(Member, {"id": "", "role": "nobody", "birth_date": "1980-13-01", "shared_custody": 3}, "members[0]",
                    {"id": check("id"), "shared_custody": check("shared_custody")})
    assert list(values) == list(contract.input_fields(Member))
    assert [e.path for e in r.errors] == ["members[0].id", "members[0].role", "members[0].birth_date",
                                          "members[0].shared_custody"]
    assert seen == [("id", []), ("shared_custody", ["id", "role", "birth_date", "activity"])]


@given(st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False, places=3,
                                        min_value=-10**6, max_value=10**6)))
def test_an_amount_kept_once_is_the_number_it_converts_to(amount):
    for _ in range(2):  # the conversion, then the value kept
        number = contract.money(amount)
        expected = contract._number(amount)
        assert number == expected and type(number) is type(expected)


def test_equal_amounts_written_differently_give_one_number():
    assert contract.money(Decimal("120.00")) == 120 and type(contract.money(Decimal("120"))) is int
    assert contract.money(Decimal("1.50")) == contract.money(Decimal("1.5")) == 1.5
