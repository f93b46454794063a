"""Publish or reject a proposed event in place on the timeline (htmx), for signed-in curators.

The permission is checked here, in the view: a reader who crafts the request gets 403, whatever
the page showed them. CSRF comes from Django's middleware (htmx sends the token from <body>).
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from . import curation, selectors
from .models import Event
from .rows import RowContext, render_rows
from .state import parse_state


def can_curate(user) -> bool:
    return bool(user and user.is_authenticated and user.is_staff and user.has_perm("timeline.change_event"))


def render_curation_controls(event: Event, request) -> str:
    """The mark and buttons a curator sees on a proposed row; empty for everyone else."""
    if event.status != Event.Status.PROPOSED or request is None or not can_curate(request.user):
        return ""
    token = escape(get_token(request))
    publish_url = escape(reverse("timeline:curate-publish", args=[event.pk]))
    reject_url = escape(reverse("timeline:curate-reject", args=[event.pk]))
    review_url = escape(reverse("admin:timeline_event_change", args=[event.pk]))
    target = f"#event-{event.pk}"
    return (
        f'<div class="curation-controls" data-event="{event.pk}">'
        f'<span class="badge proposed-badge">{escape(gettext("Proposed: not shown to readers"))}</span> '
        f'<form class="curate-publish" method="post" action="{publish_url}" hx-post="{publish_url}" '
        f'hx-target="{target}" hx-swap="outerHTML">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
        f'<button type="submit">{escape(gettext("Publish"))}</button></form> '
        f'<form class="curate-reject" method="post" action="{reject_url}" hx-post="{reject_url}" '
        f'hx-target="{target}" hx-swap="outerHTML">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
        f'<label>{escape(gettext("Reason"))} <input type="text" name="reason" required maxlength="500"></label> '
        f'<button type="submit">{escape(gettext("Reject"))}</button></form> '
        f'<a href="{review_url}">{escape(gettext("Review in the curation panel"))}</a></div>'
    )


def _curator_event(request: HttpRequest, pk: int) -> Event:
    if not can_curate(request.user):
        raise PermissionDenied("Only curators may publish or reject events.")
    return get_object_or_404(Event, pk=pk)


def _answer(request: HttpRequest, event: Event, note: str = "") -> HttpResponse:
    if not request.htmx:
        target = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            return redirect(target)
        return redirect("timeline:index")
    if event.status == Event.Status.PUBLISHED:
        # The row as readers now see it.
        index_url = reverse("timeline:index")
        shown = selectors.annotate_source_counts(Event.objects.filter(pk=event.pk)).prefetch_related("roles__actor")
        ctx = RowContext(parse_state(QueryDict()), index_url, index_url + "?event=", None, request)
        return HttpResponse(render_rows([selectors.Row(event=shown.get(), headings=[])], ctx))
    return HttpResponse(
        format_html(
            '<li class="event is-rejected" id="event-{}"><p>{} <a href="{}">{}</a></p></li>',
            event.pk,
            note,
            reverse("admin:timeline_event_change", args=[event.pk]),
            gettext("Undo in the curation panel"),
        )
    )


@require_POST
def publish_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = _curator_event(request, pk)
    try:
        curation.publish(event, user=request.user)
    except curation.CurationError as error:
        return HttpResponse(str(error), status=409)
    return _answer(request, event)


@require_POST
def reject_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = _curator_event(request, pk)
    reason = request.POST.get("reason", "")[:500]
    try:
        curation.reject(event, reason=reason, user=request.user)
    except curation.CurationError as error:
        return HttpResponse(str(error), status=422 if not reason.strip() else 409)
    note = gettext("Rejected “%(title)s”: %(reason)s.") % {"title": event.title, "reason": reason.strip()}
    return _answer(request, event, note)
