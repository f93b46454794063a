from django.contrib import admin
from django.urls import include, path

from ops.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("ingest/", include("ingest.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("sharing.urls")),
    path("", include("sharing.api_urls")),
    path("", include("timeline.urls")),
]
