"""CSS ceilings for households of 1 to 6 persons, against the published tables (reference §1).

Sizes 5 and 6 are the 4-person figure plus one or two "per extra person" increments. Each household is
built as a JSON situation and goes through ``parse_situation`` and ``simulate``, like a real request.
"""

from datetime import date

import pytest

from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation

TODAY = date(2026, 11, 22)


def css_for(size: int, request_date: str, territory: str = "metropole", *, single_parent: bool = False):
    members = [{"id": "p1", "role": "applicant", "birth_date": "1980-05-01"}]
    if size > 1 and not single_parent:
        members.append({"id": "p2", "role": "partner", "birth_date": "1982-05-01"})
    while len(members) < size:
        members.append({"id": f"c{len(members)}", "role": "child", "birth_date": f"{2010 + len(members)}-03-01"})
    data = {
        "request_date": request_date,
        "residence": {"territory": territory},
        "housing": {"status": "tenant"},
        "members": members,
    }
    return simulate(parse_situation(data, today=TODAY)).css


# Published 2024 tables (arrêté of 26 March 2024; service-public F10027), free / with participation.
METROPOLE_2024 = {
    1: (10166, 13724), 2: (15249, 20586), 3: (18298, 24703), 4: (21348, 28820),
    5: (21348 + 4066, 28820 + 5490), 6: (21348 + 2 * 4066, 28820 + 2 * 5490),
}
OVERSEAS_2024 = {
    1: (11315, 15275), 2: (16972, 22912), 3: (20366, 27494), 4: (23760, 32077),
    5: (23760 + 4526, 32077 + 6110), 6: (23760 + 2 * 4526, 32077 + 2 * 6110),
}
# Published 2025 table (arrêté of 28 March 2025; service-public F10027 2025).
METROPOLE_2025 = {
    1: (10339, 13957), 2: (15508, 20936), 3: (18609, 25123), 4: (21711, 29311),
    5: (21711 + 4135, 29311 + 5583), 6: (21711 + 2 * 4135, 29311 + 2 * 5583),
}
# No overseas table is published for 2025 in the reference: 10 339 € (13 957 €) × coefficient × 1.113,
# rounded to the euro once (L861-1), worked out by hand.
OVERSEAS_2025_COMPUTED = {
    1: (11507, 15534), 2: (17261, 23301), 3: (20713, 27961), 4: (24165, 32622), 5: (28768, 38835),
    6: (33371, 45049),
}


@pytest.mark.parametrize("size", range(1, 7))
def test_2024_metropole(size):
    css = css_for(size, "2024-06-15")
    assert (css.ceiling_free, css.ceiling_with_participation) == METROPOLE_2024[size]
    assert css.household_size == size


@pytest.mark.parametrize("territory", ["guadeloupe", "martinique", "guyane", "reunion"])
@pytest.mark.parametrize("size", range(1, 7))
def test_2024_overseas(size, territory):
    css = css_for(size, "2024-06-15", territory)
    assert (css.ceiling_free, css.ceiling_with_participation) == OVERSEAS_2024[size]


@pytest.mark.parametrize("size", range(1, 7))
def test_2025_metropole(size):
    css = css_for(size, "2025-06-15")
    assert (css.ceiling_free, css.ceiling_with_participation) == METROPOLE_2025[size]


@pytest.mark.parametrize("size", range(1, 7))
def test_2025_overseas_recomputed(size):
    css = css_for(size, "2025-06-15", "reunion")
    assert (css.ceiling_free, css.ceiling_with_participation) == OVERSEAS_2025_COMPUTED[size]


def test_published_table_wins_over_recomputation():
    """10 339 × 1.5 = 15 508.5 would round to 15 509; the published table says 15 508."""
    css = css_for(2, "2025-06-15")
    assert css.ceiling_free == 15508
    assert any(r.code == "css.ceilings" and "barème publié" in r.text for r in css.reasons)


def test_single_parent_with_one_child_has_the_two_person_ceiling():
    css = css_for(2, "2025-06-15", single_parent=True)
    assert (css.ceiling_free, css.ceiling_with_participation) == METROPOLE_2025[2]
    assert css.coefficient == 1.5


@pytest.mark.parametrize("size", range(1, 7))
def test_single_parent_households_match_couples_of_the_same_size(size):
    assert css_for(size, "2024-06-15", single_parent=True).ceiling_free == METROPOLE_2024[size][0]


@pytest.mark.parametrize(
    ("request_date", "free", "with_participation"),
    [
        ("2019-11-01", 8951, 12084),
        ("2020-06-15", 9032, 12193),
        ("2021-06-15", 9041, 12205),
        ("2022-05-15", 9203, 12424),
        ("2022-07-01", 9571, 12921),
        ("2023-06-15", 9719, 13121),
        ("2024-03-31", 9719, 13121),
        ("2024-04-01", 10166, 13724),
        ("2025-03-31", 10166, 13724),
        ("2025-04-01", 10339, 13957),
        ("2026-04-01", 10421, 14068),
        ("2026-11-22", 10421, 14068),
    ],
)
def test_one_person_ceiling_follows_the_request_date(request_date, free, with_participation):
    css = css_for(1, request_date)
    assert (css.ceiling_free, css.ceiling_with_participation) == (free, with_participation)


def test_computed_ceilings_when_no_table_is_published():
    """2023, 4 persons: 9 719 × 2.1 = 20 409.9 → 20 410; 13 121 × 2.1 = 27 554.1 → 27 554."""
    css = css_for(4, "2023-06-15")
    assert (css.ceiling_free, css.ceiling_with_participation) == (20410, 27554)
    assert any(r.code == "css.ceilings" and "calcul" in r.text for r in css.reasons)


def test_2026_ceilings_carry_their_to_verify_note():
    css = css_for(1, "2026-11-22")
    assert any("2026" in note for note in css.to_verify)
    assert not css_for(1, "2025-06-15").to_verify
