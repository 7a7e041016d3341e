"""JSON API, contract v1 (shared/contract/simulation-api.md): ``POST /api/v1/simulations``.

The API is stateless: it reads no session, sets no cookie and stores nothing, so it is exempt from
CSRF tokens; it only accepts ``application/json`` bodies, which a cross-site HTML form cannot send.
Invalid input answers 400 with every error and its path, 413 over 256 KiB, 415 for another content
type; never a 500 for anything a client sends. ``guarded`` adds the per-client rate limit (429) and
keeps server failures in JSON (503 when the database does not answer, 500 otherwise).
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from eligibility.api_guard import guarded
from eligibility.rules.parameters import ParameterDateError
from eligibility.rules.situation import InvalidSituation
from eligibility.services import run_simulation


def _errors(status: int, *errors: tuple[str, str]) -> JsonResponse:
    return JsonResponse(
        {"errors": [{"path": path, "message": message} for path, message in errors]},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


@csrf_exempt
@never_cache
@guarded
def simulations(request):
    if request.method != "POST":
        response = _errors(405, ("", "Méthode non autorisée : envoyez la situation en POST."))
        response["Allow"] = "POST"
        return response
    content_type = request.content_type or ""
    if content_type != "application/json":
        return _errors(415, ("", "Le corps de la requête doit être du JSON (Content-Type: application/json)."))
    limit = settings.API_MAX_BODY_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        return _errors(413, ("", f"Requête trop volumineuse : {limit // 1024} Kio au plus."))
    body = request.read(limit + 1)
    if len(body) > limit:
        return _errors(413, ("", f"Requête trop volumineuse : {limit // 1024} Kio au plus."))
    try:
        data = json.loads(body.decode(request.encoding or "utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        where = f" (ligne {exc.lineno}, colonne {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        return _errors(400, ("", f"JSON invalide{where} : vérifiez la syntaxe du document."))
    try:
        result = run_simulation(data, today=timezone.localdate())
    except InvalidSituation as exc:
        return _errors(400, *((e.path, e.message) for e in exc.errors))
    except ParameterDateError as exc:
        return _errors(400, ("request_date", str(exc)))
    return JsonResponse(result, json_dumps_params={"ensure_ascii": False})


@require_GET
def openapi(request):
    # Imported here: pydantic's schema machinery is only needed for this document.
    from eligibility.openapi import openapi_document

    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
