"""What protects the JSON API: a per-client rate limit and errors that stay JSON.

``guarded`` wraps an API view: over ``THROTTLE_API`` requests per minute from one client (address from
``eligibility.client``, counted in the shared cache) it answers 429 with ``Retry-After``; a database
that does not answer gives 503 with ``Retry-After``; any other failure a 500; always in the API's error
format (``{"errors": [{"path", "message"}]}``), never an HTML page. The rate limit fails open when the
cache itself is down (the API needs neither the database nor the cache to compute).
"""

from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import JsonResponse

from .client import client_ip
from .throttle import RateCounter

logger = logging.getLogger("eligibility.api")
RETRY_AFTER_UNAVAILABLE = 30  # seconds


def error_response(status: int, message: str, *, retry_after: int | None = None) -> JsonResponse:
    response = JsonResponse({"errors": [{"path": "", "message": message}]}, status=status,
                            json_dumps_params={"ensure_ascii": False})
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def _rate_limited(request) -> int | None:
    """Seconds to wait when the client is over its rate, else ``None``."""
    limit, window = settings.THROTTLE_API
    try:
        allowed, reset = RateCounter("api", limit, window).hit(client_ip(request))
    except Exception:  # the shared cache is down: serve rather than refuse everyone
        logger.warning("API rate limit skipped: the shared cache does not answer")
        return None
    return None if allowed else max(reset, 1)


def guarded(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if (wait := _rate_limited(request)) is not None:
            return error_response(
                429, f"Trop de requêtes depuis cette adresse : {settings.THROTTLE_API[0]} par minute au plus. "
                     f"Réessayez dans {wait} secondes.", retry_after=wait,
            )
        try:
            return view(request, *args, **kwargs)
        except DatabaseError:
            logger.exception("API: database unavailable")
            return error_response(503, "Service momentanément indisponible : réessayez dans quelques instants.",
                                  retry_after=RETRY_AFTER_UNAVAILABLE)
        except Exception:
            logger.exception("API: unexpected error")
            return error_response(500, "Erreur interne du service : réessayez dans quelques minutes.")

    return wrapper
