"""One structured log line per Celery task, and daily counts of failed and retried tasks.

Successes are only logged (no database write on the hot path); failures and retries are rare and
are also counted in ops.TaskCount, which staff read in the admin.
"""

import datetime as dt
import logging
import time

from celery import signals
from django.db import IntegrityError, transaction
from django.db.models import F

log = logging.getLogger("linimasa.task")

# Start times by task id, per worker process (a task starts and ends in the same process).
started: dict[str, float] = {}


def count_outcome(task: str, outcome: str, error: str = "") -> None:
    """Add one to today's count; never let bookkeeping break the task (the database may be down)."""
    from ops.models import TaskCount

    day = dt.datetime.now(dt.UTC).date()
    error = error[:2000]
    try:
        rows = TaskCount.objects.filter(task=task, outcome=outcome, day=day)
        if not rows.update(count=F("count") + 1, last_error=error):
            try:
                with transaction.atomic():
                    TaskCount.objects.create(task=task, outcome=outcome, day=day, count=1, last_error=error)
            except IntegrityError:
                # Another worker created today's row first.
                rows.update(count=F("count") + 1, last_error=error)
    except Exception:
        log.exception("task count not saved", extra={"task": task, "outcome": outcome})


def on_prerun(task_id=None, task=None, **kwargs) -> None:
    started[task_id] = time.perf_counter()


def on_postrun(task_id=None, task=None, state=None, **kwargs) -> None:
    began = started.pop(task_id, None)
    request = getattr(task, "request", None)
    log.info(
        "task",
        extra={
            "task_id": task_id,
            "task": getattr(task, "name", None),
            "state": state,
            "duration_ms": round((time.perf_counter() - began) * 1000, 2) if began is not None else None,
            "retries": getattr(request, "retries", 0),
            "kwargs": kwargs.get("kwargs"),
        },
    )


def on_failure(sender=None, task_id=None, exception=None, **kwargs) -> None:
    count_outcome(getattr(sender, "name", str(sender)), "failed", f"{type(exception).__name__}: {exception}")


def on_retry(sender=None, reason=None, **kwargs) -> None:
    count_outcome(getattr(sender, "name", str(sender)), "retried", str(reason))


def connect_signals() -> None:
    signals.task_prerun.connect(on_prerun, weak=False, dispatch_uid="ops.task_prerun")
    signals.task_postrun.connect(on_postrun, weak=False, dispatch_uid="ops.task_postrun")
    signals.task_failure.connect(on_failure, weak=False, dispatch_uid="ops.task_failure")
    signals.task_retry.connect(on_retry, weak=False, dispatch_uid="ops.task_retry")
