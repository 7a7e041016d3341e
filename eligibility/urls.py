from django.urls import path

from . import api

app_name = "api"
urlpatterns = [
    path("simulations", api.simulations, name="simulations"),
    path("openapi.json", api.openapi, name="openapi"),
]
