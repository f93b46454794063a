"""Read-side queries for the public timeline: filters in, a fixed number of queries out."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Actor, Event, EventActor, Evidence

# Precisions that cover a whole year or more: shown before the months of their year.
_YEAR_OR_COARSER = {Event.Precision.YEAR, Event.Precision.DECADE}
# Precisions that cover several months: also shown with the year, not inside one month.
_SEVERAL_MONTHS = {Event.Precision.QUARTER, Event.Precision.SEASON}
_MONTH = Event.Precision.MONTH
_ACTOR_HEADINGS = [
    (Actor.Kind.COUNTRY, "Countries"),
    (Actor.Kind.PERSON, "People"),
    (Actor.Kind.ORGANISATION, "Organisations"),
]


@dataclass
class TimelineFilters:
    """What the reader asked for, resolved against the database, with a message per bad value."""

    actor: Actor | None = None
    kind: str = ""
    actor_param: str = ""
    kind_param: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def is_active(self) -> bool:
        return bool(self.actor_param or self.kind_param)

    @property
    def is_valid(self) -> bool:
        return not self.problems


@dataclass
class MonthGroup:
    month: datetime.date  # the first day of the month
    events: list[Event] = field(default_factory=list)


@dataclass
class YearGroup:
    year: int
    events: list[Event] = field(default_factory=list)  # dated to the year or to several months
    months: list[MonthGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.events) + sum(len(m.events) for m in self.months)


@dataclass
class FilterChoices:
    actors_by_kind: list[tuple[str, list[Actor]]]
    kinds: list[tuple[str, str]]


def resolve_filters(params) -> TimelineFilters:
    """Read ?actor= (a name, any case, or an id) and ?kind= (a kind value) from query parameters."""
    actor_param = (params.get("actor") or "").strip()[:200]
    kind_param = (params.get("kind") or "").strip().lower()[:40]
    filters = TimelineFilters(actor_param=actor_param, kind_param=kind_param)
    if actor_param:
        filters.actor = find_actor(actor_param)
        if filters.actor is None:
            filters.problems.append(f"There is no actor called “{actor_param}” on this timeline.")
    if kind_param:
        if kind_param in Event.Kind.values:
            filters.kind = kind_param
        else:
            filters.problems.append(f"“{kind_param}” is not a kind of event this timeline knows.")
    return filters


def find_actor(name_or_id: str) -> Actor | None:
    """An actor by canonical name (case-insensitive) or by numeric id; None when unknown."""
    actor = Actor.objects.filter(name__iexact=name_or_id).first()
    if actor is None and name_or_id.isdigit() and len(name_or_id) < 19:  # fits a bigint
        actor = Actor.objects.filter(pk=int(name_or_id)).first()
    return actor


def select_timeline_events(filters: TimelineFilters) -> list[Event]:
    """Visible events matching the filters, in date order, with actors and source counts loaded."""
    if not filters.is_valid:
        return []
    events = Event.objects.visible()
    if filters.actor is not None:
        # A subquery rather than a join keeps the source count below free of duplicate rows.
        events = events.filter(pk__in=Event.objects.involving(filters.actor).values("pk"))
    if filters.kind:
        events = events.filter(kind=filters.kind)
    events = (
        events.annotate(source_count=Count("evidence__article", distinct=True))
        .prefetch_related(Prefetch("roles", queryset=EventActor.objects.select_related("actor")))
        .in_date_order()
    )
    return list(events)


def group_by_year_and_month(events: list[Event]) -> list[YearGroup]:
    """Year groups holding month groups; coarse dates lead their year or month, never a made-up day."""
    years: dict[int, YearGroup] = {}
    for event in events:
        year = years.setdefault(event.date_start.year, YearGroup(year=event.date_start.year))
        if event.precision in _YEAR_OR_COARSER or event.precision in _SEVERAL_MONTHS:
            year.events.append(event)
            continue
        first_of_month = event.date_start.replace(day=1)
        if not year.months or year.months[-1].month != first_of_month:
            year.months.append(MonthGroup(month=first_of_month))
        year.months[-1].events.append(event)
    for year in years.values():
        year.events.sort(key=_coarse_first)
        for month in year.months:
            month.events.sort(key=_month_precision_first)
    return [years[y] for y in sorted(years)]


def _coarse_first(event: Event) -> tuple:
    return (event.precision not in _YEAR_OR_COARSER, event.date_start, event.pk)


def _month_precision_first(event: Event) -> tuple:
    return (event.precision != _MONTH, event.date_start, event.pk)


def select_filter_choices(filters: TimelineFilters) -> FilterChoices:
    """Actors and kinds that have visible events (plus whatever is selected), from the database."""
    published = Event.Status.PUBLISHED
    actor_query = Q(events__status=published) | Q(people__events__status=published)
    if filters.actor is not None:
        actor_query |= Q(pk=filters.actor.pk)
    actors = list(Actor.objects.filter(actor_query).distinct().order_by("name"))
    actors_by_kind = []
    for kind, heading in _ACTOR_HEADINGS:
        of_kind = [a for a in actors if a.kind == kind]
        if of_kind:
            actors_by_kind.append((heading, of_kind))
    used = set(Event.objects.visible().order_by().values_list("kind", flat=True).distinct())
    if filters.kind:
        used.add(filters.kind)
    kinds = [(value, label) for value, label in Event.Kind.choices if value in used]
    return FilterChoices(actors_by_kind=actors_by_kind, kinds=kinds)


def select_event_detail(events: QuerySet[Event] | None = None) -> QuerySet[Event]:
    """Events with their actors and evidence (article and outlet) loaded for the detail view."""
    events = events if events is not None else Event.objects.all()
    evidence = Evidence.objects.select_related("article__outlet").order_by("article__published", "start")
    return events.annotate(source_count=Count("evidence__article", distinct=True)).prefetch_related(
        Prefetch("roles", queryset=EventActor.objects.select_related("actor")),
        Prefetch("evidence", queryset=evidence),
    )
