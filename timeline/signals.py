"""Cached read-side figures and pages (the density strip, whole pages for readers) are dropped whenever
the timeline's rows change; cached shared timeline pages also when a saved timeline changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save


def _timeline_changed(sender, **kwargs) -> None:
    from .density import mark_timeline_changed

    mark_timeline_changed()


def _shared_changed(sender, **kwargs) -> None:
    from .density import mark_shared_changed

    mark_shared_changed()


def connect_signals() -> None:
    from ingest.models import Outlet
    from sharing.models import Snapshot, Timeline

    from .models import Actor, Event, EventActor, Evidence

    # Actors too: their names are on every row.
    for model in (Event, EventActor, Evidence, Outlet, Actor):
        post_save.connect(_timeline_changed, sender=model, dispatch_uid=f"timeline-changed-save-{model.__name__}")
        post_delete.connect(_timeline_changed, sender=model, dispatch_uid=f"timeline-changed-delete-{model.__name__}")
    # A shared page shows its title, description and latest snapshot, and only its chosen events.
    for model in (Timeline, Snapshot):
        post_save.connect(_shared_changed, sender=model, dispatch_uid=f"shared-changed-save-{model.__name__}")
        post_delete.connect(_shared_changed, sender=model, dispatch_uid=f"shared-changed-delete-{model.__name__}")
    for through in (Timeline.included.through, Timeline.excluded.through):
        m2m_changed.connect(_shared_changed, sender=through, dispatch_uid=f"shared-changed-{through.__name__}")
