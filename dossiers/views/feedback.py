"""The managers' view of « Ce résultat vous surprend ? » and its CSV (issue 15).

A reaction carries the case's id, the estimated CSS status, the rules' version, a reaction and an optional
comment: nothing that names the person. Managers see the public site's reactions and those given on their
own organisation's dossiers, never those of another organisation's dossiers.
"""

from __future__ import annotations

import csv
from io import StringIO

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from eligibility.models import FeedbackReaction, ResultFeedback
from eligibility.rules.enums import CssStatus

from ..models import Dossier
from ..permissions import manager_required
from .statistics import _csv

PAGE_SIZE = 50


def _css_label(status: str) -> str:
    member = CssStatus._value2member_map_.get(status)
    return member.label if member is not None else status


def visible_feedback(organisation):
    """Reactions a manager of ``organisation`` may read: public cases and the organisation's dossiers."""
    others = Dossier.objects.exclude(organisation=organisation).filter(case__isnull=False).values("case__public_id")
    return ResultFeedback.objects.exclude(case_id__in=others)


@never_cache
@manager_required
@require_http_methods(["GET"])
def feedback_list(request):
    feedback = visible_feedback(request.membership.organisation)
    counts = dict(feedback.values_list("reaction").annotate(n=Count("pk")).values_list("reaction", "n"))
    page = Paginator(feedback, PAGE_SIZE).get_page(request.GET.get("page"))
    for item in page.object_list:
        item.css_label = _css_label(item.css_status)
    return render(request, "dossiers/feedback.html", {
        "page": page,
        "counts": [(label, counts.get(value, 0)) for value, label in FeedbackReaction.choices],
        "total": sum(counts.values()),
    })


@never_cache
@manager_required
@require_http_methods(["GET"])
def feedback_csv(request):
    out = StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["date", "questionnaire", "reaction", "libelle", "statut_css", "version_regles", "commentaire"])
    for item in visible_feedback(request.membership.organisation).iterator():
        writer.writerow([item.created_at.date().isoformat(), item.case_id, item.reaction, item.get_reaction_display(),
                         _css_label(item.css_status), item.ruleset_version, item.comment])
    return _csv(out.getvalue(), "avis-resultats.csv")
