"""Byte-for-byte check of the simulation contract across a refactoring.

``save FILE [--situations N]`` generates N situations (hypothesis strategies of ``tests/strategies.py``,
derandomised: valid ones, ones with a junk field, and the benchmark's plausible households), runs each
through the rules with and without a local CPAM ceiling, and writes one JSON line per situation: the input
and the exact bytes the API would answer (the result, or the 400 error list). It also stores the OpenAPI
document. ``compare FILE`` runs the saved inputs through the current code and reports every difference.

Run ``save`` on the code before a change and ``compare`` after it::

    .venv/bin/python scripts/contract_snapshot.py save /tmp/before.jsonl --situations 5000
    .venv/bin/python scripts/contract_snapshot.py compare /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")

TODAY = date(2026, 11, 22)


def _encode(document) -> str:
    """The bytes ``JsonResponse`` writes (Django's encoder, no ASCII escaping)."""
    from django.core.serializers.json import DjangoJSONEncoder

    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False)


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
        document = simulate(situation, cpam_settings=_cpam_settings(variant)).as_dict()
    except InvalidSituation as exc:
        return "400 " + _encode({"errors": [{"path": e.path, "message": e.message} for e in exc.errors]})
    except ParameterDateError as exc:
        return "400 " + _encode({"errors": [{"path": "request_date", "message": str(exc)}]})
    return "200 " + _encode(document)


def _generate(n: int) -> list:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_css import household
    from strategies import mutated_situation_dicts, situation_dicts

    found: list = []

    @settings(max_examples=n, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(situation_dicts(), situation_dicts(full=False), mutated_situation_dicts()))
    def collect(data):
        found.append(json.loads(json.dumps(data)))

    collect()
    rng = random.Random(20261201)
    found.extend(household(rng) for _ in range(n // 4))
    return found


def save(path: Path, n: int) -> None:
    import django

    django.setup()
    from eligibility.openapi import openapi_document

    situations = _generate(n)
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"openapi": _encode(openapi_document())}, ensure_ascii=False) + "\n")
        for i, data in enumerate(situations):
            variant = i % 3
            out.write(json.dumps({"variant": variant, "input": data, "answer": answer(data, variant)},
                                 ensure_ascii=False) + "\n")
    valid = sum(1 for line in path.open(encoding="utf-8") if '"answer": "200 ' in line)
    print(f"{len(situations)} situations saved to {path} ({valid} valid, {len(situations) - valid} refused)")


def compare(path: Path) -> int:
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
            now = answer(saved["input"], saved["variant"])
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
    s.add_argument("--situations", type=int, default=4000)
    c = sub.add_parser("compare")
    c.add_argument("file", type=Path)
    args = parser.parse_args()
    if args.command == "save":
        save(args.file, args.situations)
        return 0
    return compare(args.file)


if __name__ == "__main__":
    raise SystemExit(main())
