from django.urls import path

from . import views

app_name = "ingest"

urlpatterns = [
    path("", views.ingest_page, name="page"),
]
