import hashlib

from django.db import models
from django.db.models import Q


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
        QUEUED = "queued", "queued"
        FETCHING = "fetching", "fetching"
        FETCHED = "fetched", "fetched"
        EXTRACTED = "extracted", "extracted"
        FAILED = "failed", "failed"

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
