"""The reader's view of the timeline as a value: parsed from the query string, written back to it.

Every state the page can be in (facets, zoom window, page cursor, open event) round-trips through
`parse_state` and `TimelineState.to_query`, so a link or a history entry always restores it.
"""

import calendar
import datetime
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext as _

from .models import Actor, Event

MAX_VALUES = 20  # per repeated parameter: more is not a reader's choice
DIRECTIONS = ("ab", "ba", "joint")
# The languages sources come in, each named in itself (the facet reads the same in any interface).
SOURCE_LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia", "ru": "Русский", "zh": "中文"}
SOURCE_LANGUAGES = tuple(SOURCE_LANGUAGE_NAMES)
_PERIOD = re.compile(r"^(?:(\d{3})0s|(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)$")
_CURSOR = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(\d{1,18})$")


@dataclass(frozen=True)
class Period:
    """A zoom window: a decade, a year, a month or a day."""

    level: str  # "decade", "year", "month", "day"
    start: datetime.date
    end: datetime.date

    @property
    def key(self) -> str:
        if self.level == "decade":
            return f"{self.start.year}s"
        if self.level == "year":
            return f"{self.start.year}"
        if self.level == "month":
            return f"{self.start:%Y-%m}"
        return self.start.isoformat()

    @property
    def parent(self) -> "Period | None":
        if self.level == "decade":
            return None
        if self.level == "year":
            return period_of_decade(self.start.year // 10 * 10)
        if self.level == "month":
            return period_of_year(self.start.year)
        return period_of_month(self.start.year, self.start.month)


def period_of_decade(first_year: int) -> Period:
    return Period("decade", datetime.date(first_year, 1, 1), datetime.date(first_year + 9, 12, 31))


def period_of_year(year: int) -> Period:
    return Period("year", datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def period_of_month(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period("month", datetime.date(year, month, 1), datetime.date(year, month, last))


def parse_period(value: str) -> Period | None:
    """'2020s', '2022', '2022-02' or '2022-02-24'; None for anything else, including impossible dates."""
    match = _PERIOD.match(value)
    if not match:
        return None
    decade, year, month, day = match.groups()
    try:
        if decade:
            return period_of_decade(int(decade) * 10)
        if day:
            date = datetime.date(int(year), int(month), int(day))
            return Period("day", date, date)
        if month:
            return period_of_month(int(year), int(month))
        return period_of_year(int(year))
    except ValueError:
        return None


def parse_date(value: str, *, end: bool = False) -> datetime.date | None:
    """A date bound: '2022-02-24', '2022-02' or '2022' (as its first or, with end, its last day)."""
    period = parse_period(value) if not value.endswith("s") else None
    if period is None:
        return None
    return period.end if end else period.start


@dataclass(frozen=True)
class Cursor:
    """A keyset position: the (date_start, id) of the last row shown."""

    date: datetime.date
    pk: int

    def __str__(self) -> str:
        return f"{self.date.isoformat()}.{self.pk}"


def parse_cursor(value: str) -> Cursor | None:
    match = _CURSOR.match(value)
    if not match:
        return None
    try:
        return Cursor(datetime.date.fromisoformat(match.group(1)), int(match.group(2)))
    except ValueError:
        return None


@dataclass
class TimelineState:
    actors: list[Actor] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    min_sources: int = 0
    query: str = ""
    actor_a: Actor | None = None
    actor_b: Actor | None = None
    direction: str = ""
    period: Period | None = None
    after: Cursor | None = None
    before: Cursor | None = None
    open_event: int | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def is_filtered(self) -> bool:
        """True when a facet narrows the timeline (zoom and paging do not count)."""
        return bool(
            self.actors or self.kinds or self.outlets or self.languages or self.date_from or self.date_to
            or self.min_sources or self.query or self.actor_a or self.actor_b
        )

    @property
    def is_between(self) -> bool:
        return self.actor_a is not None and self.actor_b is not None

    def to_pairs(self, *, paging: bool = False, event: bool = False) -> list[tuple[str, str]]:
        """The state as query parameters in a fixed order: one state, one URL."""
        pairs: list[tuple[str, str]] = []
        pairs += [("actor", a.name) for a in self.actors]
        pairs += [("kind", k) for k in self.kinds]
        pairs += [("outlet", o) for o in self.outlets]
        pairs += [("lang", code) for code in self.languages]
        if self.date_from:
            pairs.append(("from", self.date_from.isoformat()))
        if self.date_to:
            pairs.append(("to", self.date_to.isoformat()))
        if self.min_sources:
            pairs.append(("sources", str(self.min_sources)))
        if self.query:
            pairs.append(("q", self.query))
        if self.actor_a:
            pairs.append(("a", self.actor_a.name))
        if self.actor_b:
            pairs.append(("b", self.actor_b.name))
        if self.direction and self.is_between:
            pairs.append(("dir", self.direction))
        if self.period:
            pairs.append(("period", self.period.key))
        if paging and self.after:
            pairs.append(("after", str(self.after)))
        if paging and self.before:
            pairs.append(("before", str(self.before)))
        if event and self.open_event:
            pairs.append(("event", str(self.open_event)))
        return pairs

    def to_query(self, **kwargs) -> str:
        """'?actor=China&kind=call', or '' for the whole timeline: a link to exactly this state."""
        pairs = self.to_pairs(**kwargs)
        return "?" + urlencode(pairs) if pairs else ""

    def with_changes(self, **changes) -> "TimelineState":
        """A copy with some facets changed; paging and the open event start afresh."""
        changes.setdefault("after", None)
        changes.setdefault("before", None)
        changes.setdefault("open_event", None)
        return replace(self, **changes)


def _without_nul(params) -> QueryDict:
    # PostgreSQL text cannot hold NUL; a hostile URL must not turn into a server error.
    clean = QueryDict(mutable=True)
    for key in params:
        clean.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in params.getlist(key)])
    return clean


def _values(params, name: str) -> list[str]:
    seen: list[str] = []
    for raw in params.getlist(name)[:MAX_VALUES]:
        value = raw.strip()[:200]
        if value and value not in seen:
            seen.append(value)
    return seen


def _positive_int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def parse_state(params) -> TimelineState:
    """Read the state from query parameters; every bad value becomes a message, never an error."""
    params = _without_nul(params)
    state = TimelineState()
    actor_names = _values(params, "actor")
    a_name = (params.get("a") or "").strip()[:200]
    b_name = (params.get("b") or "").strip()[:200]
    found = find_actors(actor_names + [n for n in (a_name, b_name) if n])
    for name in actor_names:
        actor = found.get(name.casefold())
        if actor is None:
            state.problems.append(_("There is no actor called “%(name)s” on this timeline.") % {"name": name})
        elif actor not in state.actors:
            state.actors.append(actor)
    for name, attribute in ((a_name, "actor_a"), (b_name, "actor_b")):
        if name:
            actor = found.get(name.casefold())
            if actor is None:
                state.problems.append(_("There is no actor called “%(name)s” on this timeline.") % {"name": name})
            setattr(state, attribute, actor)
    for kind in _values(params, "kind"):
        kind = kind.lower()
        if kind in Event.Kind.values:
            state.kinds.append(kind)
        else:
            state.problems.append(_("“%(kind)s” is not a kind of event this timeline knows.") % {"kind": kind})
    state.outlets = _values(params, "outlet")
    for code in _values(params, "lang"):
        if code.lower() in SOURCE_LANGUAGES:
            state.languages.append(code.lower())
        else:
            state.problems.append(_("“%(code)s” is not a language of the sources.") % {"code": code})
    for name, attribute, is_end in (("from", "date_from", False), ("to", "date_to", True)):
        value = (params.get(name) or "").strip()
        if value:
            date = parse_date(value, end=is_end)
            if date is None:
                message = _("“%(value)s” is not a date (use 2022, 2022-02 or 2022-02-24).")
                state.problems.append(message % {"value": value[:40]})
            setattr(state, attribute, date)
    if state.date_from and state.date_to and state.date_from > state.date_to:
        state.problems.append(_("The start of the date range comes after its end."))
    sources = (params.get("sources") or "").strip()
    if sources:
        number = _positive_int(sources)
        if number is None:
            state.problems.append(_("The number of sources must be a whole number."))
        else:
            state.min_sources = min(number, 1000) if number > 1 else 0
    state.query = " ".join((params.get("q") or "").split())[:200]
    direction = (params.get("dir") or "").strip().lower()
    state.direction = direction if direction in DIRECTIONS else ""
    period = (params.get("period") or "").strip()
    if period:
        state.period = parse_period(period)
        if state.period is None:
            state.problems.append(_("“%(value)s” is not a period of the timeline.") % {"value": period[:40]})
    state.after = parse_cursor((params.get("after") or "").strip())
    state.before = parse_cursor((params.get("before") or "").strip()) if state.after is None else None
    state.open_event = _positive_int(params.get("event") or "")
    return state


def find_actors(names: list[str]) -> dict[str, Actor]:
    """Actors keyed by each casefolded name, alias (any language) or id that found them; one query."""
    if not names:
        return {}
    folded = {n.casefold() for n in names}
    ids = {int(n) for n in names if n.isdigit() and len(n) < 19}
    # SQLite's LIKE folds ASCII case only, so also try the usual spellings of Китай or Türkiye.
    spellings = set()
    for name in names:
        spellings |= {name, name.lower(), name.title(), name.capitalize(), name.upper()}
    query = Q(name__in=spellings) | Q(aliases__name__in=spellings) | Q(pk__in=ids)
    for name in names:
        query |= Q(name__iexact=name) | Q(aliases__name__iexact=name)
    rows = Actor.objects.filter(query).order_by("pk").values_list("pk", "name", "kind", "country_id", "aliases__name")
    found: dict[str, Actor] = {}
    for pk, name, kind, country_id, alias in rows:
        actor = found.get(name.casefold()) or Actor(pk=pk, name=name, kind=kind, country_id=country_id)
        for key in (name.casefold(), (alias or "").casefold(), str(pk)):
            if key in folded or key in names:
                found.setdefault(key, actor)
    return found
