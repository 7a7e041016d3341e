"""Shared test configuration."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# Browser tests run Playwright's sync API inside pytest-django's live server thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def pytest_configure(config):
    """Compile the translation catalogues that changed since their .mo (``make`` does it too).

    Runs once, in the main process before any xdist worker starts; each .mo is written aside then moved
    into place, so that a server reading it never sees half a file.
    """
    if hasattr(config, "workerinput") or shutil.which("msgfmt") is None:
        return
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            partial = mo.with_suffix(".mo.partial")
            subprocess.run(["msgfmt", "--check", "-o", str(partial), str(po)], check=True)
            partial.replace(mo)


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Counters kept in the cache (resume-code attempts) must not leak from one test to the next."""
    if "django_db_setup" in request.fixturenames or request.node.get_closest_marker("django_db"):
        from django.core.cache import cache

        from eligibility.services import cpam_ceilings

        # The shared cache is the database cache table (as in production): clear it outside the test's
        # own transaction.
        with request.getfixturevalue("django_db_blocker").unblock():
            cache.clear()
        cpam_ceilings.forget()  # the CPAM ceilings kept in memory belong to the previous test's database
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French: a request's language (the cookie) stays active in its thread afterwards."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
