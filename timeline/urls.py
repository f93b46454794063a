from django.urls import path

from . import views, views_curation

app_name = "timeline"

urlpatterns = [
    path("", views.index, name="index"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("actors/", views.actor_suggestions, name="actors"),
    path("curation/events/<int:pk>/publish/", views_curation.publish_event, name="curate-publish"),
    path("curation/events/<int:pk>/reject/", views_curation.reject_event, name="curate-reject"),
]
