"""No database yet, or the database down: each entry point says so in one line or answers JSON, never a traceback.

Each test runs a fresh Python process, as a newcomer's shell or a server would: a missing SQLite
directory (a fresh clone before ``make run``) or a PostgreSQL address where nothing listens (a server
whose database is down).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.examples import CONTRACT_EXAMPLE

ROOT = Path(__file__).resolve().parents[2]
NO_DATABASE_NOTE = "Plafonds locaux des aides des CPAM non lus"
HINT = "Base de données absente ou inaccessible"


def environment(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SENTRY_DSN"}}
    env.update({"DJANGO_SETTINGS_MODULE": "aidsante.settings.dev", "AIDSANTE_VAR_DIR": str(tmp_path / "absent" / "var")})
    env.update(extra)
    return env


def run(args, tmp_path, **extra):
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environment(tmp_path, **extra),
                          capture_output=True, text=True, timeout=120)


def test_simulate_before_any_database_says_so_in_one_french_line(tmp_path):
    situation = tmp_path / "situation.json"
    situation.write_text(json.dumps(CONTRACT_EXAMPLE), encoding="utf-8")
    done = run(["manage.py", "simulate", str(situation)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert [line for line in done.stderr.splitlines() if line.strip()] == [
        line for line in done.stderr.splitlines() if HINT in line
    ]
    result = json.loads(done.stdout)
    assert result["css"]["household_size"] == 3
    assert any(NO_DATABASE_NOTE in note for note in result["to_verify"])
    assert result["cpam_aid"]["ceiling_is_default"] is True


def test_dossier_pdf_before_any_database_writes_the_pdf(tmp_path):
    situation = tmp_path / "situation.json"
    situation.write_text(json.dumps(CONTRACT_EXAMPLE), encoding="utf-8")
    output = tmp_path / "dossier.pdf"
    done = run(["manage.py", "dossier_pdf", str(situation), "-o", str(output)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and HINT in done.stderr
    assert output.read_bytes().startswith(b"%PDF")


DATABASE_DOWN = r"""
import json, django
django.setup()
from django.test import Client
from django.conf import settings

client = Client(raise_request_exception=False)
client.cookies[settings.SESSION_COOKIE_NAME] = "a" * 32  # a visitor who has a session
out = {}
response = client.get("/healthz")
out["healthz"] = [response.status_code, response["Content-Type"], response.json()]
response = client.post("/api/v1/simulations", EXAMPLE, content_type="application/json")
out["api"] = [response.status_code, response["Content-Type"], response.json()]
response = client.get("/dossiers/")
out["workspace"] = [response.status_code, response["Content-Type"], response.content.decode()[:2000]]
response = client.get("/")
out["home"] = [response.status_code, response["Content-Type"], response.content.decode()[:2000]]
print(json.dumps(out))
"""


def test_with_the_database_down_health_and_api_answer_json_and_pages_a_plain_error(tmp_path):
    code = DATABASE_DOWN.replace("EXAMPLE", repr(CONTRACT_EXAMPLE))
    done = run(["-c", code], tmp_path, DJANGO_SETTINGS_MODULE="aidsante.settings.test",
               DATABASE_URL="postgres://aidsante@127.0.0.1:9/aidsante?connect_timeout=2")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    status, content_type, body = out["healthz"]
    assert status == 503 and content_type == "application/json"
    assert body["database"] == "unreachable"
    # The API needs the database only for the local CPAM ceilings: it answers with the built-in default.
    status, content_type, body = out["api"]
    assert status == 200 and content_type.startswith("application/json")
    assert any(NO_DATABASE_NOTE in note for note in body["to_verify"])
    # A page that needs the session: the plain 500 page, which depends on neither session nor database.
    status, content_type, body = out["workspace"]
    assert status == 500 and content_type.startswith("text/html")
    assert "Une erreur est survenue" in body
    # Every personal detail stays out of the log lines of the failures.
    assert "Dupont" not in done.stderr
