"""State shared across workers and servers: two gunicorn servers on one PostgreSQL and one cache, and Redis.

The servers tests need PostgreSQL (``make test`` runs them in its PostgreSQL pass; two processes cannot
share SQLite's in-memory test database) and are skipped on SQLite. The Redis tests start Debian's
``redis-server`` on a free loopback port and are skipped when it is not installed
(``scripts/install_test_system_deps.sh`` installs it).
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from eligibility.models import Case
from eligibility.throttle import SlotThrottle

from .test_hostile_input import every_step_answers

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("two servers share one database: runs in make test's PostgreSQL pass")


def database_url() -> str:
    s = connection.settings_dict
    user = urllib.parse.quote(s["USER"] or "")
    password = f":{urllib.parse.quote(s['PASSWORD'])}" if s["PASSWORD"] else ""
    return f"postgres://{user}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class Server:
    """One gunicorn app server (threads, so that one slow request does not block the others)."""

    def __init__(self, env: dict):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(GUNICORN), "aidsante.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", "1",
             "--threads", "4", "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )

    def wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(self.process.stderr.read().decode()[-3000:])
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:  # noqa: S310 (loopback)
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise AssertionError("gunicorn did not answer")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def servers(transactional_db):
    needs_postgresql()
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "SENTRY_DSN"}}
    env.update({"DJANGO_SETTINGS_MODULE": "aidsante.settings.test", "DATABASE_URL": database_url()})
    started = [Server(env), Server(env)]
    try:
        for server in started:
            server.wait()
        yield started
    finally:
        for server in started:
            server.stop()


class Browser:
    """A browser: one cookie jar for every server of the site (cookies do not depend on the port)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, url: str, data: dict | None = None) -> tuple[int, str, dict]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310 (loopback)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode(errors="replace"), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), dict(error.headers)

    def post_form(self, page_url: str, data: dict, action_url: str | None = None):
        status, html, _ = self.request(page_url)
        assert status == 200, (page_url, status)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return self.request(action_url or page_url, {"csrfmiddlewaretoken": token, **data})


@pytest.mark.postgres
def test_the_resume_code_throttle_counts_across_two_servers(servers):
    a, b = servers
    case = Case.objects.create(resume_code="GOODCODE23")
    visitor = Browser()
    resume = "/questionnaire/reprendre/"
    for i in range(9):
        server = (a, b)[i % 2]
        status, html, _ = visitor.post_form(server.base + resume, {"code": "ZZZZ-ZZZZ-ZZ"})
        assert status == 400 and "ne correspond à aucun" in html
    # A right code is accepted by either server (it gives its slot back)…
    for server in (a, b):
        status, _, headers = visitor.post_form(server.base + resume, {"code": "GOOD-CODE-23"})
        assert status == 302 and str(case.public_id) in headers["Location"]
    # …the tenth wrong code, on the other server, fills the counter shared by both.
    assert visitor.post_form(b.base + resume, {"code": "ZZZZ-ZZZZ-ZZ"})[0] == 400
    for server in (a, b):
        status, html, _ = visitor.post_form(server.base + resume, {"code": "GOOD-CODE-23"})
        assert status == 429 and "Trop de codes" in html


@pytest.mark.postgres
def test_a_burst_of_parallel_guesses_gets_no_more_than_the_limit(transactional_db):
    """Twenty guesses at once, on the database cache: exactly ten slots (a read-then-write counter let all through)."""
    needs_postgresql()
    throttle = SlotThrottle("burst-test", 10, 60)

    def guess(_):
        try:
            return throttle.acquire("198.51.100.50") is not None
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        granted = list(pool.map(guess, range(20)))
    assert sum(granted) == 10


@pytest.mark.postgres
def test_two_tabs_a_slow_pdf_and_a_new_case_on_two_servers(servers):
    """Tab A downloads its PDF on one server while tab B starts a case on the other: neither loses its case."""
    a, b = servers
    browser = Browser()
    status, _, headers = browser.post_form(a.base + "/questionnaire/", {}, a.base + "/questionnaire/")
    assert status == 302
    case_a = re.search(r"/questionnaire/([0-9a-f-]{36})/", headers["Location"]).group(1)
    answers = every_step_answers()
    for step, data in answers.items():
        url = f"{a.base}/questionnaire/{case_a}/{step}/"
        fields = {"case-current_step": step, "action": "next"}
        fields.update({f"{step}-{key}": value for key, value in data.items()})
        status, html, _ = browser.post_form(url, fields)
        assert status == 302, (step, status, html[-500:])
    results = {}

    def download_pdf():
        results["pdf"] = browser.request(f"{a.base}/questionnaire/{case_a}/dossier.pdf")

    tab_a = threading.Thread(target=download_pdf)
    tab_a.start()
    status, _, headers = browser.post_form(b.base + "/questionnaire/", {}, b.base + "/questionnaire/")
    assert status == 302
    case_b = re.search(r"/questionnaire/([0-9a-f-]{36})/", headers["Location"]).group(1)
    tab_a.join(60)
    status, body, headers = results["pdf"]
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    for server in (a, b):
        assert browser.request(f"{server.base}/questionnaire/{case_b}/residence/")[0] == 200
        assert browser.request(f"{server.base}/questionnaire/{case_a}/resultats/")[0] == 200
    assert not Session.objects.exists()


# --------------------------------------------------------------------------- Redis


@pytest.fixture
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (scripts/install_test_system_deps.sh installs it)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0", process
    finally:
        process.terminate()
        process.wait(10)


def redis_caches(url: str) -> dict:
    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}


@pytest.mark.django_db
def test_throttles_on_a_real_redis_server(redis_url, monkeypatch):
    from django.core.cache import cache

    from eligibility.questionnaire.views import QuestionnaireWizard

    monkeypatch.setattr(QuestionnaireWizard, "today", lambda self: date(2026, 11, 22))
    url, _process = redis_url
    with override_settings(CACHES=redis_caches(url)):
        assert cache.__class__.__name__ == "ConnectionProxy"
        from django.core.cache import caches

        assert caches["default"].__class__.__name__ == "RedisCache"
        visitor = Client(REMOTE_ADDR="203.0.113.30")
        for _ in range(10):
            assert visitor.post(reverse("questionnaire:resume"), {"code": "ZZZZ-ZZZZ-ZZ"}).status_code == 400
        assert visitor.post(reverse("questionnaire:resume"), {"code": "ZZZZ-ZZZZ-ZZ"}).status_code == 429
        # The counters are in Redis: another "process" (a fresh client of the same server) sees them.
        import redis

        keys = redis.Redis.from_url(url).keys("*throttle:resume-code:*")
        assert len(keys) == 10
        # A burst of parallel guesses takes exactly the limit (SET NX).
        throttle = SlotThrottle("redis-burst", 10, 60)
        with ThreadPoolExecutor(max_workers=20) as pool:
            granted = list(pool.map(lambda _: throttle.acquire("198.51.100.60") is not None, range(20)))
        assert sum(granted) == 10
        assert Client().get("/healthz").json()["cache"] == "ok"


@pytest.mark.django_db
def test_healthz_says_when_redis_is_down(redis_url):
    url, process = redis_url
    with override_settings(CACHES=redis_caches(url)):
        assert Client().get("/healthz").status_code == 200
        process.terminate()
        process.wait(10)
        response = Client().get("/healthz")
        assert response.status_code == 503
        assert response.json()["cache"] == "unreachable"
