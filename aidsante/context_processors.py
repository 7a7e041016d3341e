from django.conf import settings


def site(request):
    return {"SITE_NAME": "aidsante", "DEBUG": settings.DEBUG}
