from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "Operations"

    def ready(self) -> None:
        # Celery signals are connected once per process, in the web server and in workers alike.
        from ops import tasklog

        tasklog.connect_signals()
