"""Read-side queries for the public timeline: a state in, a small fixed number of queries out."""

import datetime
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat

from ingest.models import Outlet

from .models import Event, EventActor, Evidence
from .state import Cursor, TimelineState

PAGE_SIZE = 30
RELATED_WINDOW = datetime.timedelta(days=30)
RELATED_LIMIT = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def _source_key():
    """One value per independent source: state media of one country count once, others per outlet."""
    return Case(
        When(article__outlet__isnull=True, then=Concat(Value("a"), Cast("article_id", CharField()))),
        When(
            Q(article__outlet__state_affiliated=True) & ~Q(article__outlet__country=""),
            then=Concat(Value("s"), "article__outlet__country"),
        ),
        default=Concat(Value("o"), Cast("article__outlet_id", CharField())),
        output_field=CharField(),
    )


def annotate_source_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    """source_count (articles) and independent_count, as per-row subqueries: cheap under a LIMIT."""
    per_event = Evidence.objects.filter(event=OuterRef("pk")).order_by().values("event")
    articles = per_event.annotate(n=Count("article", distinct=True)).values("n")
    independent = per_event.annotate(n=Count(_source_key(), distinct=True)).values("n")
    return events.annotate(
        source_count=Coalesce(Subquery(articles, output_field=IntegerField()), 0),
        independent_count=Coalesce(Subquery(independent, output_field=IntegerField()), 0),
    )


def _involving(actor) -> QuerySet[EventActor]:
    # A country takes part also through its people (Xi Jinping for China).
    return EventActor.objects.filter(Q(actor=actor) | Q(actor__country=actor))


def _search(events: QuerySet[Event], text: str) -> QuerySet[Event]:
    words = _WORD.findall(text)[:8]
    if not words:
        return events
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        # Prefix terms, so "Tiong" finds "Tiongkok"; \w+ words cannot carry tsquery operators.
        query = SearchQuery(" & ".join(f"{w}:*" for w in words), config="simple", search_type="raw")
        in_evidence = Evidence.objects.annotate(vector=SearchVector("sentence", config="simple")).filter(
            vector=query
        )
        return events.annotate(title_vector=SearchVector("title", config="simple")).filter(
            Q(title_vector=query) | Q(pk__in=in_evidence.values("event"))
        )
    for word in words:  # SQLite: every word somewhere in the title or a source sentence
        in_evidence = Evidence.objects.filter(sentence__icontains=word).values("event")
        events = events.filter(Q(title__icontains=word) | Q(pk__in=in_evidence))
    return events


def _between(events: QuerySet[Event], state: TimelineState) -> QuerySet[Event]:
    a, b = _involving(state.actor_a), _involving(state.actor_b)
    initiator = EventActor.Role.INITIATOR
    events = events.filter(pk__in=a.values("event")).filter(pk__in=b.values("event"))
    a_to_b = Q(pk__in=a.filter(role=initiator).values("event")) & Q(pk__in=b.exclude(role=initiator).values("event"))
    b_to_a = Q(pk__in=b.filter(role=initiator).values("event")) & Q(pk__in=a.exclude(role=initiator).values("event"))
    if state.direction == "ab":
        return events.filter(a_to_b)
    if state.direction == "ba":
        return events.filter(b_to_a)
    if state.direction == "joint":
        return events.exclude(a_to_b).exclude(b_to_a)
    return events


def filter_events(state: TimelineState, *, window: bool = True, include_proposed: bool = False) -> QuerySet[Event]:
    """Published events (for curators also proposed ones) matching the facets and, with window, the zoom period."""
    if not state.is_valid:
        return Event.objects.none()
    events = Event.objects.visible(include_proposed)
    if state.actors:
        involved = EventActor.objects.filter(Q(actor__in=state.actors) | Q(actor__country__in=state.actors))
        events = events.filter(pk__in=involved.values("event"))
    if state.is_between:
        events = _between(events, state)
    if state.kinds:
        events = events.filter(kind__in=state.kinds)
    if state.outlets:
        events = events.filter(pk__in=Evidence.objects.filter(article__outlet__name__in=state.outlets).values("event"))
    if state.languages:
        events = events.filter(pk__in=Evidence.objects.filter(article__language__in=state.languages).values("event"))
    if state.date_from:
        events = events.filter(date_start__gte=state.date_from)
    if state.date_to:
        events = events.filter(date_start__lte=state.date_to)
    if state.query:
        events = _search(events, state.query)
    if state.min_sources:
        events = annotate_source_counts(events).filter(independent_count__gte=state.min_sources)
    if window and state.period:
        events = events.filter(date_start__gte=state.period.start, date_start__lte=state.period.end)
    return events


@dataclass
class TimelinePage:
    events: list[Event] = field(default_factory=list)
    older: Cursor | None = None  # link to the page before, when there is one
    newer: Cursor | None = None  # link to the page after, when there is one
    previous_date: datetime.date | None = None  # the date of the row just before this page


def _cursor(event: Event) -> Cursor:
    return Cursor(event.date_start, event.pk)


def select_page(state: TimelineState, size: int = PAGE_SIZE, *, include_proposed: bool = False) -> TimelinePage:
    """One page of rows by keyset on (date_start, id): two queries at any depth."""
    events = annotate_source_counts(filter_events(state, include_proposed=include_proposed)).prefetch_related(
        Prefetch("roles", queryset=EventActor.objects.select_related("actor").order_by("role", "actor__name"))
    )
    return select_keyset_page(events, before=state.before, after=state.after, size=size)


def select_keyset_page(
    events: QuerySet[Event], *, before: Cursor | None = None, after: Cursor | None = None, size: int = PAGE_SIZE
) -> TimelinePage:
    """One page of any event queryset by keyset on (date_start, id): the page after `after`, the page
    before `before`, else the first page. Shared timelines page their saved events with it too."""
    if before:
        c = before
        # date_start <= c.date first: lets the database walk the (status, date_start, id) index.
        rows = list(
            events.filter(date_start__lte=c.date)
            .filter(Q(date_start__lt=c.date) | Q(pk__lt=c.pk))
            .order_by("-date_start", "-id")[: size + 1]
        )
        has_more = len(rows) > size
        rows = list(reversed(rows[:size]))
        page = TimelinePage(events=rows)
        page.older = _cursor(rows[0]) if has_more and rows else None
        page.newer = _cursor(rows[-1]) if rows else None
        return page
    if after:
        c = after
        events = events.filter(date_start__gte=c.date).filter(Q(date_start__gt=c.date) | Q(pk__gt=c.pk))
    rows = list(events.order_by("date_start", "id")[: size + 1])
    has_more = len(rows) > size
    rows = rows[:size]
    page = TimelinePage(events=rows, previous_date=after.date if after else None)
    page.newer = _cursor(rows[-1]) if has_more else None
    page.older = _cursor(rows[0]) if after and rows else None
    return page


@dataclass
class Heading:
    """A year or month heading shown before a row when the period changes."""

    level: str  # "year" or "month"
    date: datetime.date


@dataclass
class Row:
    event: Event
    headings: list[Heading]


# Dated to a whole year or more, or to several months: shown under the year, not inside a month.
_COARSE = {"year", "decade", "quarter", "season"}


def arrange_rows(events: list[Event], previous_date: datetime.date | None = None) -> list[Row]:
    """Rows with the year and month headings that start before them, continuing across pages."""
    rows = []
    last_year = previous_date.year if previous_date else None
    last_month = (previous_date.year, previous_date.month) if previous_date else None
    for event in events:
        headings = []
        day = event.date_start
        if day.year != last_year:
            headings.append(Heading("year", day.replace(month=1, day=1)))
            last_year, last_month = day.year, None
        if event.precision not in _COARSE and (day.year, day.month) != last_month:
            headings.append(Heading("month", day.replace(day=1)))
            last_month = (day.year, day.month)
        rows.append(Row(event=event, headings=headings))
    return rows


def select_outlet_choices() -> list[str]:
    """Outlet names for the facet; cached with the density strips (outlets change rarely)."""
    from .density import cached

    return cached("outlets", lambda: list(Outlet.objects.order_by("name").values_list("name", flat=True)))


def select_event_detail(events: QuerySet[Event] | None = None) -> QuerySet[Event]:
    """Events with their actors and evidence (article and outlet) loaded for the detail view."""
    events = events if events is not None else Event.objects.all()
    evidence = Evidence.objects.select_related("article__outlet").order_by("article__published", "start")
    return annotate_source_counts(events).prefetch_related(
        Prefetch("roles", queryset=EventActor.objects.select_related("actor").order_by("role", "actor__name")),
        Prefetch("evidence", queryset=evidence),
    )


def select_related_events(event: Event, limit: int = RELATED_LIMIT) -> list[Event]:
    """Published events within 30 days that share an actor (directly or through a country's people)."""
    actor_ids = [role.actor_id for role in event.roles.all()]
    if not actor_ids:
        return []
    shared = EventActor.objects.filter(Q(actor__in=actor_ids) | Q(actor__country__in=actor_ids))
    return list(
        Event.objects.visible()
        .filter(pk__in=shared.values("event"))
        .filter(
            date_start__gte=event.date_start - RELATED_WINDOW,
            date_start__lte=event.date_end + RELATED_WINDOW,
        )
        .exclude(pk=event.pk)
        .order_by("date_start", "id")[:limit]
    )


@dataclass
class OutletGroup:
    """The evidence from one outlet, with what a reader needs to judge it."""

    outlet: Outlet | None
    evidence: list[Evidence]


def group_evidence_by_outlet(event: Event) -> list[OutletGroup]:
    groups: dict[int | None, OutletGroup] = {}
    for evidence in event.evidence.all():
        outlet = evidence.article.outlet
        key = outlet.pk if outlet else None
        groups.setdefault(key, OutletGroup(outlet=outlet, evidence=[])).evidence.append(evidence)
    return list(groups.values())
