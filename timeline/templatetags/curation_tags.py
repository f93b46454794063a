"""Template tags for curation: the public changelog of an event."""

from django import template

from timeline.changelog import build_changelog

register = template.Library()


@register.inclusion_tag("timeline/_changelog.html")
def event_changelog(event):
    return {"event": event, "changelog": build_changelog(event) if event is not None and event.pk else []}
