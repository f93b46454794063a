"""Public timeline views: one URL serves the full page and, for htmx, the fragment it swaps."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from . import selectors
from .models import Event


def _wants_fragment(request: HttpRequest) -> bool:
    # A history restore after a cache miss needs the whole page, not a fragment.
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def _render_page_or_fragment(request: HttpRequest, template: str, partial: str, context: dict) -> HttpResponse:
    name = f"{template}#{partial}" if _wants_fragment(request) else template
    response = render(request, name, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    filters = selectors.resolve_filters(request.GET)
    events = selectors.select_timeline_events(filters)
    context = {
        "filters": filters,
        "choices": selectors.select_filter_choices(filters),
        "years": selectors.group_by_year_and_month(events),
        "event_count": len(events),
    }
    return _render_page_or_fragment(request, "timeline/index.html", "event-list", context)


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(selectors.select_event_detail(), pk=pk)
    if event.status == Event.Status.MERGED and event.merged_into_id:
        return redirect("timeline:event", pk=event.merged_into_id)
    if event.status != Event.Status.PUBLISHED:
        raise Http404("No such event on the timeline.")
    return _render_page_or_fragment(request, "timeline/event.html", "event-detail", {"event": event})
