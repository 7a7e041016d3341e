"""``manage.py simulate``: one situation or a list, from a file or standard input."""

import json

import pytest

from tests.examples import CONTRACT_EXAMPLE as EXAMPLE
from tests.support import run_command


def run(monkeypatch, capsys, *args, stdin=None):
    return run_command("simulate", monkeypatch, capsys, *args, stdin=stdin)


@pytest.mark.django_db
def test_one_situation_from_a_file(tmp_path, monkeypatch, capsys):
    path = tmp_path / "situation.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, str(path))
    assert code == 0, err
    result = json.loads(out)
    assert result["css"]["household_size"] == 3


@pytest.mark.django_db
def test_a_list_from_stdin_keeps_the_order(monkeypatch, capsys):
    single = dict(EXAMPLE, members=[EXAMPLE["members"][0]], resources=[EXAMPLE["resources"][0]],
                  health=[], planned_care=[])
    code, out, err = run(monkeypatch, capsys, "-", stdin=json.dumps([EXAMPLE, single, EXAMPLE]))
    assert code == 0, err
    results = json.loads(out)
    assert [r["css"]["household_size"] for r in results] == [3, 1, 3]


@pytest.mark.django_db
def test_invalid_items_exit_2_with_errors_on_stderr(monkeypatch, capsys):
    bad = dict(EXAMPLE, request_date="2019-10-31")
    code, out, err = run(monkeypatch, capsys, "-", stdin=json.dumps([EXAMPLE, bad]))
    assert code == 2
    assert out == ""
    errors = json.loads(err)["errors"]
    assert errors[0]["index"] == 1
    assert errors[0]["errors"][0]["path"] == "request_date"


@pytest.mark.django_db
def test_broken_json_exit_2(monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, "-", stdin="{oops")
    assert code == 2
    assert json.loads(err)["errors"][0]["path"] == ""


@pytest.mark.django_db
def test_a_batch_never_reloads_the_parameters(monkeypatch, capsys):
    from eligibility.rules import parameters

    parameters.default_parameters()  # loaded at start-up by the app
    loads = []
    original = parameters.ParameterSet.load.__func__
    monkeypatch.setattr(parameters.ParameterSet, "load", classmethod(lambda cls, *a, **k: loads.append(1) or original(cls, *a, **k)))
    code, out, err = run(monkeypatch, capsys, "-", stdin=json.dumps([EXAMPLE] * 50))
    assert code == 0, err
    assert len(json.loads(out)) == 50
    assert loads == []
