"""Publication dates and zones written on news pages: '15/06/2022, 21:01 WIB', 'June 15, 2022 9:01 AM ET'.

Publication time zone rule: a zone written in the dateline (WIB, GMT+7, ET, MSK...) wins;
without one, the outlet's name or language implies it (id: WIB, ru: Moscow, zh: China +08:00);
otherwise the moment is unknown and only the calendar date is kept. Part of ingest.cleaning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

# fmt: off
MONTHS = {
    # Indonesian and English (full and short forms); the first three letters mostly suffice.
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "februari": 2, "february": 2, "pebruari": 2,
    "mar": 3, "maret": 3, "march": 3,
    "apr": 4, "april": 4,
    "may": 5, "mei": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "agu": 8, "agt": 8, "agustus": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "okt": 10, "oktober": 10, "october": 10,
    "nov": 11, "nop": 11, "november": 11, "nopember": 11,
    "dec": 12, "des": 12, "desember": 12, "december": 12,
    # Russian genitive forms and their stems
    "января": 1, "янв": 1, "февраля": 2, "фев": 2, "марта": 3, "мар": 3, "апреля": 4, "апр": 4,
    "мая": 5, "июня": 6, "июн": 6, "июля": 7, "июл": 7, "августа": 8, "авг": 8,
    "сентября": 9, "сен": 9, "октября": 10, "окт": 10, "ноября": 11, "ноя": 11,
    "декабря": 12, "дек": 12,
}
# fmt: on
MONTH_WORD = r"(?P<month>[A-Za-zА-Яа-яё]{3,10})\.?"
DAY_MONTH_YEAR = re.compile(r"\b(?P<day>\d{1,2})\s+" + MONTH_WORD + r",?\s+(?P<year>(?:19|20)\d{2})\b")
MONTH_DAY_YEAR = re.compile(r"\b" + MONTH_WORD + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b")
NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>(?:19|20)\d{2})\b")
ISO_DATE = re.compile(
    r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)
FULL_YEAR = re.compile(r"(?:19|20)\d{2}")  # the year part every full date form below contains
CHINESE_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
# The forms in the order they are tried, each with the characters of which it needs one (none: letters).
DATE_FORMS = (
    (ISO_DATE, "-"),
    (CHINESE_DATE, "年"),
    (DAY_MONTH_YEAR, ""),
    (MONTH_DAY_YEAR, ""),
    (NUMERIC_DATE, "/.-"),
)
TIME = re.compile(
    r"(?<![\d/.:-])(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?(?![\d/.-])\s*(?P<ampm>[ap]\.?\s?m\.?)?",
    re.IGNORECASE,
)
# Fixed offsets, or a zone name when daylight saving or history matters (Moscow was +04 in 2011-14).
# fmt: off
ZONES: dict[str, str | int] = {
    "WIB": 7 * 60, "WITA": 8 * 60, "WIT": 9 * 60, "GMT": 0, "UTC": 0, "Z": 0,
    "MSK": "Europe/Moscow", "МСК": "Europe/Moscow", "CST": 8 * 60, "BJT": 8 * 60, "HKT": 8 * 60,
    "SGT": 8 * 60, "MYT": 8 * 60, "PHT": 8 * 60, "JST": 9 * 60, "KST": 9 * 60, "ICT": 7 * 60,
    "IST": 5 * 60 + 30, "ET": "America/New_York", "EST": -5 * 60, "EDT": -4 * 60,
    "PT": "America/Los_Angeles", "PST": -8 * 60, "PDT": -7 * 60, "CT": "America/Chicago",
    "CDT": -5 * 60, "CET": 60, "CEST": 120, "BST": 60, "EET": 120, "EEST": 180,
    "AEST": 10 * 60, "AEDT": 11 * 60,
}
# fmt: on
ZONE = re.compile(
    r"(?<![A-Za-z])(?P<name>WITA|WIB|WIT|GMT|UTC|MSK|МСК|CST|BJT|HKT|SGT|MYT|PHT|JST|KST|ICT|IST|ET|EST|EDT|PT|PST"
    r"|PDT|CT|CDT|CET|CEST|BST|EET|EEST|AEST|AEDT)(?![A-Za-z])"
    r"(?:\s*(?P<sign>[+\-−])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?)?"
)
ZONE_WORDS = {
    "beijing time": 8 * 60,
    "北京时间": 8 * 60,
    "moscow time": "Europe/Moscow",
    "по московскому времени": "Europe/Moscow",
    "jakarta time": 7 * 60,
}
# The home zone of well-known outlets, for datelines that print a time without a zone.
OUTLET_ZONES: list[tuple[re.Pattern, str | int]] = [
    (re.compile(p, re.IGNORECASE), zone)
    for p, zone in [
        (
            r"xinhua|news\.cn|china daily|chinadaily|global times|cgtn|people'?s daily|people\.cn|south china morning"
            r"|scmp|caixin|china news|chinanews|straits times|channel news ?asia|taipei times",
            8 * 60,
        ),
        (
            r"tass|ria|интерфакс|interfax|rbc|рбк|kommersant|коммерсант|sputnik|moscow times|izvestia|известия"
            r"|\brt\b|тасс|риа",
            "Europe/Moscow",
        ),
        (
            r"antara|kompas|detik|tempo|jakarta post|jakarta globe|cnn indonesia|republika|tribun|liputan6|okezone"
            r"|sindonews|kumparan|bisnis|media indonesia|suara|cnbc indonesia|viva|merdeka",
            7 * 60,
        ),
        (
            r"washington ?post|new york times|nytimes|associated press|\bap\b|wall street journal|wsj|npr|abc news"
            r"|cbs news|nbc news|\bcnn\b|fox news|politico|voa|voice of america",
            "America/New_York",
        ),
        (
            r"\bbbc\b|guardian|financial times|\bft\b|telegraph|independent|sky news|the times|economist",
            "Europe/London",
        ),
        (r"france ?24|\bafp\b|le monde|rfi|euronews|dw\b|deutsche welle|politico europe", "Europe/Paris"),
        (r"nikkei|japan times|kyodo|yonhap|korea herald|korea times|nhk", 9 * 60),
    ]
]
LANGUAGE_ZONES: dict[str, str | int] = {"id": 7 * 60, "ru": "Europe/Moscow", "zh": 8 * 60}
DATE_LABELS = re.compile(
    r"^(?:(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?|diperbarui|dipublikasikan|diterbitkan|"
    r"terbit|tayang|date|tanggal|опубликовано|обновлено|发布时间|发布日期|时间|日期)\s*[:：]?\s*",
    re.IGNORECASE,
)
WEEKDAYS = re.compile(
    r"\b(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?,?",
    re.IGNORECASE,
)


@dataclass
class FoundDate:
    date: dt.date
    time: dt.time | None
    tz: dt.tzinfo | None
    start: int  # where the date expression starts in the line
    end: int


def make_tz(spec: str | int) -> dt.tzinfo:
    if isinstance(spec, int):
        return dt.timezone(dt.timedelta(minutes=spec))
    return ZoneInfo(spec)


def find_zone(line: str) -> dt.tzinfo | None:
    match = ZONE.search(line)
    if match:
        if match["sign"]:
            minutes = int(match["hours"]) * 60 + int(match["minutes"] or 0)
            return make_tz(-minutes if match["sign"] in "-−" else minutes)
        return make_tz(ZONES[match["name"]])
    lowered = line.lower()
    for words, spec in ZONE_WORDS.items():
        if words in lowered:
            return make_tz(spec)
    return None


def zone_of_outlet(name: str | None) -> dt.tzinfo | None:
    for pattern, spec in OUTLET_ZONES:
        if name and pattern.search(name):
            return make_tz(spec)
    return None


def find_time(line: str, skip: tuple[int, int]) -> dt.time | None:
    # search from the end of the last match, as finditer does: no iterator to set up for a line
    # that mostly holds one time (finditer cost ~300 ns more a call)
    match = TIME.search(line)
    while match is not None:
        if not skip[0] <= match.start() < skip[1]:
            hour, minute = int(match["hour"]), int(match["minute"])
            ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                return dt.time(hour, minute, min(int(match["second"] or 0), 59))
        match = TIME.search(line, match.end())
    return None


def date_of(match: re.Match, language: str | None) -> dt.date | None:
    """The date a match of one of DATE_FORMS writes; None when it is no date (month 'Bug', 31 June)."""
    parts = match.groupdict()
    if "a" in parts:
        first, second = int(parts["a"]), int(parts["b"])
        # day first, except in English when it cannot be (06/15/2022) or by US habit
        month_first = second > 12 or (language == "en" and first <= 12)
        day, month = (second, first) if month_first else (first, second)
    elif parts["month"].isdigit():
        day, month = int(parts["day"]), int(parts["month"])
    else:
        month = MONTHS.get(parts["month"].lower()) or MONTHS.get(parts["month"].lower()[:3])
        day = int(parts["day"])
        if month is None:
            return None
    try:
        return dt.date(int(parts["year"]), month, day)
    except ValueError:
        return None


def find_calendar_date(line: str, language: str | None) -> tuple[dt.date, int, int, re.Match] | None:
    """The first full date (day, month, year) written in the line, in any of the common forms
    (the earliest start; on a tie, the form tried first)."""
    if not FULL_YEAR.search(line):
        return None  # every form below writes its year in full: most lines are done with one cheap scan
    first = None
    for pattern, marks in DATE_FORMS:
        if marks and not any(mark in line for mark in marks):
            continue  # the form writes one of these between its numbers
        # A form's later matches start later, so only its first date can be the line's first: one
        # search, not a finditer over every match (with find_time: clean_text -2.4 us/article).
        match = pattern.search(line)
        while match is not None:
            date = date_of(match, language)
            if date is not None:
                if first is None or match.start() < first[1]:
                    first = (date, match.start(), match.end(), match)
                break
            match = pattern.search(line, match.end())
    return first


def find_publication_date(line: str, language: str | None) -> FoundDate | None:
    calendar = find_calendar_date(line, language)
    if calendar is None:
        return None
    date, start, end, match = calendar
    tz = None
    time = None
    if match.re is ISO_DATE and match["hour"]:
        time = dt.time(int(match["hour"]), int(match["minute"]), min(int(match["second"] or 0), 59))
        if match["offset"]:
            offset = match["offset"]
            if offset == "Z":
                tz = dt.UTC
            else:
                sign = -1 if offset[0] == "-" else 1
                digits = offset[1:].replace(":", "")
                tz = make_tz(sign * (int(digits[:2]) * 60 + int(digits[2:])))
    if time is None:
        time = find_time(line, (start, end))
    if tz is None:
        tz = find_zone(line)
    return FoundDate(date, time, tz, start, end)


def to_published(found: FoundDate, language: str | None) -> dt.datetime | None:
    """An aware datetime when the zone is written or implied by the language (see module doc)."""
    tz = found.tz
    if tz is None and language in LANGUAGE_ZONES:
        tz = make_tz(LANGUAGE_ZONES[language])
    if tz is None:
        return None
    return dt.datetime.combine(found.date, found.time or dt.time(0, 0), tzinfo=tz)


def parse_published(expression: str, *, language: str | None = None) -> dt.datetime | None:
    """'15/06/2022, 21:01 WIB' -> 2022-06-15 21:01+07:00; None when no date or no knowable zone."""
    found = find_publication_date(expression or "", language)
    return to_published(found, language) if found else None
