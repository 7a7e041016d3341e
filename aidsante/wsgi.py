import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidsante.settings.production")
application = get_wsgi_application()

from aidsante.startup import settle_for_requests  # noqa: E402  (after Django is set up)

settle_for_requests()
