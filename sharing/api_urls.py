"""The API's URLs, outside the sharing namespace: django-ninja reverses its own 'api' namespace."""

from django.urls import path

from .api import api

urlpatterns = [path("api/", api.urls)]
