"""Paging for shared timelines: the live page pages its saved events like the main timeline
(keyset on (date_start, id), rows rendered by timeline.rows), and an "as of" snapshot pages its
frozen list by the same cursors, so no request renders more than one page of rows."""

import datetime
from dataclasses import dataclass

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.translation import get_language

from timeline import selectors
from timeline.density import cached
from timeline.rows import RowContext, render_rows
from timeline.state import Cursor, parse_cursor

from . import states
from .models import Snapshot, Timeline


@dataclass
class PageCursors:
    """Where the reader is in a list: after a cursor (scrolling on), before one (going back) or at the start."""

    after: Cursor | None = None
    before: Cursor | None = None

    def to_query(self) -> str:
        if self.after:
            return f"after={self.after}"
        if self.before:
            return f"before={self.before}"
        return ""


def read_cursors(params: QueryDict) -> PageCursors:
    # A malformed cursor reads as none: the reader gets the first page, not an error.
    after = parse_cursor((params.get("after") or "").strip()[:40])
    before = None if after else parse_cursor((params.get("before") or "").strip()[:40])
    return PageCursors(after=after, before=before)


def page_links(base_url: str, page: selectors.TimelinePage) -> dict:
    links = {}
    join = "&" if "?" in base_url else "?"  # the embed of a snapshot keeps its ?as-of= on every page
    if page.newer:
        links["newer_url"] = f"{base_url}{join}after={page.newer}"
    if page.older:
        links["older_url"] = f"{base_url}{join}before={page.older}"
    return links


@dataclass
class SharedPage:
    """One page of a shared timeline as HTML, with its paging cursors and the total: small enough to cache."""

    rows_html: str
    events: list[dict]  # id and title of each row: the page itself is in rows_html
    total: int
    newer: Cursor | None
    older: Cursor | None
    problems: list[str]


def _render_shared_page(request: HttpRequest, timeline: Timeline, cursors: PageCursors) -> SharedPage:
    saved = states.select_saved_events(timeline)
    events = states.with_provenance(saved, evidence=False)
    page = selectors.select_keyset_page(events, before=cursors.before, after=cursors.after)
    state = states.timeline_state(timeline)
    index_url = reverse("timeline:index")
    # An event opened in place gets the main timeline's address for this state, which reopens it on reload.
    query = state.to_query()
    event_url_base = index_url + (query + "&" if query else "?") + "event="
    rows = selectors.arrange_rows(page.events, page.previous_date)
    html = str(render_rows(rows, RowContext(state, index_url, event_url_base, None, request)))
    # Plain values only: model instances with their prefetched actors took longer to unpickle than to query.
    shown = [{"id": event.pk, "title": event.title} for event in page.events]
    problems = [str(problem) for problem in state.problems]
    return SharedPage(html, shown, saved.count(), page.newer, page.older, problems)


def select_shared_page(request: HttpRequest, timeline: Timeline, cursors: PageCursors) -> SharedPage:
    """The page for these cursors; cached per timeline, cursor and language for anonymous readers
    until the timeline's events change (signed-in readers may see their own private views: never cached)."""
    if request.user.is_authenticated:
        return _render_shared_page(request, timeline, cursors)
    key = f"shared:{timeline.pk}:{timeline.state_key}:{get_language()}:{cursors.to_query()}"
    return cached(key, lambda: _render_shared_page(request, timeline, cursors))


def _frozen_key(row: dict) -> tuple[datetime.date, int]:
    return datetime.date.fromisoformat(row["date_start"]), int(row["id"])


def page_snapshot(snapshot: Snapshot, cursors: PageCursors, size: int = selectors.PAGE_SIZE):
    """One page of a snapshot's frozen rows (already in date order), by the same (date, id) cursors."""
    rows = sorted(snapshot.events, key=_frozen_key)
    if cursors.before:
        limit = (cursors.before.date, cursors.before.pk)
        earlier = [r for r in rows if _frozen_key(r) < limit]
        chosen = earlier[-size:]
        page = selectors.TimelinePage(events=chosen)
        page.older = Cursor(*_frozen_key(chosen[0])) if len(earlier) > size else None
        page.newer = Cursor(*_frozen_key(chosen[-1])) if chosen else None
        return page
    if cursors.after:
        limit = (cursors.after.date, cursors.after.pk)
        rows = [r for r in rows if _frozen_key(r) > limit]
    chosen = rows[:size]
    page = selectors.TimelinePage(events=chosen)
    page.newer = Cursor(*_frozen_key(chosen[-1])) if len(rows) > size else None
    page.older = Cursor(*_frozen_key(chosen[0])) if cursors.after and chosen else None
    return page
