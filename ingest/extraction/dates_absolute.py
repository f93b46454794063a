"""Absolute calendar dates read by dateparser: '24 Februari 2022', 'June 15, 2022', '2022年2月24日'.

The date scan in dates.py finds the expression and splits it into its parts (day, month word,
year); this module asks dateparser which calendar day or month those parts name. dateparser
knows the month names and abbreviations of every language we read and which days exist
('31 Februari 2022' is nothing). All-digit dates are computed by the scan (dates_alphabetic).

Three choices keep it fast and honest:
- One DateDataParser per (language, date order), created on first use and kept in a module
  dict: building one costs ~100 ms, reusing one costs ~0.3 ms a parse.
- The settings never depend on the article: a fixed RELATIVE_BASE in a leap year (so '29 Feb'
  parses) and year-less expressions return no year at all. The caller resolves the year
  against publication. So a parse depends only on (language, order, expression) and an
  lru_cache on that key is always right.
- Only what the text says is kept: the day when dateparser's period is 'day', never the 1st
  or the 15th it fills in for 'Februari 2022', and the year only when it was written.

When dateparser's locale lacks a word our lexicon knows ('Ags', Russian 'в январе 2022'), the
caller falls back to its own lexicon reading; `read_absolute` then returns None.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from dateparser.date import DateDataParser

FIXED_BASE = datetime.datetime(2000, 12, 31)  # a leap year, so '29 Februari' without a year parses
DATE_ORDERS = ("DMY", "MDY", "YMD")
PRECISIONS = ("day", "month")

_parsers: dict[tuple[str, str], DateDataParser] = {}


@dataclass(frozen=True)
class Reading:
    """What an expression names: year None when the text gives none; day None for a month."""

    year: int | None
    month: int
    day: int | None
    precision: str


def get_parser(language: str, date_order: str) -> DateDataParser:
    """The one DateDataParser for this language and order, built on first use."""
    key = (language, date_order)
    parser = _parsers.get(key)
    if parser is None:
        settings = {
            "DATE_ORDER": date_order,
            "PARSERS": ["absolute-time"],  # relative forms are read by our own layer
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "current_period",
            "RELATIVE_BASE": FIXED_BASE,
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        parser = DateDataParser(languages=[language], settings=settings, try_previous_locales=False)
        _parsers[key] = parser
    return parser


def normalise_expression(expression: str) -> str:
    return re.sub(r"\s+", " ", expression.strip().lower())


def read_absolute(
    expression: str, *, language: str, precision: str, year_given: bool = True, date_order: str = "DMY"
) -> Reading | None:
    """The day or month an absolute expression names, or None when dateparser cannot say.

    `precision` is what the matched pattern promises ('day' for '24 Februari 2022', 'month' for
    'Februari 2022'); a reading at any other precision is refused rather than trusted.
    """
    if not isinstance(expression, str) or precision not in PRECISIONS or date_order not in DATE_ORDERS:
        return None
    key = normalise_expression(expression)
    if not key:
        return None
    return parse_cached(language, date_order, key, precision, year_given)


@functools.lru_cache(maxsize=8192)
def parse_cached(language: str, date_order: str, expression: str, precision: str, year_given: bool) -> Reading | None:
    """One dateparser call per distinct expression; safe to cache as nothing here depends on the article."""
    try:
        data = get_parser(language, date_order).get_date_data(expression)
    except (ValueError, OverflowError, TypeError, KeyError):  # dateparser raises on a few odd inputs
        return None
    found = data.date_obj if data else None
    if found is None or data.period != precision:
        return None
    year = found.year if year_given else None
    day = found.day if precision == "day" else None  # never the day dateparser invents for a month
    return Reading(year, found.month, day, precision)


def clear_cache() -> None:
    """Forget every cached parse (benchmarks measure the cold path with it)."""
    parse_cached.cache_clear()
