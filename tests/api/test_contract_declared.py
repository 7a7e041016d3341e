"""The contract described once (``eligibility.rules.contract``): each result class declares its JSON entries,
and the serialisers (full and figures) and the OpenAPI result schemas all come from that declaration."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel

from eligibility import services
from eligibility.openapi import ResultOut, openapi_document
from eligibility.rules import contract
from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation
from tests.examples import CONTRACT_EXAMPLE
from tests.strategies import TODAY, situation_dicts

#: Every (schema, property) the OpenAPI document described on 2026-12-01, before the result schemas were
#: generated from the declarations: the contract may add properties, never drop one.
PROPERTIES_BEFORE = json.loads((Path(__file__).parent / "openapi_properties_2026-12-01.json").read_text())


def undocumented(model: BaseModel, path: str = "") -> list[str]:
    """Every key of a validated document that its schema does not name (``model_extra``), at any depth."""
    found = [f"{path}.{key}" for key in (model.model_extra or {})]
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, BaseModel):
                found.extend(undocumented(item, f"{path}.{name}[{i}]" if isinstance(value, list) else f"{path}.{name}"))
    return found


def test_the_document_still_describes_every_property_it_described():
    schemas = openapi_document()["components"]["schemas"]
    now = {f"{name}.{prop}" for name, schema in schemas.items() for prop in schema.get("properties", {})}
    assert set(PROPERTIES_BEFORE) - now == set()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(situation_dicts())
def test_the_result_schema_names_every_key_the_serialiser_writes(data):
    """Generated from the same declarations, the schema describes every key of every result, at any depth."""
    document = simulate(parse_situation(data, today=TODAY)).as_dict()
    assert undocumented(ResultOut.model_validate(document)) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(situation_dicts())
def test_figures_written_directly_are_the_full_result_without_its_texts(data):
    """``?detail=figures`` is simulated and serialised on its own (``texts=False``: no text built); it equals
    the full result trimmed of every key declared as a text, value for value and key order included."""
    situation = parse_situation(data, today=TODAY)
    full = simulate(situation)
    trimmed = json.dumps(services.figures_only(full.as_dict()))
    assert json.dumps(full.as_dict(contract.FIGURES)) == trimmed
    assert json.dumps(simulate(situation, texts=False).as_dict(contract.FIGURES)) == trimmed


def test_text_keys_are_the_declared_texts():
    assert {"reasons", "to_verify", "note", "label", "procedure", "advice"} <= services.TEXT_KEYS
    assert not {"status", "key", "code", "member", "resources", "left", "billed"} & services.TEXT_KEYS


def test_figures_build_no_reason_text(monkeypatch):
    """The figures form never asks a reason for its sentence."""
    from eligibility.rules import reasons

    result = simulate(parse_situation(CONTRACT_EXAMPLE, today=TODAY))

    def refuse(*args, **kwargs):
        raise AssertionError("a text was built for ?detail=figures")

    monkeypatch.setattr(contract, "reasons_dict", refuse)
    monkeypatch.setattr(reasons, "reasons_dict", refuse)
    contract._compiled.clear()
    try:
        figures = result.as_dict(contract.FIGURES)
    finally:
        contract._compiled.clear()
    assert figures["css"]["reasons_detail"] and "reasons" not in figures["css"]


class Refused(AssertionError):
    pass


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(situation_dicts())
def test_a_result_for_its_figures_renders_no_text_and_adapts_no_checklist_word(data):
    """``?detail=figures`` from the situation to the bytes (``services.encoded_result``, what the API and the
    batches run) never renders a phrase of the catalogue, never names an overseas caisse in the checklist's
    words and collects no note to verify; the bytes are those of the full result trimmed of its texts."""
    from unittest import mock

    from eligibility.rules import checklist, engine, wording

    situation = parse_situation(data, today=TODAY)
    directory = services.CpamSettingsDirectory.__new__(services.CpamSettingsDirectory)
    directory._by_department, directory.unavailable = {}, False
    expected = services.dumps(services.figures_only(simulate(situation).as_dict()))

    def refuse(*args, **kwargs):
        raise Refused("a text was built for ?detail=figures")

    with mock.patch.object(wording.Phrase, "__str__", refuse), mock.patch.object(wording.Phrase, "__format__", refuse), \
            mock.patch.object(checklist, "_for_caisse", refuse), mock.patch.object(engine, "say", refuse):
        encoded = services.encoded_result(situation, directory, services.DETAIL_FIGURES)
        result = services.simulate_situation(situation, directory, texts=False)
        try:  # the spies do catch the texts of a full result
            services.encoded_result(situation, directory, services.DETAIL_FULL)
        except Refused:
            pass
        else:
            raise AssertionError("a full result was written without rendering a phrase")
    assert encoded == expected
    assert result.to_verify == () and result.texts is False


def test_a_result_simulated_without_texts_is_not_written_in_full():
    result = simulate(parse_situation(CONTRACT_EXAMPLE, today=TODAY), texts=False)
    assert result.as_dict(contract.FIGURES)["checklist"]
    try:
        result.as_dict(contract.FULL)
    except ValueError as exc:
        assert "figures" in str(exc)
    else:
        raise AssertionError("a result without its texts was written in full")


def test_every_declared_result_has_a_generated_as_dict_in_declaration_order():
    result = simulate(parse_situation(CONTRACT_EXAMPLE, today=TODAY))
    css = result.css.as_dict()
    declared = []
    for e in type(result.css).__contract__.entries:
        declared.extend(["reasons", "reasons_detail"] if e.kind == "reasons" else [e.key])
    assert list(css) == declared
    for cls in contract.DECLARED:
        assert "as_dict" not in vars(cls), f"{cls.__name__} writes its own as_dict"


# --------------------------------------------------------------------------- the input side


def test_the_parser_and_the_schema_read_the_same_declared_bounds():
    """One declaration (``situation.PlannedCare.days``: 1 to 366) makes both the schema's bounds and the
    parser's refusal, with its French message and its path."""
    import copy

    from eligibility.rules.situation import MAX_HOSPITAL_DAYS, InvalidSituation

    schema = openapi_document()["components"]["schemas"]["PlannedCareIn"]["properties"]["days"]
    bounds = next(s for s in schema["anyOf"] if s.get("type") == "integer")
    assert (bounds["minimum"], bounds["maximum"]) == (1, MAX_HOSPITAL_DAYS)
    data = copy.deepcopy(CONTRACT_EXAMPLE)
    data["planned_care"][0]["days"] = MAX_HOSPITAL_DAYS + 1
    try:
        parse_situation(data, today=TODAY)
    except InvalidSituation as exc:
        assert [(e.path, e.message) for e in exc.errors] == [
            ("planned_care[0].days", f"Un nombre entre 1 et {MAX_HOSPITAL_DAYS} est attendu.")]
    else:
        raise AssertionError("367 days accepted")


def test_a_value_the_json_nests_elsewhere_is_described_where_it_is_sent():
    """``Situation.complementary`` is sent as ``coverage.complementary``: the schema puts it there."""
    schemas = openapi_document()["components"]["schemas"]
    assert "complementary" in schemas["CoverageIn"]["properties"]
    assert "complementary" not in schemas["SituationIn"]["properties"]
    assert "from" in schemas["ResourceIn"]["properties"] and "counted_months" not in schemas["ResourceIn"]["properties"]


def test_errors_of_one_member_come_in_the_order_of_its_declared_fields():
    """The generic reader reads a member's fields in declaration order and runs each field's check right after
    it: the errors keep the order (and the French messages) of the hand-written parser they replace."""
    import copy

    from eligibility.rules.situation import InvalidSituation

    data = copy.deepcopy(CONTRACT_EXAMPLE)
    data["members"][0].update(id="p2", role="king", birth_date="2030-01-01", activity=3, shared_custody="y",
                              no_work_since="2020-02-30", tax_attached="oui")
    try:
        parse_situation(data, today=TODAY)
    except InvalidSituation as exc:
        errors = [(e.path, e.message) for e in exc.errors]
    else:
        raise AssertionError("accepted")
    assert errors[:7] == [
        ("members[0].role", "Valeur inconnue. Valeurs possibles : applicant, partner, child, other_dependent."),
        ("members[0].birth_date", "Date dans le futur : la date de naissance doit précéder la date de la demande."),
        ("members[0].activity", "Valeur inconnue. Valeurs possibles : employee, self_employed, unemployed_compensated, "
                                "unemployed, sick_leave_over_6_months, trainee_paid, retired, student, inactive."),
        ("members[0].shared_custody", "Une valeur vraie ou fausse est attendue (true ou false)."),
        ("members[0].no_work_since", "Cette date n'existe pas dans le calendrier."),
        ("members[0].tax_attached", "Une valeur vraie ou fausse est attendue (true ou false)."),
        ("members[1].id", "Cet identifiant est déjà utilisé par une autre personne du foyer."),
    ]
