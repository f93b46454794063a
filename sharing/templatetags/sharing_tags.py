"""Link-preview tags for pages outside the sharing app (the event page)."""

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("sharing/_meta.html", takes_context=True)
def event_meta(context, event):
    """Open Graph and Twitter tags for one event, with its generated preview image."""
    request = context["request"]
    sources = getattr(event, "source_count", 0)
    return {
        "og_title": event.title,
        "og_description": f"{event.kind.capitalize()}, {event.date_display}. "
                          f"Reported by {sources} source{'s' if sources != 1 else ''}.",
        "og_url": request.build_absolute_uri(event.get_absolute_url()),
        "og_image": request.build_absolute_uri(reverse("sharing:event-preview", args=[event.pk])),
    }
