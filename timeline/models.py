import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from .formatting import format_date_span


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", pgettext_lazy("actor kind", "person")
        COUNTRY = "country", pgettext_lazy("actor kind", "country")
        ORGANISATION = "organisation", pgettext_lazy("actor kind", "organisation")

    name = models.CharField(max_length=200, unique=True, help_text="Canonical English name")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    country = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        limit_choices_to={"kind": "country"},
        help_text="For people: the country they serve",
    )
    wikidata_id = models.CharField(max_length=20, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def holder_of(self, office: str, on: datetime.date) -> bool:
        return any(o.covers(on) for o in self.offices.all() if o.title == office)


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    language = models.CharField(max_length=8, help_text="ISO 639-1 code: en, id, ru, zh...")

    history = HistoricalRecords()

    class Meta:
        ordering = ["language", "name"]
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "language", "name"], name="alias_unique_per_language")
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"


class Office(models.Model):
    """An office held for a period: lets a title alone resolve to the person of the day."""

    holder = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="offices")
    title = models.CharField(max_length=200, help_text='e.g. "President of Russia"')
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True, help_text="Empty while still in office")

    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "start"]
        constraints = [
            models.UniqueConstraint(fields=["holder", "title", "start"], name="office_unique_term")
        ]

    def __str__(self):
        end = self.end.isoformat() if self.end else "now"
        start = self.start.isoformat() if self.start else "?"
        return f"{self.title}: {self.holder} ({start} – {end})"

    def covers(self, day: datetime.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class EventQuerySet(models.QuerySet):
    def visible(self, include_proposed: bool = False):
        # Curators also see what awaits their review, marked as such; readers see published events only.
        if include_proposed:
            return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.PROPOSED])
        return self.filter(status=Event.Status.PUBLISHED)

    def in_date_order(self):
        return self.order_by("date_start", "id")

    def involving(self, actor: Actor):
        # An event "involves" a country also when one of its people takes part.
        return self.filter(Q(actors=actor) | Q(actors__country=actor)).distinct()


class Event(models.Model):
    class Kind(models.TextChoices):
        CALL = "call", pgettext_lazy("event kind", "call")
        MEETING = "meeting", pgettext_lazy("event kind", "meeting")
        VISIT = "visit", pgettext_lazy("event kind", "visit")
        SUMMIT = "summit", pgettext_lazy("event kind", "summit")
        AGREEMENT = "agreement", pgettext_lazy("event kind", "agreement")
        STATEMENT = "statement", pgettext_lazy("event kind", "statement")
        EXERCISE = "exercise", pgettext_lazy("event kind", "exercise")
        INVASION = "invasion", pgettext_lazy("event kind", "invasion")
        ATTACK = "attack", pgettext_lazy("event kind", "attack")
        SANCTION = "sanction", pgettext_lazy("event kind", "sanction")
        OTHER = "other", pgettext_lazy("event kind", "other")

    class Precision(models.TextChoices):
        DAY = "day", pgettext_lazy("date precision", "day")
        WEEK = "week", pgettext_lazy("date precision", "week")
        MONTH = "month", pgettext_lazy("date precision", "month")
        QUARTER = "quarter", pgettext_lazy("date precision", "quarter")
        SEASON = "season", pgettext_lazy("date precision", "season")
        YEAR = "year", pgettext_lazy("date precision", "year")
        DECADE = "decade", pgettext_lazy("date precision", "decade")

    class Qualifier(models.TextChoices):
        NONE = "", "—"
        EARLY = "early", pgettext_lazy("date qualifier word", "early")
        MID = "mid", pgettext_lazy("date qualifier word", "mid")
        LATE = "late", pgettext_lazy("date qualifier word", "late")

    class Modality(models.TextChoices):
        ASSERTED = "asserted", pgettext_lazy("event modality", "happened")
        PLANNED = "planned", pgettext_lazy("event modality", "planned")

    class Status(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("event status", "proposed")
        PUBLISHED = "published", pgettext_lazy("event status", "published")
        REJECTED = "rejected", pgettext_lazy("event status", "rejected")
        MERGED = "merged", pgettext_lazy("event status", "merged")

    kind = models.CharField(max_length=12, choices=Kind.choices, db_index=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    # The date is an interval at a precision: "Feb 2022" is 2022-02-01..2022-02-28 at month
    # precision, "20-22 Mar 2023" is 2023-03-20..2023-03-22 at day precision.
    date_start = models.DateField()
    date_end = models.DateField()
    precision = models.CharField(max_length=8, choices=Precision.choices)
    qualifier = models.CharField(max_length=5, choices=Qualifier.choices, blank=True, default="")
    date_trail = models.TextField(blank=True, help_text="How the date was resolved")
    location = models.CharField(max_length=200, blank=True)
    modality = models.CharField(max_length=8, choices=Modality.choices, default=Modality.ASSERTED)
    plover_type = models.CharField(max_length=20, blank=True)
    plover_mode = models.CharField(max_length=20, blank=True)
    confidence = models.FloatField(default=0.0)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_events"
    )
    actors = models.ManyToManyField(Actor, through="EventActor", related_name="events")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    # Who changed what and when (curators and the pipeline's refinements), for revert and the changelog.
    history = HistoricalRecords(excluded_fields=["created", "updated"])

    class Meta:
        ordering = ["date_start", "id"]
        indexes = [models.Index(fields=["status", "date_start", "id"], name="event_timeline_order")]
        constraints = [
            models.CheckConstraint(condition=Q(date_end__gte=models.F("date_start")), name="event_dates_ordered"),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | Q(status="merged"), name="event_merged_has_status"
            ),
        ]

    def __str__(self):
        return f"{self.date_display}: {self.title}"

    def get_absolute_url(self):
        return reverse("timeline:event", args=[self.pk])

    @property
    def date_display(self) -> str:
        return format_date_span(self.date_start, self.date_end, self.precision, self.qualifier)

    @property
    def date_iso(self) -> str:
        """The date at its precision, as in the extraction contract."""
        if self.precision in {"year", "decade"}:
            return f"{self.date_start:%Y}"
        if self.precision in {"month", "quarter", "season"}:
            return f"{self.date_start:%Y-%m}"
        return self.date_start.isoformat()


class EventActor(models.Model):
    class Role(models.TextChoices):
        INITIATOR = "initiator", pgettext_lazy("actor role", "initiator")
        TARGET = "target", pgettext_lazy("actor role", "target")
        PARTICIPANT = "participant", pgettext_lazy("actor role", "participant")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="roles")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="roles")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTICIPANT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "actor__name"]
        constraints = [models.UniqueConstraint(fields=["event", "actor"], name="event_actor_once")]

    def __str__(self):
        return f"{self.actor} ({self.role})"


class Evidence(models.Model):
    """One source's report of an event: the sentence, where it stands, and why it was linked."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey("ingest.Article", on_delete=models.CASCADE, related_name="evidence")
    sentence = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the sentence in the article's cleaned text")
    end = models.PositiveIntegerField()
    date_expression = models.CharField(max_length=200, blank=True)
    trigger = models.CharField(max_length=100, blank=True)
    confidence = models.FloatField(default=0.0)
    extractor_version = models.CharField(max_length=40)
    merge_reason = models.TextField(blank=True, help_text="Why this report was linked to the event")
    # The date this source gave, before merging: sources a day apart are a date conflict to review.
    reported_start = models.DateField(null=True, blank=True)
    reported_end = models.DateField(null=True, blank=True)
    reported_precision = models.CharField(max_length=8, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article__published", "start"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["event", "article", "start"], name="evidence_once_per_sentence")
        ]

    def __str__(self):
        return f"{self.article}: {self.sentence[:80]}"


from .curation_models import CurationAction  # noqa: E402, F401  (registers the model with this app)
