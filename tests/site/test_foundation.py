"""The project's base: home page, health endpoint, security headers, settings, logging."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError, connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_home_page_is_french_and_accessible_shell(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert 'class="skip-link" href="#contenu"' in html
    assert '<main id="contenu"' in html
    assert "<footer" in html
    assert 'media="print"' in html
    assert "Complémentaire santé solidaire" in html


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response.headers["Cache-Control"] or "max-age=0" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_database_unreachable(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_database_backend_is_the_expected_one():
    """make test runs the suite on SQLite, then on a throwaway PostgreSQL 15: prove which one ran."""
    expected = os.environ.get("EXPECTED_DB_VENDOR")
    if expected is None:
        pytest.skip("EXPECTED_DB_VENDOR is set by make test")
    assert connection.vendor == expected
    if expected == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            assert cursor.fetchone()[0].startswith("15")


def _run_manage(*args, env_extra):
    env = {
        k: v for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = _run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "aidsante.settings.production",
            "SECRET_KEY": "x" * 20 + "-production-like-secret-key-for-the-deploy-check-0123456789",
            "ALLOWED_HOSTS": "aidsante.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = _run_manage(
        "check",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "aidsante.settings.production",
            "ALLOWED_HOSTS": "aidsante.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
    )
    assert result.returncode != 0
    assert "SECRET_KEY manquante" in result.stderr
    assert "Traceback" not in result.stderr.split("ImproperlyConfigured")[-1]


def test_log_filter_drops_request_query_and_exception_message():
    from aidsante.logging import NoPersonalDataFilter

    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Erreur sur %s", ("/api?nom=Dupont",), None)
    record.request = object()
    try:
        raise ValueError("Jeanne Dupont, 12 rue des Lilas")
    except ValueError:
        record.exc_info = sys.exc_info()
    assert NoPersonalDataFilter().filter(record)
    formatted = logging.Formatter("%(message)s").format(record)
    assert "Dupont" not in formatted
    assert "Lilas" not in formatted
    assert "ValueError" in formatted
    assert record.request is None


def test_system_check_script_passes_on_this_machine():
    result = subprocess.run([sys.executable, "scripts/check_system.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_system_check_names_the_apt_packages_when_a_library_is_missing(monkeypatch, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import check_system
    finally:
        sys.path.pop(0)
    monkeypatch.setattr(check_system.ctypes.util, "find_library", lambda name: None if name.startswith("pango") else "lib")
    assert check_system.main() == 1
    err = capsys.readouterr().err
    assert "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0" in err


@pytest.mark.django_db
def test_head_requests_are_answered(client):
    assert client.head("/").status_code == 200
    assert client.head("/healthz").status_code == 200
