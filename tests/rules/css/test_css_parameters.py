"""The CSS and RSA parameter files: they load, every value is dated and sourced, and they agree with each other."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest

from eligibility.rules.css import evaluate_css
from eligibility.rules.css.resources import not_yet_excluded
from eligibility.rules.enums import ResourceTreatment, ResourceType
from eligibility.rules.parameters import (
    PARAMETERS_DIR,
    ParameterDateError,
    ParameterFileError,
    ParameterSet,
    default_parameters,
)
from eligibility.rules.situation import EARLIEST_REQUEST_DATE, InvalidSituation, parse_situation

CSS_AND_RSA = sorted(
    name for name in default_parameters().parameters if name.startswith(("css.", "rsa."))
)


def test_every_parameter_file_loads():
    parameters = ParameterSet.load(PARAMETERS_DIR)
    assert parameters.parameters
    assert len(CSS_AND_RSA) >= 18


@pytest.mark.parametrize("name", CSS_AND_RSA)
def test_every_value_has_a_reference(name):
    parameter = default_parameters()[name]
    assert parameter.description
    for value in parameter.values:
        assert value.references, f"{name} {value.start}"
        for reference in value.references:
            assert reference.title.strip()
            assert reference.href.startswith("https://")
    assert date(2026, 11, 22) <= parameter.last_value_still_valid_on <= date.today()  # checked on 22 November or since, never ahead


@pytest.mark.parametrize("name", CSS_AND_RSA)
def test_css_parameters_cover_every_request_date(name):
    """No CSS rule may fail on a valid request date: every value starts on or before 1 November 2019."""
    assert default_parameters()[name].values[0].start <= EARLIEST_REQUEST_DATE


def test_a_date_before_the_first_value_is_refused():
    with pytest.raises(ParameterDateError) as error:
        default_parameters()["css.plafond_gratuite_base"].at(date(2019, 10, 31))
    assert error.value.first == date(2019, 11, 1)
    situation = parse_situation({
        "request_date": "2019-11-01", "residence": {"territory": "metropole"}, "housing": {"status": "tenant"},
        "members": [{"id": "p1", "role": "applicant", "birth_date": "1980-01-01"}],
    }, today=date(2026, 11, 22))
    with pytest.raises(ParameterDateError):
        evaluate_css(replace(situation, request_date=date(2019, 10, 31)), default_parameters().at(date(2019, 10, 31)))
    assert default_parameters()["rsa.montant_base"].at(date(2019, 10, 31)) == Decimal("559.74")


def test_parse_situation_refuses_a_request_before_the_css():
    data = {
        "request_date": "2019-10-31",
        "residence": {"territory": "metropole"},
        "housing": {"status": "tenant"},
        "members": [{"id": "p1", "role": "applicant", "birth_date": "1980-01-01"}],
    }
    with pytest.raises(InvalidSituation) as error:
        parse_situation(data, today=date(2026, 11, 22))
    assert [e.path for e in error.value.errors] == ["request_date"]


@pytest.mark.parametrize(
    ("when", "free", "with_participation"),
    [
        (date(2019, 11, 1), 8951, 12084),
        (date(2020, 4, 1), 9032, 12193),
        (date(2021, 4, 1), 9041, 12205),
        (date(2022, 4, 1), 9203, 12424),
        (date(2022, 7, 1), 9571, 12921),
        (date(2023, 4, 1), 9719, 13121),
        (date(2024, 4, 1), 10166, 13724),
        (date(2025, 4, 1), 10339, 13957),
        (date(2026, 4, 1), 10421, 14068),
    ],
)
def test_one_person_ceilings_by_date(when, free, with_participation):
    p = default_parameters().at(when)
    assert p["css.plafond_gratuite_base"] == free
    assert p["css.plafond_participation_base"] == with_participation
    # The day before, the previous value still applies.
    if when > date(2019, 11, 1):
        assert default_parameters().at(date.fromordinal(when.toordinal() - 1))["css.plafond_gratuite_base"] != free


def test_with_participation_base_is_the_free_base_plus_35_percent_within_a_euro():
    """L861-1 2°: published with-participation figures come from the unrounded base, hence ±1 €."""
    ceilings = default_parameters()["css.plafond_gratuite_base"]
    for dated in ceilings.values:
        p = default_parameters().at(dated.start)
        expected = p["css.plafond_gratuite_base"] * (1 + p["css.taux_majoration_participation"])
        assert abs(p["css.plafond_participation_base"] - expected) <= 1


def test_the_2026_figures_are_marked_to_verify():
    p = default_parameters().at(date(2026, 6, 1))
    assert p.entry("css.plafond_gratuite_base").to_verify
    assert p.entry("css.plafond_participation_base").to_verify
    assert default_parameters().at(date(2025, 6, 1)).entry("css.plafond_gratuite_base").to_verify is None


def test_published_tables_start_with_the_one_person_ceiling_in_force():
    for dated in default_parameters()["css.bareme_publie"].values:
        p = default_parameters().at(dated.start)
        for zone, table in dated.value.items():
            coefficient = Decimal(1) if zone == "metropole" else p["css.coefficient_outre_mer"]["guadeloupe"]
            assert table["gratuite"][0] == (p["css.plafond_gratuite_base"] * coefficient).quantize(Decimal(1))
            assert len(table["gratuite"]) == len(table["participation"]) == 4


@pytest.mark.parametrize(
    ("when", "amount"),
    [
        (date(2019, 11, 1), "559.74"), (date(2020, 4, 1), "564.78"), (date(2021, 4, 1), "565.34"),
        (date(2022, 4, 1), "575.52"), (date(2022, 7, 1), "598.54"), (date(2023, 4, 1), "607.75"),
        (date(2024, 4, 1), "635.71"), (date(2025, 4, 1), "646.52"), (date(2026, 4, 1), "651.69"),
    ],
)
def test_rsa_base_amount_by_date(when, amount):
    assert default_parameters().at(when)["rsa.montant_base"] == Decimal(amount)


def test_revalued_parameters_say_so():
    for name in ("css.plafond_gratuite_base", "css.plafond_participation_base", "rsa.montant_base"):
        assert default_parameters()[name].revaluation_month_day == (4, 1)


def test_flat_deductions_start_on_1_april_2021():
    before, after = default_parameters().at(date(2021, 3, 31)), default_parameters().at(date(2021, 4, 1))
    assert before["css.deduction_aah"] == 0 and after["css.deduction_aah"] == 68
    assert after["css.deduction_asi"] == {"personne_seule": 49, "couple": 86}
    assert after["css.deduction_aspa"] == {"personne_seule": 71, "couple": 110}


def test_mayotte_has_ceilings_only_from_2024():
    assert "mayotte" not in default_parameters().at(date(2023, 12, 31))["css.coefficient_outre_mer"]
    p = default_parameters().at(date(2024, 1, 1))
    assert p["css.coefficient_outre_mer"]["mayotte"] == Decimal("1.113")
    assert p.entry("css.coefficient_outre_mer").to_verify


CONTRACT_EXCLUDED = {t.value for t in ResourceType if t.treatment is ResourceTreatment.EXCLUDED}


def test_excluded_resources_only_narrow_the_contract_and_end_on_it():
    """Each dated list names contract exclusions only; the latest one is the contract's whole list."""
    values = default_parameters()["css.ressources_exclues"].values
    for dated in values:
        assert set(dated.value) <= CONTRACT_EXCLUDED, dated.start
        assert len(dated.value) == len(set(dated.value))
    assert set(values[-1].value) == CONTRACT_EXCLUDED
    for earlier, later in pairwise(values):
        assert set(earlier.value) < set(later.value)  # exclusions were only ever added


@pytest.mark.parametrize(
    ("resource_type", "first_day"),
    [("cej_allowance", date(2023, 7, 29)), ("family_help", date(2025, 6, 30))],
)
def test_late_exclusions_by_date(resource_type, first_day):
    before = default_parameters().at(first_day - timedelta(days=1))
    after = default_parameters().at(first_day)
    assert resource_type not in before["css.ressources_exclues"]
    assert resource_type in after["css.ressources_exclues"]
    assert not_yet_excluded(before)[ResourceType(resource_type)][0] == first_day
    assert ResourceType(resource_type) not in not_yet_excluded(after)


def test_decree_2023_671_is_cited_with_its_journal_officiel_text():
    entry = default_parameters().at(date(2023, 7, 29)).entry("css.ressources_exclues")
    assert "2023-671 du 27 juillet 2023" in entry.references[0].title
    assert entry.references[0].href == "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047897475"
    assert entry.to_verify is None
    assert default_parameters().at(date(2025, 6, 30)).entry("css.ressources_exclues").to_verify


def test_a_list_naming_a_counted_resource_is_refused():
    parameters = default_parameters()
    broken = ParameterSet(dict(parameters.parameters))
    original = parameters["css.ressources_exclues"]
    first = original.values[0]
    broken.parameters["css.ressources_exclues"] = replace(
        original, values=(replace(first, value=[*first.value, "salary"]), *original.values[1:]),
    )
    with pytest.raises(ParameterFileError, match="salary"):
        not_yet_excluded(broken.at(date(2024, 1, 1)))
