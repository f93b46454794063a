"""Shared timelines: share a state, open it (live or as of a snapshot), embed, preview, export."""

import json
from urllib.parse import urlencode, urlsplit

from csp.decorators import csp_replace
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST

from ops.pagecache import TIMELINE_AND_SHARED, cache_for_readers
from timeline import selectors
from timeline.labels import label_kind
from timeline.models import Event

from . import exports, paging, preview, states
from .models import Timeline

EMBED_WIDTH, EMBED_HEIGHT = 600, 480
EXPORT_FORMATS = {
    "timelinejs.json": "application/json",
    "events.csv": "text/csv; charset=utf-8",
    "events.ics": "text/calendar; charset=utf-8",
    "plover.json": "application/json",
}


def _visible_timeline(request: HttpRequest, slug: str) -> Timeline:
    timeline = get_object_or_404(Timeline, slug=slug)
    if not timeline.can_be_seen_by(request.user):
        raise Http404("No such timeline.")  # a private timeline does not admit it exists
    return timeline


def _links(request: HttpRequest, timeline: Timeline, snapshot=None) -> dict:
    absolute = request.build_absolute_uri
    live = absolute(timeline.get_absolute_url())
    embed = absolute(reverse("sharing:embed", args=[timeline.slug]))
    return {
        "live_url": live,
        "snapshot_url": absolute(snapshot.get_absolute_url()) if snapshot else "",
        "embed_url": embed,
        "iframe_code": f'<iframe src="{embed}" width="{EMBED_WIDTH}" height="{EMBED_HEIGHT}" '
                       f'style="border:1px solid #ccc" title="{escape(str(timeline))}" loading="lazy"></iframe>',
        "preview_url": absolute(reverse("sharing:timeline-preview", args=[timeline.slug])),
        "page_url": reverse("timeline:index") + (f"?{timeline.query}" if timeline.query else ""),
        "oembed_url": absolute(reverse("sharing:oembed")) + "?format=json&url=" + live,
    }


def _export_links(prefix: str, query: str) -> list[tuple[str, str]]:
    suffix = f"?{query}" if query else ""
    names = [("TimelineJS", "timelinejs.json"), ("CSV", "events.csv"), ("iCalendar", "events.ics"),
             ("PLOVER", "plover.json")]
    links = [(label, f"{prefix}export/{name}{suffix}") for label, name in names]
    return links + [("Atom", f"{prefix}feeds/events.atom{suffix}")]


@require_POST
def share(request: HttpRequest) -> HttpResponse:
    """Save (or reuse) the posted state and answer with its links: a fragment for htmx, else a redirect."""
    if not _allow_share(request):
        return HttpResponse(
            gettext("Too many shared links from this address in the last hour; please try again later."),
            status=429, content_type="text/plain; charset=utf-8", headers={"Retry-After": "3600"},
        )
    visibility = request.POST.get("visibility") or Timeline.Visibility.UNLISTED
    allowed = {Timeline.Visibility.UNLISTED}
    if request.user.is_authenticated:
        allowed.add(Timeline.Visibility.PRIVATE)
    if request.user.is_staff:
        allowed.add(Timeline.Visibility.PUBLIC)
    if visibility not in allowed:
        return HttpResponseBadRequest(gettext("This visibility is not open to you."), content_type="text/plain")
    try:
        timeline, snapshot = states.share_state(
            request.POST.get("query", ""),
            owner=request.user,
            title=(request.POST.get("title") or "").strip(),
            included=_ids(request.POST.getlist("include")),
            excluded=_ids(request.POST.getlist("exclude")),
            visibility=visibility,
        )
    except states.InvalidSpec as error:
        if getattr(request, "htmx", None):
            return render(request, "sharing/_share.html#share-error", {"problems": error.problems}, status=400)
        return HttpResponseBadRequest("\n".join(error.problems), content_type="text/plain; charset=utf-8")
    if getattr(request, "htmx", None):
        context = {"timeline": timeline, "snapshot": snapshot, **_links(request, timeline, snapshot)}
        return render(request, "sharing/_share.html#share-result", context)
    return redirect(timeline)


def _allow_share(request: HttpRequest) -> bool:
    """At most LINIMASA_SHARES_PER_HOUR saves per address: sharing writes rows, a script could flood them."""
    limit = getattr(settings, "LINIMASA_SHARES_PER_HOUR", 120)
    key = "sharing:shares:" + (request.META.get("REMOTE_ADDR") or "unknown")
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 3600)
        count = 1
    return count <= limit


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values[:200] if v.strip().isdigit() and len(v.strip()) < 18]


def _more_rows_requested(request: HttpRequest) -> bool:
    # Infinite scroll asks for the next rows only; a history restore needs the whole page.
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request and (htmx.target or "").startswith("page-more")


@cache_for_readers(TIMELINE_AND_SHARED)
@require_GET
def timeline_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A saved view, one page of rows at a time like the main timeline (a view may hold thousands)."""
    timeline = _visible_timeline(request, slug)
    page = paging.select_shared_page(request, timeline, paging.read_cursors(request.GET))
    context = {
        "timeline": timeline,
        "page": page,
        "events": page.events,
        "total": page.total,
        "rows_html": mark_safe(page.rows_html),  # built by timeline.rows.render_rows, every value escaped
        **paging.page_links(timeline.get_absolute_url(), page),
    }
    if _more_rows_requested(request):
        return _vary(render(request, "sharing/timeline.html#rows", context))
    # The latest snapshot for its link only: its frozen events (thousands of rows of JSON) stay unread.
    snapshot = timeline.snapshots.defer("events").first()
    context.update({
        # A saved filter can stop reading (an actor renamed away): say so rather than show nothing silently.
        "problems": page.problems,
        "snapshot": snapshot,
        "exports": _export_links(timeline.get_absolute_url(), ""),
        **_links(request, timeline, snapshot),
    })  # fmt: skip
    return _vary(render(request, "sharing/timeline.html", context))


@require_GET
def snapshot_page(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """The frozen events as shared, paged by the same cursors as the live page."""
    timeline = _visible_timeline(request, slug)
    snapshot = get_object_or_404(timeline.snapshots, key=key)
    page = paging.page_snapshot(snapshot, paging.read_cursors(request.GET))
    context = {"timeline": timeline, "snapshot": snapshot, "page": page, "events": page.events,
               "total": len(snapshot.events), "is_snapshot": True,
               **paging.page_links(snapshot.get_absolute_url(), page)}  # fmt: skip
    if _more_rows_requested(request):
        return _vary(render(request, "sharing/_events.html#items", context))
    context.update(_links(request, timeline, snapshot))
    return _vary(render(request, "sharing/snapshot.html", context))


def _vary(response: HttpResponse) -> HttpResponse:
    patch_vary_headers(response, ["HX-Request"])
    return response


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@require_GET
def embed(request: HttpRequest, slug: str) -> HttpResponse:
    """The events of a saved view for other sites' iframes, a page at a time like the timeline: plain
    older/newer links move within the frame without JavaScript, and htmx appends the next page on scroll."""
    timeline = _visible_timeline(request, slug)
    cursors = paging.read_cursors(request.GET)
    key = (request.GET.get("as-of") or "")[:40]
    base_url = reverse("sharing:embed", args=[timeline.slug])
    if key:  # an embedded snapshot stays frozen like its link, and so do its pages
        snapshot = get_object_or_404(timeline.snapshots, key=key)
        page = paging.page_snapshot(snapshot, cursors)
        base_url += "?" + urlencode({"as-of": snapshot.key})
        links = _links(request, timeline, snapshot)
        links["live_url"] = links["snapshot_url"]
    else:
        events = states.with_provenance(states.select_saved_events(timeline), evidence=False)
        page = selectors.select_keyset_page(events, before=cursors.before, after=cursors.after)
        links = _links(request, timeline)
    context = {"timeline": timeline, "page": page, "events": page.events, "target": "_blank",
               **paging.page_links(base_url, page), **links}  # fmt: skip
    if _more_rows_requested(request):
        response = render(request, "sharing/_events.html#items", context)
    else:
        response = render(request, "sharing/embed.html", context)
    _vary(response)
    # Only embed pages may be framed, by any site; every other page keeps X-Frame-Options: DENY.
    # With django-csp installed, csp_replace above widens only frame-ancestors and keeps the rest of the policy.
    if "csp.middleware.CSPMiddleware" not in settings.MIDDLEWARE:
        response["Content-Security-Policy"] = "frame-ancestors *"
    return response


def _export(request: HttpRequest, fmt: str, events, *, title: str, description: str = "") -> HttpResponse:
    if fmt not in EXPORT_FORMATS:
        raise Http404("No such export format.")
    with_evidence = fmt in {"timelinejs.json", "plover.json"}  # the others only count sources
    events = list(states.with_provenance(events, evidence=with_evidence)[: states.MAX_EVENTS])
    base = request.build_absolute_uri("/").rstrip("/")
    if fmt == "timelinejs.json":
        body = json.dumps(exports.build_timelinejs(events, title=title, description=description, base_url=base),
                          ensure_ascii=False)
    elif fmt == "plover.json":
        body = json.dumps({"title": title, "events": exports.build_plover(events, base_url=base)},
                          ensure_ascii=False)
    elif fmt == "events.csv":
        body = exports.write_csv(events, base_url=base)
    else:
        body = exports.build_ics(events, title=title, base_url=base, host=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type=EXPORT_FORMATS[fmt])
    if fmt in {"events.csv", "events.ics"}:
        response["Content-Disposition"] = f'attachment; filename="linimasa-{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"  # TimelineJS pages on other sites load the JSON
    return response


@require_GET
def export_state(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        spec = states.read_spec(request.GET.urlencode())
    except states.InvalidSpec as error:
        return HttpResponseBadRequest("\n".join(error.problems), content_type="text/plain; charset=utf-8")
    title = states.describe_state(spec.state)
    return _export(request, fmt, states.select_timeline_events(spec.state), title=title)


@require_GET
def export_saved(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    timeline = _visible_timeline(request, slug)
    return _export(request, fmt, states.select_saved_events(timeline), title=str(timeline),
                   description=timeline.description)


@require_GET
def timeline_preview(request: HttpRequest, slug: str) -> HttpResponse:
    timeline = _visible_timeline(request, slug)
    dates = states.select_saved_events(timeline).values_list("date_start", flat=True)[: states.MAX_EVENTS]
    dates = list(dates)
    subtitle = ngettext("%(counter)s event", "%(counter)s events", len(dates)) % {"counter": len(dates)}
    picture = preview.Preview(title=str(timeline), subtitle=subtitle, bars=preview.count_by_year(dates))
    return _png(preview.render_cached(picture))


@require_GET
def event_preview(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.visible(), pk=pk)
    year = event.date_start.year
    dates = Event.objects.visible().filter(date_start__year=year).values_list("date_start", flat=True)
    picture = preview.Preview(
        title=event.title, subtitle=f"{label_kind(event.kind)} · {event.date_display}",
        bars=preview.count_by_month(dates, year), highlight=f"{year}-{event.date_start.month:02d}",
    )
    return _png(preview.render_cached(picture))


def _png(data: bytes) -> HttpResponse:
    response = HttpResponse(data, content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_GET
def oembed(request: HttpRequest) -> HttpResponse:
    """oEmbed (rich type) for shared timeline links: the iframe of their embed page."""
    if (request.GET.get("format") or "json") != "json":
        return HttpResponse("Only the json format is offered.", status=501, content_type="text/plain")
    url = request.GET.get("url") or ""
    try:
        match = resolve(urlsplit(url).path or "/")
    except Resolver404:
        raise Http404("Not a shared timeline link.") from None
    if match.view_name not in {"sharing:timeline", "sharing:snapshot", "sharing:embed"}:
        raise Http404("Not a shared timeline link.")
    timeline = _visible_timeline(request, match.kwargs["slug"])
    width = _bounded(request.GET.get("maxwidth"), EMBED_WIDTH)
    height = _bounded(request.GET.get("maxheight"), EMBED_HEIGHT)
    links = _links(request, timeline)
    embed_url = links["embed_url"]
    if match.view_name == "sharing:snapshot":
        snapshot = get_object_or_404(timeline.snapshots, key=match.kwargs["key"])
        embed_url += "?" + urlencode({"as-of": snapshot.key})
    html = (f'<iframe src="{escape(embed_url)}" width="{width}" height="{height}" '
            f'style="border:1px solid #ccc" loading="lazy"></iframe>')
    return JsonResponse({
        "version": "1.0", "type": "rich", "provider_name": "Linimasa",
        "provider_url": request.build_absolute_uri("/"), "title": str(timeline),
        "html": html, "width": width, "height": height,
        "thumbnail_url": links["preview_url"], "thumbnail_width": preview.WIDTH,
        "thumbnail_height": preview.HEIGHT,
    })


def _bounded(value: str | None, default: int) -> int:
    if value and value.isdigit() and len(value) < 6:
        return max(100, min(int(value), default))
    return default
