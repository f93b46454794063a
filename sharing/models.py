"""Saved, shareable timelines and the frozen "as of" snapshots of what they showed."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Unlisted and private links are their own secret: 128 random bits make guessing hopeless.
UNLISTED_SLUG_BYTES = 16
PUBLIC_SLUG_BYTES = 6


def make_slug(visibility: str) -> str:
    size = PUBLIC_SLUG_BYTES if visibility == Timeline.Visibility.PUBLIC else UNLISTED_SLUG_BYTES
    return secrets.token_urlsafe(size)


def make_state_key(query: str, included: list[int], excluded: list[int]) -> str:
    """One key per timeline state: the canonical query plus the hand-picked events."""
    text = "|".join([query, ",".join(map(str, sorted(included))), ",".join(map(str, sorted(excluded)))])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Timeline(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public (listed)")
        UNLISTED = "unlisted", _("unlisted (anyone with the link)")
        PRIVATE = "private", _("private (owner only)")

    slug = models.SlugField(max_length=40, unique=True)
    title = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    # The timeline page's own query string in canonical order (TimelineState.to_query), without "?".
    query = models.CharField(max_length=2000, blank=True)
    state_key = models.CharField(max_length=64, db_index=True)
    included = models.ManyToManyField("timeline.Event", blank=True, related_name="+")
    excluded = models.ManyToManyField("timeline.Event", blank=True, related_name="+")
    visibility = models.CharField(max_length=8, choices=Visibility.choices, default=Visibility.UNLISTED)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="timelines"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("sharing:timeline", args=[self.slug])

    def can_be_seen_by(self, user) -> bool:
        if self.visibility != self.Visibility.PRIVATE:
            return True
        return bool(user and user.is_authenticated and (user.is_staff or user.pk == self.owner_id))


class Snapshot(models.Model):
    """The events and dates a timeline showed at one moment: an "as of" link never changes meaning."""

    timeline = models.ForeignKey(Timeline, on_delete=models.CASCADE, related_name="snapshots")
    key = models.SlugField(max_length=40, unique=True)
    # A list of {"id", "title", "kind", "date_start", "date_end", "precision", "qualifier", "date"}.
    events = models.JSONField(default=list)
    content_hash = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.timeline} as of {self.created:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("sharing:snapshot", args=[self.timeline.slug, self.key])
