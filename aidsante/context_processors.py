from django.conf import settings


def site(request):
    # LANGUAGE_CHOICES: each language named in itself (the switcher), never translated.
    return {"SITE_NAME": "aidsante", "DEBUG": settings.DEBUG, "LANGUAGE_CHOICES": settings.LANGUAGES}
