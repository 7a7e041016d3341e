"""The language of each request: the visitor's choice on the public side, French everywhere else.

The public side (home, questionnaire, results, the person's dossier, the language switcher itself) is
translated; the social workers' workspace, the admin, the API and the health endpoint stay in French,
whatever the visitor's cookie or browser says. A path is public only when it is listed here, so that a new
workspace page is French by default.

Also here: ``/healthz`` answered first, ``no-store`` by default, sliding sessions without write races.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import add_never_cache_headers

PUBLIC_PREFIXES = ("/questionnaire/", "/i18n/")


def is_public_path(path: str) -> bool:
    return path == "/" or path.startswith(PUBLIC_PREFIXES)


class PublicLocaleMiddleware(LocaleMiddleware):
    """Django's ``LocaleMiddleware`` (cookie, then ``Accept-Language``) on public paths only.

    Sets ``request.language_switchable``: the base template shows the language switcher only then.
    """

    def process_request(self, request):
        if is_public_path(request.path_info):
            super().process_request(request)
            request.language_switchable = True
        else:
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            request.language_switchable = False


class HealthCheckMiddleware:
    """``/healthz`` answered first: never reads the session, the user or the host header (load balancers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            from .views import health_response

            return health_response(request)
        return self.get_response(request)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every response that does not set its own cache policy.

    Questionnaire pages show a person's answers (resources, health), the results and the resume code:
    on a shared computer, neither the browser's cache nor a proxy may keep them. Static files are served
    by WhiteNoise before this middleware and keep their long cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control") or "no-store" not in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]:
            add_never_cache_headers(response)
        return response


REFRESH_KEY = "_refreshed_at"


class SessionRefreshMiddleware:
    """Keep a logged-in session alive while it is used, writing it at most every ``SESSION_REFRESH_SECONDS``.

    Replaces ``SESSION_SAVE_EVERY_REQUEST``, which wrote the whole session back at the end of every
    request, so that a slow request (a PDF) overwrote what a parallel request had stored meanwhile.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.accessed and not session.modified and session.get("_auth_user_id"):
            now = int(time.time())
            if now - int(session.get(REFRESH_KEY, 0)) >= settings.SESSION_REFRESH_SECONDS:
                session[REFRESH_KEY] = now
        return response
