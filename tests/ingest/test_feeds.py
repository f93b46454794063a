"""Reading RSS and Atom from fetched bytes, with entity tricks refused."""

import datetime as dt
import time

import pytest

from ingest.feeds import FeedError, parse_feed
from ingest.fetching import FetchLimits, fetch_url
from tests.ingest.http_fixtures import ATOM_FEED, BILLION_LAUGHS, EXTERNAL_ENTITY, MALFORMED_FEED, RSS_FEED

UTC = dt.UTC
BASE = "https://news.example"


class TestParseFeed:
    def test_it_reads_rss_entries_with_absolute_links_dates_and_plain_summaries(self):
        feed = parse_feed(RSS_FEED.format(base=BASE).encode())

        assert feed.title == "Example News: World"
        assert [e.url for e in feed.entries] == [
            f"{BASE}/news/2022/06/15/xi-putin-call",
            f"{BASE}/news/2022/05/24/joint-patrol",
        ]
        first, second = feed.entries
        assert first.id == "example-1001"
        assert first.published == dt.datetime(2022, 6, 15, 14, 1, tzinfo=UTC)
        assert second.published == dt.datetime(2022, 5, 24, 2, 30, tzinfo=UTC)
        assert first.summary == "The two leaders discussed trade."

    def test_it_skips_entries_without_a_link(self):
        feed = parse_feed(RSS_FEED.format(base=BASE).encode())

        assert "An item with no link is of no use to us" not in [e.title for e in feed.entries]

    def test_it_reads_atom(self):
        feed = parse_feed(ATOM_FEED.encode())

        (entry,) = feed.entries
        assert entry.url == "https://wire.example/2023/03/21/kremlin-talks"
        assert entry.id == "urn:example:wire:77"
        assert entry.published == dt.datetime(2023, 3, 21, 7, 15, tzinfo=UTC)

    def test_relative_links_resolve_against_the_feed_url_when_the_feed_has_no_link(self):
        doc = b"<rss version='2.0'><channel><item><link>/a/1</link><title>t</title></item></channel></rss>"

        feed = parse_feed(doc, base_url="https://wire.example/feeds/world.xml")

        assert [e.url for e in feed.entries] == ["https://wire.example/a/1"]

    def test_links_that_are_not_http_are_dropped(self):
        doc = (
            b"<rss version='2.0'><channel><item><link>javascript:alert(1)</link></item>"
            b"<item><link>file:///etc/passwd</link></item><item><link>https://ok.example/1</link></item>"
            b"</channel></rss>"
        )

        assert [e.url for e in parse_feed(doc).entries] == ["https://ok.example/1"]

    def test_a_date_far_in_the_future_is_dropped(self):
        doc = (
            b"<rss version='2.0'><channel><item><link>https://ok.example/1</link>"
            b"<pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item></channel></rss>"
        )

        (entry,) = parse_feed(doc).entries
        assert entry.published is None

    def test_repeated_entries_are_listed_once(self):
        item = b"<item><guid>same</guid><link>https://ok.example/1</link></item>"
        doc = b"<rss version='2.0'><channel>" + item + item + b"</channel></rss>"

        assert len(parse_feed(doc).entries) == 1

    def test_a_billion_laughs_feed_is_refused_quickly(self):
        started = time.perf_counter()
        with pytest.raises(FeedError, match="declares XML entities"):
            parse_feed(BILLION_LAUGHS.encode())
        assert time.perf_counter() - started < 0.5

    def test_an_external_entity_is_refused(self):
        with pytest.raises(FeedError, match="declares XML entities"):
            parse_feed(EXTERNAL_ENTITY.encode())

    def test_entities_hidden_in_a_broken_utf16_document_are_refused(self):
        doc = BILLION_LAUGHS.replace('<?xml version="1.0"?>', "<<broken").encode("utf-16")

        with pytest.raises(FeedError, match="entities"):
            parse_feed(doc)

    def test_a_malformed_feed_gives_a_readable_error(self):
        with pytest.raises(FeedError, match="malformed .* line 3"):
            parse_feed(MALFORMED_FEED.encode())

    def test_a_slightly_broken_feed_is_read_with_a_warning(self):
        doc = b"<rss version='2.0'><channel><item><title>A &nbsp; B</title><link>https://ok.example/1</link></item>"

        feed = parse_feed(doc)

        assert [e.title for e in feed.entries] == ["A B"]
        assert "not well-formed" in feed.warning

    @pytest.mark.parametrize("content", [b"", b"   ", b"<html><body><p>a web page</p></body></html>", b"\x89PNG\r\n"])
    def test_what_is_not_a_feed_gives_a_readable_error(self, content):
        with pytest.raises(FeedError):
            parse_feed(content)

    def test_a_url_is_never_parsed_as_a_feed(self):
        with pytest.raises(FeedError, match="not from a URL"):
            parse_feed("http://169.254.169.254/latest/meta-data/")


class TestFeedsFromTheLocalSite:
    def test_a_fetched_feed_parses_against_its_final_url(self, local_site, only_localhost):
        fetched = fetch_url(local_site.url("/feed.xml"), allow_loopback=True, limits=FetchLimits(read_timeout=2))

        feed = parse_feed(fetched.content, base_url=fetched.final_url)

        assert feed.entries[1].url == local_site.url("/news/2022/05/24/joint-patrol")

    @pytest.mark.parametrize("path,message", [("/malformed.xml", "malformed"), ("/laughs.xml", "entities")])
    def test_bad_feeds_served_over_http_are_refused(self, local_site, only_localhost, path, message):
        fetched = fetch_url(local_site.url(path), allow_loopback=True, limits=FetchLimits(read_timeout=2))

        with pytest.raises(FeedError, match=message):
            parse_feed(fetched.content, base_url=fetched.final_url)
