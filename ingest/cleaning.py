"""From a news page (text or HTML) to the article body and its metadata.

Pure Python (stdlib, trafilatura for HTML): no Django. The rules are general ones for news
sites in Indonesian, English, Russian and Chinese; the boilerplate lines themselves are data,
one file a language, in ingest/boilerplate/.

How a text page is read:
1. Lines that are page furniture (ads, 'Baca juga', share/login prompts, captions, bylines)
   are dropped, and so are related-headline lists: a list header ('Terkini Lainnya', 'Most
   read') and the headline-like lines after it, up to the next real paragraph.
2. Repeated lines (headlines printed twice) are kept once.
3. Everything before the first real paragraph is the header: title, dateline, outlet, author.
4. The lead's dateline prefix ('BEIJING, KOMPAS.com – ') is cut off and its place kept.
5. Paragraphs are joined with blank lines; hard-wrapped lines are rejoined.

Publication time zone rule: a zone written in the dateline (WIB, GMT+7, ET, MSK...) wins;
without one, the outlet's language implies it (id: WIB, ru: Moscow, zh: China +08:00);
otherwise the moment is unknown, so `published` is None and only `published_date` is set.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

BOILERPLATE_DIR = Path(__file__).resolve().parent / "boilerplate"
RULE_LANGUAGES = ("id", "en", "ru", "zh")


@dataclass
class CleanedArticle:
    text: str
    title: str | None = None
    published: dt.datetime | None = None
    language: str | None = None
    outlet: str | None = None
    author: str | None = None
    published_expression: str | None = None
    place: str | None = None  # the lead's dateline place, e.g. "Beijing"
    published_date: dt.date | None = None  # the calendar date, also when the zone is unknown


# --- boilerplate rules -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rules:
    """The boilerplate patterns of every language, merged into a few regexes.

    Tried one by one, the ~80 line patterns cost more than the rest of the cleaning together;
    merged, a line is one `match` (patterns anchored with '^') and one `search` (the others).
    They are matched against the lower-cased line: case-sensitive matching is about twice as
    fast as re.IGNORECASE, and a rule written with capitals is made case-blind on its own.
    """

    drop_at_start: re.Pattern
    drop_anywhere: re.Pattern
    list_header: re.Pattern
    byline_label: frozenset[str]


NEVER = re.compile(r"(?!x)x")


def is_anchored(pattern: str) -> bool:
    """'^...' with no top-level '|': the pattern can only match at the start of the line."""
    if not pattern.startswith("^"):
        return False
    depth, escaped, in_class = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


def merge(patterns: list[str]) -> re.Pattern:
    """One regex for many rules, to be used on lower-cased text."""
    if not patterns:
        return NEVER
    parts = []
    for pattern in patterns:
        re.compile(pattern)  # a bad rule is reported alone, not as part of a huge alternation
        has_capitals = any(char != char.lower() for char in re.sub(r"\\.", "", pattern))  # '\S' is no capital
        parts.append(f"(?i:{pattern})" if has_capitals else f"(?:{pattern})")
    return re.compile("|".join(parts))


@cache
def load_rules() -> Rules:
    """All languages' rules together: pages mix them and the patterns are specific enough."""
    drop, header, labels = [], [], set()
    for language in RULE_LANGUAGES:
        path = BOILERPLATE_DIR / f"{language}.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        drop += data.get("drop_line", [])
        header += data.get("list_header", [])
        labels |= {label.lower() for label in data.get("byline_label", [])}
    at_start = [p for p in drop if is_anchored(p)]
    anywhere = [p for p in drop if not is_anchored(p)]
    return Rules(merge(at_start), merge(anywhere), merge(header), frozenset(labels))


def is_boilerplate(line: str) -> bool:
    if not line:
        return False
    rules = load_rules()
    line = line.lower()
    return bool(rules.drop_at_start.match(line) or rules.drop_anywhere.search(line))


def is_list_header(line: str) -> bool:
    candidate = line.strip().rstrip(":：").strip().lower()
    return bool(candidate) and bool(load_rules().list_header.search(candidate))


# --- line shapes -------------------------------------------------------------------------------

SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]*)$")
CJK = re.compile(r"[\u4e00-\u9fff]")


def count_words(line: str) -> int:
    cjk = len(CJK.findall(line))
    return len(line.split()) + cjk // 2


def is_body_like(line: str) -> bool:
    """A paragraph of running text, not a headline, label or link."""
    line = line.strip()
    words = count_words(line)
    if SENTENCE_END.search(line) and words >= 8:
        return True
    return words >= 30


def is_headline_like(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= 250 and not is_body_like(line)


# --- dates -------------------------------------------------------------------------------------

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
CHINESE_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
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
    for match in TIME.finditer(line):
        if skip[0] <= match.start() < skip[1]:
            continue
        hour, minute = int(match["hour"]), int(match["minute"])
        ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return dt.time(hour, minute, min(int(match["second"] or 0), 59))
    return None


def find_calendar_date(line: str, language: str | None) -> tuple[dt.date, int, int, re.Match] | None:
    """The first full date (day, month, year) written in the line, in any of the common forms."""
    found = []
    for pattern in (ISO_DATE, CHINESE_DATE, DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC_DATE):
        for match in pattern.finditer(line):
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
                    continue
            try:
                found.append((dt.date(int(parts["year"]), month, day), match.start(), match.end(), match))
            except ValueError:
                continue
    return min(found, key=lambda item: item[1]) if found else None


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


# --- header: dateline, outlet, author, title ---------------------------------------------------

NAME_WORD = r"(?:[A-Z][a-zA-Z'’\-]+\.?|[A-Z]\.|bin|binti|van|de|der|von|al|el|da|dos)"
NAME = re.compile(rf"^{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}$")
CYRILLIC_NAME = re.compile(r"^[А-ЯЁ][а-яё\-]+(?:\s+[А-ЯЁ][а-яё\-.]+){1,3}$")
BYLINE = re.compile(
    r"^(?:by|oleh|penulis|reporter|pewarta|author|written by|автор|作者|记者)\s*[:：|]?\s*(?P<name>.+)$", re.IGNORECASE
)
OUTLET_TOKEN = re.compile(r"^(?:[A-Za-z][\w-]*\.(?:com|co\.id|co|id|net|org|ru|cn|news)(?:\+)?|[a-z]+[A-Z][A-Za-z]+)$")


BYLINE_IN_PLACE = re.compile(r"^(?P<name>.{4,40}?)\s+(?:in|di|reporting from)\s+[A-Z][\w -]{2,30}$")


NAME_AND_OUTLET = re.compile(r"^(?P<name>[^|]{4,40}?)\s+[-–|]\s+(?P<outlet>\S{3,30})$")
CHINESE_BYLINE = re.compile(r"^(?:作者\s*)?\S{0,8}?记者\s*(?P<name>[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*)$")


def is_name(text: str) -> bool:
    text = text.strip()
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text):
        return True
    if text.isupper():
        text = text.title()  # 'By ANDREI KARPOV'
    return len(text) <= 60 and bool(NAME.match(text) or CYRILLIC_NAME.match(text))


def split_authors(text: str) -> str | None:
    """'Jane Doe and John Roe' or 'Jane Doe, Reuters' -> the name part, when it reads like names."""
    text = re.split(r"\s*[|,;]\s*|\s+-\s+", text.strip())[0]
    parts = re.split(r"\s+(?:and|dan|и)\s+|\s*&\s*", text)
    if parts and all(is_name(p) for p in parts):
        return text.title() if text.isupper() else text
    return None


def normalise_outlet(name: str) -> str:
    """'KOMPAS.com' -> 'Kompas.com', 'ANTARA' -> 'Antara'; short agency names stay (AFP, AP)."""
    name = name.strip(" -–—|,·•:")
    head, dot, tail = name.partition(".")
    if head.isupper() and len(head) > 4:
        head = head.capitalize()
    return head + dot + tail


def outlet_before_date(line: str, start: int) -> str | None:
    """'Kompas.com - 15/06/2022' and 'CNN Indonesia | Rabu, 15/06' name the outlet before the date."""
    prefix = WEEKDAYS.sub(" ", line[:start])
    prefix = DATE_LABELS.sub("", prefix.strip())
    match = re.match(r"^\s*(?P<name>[^|–—]+?)\s*(?:\||-|–|—|·|•)\s*$", prefix)
    if not match:
        return None
    name = match["name"].strip()
    if not name or len(name) > 40 or DATE_LABELS.match(name + " ") or any(c.isdigit() for c in name[:1]):
        return None
    return normalise_outlet(name)


def source_after_date(line: str) -> str | None:
    """'2022-02-04 20:37:42　来源：新华网' and 'Source: Xinhua' name the outlet after the date."""
    match = re.search(
        r"(?:来源于|来源|source|sumber|источник)\s*[:：]?\s*(?P<name>[^|\s]{2,30}(?: [A-Z][\w.]+)?)", line, re.I
    )
    return normalise_outlet(match["name"]) if match else None


@dataclass
class Header:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    expression: str | None = None
    found: FoundDate | None = None
    banner: str | None = None  # the site name printed above the page, a weaker hint than a dateline


def read_header(lines: list[str], language: str | None) -> Header:
    header = Header()
    labels = load_rules().byline_label
    titles: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        lowered = stripped.lower().rstrip(":")
        if len(stripped) <= 160 and (header.found is None or header.found.time is None):
            found = find_publication_date(stripped, language)
            if found and header.found is not None and (found.date != header.found.date or found.time is None):
                found = None  # keep the first dateline unless this one adds the time of the same day
            if found:
                header.found = found
                outlet = outlet_before_date(stripped, found.start) or source_after_date(stripped)
                header.outlet = header.outlet or outlet
                header.expression = dateline_expression(stripped, found, outlet)
                continue
        if lowered in labels:
            continue
        byline = CHINESE_BYLINE.match(stripped) or BYLINE.match(stripped) or BYLINE_IN_PLACE.match(stripped)
        if byline and header.author is None:
            name = split_authors(byline["name"])
            if name:
                header.author = name
                continue
        name_and_outlet = NAME_AND_OUTLET.match(stripped)
        if header.author is None and name_and_outlet and is_name(name_and_outlet["name"]):
            header.author = name_and_outlet["name"]  # 'Nama Penulis - detikNews'
            header.outlet = header.outlet or normalise_outlet(name_and_outlet["outlet"])
            continue
        if header.author is None and is_name(stripped):
            following = [x.strip().lower().rstrip(":") for x in lines[index + 1 : index + 3]]
            # a bare name is the author when labelled so, or when it follows the title and dateline
            if any(f in labels for f in following) or (header.found is not None and titles):
                header.author = stripped
                continue
        if header.outlet is None and OUTLET_TOKEN.match(stripped):
            header.outlet = normalise_outlet(stripped)
            continue
        if is_title(stripped):
            titles.append(stripped)
    header.title = choose_title(titles, lines)
    if header.outlet is None and lines and lines[0].strip() != header.title:
        header.banner = banner_outlet(lines[0])
    return header


def choose_title(candidates: list[str], lines: list[str]) -> str | None:
    """The first headline of four words or more; a short first line is the site's banner."""
    if not candidates:
        return None
    first_line = lines[0].strip() if lines else ""
    while len(candidates) > 1 and (
        is_banner(candidates[0]) if candidates[0] == first_line else is_section_label(candidates[0])
    ):
        candidates = candidates[1:]
    long_enough = [c for c in candidates if count_words(c) >= 4]
    return (long_enough or candidates)[0]


def is_banner(line: str) -> bool:
    """'The Guardian', 'France 24 | AFP', 'KOMPAS Cyber Media - Internasional', 'South China Morning Post'."""
    words = line.split()
    if re.search(r"\s[|\-–—·•]\s", line) or len(words) <= 3:
        return True
    return len(words) <= 5 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def is_section_label(line: str) -> bool:
    """'Russian Politics & Diplomacy', 'NATIONAL / POLITICS & DIPLOMACY': a rubric above the headline."""
    words = line.split()
    if line.isupper() and len(words) <= 6:
        return True
    parts = re.split(r"\s+[|/>»·•]\s+", line)
    if len(parts) > 1 and all(count_words(p) <= 4 for p in parts):
        return True
    return len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def banner_outlet(line: str) -> str | None:
    line = line.strip()
    if not line or len(line) > 60 or SENTENCE_END.search(line):
        return None
    first = re.split(r"\s+[|\-–—·•]\s+", line)[0].strip()
    return first if 0 < count_words(first) <= 5 else None


def dateline_expression(line: str, found: FoundDate, outlet: str | None) -> str:
    """The dateline as written, without the outlet name and labels: '15/06/2022, 21:01 WIB'."""
    if outlet:
        line = re.split(r"\s*(?:\||-|–|—|·|•)\s*", line, maxsplit=1)[-1]
    return DATE_LABELS.sub("", line).strip()


def is_title(line: str) -> bool:
    if not line or len(line) > 250 or SENTENCE_END.search(line) and not line.endswith(("?", "!", "？", "！")):
        return False
    if OUTLET_TOKEN.match(line):
        return False
    return count_words(line) >= 3


# --- lead dateline prefix ----------------------------------------------------------------------

DASH = r"(?:--|[-–—])"
LEAD_PREFIXES = [
    # BEIJING, KOMPAS.com – / MOSCOW (Reuters) - / BEIJING, June 15 (Xinhua) -- / KYIV, Ukraine (AP) —
    re.compile(
        r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý .'\-]{2,40}?)"
        r"(?:\s*,\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?))?"
        r"(?:\s*,\s*(?P<outlet>[A-Za-z][\w.+&' ]{1,40}?))?"
        r"(?:\s*\((?P<paren>[^()]{1,40})\))?\s*" + DASH + r"\s*(?=\S)"
    ),
    # Jakarta, CNN Indonesia -- / Jakarta, 15 Juni 2022 (ANTARA) - / Jakarta (ANTARA) -
    re.compile(
        r"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
        r"(?:\s*,\s*(?P<when>\d{1,2}\s+[A-Za-z]+\s+\d{4}))?"
        r"(?:\s*,\s*(?P<outlet>[A-Z][\w.+ ]{1,30}?))?"
        r"(?:\s*\((?P<paren>[^()]{2,30})\))?\s*" + DASH + r"\s+(?=\S)"
    ),
    # (Reuters) - Russia and China ...
    re.compile(r"^(?P<place>)\((?P<paren>[A-Za-z][^()]{1,30})\)\s*" + DASH + r"\s*(?=\S)"),
    # Москва. 21 марта. INTERFAX.RU -
    re.compile(r"^(?P<place>[А-ЯЁ][а-яё\-]+)\.\s*\d{1,2}\s+[а-яё]+\.\s*(?P<outlet>[\w.]{2,30})\s*" + DASH + r"\s*"),
    # МОСКВА, 15 июн — РИА Новости. / МОСКВА, 15 июня. /ТАСС/.
    re.compile(
        r"^(?P<place>[А-ЯЁ][А-ЯЁ \-]{2,30}),\s*\d{1,2}\s+[а-яё]+\.?\s*" + DASH + r"\s*(?P<outlet>[^.]{2,30})\.\s+"
    ),
    re.compile(r"^(?P<place>[А-ЯЁ][А-ЯЁ \-]{2,30}),\s*\d{1,2}\s+[а-яё]+\.\s*/(?P<outlet>[^/]{2,20})/\.?\s*"),
    # 【财新网】 / 【环球网报道】
    re.compile(r"^(?P<place>)【(?P<outlet>[^】]{2,12}?)(?:报道|讯)?】\s*"),
    # 新华社北京6月15日电（记者 ...）
    re.compile(
        r"^(?P<outlet>新华社|中新社|中新网)(?P<place>[\u4e00-\u9fff]{2,3}?)\d{1,2}月\d{1,2}日电(?:（[^）]{0,40}）)?\s*"
    ),
]


def looks_like_outlet(name: str) -> bool:
    """'KOMPAS.com', 'CNN Indonesia', 'detikNews' are outlets; 'Russia', 'Ukraine' are regions."""
    return "." in name or bool(re.search(r"[A-Z]{2,}|[a-z][A-Z]", name))


@dataclass
class Lead:
    text: str
    place: str | None = None
    outlet: str | None = None


def strip_lead_prefix(paragraph: str) -> Lead:
    """'BEIJING, KOMPAS.com – China akan ...' -> 'China akan ...' with place Beijing."""
    for pattern in LEAD_PREFIXES:
        match = pattern.match(paragraph)
        if not match:
            continue
        rest = paragraph[match.end() :].strip()
        place = match["place"].strip() or None
        if count_words(rest) < 3:
            continue
        parts = match.groupdict()
        outlet = parts.get("paren") or parts.get("outlet")
        if parts.get("outlet") and (parts.get("paren") or not looks_like_outlet(parts["outlet"])):
            # 'KYIV, Ukraine (AP)', 'VLADIVOSTOK, Russia --': the comma part is a region
            outlet = parts.get("paren")
        if pattern is LEAD_PREFIXES[1] and not (parts.get("outlet") or parts.get("paren") or parts.get("when")):
            # 'Jakarta - ' alone (detik style) is a prefix only when the place is a single short name
            if " " in place:
                continue
        if pattern is LEAD_PREFIXES[1] and parts.get("outlet") and not looks_like_outlet(parts["outlet"]):
            continue  # 'Moscow, Beijing - ...' is a sentence, not a dateline
        if outlet:
            outlet = normalise_outlet(outlet.split(",")[0])
        if place and not CJK.search(place):
            place = place.title()
        return Lead(rest, place, outlet)
    return Lead(paragraph)


# --- the body ----------------------------------------------------------------------------------

TRAILING_CODE = re.compile(r"\s*\(\s*[a-z]{2,5}\s*/\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})?\s*\)\s*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def is_capitalised_headline(line: str) -> bool:
    """'Russia Publishes Draft Security Treaties With NATO, U.S.' ends with a dot but is a headline."""
    if line.endswith(("?", "？")) and count_words(line) < 15:
        return True  # 'Explainer: Why is the Olympics under a boycott?'
    if re.match(r"^(explainer|analysis|opinion|factbox|live|video|photos|timeline|q&a)\s*:", line, re.IGNORECASE):
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    return 0 < len(words) <= 14 and capitalised >= 0.7 * len(words)


def drop_lists(lines: list[str]) -> list[str]:
    """A list header and the headline-like lines under it go, up to the next real paragraph."""
    kept, in_list = [], False
    for line in lines:
        stripped = line.strip()
        if is_list_header(stripped):
            in_list = True
            continue
        if in_list:
            if not stripped or is_headline_like(stripped) or is_capitalised_headline(stripped):
                continue
            if is_boilerplate(stripped):
                continue
            in_list = False
        kept.append(line)
    return kept


def drop_trailing_headlines(paragraphs: list[str]) -> list[str]:
    """Three or more headline-like lines closing the page are a list without a header."""
    end = len(paragraphs)
    while end > 0 and is_headline_like(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end] if len(paragraphs) - end >= 3 else paragraphs


def join_paragraphs(lines: list[str]) -> list[str]:
    """Blank lines separate paragraphs; a wrapped line continues when its next line starts in lower case."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        continues = (
            bool(current)
            and not SENTENCE_END.search(current)
            and (stripped[0].islower() or current.endswith((",", "-", "—", "–")))
        )
        if continues:
            current = current + " " + stripped
        else:
            if current:
                paragraphs.append(current)
            current = stripped
    if current:
        paragraphs.append(current)
    return paragraphs


NAVIGATION_SEPARATORS = re.compile(r"\s+[|>»/·•]\s+|\s{3,}")
NAVIGATION_NUMBERS = re.compile(r"\d{4}|\d{1,2}:\d{2}")
NAVIGATION_ARROW = re.compile(r"\s[>»]\s")
NON_WORD = re.compile(r"\W+")


def is_navigation(line: str) -> bool:
    """A menu or breadcrumb: 'News | Opinion | Sport', 'World > Russia', 'Главное   Россия   В мире'."""
    line = line.strip()
    if not line or SENTENCE_END.search(line):  # most lines are sentences: the cheap test first
        return False
    parts = [p for p in NAVIGATION_SEPARATORS.split(line) if p.strip()]
    if len(parts) < 2 or any(count_words(p) > 4 for p in parts):
        return False
    if NAVIGATION_NUMBERS.search(line) or (any(ch.isdigit() for ch in line) and len(parts) < 3):
        return False  # a dateline ('Xinhua | 2012-04-22 18:29') or a dated list item ('15 Jun 01 | Asia')
    return len(parts) >= 3 or NAVIGATION_ARROW.search(line) is not None


def key_of(line: str) -> str:
    return NON_WORD.sub(" ", line.lower()).strip()


def normalise_raw(raw: str) -> str | None:
    """None when the input is not readable text (empty, binary)."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    if len(CONTROL.findall(raw[:5000])) > max(5, len(raw[:5000]) // 50):
        return None
    raw = CONTROL.sub("", raw).replace("\r\n", "\n").replace("\r", "\n")
    return raw.replace("\u00a0", " ").replace("\u200b", "")


def detect(text: str) -> str | None:
    """The extractor's language detector when present; else a script-and-stopword guess."""
    try:
        from ingest.extraction.language import detect_language
    except ImportError:
        detect_language = None
    if detect_language is not None:
        try:
            found = detect_language(text)
            if found:
                return found
        except Exception:  # a detector fault must not lose the article
            pass
    return guess_language(text)


def guess_language(text: str) -> str | None:
    sample = text[:4000]
    if len(CJK.findall(sample)) > 20:
        return "zh"
    if len(re.findall(r"[А-Яа-яЁё]", sample)) > 50:
        return "ru"
    words = re.findall(r"[a-z]+", sample.lower())
    if len(words) < 5:
        return None
    id_words = sum(w in {"yang", "dan", "di", "dengan", "untuk", "dari", "pada", "ini", "itu", "akan"} for w in words)
    en_words = sum(w in {"the", "and", "of", "to", "in", "that", "is", "with", "for", "on"} for w in words)
    if max(id_words, en_words) < 2:
        return None
    return "id" if id_words > en_words else "en"


def clean_text(raw: str, *, language: str | None = None) -> CleanedArticle:
    """The article body and metadata of a page saved as text; empty text when there is none."""
    text = normalise_raw(raw)
    if text is None:
        return CleanedArticle(text="", language=language)
    site = find_site(text)
    # list headers first: 'Read more:' alone opens a list, 'Read more: <headline>' is one line to drop
    lines = [
        line
        for line in text.split("\n")
        if is_list_header(line) or not (is_boilerplate(line.strip()) or is_navigation(line))
    ]
    lines = drop_lists(lines)
    if language is None:
        language = detect("\n".join(lines))

    seen: set[str] = set()
    unique = []
    for line in lines:
        key = key_of(line)
        if key and key in seen:
            continue
        if key:
            seen.add(key)
        unique.append(line)

    start = find_body_start(unique, language)
    header = read_header([line for line in unique[:start] if line.strip()], language)
    paragraphs = join_paragraphs(unique[start:])
    paragraphs = [TRAILING_CODE.sub("", p) for p in drop_trailing_headlines(paragraphs)]
    paragraphs = [p for p in paragraphs if p and not is_stray_dateline(p, language)]

    article = CleanedArticle(text="", title=header.title, language=language, author=header.author)
    article.outlet = header.outlet
    if paragraphs:
        lead = strip_lead_prefix(paragraphs[0])
        paragraphs[0] = lead.text
        article.place = lead.place
        article.outlet = article.outlet or lead.outlet
    article.outlet = article.outlet or header.banner
    found = header.found
    if found is None and paragraphs:
        # 'Jakarta, 15 Juni 2022 (ANTARA) - ...': the only date is in the lead's prefix
        lead_found = find_publication_date(text_before_lead(unique[start:]), language)
        if lead_found and lead_found.start < 40:
            found = lead_found
            article.published_expression = text_before_lead(unique[start:])[lead_found.start : lead_found.end]
    if found is not None:
        if found.tz is None:
            found.tz = zone_of_outlet(" ".join(filter(None, [article.outlet, header.banner, site])))
        article.published = to_published(found, language)
        article.published_date = found.date
        article.published_expression = article.published_expression or header.expression
    article.text = "\n\n".join(paragraphs)
    return article


SITE = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|co\.uk|co\.jp|cn|ru|net|org|co|id)\b", re.IGNORECASE)


def find_site(text: str) -> str | None:
    """A domain printed at the top of the page ('washingtonpost.com > World'), a hint to the outlet's zone."""
    for line in [x for x in text.split("\n") if x.strip()][:5]:
        match = SITE.search(line)
        if match:
            return match.group(0)
    return None


def find_body_start(lines: list[str], language: str | None) -> int:
    """The first real paragraph; a standfirst sentence above the dateline belongs to the header."""
    start = next((i for i, line in enumerate(lines) if starts_body(line)), len(lines))
    seen = 0
    for index in range(start + 1, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        seen += 1
        if seen > 4 or starts_body(line) and seen > 1:
            break
        if is_stray_dateline(line, language):
            return next((i for i in range(index + 1, len(lines)) if starts_body(lines[i])), len(lines))
    return start


def text_before_lead(lines: list[str]) -> str:
    return next((line.strip() for line in lines if line.strip()), "")[:80]


def starts_body(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if is_body_like(stripped):
        return True
    return strip_lead_prefix(stripped).place is not None and count_words(stripped) >= 6


def is_stray_dateline(paragraph: str, language: str | None) -> bool:
    """'Updated: Jun 15, 2022, 14:01 ET' printed inside the body is not article text."""
    if len(paragraph) > 80 or is_body_like(paragraph):
        return False
    found = find_publication_date(paragraph, language)
    return found is not None and (found.time is not None or DATE_LABELS.match(paragraph) is not None)


# --- HTML --------------------------------------------------------------------------------------

META_PUBLISHED = [
    re.compile(
        r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|datePublished|pubdate|"""
        r"""publishdate|publish-date|date|dc\.date|og:published_time)["'][^>]*>""",
        re.IGNORECASE,
    ),
    re.compile(r'"datePublished"\s*:\s*"(?P<value>[^"]+)"'),
]
CONTENT_ATTR = re.compile(r"""content=["'](?P<value>[^"']+)["']""", re.IGNORECASE)


def find_html_published(html: str) -> str | None:
    """The page's machine-readable publication time (meta tag or JSON-LD), as written."""
    for pattern in META_PUBLISHED:
        for match in pattern.finditer(html[:300_000]):
            value = match.groupdict().get("value")
            if value is None:
                content = CONTENT_ATTR.search(match.group(0))
                value = content["value"] if content else None
            if value and ISO_DATE.search(value):
                return value.strip()
    return None


def clean_html(html: str, *, url: str | None = None, language: str | None = None) -> CleanedArticle:
    """Main text and metadata of an HTML page (trafilatura), then the text rules."""
    if not isinstance(html, str) or normalise_raw(html) is None:
        return CleanedArticle(text="", language=language)
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
        if document is not None and not isinstance(document, dict):
            document = document.as_dict()
    except Exception:  # trafilatura gives up on some broken pages by raising
        document = None
    if not document or not (document.get("text") or "").strip():
        return CleanedArticle(text="", language=language)

    body = clean_text(document["text"], language=language or document.get("language"))
    title = (document.get("title") or "").strip() or body.title
    if body.text.startswith(title or "\0"):
        body.text = body.text[len(title) :].lstrip()
    body.title = title
    body.author = body.author or (split_authors(document.get("author") or "") or None)
    body.outlet = (document.get("sitename") or "").strip() or body.outlet
    expression = find_html_published(html)
    if expression:
        found = find_publication_date(expression, body.language)
        if found:
            body.published = to_published(found, body.language)
            body.published_date = found.date
            body.published_expression = expression
    elif body.published_date is None and document.get("date"):
        found = find_publication_date(document["date"], body.language)
        if found:
            body.published = to_published(found, body.language)
            body.published_date = found.date
            body.published_expression = document["date"]
    return body
