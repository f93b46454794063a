"""Date conflicts: sources that place one event on different days.

A late-evening call in Moscow is already the next day in Jakarta, so two honest reports can
disagree by a day; the pipeline merges them (a day's slack) and curators decide which is right.
"""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Event, Evidence


def annotate_reported_days(events: QuerySet[Event]) -> QuerySet[Event]:
    """reported_days: how many different days the event's day-precise sources give.

    A subquery, not a join, so it sits beside other per-event counts without multiplying rows.
    """
    days = (
        Evidence.objects.filter(event=OuterRef("pk"), reported_precision="day", reported_start__isnull=False)
        .order_by()
        .values("event")
        .annotate(n=Count("reported_start", distinct=True))
        .values("n")
    )
    return events.annotate(reported_days=Coalesce(Subquery(days, output_field=IntegerField()), 0))


def filter_date_conflicts(events: QuerySet[Event], conflict: bool = True) -> QuerySet[Event]:
    annotated = annotate_reported_days(events)
    return annotated.filter(reported_days__gt=1) if conflict else annotated.filter(reported_days__lte=1)


def find_disagreeing_sources(event: Event) -> list[tuple]:
    """[(day, [evidence...]), ...] by day, when the day-precise sources disagree; [] when they agree."""
    by_day: dict = {}
    evidence = (
        Evidence.objects.filter(event=event, reported_precision="day", reported_start__isnull=False)
        .select_related("article__outlet")
        .order_by("reported_start", "article__published", "start")
    )
    for item in evidence:
        by_day.setdefault(item.reported_start, []).append(item)
    return list(by_day.items()) if len(by_day) > 1 else []
