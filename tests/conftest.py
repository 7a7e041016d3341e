"""Shared test configuration."""

import os

# Browser tests run Playwright's sync API inside pytest-django's live server thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
