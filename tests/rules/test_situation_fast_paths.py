"""The parser's fast ways through a valid value (``situation._valid_date``, ``_valid_amount``) give exactly what
the full readers (``_Reader.iso_date``, ``_Reader.money``) give, and leave every other value to them, so that
what is accepted, refused and said about it does not depend on the fast path."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.rules import situation
from eligibility.rules.reasons import cents
from eligibility.rules.situation import _ISO_DATE, MAX_AMOUNT, _Reader, _valid_amount, _valid_date

TRICKY_DATES = [
    "2026-11-22", "2026-02-29", "2024-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "0001-01-01",
    "9999-12-31", "2026-W47-1", "2026W471", "20261122", "2026-1122", "2026-11-2", "2026-11-022", " 2026-11-22",
    "2026-11-22 ", "+026-11-22", "2026/11/22", "٢٠٢٦-١١-٢٢", "２０２６-１１-２２", "2026-11-22T00", "2026-11-2x",
    "", "2026-11-22\n", "2026-1-22x",
]


def reference_date(value):
    """What ``_Reader.iso_date`` gives for ``value`` (``None`` when it refuses it)."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def reference_amount(value):
    """What ``_Reader.money`` gives for an amount (``None`` when it refuses it), as it was written."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    amount = Decimal(str(value))
    if not Decimal(0) <= amount <= MAX_AMOUNT:
        return None
    if amount.as_tuple().exponent < -2:
        amount = cents(amount)
    return amount


def same_decimal(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.as_tuple() == b.as_tuple())


def test_tricky_date_texts_take_the_reader_s_decision():
    for value in TRICKY_DATES + [None, 20261122, ["2026-11-22"]]:
        situation._dates.clear()
        assert _valid_date(value) == reference_date(value), value
        assert _valid_date(value) == reference_date(value), value  # kept: the same answer again


@settings(max_examples=3000, deadline=None)
@given(st.one_of(
    st.dates().map(date.isoformat),
    st.text(alphabet="0123456789-W+ T٢１", min_size=8, max_size=11),
    st.text(max_size=12),
))
def test_any_date_text_takes_the_reader_s_decision(value):
    assert _valid_date(value) == reference_date(value)
    if _valid_date(value) is not None:
        errors = _Reader()
        assert errors.iso_date(value, "d") == _valid_date(value) and not errors.errors


TRICKY_AMOUNTS = [0, 0.0, -0.0, -0.001, 1e-05, 0.005, 0.015, 1.005, 12.345, 12.3, 12.30, 99999999.99, 99999999.999,
                  1e8, 100000000, 100000001, 1e8 + 0.01, 1.5e16, 1e300, float("nan"), float("inf"), -float("inf"),
                  True, False, -1, 10**30, "12", None, Decimal("1")]


def test_tricky_amounts_take_the_reader_s_decision():
    for value in TRICKY_AMOUNTS:
        assert same_decimal(_valid_amount(value), reference_amount(value)), value


@settings(max_examples=3000, deadline=None)
@given(st.one_of(
    st.floats(), st.floats(min_value=0, max_value=2e8), st.floats(min_value=0, max_value=1e-3),
    st.integers(min_value=-10, max_value=2 * 10**8), st.integers(),
    st.decimals(min_value=0, max_value=10**6, places=3).map(float),
))
def test_any_amount_takes_the_reader_s_decision(value):
    fast = _valid_amount(value)
    assert same_decimal(fast, reference_amount(value))
    if fast is not None:
        errors = _Reader()
        assert same_decimal(errors.money(value, "a"), fast) and not errors.errors


JSON_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-5, max_value=3000), st.floats(allow_nan=True),
    st.sampled_from(["", "p1", "x" * 41, "applicant", "child", "employee", "tenant", "metropole", "reunion", "75",
                     "2a", "974", "french", "none", "2026-11-22", "1990-02-30", "2026-W47-1", "true"]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from([situation.Member, situation.Residence, situation.Housing, situation.Coverage]), st.data())
def test_a_compiled_class_reader_reads_every_field_as_its_own_reader(cls, data):
    """``_Reader.read`` (fast ways written in place, ``_read_all``) gives the values and the errors, in order, of
    the fields' own readers called one after the other, whatever JSON value each field holds."""
    fields = situation.input_fields(cls)
    obj = {f.json: data.draw(JSON_VALUES, label=f.json) for f in fields.values() if data.draw(st.booleans())}
    fast, slow = _Reader(), _Reader()
    values = fast.read(cls, obj, "x[0]")
    readers = situation._READERS[cls]
    expected = {name: readers[name](slow, obj, "x[0]", None) for name in fields}
    assert list(values) == list(expected)
    for name in fields:
        assert values[name] == expected[name] and type(values[name]) is type(expected[name]), name
    assert fast.errors == slow.errors
