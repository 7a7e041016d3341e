"""Keeping a result (issue 15): the resume code by e-mail, and the « Ce résultat vous surprend ? » form.

The e-mail address typed is used to send one message and is never stored or logged; sending is throttled
per case and per connection (cache counters), so the form cannot be used to send mail in bulk. The feedback
is stored with the case's public id only (``ResultFeedback``).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from eligibility.models import FeedbackReaction, ResultFeedback
from eligibility.safe_input import SafeForm, SafeModelForm

#: At most this many e-mails per case, and per connection, in ``EMAIL_WINDOW`` seconds.
EMAIL_PER_CASE = 3
EMAIL_PER_CONNECTION = 10
EMAIL_WINDOW = 60 * 60
FEEDBACK_PER_CASE = 5


class EmailCodeForm(SafeForm):
    email = forms.EmailField(
        label=_("Votre adresse électronique"), max_length=254,
        help_text=_("Elle sert seulement à envoyer ce message : nous ne la gardons pas."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class FeedbackForm(SafeModelForm):
    class Meta:
        model = ResultFeedback
        fields = ["reaction", "comment"]
        widgets = {
            "reaction": forms.RadioSelect,
            "comment": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        }
        help_texts = {
            "comment": _("N'écrivez ni votre nom, ni votre adresse : l'équipe lit votre avis sans savoir qui vous êtes."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reaction"].choices = FeedbackReaction.choices


#: The empty feedback form's fields as HTML, per language (see ``blank_feedback_fields``).
_BLANK_FEEDBACK_FIELDS: dict[str | None, SafeString] = {}


def blank_feedback_fields() -> SafeString:
    """The fields of an empty ``FeedbackForm`` rendered once per language and process (issue 11).

    Every results page shows the same empty form; rendering its widgets through Django's form templates
    was a tenth of the page's server time. Nothing of it depends on the request (the CSRF token is outside
    the fields); a form sent back with errors is rendered normally.
    """
    language = translation.get_language()
    html = _BLANK_FEEDBACK_FIELDS.get(language)
    if html is None:
        html = _BLANK_FEEDBACK_FIELDS[language] = mark_safe("".join(  # noqa: S308 - rendered by our templates
            render_to_string("questionnaire/_field.html", {"field": field}) for field in FeedbackForm()))
    return html


def _allow(key: str, limit: int, window: int) -> bool:
    """Count one use of ``key`` in the cache; ``False`` once ``limit`` uses were counted in ``window`` s."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


def email_allowed(request, case) -> bool:
    # The connection's address only keys a counter in the cache; it is never logged or stored.
    address = request.META.get("REMOTE_ADDR") or "unknown"
    return (_allow(f"email-code:case:{case.pk}", EMAIL_PER_CASE, EMAIL_WINDOW)
            and _allow(f"email-code:ip:{address}", EMAIL_PER_CONNECTION, EMAIL_WINDOW))


def feedback_allowed(case) -> bool:
    return _allow(f"feedback:case:{case.pk}", FEEDBACK_PER_CASE, EMAIL_WINDOW)


def send_resume_code(address: str, *, code: str, resume_url: str, results_url: str) -> None:
    """One message with the resume code and the links; the address goes to the mail backend only."""
    context = {"code": code, "resume_url": resume_url, "results_url": results_url,
               "expiry_days": settings.CASE_EXPIRY_DAYS}
    subject = render_to_string("questionnaire/email/code_subject.txt", context).strip()
    body = render_to_string("questionnaire/email/code.txt", context)
    send_mail(subject, body, None, [address])


def store_feedback(form: FeedbackForm, *, case, result) -> ResultFeedback:
    data = result.as_dict()
    feedback = form.save(commit=False)
    feedback.case_id = case.public_id
    feedback.css_status = str(data["css"]["status"])
    feedback.ruleset_version = str((data.get("ruleset") or {}).get("version") or "")
    feedback.save()
    return feedback
