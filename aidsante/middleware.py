"""The language of each request: the visitor's choice on the public side, French everywhere else.

The public side (home, questionnaire, results, the person's dossier, the language switcher itself) is
translated; the social workers' workspace, the admin, the API and the health endpoint stay in French,
whatever the visitor's cookie or browser says. A path is public only when it is listed here, so that a new
workspace page is French by default.

Also here: ``/healthz`` answered first, ``no-store`` by default, sliding sessions without write races, and
the JSON API's shorter middleware chain.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.exception import convert_exception_to_response
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import add_never_cache_headers

PUBLIC_PREFIXES = ("/questionnaire/", "/i18n/")
API_PREFIX = "/api/"
#: What every API answer carries in place of the pages' policy: JSON loads nothing and is never framed.
API_HEADERS = {"Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'", "X-Frame-Options": "DENY"}


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


class ApiMiddleware:
    """The JSON API (``/api/``) skips the middleware of the pages (issue 11: per-request cost).

    The API is stateless: it reads no session and no user, takes no CSRF token, speaks French whatever the
    visitor's language, sets no cookie and has no login to lock out. Sessions, authentication and its second
    factor, messages, CSRF, language negotiation, common redirects, the login lockout (axes) and the pages'
    content security policy cost as much as a fifth of a simulation; the middleware placed before this one
    (health check, HTTPS and security headers, static files, ``no-store``) still applies. Below it, an API
    request goes straight to Django's URL resolution, view call and error handling, in French, with a
    strict policy of its own (``API_HEADERS``).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        views_only = BaseHandler()  # Django's view call and error handling, with no middleware of its own
        views_only._view_middleware, views_only._template_response_middleware = [], []
        views_only._exception_middleware = []
        self.call_view = convert_exception_to_response(views_only._get_response)

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        response = self.call_view(request)
        for header, value in API_HEADERS.items():
            response.headers.setdefault(header, value)
        response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
        return response
