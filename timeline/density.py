"""The density strip: events per period at the current zoom, by kind, drawn as server-side SVG bars.

Zoom levels go decade → year → month → day. With no period the strip shows decades; inside a
decade it shows its years, inside a year its months, inside a month (or on one day) its days.
"""

import datetime
import secrets
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import TruncMonth, TruncYear
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from .labels import label_kind
from .models import Event
from .state import Period, TimelineState, period_of_decade, period_of_month, period_of_year

BAR_HEIGHT = 48  # SVG user units; the CSS scales the width
KIND_ORDER = list(Event.Kind.values)
CACHE_SECONDS = 300
VERSION_KEY = "timeline:version"
# Saved timelines (titles, visibility, snapshots) change apart from events: their pages alone follow it.
SHARED_VERSION_KEY = "sharing:version"


@dataclass
class Segment:
    kind: str
    count: int
    y: float
    height: float


@dataclass
class Crumb:
    label: str
    query: str


@dataclass
class Bar:
    period: Period
    label: str
    long_label: str
    count: int
    segments: list[Segment] = field(default_factory=list)
    is_current: bool = False
    query: str = ""  # the state zoomed into this bar's period


@dataclass
class Density:
    level: str  # what one bar stands for: "decade", "year", "month" or "day"
    bars: list[Bar]
    total: int  # events in the window, all bars together
    kinds: list[str]  # kinds present, in legend order
    all_query: str = ""  # the state with no zoom
    crumbs: list[Crumb] = field(default_factory=list)  # the periods above the current one
    window_label: str = ""
    height: int = BAR_HEIGHT

    @property
    def peak(self) -> int:
        return max((bar.count for bar in self.bars), default=0)


def _bar_level(period: Period | None) -> str:
    if period is None:
        return "decade"
    return {"decade": "year", "year": "month", "month": "day", "day": "day"}[period.level]


def _count_by_bucket(state: TimelineState, level: str, window: Period | None) -> dict[datetime.date, dict[str, int]]:
    from .selectors import filter_events  # here, not at the top: selectors imports state too

    events = filter_events(state, window=False).order_by()
    if window is not None:
        events = events.filter(date_start__gte=window.start, date_start__lte=window.end)
    if level in ("decade", "year"):
        rows = events.annotate(bucket=TruncYear("date_start")).values_list("bucket", "kind").annotate(n=Count("id"))
    elif level == "month":
        rows = events.annotate(bucket=TruncMonth("date_start")).values_list("bucket", "kind").annotate(n=Count("id"))
    else:
        rows = events.values_list("date_start", "kind").annotate(n=Count("id"))
    counts: dict[datetime.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for bucket, kind, n in rows:
        if isinstance(bucket, datetime.datetime):
            bucket = bucket.date()
        if level == "decade":
            bucket = datetime.date(bucket.year // 10 * 10, 1, 1)
        counts[bucket][kind] += n
    return counts


def _buckets(level: str, window: Period | None, counts: dict) -> list[Period]:
    """Every bucket of the window, empty ones too, so the strip keeps its time scale."""
    if level == "decade":
        if not counts:
            return []
        first, last = min(counts).year, max(counts).year
        return [period_of_decade(year) for year in range(first, last + 1, 10)]
    if level == "year":
        return [period_of_year(window.start.year + n) for n in range(10)]
    if level == "month":
        return [period_of_month(window.start.year, month) for month in range(1, 13)]
    month = window if window.level == "month" else window.parent
    days = (month.end - month.start).days + 1
    return [
        Period("day", month.start + datetime.timedelta(days=n), month.start + datetime.timedelta(days=n))
        for n in range(days)
    ]


def _labels(period: Period) -> tuple[str, str]:
    if period.level == "decade":
        return period.key, period.key
    if period.level == "year":
        return f"{period.start.year}", f"{period.start.year}"
    if period.level == "month":
        return formats.date_format(period.start, "M"), formats.date_format(period.start, "F Y")
    return f"{period.start.day}", formats.date_format(period.start, "DATE_FORMAT")


def _cache_key(state: TimelineState, level: str, window: Period | None) -> str:
    version = cache.get_or_set(VERSION_KEY, fresh_version, None)
    facets = state.with_changes(period=None).to_query()
    return f"timeline:density:{version}:{level}:{window.key if window else ''}:{facets}"


def cached(name: str, compute):
    """A value computed once per timeline version (and at most CACHE_SECONDS old)."""
    version = cache.get_or_set(VERSION_KEY, fresh_version, None)
    key = f"timeline:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def fresh_version() -> int:
    """A counter's first value when the cache has none (new, emptied or restarted): random, so that
    nothing cached under an earlier life of the counter can pass for current."""
    return secrets.randbelow(2**62)


# When this process last moved a counter: whole pages cached in this process (ops.pagecache) read the
# counters again at once instead of after their short poll interval.
changed_here_at = 0.0


def _bump(key: str) -> None:
    global changed_here_at
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, fresh_version(), None)
    changed_here_at = time.monotonic()


def mark_timeline_changed() -> None:
    """Forget cached strips and pages: called when events, their actors or their evidence change."""
    _bump(VERSION_KEY)


def mark_shared_changed() -> None:
    """Forget cached shared timeline pages: called when a saved timeline or its snapshots change."""
    _bump(SHARED_VERSION_KEY)


def build_density(state: TimelineState) -> Density:
    """The strip for this state's window; cached per facets and window until the timeline changes."""
    level = _bar_level(state.period)
    window = None
    if state.period is not None:
        window = state.period if state.period.level != "day" else state.period.parent
    key = _cache_key(state, level, window)
    counts = cache.get(key)
    if counts is None:
        counts = {bucket: dict(kinds) for bucket, kinds in _count_by_bucket(state, level, window).items()}
        cache.set(key, counts, CACHE_SECONDS)
    peak = max((sum(kinds.values()) for kinds in counts.values()), default=0)
    bars = []
    present: set[str] = set()
    for period in _buckets(level, window, counts):
        kinds = counts.get(period.start, {})
        total = sum(kinds.values())
        label, long_label = _labels(period)
        bar = Bar(period=period, label=label, long_label=long_label, count=total)
        bar.is_current = state.period is not None and state.period.key == period.key
        bar.query = state.with_changes(period=period).to_query()
        y = float(BAR_HEIGHT)
        for kind in KIND_ORDER:
            n = kinds.get(kind, 0)
            if not n:
                continue
            present.add(kind)
            height = max(BAR_HEIGHT * n / peak, 1.5)
            y -= height
            bar.segments.append(Segment(kind=kind, count=n, y=round(y, 2), height=round(height, 2)))
        bars.append(bar)
    in_window = [bar for bar in bars if bar.is_current] if level == "day" and state.period.level == "day" else bars
    crumbs = []
    parent = state.period.parent if state.period else None
    while parent is not None:
        crumbs.insert(0, Crumb(label=_labels(parent)[1], query=state.with_changes(period=parent).to_query()))
        parent = parent.parent
    return Density(
        level=level,
        bars=bars,
        total=sum(bar.count for bar in in_window),
        kinds=[k for k in KIND_ORDER if k in present],
        all_query=state.with_changes(period=None).to_query(),
        crumbs=crumbs,
        window_label=_labels(state.period)[1] if state.period else "",
    )


def render_bars(density: Density, index_url: str) -> SafeString:
    """The bars as an HTML list of links, each drawing its kinds as a stacked SVG column.

    Built in Python, not the template language: a strip has up to 31 bars of up to 11 segments,
    and numbers in SVG attributes must not be localised ("12,5" is not a coordinate).
    """
    html = [f'<ol class="density-bars level-{density.level}">']
    for bar in density.bars:
        rects = "".join(
            f'<rect class="kind-{s.kind}" x="0" y="{s.y:.2f}" width="10" height="{s.height:.2f}">'
            f"<title>{escape(label_kind(s.kind))}: {s.count}</title></rect>"
            for s in bar.segments
        )
        svg = (
            f'<svg class="bar-svg" viewBox="0 0 10 {density.height}" preserveAspectRatio="none" '
            f'aria-hidden="true" focusable="false">{rects}</svg>'
            f'<span class="bar-label">{escape(bar.label)}</span>'
        )
        if bar.count:
            url = escape(index_url + bar.query)
            label = ngettext("%(period)s: %(counter)s event", "%(period)s: %(counter)s events", bar.count) % {
                "period": bar.long_label,
                "counter": bar.count,
            }
            current = ' aria-current="true"' if bar.is_current else ""
            html.append(
                f'<li><a class="bar{" is-current" if bar.is_current else ""}" href="{url}" hx-get="{url}" '
                f'hx-target="#timeline-results" hx-swap="outerHTML" hx-push-url="true" '
                f'aria-label="{escape(label)}"{current}>{svg}</a></li>'
            )
        else:
            html.append(f'<li><span class="bar is-empty" title="{escape(bar.long_label)}: 0">{svg}</span></li>')
    html.append("</ol>")
    return mark_safe("".join(html))
