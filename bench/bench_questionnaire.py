"""Server time and SQL queries per questionnaire step, for the heaviest persona, through the test client.

Run: ``.venv/bin/python bench/bench_questionnaire.py [--runs 30]``. Each run starts a case and answers
every step of a self-employed couple with two children, housing aid, resources on many lines and four
planned care items (each step: the GET of the page, then the POST of the answers), then shows the results.
Prints the median and 95th percentile per step and for the whole journey, and the queries per step.
Target: under 30 ms per step, a bounded number of queries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from eligibility.questionnaire.views import QuestionnaireWizard  # noqa: E402
from tests.web.test_questionnaire_helpers import Journey, care_data, household_data  # noqa: E402

REQUEST_DATE = date(2026, 11, 22)
HEAVIEST = {
    "residence": {"territory": "metropole", "department": "93"},
    "foyer": household_data([
        {"role": "applicant", "birth_date": "02/06/1984", "activity": "self_employed", "label": "Sam"},
        {"role": "partner", "birth_date": "11/02/1986", "activity": "unemployed_compensated"},
        {"role": "child", "birth_date": "30/09/2015", "shared_custody": True},
        {"role": "child", "birth_date": "12/01/2021"},
    ]),
    "logement": {"status": "tenant", "housing_aid": "yes", "housing_aid_monthly": "250,50"},
    "ressources": {
        "p1__period": "monthly", "p1__self_employment": "9 600", "p1__prime_activite": "120",
        "p1__capital_income": "10", "p1__alimony_paid": "150",
        "p2__period": "total", "p2__unemployment_benefit": "7 200", "p2__salary": "2 000",
        "p2__daily_allowance": "600", "p2__tax_free_savings": "45",
        "c1__period": "monthly", "c2__period": "monthly", "c2__aeeh": "140",
    },
    "allocations": {"current_benefits": ["ass"], "complementary": "private"},
    "soins": care_data([
        {"kind": "hospitalisation", "member": "p1", "days": "4", "single_room_daily": "60"},
        {"kind": "emergency_visit", "member": "c1"},
        {"kind": "dental_prosthesis", "member": "p1", "quote": "1 100", "basket": "100_sante"},
        {"kind": "consultation", "member": "p2", "fee": "60", "sector": "2"},
    ]),
    "sante": {"p2__pregnancy_due_date": "15/02/2027", "c2__aeeh_child": "on"},
    "difficultes": {"difficulties": ["care_costs_not_covered", "income_drop_due_to_health"]},
    "independant": {"self_employed_difficulties": ["self_employed_financial_hardship"]},
    "verification": {},
}


def restore_template_rendering() -> None:
    from django.template import Template

    if hasattr(Template, "_original_render"):
        Template._render = Template._original_render


def timed(label, times, queries, func):
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = func()
        elapsed = (time.perf_counter() - start) * 1000
    times[label].append(elapsed)
    queries[label].append(len(captured.captured_queries))
    return response, elapsed


def one_journey(times, queries) -> float:
    client = Client()
    journey = Journey(client)
    total = 0.0
    _, t = timed("start (POST)", times, queries, journey.start)
    total += t
    step = "residence"
    while step and step != "resultats":
        response, t = timed(f"{step} (GET)", times, queries, lambda s=step: client.get(journey.url(s)))
        assert response.status_code == 200, (step, response.status_code)
        total += t
        response, t = timed(f"{step} (POST)", times, queries, lambda s=step: journey.post(s, HEAVIEST[s]))
        assert response.status_code == 302, (step, response.status_code)
        total += t
        step = journey.next_step(response)
    response, t = timed("resultats (GET)", times, queries, journey.results)
    assert response.status_code == 200
    return total + t


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    setup_test_environment()
    # The test environment records every template rendered (for assertions); a server does not.
    restore_template_rendering()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    QuestionnaireWizard.today = lambda self: REQUEST_DATE
    times, queries = defaultdict(list), defaultdict(list)
    one_journey(defaultdict(list), defaultdict(list))  # warm-up: imports, parameter files, templates
    totals = [one_journey(times, queries) for _ in range(args.runs)]
    width = max(len(k) for k in times)
    print(f"{args.runs} journeys of the heaviest persona (server time through the test client)")
    print(f"{'request':<{width}}  {'median ms':>9}  {'p95 ms':>7}  {'queries':>7}")
    for label, values in times.items():
        q = queries[label]
        q_text = str(q[0]) if min(q) == max(q) else f"{min(q)}-{max(q)}"
        print(f"{label:<{width}}  {statistics.median(values):9.1f}  {p95(values):7.1f}  {q_text:>7}")
    print(f"{'whole journey':<{width}}  {statistics.median(totals):9.1f}  {p95(totals):7.1f}")
    slow = [label for label, values in times.items() if p95(values) >= 30]
    print("all requests under 30 ms at p95" if not slow else f"over 30 ms at p95: {', '.join(slow)}")


if __name__ == "__main__":
    main()
