from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "aidsante — administration"
admin.site.site_title = "aidsante"

handler500 = "aidsante.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("eligibility.urls")),
    path("questionnaire/", include("eligibility.questionnaire.urls")),
    path("admin/", admin.site.urls),
    path("dossiers/", include("dossiers.urls")),
    path("", include("dossiers.auth_urls")),
]
