from django.db import models


class TaskCount(models.Model):
    """How many times a Celery task failed or was retried on one day (UTC), for staff to watch."""

    class Outcome(models.TextChoices):
        FAILED = "failed", "failed"
        RETRIED = "retried", "retried"

    task = models.CharField(max_length=200)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-day", "task", "outcome"]
        constraints = [
            models.UniqueConstraint(fields=["task", "outcome", "day"], name="one_count_per_task_outcome_day"),
        ]

    def __str__(self) -> str:
        return f"{self.task} {self.outcome} {self.count}× on {self.day}"
