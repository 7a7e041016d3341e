"""The language of each request: the visitor's choice on the public side, French everywhere else.

The public side (home, questionnaire, results, the person's dossier, the language switcher itself) is
translated; the social workers' workspace, the admin, the API and the health endpoint stay in French,
whatever the visitor's cookie or browser says. A path is public only when it is listed here, so that a new
workspace page is French by default.
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

PUBLIC_PREFIXES = ("/questionnaire/", "/i18n/")


def is_public_path(path: str) -> bool:
    return path == "/" or path.startswith(PUBLIC_PREFIXES)


class PublicLocaleMiddleware(LocaleMiddleware):
    """Django's ``LocaleMiddleware`` (cookie, then ``Accept-Language``) on public paths only.

    Sets ``request.language_switchable``: the base template shows the language switcher only then.
    """

    def process_request(self, request):
        if is_public_path(request.path_info):
            super().process_request(request)
            request.language_switchable = True
        else:
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            request.language_switchable = False
