"""One money format: the rules' ``format_eur``; the pages' ``eur`` and the ``|eur`` filter only delegate to it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from dossiers.templatetags.aidsante_format import eur as eur_filter
from eligibility.presentation.formatting import eur
from eligibility.rules.reasons import format_eur
from eligibility.rules.wording import Eur

NNBSP, NBSP = "\u202f", "\u00a0"

CASES = [
    (Decimal("0"), "0" + NBSP + "€"),
    (Decimal("1234.56"), "1" + NNBSP + "234,56" + NBSP + "€"),
    (10339, "10" + NNBSP + "339" + NBSP + "€"),
    (Decimal("-5.5"), "-5,50" + NBSP + "€"),
    (Decimal("1234567.891"), "1" + NNBSP + "234" + NNBSP + "567,89" + NBSP + "€"),
    (Decimal("0.005"), "0,01" + NBSP + "€"),  # half up
    (Decimal("999.995"), "1" + NNBSP + "000,00" + NBSP + "€"),
    (Decimal("20.00"), "20" + NBSP + "€"),  # whole amounts without cents
    (0.1, "0,10" + NBSP + "€"),  # a JSON float, read through str()
    ("12.5", "12,50" + NBSP + "€"),
]


@pytest.mark.parametrize(("value", "text"), CASES)
def test_the_three_entry_points_give_the_rules_format(value, text):
    with translation.override("fr"):
        assert eur(value) == text
        assert eur_filter(value) == text
    if isinstance(value, Decimal):
        assert format_eur(value) == text
        assert format(Eur(value)) == text


def test_missing_and_unreadable_values():
    assert eur(None) == "—" and eur("") == "—"
    assert eur_filter(None) == "" and eur_filter("") == ""
    assert eur("abc") == eur_filter("abc") == "abc"
    assert eur(True) == "True"
    assert eur("NaN") == "NaN"


def test_amounts_keep_left_to_right_in_arabic():
    with translation.override("ar"):
        assert eur(Decimal("1234.5")) == "\u2066" + "1" + NNBSP + "234,50" + NBSP + "€" + "\u2069"
        assert eur_filter(Decimal("1234.5")) == eur(Decimal("1234.5"))
