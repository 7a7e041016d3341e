"""JSON API, contract v1 (shared/contract/simulation-api.md): ``POST /api/v1/simulations``.

The API is stateless: it reads no session, sets no cookie and stores nothing, so it is exempt from
CSRF tokens; it only accepts ``application/json`` bodies, which a cross-site HTML form cannot send.
Invalid input answers 400 with every error and its path, 413 over the size limit, 415 for another
content type; never a 500 for anything a client sends. ``guarded`` adds the per-client rate limit (429)
and keeps server failures in JSON (503 when the database does not answer, 500 otherwise).

The body is one situation (256 KiB at most) or a list of situations (a batch: ``API_MAX_BATCH_ITEMS``
items and ``API_MAX_BATCH_BODY_BYTES`` at most). A batch answers a list of results in the same order,
streamed one item at a time once every item is valid; an invalid item gives a 400 whose error paths
start with its index (``[12].members[0].birth_date``). ``?detail=figures`` leaves out the texts
(reasons, notes, checklists) and keeps the figures, statuses and codes.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from eligibility.api_guard import guarded
from eligibility.rules.situation import InvalidSituation
from eligibility.services import (
    DETAIL_FULL,
    DETAILS,
    cpam_ceilings,
    encoded_result,
    parse_batch,
    parse_one,
    stream_results,
)

JSON = "application/json"


def _errors(status: int, *errors: tuple[str, str]) -> JsonResponse:
    return JsonResponse(
        {"errors": [{"path": path, "message": message} for path, message in errors]},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def _too_large(limit: int, what: str) -> JsonResponse:
    return _errors(413, ("", f"Requête trop volumineuse : {limit // 1024} Kio au plus pour {what}."))


def _starts_a_list(body: bytes) -> bool:
    return body.lstrip(b" \t\r\n")[:1] == b"["


@csrf_exempt
@never_cache
@guarded
def simulations(request):
    if request.method != "POST":
        response = _errors(405, ("", "Méthode non autorisée : envoyez la situation en POST."))
        response["Allow"] = "POST"
        return response
    content_type = request.content_type or ""
    if content_type != JSON:
        return _errors(415, ("", "Le corps de la requête doit être du JSON (Content-Type: application/json)."))
    detail = request.GET.get("detail", DETAIL_FULL)
    if detail not in DETAILS:
        return _errors(400, ("detail", f"Valeur inconnue. Valeurs possibles : {', '.join(DETAILS)}."))
    single_limit, batch_limit = settings.API_MAX_BODY_BYTES, settings.API_MAX_BATCH_BODY_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > batch_limit:
        return _too_large(batch_limit, "une liste de situations")
    body = request.read(batch_limit + 1)
    if len(body) > batch_limit:
        return _too_large(batch_limit, "une liste de situations")
    if len(body) > single_limit and not _starts_a_list(body):
        return _too_large(single_limit, "une situation")
    try:
        data = json.loads(body.decode(request.encoding or "utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        where = f" (ligne {exc.lineno}, colonne {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        return _errors(400, ("", f"JSON invalide{where} : vérifiez la syntaxe du document."))
    del body
    today = timezone.localdate()
    if isinstance(data, list):
        return _batch(data, today, detail)
    try:
        situation = parse_one(data, today=today)
    except InvalidSituation as exc:
        return _errors(400, *((e.path, e.message) for e in exc.errors))
    return HttpResponse(encoded_result(situation, cpam_ceilings.directory(), detail), content_type=JSON)


def _batch(items: list, today, detail: str):
    if not items:
        return _errors(400, ("", "La liste est vide : envoyez au moins une situation."))
    limit = settings.API_MAX_BATCH_ITEMS
    if len(items) > limit:
        return _errors(413, ("", f"Trop de situations dans la liste : {limit} au plus par requête."))
    try:
        situations = parse_batch(items, today=today)
    except InvalidSituation as exc:
        return _errors(400, *((e.path, e.message) for e in exc.errors))
    # Every item is valid: the results stream out one by one, the status is already 200.
    return StreamingHttpResponse(stream_results(situations, cpam_ceilings.directory(), detail), content_type=JSON)


@require_GET
def openapi(request):
    # Imported here: pydantic's schema machinery is only needed for this document.
    from eligibility.openapi import openapi_document

    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
