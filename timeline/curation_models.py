"""The curation log: one row per curator action, with what is needed to undo it.

Field-level history (who changed which field when) lives in django-simple-history's tables;
this log groups the changes of one action (a merge touches several events and many sources)
so the action can be undone as a whole and told in the public changelog.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy


class CurationAction(models.Model):
    class Kind(models.TextChoices):
        PUBLISH = "publish", pgettext_lazy("curation action", "published")
        REJECT = "reject", pgettext_lazy("curation action", "rejected")
        MERGE = "merge", pgettext_lazy("curation action", "merged")
        SPLIT = "split", pgettext_lazy("curation action", "split")
        EDIT_DATE = "edit_date", pgettext_lazy("curation action", "date edited")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    event = models.ForeignKey(
        "timeline.Event", on_delete=models.PROTECT, related_name="curation_actions",
        help_text="The event acted on: the one kept by a merge, the one split from",
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    reason = models.TextField(blank=True)
    # Before-state of every row the action changed, in the shape curation.undo reads back.
    undo_data = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    undone = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.event_id} ({self.created:%Y-%m-%d %H:%M})"
