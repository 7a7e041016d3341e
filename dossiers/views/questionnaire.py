"""The public questionnaire wizard, mounted inside a dossier (same steps, same forms, same rules).

``DossierQuestionnaireWizard`` only changes whose case it is and who may touch it: the dossier is fetched
with ``get_dossier`` (404 for another organisation), nothing is shown before the applicant's consent, the
agent may set the request date, and there is no "save for later" (the dossier keeps the answers). Each
computed result is stored on the dossier (``result``, ``result_computed_at``); the PDF prints the
organisation's details and is logged.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils import timezone, translation

from eligibility.models import Case
from eligibility.presentation.pdf import pdf_response
from eligibility.questionnaire.journey import JOURNEY, RESULTS_STEP, SCHEMA_VERSION
from eligibility.questionnaire.views import QuestionnaireWizard

from ..audit import record
from ..models import AuditAction, Dossier
from ..permissions import get_dossier, member_required

NAMESPACE = "dossiers:questionnaire"


class DossierQuestionnaireWizard(QuestionnaireWizard):
    url_namespace = NAMESPACE
    allow_save_for_later = False

    def dispatch(self, request, *args, **kwargs):
        self.dossier = get_dossier(request, kwargs["public_id"])
        if not self.dossier.has_consent:
            return redirect("dossiers:consent", public_id=self.dossier.public_id)
        response = super().dispatch(request, *args, **kwargs)
        if request.method == "POST" and self.mode == "step":
            self.dossier.touch()
            record(request.user, self.dossier, AuditAction.CHANGED, "questionnaire")
        elif self.mode == "step" and response.status_code == 200:
            record(request.user, self.dossier, AuditAction.VIEWED, "questionnaire")
        return response

    # hooks of QuestionnaireWizard ---------------------------------------------------------------------

    def get_case(self) -> Case:
        """The dossier's case, created on first use (closed to anonymous edits: it belongs to the dossier)."""
        if self.dossier.case is not None:
            return self.dossier.case
        with transaction.atomic():
            case = Case.objects.create(schema_version=SCHEMA_VERSION, closed_at=timezone.now())
            attached = Dossier.objects.filter(pk=self.dossier.pk, case__isnull=True).update(case=case)
            if not attached:  # another request attached one first: use it
                case.delete()
                self.dossier.refresh_from_db(fields=["case"])
                return self.dossier.case
        self.dossier.case = case
        return case

    def get_url_kwargs(self) -> dict:
        return {"public_id": self.dossier.public_id}

    def can_edit(self) -> bool:
        return True

    def can_set_request_date(self) -> bool:
        return True

    def get_pdf_organisation(self):
        return self.dossier.organisation

    def is_professional(self) -> bool:
        return True

    def get_person_label(self) -> str | None:
        return self.dossier.full_name

    def printed_language(self) -> str:
        """The language the person's dossier is printed in (``?langue=ar``): French unless the agent asks.

        The workspace stays in French; the dossier handed to the person can be in their language, next to
        the French one (the reference).
        """
        code = self.request.GET.get("langue", "")
        return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

    def print_version(self):
        with translation.override(self.printed_language()):
            response = super().print_version()
        if response.status_code == 200:
            record(self.request.user, self.dossier, AuditAction.PRINTED, "html")
        return response

    # results: stored on the dossier -------------------------------------------------------------------

    def simulation(self):
        result, response = super().simulation()
        if result is not None:
            self.store_result(result)
        return result, response

    def store_result(self, result) -> None:
        data = json.loads(json.dumps(result.as_dict(), default=str))
        if data == self.dossier.result:
            return
        now = timezone.now()
        Dossier.objects.filter(pk=self.dossier.pk).update(result=data, result_computed_at=now, last_activity_at=now)
        self.dossier.result, self.dossier.result_computed_at = data, now
        record(self.request.user, self.dossier, AuditAction.CHANGED, "results")

    results_template = "dossiers/questionnaire_results.html"

    def results(self, **kwargs):
        response = super().results(**kwargs)
        if response.status_code in (200, 400):
            record(self.request.user, self.dossier, AuditAction.VIEWED, "results")
        return response

    def results_context(self, result, **kwargs) -> dict:
        context = super().results_context(result, **kwargs)
        context.update({"dossier": self.dossier, "can_edit": True})
        return context

    def get_pdf_url(self) -> str:
        return reverse("dossiers:pdf", kwargs=self.get_url_kwargs())

    def pdf(self):
        result, response = self.simulation()
        if response is not None:
            return response
        with translation.override(self.printed_language()):
            response = pdf_response(result, organisation=self.dossier.organisation, person_label=self.dossier.full_name)
        record(self.request.user, self.dossier, AuditAction.PRINTED)
        return response


def _view(**initkwargs):
    return member_required(DossierQuestionnaireWizard.as_view(**initkwargs))


pdf_view = _view(mode="pdf")

urlpatterns = [
    path("", _view(), name="case"),
    path(f"{RESULTS_STEP}/", _view(mode="results"), name="results"),
    path("dossier/", _view(mode="print"), name="print"),
    path("courriers/<slug:letter>/", _view(mode="letter"), name="letter"),
    path("avis/", _view(mode="feedback"), name="feedback"),
    path("admission/", _view(mode="admission"), name="admission"),
    path("<slug:step>/", _view(), name="step"),
]
questionnaire_include = include((urlpatterns, "questionnaire"))


def dossier_questionnaire_urls(dossier) -> list[str]:
    """Every URL of the questionnaire of one dossier (used by the isolation tests)."""
    kwargs = {"public_id": dossier.public_id}
    return [
        reverse(f"{NAMESPACE}:case", kwargs=kwargs),
        reverse(f"{NAMESPACE}:results", kwargs=kwargs),
        reverse(f"{NAMESPACE}:print", kwargs=kwargs),
        reverse(f"{NAMESPACE}:letter", kwargs={**kwargs, "letter": "reclamation"}),
        reverse(f"{NAMESPACE}:feedback", kwargs=kwargs),
        reverse(f"{NAMESPACE}:admission", kwargs=kwargs),
        *(reverse(f"{NAMESPACE}:step", kwargs={**kwargs, "step": step.name}) for step in JOURNEY),
    ]
