"""The public changelog of an event, told from its history and the curation log.

Readers see how the event came to read as it does: "date refined from Feb 2022 to 4 Feb 2022
on 5 Feb 2022 from Kompas", "merged with #123". Who the curator was stays in the admin.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ingest.models import Article

from .curation_models import CurationAction
from .formatting import format_date_span
from .models import Event

_ARTICLE_REASON = re.compile(r"^article:(\d+)$")


@dataclass
class ChangelogEntry:
    when: datetime.datetime
    text: str
    url: str = ""  # a link the entry points to (the source article or the merged event)


def _date_of(record) -> str:
    return format_date_span(record.date_start, record.date_end, record.precision, record.qualifier)


def _source_of(reason: str | None) -> Article | None:
    match = _ARTICLE_REASON.match(reason or "")
    if not match:
        return None
    return Article.objects.filter(pk=int(match.group(1))).select_related("outlet").first()


def _date_entries(event: Event) -> list[ChangelogEntry]:
    entries = []
    previous = None
    for record in event.history.order_by("history_date", "history_id"):
        if previous is not None and _date_of(previous) != _date_of(record):
            source = _source_of(record.history_change_reason)
            if source is not None:
                text = _("Date refined from %(old)s to %(new)s from %(source)s") % {
                    "old": _date_of(previous), "new": _date_of(record),
                    "source": source.outlet.name if source.outlet_id else str(source),
                }
                entries.append(ChangelogEntry(record.history_date, text, source.url or ""))
            else:
                text = _("Date corrected from %(old)s to %(new)s by a curator") % {
                    "old": _date_of(previous), "new": _date_of(record),
                }
                entries.append(ChangelogEntry(record.history_date, text))
        if record.status == Event.Status.PUBLISHED and (previous is None or previous.status != record.status):
            entries.append(ChangelogEntry(record.history_date, _("Published on the timeline")))
        previous = record
    return entries


def _merge_entries(event: Event) -> list[ChangelogEntry]:
    entries = []
    for merged in Event.objects.filter(merged_into=event).order_by("pk"):
        joined = (
            merged.history.filter(merged_into_id=event.pk).order_by("history_date").values_list(
                "history_date", flat=True
            ).first()
            or merged.updated
        )
        text = _("Merged with #%(pk)s (%(title)s)") % {"pk": merged.pk, "title": merged.title}
        entries.append(ChangelogEntry(joined, text))
    return entries


def _split_entries(event: Event) -> list[ChangelogEntry]:
    entries = []
    for action in CurationAction.objects.filter(event=event, kind=CurationAction.Kind.SPLIT, undone__isnull=True):
        moved = len(action.undo_data.get("evidence", {}))
        text = ngettext(
            "%(count)s source split off into a separate event %(new)s",
            "%(count)s sources split off into a separate event %(new)s",
            moved,
        ) % {"count": moved, "new": action.reason}
        entries.append(ChangelogEntry(action.created, text))
    return entries


def build_changelog(event: Event) -> list[ChangelogEntry]:
    """Everything that changed how the event reads, oldest first."""
    entries = _date_entries(event) + _merge_entries(event) + _split_entries(event)
    return sorted(entries, key=lambda entry: entry.when)
