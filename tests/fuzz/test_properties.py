"""Property tests: hostile text never crashes cleaning, date finding or extraction, and never hangs.

Each input must finish within the deadline (5 s of wall-clock time: loose, because on a shared
machine one input's wall time can reach 2 s while it needs 20 ms of CPU; a quadratic scan on a long
input took 8-28 s, see test_long_inputs.py for those, bounded in CPU time); results keep their promises (offsets inside
the text, dates that exist, the contract's precisions).
"""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.cleaning import clean_html, clean_text, parse_published
from ingest.extraction import extract
from ingest.extraction.dates import find_dates

from .strategies import FRAGMENTS, article_texts, nested_html, publication_times

LANGUAGES = st.sampled_from(["id", "en", "ru", "zh", None, "xx", "id-ID", ""])
FUZZ = settings(
    max_examples=60, deadline=dt.timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow]
)


@pytest.fixture(scope="module", autouse=True)
def warm_up():
    """Lexicons, the gazetteer and dateparser load once; that one-off cost is not an input's time."""
    when = dt.datetime(2022, 6, 15, 21, 1, tzinfo=dt.UTC)
    for language in ["id", "en", "ru", "zh"]:
        extract("Putin dan Xi Jinping bertemu pada 15 Juni 2022.", published=when, language=language)
        find_dates("15/6/2022", published=when, language=language)
    body = "Presiden Rusia Vladimir Putin bertemu Xi Jinping pada 15 Juni 2022. " * 20
    clean_html(f"<html><body><div><p>{body}</p></div></body></html>")  # trafilatura's first real page
    clean_text("a" * 5000)  # the language model loads on first use


class TestCleanText:
    @FUZZ
    @given(article_texts(), LANGUAGES)
    def test_any_text_gives_an_article_whose_body_is_text(self, raw, language):
        article = clean_text(raw, language=language)
        assert isinstance(article.text, str)
        assert "\x00" not in article.text
        assert article.published is None or article.published.tzinfo is not None

    @pytest.mark.parametrize("unusable", [None, 42, b"bytes", "", "   \n\t  "])
    def test_unusable_input_gives_an_empty_article(self, unusable):
        assert clean_text(unusable).text == ""


class TestCleanHtml:
    @FUZZ
    @given(nested_html())
    def test_deeply_nested_markup_never_crashes(self, html):
        assert isinstance(clean_html(html).text, str)

    @FUZZ
    @given(st.binary(max_size=2000))
    def test_random_bytes_read_as_text_never_crash(self, data):
        assert isinstance(clean_html(data.decode("utf-8", "replace")).text, str)


class TestParsePublished:
    @FUZZ
    @given(st.one_of(st.sampled_from(FRAGMENTS), article_texts()), LANGUAGES)
    def test_a_publication_date_is_none_or_zone_aware(self, expression, language):
        published = parse_published(expression, language=language)
        assert published is None or published.tzinfo is not None


class TestFindDates:
    @FUZZ
    @given(article_texts(), publication_times(), LANGUAGES)
    def test_mentions_lie_inside_the_text_and_are_real_dates(self, text, published, language):
        mentions = find_dates(text, published=published, language=language or "en")
        for mention in mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert isinstance(mention.earliest, dt.date) and isinstance(mention.latest, dt.date)
            assert mention.earliest <= mention.latest

    @pytest.mark.parametrize("text", ["31/2/2022", "30 Februari 2022", "32/13/2022", "0/0/0"])
    def test_impossible_days_are_not_dates(self, text):
        published = dt.datetime(2022, 6, 15, tzinfo=dt.UTC)
        assert all(m.expression != text for m in find_dates(text, published=published, language="id"))

    @pytest.mark.parametrize("text", ["tahun 0", "tahun 99999", "pada 99999"])
    def test_years_out_of_range_give_no_mention(self, text):
        published = dt.datetime(2022, 6, 15, tzinfo=dt.UTC)
        years = [m.earliest.year for m in find_dates(text, published=published, language="id")]
        assert 0 not in years and 9999 not in years


class TestExtract:
    @FUZZ
    @given(article_texts(), publication_times(), LANGUAGES)
    def test_candidates_keep_the_contract(self, text, published, language):
        for candidate in extract(text, published=published, language=language):
            assert candidate.modality in {"asserted", "planned"}
            assert 0.0 <= candidate.confidence <= 1.0
            assert candidate.precision in {None, "day", "week", "month", "quarter", "season", "year", "decade"}
            for evidence in candidate.evidence:
                assert 0 <= evidence.start <= evidence.end <= len(text)

    @pytest.mark.parametrize("unusable", [None, 42, "", "\n\n\n"])
    def test_unusable_input_gives_no_candidates(self, unusable):
        assert extract(unusable, published=None) == []
