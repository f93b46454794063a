"""The rows of the timeline list, rendered in Python.

A page holds dozens of rows with several links each; the template language spent most of a
request resolving variables for them (about 20 ms for 30 rows), so rows are built here with
plain string formatting, every value escaped. The markup is the same the templates use elsewhere.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from .labels import label_kind, label_role
from .models import Event
from .selectors import Row
from .state import TimelineState


@dataclass
class RowContext:
    state: TimelineState
    index_url: str
    event_url_base: str  # the state's URL plus "event=", for hx-push-url when a row is opened
    open_event: Event | None = None
    request: object = None


def _actor_links(event: Event, ctx: RowContext, cache: dict) -> str:
    parts = []
    for role in event.roles.all():
        actor = role.actor
        link = cache.get(actor.pk)
        if link is None:
            link = cache[actor.pk] = escape(ctx.index_url + ctx.state.with_changes(actors=[actor]).to_query())
        html = (
            f'<a href="{link}" hx-get="{link}" hx-target="#timeline-results" hx-swap="outerHTML" '
            f'hx-push-url="true">{escape(actor.name)}</a>'
        )
        if role.role != "participant":
            html += f' <span class="role">({escape(label_role(role.role))})</span>'
        parts.append(html)
    return ", ".join(parts)


def _sources(event: Event) -> str:
    text = ngettext("%(counter)s source", "%(counter)s sources", event.source_count) % {
        "counter": event.source_count
    }
    if event.independent_count != event.source_count:
        independent = ngettext("%(counter)s independent", "%(counter)s independent", event.independent_count)
        text += " (" + independent % {"counter": event.independent_count} + ")"
    return escape(text)


def _heading(heading) -> str:
    if heading.level == "year":
        return (
            f'<li class="period-heading year-heading-item"><h3 class="year-heading">{heading.date.year}</h3></li>'
        )
    label = escape(dateformat.format(heading.date, "F Y"))
    return f'<li class="period-heading month-heading-item"><h4 class="month-heading">{label}</h4></li>'


def render_rows(rows: list[Row], ctx: RowContext) -> SafeString:
    from .views_curation import render_curation_controls  # curators' buttons on proposed rows

    event_url = reverse("timeline:event", args=[999999999]).replace("999999999", "{}")
    planned_for = escape(gettext("planned for"))
    planned = escape(gettext("Planned"))
    planned_title = escape(gettext("Announced or expected; not reported as having happened"))
    links: dict[int, str] = {}
    html = []
    for row in rows:
        html.extend(_heading(h) for h in row.headings)
        event = row.event
        pk = event.pk
        url = event_url.format(pk)
        is_planned = event.modality == Event.Modality.PLANNED
        is_open = ctx.open_event is not None and ctx.open_event.pk == pk
        detail = ""
        if is_open:
            detail = render_to_string("timeline/event.html#event-detail", {"event": ctx.open_event}, ctx.request)
        html.append(
            f'<li class="event kind-{escape(event.kind)}{" is-planned" if is_planned else ""}'
            f'{" is-proposed" if event.status == "proposed" else ""}" id="event-{pk}">'
            f'<div class="event-meta"><time datetime="{escape(event.date_iso)}">'
            f'{planned_for + " " if is_planned else ""}{escape(event.date_display)}</time> '
            f'<span class="badge kind-badge">{escape(label_kind(event.kind))}</span>'
            + (f' <span class="badge planned-badge" title="{planned_title}">{planned}</span>' if is_planned else "")
            + "</div>"
            f'<h5 class="event-title"><a href="{url}" hx-get="{url}" hx-target="#event-{pk}-detail" '
            f'hx-swap="innerHTML" hx-push-url="{escape(ctx.event_url_base)}{pk}" '
            f'aria-controls="event-{pk}-detail" aria-expanded="{"true" if is_open else "false"}">'
            f"{escape(event.title)}</a></h5>"
            f'<p class="event-facts"><span class="actors">{_actor_links(event, ctx, links)}</span> '
            f'<span class="sources">{_sources(event)}</span></p>'
            f'{render_curation_controls(event, ctx.request) if event.status == "proposed" else ""}'
            f'<div class="event-detail-slot" id="event-{pk}-detail">{detail}</div></li>'
        )
    return mark_safe("\n".join(html))
