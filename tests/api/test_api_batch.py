"""The batch form of the simulation API (a JSON list in, a list of results out, streamed) and
``?detail=figures`` (figures, statuses and codes only), on the API and the ``simulate`` command."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings

from eligibility import services
from eligibility.rules.engine import simulate
from eligibility.rules.situation import parse_situation
from tests.examples import CONTRACT_EXAMPLE as EXAMPLE
from tests.strategies import TODAY, situation_dicts
from tests.support import run_command

URL = "/api/v1/simulations"
SINGLE = dict(EXAMPLE, members=[EXAMPLE["members"][0]], resources=[EXAMPLE["resources"][0]], health=[],
              planned_care=[])
COUPLE = dict(SINGLE, members=EXAMPLE["members"][:2], resources=EXAMPLE["resources"])


def post(client, payload, query=""):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(URL + query, data=body, content_type="application/json")


def body_of(response) -> Any:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return json.loads(content)


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Every scalar of a JSON value by its path (``css.reasons_detail[0].code``)."""
    if isinstance(value, dict):
        found: dict[str, Any] = {}
        for key, item in value.items():
            found.update(leaves(item, f"{path}.{key}" if path else key))
        return found
    if isinstance(value, list):
        found = {}
        for i, item in enumerate(value):
            found.update(leaves(item, f"{path}[{i}]"))
        return found
    return {path: value}


def assert_figures_match(full: dict, figures: dict) -> None:
    """Every value of the lean form is the full form's value at the same path, and no figure is lost."""
    full_leaves, figure_leaves = leaves(full), leaves(figures)
    for path, value in figure_leaves.items():
        assert path in full_leaves, path
        assert full_leaves[path] == value and type(full_leaves[path]) is type(value), path
    for path, value in full_leaves.items():
        keys = {part.split("[")[0] for part in path.split(".")}
        if not keys & services.TEXT_KEYS:
            assert figure_leaves.get(path, object()) == value, f"figure lost: {path}"


# --------------------------------------------------------------------------- the batch form


@pytest.mark.django_db
def test_a_list_answers_a_list_in_the_same_order(client):
    batch = [EXAMPLE, SINGLE, COUPLE, SINGLE]
    response = post(client, batch)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/json"
    results = body_of(response)
    assert [r["css"]["household_size"] for r in results] == [3, 1, 2, 1]
    # Each item is exactly what the single form answers for it.
    assert results == [post(client, item).json() for item in batch]


@pytest.mark.django_db
def test_each_item_is_validated_on_its_own_and_errors_name_the_item(client):
    bad_date = copy.deepcopy(EXAMPLE)
    bad_date["members"][0]["birth_date"] = "1984-13-02"
    too_early = dict(SINGLE, request_date="2019-10-31")
    response = post(client, [SINGLE, bad_date, SINGLE, "not an object", too_early])
    assert response.status_code == 400
    paths = [e["path"] for e in response.json()["errors"]]
    assert "[1].members[0].birth_date" in paths
    assert "[3]" in paths
    assert "[4].request_date" in paths
    assert not any(p.startswith(("[0]", "[2]")) for p in paths)
    assert all(e["message"] for e in response.json()["errors"])


@pytest.mark.django_db
def test_an_empty_list_is_a_400(client):
    response = post(client, [])
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == ""


@pytest.mark.django_db
@override_settings(API_MAX_BATCH_ITEMS=3)
def test_too_many_items_is_a_413(client):
    response = post(client, [SINGLE] * 4)
    assert response.status_code == 413
    assert "3" in response.json()["errors"][0]["message"]
    assert post(client, [SINGLE] * 3).status_code == 200


@pytest.mark.django_db
def test_a_list_has_its_own_larger_body_limit(client):
    # Over the 256 KiB of one situation, well under the batch limit: accepted.
    batch = [SINGLE] * 600
    body = json.dumps(batch)
    assert len(body) > 256 * 1024
    response = post(client, body)
    assert response.status_code == 200
    assert len(body_of(response)) == 600
    # One situation stays limited to 256 KiB, even when the batch limit is larger.
    padded = dict(SINGLE, padding="x" * (256 * 1024))
    assert post(client, padded).status_code == 413


@pytest.mark.django_db
@override_settings(API_MAX_BATCH_BODY_BYTES=300 * 1024)
def test_a_list_over_the_batch_limit_is_a_413(client):
    response = post(client, json.dumps([SINGLE] * 1000))
    assert response.status_code == 413
    assert "300 Kio" in response.json()["errors"][0]["message"]


@pytest.mark.django_db
def test_results_are_computed_while_the_response_is_read(client, monkeypatch):
    calls = []
    real = services.simulate_situation
    monkeypatch.setattr(services, "simulate_situation", lambda *a, **k: calls.append(1) or real(*a, **k))
    response = post(client, [EXAMPLE] * 40)
    assert response.status_code == 200
    assert calls == []  # nothing computed before the body is read
    chunks = iter(response.streaming_content)
    first = next(chunks)
    assert 0 < len(calls) < 40  # the first block left before the last household was simulated
    rest = b"".join(chunks)
    assert len(calls) == 40
    assert len(json.loads(first + rest)) == 40


def test_the_stream_is_the_json_list_of_the_results():
    situations = [parse_situation(d, today=TODAY) for d in (EXAMPLE, SINGLE, COUPLE)]

    class NoCpam:
        def for_department(self, department):
            return None

    for chunk_bytes in (1, 10_000, 10**9):
        streamed = b"".join(services.stream_results(situations, NoCpam(), chunk_bytes=chunk_bytes))
        assert json.loads(streamed) == [simulate(s).as_dict() for s in situations]
    assert json.loads(b"".join(services.stream_results([], NoCpam()))) == []


# --------------------------------------------------------------------------- ?detail=figures


@pytest.mark.django_db
def test_detail_figures_on_one_situation_and_on_a_list(client):
    full = post(client, EXAMPLE).json()
    figures = post(client, EXAMPLE, "?detail=figures").json()
    assert_figures_match(full, figures)
    assert "reasons" not in figures["css"] and "to_verify" not in figures
    assert [r["code"] for r in figures["css"]["reasons_detail"]] == [r["code"] for r in full["css"]["reasons_detail"]]
    assert figures["checklist"] == [{"key": item["key"], "reasons_detail": [{"code": r["code"]} for r in item["reasons_detail"]]}
                                    for item in full["checklist"]]
    assert len(json.dumps(figures)) < len(json.dumps(full)) / 3
    batch = body_of(post(client, [EXAMPLE, SINGLE], "?detail=figures"))
    assert batch[0] == figures
    assert batch[1] == post(client, SINGLE, "?detail=figures").json()
    assert post(client, EXAMPLE, "?detail=full").json() == full


@pytest.mark.django_db
def test_an_unknown_detail_is_a_400(client):
    response = post(client, EXAMPLE, "?detail=everything")
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "detail"


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=situation_dicts())
def test_figures_equal_the_full_result_wherever_both_give_a_value(data):
    situation = parse_situation(data, today=TODAY)
    result = simulate(situation)
    full = services.result_dict(result, services.DETAIL_FULL)
    figures = services.result_dict(result, services.DETAIL_FIGURES)
    assert_figures_match(full, figures)
    assert services.result_dict(simulate(situation, texts=False), services.DETAIL_FIGURES) == figures
    # What the API sends is the same value as the contract's ``as_dict``, through the faster encoder.
    assert json.loads(services.dumps(full)) == json.loads(json.dumps(result.as_dict(), ensure_ascii=False))


# --------------------------------------------------------------------------- the simulate command


@pytest.mark.django_db
def test_the_command_streams_a_list_and_keeps_its_indented_form(tmp_path, monkeypatch, capsys):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([EXAMPLE, SINGLE]), encoding="utf-8")
    code, out, err = run_command("simulate", monkeypatch, capsys, str(path))
    assert code == 0, err
    results = json.loads(out)
    assert [r["css"]["household_size"] for r in results] == [3, 1]
    code, indented, err = run_command("simulate", monkeypatch, capsys, str(path), "--indent", "2")
    assert code == 0, err
    assert indented.rstrip("\n") == json.dumps(results, ensure_ascii=False, indent=2)
    code, lean, err = run_command("simulate", monkeypatch, capsys, str(path), "--detail", "figures")
    assert code == 0, err
    for full, figures in zip(results, json.loads(lean), strict=True):
        assert_figures_match(full, figures)


@pytest.mark.django_db
def test_the_command_writes_nothing_when_one_item_is_invalid(monkeypatch, capsys):
    code, out, err = run_command("simulate", monkeypatch, capsys, "-",
                                 stdin=json.dumps([EXAMPLE, SINGLE, dict(SINGLE, residence={"territory": "x"})]))
    assert code == 2
    assert out == ""
    assert json.loads(err)["errors"][0]["index"] == 2


def test_batch_limits_and_detail_are_documented_in_the_openapi_document():
    from django.conf import settings as django_settings

    from eligibility.openapi import openapi_document

    text = json.dumps(openapi_document(), ensure_ascii=False)
    assert str(django_settings.API_MAX_BATCH_ITEMS) in text
    assert f"{django_settings.API_MAX_BATCH_BODY_BYTES // (1024 * 1024)} Mio" in text
    assert "detail" in text and "figures" in text


def test_two_processes_give_the_same_bytes_in_the_same_order(monkeypatch):
    class NoCpam:
        def for_department(self, department):
            return None

    situations = [parse_situation(d, today=TODAY) for d in (EXAMPLE, SINGLE, COUPLE) * 7]
    monkeypatch.setattr(services, "PARALLEL_MIN_ITEMS", 0)
    monkeypatch.setattr(services, "_PARALLEL_SLICE", 2)
    one = b"".join(services.stream_results(situations, NoCpam(), services.DETAIL_FIGURES))
    two = b"".join(services.stream_results_parallel(situations, NoCpam(), services.DETAIL_FIGURES, jobs=2))
    assert two == one
    assert len(json.loads(two)) == 21


# --------------------------------------------------------------------------- the cycle collector during a batch


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=situation_dicts())
def test_a_simulation_leaves_no_reference_cycle(data):
    """What lets a batch run the cycle collector rarely (``services.BATCH_GC_THRESHOLD``): parsing, simulating
    and writing a household, in full and figures only, leave nothing for it to collect."""
    import gc

    class NoCpam:
        def for_department(self, department):
            return None

    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for detail in services.DETAILS:
            services.encoded_result(services.parse_one(data, today=TODAY), NoCpam(), detail)
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize("server_thresholds", [None, (700, 10, 2)], ids=["default", "settled server"])
def test_a_batch_raises_the_collector_threshold_and_restores_it(server_thresholds):
    """Inside a batch: few young collections, and full ones at CPython's usual pace even in a server process
    (whose ``settle_for_requests`` makes them frequent for short requests); both restored after it."""
    import gc

    class NoCpam:
        def for_department(self, department):
            return None

    saved = gc.get_threshold()
    if server_thresholds:
        gc.set_threshold(*server_thresholds)
    try:
        before = gc.get_threshold()
        situations = services.parse_batch([EXAMPLE, SINGLE], today=TODAY)
        assert gc.get_threshold() == before
        stream = services.stream_results(situations, NoCpam(), chunk_bytes=1)
        first = next(stream)
        assert gc.get_threshold() == (max(before[0], services.BATCH_GC_THRESHOLD), before[1],
                                      max(before[2], services.BATCH_FULL_COLLECTION_EVERY))
        assert len(json.loads(first + b"".join(stream))) == 2
        assert gc.get_threshold() == before
    finally:
        gc.set_threshold(*saved)
