"""Read RSS and Atom feeds from bytes we fetched ourselves.

feedparser is only ever given bytes, never a URL: given a URL it would download it itself,
past our SSRF guard. Before feedparser sees the bytes, defusedxml reads them with entity
declarations and external references forbidden, so a billion-laughs or XXE feed is refused
in microseconds instead of expanding.
"""

import datetime as dt
import html
import re
import xml.etree.ElementTree as ElementTree
from calendar import timegm
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import defusedxml
import defusedxml.ElementTree
import feedparser

# A feed entry dated more than this far ahead is a publisher's mistake, not news from the future.
FUTURE_SLACK = dt.timedelta(days=1)


class FeedError(ValueError):
    """The bytes are not a feed we can read; the message is meant for a curator."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    published: dt.datetime | None
    summary: str
    id: str


@dataclass
class ParsedFeed:
    title: str
    link: str
    entries: list[FeedEntry] = field(default_factory=list)
    # Set when the XML was broken but entries could still be read from it.
    warning: str = ""


def parse_feed(content: bytes, *, base_url: str | None = None, now: dt.datetime | None = None) -> ParsedFeed:
    """The entries of an RSS or Atom document, newest first as the feed gives them."""
    if not isinstance(content, bytes | bytearray):
        raise FeedError("a feed is read from the bytes that were fetched, not from a URL or text")
    content = bytes(content)
    if not content.strip():
        raise FeedError("the feed is empty")
    well_formed_error = check_xml(content)
    parsed = feedparser.parse(content, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = well_formed_error or describe_bozo(parsed) or "no RSS or Atom elements were found"
        raise FeedError(f"this is not a readable RSS or Atom feed: {reason}")
    feed_link = clean_link(parsed.feed.get("link"), base_url) or base_url or ""
    now = now or dt.datetime.now(dt.UTC)
    entries = []
    seen = set()
    for raw in parsed.entries:
        entry = read_entry(raw, base=feed_link or base_url, now=now)
        if entry is None or entry.id in seen:
            continue
        seen.add(entry.id)
        entries.append(entry)
    if well_formed_error and not entries:
        raise FeedError(f"the feed is malformed and no entries could be read: {well_formed_error}")
    return ParsedFeed(
        title=plain_text(parsed.feed.get("title", ""))[:300],
        link=feed_link,
        entries=entries,
        warning=f"the feed is not well-formed XML ({well_formed_error})" if well_formed_error else "",
    )


def check_xml(content: bytes) -> str:
    """Refuse entity tricks; return why the XML is not well-formed ('' when it is)."""
    try:
        defusedxml.ElementTree.fromstring(content, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise FeedError(f"the feed declares XML entities ({exc.name}), which are refused") from exc
    except (defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden) as exc:
        raise FeedError("the feed refers to external documents, which are refused") from exc
    except ElementTree.ParseError as exc:
        # A broken document can hide declarations from the parser: look for them in the raw text.
        if re.search(rb"<!\s*ENTITY", as_ascii_view(content), re.IGNORECASE):
            raise FeedError("the feed declares XML entities, which are refused") from exc
        return str(exc)
    return ""


def as_ascii_view(content: bytes) -> bytes:
    """The bytes with UTF-16/32 padding removed, so markup can be searched whatever the encoding."""
    head = content[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) == 4 and (head[1] == 0 or head[0] == 0)):
        return content.replace(b"\0", b"")
    return content


def describe_bozo(parsed) -> str:
    exc = parsed.get("bozo_exception")
    return str(exc) if exc else ""


def read_entry(raw, *, base: str | None, now: dt.datetime) -> FeedEntry | None:
    url = clean_link(raw.get("link"), base)
    if not url:
        # Atom may carry several links; the alternate one is the article.
        for link in raw.get("links", []):
            if link.get("rel", "alternate") == "alternate":
                url = clean_link(link.get("href"), base)
                if url:
                    break
    if not url:
        return None
    return FeedEntry(
        url=url,
        title=plain_text(raw.get("title", ""))[:500],
        published=entry_date(raw, now),
        summary=plain_text(raw.get("summary", ""))[:2000],
        id=(raw.get("id") or url)[:500],
    )


def clean_link(link, base: str | None) -> str:
    """An absolute http(s) link, or ''."""
    if not link or not isinstance(link, str):
        return ""
    absolute = urljoin(base or "", link.strip())
    try:
        scheme = urlsplit(absolute).scheme
    except ValueError:
        return ""
    return absolute if scheme in ("http", "https") else ""


def entry_date(raw, now: dt.datetime) -> dt.datetime | None:
    parsed = raw.get("published_parsed") or raw.get("updated_parsed")
    if not parsed:
        return None
    try:
        when = dt.datetime.fromtimestamp(timegm(parsed), tz=dt.UTC)
    except (OverflowError, ValueError, TypeError):
        return None
    return None if when > now + FUTURE_SLACK else when


_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def plain_text(value) -> str:
    """Feed titles and summaries carry HTML; we keep the words."""
    if not isinstance(value, str):
        return ""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value))).strip()
