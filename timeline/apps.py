from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "timeline"

    def ready(self):
        # Bulk updates bypass signals; the density cache also expires after a few minutes.
        from .signals import connect_signals

        connect_signals()
