"""Cached read-side figures (the density strip) are dropped whenever the timeline's rows change."""

from django.db.models.signals import post_delete, post_save


def _timeline_changed(sender, **kwargs) -> None:
    from .density import mark_timeline_changed

    mark_timeline_changed()


def connect_signals() -> None:
    from ingest.models import Outlet

    from .models import Event, EventActor, Evidence

    for model in (Event, EventActor, Evidence, Outlet):
        post_save.connect(_timeline_changed, sender=model, dispatch_uid=f"timeline-changed-save-{model.__name__}")
        post_delete.connect(_timeline_changed, sender=model, dispatch_uid=f"timeline-changed-delete-{model.__name__}")
