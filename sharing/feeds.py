"""Atom feed of newly published events, for any timeline state or saved timeline."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from . import states
from .models import Timeline

FEED_SIZE = 50


class EventsFeed(Feed):
    feed_type = Atom1Feed
    description_template = None

    def get_object(self, request, slug: str | None = None):
        if slug is not None:
            timeline = get_object_or_404(Timeline, slug=slug)
            if not timeline.can_be_seen_by(request.user):
                raise Http404("No such timeline.")
            return {"timeline": timeline, "events": states.select_saved_events(timeline)}
        try:
            spec = states.read_spec(request.GET.urlencode())
        except states.InvalidSpec as error:
            raise Http404(str(error)) from None
        return {"timeline": None, "query": spec.query, "events": states.select_timeline_events(spec.state)}

    def title(self, obj):
        if obj["timeline"]:
            return f"{obj['timeline']}: new events"
        return "Linimasa: new events" + (f" ({obj['query']})" if obj["query"] else "")

    def subtitle(self, obj):
        return "Events newly published on the China–Russia timeline, each traced to its sources."

    def link(self, obj):
        if obj["timeline"]:
            return obj["timeline"].get_absolute_url()
        return "/" + (f"?{obj['query']}" if obj["query"] else "")

    def items(self, obj):
        # Newly published first: an event's last change is when a curator published (or corrected) it.
        return list(states.with_provenance(obj["events"], evidence=False).order_by("-updated", "-id")[:FEED_SIZE])

    def item_title(self, item):
        return f"{item.date_display}: {item.title}"

    def item_description(self, item):
        actors = ", ".join(r.actor.name for r in item.roles.all())
        return f"{item.kind}, {item.date_display} (known to the {item.precision}). {actors}. " \
               f"Reported by {item.source_count} source(s)."

    def item_pubdate(self, item):
        return item.created

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return [item.kind]
