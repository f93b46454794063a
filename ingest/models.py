import datetime
import hashlib

from django.db import models
from django.db.models import Q
from django.utils.translation import pgettext_lazy


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True)
    country = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=8, blank=True)
    state_affiliated = models.BooleanField(
        default=False, help_text="Owned or directed by a state; used to tell independent sources apart."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["domain"], condition=~Q(domain=""), name="outlet_domain_unique")
        ]

    def __str__(self):
        return self.name


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("article status", "queued")
        FETCHING = "fetching", pgettext_lazy("article status", "fetching")
        FETCHED = "fetched", pgettext_lazy("article status", "fetched")
        EXTRACTED = "extracted", pgettext_lazy("article status", "extracted")
        FAILED = "failed", pgettext_lazy("article status", "failed")
        # Fetched from a second URL and found to be an article we already have.
        DUPLICATE = "duplicate", pgettext_lazy("article status", "duplicate")

    url = models.URLField(max_length=2000, null=True, blank=True, unique=True)
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the raw content")
    source_name = models.CharField(max_length=500, blank=True, help_text="File name or URL it came from")
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(max_length=500, blank=True)
    author = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=8, blank=True)
    published = models.DateTimeField(null=True, blank=True)
    published_expression = models.CharField(max_length=200, blank=True)
    raw = models.TextField(help_text="The content as received, kept so it can be extracted again")
    is_html = models.BooleanField(default=False)
    text = models.TextField(blank=True, help_text="Cleaned text; evidence offsets point into it")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    extractor_version = models.CharField(max_length=40, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates",
        help_text="The article this URL turned out to carry, when it was already ingested from elsewhere",
    )
    feed = models.ForeignKey("Feed", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published", "-id"]

    def __str__(self):
        return self.title or self.source_name or f"Article {self.pk}"

    def get_absolute_url(self):
        return self.url or ""

    @staticmethod
    def hash_content(raw: str) -> str:
        # Line endings and surrounding whitespace do not make a different article.
        normalised = "\n".join(line.rstrip() for line in raw.replace("\r\n", "\n").strip().split("\n"))
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Feed(models.Model):
    """An RSS or Atom feed of an outlet, polled by Celery beat; only entries with new URLs are queued."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)
    poll_minutes = models.PositiveIntegerField(default=30, help_text="How often the feed is read, in minutes")
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled = models.DateTimeField(null=True, blank=True)
    last_new_entries = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True, help_text="Why the last poll failed; empty when it worked")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["outlet__name", "url"]

    def __str__(self):
        return self.title or self.url

    def is_due(self, now) -> bool:
        return self.last_polled is None or self.last_polled + datetime.timedelta(minutes=self.poll_minutes) <= now
