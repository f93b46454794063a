"""Template tags for curation: the public changelog of an event."""

from django import template

from timeline.changelog import build_changelog

register = template.Library()


@register.inclusion_tag("timeline/_changelog.html")
def event_changelog(event):
    return {"event": event, "changelog": build_changelog(event) if event is not None and event.pk else []}


@register.simple_tag(takes_context=True)
def curation_mark(context, event):
    """On an event page, tell a signed-in curator that the event is not public yet (empty for readers)."""
    from django.urls import reverse
    from django.utils.html import format_html
    from django.utils.translation import gettext

    from timeline.views_curation import can_curate

    request = context.get("request")
    if event is None or event.status != "proposed" or request is None or not can_curate(request.user):
        return ""
    return format_html(
        '<p class="curation-mark"><span class="badge proposed-badge">{}</span> <a href="{}">{}</a></p>',
        gettext("Proposed: not shown to readers"),
        reverse("admin:timeline_event_change", args=[event.pk]),
        gettext("Review in the curation panel"),
    )
