from django.urls import path

from . import views

app_name = "questionnaire"

urlpatterns = [
    path("", views.start, name="start"),
    path("reprendre/", views.resume, name="resume"),
    path("<uuid:case_id>/reprendre-plus-tard/", views.save_for_later, name="save"),
    *views.questionnaire_urlpatterns(),
]
