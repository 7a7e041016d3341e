"""Soak: many applicants and social workers at once on gunicorn and PostgreSQL, for a bounded time.

Run as ``scripts/pg_throwaway.sh .venv/bin/python bench/soak.py [--applicants 50] [--agents 5] [--seconds 90]
[--workers 3]``: loopback only, a throwaway PostgreSQL (``DATABASE_URL``), the shared database cache.

Each applicant (a thread with its own cookie jar and its own address, passed by ``X-Forwarded-For`` through
``TRUSTED_PROXY_COUNT=1`` as a reverse proxy would) starts a case, answers every step (reading each page
and its CSRF token as a browser does), opens the results, and every third case saves it for later and
resumes it with its code in a new browser; then starts again until the time is up. Each social worker
logs in, lists and searches dossiers, creates one, records the consent, adds a note and opens it.

Prints: requests, server errors (5xx), other unexpected statuses, client latency (median, p95), the
p95 measured inside gunicorn (its access log, ``%(M)s`` ms), cases completed, the answers verified
(every completed case's stored answers are compared, field by field, with what its applicant posted), and
the gunicorn workers' resident memory, sampled every 5 seconds: after the first 10 seconds (caches filled)
against the end, which shows whether a worker's memory keeps growing.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_batch import rss  # noqa: E402
from cli import positive  # noqa: E402 (bench/, the script's folder)

from tests.questionnaire.test_questionnaire_helpers import care_data, household_data  # noqa: E402

PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))
CASE_RE = re.compile(r"/questionnaire/([0-9a-f-]{36})/")
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CODE_RE = re.compile(r'id="code-de-reprise"[^>]*>([A-Z0-9-]{12})<')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers_for(rng: random.Random) -> dict[str, dict]:
    """A household answering every step, with amounts and names that differ from one case to the next."""
    return {
        "residence": {"place": rng.choice(["57000", "67000", "68100"])},  # Alsace-Moselle: every step is asked
        "regime-local": {"alsace_moselle": rng.choice(["yes", "no"])},
        "foyer": household_data([
            {"role": "applicant", "birth_date": f"{rng.randint(1, 28):02d}/0{rng.randint(1, 9)}/19{rng.randint(50, 99)}",
             "activity": "self_employed", "label": rng.choice(["Nour", "Léa", "Иван", "李娜", "Ayşe"])},
            {"role": "child", "birth_date": f"0{rng.randint(1, 9)}/03/20{rng.randint(10, 20)}"},
        ]),
        "logement": {"status": "tenant"},
        "ressources": {"p1__kinds": ["self_employment"]},
        "montants": {"p1__self_employment__annual": f"{rng.randint(1, 25)} {rng.randint(100, 999)}"},
        "complementaire": {"complementary": "none"},
        "soins": care_data([{"kind": "hospitalisation", "member": "p1", "days": str(rng.randint(1, 20))}]),
        "sante": {},
        "difficultes": {"difficulties": ["care_costs_not_covered"]},
        "independant": {"self_employed_difficulties": ["self_employed_financial_hardship"]},
        "verification": {},
    }


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.unexpected: list[str] = []
        self.completed: list[tuple[str, dict]] = []
        self.lost_cases = 0
        self.resumed = 0
        self.agent_rounds = 0

    def record(self, status: int, seconds: float):
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1


class Browser:
    def __init__(self, base: str, stats: Stats, address: str):
        self.base, self.stats, self.address = base, stats, address
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, path: str, data: dict | None = None, expect: tuple[int, ...] = (200, 302)) -> tuple[int, str, dict]:
        url = self.base + path
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={  # noqa: S310 (loopback)
            "Referer": url, "X-Forwarded-For": self.address})
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=120) as response:
                status, text, headers = response.status, response.read().decode(errors="replace"), dict(response.headers)
        except urllib.error.HTTPError as error:
            status, text, headers = error.code, error.read().decode(errors="replace"), dict(error.headers)
        self.stats.record(status, time.perf_counter() - started)
        if status not in expect:
            with self.stats.lock:
                self.stats.unexpected.append(f"{status} {re.sub(r'[0-9a-f-]{36}', '<id>', path)}")
        return status, text, headers

    def post_form(self, path: str, data: dict, expect=(302,)):
        status, html, _ = self.request(path)
        match = TOKEN_RE.search(html)
        if status != 200 or match is None:
            return status, html, {}
        return self.request(path, {"csrfmiddlewaretoken": match.group(1), **data}, expect=expect)


def applicant(base: str, number: int, deadline: float, stats: Stats):
    rng = random.Random(number)
    address = f"198.51.{100 + number // 250}.{number % 250 + 1}"
    while time.monotonic() < deadline:
        browser = Browser(base, stats, address)
        status, _, headers = browser.post_form("/questionnaire/", {})
        if status != 302:
            continue
        case = CASE_RE.search(headers["Location"]).group(1)
        answers = answers_for(rng)
        ok = True
        for step, data in answers.items():
            fields = {"case-current_step": step, "action": "next", **{f"{step}-{k}": v for k, v in data.items()}}
            status, _, _ = browser.post_form(f"/questionnaire/{case}/{step}/", fields)
            if status == 404:
                with stats.lock:
                    stats.lost_cases += 1
            if status != 302:
                ok = False
                break
        if not ok:
            continue
        status, html, _ = browser.request(f"/questionnaire/{case}/resultats/", expect=(200,))
        if status != 200 or "Complémentaire santé solidaire" not in html:
            continue
        if number % 3 == 0:
            status, html, _ = browser.request(f"/questionnaire/{case}/reprendre-plus-tard/", expect=(200,))
            code = CODE_RE.search(html)
            if code:
                other = Browser(base, stats, address)
                status, _, headers = other.post_form("/questionnaire/reprendre/", {"code": code.group(1)})
                if status == 302 and other.request(f"/questionnaire/{case}/resultats/", expect=(200,))[0] == 200:
                    with stats.lock:
                        stats.resumed += 1
        with stats.lock:
            stats.completed.append((case, answers))


def agent(base: str, number: int, deadline: float, stats: Stats, accounts: list[tuple[str, str]]):
    username, password = accounts[number % len(accounts)]
    browser = Browser(base, stats, f"203.0.113.{number + 1}")
    status, _, _ = browser.post_form("/connexion/", {"username": username, "password": password})
    if status != 302:
        return
    rng = random.Random(1000 + number)
    while time.monotonic() < deadline:
        browser.request("/dossiers/", expect=(200,))
        browser.post_form("/dossiers/", {"q": rng.choice(["exemple", "soak", "martin"])})
        last = f"Soak{number}x{rng.randint(0, 10**6)}"
        status, _, headers = browser.post_form("/dossiers/nouveau/", {
            "last_name": last, "first_name": "Test", "birth_date": "1970-01-01", "phone": "", "email": "", "address": "",
        })
        if status != 302:
            continue
        public_id = re.search(r"/dossiers/([0-9a-f-]{36})/", headers["Location"]).group(1)
        status, html, _ = browser.request(f"/dossiers/{public_id}/consentement/", expect=(200,))
        version = re.search(r'name="text_version" value="([^"]+)"', html)
        browser.post_form(f"/dossiers/{public_id}/consentement/", {
            "given_on": time.strftime("%Y-%m-%d"), "text_version": version.group(1) if version else "", "confirmed": "on",
        })
        browser.post_form(f"/dossiers/{public_id}/notes/", {"text": "Rendez-vous fixé."}, expect=(200, 302))
        browser.request(f"/dossiers/{public_id}/", expect=(200,))
        with stats.lock:
            stats.agent_rounds += 1


def verify_answers(completed: list[tuple[str, dict]]) -> tuple[int, int]:
    """(cases whose stored answers equal what was posted, cases that differ)."""
    from eligibility.models import Case

    same = differ = 0
    stored = {str(c.public_id): c.answers for c in Case.objects.filter(public_id__in=[c for c, _ in completed])}
    for case, answers in completed:
        data = (stored.get(case) or {}).get("step_data", {})
        ok = True
        for step, values in answers.items():
            for key, value in values.items():
                expected = value if isinstance(value, list) else [value]
                if data.get(step, {}).get(f"{step}-{key}") != expected:
                    ok = False
        same, differ = (same + 1, differ) if ok else (same, differ + 1)
    return same, differ


def create_database(url: str) -> None:
    """The throwaway server has only the ``postgres`` database: create the one ``DATABASE_URL`` names."""
    import psycopg
    import psycopg.sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urllib.parse.urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0


def workers_rss_mib(master: int) -> list[float]:
    """Resident memory (MiB) of each child process of the gunicorn master ``master`` (Linux /proc)."""
    sizes = []
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return sizes
    for pid in children:
        try:
            sizes.append(rss(pid) / 2**20)
        except OSError:  # a worker being replaced
            continue
    return sizes


def sample_memory(master: int, deadline: float, samples: list[tuple[float, list[float]]], started: float) -> None:
    while time.monotonic() < deadline:
        time.sleep(5)
        samples.append((time.monotonic() - started, workers_rss_mib(master)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=positive, default=50)
    parser.add_argument("--agents", type=int, default=5)
    parser.add_argument("--seconds", type=positive, default=90)
    parser.add_argument("--workers", type=positive, default=3)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Lancez-le avec une base PostgreSQL : scripts/pg_throwaway.sh .venv/bin/python bench/soak.py", file=sys.stderr)
        return 2
    create_database(os.environ["DATABASE_URL"])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "aidsante.settings.test", "TRUSTED_PROXY_COUNT": "1"}
    os.environ.update({"DJANGO_SETTINGS_MODULE": "aidsante.settings.test", "TRUSTED_PROXY_COUNT": "1"})
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PY, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    import django

    django.setup()
    from dossiers.management.commands.load_demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    accounts = [(username, DEMO_PASSWORD) for username, *_rest in DEMO_ACCOUNTS if _rest[2] == 1]
    port = free_port()
    with tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False) as access_log:
        log_path = access_log.name
    server = subprocess.Popen(
        [GUNICORN, "aidsante.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
         "--access-logfile", log_path, "--access-logformat", "%(s)s %(M)s", "--log-level", "warning",
         "--timeout", "120", "--backlog", "256"],
        cwd=ROOT, env=env, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).close()  # noqa: S310 (loopback)
                break
            except OSError:
                time.sleep(0.2)
        stats = Stats()
        started = time.monotonic()
        deadline = started + args.seconds
        threads = [threading.Thread(target=applicant, args=(base, i, deadline, stats)) for i in range(args.applicants)]
        threads += [threading.Thread(target=agent, args=(base, i, deadline, stats, accounts)) for i in range(args.agents)]
        memory: list[tuple[float, list[float]]] = []
        threads.append(threading.Thread(target=sample_memory, args=(server.pid, deadline, memory, started)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(30)
    inside = []
    for line in Path(log_path).read_text().splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            inside.append(int(parts[1]))
    os.unlink(log_path)
    same, differ = verify_answers(stats.completed)
    total = sum(stats.statuses.values())
    errors = sum(n for status, n in stats.statuses.items() if status >= 500)
    print(f"soak: {args.applicants} applicants + {args.agents} social workers, {elapsed:.0f} s, gunicorn "
          f"{args.workers} workers, PostgreSQL, shared database cache")
    print(f"requests: {total} ({total / elapsed:.1f}/s); statuses: {dict(sorted(stats.statuses.items()))}")
    print(f"server errors (5xx): {errors}; other unexpected statuses: {len(stats.unexpected)} "
          f"{sorted(set(stats.unexpected))[:8]}")
    print(f"client latency: median {statistics.median(stats.latencies) * 1000:.0f} ms, "
          f"p95 {percentile(stats.latencies, 0.95) * 1000:.0f} ms")
    print(f"inside gunicorn: median {statistics.median(inside) if inside else 0:.0f} ms, "
          f"p95 {percentile(inside, 0.95):.0f} ms ({len(inside)} requests logged)")
    print(f"cases completed: {len(stats.completed)} (resumed with their code in another browser: {stats.resumed}); "
          f"cases lost (404 on one's own case): {stats.lost_cases}; social workers' rounds: {stats.agent_rounds}")
    print(f"answers verified: {same} cases identical to what was posted, {differ} different")
    warm = next(((t, sizes) for t, sizes in memory if t >= 10 and sizes), None)
    last = next(((t, sizes) for t, sizes in reversed(memory) if sizes), None)
    if warm and last:
        print(f"gunicorn workers' memory (RSS, MiB each): {' '.join(f'{m:.0f}' for m in warm[1])} at {warm[0]:.0f} s, "
              f"{' '.join(f'{m:.0f}' for m in last[1])} at {last[0]:.0f} s; "
              f"largest seen {max(max(sizes) for _, sizes in memory if sizes):.0f}")
    return 1 if errors or differ or stats.lost_cases else 0


if __name__ == "__main__":
    sys.exit(main())
