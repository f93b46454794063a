"""Find date expressions in news text and normalise them to intervals with a precision.

The scan is a set of compiled regexes built from per-language word lists in
lexicons/dates_<lang>.json; every hit becomes an interval (earliest, latest), a
precision and a TIMEX3-style value. We never let a parser fill in a day the text
does not give ("pada Februari" is a month, not the 15th).

What dateparser reads (dates_absolute.py, reused DateDataParser instances with a
fixed language and date order, results cached per expression):
- day-month-year and month-year written with a month name: "24 Februari 2022",
  "June 15, 2022", "24 февраля 2022 года", "Februari 2022", "2022年2月";
- numeric dates: "15/6/2022", "15.06.22", "2022-06-15", "2022年2月24日";
- the day and month of year-less "24 Februari" / "June 15" (the year is ours).
Our scan still finds these (a fast candidate scan, not search_dates over the text)
and hands dateparser only the parts: day, month word, year. Where dateparser's
locale lacks a word ("Ags", Russian "в январе 2022") our lexicon reads it.

What stays ours, and why:
- ranges, early/mid/late qualifiers, quarters, seasons, decades: dateparser has
  no such forms;
- years alone: only the scan knows when a number is a year ("pada 2020", not
  "Olimpiade 2024"), and the interval is plain arithmetic;
- the year of year-less dates, weekdays ("Rabu", "last Friday") and relative
  phrases ("kemarin", "pekan lalu", "3 hari lalu", "bulan lalu"): they depend on
  the publication date, prefer past/future and the sentence's tense; dateparser
  reads nothing for "pekan lalu" or "Minggu lalu" (last week) and gives "bulan
  lalu" a day; doing them here also keeps every dateparser result independent of
  the article, so cacheable;
- two-digit years ("15/6/22"): the century follows publication, not strptime.

Decisions worth knowing:
- A bare number is never a date. Years need a preposition, "tahun"/"the year", a
  Russian "года", or to sit inside a fuller date. So "Olimpiade 2024", "Covid-19",
  "35.000 orang" and "Selama 2 Tahun" give nothing, while "pada 2020" is a year.
- Year-less dates, bare weekdays, months and seasons resolve against the local
  publication date: the latest occurrence on or before it (prefer="past") or the
  earliest on or after it (prefer="future"). A year-less quarter is in the
  publication year.
- "winter 2022" is the winter that starts in December 2022 (meteorological
  seasons, northern hemisphere).
- PAST_REF and FUTURE_REF cover 90 days before/after publication, PRESENT_REF the
  publication day; contract_date() is "" for them, as they name no date.
- Qualifiers cut the interval in thirds (years in 4-month blocks, decades 0-3,
  4-6, 7-9); the value stays the unit's value.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.extraction.dates_absolute import read_absolute

LEXICON_DIR = Path(__file__).parent / "lexicons"
LANGUAGES = ("en", "id", "ru", "zh")
REF_WINDOW = datetime.timedelta(days=90)
AUTO_GRACE = datetime.timedelta(days=7)
PREFERENCES = ("past", "future", "auto")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
Date = datetime.date


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    expression: str
    earliest: datetime.date
    latest: datetime.date
    precision: str
    qualifier: str | None
    value: str
    end_value: str | None
    relative: bool
    trail: str

    @property
    def is_range(self) -> bool:
        return self.end_value is not None

    def contract_date(self) -> str:
        """The interval's start written at its precision, as the extraction JSON wants it."""
        start = self.earliest
        if self.precision in ("day", "week"):
            return start.isoformat()
        if self.precision in ("month", "quarter", "season"):
            return f"{start.year:04d}-{start.month:02d}"
        if self.precision in ("year", "decade"):
            return f"{start.year:04d}"
        return ""


@dataclass(frozen=True)
class Found:
    """A candidate before overlaps are settled; `reason` becomes the trail."""

    start: int
    end: int
    earliest: Date
    latest: Date
    precision: str
    value: str
    relative: bool
    reason: str
    kind: str = "date"
    qualifier: str | None = None
    end_value: str | None = None
    year_given: bool = True
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Context:
    text: str
    base: Date | None
    published: str
    prefer: str
    lex: dict


# ---------------------------------------------------------------- calendar arithmetic


def last_day(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def make_day(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def week_value(day: Date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def season_interval(year: int, code: str) -> tuple[Date, Date]:
    first = Date(year, SEASON_START[code], 1)
    end_year, end_month = shift_month(year, SEASON_START[code], 2)
    return first, last_day(end_year, end_month)


def narrow(earliest: Date, latest: Date, precision: str, qualifier: str) -> tuple[Date, Date]:
    """Keep the first, middle or last third of an interval."""
    part = {"early": 0, "mid": 1, "late": 2}[qualifier]
    if precision == "year":
        months = [(1, 4), (5, 8), (9, 12)][part]
        return Date(earliest.year, months[0], 1), last_day(earliest.year, months[1])
    if precision == "decade":
        years = [(0, 3), (4, 6), (7, 9)][part]
        return Date(earliest.year + years[0], 1, 1), Date(earliest.year + years[1], 12, 31)
    third = ((latest - earliest).days + 1) // 3
    if part == 0:
        return earliest, earliest + datetime.timedelta(days=third - 1)
    if part == 1:
        return earliest + datetime.timedelta(days=third), earliest + datetime.timedelta(days=2 * third - 1)
    return earliest + datetime.timedelta(days=2 * third), latest


def unit_interval(unit: str, anchor: Date, by: int) -> tuple[Date, Date, str] | None:
    """The week/month/quarter/year/decade `by` steps away from the one holding `anchor`."""
    if unit == "day":
        day = anchor + datetime.timedelta(days=by)
        return day, day, day.isoformat()
    if unit == "week":
        monday = anchor - datetime.timedelta(days=anchor.weekday()) + datetime.timedelta(weeks=by)
        return monday, monday + datetime.timedelta(days=6), week_value(monday)
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, by)
        return Date(year, month, 1), last_day(year, month), f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, month = shift_month(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 3 * by)
        return quarter_interval(year, (month - 1) // 3 + 1)
    if unit == "year":
        year = anchor.year + by
        return Date(year, 1, 1), Date(year, 12, 31), f"{year:04d}"
    if unit == "decade":
        first = anchor.year // 10 * 10 + 10 * by
        return Date(first, 1, 1), Date(first + 9, 12, 31), str(first // 10)
    return None


def quarter_interval(year: int, quarter: int) -> tuple[Date, Date, str]:
    first_month = 3 * quarter - 2
    return Date(year, first_month, 1), last_day(year, first_month + 2), f"{year:04d}-Q{quarter}"


def pick_year(base: Date, prefer: str, starts: Callable[[int], Date | None], ends: Callable[[int], Date | None]):
    """The year whose occurrence is the latest starting on/before base (past) or the first not over before it."""
    if prefer == "future":
        for year in range(base.year - 1, base.year + 9):
            end = ends(year)
            if end is not None and end >= base:
                return year
        return None
    for year in range(base.year + 1, base.year - 9, -1):
        start = starts(year)  # None for 29 February in a common year
        if start is not None and start <= base:
            return year
    return None


# ---------------------------------------------------------------- lexicons and patterns


@functools.cache
def load_lexicon(language: str) -> dict:
    with open(LEXICON_DIR / f"dates_{language}.json", encoding="utf-8") as handle:
        return {**json.load(handle), "language": language}


def words(items, *, names: bool = False, case_sensitive: bool = False) -> str:
    """An alternation of words, longest first; spaces match any run of spaces.

    Case variants are spelled out (lower, Capitalised, Title, UPPER) instead of using (?i),
    so the regex engine can jump between possible first letters: several times faster.
    Names under case_sensitive must be capitalised ("May", not the verb "may").
    """
    items = sorted(set(items), key=len, reverse=True)
    if not items:
        return r"(?!x)x"
    forms: list[str] = []
    for item in items:
        variants = [item[:1].upper() + item[1:], item.upper()]
        if not (names and case_sensitive):
            variants += [item, item.title()]
        forms += [form for form in dict.fromkeys(variants) if form not in forms]
    forms.sort(key=len, reverse=True)
    return "(?:" + "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms) + ")"


def needed_words(phrases) -> list[str]:
    """One word of each phrase (its longest, the rarest in text) that a match of the phrase contains.

    Only a sound pre-check for phrases matched as written (words() allows any run of spaces).
    """
    return [max(phrase.lower().split(), key=len) for phrase in phrases if phrase.strip()]


def starts_clean(text: str, start: int, also: str = "") -> bool:
    """No letter or digit (or one of `also`) right before `start`: the match begins a word."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_" or before in also)


def lookup(table: dict, key: str):
    """Find a lexicon entry whatever the case and spacing of the matched text."""
    return table.get(re.sub(r"\s+", " ", key.lower().rstrip(".")))


class Grammar:
    """The compiled patterns of one language, each with the function that reads its match."""

    def __init__(self, language: str):
        self.language = language
        self.lex = load_lexicon(language)
        self.patterns: list[tuple[re.Pattern, Callable, str | None, tuple[str, ...], re.Pattern | None]] = []
        if language == "zh":
            build_chinese(self)
        else:
            build_alphabetic(self)
        lex = self.lex
        joiners = words(lex.get("range_joiners", []))
        self.range_gap = re.compile(rf"\s*{joiners}\s*$")
        pairs = lex.get("range_pair_openers", {})
        self.pair_gap = {opener: re.compile(rf"\s+{words([closer])}\s+$") for opener, closer in pairs.items()}
        self.pair_open = re.compile(rf"(?<!\w)(?P<o>{words(lex.get('range_pair_openers', {}))})\s+$")
        conjunctions = words(lex.get("conjunctions", []))
        self.coordinated = re.compile(rf"(?<!\w)(?:\d{{4}}|\w+)\s*,?\s*{conjunctions}\s+$")
        fillers = words(lex.get("qualifier_fillers", [])) + r"\s+"
        self.qualifier_before = re.compile(
            rf"(?<!\w)(?P<q>{words(lex.get('qualifiers', {}))})(?:\s*-\s*|\s+)(?:{fillers})?$"
        )

    def add(self, pattern: str, reader: Callable, clean_start: str | None = "", needs=(), core: str = "") -> None:
        """A pattern and its reader; matches glued to a preceding word (or a char of `clean_start`) are skipped.

        Two cheap pre-checks skip a pattern that cannot match the text: `needs`, lower-case strings
        of which every match contains one ('musim', 'ago'), and `core`, a small regex every match
        contains ('days ago' for '35 days ago'). A pattern that begins with a long alternation of
        number words is slow to scan; its rare core is found ten times faster.
        """
        if self.language == "zh":
            clean_start = None  # Chinese has no spaces: every position may start a date
        compiled_core = re.compile(core) if core else None
        self.patterns.append((re.compile(pattern), reader, clean_start, tuple(sorted(set(needs))), compiled_core))

    def before(self, pattern: str) -> re.Pattern:
        """A pattern that must end right where a match starts, searched in the few words before it."""
        return re.compile(rf"(?:{pattern})$")


@functools.cache
def grammar_for(language: str) -> Grammar:
    return Grammar(language)


# ---------------------------------------------------------------- public entry point


def find_dates(
    text: str, *, published: datetime.datetime | None, language: str, prefer: str = "past"
) -> list[DateMention]:
    """All date expressions in `text`, sorted by start, without overlaps (the longest wins)."""
    language = re.split(r"[-_]", str(language or "").lower())[0]  # "id-ID", "EN" are fine too
    if not isinstance(text, str) or not text or language not in LANGUAGES:
        return []
    base, stamp = publication_day(published)
    ctx = Context(text, base, stamp, prefer if prefer in PREFERENCES else "past", load_lexicon(language))
    grammar = grammar_for(language)
    found = []
    lowered = text.lower()
    for priority, (pattern, reader, clean_start, needs, core) in enumerate(grammar.patterns):
        if needs and not any(word in lowered for word in needs):
            continue
        if core is not None and not core.search(text):
            continue
        for match in pattern.finditer(text):
            if clean_start is not None and not starts_clean(text, match.start(), clean_start):
                continue
            hit = reader(match, ctx)
            if hit is not None:
                found.append((add_qualifier(hit, grammar, ctx), priority))
    chosen = settle_overlaps(found)
    chosen = join_weekday_dates(chosen, ctx)
    chosen = join_ranges(chosen, grammar, ctx)
    return [to_mention(hit, ctx) for hit in chosen]


def publication_day(published) -> tuple[Date | None, str]:
    """The local calendar day of publication (in its own zone) and how to cite it."""
    if isinstance(published, datetime.datetime):
        return published.date(), published.isoformat(timespec="minutes")
    if isinstance(published, datetime.date):
        return published, published.isoformat()
    return None, ""


def settle_overlaps(found: list[tuple[Found, int]]) -> list[Found]:
    ranked = sorted(found, key=lambda pair: (-(pair[0].end - pair[0].start), pair[1], pair[0].start))
    taken: list[Found] = []
    for hit, _ in ranked:
        if all(hit.end <= other.start or hit.start >= other.end for other in taken):
            taken.append(hit)
    return sorted(taken, key=lambda hit: hit.start)


def add_qualifier(hit: Found, grammar: Grammar, ctx: Context) -> Found:
    """'awal Februari', 'late 2021', 'mid-2019': widen the span and keep a third of the interval."""
    if hit.qualifier or hit.precision in ("day", "ref") or hit.kind == "weekday":
        return hit
    match = grammar.qualifier_before.search(ctx.text, max(0, hit.start - 40), hit.start)
    if not match:
        return hit
    qualifier = lookup(ctx.lex["qualifiers"], match.group("q"))
    earliest, latest = narrow(hit.earliest, hit.latest, hit.precision, qualifier)
    return replace(hit, start=match.start(), earliest=earliest, latest=latest, qualifier=qualifier)


def join_weekday_dates(hits: list[Found], ctx: Context) -> list[Found]:
    """'Rabu (15/6/2022)' is one mention, and the written date wins over the weekday."""
    out: list[Found] = []
    for hit in hits:
        previous = out[-1] if out else None
        if previous and previous.kind == "weekday" and hit.precision == "week" and not hit.end_value:
            if not ctx.text[previous.end : hit.start].strip():  # "Jumat pekan lalu", "Friday last week"
                day = hit.earliest + datetime.timedelta(days=previous.earliest.weekday())
                reason = f"weekday in the week {hit.value}, " + hit.reason
                out[-1] = replace(previous, end=hit.end, earliest=day, latest=day, value=day.isoformat(), reason=reason)
                continue
        if previous and previous.kind == "weekday" and hit.precision == "day" and hit.kind != "weekday":
            gap = ctx.text[previous.end : hit.start]
            if re.fullmatch(r"\s*,?\s*\(?\s*", gap):
                end = hit.end
                close = re.match(r"\s*\)", ctx.text[end:])
                if "(" in gap and close:
                    end += close.end()
                reason = hit.reason
                if not hit.year_given and hit.earliest.weekday() != previous.earliest.weekday():
                    hit = agree_with_weekday(hit, previous.earliest.weekday(), ctx)
                    reason = hit.reason
                if hit.earliest.weekday() != previous.earliest.weekday():
                    reason += "; the weekday does not agree, the written date wins"
                out[-1] = replace(hit, start=previous.start, end=end, reason=reason)
                continue
        out.append(hit)
    return out


def agree_with_weekday(hit: Found, weekday: int, ctx: Context) -> Found:
    """'Rabu (27/7)' in a July 2022 article: the year in which 27 July is a Wednesday, nearest first."""
    for year in sorted(range(ctx.base.year - 1, ctx.base.year + 2), key=lambda y: abs(y - ctx.base.year)):
        day = make_day(year, hit.month, hit.day)
        if day and day.weekday() == weekday and abs((day - ctx.base).days) <= 200:
            reason = f"year chosen so the weekday agrees, near publication {ctx.published}"
            return replace(hit, earliest=day, latest=day, value=day.isoformat(), reason=reason)
    return hit


def join_ranges(hits: list[Found], grammar: Grammar, ctx: Context) -> list[Found]:
    """'from 2014 to 2022', '20 Maret - 2 April 2023': two mentions joined into one interval."""
    out: list[Found] = []
    for hit in hits:
        first = out[-1] if out else None
        if first and first.end_value is None and hit.end_value is None and first.precision == hit.precision:
            if first.precision not in ("ref",) and first.kind != "weekday" and hit.kind != "weekday":
                joined = join_pair(first, hit, grammar, ctx)
                if joined:
                    out[-1] = joined
                    continue
        out.append(hit)
    return out


def join_pair(first: Found, second: Found, grammar: Grammar, ctx: Context) -> Found | None:
    gap = ctx.text[first.end : second.start]
    opener = grammar.pair_open.search(ctx.text, max(0, first.start - 20), first.start)
    closer = grammar.pair_gap.get(re.sub(r"\s+", " ", opener.group("o").lower())) if opener else None
    if not (grammar.range_gap.match(gap) or (closer and closer.match(gap))):
        return None
    if first.precision == "day" and not first.year_given and second.year_given and first.month and first.day:
        same_year = (first.month, first.day) <= (second.month, second.day)
        year = second.earliest.year if same_year else second.earliest.year - 1
        day = make_day(year, first.month, first.day)
        if day is None:
            return None
        first = replace(first, earliest=day, latest=day, value=day.isoformat(), reason="explicit date")
    if first.precision == "month" and not first.year_given and second.year_given and first.month:
        year = second.earliest.year if first.month <= second.month else second.earliest.year - 1
        first = replace(
            first,
            earliest=Date(year, first.month, 1),
            latest=last_day(year, first.month),
            value=f"{year:04d}-{first.month:02d}",
            reason="explicit date",
        )
    if second.latest < first.earliest:
        return None
    reason = "range: " + first.reason if first.reason == second.reason else f"range: {first.reason}; {second.reason}"
    return replace(
        first,
        end=second.end,
        latest=second.latest,
        end_value=second.value,
        reason=reason,
        relative=first.relative or second.relative,
        qualifier=None,
    )


def to_mention(hit: Found, ctx: Context) -> DateMention:
    expression = ctx.text[hit.start : hit.end]
    shown = hit.value if hit.end_value is None else f"{hit.value}/{hit.end_value}"
    if hit.qualifier:
        shown += f" ({hit.qualifier})"
    return DateMention(
        start=hit.start,
        end=hit.end,
        expression=expression,
        earliest=hit.earliest,
        latest=hit.latest,
        precision=hit.precision,
        qualifier=hit.qualifier,
        value=hit.value,
        end_value=hit.end_value,
        relative=hit.relative,
        trail=f"'{expression}' -> {shown}: {hit.reason}",
    )


# ---------------------------------------------------------------- readers shared by all languages


def prefer_at(ctx: Context, start: int) -> str:
    """'past' or 'future' for an expression at `start`; with prefer='auto', the sentence's tense decides."""
    if ctx.prefer != "auto":
        return ctx.prefer
    sentence_start = max(ctx.text.rfind(mark, 0, start) for mark in ".!?。\n") + 1
    markers = future_markers(ctx.lex.get("language", ""))
    return "future" if markers and markers.search(ctx.text, sentence_start, start) else "past"


@functools.cache
def future_markers(language: str) -> re.Pattern | None:
    items = load_lexicon(language).get("future_markers", [])
    if not items:
        return None
    if language == "zh":  # no spaces between Chinese words
        return re.compile(words(items))
    return re.compile(rf"(?<!\w){words(items)}(?!\w)")


def from_publication(ctx: Context) -> str:
    return f"relative to publication {ctx.published}"


def day_hit(ctx, start, end, year, month, day, *, year_given=True, kind="date", prefer=None) -> Found | None:
    """A full or year-less calendar day; the year-less one takes its year from publication."""
    if not 1 <= month <= 12:
        return None
    if year_given:
        found = make_day(year, month, day)
        if found is None:
            return None
        return Found(
            start, end, found, found, "day", found.isoformat(), False, "explicit date", kind, month=month, day=day
        )
    if ctx.base is None or not 1 <= day <= 31:
        return None
    prefer = prefer or prefer_at(ctx, start)
    year = pick_year(ctx.base, prefer, lambda y: make_day(y, month, day), lambda y: make_day(y, month, day))
    soon = make_day(ctx.base.year, month, day)
    if ctx.prefer == "auto" and soon and datetime.timedelta(0) < soon - ctx.base <= AUTO_GRACE:
        year = ctx.base.year  # "16 September" in a 15 September article is tomorrow, not last year
    if year is None:
        return None
    found = Date(year, month, day)
    return Found(
        start,
        end,
        found,
        found,
        "day",
        found.isoformat(),
        True,
        f"year taken from publication {ctx.published}",
        kind,
        year_given=False,
        month=month,
        day=day,
    )


def month_hit(ctx, start, end, year, month, *, relative_to=None) -> Found | None:
    """A month, with its year given or resolved by `relative_to` ('last', 'this', 'next', or prefer)."""
    if not 1 <= month <= 12:
        return None
    if year is not None:
        return Found(
            start,
            end,
            Date(year, month, 1),
            last_day(year, month),
            "month",
            f"{year:04d}-{month:02d}",
            False,
            "explicit date",
            month=month,
        )
    if ctx.base is None:
        return None
    base = ctx.base
    if relative_to == "this":
        year = base.year
    else:
        prefer = {"last": "past", "next": "future"}.get(relative_to) or prefer_at(ctx, start)
        year = pick_year(base, prefer, lambda y: Date(y, month, 1), lambda y: last_day(y, month))
        if relative_to == "last" and year == base.year and month == base.month:
            year -= 1  # "last June" written in June is a year back
        if relative_to == "next" and year == base.year and month == base.month:
            year += 1
    return Found(
        start,
        end,
        Date(year, month, 1),
        last_day(year, month),
        "month",
        f"{year:04d}-{month:02d}",
        True,
        f"year taken from publication {ctx.published}",
        year_given=False,
        month=month,
    )


def year_hit(ctx, start, end, year) -> Found:
    return Found(start, end, Date(year, 1, 1), Date(year, 12, 31), "year", f"{year:04d}", False, "explicit year")


def weekday_hit(ctx, start, end, weekday, relative_to=None) -> Found | None:
    if ctx.base is None:
        return None
    base = ctx.base
    if relative_to == "last":
        delta = -(((base.weekday() - weekday) % 7) or 7)
    elif relative_to == "next":
        delta = ((weekday - base.weekday()) % 7) or 7
    elif prefer_at(ctx, start) == "future":
        delta = (weekday - base.weekday()) % 7
    else:
        delta = -((base.weekday() - weekday) % 7)
    day = base + datetime.timedelta(days=delta)
    side = "before" if delta <= 0 else "after"
    reason = f"weekday, nearest {side} publication {ctx.published}"
    return Found(start, end, day, day, "day", day.isoformat(), True, reason, "weekday")


def unit_hit(ctx, start, end, unit, by, reason=None) -> Found | None:
    if ctx.base is None:
        return None
    interval = unit_interval(unit, ctx.base, by)
    if interval is None:
        return None
    earliest, latest, value = interval
    precision = unit
    return Found(start, end, earliest, latest, precision, value, True, reason or from_publication(ctx))


def ref_hit(ctx, start, end, value) -> Found | None:
    if ctx.base is None:
        return None
    earliest = latest = ctx.base
    if value == "PAST_REF":
        earliest = ctx.base - REF_WINDOW
    elif value == "FUTURE_REF":
        latest = ctx.base + REF_WINDOW
    return Found(start, end, earliest, latest, "ref", value, True, from_publication(ctx), "ref")


def quarter_hit(ctx, start, end, quarter, year) -> Found | None:
    if not 1 <= quarter <= 4:
        return None
    relative = year is None
    if relative:
        if ctx.base is None:
            return None
        year = ctx.base.year
    earliest, latest, value = quarter_interval(year, quarter)
    reason = f"year taken from publication {ctx.published}" if relative else "explicit quarter"
    return Found(start, end, earliest, latest, "quarter", value, relative, reason)


def season_hit(ctx, start, end, code, year, relative_to=None) -> Found | None:
    relative = year is None
    if relative:
        if ctx.base is None:
            return None
        prefer = {"last": "past", "next": "future"}.get(relative_to) or prefer_at(ctx, start)
        year = pick_year(ctx.base, prefer, lambda y: season_interval(y, code)[0], lambda y: season_interval(y, code)[1])
        if relative_to == "last" and season_interval(year, code)[1] >= ctx.base:
            year -= 1  # "last summer" written in summer is the previous one
        if relative_to == "this":  # the season of this calendar year, even if still to come
            year = ctx.base.year - 1 if code == "WI" and ctx.base.month <= 2 else ctx.base.year
    earliest, latest = season_interval(year, code)
    reason = f"year taken from publication {ctx.published}" if relative else "explicit season"
    return Found(start, end, earliest, latest, "season", f"{year:04d}-{code}", relative, reason)


def decade_hit(ctx, start, end, first_year, relative) -> Found:
    reason = f"century taken from publication {ctx.published}" if relative else "explicit decade"
    return Found(
        start,
        end,
        Date(first_year, 1, 1),
        Date(first_year + 9, 12, 31),
        "decade",
        str(first_year // 10),
        relative,
        reason,
    )


def ago_hit(ctx, start, end, amount, unit, direction) -> Found | None:
    """'3 hari lalu', 'two weeks ago', 'через два дня': a step of N units from publication."""
    if ctx.base is None or unit not in ("day", "week", "month", "year", "decade"):
        return None
    if amount is None:  # "beberapa tahun lalu", "several years ago"
        return ref_hit(ctx, start, end, "PAST_REF" if direction < 0 else "FUTURE_REF")
    if not 0 < amount <= 100:
        return None
    if unit == "decade":
        unit, amount = "year", amount * 10
    return unit_hit(ctx, start, end, unit, direction * amount)


def through_dateparser(ctx: Context, expression: str, precision: str, own: tuple, year_given: bool = True) -> tuple:
    """(year, month, day) of an absolute expression as dateparser reads it; our lexicon's reading
    `own` when dateparser's locale lacks the word ('Ags', 'в январе 2022') or the date does not exist."""
    language = ctx.lex["language"]
    order = ctx.lex.get("date_order") or ("YMD" if language == "zh" else "DMY")
    reading = read_absolute(expression, language=language, precision=precision, year_given=year_given, date_order=order)
    if reading is None:
        return own
    return reading.year, reading.month, reading.day


def two_digit_year(short: int, base: Date | None) -> int:
    century = (base.year if base else 2000) // 100 * 100
    year = century + short
    return year - 100 if base and year > base.year + 1 else year


def preceded_by(text: str, start: int, phrases: list[str]) -> bool:
    before = text[max(0, start - 30) : start].lower()
    return any(re.search(rf"(?<!\w){re.escape(p)}\s*$", before) for p in phrases)


def followed_by(text: str, end: int, phrases: list[str]) -> bool:
    after = text[end : end + 30].lower()
    return any(re.match(rf"\s*{re.escape(p)}(?!\w)", after) for p in phrases)


def direction_of(word: str | None, lex: dict) -> str | None:
    if not word:
        return None
    word = re.sub(r"\s+", " ", word.lower())
    for key, name in (("last_words", "last"), ("this_words", "this"), ("next_words", "next")):
        if word in lex.get(key, []):
            return name
    return None


# ---------------------------------------------------------------- English, Indonesian, Russian


def build_alphabetic(g: Grammar) -> None:  # noqa: C901 - one pattern after another, read top to bottom
    """Patterns for languages written with spaces. Each starts with its core (a digit, a month, a
    weekday...) so the regex engine can skip ahead; the words before the core ("pada", "in", "last")
    are read afterwards by the `before` patterns."""
    lex = g.lex
    sensitive = lex.get("case_sensitive_names", False)
    month = words(lex["months"], names=True, case_sensitive=sensitive)
    weekday = words(lex["weekdays"], names=True, case_sensitive=sensitive)
    suffix = words(lex["day_suffixes"]) if lex["day_suffixes"] else ""
    day = rf"{DAY}{('(?:' + suffix + ')?') if suffix else ''}"
    of = rf"(?:\s+{words(lex['day_month_joiners'])})?" if lex["day_month_joiners"] else ""
    year_joiner = rf"(?:{words(lex['month_year_joiners'])}\s+)?" if lex["month_year_joiners"] else ""
    year_suffix = rf"(?:\s*{words(lex['year_suffixes'])}(?!\w))?" if lex["year_suffixes"] else ""
    end = r"(?![\w%]|[.,]\d)"
    context = words(lex["context_before"] + list(lex.get("qualifiers", {})))  # "pada", "in", "early", "awal"
    relation_words = lex["last_words"] + lex["this_words"] + lex["next_words"]
    relation_after = lex.get("relation_position") == "after"
    relation = words([] if relation_after else relation_words)  # "last June", "в прошлом году"
    after = words(lex["context_after"] + (relation_words if relation_after else []))  # "Juni lalu"
    year_units = {k: v for k, v in lex["relative_units"].items() if v[0] == "year"}
    relative_year = rf"\s+(?P<ry>{words(year_units)})(?!\w)"  # "June last year", "Juni tahun lalu"
    joiners = words(lex["range_joiners"])
    pair_open = words(lex.get("range_pair_openers", {}))
    pair_close = words(lex.get("range_pair_openers", {}).values())
    mdy = lex.get("date_order") == "MDY"
    prefix = words(lex["year_prefixes"])
    # what may stand before a core, read backwards from it
    context_before = g.before(
        rf"(?<!\w)(?P<ctx>{context})(?:\s+|\s*-\s*)(?:(?P<rel>{relation})\s+)?|(?<!\w)(?P<rel2>{relation})\s+"
    )
    year_before = g.before(
        rf"(?:(?<!\w)(?P<ctx>{context})(?:\s+|\s*-\s*))?(?<!\w)(?P<pre>{prefix})\s+|(?<!\w)(?P<ctx2>{context})(?:\s+|\s*-\s*)"
    )
    opener_before = g.before(rf"(?<!\w)(?P<open>{pair_open})\s+")

    def shifted_year(m, ctx):
        return None if ctx.base is None else ctx.base.year + lookup(year_units, m["ry"])[1]

    def month_of(text):
        return lookup(lex["months"], text)

    def day_of(text):
        return int(re.match(r"\d+", text).group())

    def look_back(pattern, m, ctx, start=None):
        start = m.start() if start is None else start
        return pattern.search(ctx.text, max(0, start - 40), start)

    def coordinated(ctx, start):
        """'in January and February', 'in 2004 and 2008': the second needs no preposition of its own."""
        found = g.coordinated.search(ctx.text, max(0, start - 30), start)
        if not found:
            return False
        word = found.group().split()[0].strip(",")
        return bool(re.fullmatch(YEAR, word)) or lookup(lex["months"], word) is not None

    def read_numeric(m, ctx):
        a, b, y = int(m["a"]), int(m["b"]), m["y"]
        if len(y) == 2 and m["sep"] == "-":
            return None  # "12-3-22" is more often a score or a code than a date
        year = int(y) if len(y) == 4 else two_digit_year(int(y), ctx.base)  # the century is ours to choose
        d, mo = (b, a) if (mdy and a <= 12 and b <= 31) or (b > 12 and a <= 12) else (a, b)
        year, mo, d = through_dateparser(ctx, f"{a}/{b}/{year}", "day", (year, mo, d))
        return day_hit(ctx, m.start(), m.end(), year, mo, d)

    g.add(
        rf"(?P<a>\d{{1,2}})(?P<sep>[/.\-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){end}(?![/\-:])",
        read_numeric,
        "/.-",
    )

    def read_iso(m, ctx):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        y, mo, d = through_dateparser(ctx, f"{y}-{mo:02d}-{d:02d}", "day", (y, mo, d))
        return day_hit(ctx, m.start(), m.end(), y, mo, d)

    g.add(rf"(?P<y>{YEAR})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\w/:]|[.\-]\d)", read_iso, "/.-")

    def read_paren(m, ctx):  # "(15/6)" after a weekday or alone, Indonesian press style
        a, b = int(m["a"]), int(m["b"])
        d, mo = (b, a) if mdy and b <= 31 and a <= 12 else (a, b)
        return day_hit(ctx, m.start("a"), m.end("b"), None, mo, d, year_given=False)

    g.add(r"\(\s*(?P<a>\d{1,2})/(?P<b>\d{1,2})\s*\)", read_paren)

    def written_day(m):
        """Day and month word as written, without joiners and suffixes: '24 februari', 'june 15'."""
        if m.start("m") < m.start("d"):
            return f"{m['m']} {day_of(m['d'])}"
        return f"{day_of(m['d'])} {m['m']}"

    def read_text_dmy(m, ctx):
        own = (int(m["y"]), month_of(m["m"]), day_of(m["d"]))
        year, mo, d = through_dateparser(ctx, f"{written_day(m)} {m['y']}", "day", own)
        return day_hit(ctx, m.start(), m.end(), year, mo, d)

    g.add(rf"(?P<d>{day}){of}\s+(?P<m>{month})\.?,?\s+{year_joiner}(?P<y>{YEAR}){year_suffix}{end}", read_text_dmy)
    if mdy:
        g.add(rf"(?P<m>{month})\.?\s+(?P<d>{day}),?\s+(?P<y>{YEAR}){end}", read_text_dmy)

    def read_text_dm(m, ctx):
        # dateparser reads day and month only; the year is always ours (publication, 'tahun lalu')
        _, mo, d = through_dateparser(ctx, written_day(m), "day", (None, month_of(m["m"]), day_of(m["d"])), False)
        relation = direction_of(m["after"], lex)  # "24 Mei lalu", "3 Juli mendatang"
        if relation:
            prefer = {"last": "past", "next": "future"}.get(relation)
            return day_hit(ctx, m.start(), m.end(), None, mo, d, year_given=False, prefer=prefer)
        if m["ry"]:
            year = shifted_year(m, ctx)
            hit = year and day_hit(ctx, m.start(), m.end(), year, mo, d)
            return hit and replace(hit, relative=True, reason=from_publication(ctx))
        return day_hit(ctx, m.start(), m.end(), None, mo, d, year_given=False)

    day_after = words(relation_words if relation_after else [])
    g.add(rf"(?P<d>{day}){of}\s+(?P<m>{month})(?!\w)(?:{relative_year}|\s+(?P<after>{day_after})(?!\w))?", read_text_dm)
    if mdy:
        g.add(rf"(?P<m>{month})\.?\s+(?P<d>{day})(?![\w%:]|[.,]\d)(?:{relative_year})?(?P<after>(?!x)x)?", read_text_dm)

    def read_month_year(m, ctx):
        year, mo, _ = through_dateparser(ctx, f"{m['m']} {m['y']}", "month", (int(m["y"]), month_of(m["m"]), None))
        return month_hit(ctx, m.start(), m.end(), year, mo)

    g.add(rf"(?P<m>{month})\.?,?\s+{year_joiner}(?P<y>{YEAR}){year_suffix}{end}", read_month_year)

    def read_month(m, ctx):
        word = m["m"]
        if m["ry"]:
            year = shifted_year(m, ctx)
            hit = year and month_hit(ctx, m.start(), m.end(), year, month_of(word))
            return hit and replace(hit, relative=True, reason=from_publication(ctx))
        if word.lower().rstrip(".") in lex["bare_month_blocked"]:
            return None  # "Mar", "Dec" alone are too often something else
        if re.search(r"\d\s+$", ctx.text[max(0, m.start() - 4) : m.start()]):
            return None  # the month of "3-4 Juli mendatang" belongs to its day
        before = look_back(context_before, m, ctx)
        rel = before and (before["rel"] or before["rel2"])
        if not (before or m["after"] or coordinated(ctx, m.start())):
            return None
        relation = direction_of(rel, lex) or direction_of(m["after"], lex)
        start = before.start("rel" if before["rel"] else "rel2") if rel else m.start()
        end_ = m.end("after") if relation and m["after"] else m.end("m")
        return month_hit(ctx, start, end_, None, month_of(word), relative_to=relation)

    g.add(rf"(?P<m>{month})(?!\w)(?:{relative_year}|\s+(?P<after>{after})(?!\w))?", read_month)

    count_nouns = lex.get("count_nouns_after", [])

    def read_year(m, ctx):
        if not starts_clean(ctx.text, m.start(), ".,"):
            return None
        before = look_back(year_before, m, ctx)
        later = m["after"] and direction_of(m["after"], lex)
        if not (before or m["suf"] or later or coordinated(ctx, m.start())):
            return None
        if followed_by(ctx.text, m.end("y"), count_nouns):
            return None
        start = before.start("pre") if before and before["pre"] else m.start()
        end_ = m.end("after") if later else (m.end("suf") if m["suf"] else m.end("y"))
        return year_hit(ctx, start, end_, int(m["y"]))

    g.add(
        rf"(?P<y>{YEAR})(?:\s*(?P<suf>{words(lex['year_suffixes'])})(?!\w))?{end}(?:\s+(?P<after>{after})(?!\w))?",
        read_year,
    )

    def read_year_range(m, ctx):
        first, last = int(m["y1"]), m["y2"]
        last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if not first < last <= first + 100:
            return None
        if m["close"] and not look_back(opener_before, m, ctx):
            return None  # "2014 and 2022" is two years, "between 2014 and 2022" a range
        hit = year_hit(ctx, m.start(), m.end(), first)
        return replace(hit, latest=Date(last, 12, 31), end_value=f"{last:04d}", reason="explicit range of years")

    g.add(
        rf"(?P<y1>{YEAR})(?:\s*(?:{joiners})\s*|\s+(?P<close>{pair_close})\s+)(?P<y2>{YEAR}|\d\d){year_suffix}{end}"
        rf"(?![/\-])",
        read_year_range,
        ".,/-",
    )

    def read_day_range(m, ctx):
        if m["close"] and not look_back(opener_before, m, ctx):
            return None
        mo = month_of(m["m"])
        year = int(m["y"]) if m["y"] else None
        prefer = {"last": "past", "next": "future"}.get(direction_of(m["after"], lex))
        first = day_hit(ctx, m.start(), m.end(), year, mo, day_of(m["d1"]), year_given=year is not None, prefer=prefer)
        last = first and make_day(first.earliest.year, mo, day_of(m["d2"]))  # both ends share the first's year
        if not last or last <= first.earliest:
            return None
        return replace(first, latest=last, end_value=last.isoformat(), reason="range: " + first.reason)

    span_joiner = rf"(?:\s*(?:{joiners})\s*|\s+(?P<close>{pair_close})\s+)"
    tail = rf"(?:\.?,?\s+{year_joiner}(?P<y>{YEAR}){year_suffix}{end}|\s+(?P<after>{day_after})(?!\w))?"
    g.add(rf"(?P<d1>{day}){span_joiner}(?P<d2>{day}){of}\s+(?P<m>{month})(?!\w){tail}", read_day_range)
    if mdy:
        g.add(
            rf"(?P<m>{month})\.?\s+(?P<d1>{day}){span_joiner}(?P<d2>{day})(?![\w%:])(?:,?\s+(?P<y>{YEAR}){end})?"
            r"(?P<after>(?!x)x)?",
            read_day_range,
        )

    def read_month_range(m, ctx):
        first = month_hit(ctx, m.start(), m.end(), int(m["y"]), month_of(m["m1"]))
        last = month_hit(ctx, m.start(), m.end(), int(m["y"]), month_of(m["m2"]))
        if not first or not last or last.earliest <= first.earliest:
            return None
        return replace(first, latest=last.latest, end_value=last.value, reason="explicit range of months")

    g.add(
        rf"(?P<m1>{month})\s*(?:{joiners})\s*(?P<m2>{month})\.?,?\s+{year_joiner}(?P<y>{YEAR}){year_suffix}{end}",
        read_month_range,
    )

    blocked_before = lex.get("weekday_blocked_before", [])
    blocked_after = lex.get("weekday_blocked_after", [])
    weekday_context = lex.get("weekday_context", [])
    relation_before = g.before(rf"(?<!\w)(?P<rel>{relation})\s+")

    def read_weekday(m, ctx):
        if m["after"] and m["w"].lower() in lex.get("weekday_also_unit", []):
            return None  # "Minggu lalu" is last week
        if preceded_by(ctx.text, m.start(), blocked_before) or followed_by(ctx.text, m.end("w"), blocked_after):
            return None
        before = look_back(relation_before, m, ctx)
        if lex.get("weekday_needs_context") and not (before or preceded_by(ctx.text, m.start(), weekday_context)):
            return None
        relation = direction_of(before and before["rel"] or m["after"], lex)
        start = before.start() if before else m.start()
        end_ = m.end("after") if relation and m["after"] else m.end("w")
        return weekday_hit(ctx, start, end_, lookup(lex["weekdays"], m["w"]), relation)

    weekday_after = words(relation_words if relation_after else [])
    g.add(rf"(?P<w>{weekday})(?!\w)(?:\s+(?P<after>{weekday_after})(?!\w))?", read_weekday)

    relative_days = lex.get("relative_days", {})
    day_blocked = lex.get("relative_day_blocked_before", [])

    def read_relative_day(m, ctx):
        if preceded_by(ctx.text, m.start(), day_blocked):
            return None
        return unit_hit(ctx, m.start(), m.end(), "day", lookup(relative_days, m.group()))

    g.add(rf"{words(relative_days)}(?!\w)", read_relative_day, needs=needed_words(relative_days))

    units = lex.get("relative_units", {})
    unit_blocked = lex.get("relative_blocked_before", [])

    def read_relative_unit(m, ctx):
        if preceded_by(ctx.text, m.start(), unit_blocked):
            return None
        unit, by = lookup(units, m.group())
        return unit_hit(ctx, m.start(), m.end(), unit, by)

    g.add(rf"{words(units)}(?!\w)", read_relative_unit, needs=needed_words(units))

    numbers = lex.get("numbers", {})
    unit_words = lex.get("unit_words", {})
    ago, later = words(lex.get("ago_after", [])), words(lex.get("later_after", []))
    durations = lex.get("duration_markers", [])
    amount = rf"(?P<n>\d{{1,3}}|{words(numbers)}|{words(lex.get('vague_numbers', []))})"

    def read_ago(m, ctx):
        if preceded_by(ctx.text, m.start(), durations):
            return None
        n = m["n"]
        value = 1 if not n else int(n) if n.isdigit() else lookup(numbers, n)
        return ago_hit(ctx, m.start(), m.end(), value, lookup(unit_words, m["u"]), -1 if m["ago"] else 1)

    unit_then_direction = rf"{words(unit_words)}\s+(?:{ago}|{later})(?!\w)"  # "days ago", "tahun lalu"
    g.add(
        rf"{amount}\s+(?P<u>{words(unit_words)})\s+(?:(?P<ago>{ago})|(?P<later>{later}))(?!\w)",
        read_ago,
        core=unit_then_direction,
    )
    if lex.get("later_before"):  # "через два дня"
        g.add(
            rf"{words(lex['later_before'])}\s+{amount}\s+(?P<u>{words(unit_words)})(?!\w)(?P<ago>(?!x)x)?",
            read_ago,
            needs=needed_words(lex["later_before"]),
        )
    if lex.get("bare_unit_ago"):  # "год назад": a year ago
        g.add(
            rf"(?P<u>{words(lex['bare_unit_ago'])})\s+(?P<ago>{ago})(?!\w)(?P<n>(?!x)x)?",
            read_ago,
            needs=needed_words(lex.get("ago_after", [])),
        )
    if lex.get("one_prefix"):  # "setahun lalu", "sepekan lalu"
        g.add(
            rf"{words([lex['one_prefix']])}(?P<u>{words(unit_words)})\s+(?:(?P<ago>{ago})|(?P<later>{later}))(?!\w)"
            rf"(?P<n>(?!x)x)?",
            read_ago,
            core=unit_then_direction,
        )

    ordinals = lex.get("quarter_ordinals", {})
    quarter_word = words(lex.get("quarter_words", []))

    def read_quarter(m, ctx):
        quarter = int(m["q"]) if m["q"] else lookup(ordinals, m["o"])
        year = m["y"]
        if year:
            year = int(year) if len(year) == 4 else two_digit_year(int(year.lstrip("'")), ctx.base)
        return quarter_hit(ctx, m.start(), m.end(), quarter, year)

    quarter_joiner = words(lex["month_year_joiners"] + ["of", "tahun"])
    year_tail = rf"(?:\s*(?:/|,|{quarter_joiner})?\s*(?P<y>{YEAR}){year_suffix})?{end}"
    g.add(rf"Q(?P<q>[1-4])(?:\s*[/-]?\s*(?P<y>{YEAR}|'\d\d))?(?!\w)(?P<o>(?!x)x)?", read_quarter)
    if lex.get("quarter_order") == "word_first":
        g.add(rf"{quarter_word}\s+(?P<o>{words(ordinals)})(?!\w){year_tail}(?P<q>(?!x)x)?", read_quarter)
    else:
        g.add(rf"(?P<o>{words(ordinals)})[\s-]+{quarter_word}(?!\w){year_tail}(?P<q>(?!x)x)?", read_quarter)

    seasons = lex.get("seasons", {})
    season_joiner = rf"(?:{words(lex['season_year_joiners'])}\s+)?" if lex.get("season_year_joiners") else ""
    season_before = g.before(
        rf"(?<!\w)(?P<ctx>{context})\s+(?:{words(['the'])}\s+)?(?:(?P<rel>{relation})\s+)?"
        rf"|(?<!\w)(?P<rel2>{relation})\s+"
    )
    season_blocked = lex.get("season_blocked_after", [])

    def read_season(m, ctx):
        if followed_by(ctx.text, m.end("s"), season_blocked):
            return None  # "the Winter Olympics"
        before = look_back(season_before, m, ctx)
        rel = before and (before["rel"] or before["rel2"])
        relation = direction_of(rel, lex) or direction_of(m["after"], lex)
        if lex.get("season_needs_context") and not (m["y"] or before or relation):
            return None
        start = before.start("rel" if before["rel"] else "rel2") if rel else m.start()
        end_ = m.end("y") if m["y"] else (m.end("after") if relation and m["after"] else m.end("s"))
        if m["y"] and m["suf"]:
            end_ = m.end("suf")
        code = lookup(seasons, m["s"])
        return season_hit(ctx, start, end_, code, int(m["y"]) if m["y"] else None, relation)

    g.add(
        rf"(?P<s>{words(seasons)})(?!\w)"
        rf"(?:\s+{season_joiner}(?P<y>{YEAR})(?P<suf>{year_suffix}){end}|\s+(?P<after>{after})(?!\w))?",
        read_season,
        needs=needed_words(seasons),
    )

    decade_before = g.before(rf"(?<!\w)(?P<pre>{words(lex.get('decade_prefixes', []))})\s+")
    decade_suffix = words(lex.get("decade_suffixes", []))

    def read_decade(m, ctx):
        before = look_back(decade_before, m, ctx)
        start = before.start() if before else m.start()
        if m["d"]:
            return decade_hit(ctx, start, m.end(), int(m["d"]), False)
        if not (before or m["apo"]):
            return None
        year = two_digit_year(int(m["dd"]), ctx.base)
        return decade_hit(ctx, start, m.end(), year // 10 * 10, True)

    suffix_starts = [suffix.lower().split()[0] for suffix in lex.get("decade_suffixes", []) if suffix.strip()]
    decade_ends = [f"0{apostrophe}{start}" for start in suffix_starts for apostrophe in ("", "'", "’")]
    g.add(
        rf"(?:(?P<d>(?:1[89]|20)\d0)|(?P<apo>['’])?(?P<dd>\d0))(?:['’]?{decade_suffix})(?!\w)",
        read_decade,
        ".,",
        needs=decade_ends,
    )

    refs = lex.get("refs", {})

    def read_ref(m, ctx):
        return ref_hit(ctx, m.start(), m.end(), lookup(refs, m.group()))

    g.add(rf"{words(refs)}(?!\w)", read_ref, needs=needed_words(refs))

    qualifier_units = lex.get("qualifier_units", {})
    not_after = words(lex["context_after"] + relation_words)

    def read_qualified_unit(m, ctx):  # "awal tahun", "the end of the month": this unit
        qualifier = lookup(lex["qualifiers"], m["q"])
        unit = lookup(qualifier_units, m["u"])
        hit = unit_hit(ctx, m.start(), m.end(), unit, 0)
        if hit is None:
            return None
        earliest, latest = narrow(hit.earliest, hit.latest, unit, qualifier)
        return replace(hit, earliest=earliest, latest=latest, qualifier=qualifier)

    g.add(
        rf"(?P<q>{words(lex.get('qualifiers', {}))})\s+(?P<u>{words(qualifier_units)})(?!\w)"
        rf"(?!\s*(?:\d|{month}(?!\w)|{not_after}(?!\w)))",
        read_qualified_unit,
        needs=needed_words(qualifier_units),
    )


# ---------------------------------------------------------------- Chinese


def chinese_number(text: str, numbers: dict) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + numbers.get(text[1:], 0)
    if text.endswith("十"):
        return numbers.get(text[:-1], 0) * 10
    if "十" in text:
        tens, ones = text.split("十", 1)
        return numbers.get(tens, 0) * 10 + numbers.get(ones, 0)
    return numbers.get(text)


def build_chinese(g: Grammar) -> None:
    lex = g.lex
    month_q = words(lex["month_qualifiers"])

    def qualified(hit, word, table):
        if hit is None or not word:
            return hit
        qualifier = table[word]
        earliest, latest = narrow(hit.earliest, hit.latest, hit.precision, qualifier)
        return replace(hit, earliest=earliest, latest=latest, qualifier=qualifier)

    def read_ymd(m, ctx):
        own = (int(m["y"]), int(m["m"]), int(m["d"]))
        year, mo, d = through_dateparser(ctx, "{}年{}月{}日".format(*own), "day", own)
        return day_hit(ctx, m.start(), m.end(), year, mo, d)

    g.add(rf"(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]", read_ymd)

    def read_md(m, ctx):
        return day_hit(ctx, m.start(), m.end(), None, int(m["m"]), int(m["d"]), year_given=False)

    g.add(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]", read_md)

    def read_day_only(m, ctx):  # "24日" in Chinese news: a day of the publication month, or the one before
        if ctx.base is None:
            return None
        d = int(m["d"])
        year, month = ctx.base.year, ctx.base.month
        prefer = prefer_at(ctx, m.start())
        if d > ctx.base.day and prefer == "past":
            year, month = shift_month(year, month, -1)
        elif d < ctx.base.day and prefer == "future":
            year, month = shift_month(year, month, 1)
        hit = day_hit(ctx, m.start(), m.end(), year, month, d)
        return hit and replace(hit, relative=True, reason=f"month taken from publication {ctx.published}")

    g.add(r"(?<![\d月日年])(?P<d>\d{1,2})\s*日(?![\d])", read_day_only)

    def read_ym(m, ctx):
        year, mo, _ = through_dateparser(ctx, f"{m['y']}年{m['m']}月", "month", (int(m["y"]), int(m["m"]), None))
        return qualified(month_hit(ctx, m.start(), m.end(), year, mo), m["q"], lex["month_qualifiers"])

    g.add(rf"(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月份?(?P<q>{month_q})?(?![\d日号])", read_ym)

    def read_m(m, ctx):
        hit = month_hit(ctx, m.start(), m.end(), None, int(m["m"]))
        return qualified(hit, m["q"], lex["month_qualifiers"])

    g.add(rf"(?<![\d年个])(?P<m>\d{{1,2}})\s*月份?(?P<q>{month_q})?(?![\d日号])", read_m)

    def read_y(m, ctx):
        return qualified(year_hit(ctx, m.start(), m.end(), int(m["y"])), m["q"], lex["year_qualifiers"])

    g.add(rf"(?<!\d)(?P<y>{YEAR})\s*年度?(?P<q>初|底|末)?(?![\d代])", read_y)

    def read_decade(m, ctx):
        first = int(m["d"]) if m["d"] else 1900 + int(m["dd"])
        return decade_hit(ctx, m.start(), m.end(), first, False)

    g.add(r"(?:(?:上世纪|20世纪|二十世纪)(?P<dd>\d0)|(?<!\d)(?P<d>(?:1[89]|20)\d0))\s*年代", read_decade)

    def read_quarter(m, ctx):
        return quarter_hit(ctx, m.start(), m.end(), lex["quarter_ordinals"][m["q"]], int(m["y"]) if m["y"] else None)

    g.add(rf"(?:(?P<y>{YEAR})\s*年\s*)?第(?P<q>[一二三四1-4])季度", read_quarter)

    relative_units = lex["relative_units"]

    def read_season(m, ctx):
        code = lex["seasons"][m["s"]]
        if m["rel"]:
            unit, by = relative_units[m["rel"]]
            if ctx.base is None:
                return None
            return season_hit(ctx, m.start(), m.end(), code, ctx.base.year + by)
        return season_hit(ctx, m.start(), m.end(), code, int(m["y"]) if m["y"] else None)

    g.add(rf"(?:(?P<y>{YEAR})\s*年|(?P<rel>去年|今年|明年))?(?P<s>[春夏秋冬])(?:季|天)(?!\w)", read_season)

    weekdays = lex["weekdays"]

    def read_relative_month(m, ctx):  # "去年3月", "今年2月24日"
        if ctx.base is None:
            return None
        year = ctx.base.year + relative_units[m["rel"]][1]
        if m["d"]:
            hit = day_hit(ctx, m.start(), m.end(), year, int(m["m"]), int(m["d"]))
        else:
            hit = month_hit(ctx, m.start(), m.end(), year, int(m["m"]))
        return hit and replace(hit, relative=True, reason=from_publication(ctx))

    g.add(r"(?P<rel>去年|今年|明年|前年)\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?", read_relative_month)

    def read_weekday(m, ctx):
        relation = "last" if m["rel"] in lex["weekday_last"] else "next" if m["rel"] in lex["weekday_next"] else None
        return weekday_hit(ctx, m.start(), m.end(), weekdays[m["w"]], relation)

    g.add(rf"(?P<rel>[上下本这])?(?:个)?(?:{'|'.join(lex['weekday_prefixes'])})(?P<w>[一二三四五六日天])", read_weekday)

    def read_relative_unit(m, ctx):
        unit, by = relative_units[m["u"]]
        hit = unit_hit(ctx, m.start(), m.end(), unit, by)
        table = lex["year_qualifiers"] if unit == "year" else lex["month_qualifiers"]
        if hit and m["q"] in table:
            return qualified(hit, m["q"], table)
        return hit

    g.add(rf"(?P<u>{words(relative_units)})(?P<q>初|底|末|上旬|中旬|下旬)?", read_relative_unit)

    this_unit = lex["this_unit_qualifiers"]

    def read_this_unit(m, ctx):
        unit, qualifier = this_unit[m.group()]
        hit = unit_hit(ctx, m.start(), m.end(), unit, 0)
        if hit is None:
            return None
        earliest, latest = narrow(hit.earliest, hit.latest, unit, qualifier)
        return replace(hit, earliest=earliest, latest=latest, qualifier=qualifier)

    g.add(rf"(?<![\d去今明前后])(?:{words(this_unit)})", read_this_unit)

    def read_relative_day(m, ctx):
        return unit_hit(ctx, m.start(), m.end(), "day", lex["relative_days"][m.group()])

    g.add(words(lex["relative_days"]), read_relative_day)

    numbers = lex["numbers"]

    def read_ago(m, ctx):
        amount = chinese_number(m["n"], numbers)
        direction = -1 if m["dir"] in lex["ago_after"] else 1
        return ago_hit(ctx, m.start(), m.end(), amount, lex["unit_words"][m["u"]], direction)

    g.add(
        rf"(?<![\d年])(?P<n>\d{{1,3}}|[一二两三四五六七八九十]+)\s*(?P<u>{words(lex['unit_words'])})"
        rf"(?P<dir>{words(lex['ago_after'] + lex['later_after'])})",
        read_ago,
    )

    def read_range(m, ctx):
        year = int(m["y"]) if m["y"] else None
        first = day_hit(ctx, m.start(), m.end(), year, int(m["m"]), int(m["d1"]), year_given=year is not None)
        if first is None:
            return None
        last = make_day(first.earliest.year, int(m["m"]), int(m["d2"]))
        if last is None or last <= first.earliest:
            return None
        return replace(first, latest=last, end_value=last.isoformat(), reason="range: " + first.reason)

    g.add(
        rf"(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>\d{{1,2}})\s*月\s*(?P<d1>\d{{1,2}})\s*[日号]?\s*(?:{words(lex['range_joiners'])})"
        rf"\s*(?P<d2>\d{{1,2}})\s*[日号]",
        read_range,
    )

    def read_ref(m, ctx):
        return ref_hit(ctx, m.start(), m.end(), lex["refs"][m.group()])

    g.add(words(lex["refs"]), read_ref)
