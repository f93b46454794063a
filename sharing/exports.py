"""Timeline exports: TimelineJS3 JSON, CSV, iCalendar and PLOVER-style records.

Each function takes events loaded by states.with_provenance (actors, evidence, articles, outlets)
and returns a string or a JSON-ready value. Every format states the date's precision, so a month
is never passed off as its first day.
"""

import csv
import datetime
import io

import icalendar

# TimelineJS reads year, month and day separately; a coarse date leaves the finer parts out.
_PARTS_BY_PRECISION = {
    "day": ("year", "month", "day"),
    "week": ("year", "month", "day"),
    "month": ("year", "month"),
    "quarter": ("year", "month"),
    "season": ("year", "month"),
    "year": ("year",),
    "decade": ("year",),
}

CSV_COLUMNS = [
    "id", "title", "kind", "date", "precision", "qualifier", "date_start", "date_end", "date_display",
    "modality", "actors", "countries", "location", "plover_type", "plover_mode", "sources",
    "independent_sources", "url",
]


def _country_of(actor) -> str:
    if actor.kind == "country":
        return actor.name
    return actor.country.name if actor.country_id and actor.country else ""


def _countries(event) -> list[str]:
    return list(dict.fromkeys(c for c in (_country_of(r.actor) for r in event.roles.all()) if c))


def _articles(event) -> list:
    return list({e.article_id: e.article for e in event.evidence.all()}.values())


def _date_parts(day: datetime.date, precision: str) -> dict:
    parts = _PARTS_BY_PRECISION.get(precision, ("year", "month", "day"))
    return {part: getattr(day, part) for part in parts}


def build_timelinejs(events, *, title: str, description: str = "", base_url: str = "") -> dict:
    """A TimelineJS3 document: a TimelineJS page loads it as is (its 'events' and 'title' slides)."""
    slides = []
    for event in events:
        slide = {
            "unique_id": f"event-{event.pk}",
            "start_date": _date_parts(event.date_start, event.precision),
            "display_date": event.date_display,
            "group": event.kind,
            "text": {"headline": event.title, "text": _slide_text(event, base_url)},
        }
        if event.date_end != event.date_start and event.precision == "day":
            slide["end_date"] = _date_parts(event.date_end, event.precision)
        slides.append(slide)
    return {"title": {"text": {"headline": title, "text": description}}, "events": slides}


def _slide_text(event, base_url: str) -> str:
    from django.utils.html import escape

    actors = ", ".join(escape(r.actor.name) for r in event.roles.all())
    sources = "".join(
        f'<li><a href="{escape(a.url or "")}">{escape(a.outlet.name if a.outlet else a.title)}</a></li>'
        for a in _articles(event)
    )
    link = f'<p><a href="{escape(base_url + event.get_absolute_url())}">Sources and evidence</a></p>'
    return f"<p>{actors}</p><ul>{sources}</ul>{link}" if sources else f"<p>{actors}</p>{link}"


def write_csv(events, *, base_url: str = "") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in events:
        writer.writerow(
            {
                "id": event.pk,
                "title": event.title,
                "kind": event.kind,
                "date": event.date_iso,
                "precision": event.precision,
                "qualifier": event.qualifier,
                "date_start": event.date_start.isoformat(),
                "date_end": event.date_end.isoformat(),
                "date_display": event.date_display,
                "modality": event.modality,
                "actors": "; ".join(r.actor.name for r in event.roles.all()),
                "countries": "; ".join(_countries(event)),
                "location": event.location,
                "plover_type": event.plover_type,
                "plover_mode": event.plover_mode,
                "sources": event.source_count if hasattr(event, "source_count") else len(_articles(event)),
                "independent_sources": getattr(event, "independent_count", ""),
                "url": base_url + event.get_absolute_url(),
            }
        )
    return out.getvalue()


def build_ics(events, *, title: str, base_url: str = "", host: str = "linimasa") -> bytes:
    """All-day events spanning the date's interval; the precision is stated in words and in a property."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Linimasa//China-Russia timeline//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    stamp = datetime.datetime.now(datetime.UTC)
    for event in events:
        item = icalendar.Event()
        item.add("uid", f"event-{event.pk}@{host}")
        item.add("dtstamp", stamp)
        item.add("summary", event.title)
        item.add("dtstart", event.date_start)
        # DTEND of an all-day event is exclusive: the day after the last day.
        item.add("dtend", event.date_end + datetime.timedelta(days=1))
        precision_note = f"Date: {event.date_display} (known to the {event.precision})"
        actors = ", ".join(r.actor.name for r in event.roles.all())
        item.add("description", "\n".join(filter(None, [precision_note, actors, event.summary])))
        item.add("categories", [event.kind])
        item.add("x-linimasa-precision", event.precision)
        if event.location:
            item.add("location", event.location)
        if base_url:
            item.add("url", base_url + event.get_absolute_url())
        calendar.add_component(item)
    return calendar.to_ical()


def _names(event, roles: set[str]) -> list[str]:
    return [r.actor.name for r in event.roles.all() if r.role in roles]


def build_plover(events, *, base_url: str = "") -> list[dict]:
    """PLOVER-style records: who did what to whom, when (at what precision), with the sources."""
    records = []
    for event in events:
        initiators = _names(event, {"initiator"})
        targets = _names(event, {"target"})
        participants = _names(event, {"participant"})
        if not initiators:  # joint events: every participant acts, none is the recipient
            initiators, participants = participants, []
        records.append(
            {
                "event_id": f"linimasa-{event.pk}",
                "event_date": event.date_iso,
                "date_start": event.date_start.isoformat(),
                "date_end": event.date_end.isoformat(),
                "date_precision": event.precision,
                "event_type": event.plover_type or None,
                "mode": event.plover_mode or None,
                "kind": event.kind,
                "modality": event.modality,
                "actor": initiators,
                "recipient": targets + participants,
                "countries": _countries(event),
                "location": event.location or None,
                "headline": event.title,
                "url": base_url + event.get_absolute_url(),
                "sources": [
                    {
                        "url": evidence.article.url or None,
                        "outlet": evidence.article.outlet.name if evidence.article.outlet else None,
                        "published": evidence.article.published.isoformat() if evidence.article.published else None,
                        "language": evidence.article.language or None,
                        "sentence": evidence.sentence,
                    }
                    for evidence in event.evidence.all()
                ],
            }
        )
    return records
