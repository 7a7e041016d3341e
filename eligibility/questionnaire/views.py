"""The questionnaire's web layer: a named-URL formtools wizard whose state lives on the ``Case`` row.

Mounting the same wizard elsewhere (a social worker's dossier): subclass ``QuestionnaireWizard`` and
override ``get_case()`` (find the case, check permissions, raise ``Http404``), ``url_namespace`` and
``get_url_kwargs()`` (the URL names ``<namespace>:step``, ``<namespace>:results`` and ``<namespace>:pdf``
are reversed with these kwargs plus ``step``), and optionally ``can_edit()``, ``can_set_request_date()``,
``allow_save_for_later`` and ``get_pdf_organisation()``. ``questionnaire_urlpatterns(view_class)`` builds the
URL patterns for a subclass. The pages of a result (results, feedback, letters, dossier, admission desk page) are
in ``result_pages.py``, mixed into the wizard.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlWizardView, StepsHelper

from eligibility import services
from eligibility.models import Case
from eligibility.rules.situation import InvalidSituation, parse_situation
from eligibility.safe_input import REFUSED_PAGE_MESSAGE
from eligibility.throttle import SlotThrottle

from . import access, checked, keep, presenter
from .journey import JOURNEY, RESULTS_STEP, REVIEW_STEP, SCHEMA_VERSION, SECTIONS, STEPS, Answers
from .language import keep_case_language, resume_language
from .result_pages import ResultPages
from .steps.base import DynamicFormSet, silence_errors
from .storage import CaseStorage, declared_step_data, empty_answers
from .to_situation import build_situation

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U/V confusion
CODE_LENGTH = 10
RULE_ERRORS = "rule_errors"
QUIET_STEPS = "quiet_steps"
#: Each step's part (index in ``SECTIONS``), worked out once: comparing the lazy titles on every request
#: translated each of them again (about a fifth of a step's server time).
SECTION_OF: dict[str, int] = {step.name: SECTIONS.index(step.section) for step in JOURNEY}


# --------------------------------------------------------------------------- access and codes


def new_resume_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """``abcd efgh-jk`` → ``ABCDEFGHJK`` (spaces, hyphens and case do not matter)."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def format_code(code: str) -> str:
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def ensure_resume_code(case: Case) -> str:
    if case.resume_code:
        return case.resume_code
    for _attempt in range(5):
        code = new_resume_code()
        try:
            updated = Case.objects.filter(pk=case.pk, resume_code__isnull=True).update(resume_code=code)
        except IntegrityError:
            continue
        if updated:
            case.resume_code = code
            return code
        case.refresh_from_db(fields=["resume_code"])
        return case.resume_code
    raise RuntimeError("could not generate a unique resume code")


def expiry_limit():
    return timezone.now() - timedelta(days=settings.CASE_EXPIRY_DAYS)


def first_step_url(case: Case, namespace: str = "questionnaire") -> str:
    return reverse(f"{namespace}:case", kwargs={"case_id": case.public_id})


# --------------------------------------------------------------------------- start, resume, save


def case_creation_throttle() -> SlotThrottle:
    return SlotThrottle("case-creation", *settings.THROTTLE_CASE_CREATION)


def resume_throttle() -> SlotThrottle:
    return SlotThrottle("resume-code", *settings.THROTTLE_RESUME_CODES)


@require_http_methods(["GET", "POST"])
def start(request):
    if request.method == "POST":
        if case_creation_throttle().acquire_for(request) is None:
            return render(request, "questionnaire/start.html", {"error": _(
                "Beaucoup de questionnaires ont été commencés depuis cette connexion. Attendez une heure, "
                "ou reprenez un questionnaire déjà commencé avec son code de reprise."
            )}, status=429)
        case = Case.objects.create(schema_version=SCHEMA_VERSION, answers=empty_answers())
        response = redirect(reverse("questionnaire:step", kwargs={"case_id": case.public_id, "step": JOURNEY[0].name}))
        access.grant(response, case)
        return response
    return render(request, "questionnaire/start.html")


@require_http_methods(["GET", "POST"])
def resume(request):
    error = None
    code_typed = ""
    status = 400
    if request.method == "POST":
        code_typed = request.POST.get("code", "")[:40]
        code = normalise_code(code_typed)
        if not code:
            error = _("Indiquez le code de reprise, par exemple ABCD-EFGH-JK.")
        elif len(code) != CODE_LENGTH:
            error = _("Le code compte %(length)d lettres et chiffres, par exemple ABCD-EFGH-JK : vérifiez-le.") % {
                "length": CODE_LENGTH}
        elif (slot := resume_throttle().acquire_for(request)) is None:
            # Every code tried takes a slot in the shared cache before it is looked up (so that parallel
            # requests cannot try more); a right code gives its slot back.
            error = _("Trop de codes erronés ont été essayés depuis cette connexion. Attendez un quart d'heure, "
                      "ou demandez de l'aide au CCAS de votre mairie.")
            status = 429
        else:
            case = Case.objects.filter(resume_code=code, closed_at__isnull=True).first()
            if case is None:
                error = _("Ce code ne correspond à aucun questionnaire : vérifiez chaque lettre et chaque chiffre.")
            elif case.last_activity_at < expiry_limit():
                error = ngettext(
                    "Ce code n'est plus valable : les réponses sont effacées %(days)d jour après la dernière visite. "
                    "Vous pouvez recommencer le questionnaire.",
                    "Ce code n'est plus valable : les réponses sont effacées %(days)d jours après la dernière visite. "
                    "Vous pouvez recommencer le questionnaire.",
                    settings.CASE_EXPIRY_DAYS,
                ) % {"days": settings.CASE_EXPIRY_DAYS}
            else:
                resume_throttle().release(slot)
                Case.objects.filter(pk=case.pk).update(last_activity_at=timezone.now())
                response = resume_language(request, case, redirect(first_step_url(case)))
                access.grant(response, case)
                return response
    return render(
        request, "questionnaire/resume.html", {"error": error, "code": code_typed},
        status=status if error else 200,
    )


@require_http_methods(["GET", "POST"])
def save_for_later(request, case_id):
    """The resume code, to note, print or receive by e-mail with a link to the results (issue 15)."""
    if not access.has_access(request, case_id):
        raise Http404
    case = get_object_or_404(Case, public_id=case_id)
    code = ensure_resume_code(case)
    email_form = keep.EmailCodeForm(request.POST if request.method == "POST" else None)
    sent = refused = False
    status = 200
    if email_form.is_bound:
        if not email_form.is_valid():
            status = 400
        elif not keep.email_allowed(request, case):
            refused, status = True, 429
        else:
            keep.send_resume_code(
                email_form.cleaned_data["email"], code=format_code(code),
                resume_url=request.build_absolute_uri(reverse("questionnaire:resume")),
                results_url=request.build_absolute_uri(reverse("questionnaire:results", kwargs={"case_id": case.public_id})),
            )
            sent, email_form = True, keep.EmailCodeForm()
    return render(request, "questionnaire/saved.html", {
        "code": format_code(code),
        "expiry_days": settings.CASE_EXPIRY_DAYS,
        "continue_url": first_step_url(case),
        "email_form": email_form, "sent": sent, "refused": refused,
        "error_summary": presenter.error_summary(email_form),
    }, status=status)


# --------------------------------------------------------------------------- the wizard


class CaseHandedOff(Exception):
    """The case now belongs to a social worker's dossier: the anonymous visitor no longer sees it."""


class QuestionnaireWizard(ResultPages, NamedUrlWizardView):
    """The questionnaire for one ``Case`` (see the module docstring to mount it elsewhere)."""

    url_namespace = "questionnaire"
    storage_prefix = "case"
    allow_save_for_later = True
    template_name = "questionnaire/step.html"
    #: "step" (a question page), "results" or "pdf" (set by the URL pattern).
    mode = "step"

    @classmethod
    def get_initkwargs(cls, *args, **kwargs):
        kwargs.setdefault("form_list", [(s.name, s.form_class) for s in JOURNEY])
        kwargs.setdefault("url_name", f"{cls.url_namespace}:step")
        kwargs.setdefault("done_step_name", RESULTS_STEP)
        return super().get_initkwargs(*args, **kwargs)

    # hooks for other mounts ----------------------------------------------------------------------

    def get_case(self) -> Case:
        """The case of this request; ``Http404`` unless the visitor's browser holds its access cookie."""
        case_id = self.kwargs["case_id"]
        if not access.has_access(self.request, case_id):
            raise Http404
        # One query for the case and whether a dossier owns it.
        case = get_object_or_404(Case.objects.annotate(handed_off=Q(dossier__isnull=False)), public_id=case_id)
        if case.handed_off:
            # Handed off to a social worker: what the agent adds from now on is not the visitor's to read.
            raise CaseHandedOff
        return case

    def get_url_kwargs(self) -> dict:
        return {"case_id": self.case.public_id}

    def can_edit(self) -> bool:
        """A closed case (for example imported into a dossier) is read-only here."""
        return self.case.closed_at is None

    def can_set_request_date(self) -> bool:
        """Staff and social workers may; asked once per request (the forms and the answers' digest ask it)."""
        if not hasattr(self, "_request_date_allowed"):
            user = self.request.user
            self._request_date_allowed = bool(
                user.is_authenticated and (user.is_staff or user.memberships.filter(is_active=True).exists()))
        return self._request_date_allowed

    def get_pdf_organisation(self):
        return None

    def get_pdf_url(self) -> str:
        return self.url("pdf")

    def is_professional(self) -> bool:
        """A social worker reads the results: they also see the parameters' "to verify" notes."""
        return False

    def today(self):
        return timezone.localdate()

    # URLs ----------------------------------------------------------------------------------------

    def url(self, name: str, **kwargs) -> str:
        return reverse(f"{self.url_namespace}:{name}", kwargs={**self.get_url_kwargs(), **kwargs})

    def get_step_url(self, step):
        if step == self.done_step_name:
            return self.url("results")
        return self.url("step", step=step)

    # state -----------------------------------------------------------------------------------------

    def dispatch(self, request, *args, **kwargs):
        try:
            self.case = self.get_case()
        except CaseHandedOff:
            return render(request, "questionnaire/closed.html", status=410)
        keep_case_language(request, self.case)
        self.prefix = self.storage_prefix
        self.storage = CaseStorage(self.prefix, request, case=self.case, schema_version=SCHEMA_VERSION)
        self.steps = StepsHelper(self)
        self._invalidate()
        response = TemplateView.dispatch(self, request, *args, **kwargs)
        if self.can_edit():
            self.storage.save()
        return response

    def _invalidate(self) -> None:
        self._stored_forms: dict[str, object] = {}
        self._active: OrderedDict | None = None
        self._resolving: list[str] = []
        self.answers = Answers(self._answer, today=self.today())

    def _answer(self, step: str):
        """Cleaned data of an active step already resolved (conditions only look backwards)."""
        known = self._active if self._active is not None else self._resolving
        return self.cleaned(step) if step in known else None

    def stored_form(self, step: str):
        """The form of ``step`` bound to the stored answers, validated once per request (``None`` if unanswered)."""
        if step not in self._stored_forms:
            data = self.storage.get_step_data(step)
            self._stored_forms[step] = self.get_form(step, data=data) if data is not None else None
        return self._stored_forms[step]

    def cleaned(self, step: str):
        """Cleaned data of ``step`` from the stored answers, or ``None`` when unanswered or invalid."""
        form = self.stored_form(step)
        return form.cleaned_data if form is not None and form.is_valid() else None

    def get_cleaned_data_for_step(self, step):
        return self.cleaned(step) if step in self.get_form_list() else None

    def get_form_list(self):
        if self._active is None:
            self._resolving = []
            for step in JOURNEY:
                if step.is_active(self.answers):
                    self._resolving.append(step.name)
            self._active = OrderedDict((name, STEPS[name].form_class) for name in self._resolving)
        return self._active.copy()

    def first_unfinished_step(self) -> str:
        for step in self.get_form_list():
            if self.cleaned(step) is None:
                return step
        return REVIEW_STEP

    def get_form_kwargs(self, step=None):
        kwargs = {"answers": self.answers}
        extra = STEPS[step].form_kwargs if step in STEPS else None
        if extra is not None:
            kwargs.update(extra(self))
        return kwargs

    def get_form(self, step=None, data=None, files=None):
        step = step or self.steps.current
        form_class = STEPS[step].form_class
        kwargs = self.get_form_kwargs(step)
        kwargs.update({"data": data, "prefix": self.get_form_prefix(step, form_class)})
        return form_class(**kwargs)

    def step_post_data(self, step: str) -> MultiValueDict:
        """The submitted fields of ``step`` only (never the CSRF token or the buttons)."""
        prefix = self.get_form_prefix(step, STEPS[step].form_class) + "-"
        return MultiValueDict({k: v for k, v in self.request.POST.lists() if k.startswith(prefix)})

    def storable(self, step: str, form, data) -> dict | None:
        """What of ``data`` may be stored for ``step`` (see ``declared_step_data``), else ``None``.

        ``None`` when a value is hostile (control characters, far too long) or the case would outgrow
        ``MAX_CASE_ANSWERS_BYTES``; the form then carries the message to show (nothing is stored).
        """
        stored = declared_step_data(form, data)
        if stored is None:
            form.is_valid()
            if not getattr(form, "refused_input", False) and not isinstance(form, DynamicFormSet):
                form.add_error(None, REFUSED_PAGE_MESSAGE)
            elif isinstance(form, DynamicFormSet) and not any(getattr(f, "refused_input", False) for f in form.forms):
                form._non_form_errors.append(REFUSED_PAGE_MESSAGE)
            return None
        if not self.storage.fits(step, stored):
            form.is_valid()
            message = _("Ce questionnaire contient trop de texte pour être enregistré : raccourcissez vos réponses.")
            if isinstance(form, DynamicFormSet):
                form._non_form_errors.append(message)
            else:
                form.add_error(None, message)
            return None
        return stored

    def store(self, step: str, data: dict, *, quiet: bool = False) -> None:
        self.storage.set_step_data(step, data)
        quiet_steps = set(self.storage.get_extra(QUIET_STEPS, []))
        quiet_steps.discard(step)
        if quiet:
            quiet_steps.add(step)
        self.storage.set_extra(QUIET_STEPS, sorted(quiet_steps))
        rule_errors = dict(self.storage.get_extra(RULE_ERRORS, {}))
        if rule_errors.pop(step, None) is not None:
            self.storage.set_extra(RULE_ERRORS, rule_errors)
        self.storage.data[self.storage.extra_data_key].pop(checked.CHECKED, None)  # no longer for these answers
        self._invalidate()

    # GET -------------------------------------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        if self.mode == "letter":
            return self.letter()
        if self.mode == "feedback":
            return self.feedback()
        if self.mode == "admission":
            return self.admission()
        if self.mode == "results":
            return self.results()
        if self.mode == "pdf":
            return self.pdf()
        if self.mode == "print":
            return self.print_version()
        step = kwargs.get("step")
        if step is None:
            if not self.can_edit():
                return redirect(self.url("results"))
            return redirect(self.get_step_url(self.first_unfinished_step()))
        if step not in STEPS:
            raise Http404
        if not self.can_edit():
            return redirect(self.url("results"))
        form_list = self.get_form_list()
        if step not in form_list:
            return redirect(self.get_step_url(self.first_unfinished_step()))
        for earlier in form_list:
            if earlier == step:
                break
            if self.cleaned(earlier) is None:
                return redirect(self.get_step_url(earlier))
        self.storage.current_step = step
        form = self.get_form(step, data=self.storage.get_step_data(step))
        if step in self.storage.get_extra(QUIET_STEPS, []):
            silence_errors(form)
        else:
            self.apply_rule_errors(step, form)
        return self.render(form)

    def apply_rule_errors(self, step: str, form) -> None:
        errors = self.storage.get_extra(RULE_ERRORS, {}).get(step) or []
        if not errors or not form.is_bound:
            return
        form.is_valid()
        for field, index, message in errors:
            target = form
            if isinstance(form, DynamicFormSet):
                if index is None or index >= len(form.forms):
                    form._non_form_errors.append(message)
                    continue
                target = form.forms[index]
            target.add_error(field if field in target.fields else None, message)

    # POST ------------------------------------------------------------------------------------------

    def post(self, request, *args, **kwargs):
        if self.mode == "letter":
            return self.letter()
        if self.mode == "feedback":
            return self.feedback()
        step = kwargs.get("step")
        if self.mode != "step" or step not in STEPS:
            raise Http404
        if not self.can_edit():
            return render(request, "questionnaire/closed.html", status=403)
        management_form = ManagementForm(request.POST, prefix=self.prefix)
        if not management_form.is_valid() or management_form.cleaned_data["current_step"] != step:
            raise SuspiciousOperation("ManagementForm data is missing or has been tampered.")
        if step not in self.get_form_list():
            return redirect(self.get_step_url(self.first_unfinished_step()))
        self.storage.current_step = step
        data = self.step_post_data(step)
        action = request.POST.get("action", "next")
        form_class = STEPS[step].form_class
        if action.startswith(("add:", "remove:")):
            if not issubclass(form_class, DynamicFormSet):
                raise SuspiciousOperation("Unknown action for this step.")
            new = form_class.apply_action(self.get_form_prefix(step, form_class), dict(data.lists()), action)
            if new is None:
                raise SuspiciousOperation("Unknown action for this step.")
            new_form = self.get_form(step, data=MultiValueDict(new))
            stored = self.storable(step, new_form, MultiValueDict(new))
            if stored is None:
                return self.render(new_form)
            self.store(step, stored, quiet=True)
            anchor = "#ajouter" if action.startswith("remove:") else f"#entree-{int(new[f'{step}-TOTAL_FORMS'][0]) - 1}"
            return redirect(self.get_step_url(step) + anchor)

        form = self.get_form(step, data=data)
        stored = self.storable(step, form, data)
        if stored is None:
            return self.render(form)
        valid = form.is_valid()
        # "Précédent" keeps what was typed without judging it: coming back shows no error for a page that was
        # never sent with "Continuer".
        self.store(step, stored, quiet=action == "prev")
        if action == "prev":
            return redirect(self.get_step_url(self.get_prev_step(step) or step))
        if action == "save" and self.allow_save_for_later:
            return redirect(self.url("save"))
        if not valid:
            return self.render(form)
        if step == REVIEW_STEP:
            self.keep_checked_situation()
            return redirect(self.url("results"))
        if request.POST.get("return_to_review"):
            return redirect(self.get_step_url(self.first_unfinished_step()))
        return redirect(self.get_step_url(self.get_next_step(step) or REVIEW_STEP))

    # context -----------------------------------------------------------------------------------------

    def get_template_names(self):
        return [STEPS[self.steps.current].template]

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        form_list = list(self.get_form_list())
        number = form_list.index(step) + 1
        part = SECTION_OF[step] + 1
        context.update({
            "case": self.case,
            "step": STEPS[step],
            "step_number": number,
            "step_count": len(form_list),
            "part_number": part,
            "part_count": len(SECTIONS),
            "parts": self.parts(step, form_list),
            "progress_class": presenter.width_class(part, len(SECTIONS)),
            "next_title": STEPS[form_list[number]].title if number < len(form_list) else None,
            "prev_step": self.get_prev_step(step),
            "allow_save_for_later": self.allow_save_for_later,
            "error_summary": presenter.error_summary(form),
            "form_action": self.get_step_url(step),
            "return_to_review": self.request.GET.get("retour") == REVIEW_STEP,
            "answers": self.answers,
        })
        if STEPS[step].context is not None:
            context.update(STEPS[step].context(self))
        return context

    def parts(self, current: str, active: list[str]) -> list[dict]:
        """The stepper: every part of the questionnaire, known from the first page, with the pages skipped."""
        here = SECTION_OF[current]
        parts = []
        for index, section in enumerate(SECTIONS):
            notes = []
            for step in JOURNEY:
                if SECTION_OF[step.name] != index or not step.when:
                    continue
                if step.name in active:
                    continue
                notes.append(f"{step.title} : {step.when}" if index >= here else f"{step.title} : {_('passée')}")
            state = _("en cours") if index == here else _("faite") if index < here else _("à venir")
            parts.append({"title": section, "state": state, "current": index == here, "notes": notes})
        return parts

    def review_sections(self) -> list[dict]:
        sections = []
        for step in self.get_form_list():
            if step == REVIEW_STEP:
                continue
            form = self.stored_form(step)
            rows = form.summary_rows() if form is not None and form.is_valid() else []
            sections.append({
                "step": STEPS[step], "rows": rows,
                "edit_url": self.get_step_url(step) + f"?retour={REVIEW_STEP}",
            })
        return sections

    # results ---------------------------------------------------------------------------------------------

    def simulation(self):
        """(result, None) or (None, redirect response) after re-validating every step.

        The answers are not checked again when they are those checked on the check-your-answers page
        (``checked``: same answers, day, language and code): the situation built then is used.
        """
        kept = checked.recall(self.storage.get_extra(checked.CHECKED), self.answers_digest())
        if kept is not None:
            try:
                situation = parse_situation(kept[0], today=self.today())
            except InvalidSituation:
                pass  # checked again below, which says where
            else:
                self.member_titles = kept[1]
                return services.simulate_situation(situation), None
        for step in self.get_form_list():
            if self.cleaned(step) is None:
                return None, redirect(self.get_step_url(step))
        translation = build_situation(self.answers)
        try:
            situation = parse_situation(translation.situation, today=self.today())
        except InvalidSituation as exc:
            return None, self.rule_errors_redirect(translation, exc)
        self.member_titles = translation.titles
        return services.simulate_situation(situation), None

    def answers_digest(self) -> str:
        return checked.answers_digest(
            self.storage.data[self.storage.step_data_key], today=self.today(), language=get_language(),
            can_set_request_date=self.can_set_request_date(),
        )

    def keep_checked_situation(self) -> None:
        """Once every answer is checked (the check-your-answers page sent), keep the situation they give."""
        for step in self.get_form_list():
            if self.cleaned(step) is None:
                return
        built = build_situation(self.answers)
        try:
            parse_situation(built.situation, today=self.today())
        except InvalidSituation:
            return
        kept = checked.kept_form(self.answers_digest(), built)
        if kept is not None:
            self.storage.set_extra(checked.CHECKED, kept)

    def rule_errors_redirect(self, translation, exc: InvalidSituation):
        by_step: dict[str, list] = {}
        order = list(self.get_form_list())
        for error in exc.errors:
            origin = translation.origin(error.path)
            step = origin.step if origin else order[0]
            by_step.setdefault(step, []).append([origin.field if origin else None, origin.index if origin else None,
                                                 error.message])
        if self.can_edit():
            self.storage.set_extra(RULE_ERRORS, by_step)
        first = min(by_step, key=lambda s: order.index(s) if s in order else 0)
        return redirect(self.get_step_url(first))


def questionnaire_urlpatterns(wizard=QuestionnaireWizard, prefix: str = "<uuid:case_id>/") -> list:
    """URL patterns of one mount of the wizard (names: ``case``, ``step``, ``results``, ``pdf``, ``print``)."""
    return [
        path(prefix, wizard.as_view(), name="case"),
        path(f"{prefix}{RESULTS_STEP}/", wizard.as_view(mode="results"), name="results"),
        path(f"{prefix}dossier.pdf", wizard.as_view(mode="pdf"), name="pdf"),
        path(f"{prefix}dossier/", wizard.as_view(mode="print"), name="print"),
        path(f"{prefix}courriers/<slug:letter>/", wizard.as_view(mode="letter"), name="letter"),
        path(f"{prefix}avis/", wizard.as_view(mode="feedback"), name="feedback"),
        path(f"{prefix}admission/", wizard.as_view(mode="admission"), name="admission"),
        path(f"{prefix}<slug:step>/", wizard.as_view(), name="step"),
    ]
