"""Public timeline views: one URL serves the full page and, for htmx, the fragment it swaps."""

from dataclasses import dataclass, replace

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from ops.pagecache import TIMELINE, cache_for_readers

from . import selectors
from .density import build_density, cached, render_bars
from .models import Actor, ActorAlias, Event
from .rows import RowContext, render_rows
from .state import SOURCE_LANGUAGE_NAMES, Cursor, TimelineState, find_actors, parse_state
from .views_curation import can_curate

# htmx targets and the partial of timeline/index.html that answers each.
_ROWS_TARGET_PREFIX = "page-more"
SUGGESTION_LIMIT = 8


def _fragment_requested(request: HttpRequest) -> bool:
    # A history restore after a cache miss needs the whole page, not a fragment.
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def _vary(response: HttpResponse) -> HttpResponse:
    patch_vary_headers(response, ["HX-Request"])
    return response


def _open_event(state: TimelineState, include_proposed: bool = False) -> Event | None:
    if not state.open_event:
        return None
    event = selectors.select_event_detail(Event.objects.visible(include_proposed)).filter(pk=state.open_event).first()
    if event is not None:
        event.outlet_groups = selectors.group_evidence_by_outlet(event)
        event.related = selectors.select_related_events(event)
    return event


def _with_bars(context: dict) -> dict:
    return {**context, "density_bars": render_bars(context["density"], context["index_url"])}


def _with_choices(context: dict) -> dict:
    return {
        **context,
        "outlets": selectors.select_outlet_choices(),
        "languages": list(SOURCE_LANGUAGE_NAMES.items()),
        "kinds": Event.Kind.choices,
    }


def _render_cached(request: HttpRequest, partial: str, context: dict, prepare) -> str:
    """A partial of timeline/index.html that depends only on the state and the language, cached as HTML
    until the timeline changes: the form and the strip cost more to render than the rows."""
    if not context["cacheable"]:
        return mark_safe(render_to_string(f"timeline/index.html#{partial}", prepare(context), request))
    key = f"{partial}:{get_language()}:{context['state_query']}"
    html = cached(key, lambda: str(render_to_string(f"timeline/index.html#{partial}", prepare(context), request)))
    return mark_safe(html)  # rendered by the template engine, escaped there


@dataclass
class RenderedPage:
    """One page of rows as HTML with its paging links: what the list needs, small enough to cache."""

    rows_html: str
    event_ids: list[int]
    newer: Cursor | None
    older: Cursor | None


def _render_page(request: HttpRequest, state: TimelineState, event_url_base: str, open_event) -> RenderedPage:
    # Signed-in curators also see proposed events, marked, with publish and reject in place.
    page = selectors.select_page(state, include_proposed=can_curate(request.user))
    rows = selectors.arrange_rows(page.events, page.previous_date)
    index_url = reverse("timeline:index")
    html = render_rows(rows, RowContext(state, index_url, event_url_base, open_event, request))
    return RenderedPage(str(html), [event.pk for event in page.events], page.newer, page.older)


@cache_for_readers(TIMELINE)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    state = parse_state(request.GET)
    index_url = reverse("timeline:index")
    state_query = state.to_query()
    # Opening an event in place pushes this state plus ?event=<id>, so a reload reopens it.
    event_url_base = index_url + (state_query + "&" if state_query else "?") + "event="
    open_event = None if _fragment_requested(request) else _open_event(state, can_curate(request.user))
    # Cached HTML is what every anonymous reader sees; signed-in curators may see more, so never theirs.
    cacheable = state.is_valid and not request.user.is_authenticated
    if open_event is None and cacheable:
        # Rows change only when the timeline does: cached per state, page and language until then.
        key = f"rows:{get_language()}:{state.to_query(paging=True)}"
        page = cached(key, lambda: _render_page(request, state, event_url_base, None))
    else:
        page = _render_page(request, state, event_url_base, open_event)
    context = {
        "state": state,
        "state_query": state_query,
        "page": page,
        "page_event_ids": page.event_ids,
        "rows_html": mark_safe(page.rows_html),  # built by rows.render_rows, every value escaped
        "index_url": index_url,
        "open_event": open_event,
        "cacheable": cacheable,
    }
    if page.newer:
        context["newer_url"] = index_url + replace(state, after=page.newer, before=None).to_query(paging=True)
    if page.older:
        context["older_url"] = index_url + replace(state, after=None, before=page.older).to_query(paging=True)
    if _fragment_requested(request) and (request.htmx.target or "").startswith(_ROWS_TARGET_PREFIX):
        # Infinite scroll: only the next rows, the address bar keeps the reader's state.
        return _vary(render(request, "timeline/index.html#rows", context))
    context["density"] = build_density(state)
    context["density_strip"] = _render_cached(request, "density-strip", context, _with_bars)
    if _fragment_requested(request):
        response = render(request, "timeline/index.html#results-fragment", context)
        # The canonical address of this state (aliases resolved, blanks gone) for the address bar.
        response["HX-Push-Url"] = context["index_url"] + state.to_query(paging=True)
        return _vary(response)
    context["filter_form"] = _render_cached(request, "filter-form", context, _with_choices)
    return _vary(render(request, "timeline/index.html", context))


def _load_event_page(pk: int) -> Event | None:
    """The event with its actors, evidence grouped by outlet and related events: four queries."""
    event = selectors.select_event_detail().filter(pk=pk).first()
    if event is not None:
        event.outlet_groups = selectors.group_evidence_by_outlet(event)
        event.related = selectors.select_related_events(event)
    return event


def _render_event_detail(request: HttpRequest, pk: int) -> tuple[Event | None, str]:
    """The event and, when readers may see it, its sources, changelog and related events as HTML
    (no form, no token): most of the page's work, the same for every anonymous reader."""
    event = _load_event_page(pk)
    if event is None or event.status != Event.Status.PUBLISHED:
        return event, ""
    return event, str(render_to_string("timeline/event.html#event-detail", {"event": event}, request))


@cache_for_readers(TIMELINE)
@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # What anonymous readers see is cached like the timeline rows, until the timeline changes; signed-in
    # curators may see proposed events and their controls, so never from (or into) the cache.
    cacheable = not request.user.is_authenticated
    if cacheable:
        # One cache entry per event and language (the per-process cache holds a few hundred entries).
        event, detail_html = cached(f"event-page:{get_language()}:{pk}", lambda: _render_event_detail(request, pk))
    else:
        event, detail_html = _load_event_page(pk), ""
    if event is None:
        raise Http404("No such event on the timeline.")
    if event.status == Event.Status.MERGED and event.merged_into_id:
        return redirect("timeline:event", pk=event.merged_into_id)
    awaiting_review = event.status == Event.Status.PROPOSED and can_curate(request.user)
    if event.status != Event.Status.PUBLISHED and not awaiting_review:
        raise Http404("No such event on the timeline.")
    context = {"event": event, "detail_html": mark_safe(detail_html)}  # rendered by the template engine, escaped there
    if _fragment_requested(request):
        if detail_html:
            return _vary(HttpResponse(detail_html))
        return _vary(render(request, "timeline/event.html#event-detail", context))
    return _vary(render(request, "timeline/event.html", context))


@require_GET
def actor_suggestions(request: HttpRequest) -> HttpResponse:
    """Type-ahead: actors whose name or any alias (Tiongkok, Китай, 中国) contains the typed text."""
    text = " ".join((request.GET.get("text") or request.GET.get("actor") or "").split())[:100]
    suggestions = []
    if text:
        found = find_actors([text])
        exact = list({a.pk: a for a in found.values()}.values())
        aliases = (
            ActorAlias.objects.filter(name__icontains=text)
            .select_related("actor")
            .order_by("actor__name", "language")[:40]
        )
        by_actor: dict[int, dict] = {a.pk: {"actor": a, "alias": ""} for a in exact}
        for alias in aliases:
            entry = by_actor.setdefault(alias.actor_id, {"actor": alias.actor, "alias": ""})
            if alias.name.casefold() != entry["actor"].name.casefold() and not entry["alias"]:
                entry["alias"] = f"{alias.name} ({alias.language})"
        for actor in Actor.objects.filter(name__icontains=text).order_by("name")[:SUGGESTION_LIMIT]:
            by_actor.setdefault(actor.pk, {"actor": actor, "alias": ""})
        suggestions = list(by_actor.values())[:SUGGESTION_LIMIT]
    return _vary(render(request, "timeline/suggestions.html", {"suggestions": suggestions, "text": text}))
