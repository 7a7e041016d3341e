"""The questionnaire remembers the visitor's language on the case (``Case.language``).

The language switcher (Django's ``set_language``) stores the choice in a cookie, apart from the session
and from the case's access. The case pages copy an explicit choice onto the case, and read it back when
the browser has no choice of its own: resuming the case with its code on another phone, or after the
cookie is gone, shows it in the language the person chose. The social workers' mount of the wizard is
in French (``aidsante.middleware``) and never changes what the person chose.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from eligibility.models import Case


def chosen_language(request) -> str | None:
    """The language the visitor chose with the switcher (its cookie), or ``None``."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return code if code in dict(settings.LANGUAGES) else None


def keep_case_language(request, case: Case) -> None:
    """On a public case page: record the visitor's choice on the case, or speak the case's language."""
    if not getattr(request, "language_switchable", False):
        return
    chosen = chosen_language(request)
    if chosen is not None:
        if chosen != case.language:
            Case.objects.filter(pk=case.pk).update(language=chosen)
            case.language = chosen
    elif case.language in dict(settings.LANGUAGES):
        translation.activate(case.language)
        request.LANGUAGE_CODE = case.language


def resume_language(request, case: Case, response):
    """After the resume code: a browser without a choice of its own takes the case's language."""
    if chosen_language(request) is None and case.language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, case.language,
            max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN, secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
