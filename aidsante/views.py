"""Site-wide views: home page, health endpoint and the error page that never depends on the session."""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("aidsante")


@require_safe
def home(request):
    return render(request, "home.html")


def health_response(request) -> JsonResponse:
    """200 when the database and the shared cache answer, 503 otherwise (load balancers, monitoring).

    Called by ``aidsante.middleware.HealthCheckMiddleware`` before any other middleware: it reads no
    session, no user and no host header, so a database outage answers 503 JSON, never a 500 page.
    """
    status = {"status": "ok", "database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        status.update(status="error", database="unreachable")
    try:
        cache.get("healthz")
    except Exception:  # any backend's connection error: the cache cannot be reached
        logger.warning("healthz: the shared cache does not answer")
        status.update(status="error", cache="unreachable")
    response = JsonResponse(status, status=200 if status["status"] == "ok" else 503)
    add_never_cache_headers(response)
    return response


@never_cache
@require_safe
def healthz(request):
    return health_response(request)


def server_error(request, *args, **kwargs):
    """The 500 page: a static template rendered without the request (no session, no user, no database).

    Under ``/api/`` the error is JSON, like every other API answer.
    """
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"errors": [{"path": "", "message": "Erreur interne du service : réessayez dans quelques minutes."}]},
            status=500, json_dumps_params={"ensure_ascii": False},
        )
    return HttpResponse(loader.get_template("500.html").render(), status=500)
