"""Byte-for-byte check of the simulation contract across a refactoring.

``save FILE [--situations N]`` generates N situations (hypothesis strategies of ``tests/strategies.py``,
derandomised: valid ones, ones without the care fields, and ones with a junk field), runs each
through the rules with and without a local CPAM ceiling, and writes one JSON line per situation: the input
and the exact bytes the API would answer (the result in full and with ``?detail=figures``, or the 400
error list). It also stores the OpenAPI
document. ``compare FILE`` runs the saved inputs through the current code and reports every difference.

Run ``save`` on the code before a change and ``compare`` after it::

    .venv/bin/python scripts/contract_snapshot.py save /tmp/before.jsonl --situations 5000
    .venv/bin/python scripts/contract_snapshot.py compare /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")

TODAY = date(2026, 11, 22)


def _encode(document) -> str:
    """The bytes the API writes (``eligibility.services.dumps``)."""
    from eligibility.services import dumps

    return dumps(document).decode()


def _cpam_settings(variant: int):
    from eligibility.rules.cpam_aid import CpamAidSettings

    if variant == 0:
        return None
    if variant == 1:
        return CpamAidSettings(label="CPAM de test", department="75",
                               annual_ceiling_one_person=Decimal("14500"), notes="Plafond de test.")
    return CpamAidSettings(label="CPAM par défaut", ratio_to_css_participation_ceiling=Decimal("1.2"),
                           is_default=True)


def answer(data, variant: int) -> str:
    """What the API answers for ``data`` (status and body), with the CPAM settings of ``variant``."""
    from eligibility.rules.engine import simulate
    from eligibility.rules.parameters import ParameterDateError
    from eligibility.rules.situation import InvalidSituation, parse_situation

    try:
        situation = parse_situation(data, today=TODAY)
        result = simulate(situation, cpam_settings=_cpam_settings(variant))
        document = result.as_dict()
    except InvalidSituation as exc:
        return "400 " + _encode({"errors": [{"path": e.path, "message": e.message} for e in exc.errors]})
    except ParameterDateError as exc:
        return "400 " + _encode({"errors": [{"path": "request_date", "message": str(exc)}]})
    from eligibility.services import DETAIL_FIGURES, result_dict

    # ``?detail=figures`` as the API writes it: simulated for its figures only (``texts=False``), written
    # directly (the contract is declared once).
    figures = simulate(situation, cpam_settings=_cpam_settings(variant), texts=False)
    return "200 " + _encode(document) + "\n" + _encode(result_dict(figures, DETAIL_FIGURES))


def _generate(n: int) -> list:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "bench"))
    from strategies import mutated_situation_dicts, situation_dicts

    found: list = []

    @settings(max_examples=n, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(situation_dicts(), situation_dicts(full=False), mutated_situation_dicts()))
    def collect(data):
        found.append(json.loads(json.dumps(data)))

    collect()
    return found


def save(path: Path, n: int, inputs: Path | None = None) -> None:
    """``inputs``: take the situations of an earlier snapshot instead of generating them."""
    import django

    django.setup()
    from eligibility.openapi import openapi_document

    if inputs is not None:
        with inputs.open(encoding="utf-8") as lines:
            next(lines)
            situations = [json.loads(line)["input"] for line in lines]
    else:
        situations = _generate(n)
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"openapi": _encode(openapi_document())}, ensure_ascii=False) + "\n")
        for i, data in enumerate(situations):
            variant = i % 3
            out.write(json.dumps({"variant": variant, "input": data, "answer": answer(data, variant)},
                                 ensure_ascii=False) + "\n")
    valid = sum(1 for line in path.open(encoding="utf-8") if '"answer": "200 ' in line)
    print(f"{len(situations)} situations saved to {path} ({valid} valid, {len(situations) - valid} refused)")


def _without(answer: str, keys: list[str], items: list[str]) -> str:
    """The answer as it was before aids ``keys`` (and their checklist ``items``) were added to the result."""
    if not answer.startswith("200 ") or not keys:
        return answer
    documents = []
    for line in answer[4:].split("\n"):
        document = json.loads(line)
        added_notes: set[str] = set()
        for key in keys:
            added_notes.update(document.pop(key, {}).get("to_verify", []))
        document["checklist"] = [i for i in document["checklist"] if i["key"] not in items]
        if "to_verify" in document:
            document["to_verify"] = [n for n in document["to_verify"] if n not in added_notes]
        documents.append(_encode(document))
    return "200 " + "\n".join(documents)


def compare(path: Path, keys: list[str] | None = None, items: list[str] | None = None) -> int:
    import django

    django.setup()
    from eligibility.openapi import openapi_document

    differences = compared = 0
    with path.open(encoding="utf-8") as lines:
        head = json.loads(next(lines))
        if head["openapi"] != _encode(openapi_document()):
            print("the OpenAPI document differs")
            differences += 1
        for number, line in enumerate(lines, 2):
            saved = json.loads(line)
            now = _without(answer(saved["input"], saved["variant"]), keys or [], items or [])
            compared += 1
            if now != saved["answer"]:
                differences += 1
                if differences <= 5:
                    print(f"line {number} differs:")
                    before, after = saved["answer"], now
                    at = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
                              min(len(before), len(after)))
                    print(f"  before: …{before[max(0, at - 200):at + 200]}")
                    print(f"  after:  …{after[max(0, at - 200):at + 200]}")
    print(f"{compared} situations compared, {differences} difference(s)")
    return 1 if differences else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save")
    s.add_argument("file", type=Path)
    s.add_argument("--situations", type=int, default=5000)
    s.add_argument("--inputs", type=Path, help="reuse the situations of this earlier snapshot")
    c = sub.add_parser("compare")
    c.add_argument("file", type=Path)
    c.add_argument("--without", action="append", default=[], metavar="KEY",
                   help="leave out this top-level key of today's results (an aid added since the snapshot)")
    c.add_argument("--without-item", action="append", default=[], metavar="KEY",
                   help="leave out the checklist items with this key")
    args = parser.parse_args()
    if args.command == "save":
        save(args.file, args.situations, args.inputs)
        return 0
    return compare(args.file, args.without, args.without_item)


if __name__ == "__main__":
    raise SystemExit(main())
