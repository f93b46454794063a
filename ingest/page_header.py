"""The page header and the lead's dateline prefix: title, outlet, author, place.

'BEIJING, KOMPAS.com – China akan ...' gives place Beijing and outlet Kompas.com; a byline
'Oleh: Jane Doe' gives the author. Part of ingest.cleaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.boilerplate_rules import CJK, contains_any, count_words, ends_sentence, load_rules
from ingest.datelines import DATE_LABELS, WEEKDAYS, FoundDate, find_publication_date

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


CHINESE_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
AUTHORS_END = re.compile(r"\s*[|,;]\s*|\s+-\s+")
AUTHORS_JOINT = re.compile(r"\s+(?:and|dan|и)\s+|\s*&\s*")


def is_name(text: str) -> bool:
    text = text.strip()
    if CHINESE_NAME.fullmatch(text):
        return True
    if text.isupper():
        text = text.title()  # 'By ANDREI KARPOV'
    return len(text) <= 60 and bool(NAME.match(text) or CYRILLIC_NAME.match(text))


def split_authors(text: str) -> str | None:
    """'Jane Doe and John Roe' or 'Jane Doe, Reuters' -> the name part, when it reads like names."""
    text = AUTHORS_END.split(text.strip())[0]
    parts = AUTHORS_JOINT.split(text)
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


# Compiled once: re.match(string, ...) looks its pattern up in the re module's cache at every call.
OUTLET_AND_SEPARATOR = re.compile(r"^\s*(?P<name>[^|–—]+?)\s*(?:\||-|–|—|·|•)\s*$")
SOURCE = re.compile(
    r"(?:来源于|来源|source|sumber|источник)\s*[:：]?\s*(?P<name>[^|\s]{2,30}(?: [A-Z][\w.]+)?)", re.IGNORECASE
)
BANNER_SEPARATOR = re.compile(r"\s[|\-–—·•]\s")
SECTION_SEPARATORS = re.compile(r"\s+[|/>»·•]\s+")
BANNER_SEPARATORS = re.compile(r"\s+[|\-–—·•]\s+")
DATELINE_SEPARATOR = re.compile(r"\s*(?:\||-|–|—|·|•)\s*")
OUTLET_CAPITALS = re.compile(r"[A-Z]{2,}|[a-z][A-Z]")


def outlet_before_date(line: str, start: int) -> str | None:
    """'Kompas.com - 15/06/2022' and 'CNN Indonesia | Rabu, 15/06' name the outlet before the date."""
    prefix = WEEKDAYS.sub(" ", line[:start])
    prefix = DATE_LABELS.sub("", prefix.strip())
    match = OUTLET_AND_SEPARATOR.match(prefix)
    if not match:
        return None
    name = match["name"].strip()
    if not name or len(name) > 40 or DATE_LABELS.match(name + " ") or any(c.isdigit() for c in name[:1]):
        return None
    return normalise_outlet(name)


def source_after_date(line: str) -> str | None:
    """'2022-02-04 20:37:42　来源：新华网' and 'Source: Xinhua' name the outlet after the date."""
    match = SOURCE.search(line)
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
        if header.author is None and read_author(header, stripped, lines[index + 1 : index + 3], bool(titles)):
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


def read_author(header: Header, line: str, following: list[str], after_title: bool) -> bool:
    """Sets header.author (and maybe the outlet) when the line is a byline or a bare name."""
    labels = load_rules().byline_label
    byline = CHINESE_BYLINE.match(line) or BYLINE.match(line) or BYLINE_IN_PLACE.match(line)
    name = split_authors(byline["name"]) if byline else None
    if name:
        header.author = name
        return True
    name_and_outlet = NAME_AND_OUTLET.match(line)
    if name_and_outlet and is_name(name_and_outlet["name"]):
        header.author = name_and_outlet["name"]  # 'Nama Penulis - detikNews'
        header.outlet = header.outlet or normalise_outlet(name_and_outlet["outlet"])
        return True
    if is_name(line):
        # a bare name is the author when labelled so, or when it follows the title and dateline
        labelled = any(f.strip().lower().rstrip(":") in labels for f in following)
        if labelled or (header.found is not None and after_title):
            header.author = line
            return True
    return False


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
    if BANNER_SEPARATOR.search(line) or len(words) <= 3:
        return True
    return len(words) <= 5 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def is_section_label(line: str) -> bool:
    """'Russian Politics & Diplomacy', 'NATIONAL / POLITICS & DIPLOMACY': a rubric above the headline."""
    words = line.split()
    if line.isupper() and len(words) <= 6:
        return True
    parts = SECTION_SEPARATORS.split(line)
    if len(parts) > 1 and all(count_words(p) <= 4 for p in parts):
        return True
    return len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def banner_outlet(line: str) -> str | None:
    line = line.strip()
    if not line or len(line) > 60 or ends_sentence(line):
        return None
    first = BANNER_SEPARATORS.split(line)[0].strip()
    return first if 0 < count_words(first) <= 5 else None


def dateline_expression(line: str, found: FoundDate, outlet: str | None) -> str:
    """The dateline as written, without the outlet name and labels: '15/06/2022, 21:01 WIB'."""
    if outlet:
        line = DATELINE_SEPARATOR.split(line, maxsplit=1)[-1]
    return DATE_LABELS.sub("", line).strip()


def is_title(line: str) -> bool:
    if not line or len(line) > 250 or ends_sentence(line) and not line.endswith(("?", "!", "？", "！")):
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


# What every form above needs: a dash, the slashes of '/ТАСС/', the bracket of '【财新网】' or the
# agency first ('新华社北京...'). Most paragraphs and titles have none: they skip the eight patterns
# (clean_text -2.5 us/article: find_body_start tries every title line of six words or more).
LEAD_PREFIX_MARKS = ("-", "–", "—", "/", "【")
LEAD_PREFIX_AGENCIES = ("新华社", "中新社", "中新网")


def looks_like_outlet(name: str) -> bool:
    """'KOMPAS.com', 'CNN Indonesia', 'detikNews' are outlets; 'Russia', 'Ukraine' are regions."""
    return "." in name or bool(OUTLET_CAPITALS.search(name))


@dataclass
class Lead:
    text: str
    place: str | None = None
    outlet: str | None = None


def strip_lead_prefix(paragraph: str) -> Lead:
    """'BEIJING, KOMPAS.com – China akan ...' -> 'China akan ...' with place Beijing."""
    if not contains_any(paragraph, LEAD_PREFIX_MARKS) and not paragraph.startswith(LEAD_PREFIX_AGENCIES):
        return Lead(paragraph)
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
