"""The managers' statistics page, its CSV, and the dossier list as CSV (no personal data in either)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import statistics as figures
from ..forms import StatisticsFilterForm
from ..permissions import manager_required, organisation_dossiers
from . import caseload


def _filters(request):
    """(form, start, end, agent) from the query string; the last twelve months by default."""
    organisation = request.membership.organisation
    form = StatisticsFilterForm(request.GET or None, organisation=organisation)
    start, end = figures.default_period(caseload.today())
    agent = None
    if form.is_bound and form.is_valid():
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
        agent = form.cleaned_data["agent"]
    return form, start, end, agent


@never_cache
@manager_required
@require_http_methods(["GET"])
def statistics(request):
    form, start, end, agent = _filters(request)
    stats = None
    if not form.is_bound or form.is_valid():
        stats = figures.compute(request.membership.organisation, start, end, caseload.today(), agent=agent)
    return render(request, "dossiers/statistics.html", {
        "form": form, "stats": stats, "query": request.GET.urlencode(),
    })


def _csv(content: str, filename: str) -> HttpResponse:
    response = HttpResponse("\ufeff" + content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@manager_required
@require_http_methods(["GET"])
def statistics_csv(request):
    form, start, end, agent = _filters(request)
    if form.is_bound and not form.is_valid():
        return HttpResponse("Période invalide.", status=400, content_type="text/plain; charset=utf-8")
    stats = figures.compute(request.membership.organisation, start, end, caseload.today(), agent=agent)
    return _csv(figures.statistics_csv(stats), f"statistiques-{start.isoformat()}-{end.isoformat()}.csv")


@never_cache
@manager_required
@require_http_methods(["GET"])
def dossiers_csv(request):
    form, start, end, agent = _filters(request)
    if form.is_bound and not form.is_valid():
        return HttpResponse("Période invalide.", status=400, content_type="text/plain; charset=utf-8")
    dossiers = organisation_dossiers(request.membership).filter(
        created_at__date__gte=start, created_at__date__lte=end,
    ).order_by("created_at", "pk")
    if agent is not None:
        dossiers = dossiers.filter(assigned_to=agent)
    return _csv(figures.dossiers_csv(dossiers), f"dossiers-{start.isoformat()}-{end.isoformat()}.csv")
