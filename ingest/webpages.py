"""From a fetched HTML page to an article: text, title, language, date, canonical URL, hash.

The body, title and language come from ingest.cleaning.clean_html (trafilatura plus our text
rules). The publication date comes from htmldate, which reads the page's structured data
(JSON-LD, Open Graph, meta tags) before anything else; its free-text search is a last resort,
since an article's body is full of the dates of the events it reports. The canonical URL and
the hash of the cleaned text let the same story reached through two URLs be one Article.

htmldate downloads any string that looks like a URL, so it is only ever given a parsed tree.
"""

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import courlan
import htmldate
import lxml.html
from lxml import etree

from ingest.cleaning import clean_html

log = logging.getLogger(__name__)

# A noon in UTC is the same calendar day in every zone our outlets write in (UTC-10 to UTC+11):
# a page that gives only its date keeps that date wherever it is shown.
DATE_ONLY_TIME = dt.time(12, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class WebPage:
    url: str  # the canonical URL: the page's own claim when it is believable, else the fetched one, normalised
    fetched_url: str
    title: str
    text: str
    language: str | None
    published: dt.datetime | None
    published_date: dt.date | None
    author: str | None
    outlet: str | None
    content_hash: str  # of the cleaned text; '' when no article text was found

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


def read_webpage(html: str, *, url: str, language: str | None = None, now: dt.datetime | None = None) -> WebPage:
    """The article in a page; a page with no article gives an empty text, not an error."""
    now = now or dt.datetime.now(dt.UTC)
    html = html if isinstance(html, str) else ""
    tree = parse_tree(html)
    cleaned = clean_html(html, url=url, language=language)
    published_date = find_published_date(tree, url=url, today=now.date()) if tree is not None else None
    published = choose_published(cleaned.published, cleaned.published_date, published_date, now)
    if published is not None and published_date is None:
        published_date = cleaned.published_date or published.date()
    return WebPage(
        url=find_canonical_url(tree, url),
        fetched_url=url,
        title=(cleaned.title or "").strip(),
        text=cleaned.text,
        language=cleaned.language or language,
        published=published,
        published_date=published_date,
        author=cleaned.author,
        outlet=cleaned.outlet,
        content_hash=hash_text(cleaned.text),
    )


def parse_tree(html: str):
    """An lxml tree of the page, or None; bytes in so an XML encoding declaration is no error."""
    if not html.strip():
        return None
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def find_published_date(tree, *, url: str | None, today: dt.date) -> dt.date | None:
    """The page's publication date: structured data and meta tags first, the text only if they say nothing."""
    for extensive in (False, True):
        try:
            # htmldate cleans the tree it is given: each pass gets a copy.
            found = htmldate.find_date(
                copy_tree(tree),
                extensive_search=extensive,
                original_date=True,
                url=url,
                max_date=today.isoformat(),
            )
        except Exception as exc:  # htmldate raises on some broken pages; a date is not worth a failure
            log.debug("htmldate gave up on %s: %s", url, exc)
            found = None
        if found:
            try:
                date = dt.date.fromisoformat(found)
            except ValueError:
                continue
            if date <= today:
                return date
    return None


def copy_tree(tree):
    return lxml.html.document_fromstring(etree.tostring(tree))


def choose_published(
    precise: dt.datetime | None, precise_date: dt.date | None, found_date: dt.date | None, now: dt.datetime
) -> dt.datetime | None:
    """The cleaner's date with its time and zone when it agrees with htmldate; else htmldate's day; never future."""
    if precise is not None and precise > now:
        precise = None
    if found_date is None:
        return precise
    if precise is not None and found_date in (precise_date, precise.date()):
        return precise
    return dt.datetime.combine(found_date, DATE_ONLY_TIME)


def find_canonical_url(tree, url: str) -> str:
    """The page's canonical URL when it names one on the same site and not its home page; else the URL, normalised."""
    fetched = normalise_url(url) or url
    if tree is None:
        return fetched
    for href in tree.xpath(
        "//link[@href][contains(concat(' ', normalize-space(translate(@rel,"
        "'CANONICAL','canonical')), ' '), ' canonical ')]/@href"
    ):
        try:
            candidate = normalise_url(urljoin(url, href.strip()))
        except ValueError:  # e.g. an unclosed IPv6 bracket
            continue
        if candidate and is_believable_canonical(candidate, fetched):
            return candidate
    return fetched


def is_believable_canonical(candidate: str, fetched: str) -> bool:
    # Another site's canonical would let any page claim to be another outlet's article, and some
    # sites name their home page as the canonical of every article.
    if courlan.is_external(candidate, fetched, ignore_suffix=False):
        return False
    path = urlsplit(candidate).path
    return path not in ("", "/") or urlsplit(fetched).path in ("", "/")


def normalise_url(url: str) -> str:
    """http(s) URL without tracking parameters, fragment or default port; '' for anything else."""
    try:
        if urlsplit(url).scheme not in ("http", "https"):
            return ""
        return courlan.normalize_url(url, strict=True)
    except Exception:  # courlan raises on some malformed URLs
        return ""


_SPACE = re.compile(r"\s+")


def hash_text(text: str) -> str:
    """SHA-256 of the text with spacing and case set aside; '' for no text."""
    normalised = _SPACE.sub(" ", text or "").strip().casefold()
    if not normalised:
        return ""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
