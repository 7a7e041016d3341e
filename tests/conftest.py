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

        from eligibility.services import cpam_ceilings

        cache.clear()
        cpam_ceilings.forget()  # the CPAM ceilings kept in memory belong to the previous test's database
    yield
