"""Read-only JSON API (django-ninja) under /api/, schema at /api/openapi.json.

Events take the same filters as the timeline page (read by timeline.state.parse_state), pages go
by an opaque keyset cursor, and every event carries its date precision and its provenance: the
evidence sentences and the articles they come from. Requests are rate-limited per client.
"""

import datetime
import re

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest, QueryDict
from ninja import NinjaAPI, Query, Schema
from ninja.errors import Throttled
from ninja.throttling import AnonRateThrottle

from ingest.models import Outlet
from timeline.models import Actor, Event
from timeline.state import parse_cursor

from . import states
from .models import Timeline

DEFAULT_LIMIT = 50
_SLUG = re.compile(r"[-A-Za-z0-9_]{1,40}")
MAX_LIMIT = 200


class ClientThrottle(AnonRateThrottle):
    """Per-client limit; the rate is read from settings on every request so tests and deploys can set it."""

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = getattr(settings, "LINIMASA_API_RATE", "120/min")
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest):
        # Signed-in users and anonymous readers alike are counted by address.
        return self.cache_format % {"scope": "linimasa-api", "ident": self.get_ident(request)}


api = NinjaAPI(
    title="Linimasa API",
    version="1",
    description="Read-only China–Russia timeline: events with date precision and sources, actors, "
                "outlets, saved timelines. Event filters are those of the timeline page.",
    urls_namespace="api",
    throttle=[ClientThrottle()],
)


@api.exception_handler(Throttled)
def explain_throttle(request, exc: Throttled):
    wait = max(1, int(exc.wait or 1))
    response = api.create_response(
        request,
        {"detail": f"Too many requests: this API allows {getattr(settings, 'LINIMASA_API_RATE', '120/min')} "
                   f"per client. Try again in {wait} seconds."},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


class Problem(Schema):
    detail: str | list[str]


class Invalid(Schema):
    """A parameter of the wrong type or out of range, as django-ninja reports it."""

    detail: list[dict]


# Every operation may answer these; the schema says so, so clients (and the fuzzer) know.
ERRORS = {400: Problem, 422: Invalid, 429: Problem}


class ArticleOut(Schema):
    id: int
    title: str
    url: str | None
    outlet: str | None
    state_affiliated: bool
    language: str
    published: datetime.datetime | None


class EvidenceOut(Schema):
    sentence: str
    start: int
    end: int
    date_expression: str
    confidence: float
    article: ArticleOut


class RoleOut(Schema):
    id: int
    name: str
    kind: str
    role: str


class EventOut(Schema):
    id: int
    url: str
    title: str
    summary: str
    kind: str
    date: str
    precision: str
    qualifier: str
    date_start: datetime.date
    date_end: datetime.date
    date_display: str
    date_trail: str
    modality: str
    location: str
    plover_type: str
    plover_mode: str
    actors: list[RoleOut]
    source_count: int
    independent_source_count: int
    evidence: list[EvidenceOut]


class EventPage(Schema):
    items: list[EventOut]
    next_cursor: str | None


class AliasOut(Schema):
    name: str
    language: str


class ActorOut(Schema):
    id: int
    name: str
    kind: str
    country: str | None
    wikidata_id: str
    aliases: list[AliasOut]


class ActorPage(Schema):
    items: list[ActorOut]
    next_cursor: str | None


class OutletOut(Schema):
    id: int
    name: str
    domain: str
    country: str
    language: str
    state_affiliated: bool


class OutletPage(Schema):
    items: list[OutletOut]
    next_cursor: str | None


class SnapshotOut(Schema):
    key: str
    url: str
    created: datetime.datetime
    event_count: int


class TimelineOut(Schema):
    slug: str
    url: str
    title: str
    description: str
    query: str
    visibility: str
    created: datetime.datetime
    included: list[int]
    excluded: list[int]
    snapshots: list[SnapshotOut]


class TimelinePage(Schema):
    items: list[TimelineOut]
    next_cursor: str | None


class EventFilters(Schema):
    """The timeline page's query parameters, plus paging."""

    actor: list[str] = []
    kind: list[str] = []
    outlet: list[str] = []
    lang: list[str] = []
    date_from: str = Query("", alias="from")
    to: str = ""
    sources: str = ""
    q: str = ""
    a: str = ""
    b: str = ""
    dir: str = ""
    period: str = ""


class Paging(Schema):
    """Paging by the id of the last row seen: pass the next_cursor of the previous page."""

    cursor: str = Query("", pattern=r"^[0-9]{0,18}$")
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


class EventPaging(Schema):
    """Paging by the (date, id) of the last event seen, as the timeline page does."""

    cursor: str = Query("", pattern=r"^([0-9]{4}-[0-9]{2}-[0-9]{2}\.[0-9]{1,18})?$")
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def _event_out(event: Event) -> dict:
    return {
        "id": event.pk,
        "url": event.get_absolute_url(),
        "title": event.title,
        "summary": event.summary,
        "kind": event.kind,
        "date": event.date_iso,
        "precision": event.precision,
        "qualifier": event.qualifier,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "date_display": event.date_display,
        "date_trail": event.date_trail,
        "modality": event.modality,
        "location": event.location,
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "actors": [{"id": r.actor_id, "name": r.actor.name, "kind": r.actor.kind, "role": r.role}
                   for r in event.roles.all()],
        "source_count": event.source_count,
        "independent_source_count": event.independent_count,
        "evidence": [
            {
                "sentence": e.sentence,
                "start": e.start,
                "end": e.end,
                "date_expression": e.date_expression,
                "confidence": e.confidence,
                "article": {
                    "id": e.article_id,
                    "title": e.article.title,
                    "url": e.article.url,
                    "outlet": e.article.outlet.name if e.article.outlet else None,
                    "state_affiliated": bool(e.article.outlet and e.article.outlet.state_affiliated),
                    "language": e.article.language,
                    "published": e.article.published,
                },
            }
            for e in event.evidence.all()
        ],
    }


def _page_of_events(events, cursor: str, limit: int) -> dict:
    """Keyset paging on (date_start, id), the page's own order and cursor format."""
    if cursor:
        position = parse_cursor(cursor)
        if position is None:
            raise _bad_request(["The cursor is not one this API gave out."])
        events = events.filter(date_start__gte=position.date).filter(
            Q(date_start__gt=position.date) | Q(pk__gt=position.pk)
        )
    rows = list(states.with_provenance(events.order_by("date_start", "id"))[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = f"{rows[-1].date_start.isoformat()}.{rows[-1].pk}" if more and rows else None
    return {"items": [_event_out(e) for e in rows], "next_cursor": next_cursor}


class _BadRequest(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems


def _bad_request(problems: list[str]) -> _BadRequest:
    return _BadRequest(problems)


@api.exception_handler(_BadRequest)
def explain_bad_request(request, exc: _BadRequest):
    return api.create_response(request, {"detail": exc.problems}, status=400)


def _id_cursor(cursor: str) -> int:
    if not cursor:
        return 0
    if not cursor.isdigit() or len(cursor) > 18:
        raise _bad_request(["The cursor is not one this API gave out."])
    return int(cursor)


def _spec_from_request(request: HttpRequest) -> states.Spec:
    params = QueryDict(mutable=True)
    for key in request.GET:
        if key not in {"cursor", "limit"}:
            params.setlist(key, request.GET.getlist(key))
    try:
        return states.read_spec(params.urlencode())
    except states.InvalidSpec as error:
        raise _bad_request(error.problems) from None


@api.get("/events", response={200: EventPage, **ERRORS}, summary="Published events, filtered like the page")
def list_events(request, filters: Query[EventFilters], paging: Query[EventPaging]):
    spec = _spec_from_request(request)
    return _page_of_events(states.select_timeline_events(spec.state), paging.cursor, paging.limit)


@api.get("/events/{event_id}", response={200: EventOut, 404: Problem, **ERRORS}, summary="One event; merged ids follow")
def get_event(request, event_id: int):
    canonical = states.follow_merges([event_id]) if 0 < event_id < 2**62 else []
    event = states.with_provenance(Event.objects.visible().filter(pk__in=canonical)).first()
    if event is None:
        raise Http404("No such published event.")
    return _event_out(event)


@api.get("/actors", response={200: ActorPage, **ERRORS}, summary="Actors, by name or alias")
def list_actors(request, paging: Query[Paging], q: str = ""):
    after = _id_cursor(paging.cursor)
    actors = Actor.objects.filter(pk__gt=after).select_related("country").prefetch_related("aliases")
    text = " ".join(q.replace("\x00", "").split())[:100]
    if text:
        actors = actors.filter(Q(name__icontains=text) | Q(aliases__name__icontains=text)).distinct()
    rows = list(actors.order_by("pk")[: paging.limit + 1])
    items = [
        {"id": a.pk, "name": a.name, "kind": a.kind, "country": a.country.name if a.country else None,
         "wikidata_id": a.wikidata_id, "aliases": [{"name": x.name, "language": x.language} for x in a.aliases.all()]}
        for a in rows[: paging.limit]
    ]
    return {"items": items, "next_cursor": str(rows[paging.limit - 1].pk) if len(rows) > paging.limit else None}


@api.get("/outlets", response={200: OutletPage, **ERRORS}, summary="Outlets the sources come from")
def list_outlets(request, paging: Query[Paging]):
    after = _id_cursor(paging.cursor)
    rows = list(Outlet.objects.filter(pk__gt=after).order_by("pk")[: paging.limit + 1])
    items = [
        {"id": o.pk, "name": o.name, "domain": o.domain, "country": o.country, "language": o.language,
         "state_affiliated": o.state_affiliated}
        for o in rows[: paging.limit]
    ]
    return {"items": items, "next_cursor": str(rows[paging.limit - 1].pk) if len(rows) > paging.limit else None}


def _timeline_out(timeline: Timeline) -> dict:
    return {
        "slug": timeline.slug, "url": timeline.get_absolute_url(), "title": str(timeline),
        "description": timeline.description, "query": timeline.query, "visibility": timeline.visibility,
        "created": timeline.created,
        "included": [e.pk for e in timeline.included.all()], "excluded": [e.pk for e in timeline.excluded.all()],
        # "As of" links, newest first: each keeps the events and dates the timeline showed then.
        "snapshots": [
            {"key": s.key, "url": s.get_absolute_url(), "created": s.created, "event_count": len(s.events)}
            for s in timeline.snapshots.all()
        ],
    }


def _visible_timeline(request, slug: str) -> Timeline:
    # Slugs are URL-safe tokens: anything else (PostgreSQL refuses NUL outright) is simply not found.
    timeline = Timeline.objects.filter(slug=slug).first() if _SLUG.fullmatch(slug) else None
    if timeline is None or not timeline.can_be_seen_by(request.user):
        raise Http404("No such timeline.")
    return timeline


@api.get("/timelines", response={200: TimelinePage, **ERRORS}, summary="Public saved timelines, newest first")
def list_timelines(request, paging: Query[Paging]):
    before = _id_cursor(paging.cursor)
    timelines = Timeline.objects.filter(visibility=Timeline.Visibility.PUBLIC)
    timelines = timelines.prefetch_related("included", "excluded", "snapshots")
    if before:
        timelines = timelines.filter(pk__lt=before)
    rows = list(timelines.order_by("-pk")[: paging.limit + 1])
    items = [_timeline_out(t) for t in rows[: paging.limit]]
    return {"items": items, "next_cursor": str(rows[paging.limit - 1].pk) if len(rows) > paging.limit else None}


@api.get("/timelines/{slug}", response={200: TimelineOut, 404: Problem, **ERRORS}, summary="A saved timeline")
def get_timeline(request, slug: str):
    return _timeline_out(_visible_timeline(request, slug))


@api.get("/timelines/{slug}/events", response={200: EventPage, 404: Problem, **ERRORS},
         summary="The events a saved timeline shows now")
def list_timeline_events(request, slug: str, paging: Query[EventPaging]):
    timeline = _visible_timeline(request, slug)
    return _page_of_events(states.select_saved_events(timeline), paging.cursor, paging.limit)
