"""From the parts of a matched expression to an interval: the readers' shared helpers.

Each *_hit function turns a day, month, weekday, unit, quarter, season or decade into a Found
candidate, resolving what the text leaves out (the year, the weekday's week) against the
publication date. Absolute parts go through dateparser (dates_absolute). Part of
ingest.extraction.dates.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from ingest.extraction.dates_absolute import normalise_expression, read_absolute
from ingest.extraction.dates_calendar import (
    Date,
    last_day,
    make_day,
    pick_year,
    quarter_interval,
    season_interval,
    unit_interval,
)
from ingest.extraction.dates_lexicon import load_lexicon, words

REF_WINDOW = datetime.timedelta(days=90)
AUTO_GRACE = datetime.timedelta(days=7)


@dataclass(slots=True)
class Found:
    """A candidate before overlaps are settled; `reason` becomes the trail.

    Never changed once made (replace() makes a new one), but not frozen: a frozen dataclass sets each of
    its 15 fields through object.__setattr__, 1.3 µs a hit against 0.3 µs, and an article makes ~15.
    """

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
    # When a list: a first, provisional reading. through_dateparser then notes each ask here and
    # answers with our own reading, so dateparser is asked only for the hits that survive (dates.py).
    asks: list | None = None


def prefer_at(ctx: Context, start: int) -> str:
    """'past' or 'future' for an expression at `start`; with prefer='auto', the sentence's tense decides."""
    if ctx.prefer != "auto":
        return ctx.prefer
    # The sentence is read back 1,000 characters at most: text without stops would otherwise be read again
    # in full for each of its weekdays (quadratic); no real sentence tells its tense that far from its date.
    reach = max(0, start - 1000)
    last_mark = reach - 1
    for mark in ".!?。\n":  # a plain loop: max() over a generator costs more than the five rfind calls
        last_mark = max(last_mark, ctx.text.rfind(mark, reach, start))
    markers = future_markers(ctx.lex.get("language", ""))
    return "future" if markers and markers.search(ctx.text, last_mark + 1, start) else "past"


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
    if ctx.asks is not None:
        ctx.asks.append(expression)
        return own
    language = ctx.lex["language"]
    order = ctx.lex.get("date_order") or ("YMD" if language == "zh" else "DMY")
    reading = read_absolute(expression, language=language, precision=precision, year_given=year_given, date_order=order)
    if reading is None:
        return own
    return reading.year, reading.month, reading.day


# Any year does for asking dateparser what a month word means; a leap year like its FIXED_BASE.
MONTH_QUESTION_YEAR = 2000


def month_through_dateparser(ctx: Context, word: str, own: tuple) -> tuple:
    """(year, month, day) with the month that dateparser reads for the month word `word`; the year
    and day are the written digits of `own`, our lexicon's reading, which also stands when
    dateparser does not know the word ('Ags').

    Why the word alone and not the whole '24 Februari 2022': the digits need no locale and which
    days exist is calendar arithmetic (day_hit refuses '31 Juni' as dateparser did), so dateparser
    adds only the month. The lexicon's month words are all asked once per language
    (month_words_read), so an article costs no dateparser call for them (each ~0.5 ms)."""
    language = ctx.lex["language"]
    order = ctx.lex.get("date_order") or "DMY"
    key = normalise_expression(word)
    table = month_words_read(language, order)
    if key in table:
        month = table[key]
        return own if month is None else (own[0], month, own[2])
    if ctx.asks is not None:  # a word outside the lexicon's list: asked only if its date survives
        ctx.asks.append(word)
        return own
    month = ask_month(language, order, key)
    return own if month is None else (own[0], month, own[2])


def ask_month(language: str, order: str, word: str) -> int | None:
    question = f"{word} {MONTH_QUESTION_YEAR}"
    reading = read_absolute(question, language=language, precision="month", year_given=False, date_order=order)
    return None if reading is None else reading.month


@functools.cache
def month_words_read(language: str, order: str) -> dict[str, int | None]:
    """dateparser's month for every month word of our lexicon (None where its locale lacks the word).

    Asked once per language when the scan is first used, like the patterns are compiled: the answer
    depends on the word alone, and the words are the lexicon's, so no article ever adds a question."""
    words = {normalise_expression(word) for word in load_lexicon(language).get("months") or {}}
    return {word: ask_month(language, order, word) for word in sorted(words)}
