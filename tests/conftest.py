"""Shared test configuration."""

import os

import pytest

# Browser tests run Playwright's sync API inside pytest-django's live server thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Counters kept in the cache (resume-code attempts) must not leak from one test to the next."""
    if "django_db_setup" in request.fixturenames or request.node.get_closest_marker("django_db"):
        from django.core.cache import cache

        # The shared cache is the database cache table (as in production): clear it outside the test's
        # own transaction.
        with request.getfixturevalue("django_db_blocker").unblock():
            cache.clear()
    yield
