"""Calendar arithmetic for date mentions: month ends, weeks, quarters, seasons, thirds of an interval.

Plain functions on datetime.date; no text, no lexicons. Part of ingest.extraction.dates.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
YEAR = r"(?:1[89]\d\d|20\d\d)"
# The day of the month, 1-31 or 01-09, spelled so that every branch starts with a plain digit: the
# regex engine then skips ahead to the next digit instead of trying each branch at every position
# (day-led patterns 4x faster). Same matches, tried in the same order as "3[01]|[12]\d|0?[1-9]".
DAY = r"(?:3[01]|1\d|2\d|0[1-9]|1|2|3|4|5|6|7|8|9)"
Date = datetime.date


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


def two_digit_year(short: int, base: Date | None) -> int:
    century = (base.year if base else 2000) // 100 * 100
    year = century + short
    return year - 100 if base and year > base.year + 1 else year
