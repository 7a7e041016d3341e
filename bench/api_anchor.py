"""URLs of the API throughput benchmark (``bench/bench_api.py``): the project's own, plus one bare Django
view to compare with (settings: ``bench/api_anchor_settings.py``).

``POST /bench/bare?size=N`` parses the JSON body like the API and answers JSON of N bytes (the size of
the API's answer for the same body): the same server, middleware and workers, without the rules.
"""

import json

from django.http import HttpResponse, JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def bare(request):
    if request.method != "POST":
        return HttpResponse(status=405)
    data = json.loads(request.read())
    size = int(request.GET.get("size", "2"))
    answer = {"echo": len(data), "padding": ""}
    filler = size - len(json.dumps(answer, ensure_ascii=False).encode())
    answer["padding"] = "x" * max(filler, 0)
    return JsonResponse(answer, json_dumps_params={"ensure_ascii": False})


urlpatterns = [
    path("bench/bare", bare),
    path("", include("aidsante.urls")),
]
