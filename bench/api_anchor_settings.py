"""Settings of the API throughput benchmark: production's, with the bench URLs (``bench/api_anchor.py``)."""

from aidsante.settings.production import *  # noqa: F403

ROOT_URLCONF = "api_anchor"
