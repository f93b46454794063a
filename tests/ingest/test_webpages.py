"""From a fetched HTML page to an article: text, date, canonical URL and hash."""

import datetime as dt

import pytest

from ingest.fetching import FetchLimits, fetch_url
from ingest.webpages import find_canonical_url, hash_text, parse_tree, read_webpage
from tests.ingest.http_fixtures import ARTICLE_HTML

NOW = dt.datetime(2024, 1, 10, 12, 0, tzinfo=dt.UTC)
BASE = "https://news.example"
WIB = dt.timezone(dt.timedelta(hours=7))
BODY = """<article><h1>Menlu bertemu di Jakarta</h1>
<p>Menteri luar negeri kedua negara bertemu di Jakarta untuk membahas kerja sama perdagangan dan energi,
menurut pernyataan resmi yang dirilis pada sore harinya oleh kementerian.</p>
<p>Pertemuan itu berlangsung selama dua jam dan ditutup dengan konferensi pers bersama di gedung
kementerian, kata juru bicara kepada wartawan yang hadir.</p></article>"""


def page(head: str = "", body: str = BODY) -> str:
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


class TestReadWebpage:
    def test_it_keeps_the_article_and_drops_the_page_furniture(self):
        article = read_webpage(ARTICLE_HTML.format(base=BASE), url=f"{BASE}/x", now=NOW)

        assert article.title == "Xi and Putin speak by phone"
        assert article.text.startswith("Chinese President Xi Jinping")
        assert "All rights reserved" not in article.text and "Sport" not in article.text
        assert article.language == "en"

    def test_the_publication_date_comes_from_structured_data_not_the_modification_date(self):
        article = read_webpage(ARTICLE_HTML.format(base=BASE), url=f"{BASE}/x", now=NOW)

        assert article.published == dt.datetime(2022, 6, 15, 21, 1, tzinfo=WIB)
        assert article.published_date == dt.date(2022, 6, 15)

    def test_a_date_without_a_time_keeps_its_calendar_day(self):
        html = page("<meta name='date' content='2021-03-02'>")

        article = read_webpage(html, url=f"{BASE}/2021/menlu", now=NOW)

        assert article.published_date == dt.date(2021, 3, 2)
        assert article.published.astimezone(WIB).date() == dt.date(2021, 3, 2)

    def test_a_future_date_is_never_taken(self):
        html = page("<meta property='article:published_time' content='2031-05-01T10:00:00+07:00'>")

        article = read_webpage(html, url=f"{BASE}/menlu", now=NOW)

        assert article.published is None or article.published <= NOW

    def test_dates_in_the_text_are_used_only_when_the_page_gives_none(self):
        structured = page(
            "<meta property='article:published_time' content='2023-08-20T09:00:00+07:00'>",
            BODY.replace("</article>", "<p>Perang dimulai pada 24 Februari 2022 menurut laporan itu.</p></article>"),
        )

        article = read_webpage(structured, url=f"{BASE}/menlu", now=NOW)

        assert article.published_date == dt.date(2023, 8, 20)

    def test_a_page_without_a_date_has_none(self):
        assert read_webpage(page(), url=f"{BASE}/menlu", now=NOW).published is None

    @pytest.mark.parametrize(
        "html", ["", "   ", "http://169.254.169.254/latest/meta-data/", "<html></html>", "\x00\x01"]
    )
    def test_a_page_without_an_article_is_empty_not_an_error(self, html, only_localhost):
        article = read_webpage(html, url=f"{BASE}/x", now=NOW)

        assert article.is_empty and article.content_hash == ""
        assert only_localhost == []

    def test_an_xml_declaration_does_not_stop_the_reading(self):
        html = '<?xml version="1.0" encoding="utf-8"?>' + page("<meta name='date' content='2021-03-02'>")

        article = read_webpage(html, url=f"{BASE}/menlu", now=NOW)

        assert article.published_date == dt.date(2021, 3, 2)


class TestFindCanonicalUrl:
    def canonical(self, href: str, fetched: str = f"{BASE}/amp/123?utm_source=tw") -> str:
        return find_canonical_url(parse_tree(page(f"<link rel='canonical' href='{href}'>")), fetched)

    def test_it_takes_the_page_s_canonical_url_without_tracking_parameters(self):
        assert self.canonical("/news/123?utm_campaign=x#top") == f"{BASE}/news/123"

    def test_it_accepts_another_host_of_the_same_site(self):
        assert self.canonical("https://www.news.example/news/123") == "https://www.news.example/news/123"

    @pytest.mark.parametrize("href", ["https://other.example/news/123", "/", "javascript:alert(1)", "http://[bad"])
    def test_it_distrusts_other_sites_home_pages_and_junk(self, href):
        assert self.canonical(href) == f"{BASE}/amp/123"

    def test_without_a_canonical_link_the_fetched_url_is_normalised(self):
        assert find_canonical_url(parse_tree(page()), "HTTPS://News.Example:443/a?id=7&utm_medium=rss#c") == (
            f"{BASE}/a?id=7"
        )


class TestHashText:
    def test_the_same_text_spaced_differently_has_the_same_hash(self):
        assert hash_text("Xi and Putin\n\nspoke  by phone.") == hash_text("Xi and Putin spoke by phone. ")

    def test_different_texts_have_different_hashes(self):
        assert hash_text("Xi and Putin spoke by phone.") != hash_text("Xi and Putin met in Moscow.")

    def test_no_text_has_no_hash(self):
        assert hash_text("  \n ") == ""


class TestPagesFromTheLocalSite:
    def test_one_story_from_two_urls_gives_one_canonical_url_and_one_hash(self, local_site, only_localhost):
        limits = FetchLimits(read_timeout=2)
        plain = fetch_url(local_site.url("/article.html"), allow_loopback=True, limits=limits)
        moved = fetch_url(local_site.url("/redirect/2?utm_source=feed"), allow_loopback=True, limits=limits)

        first = read_webpage(plain.text, url=plain.final_url, now=NOW)
        second = read_webpage(moved.text, url=moved.final_url, now=NOW)

        assert first.url == second.url == local_site.url("/news/2022/06/15/xi-putin-call")
        assert first.content_hash == second.content_hash != ""
