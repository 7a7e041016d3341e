"""The pages of a result, for one mount of the questionnaire (``views.QuestionnaireWizard`` and its subclasses):
the results, the feedback form, the letters, the dossier (PDF and its print version) and the admission desk page.

``ResultPages`` is mixed into the wizard, whose ``get()`` calls one of these by ``mode``; it relies on the wizard
for the simulation of the stored answers (``simulation()``: the result, or a redirect to the step to fix), the
mount's URLs (``url()``, ``get_step_url()``, ``get_pdf_url()``), its case and permissions (``case``,
``can_edit()``, ``is_professional()``, ``get_pdf_organisation()``) and ``member_titles``. A mount changes
``results_template``, ``results_context()`` or ``get_person_label()`` (a social worker's dossier names the person).
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import override

from eligibility.presentation.context import build_context
from eligibility.presentation.letters import (
    WHEN,
    LetterForm,
    letter_docx,
    letter_filename,
    letter_kinds_for,
    letters_with_translation,
    render_letter_pdf,
)
from eligibility.presentation.pdf import admission_html, html_to_pdf, pdf_response, render_dossier_html

from . import keep, presenter
from .journey import REVIEW_STEP, Answers
from .to_situation import build_situation

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class ResultPages:
    """The result's pages of the questionnaire wizard (module docstring)."""

    results_template = "questionnaire/results.html"

    def results(self, *, feedback_form=None, status: int = 200):
        result, response = self.simulation()
        if response is not None:
            return response
        return render(self.request, self.results_template,
                      self.results_context(result, feedback_form=feedback_form), status=status)

    def results_context(self, result, *, feedback_form=None) -> dict:
        """The shared presentation context plus this mount's links (edit, PDF, letters, keep, feedback)."""
        context = build_context(result, member_titles=self.member_titles, professional=self.is_professional())
        context.update({
            "case": self.case,
            "can_edit": self.can_edit(),
            "review_url": self.get_step_url(REVIEW_STEP),
            "pdf_url": self.get_pdf_url(),
            "print_url": self.url("print"),
            "admission_url": self.url("admission"),
            "letters": self.letter_links(context, result),
            "save_url": (reverse("questionnaire:save", kwargs={"case_id": self.case.public_id})
                         if self.allow_save_for_later and self.can_edit() else None),
            "feedback_url": self.url("feedback"),
            "feedback_form": feedback_form or keep.FeedbackForm(),
            "feedback_fields_html": keep.blank_feedback_fields() if feedback_form is None else None,
            "feedback_sent": self.request.GET.get("avis") == "merci",
            "error_summary": presenter.error_summary(feedback_form) if feedback_form is not None else [],
        })
        return context

    def feedback(self):
        """« Ce résultat vous surprend ? »: stored with the case's id, then back to the results."""
        if self.request.method != "POST":
            return redirect(self.url("results"))
        result, response = self.simulation()
        if response is not None:
            return response
        form = keep.FeedbackForm(self.request.POST)
        if not form.is_valid():
            return self.results(feedback_form=form, status=400)
        if keep.feedback_allowed(self.case):
            keep.store_feedback(form, case=self.case, result=result)
        return redirect(self.url("results") + "?avis=merci#titre-avis")

    def letter_links(self, context: dict, result) -> list[dict]:
        """The letters that fit the case, by title (written only when one is opened)."""
        return [{"title": str(kind.label), "when": str(WHEN[kind]), "url": self.url("letter", letter=kind.value)}
                for kind in letter_kinds_for(context)]

    def letter(self):
        """One letter, pre-filled from the case, to edit; POST gives it back as a PDF or a .docx file."""
        result, response = self.simulation()
        if response is not None:
            return response
        letter = next((pair for pair in letters_with_translation(result, lambda: build_context(
            result, member_titles=self.member_titles, person_label=self.get_person_label()))
            if pair.french.kind == self.kwargs["letter"]), None)
        if letter is None:
            raise Http404
        form = LetterForm(self.request.POST if self.request.method == "POST" else None,
                          initial=letter.french.initial())
        if form.is_bound and form.is_valid():
            edited = letter.french.edited(form.cleaned_data)
            if self.request.POST.get("format") == "docx":
                response = HttpResponse(letter_docx(edited), content_type=DOCX_TYPE)
                name = letter_filename(edited, "docx")
            else:
                response = HttpResponse(render_letter_pdf(edited), content_type="application/pdf")
                name = letter_filename(edited, "pdf")
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            response["Cache-Control"] = "no-store"
            return response
        return render(self.request, "questionnaire/letter.html", {
            "letter": letter.for_reader, "translation": letter.translation, "form": form, "error_summary": presenter.error_summary(form),
            "results_url": self.url("results"),
        }, status=400 if form.is_bound else 200)

    def pdf(self):
        result, response = self.simulation()
        if response is not None:
            return response
        return pdf_response(result, organisation=self.get_pdf_organisation(), person_label=self.get_person_label())

    def print_version(self):
        """The PDF's content as an accessible HTML page, so that the PDF is never the only way to get it."""
        result, response = self.simulation()
        if response is not None:
            return response
        html = render_dossier_html(result, organisation=self.get_pdf_organisation(), person_label=self.get_person_label())
        return HttpResponse(html)

    def admission(self):
        """One page to show at the hospital admission desk (HTML; ``?format=pdf`` for the PDF)."""
        result, response = self.simulation()
        if response is not None:
            return response
        kwargs = {"organisation": self.get_pdf_organisation(), "person_label": self.get_person_label(),
                  "member_titles": self.member_titles, "french_member_titles": self.french_member_titles()}
        if self.request.GET.get("format") == "pdf":
            response = HttpResponse(html_to_pdf(admission_html(result, for_print=True, **kwargs)),
                                    content_type="application/pdf")
            response["Content-Disposition"] = 'attachment; filename="aidsante-admission.pdf"'
            response["Cache-Control"] = "no-store"
            return response
        return HttpResponse(admission_html(result, **kwargs))

    def french_member_titles(self) -> dict:
        """How the French pages (the admission desk's, the letters) name the members, whatever the reader's language."""
        # Fresh answers (``self.answers`` keeps its members named in the reader's language), read from the stored
        # steps: the results may come from the situation kept when the answers were checked (``simulation``).
        with override("fr"):
            return build_situation(Answers(self.get_cleaned_data_for_step, today=self.today())).titles

    def get_person_label(self) -> str | None:
        """Who the dossier is for: nobody is named on an anonymous case."""
        return None
