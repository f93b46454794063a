from django.urls import path

from . import views
from .feeds import EventsFeed

app_name = "sharing"

urlpatterns = [
    path("t/", views.share, name="share"),
    path("t/<slug:slug>/", views.timeline_page, name="timeline"),
    path("t/<slug:slug>/embed", views.embed, name="embed"),
    path("t/<slug:slug>/as-of/<slug:key>/", views.snapshot_page, name="snapshot"),
    path("t/<slug:slug>/preview.png", views.timeline_preview, name="timeline-preview"),
    path("t/<slug:slug>/export/<str:fmt>", views.export_saved, name="export-saved"),
    path("t/<slug:slug>/feeds/events.atom", EventsFeed(), name="feed-saved"),
    path("export/<str:fmt>", views.export_state, name="export"),
    path("feeds/events.atom", EventsFeed(), name="feed"),
    path("events/<int:pk>/preview.png", views.event_preview, name="event-preview"),
    path("oembed", views.oembed, name="oembed"),
]
