"""Saved timelines as timeline states: validated through the page's own parser, resolved to events.

A saved timeline's filter spec is exactly the timeline page's query string, read by
timeline.state.parse_state and written back by TimelineState.to_query, so /t/<slug>/ and the page
agree on what a state means. Hand-picked inclusions and exclusions follow merges to the canonical
event, so a link survives curation.
"""

import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import QueryDict

from timeline import selectors
from timeline.models import Event, EventActor, Evidence
from timeline.state import TimelineState, parse_state

from .models import Snapshot, Timeline, make_slug, make_state_key

# Exports and shared pages list at most this many events: a bound on work per request.
MAX_EVENTS = 2000
MAX_MERGE_HOPS = 20


class InvalidSpec(ValueError):
    """The query string does not describe a timeline state; the messages say why."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Spec:
    state: TimelineState
    query: str  # canonical, without "?"


def read_spec(query: str) -> Spec:
    """Validate a query string with the page's parser; paging and the open event are not part of a view."""
    query = (query or "").lstrip("?")[:2000]
    state = parse_state(_without_nul(QueryDict(query)))
    if state.problems:
        raise InvalidSpec(state.problems)
    # Facets are sets to the page (any of these actors, any of these kinds): order them, so the same
    # state shared twice is one timeline.
    state = state.with_changes(
        actors=sorted(state.actors, key=lambda a: a.name),
        kinds=sorted(state.kinds),
        outlets=sorted(state.outlets),
        languages=sorted(state.languages),
    )
    return Spec(state=state, query=state.to_query().lstrip("?"))


def _without_nul(params: QueryDict) -> QueryDict:
    """NUL characters removed: no name or date holds one, and PostgreSQL refuses them in a query."""
    clean = QueryDict(mutable=True)
    for key in params:
        clean.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in params.getlist(key)])
    return clean


def follow_merges(event_ids) -> list[int]:
    """Each id replaced by the event it was merged into (transitively); unknown ids dropped."""
    result: list[int] = []
    pending = list(dict.fromkeys(int(i) for i in event_ids))
    for _hop in range(MAX_MERGE_HOPS):
        if not pending:
            break
        rows = dict(Event.objects.filter(pk__in=pending).values_list("pk", "merged_into_id"))
        next_round = []
        for pk in pending:
            if pk not in rows:
                continue
            if rows[pk] is None:
                result.append(pk)
            else:
                next_round.append(rows[pk])
        pending = [pk for pk in dict.fromkeys(next_round) if pk not in result]
    return list(dict.fromkeys(result))


def select_timeline_events(state: TimelineState, included=(), excluded=()) -> QuerySet[Event]:
    """Published events of the state, plus inclusions, minus exclusions, in date order."""
    events = selectors.filter_events(state)
    included, excluded = follow_merges(included), follow_merges(excluded)
    if included:
        events = Event.objects.visible().filter(Q(pk__in=events.values("pk")) | Q(pk__in=included))
    if excluded:
        events = events.exclude(pk__in=excluded)
    return events.order_by("date_start", "id")


def with_provenance(events: QuerySet[Event], *, evidence: bool = True) -> QuerySet[Event]:
    """Actors, source counts and (unless told not to) evidence, articles and outlets, in a fixed
    number of queries. Formats that only count sources skip the evidence: it is most of the rows."""
    roles = EventActor.objects.select_related("actor__country").order_by("role", "actor__name")
    lookups = [Prefetch("roles", queryset=roles)]
    if evidence:
        rows = Evidence.objects.select_related("article__outlet").order_by("article__published", "start")
        lookups.append(Prefetch("evidence", queryset=rows))
    return selectors.annotate_source_counts(events).prefetch_related(*lookups)


def timeline_state(timeline: Timeline) -> TimelineState:
    """The saved state; a spec that no longer reads (an actor renamed away) matches nothing."""
    return parse_state(QueryDict(timeline.query)).with_changes()


def select_saved_events(timeline: Timeline) -> QuerySet[Event]:
    included = timeline.included.values_list("pk", flat=True)
    excluded = timeline.excluded.values_list("pk", flat=True)
    return select_timeline_events(timeline_state(timeline), list(included), list(excluded))


def freeze_events(events) -> list[dict]:
    return [
        {
            "id": e.pk,
            "title": e.title,
            "kind": e.kind,
            "date_start": e.date_start.isoformat(),
            "date_end": e.date_end.isoformat(),
            "precision": e.precision,
            "qualifier": e.qualifier,
            "date": e.date_iso,
            "date_display": e.date_display,
        }
        for e in events
    ]


def take_snapshot(timeline: Timeline) -> Snapshot:
    """A frozen copy of what the timeline shows now; the latest one is reused while nothing changed."""
    frozen = freeze_events(select_saved_events(timeline)[:MAX_EVENTS])
    digest = hashlib.sha256(json.dumps(frozen, sort_keys=True).encode("utf-8")).hexdigest()
    latest = timeline.snapshots.first()
    if latest is not None and latest.content_hash == digest:
        return latest
    return Snapshot.objects.create(timeline=timeline, key=make_slug("unlisted"), events=frozen, content_hash=digest)


@transaction.atomic
def share_state(query: str, *, owner=None, title: str = "", included=(), excluded=(),
                visibility: str = Timeline.Visibility.UNLISTED) -> tuple[Timeline, Snapshot]:
    """Save (or reuse, for the same state and owner) a timeline, and snapshot what it shows now."""
    spec = read_spec(query)
    included, excluded = follow_merges(included), follow_merges(excluded)
    key = make_state_key(spec.query, included, excluded)
    owner = owner if owner is not None and owner.is_authenticated else None
    timeline = (
        Timeline.objects.select_for_update()
        .filter(state_key=key, owner=owner, visibility=visibility)
        .order_by("created", "id")
        .first()
    )
    if timeline is None:
        timeline = Timeline.objects.create(
            slug=make_slug(visibility),
            title=title[:200] or describe_state(spec.state),
            query=spec.query,
            state_key=key,
            visibility=visibility,
            owner=owner,
        )
        timeline.included.set(included)
        timeline.excluded.set(excluded)
    return timeline, take_snapshot(timeline)


def describe_state(state: TimelineState) -> str:
    """A plain title for a state: who, what, when."""
    parts = []
    if state.is_between:
        parts.append(f"{state.actor_a.name} – {state.actor_b.name}")
    parts += [a.name for a in state.actors]
    parts += state.kinds
    if state.query:
        parts.append(f"“{state.query}”")
    if state.date_from or state.date_to:
        start = state.date_from.isoformat() if state.date_from else "…"
        end = state.date_to.isoformat() if state.date_to else "…"
        parts.append(f"{start} to {end}")
    if state.period:
        parts.append(state.period.key)
    return "China–Russia timeline" + (": " + ", ".join(parts) if parts else "")
