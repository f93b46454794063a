"""Find date expressions in news text and normalise them to intervals with a precision.

The scan is a set of compiled regexes built from per-language word lists in
lexicons/dates_<lang>.json; every hit becomes an interval (earliest, latest), a
precision and a TIMEX3-style value. We never let a parser fill in a day the text
does not give ("pada Februari" is a month, not the 15th).

What dateparser reads (dates_absolute.py, reused DateDataParser instances with a
fixed language and date order, results cached per expression):
- day-month-year and month-year written with a month name: "24 Februari 2022",
  "June 15, 2022", "24 февраля 2022 года", "Februari 2022", "2022年2月";
- Chinese dates written with 年月日: "2022年2月24日", "2022年2月";
- the day and month of year-less "24 Februari" / "June 15" (the year is ours).
Our scan still finds these (a fast candidate scan, not search_dates over the text)
and hands dateparser only the parts: day, month word, year. Where dateparser's
locale lacks a word ("Ags", Russian "в январе 2022") our lexicon reads it.
All-digit dates ("15/6/2022", "15.06.22", "2022-06-15") have no word to read: the
scan computes them itself in the language's date order, as dateparser would read
them (checked over every day and month number), since one dateparser call costs
more than scanning a whole article.

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

Modules: this one keeps the API (find_dates, DateMention) and settles overlaps,
weekday+date pairs and ranges; dates_lexicon (word lists, Grammar), dates_alphabetic
and dates_chinese (the patterns and their readers), dates_resolve (parts to intervals
against publication), dates_calendar (arithmetic), dates_absolute (dateparser).

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

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ingest.extraction.dates_alphabetic import build_alphabetic
from ingest.extraction.dates_calendar import Date, last_day, make_day, narrow
from ingest.extraction.dates_chinese import build_chinese
from ingest.extraction.dates_lexicon import LANGUAGES, Grammar, load_lexicon, lookup, starts_clean
from ingest.extraction.dates_resolve import Context, Found
from ingest.extraction.spans import DisjointSpans

PREFERENCES = ("past", "future", "auto")


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


@functools.cache
def grammar_for(language: str) -> Grammar:
    grammar = Grammar(language)
    if language == "zh":
        build_chinese(grammar)
    else:
        build_alphabetic(grammar)
    return grammar


# ---------------------------------------------------------------- public entry point


def find_dates(
    text: str, *, published: datetime.datetime | None, language: str, prefer: str = "past"
) -> list[DateMention]:
    """All date expressions in `text`, sorted by start, without overlaps (the longest wins)."""
    if language not in LANGUAGES:
        language = re.split(r"[-_]", str(language or "").lower())[0]  # "id-ID", "EN" are fine too
    if not isinstance(text, str) or not text or language not in LANGUAGES:
        return []
    base, stamp = publication_day(published)
    prefer = prefer if prefer in PREFERENCES else "past"
    ctx = Context(text, base, stamp, prefer, load_lexicon(language))
    grammar = grammar_for(language)
    provisional = Context(text, base, stamp, prefer, ctx.lex, asks=[])  # readers answer from our lexicon first
    found: list[Scanned] = []
    for priority, match in grammar.matches(text):
        _, reader, clean_start, _, _ = grammar.patterns[priority]
        if clean_start is not None and not starts_clean(text, match.start(), clean_start):
            continue
        provisional.asks.clear()
        hit = reader(match, provisional)
        unread = bool(provisional.asks)
        if unread and hit is None:
            hit, unread = reader(match, ctx), False  # no provisional reading: ask dateparser now
        if hit is not None:
            found.append(Scanned(add_qualifier(hit, grammar, ctx), priority, match if unread else None, reader))
    chosen = settle_read(found, grammar, ctx)
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


@dataclass(eq=False)
class Scanned:
    """A hit before overlaps are settled; `match` is kept while its reading is provisional."""

    hit: Found
    priority: int
    match: re.Match | None
    reader: Callable


def settle_read(found: list[Scanned], grammar: Grammar, ctx: Context) -> list[Found]:
    """settle_overlaps, asking dateparser only about the provisional hits that survive.

    Why: a date is often matched three times ('24 Februari 2022', '24 Februari', 'Februari 2022')
    and only the longest survives; dateparser is the costliest step of the scan. A surviving
    provisional hit is read again through dateparser; if that reading fails, overlaps are settled
    again. Readers take a hit's span from the match, never from dateparser's answer, so a hit that
    lost would lose with any reading: the outcome is that of reading every hit through dateparser.
    """
    while True:
        chosen = settle_overlaps([(candidate.hit, candidate.priority) for candidate in found])
        by_hit = {id(candidate.hit): candidate for candidate in found if candidate.match is not None}
        unread = [by_hit[id(hit)] for hit in chosen if id(hit) in by_hit]
        if not unread:
            return chosen
        for candidate in unread:
            hit = candidate.reader(candidate.match, ctx)
            candidate.match = None
            if hit is None:
                found.remove(candidate)
            else:
                candidate.hit = add_qualifier(hit, grammar, ctx)


def settle_overlaps(found: list[tuple[Found, int]]) -> list[Found]:
    ranked = sorted(found, key=lambda pair: (-(pair[0].end - pair[0].start), pair[1], pair[0].start))
    taken: list[Found] = []
    free = DisjointSpans()
    for hit, _ in ranked:
        if free.take(hit.start, hit.end):
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


# What may stand between a weekday and its written date: a comma, a bracket, a part of the day
# ("Sabtu malam (13/4)", "Saturday night, April 13", "в субботу вечером, 13 апреля").
_WEEKDAY_GAP = re.compile(
    r"\s*(?:(?:pagi|siang|sore|malam|dini hari|morning|afternoon|evening|night|утром|днём|днем|вечером|ночью)\b)?"
    r"\s*,?\s*\(?\s*",
    re.IGNORECASE,
)


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
            if _WEEKDAY_GAP.fullmatch(gap):
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
