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

Modules: this one keeps the API (clean_text, clean_html, CleanedArticle) and the body;
ingest.boilerplate_rules has the line rules (data in ingest/boilerplate/*.json),
ingest.datelines the publication dates and zones, ingest.page_header the title, byline,
outlet and the lead's dateline prefix.

Publication time zone rule: a zone written in the dateline (WIB, GMT+7, ET, MSK...) wins;
without one, the outlet's language implies it (id: WIB, ru: Moscow, zh: China +08:00);
otherwise the moment is unknown, so `published` is None and only `published_date` is set.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import islice

from ingest.boilerplate_rules import (
    CJK,
    count_words,
    drop_furniture,
    drop_trailing_headlines,
    ends_sentence,
    is_body_like,
    key_of,
)
from ingest.datelines import DATE_LABELS, ISO_DATE, find_publication_date, parse_published, to_published, zone_of_outlet
from ingest.page_header import read_header, split_authors, strip_lead_prefix

# The public names; parse_published and strip_lead_prefix live in datelines and page_header.
__all__ = ["CleanedArticle", "clean_html", "clean_text", "parse_published", "strip_lead_prefix"]


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


# --- the body ----------------------------------------------------------------------------------

TRAILING_CODE = re.compile(r"\s*\(\s*[a-z]{2,5}\s*/\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})?\s*\)\s*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


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
            and not ends_sentence(current)
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


def strip_trailing_code(paragraph: str) -> str:
    """'... kata dia. (ant/rd)' -> '... kata dia.'"""
    if not paragraph.rstrip().endswith(")"):
        return paragraph  # the code ends with ')': most paragraphs are done without a regex search
    return TRAILING_CODE.sub("", paragraph)


WORD = re.compile(r"\w+")


def drop_repeats(lines: list[str]) -> list[str]:
    """Repeated lines (headlines printed twice) are kept once: lines with the same key_of."""
    # Equal keys have the same first and last word, so a line's key is computed only when an
    # earlier line has both: key_of costs a regex substitution over the whole line.
    earlier_by_ends: dict[tuple[str, str], list[str]] = {}
    unique = []
    for line in lines:
        lowered = line.lower()
        first = WORD.search(lowered)
        if first is None:
            unique.append(line)  # no word, an empty key: never a repeat
            continue
        ends = (first.group(), WORD.search(lowered[::-1]).group())  # the last word, reversed
        earlier = earlier_by_ends.setdefault(ends, [])
        if earlier and key_of(line) in {key_of(other) for other in earlier}:
            continue
        earlier.append(line)
        unique.append(line)
    return unique


def normalise_raw(raw: str) -> str | None:
    """None when the input is not readable text (empty, binary)."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    controls = len(CONTROL.findall(raw[:5000]))
    if controls > max(5, len(raw[:5000]) // 50):
        return None
    if controls or CONTROL.search(raw, 5000):  # most texts have none: one scan, no copy
        raw = CONTROL.sub("", raw)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
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
    page_lines = text.split("\n")
    site = find_site(page_lines)
    lines = drop_furniture(page_lines)
    if language is None:
        language = detect("\n".join(lines))

    unique = drop_repeats(lines)
    start = find_body_start(unique, language)
    header = read_header([line for line in unique[:start] if line.strip()], language)
    paragraphs = join_paragraphs(unique[start:])
    paragraphs = [strip_trailing_code(p) for p in drop_trailing_headlines(paragraphs)]
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


def find_site(lines: list[str]) -> str | None:
    """A domain printed at the top of the page ('washingtonpost.com > World'), a hint to the outlet's zone."""
    for line in islice((x for x in lines if x.strip()), 5):
        match = SITE.search(line) if "." in line else None  # the domain has a dot
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
        if seen > 4 or seen > 1 and starts_body(line):
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
    return count_words(stripped) >= 6 and strip_lead_prefix(stripped).place is not None  # the cheap test first


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
