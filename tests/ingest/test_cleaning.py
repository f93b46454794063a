"""Cleaning: article body and metadata out of news pages saved as text or HTML."""

import datetime as dt
from pathlib import Path

import pytest

from ingest.cleaning import clean_html, clean_text, parse_published, strip_lead_prefix

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path("/work/shared/seed/kompas-2022-06-15-xi-putin-call.txt")


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


class TestCleanTextOnIndonesianPortal:
    def test_it_keeps_every_body_paragraph_and_nothing_else(self):
        article = clean_text(read("portal-id.txt"))
        assert paragraphs(article.text) == [
            "Menteri Luar Negeri China dan Rusia bertemu untuk membahas pasokan energi jangka panjang.",
            "Pertemuan itu berlangsung di Moskwa pada Senin (3/4/2023) dan berlangsung selama tiga jam, "
            "menurut pernyataan kedua kementerian.",
            "Kedua menteri juga membicarakan rencana kunjungan lanjutan pada akhir tahun ini.",
        ]

    def test_it_reads_the_header(self):
        article = clean_text(read("portal-id.txt"))
        assert article.title == "Menlu China dan Rusia Bahas Kerja Sama Energi di Moskwa"
        assert article.author == "Rini Sekar Ayu"
        assert article.outlet == "Wartadunia.example"
        assert article.place == "Moskwa"
        assert article.language == "id"

    def test_it_dates_the_article_from_the_dateline_in_western_indonesia_time(self):
        article = clean_text(read("portal-id.txt"))
        assert article.published == dt.datetime(2023, 4, 3, 9, 15, tzinfo=dt.timezone(dt.timedelta(hours=7)))
        assert article.published_expression == "03/04/2023, 09:15 WIB"


class TestCleanTextOnEnglishWire:
    def test_it_drops_read_more_captions_credits_and_the_most_read_list(self):
        text = clean_text(read("wire-en.txt")).text
        assert text.startswith("Russia and China signed an agreement on Wednesday")
        assert "Read more" not in text
        assert "FILE PHOTO" not in text
        assert "Reporting by" not in text
        assert "Stocks rally" not in text
        assert len(paragraphs(text)) == 3

    def test_it_reads_byline_outlet_and_zone(self):
        article = clean_text(read("wire-en.txt"))
        assert article.title == "China and Russia sign new grain corridor pact"
        assert article.author == "Martha Klein and Oleg Petrov"
        assert article.outlet == "Global Ledger"
        assert article.place == "Moscow"
        assert article.published == dt.datetime(2022, 6, 15, 21, 1, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not on this machine")
class TestCleanTextOnSeed:
    def test_it_keeps_the_twelve_body_paragraphs_and_drops_the_rest(self):
        article = clean_text(SEED.read_text(encoding="utf-8"))
        body = paragraphs(article.text)
        assert len(body) == 12
        assert body[0] == "China akan terus mendukung Rusia dalam hal kedaulatan dan keamanannya."
        for noise in ("Baca juga", "Terkini Lainnya", "Kharkiv", "WhatsApp", "Komentar", "Penulis", "Olimpiade 2024"):
            assert noise not in article.text

    def test_it_reads_the_seed_metadata(self):
        article = clean_text(SEED.read_text(encoding="utf-8"))
        assert article.title == "Xi Jinping Tegaskan Dukungan China untuk Kedaulatan Rusia"
        assert article.published.isoformat() == "2022-06-15T21:01:00+07:00"
        assert (article.outlet, article.author) == ("Kompas.com", "Danur Lambang Pristiandaru")


class TestParsePublished:
    @pytest.mark.parametrize(
        ("expression", "language", "expected"),
        [
            ("Kompas.com - 15/06/2022, 21:01 WIB", "id", "2022-06-15T21:01:00+07:00"),
            ("Rabu, 15 Jun 2022 21:01 WIB", "id", "2022-06-15T21:01:00+07:00"),
            ("CNN Indonesia | Rabu, 15/06/2022 21:01 WIB", "id", "2022-06-15T21:01:00+07:00"),
            ("Jakarta, 15 Juni 2022", "id", "2022-06-15T00:00:00+07:00"),
            ("Selasa, 02 Jan 2024 10:30 WITA", "id", "2024-01-02T10:30:00+08:00"),
            ("June 15, 2022 9:01 PM GMT+7", "en", "2022-06-15T21:01:00+07:00"),
            ("Updated: Jun 15, 2022, 14:01 ET", "en", "2022-06-15T14:01:00-04:00"),
            ("15 Jun 2022 14:01 UTC", "en", "2022-06-15T14:01:00+00:00"),
            ("Updated 2:01 PM EST, January 5, 2023", "en", "2023-01-05T14:01:00-05:00"),
            ("15 июня 2022, 21:01", "ru", "2022-06-15T21:01:00+03:00"),
            ("2013年03月22日 10:05 来源：新华网", "zh", "2013-03-22T10:05:00+08:00"),
            ("2022-06-15T21:01:00+07:00", None, "2022-06-15T21:01:00+07:00"),
        ],
    )
    def test_it_reads_common_datelines_with_their_zone(self, expression, language, expected):
        assert parse_published(expression, language=language).isoformat() == expected

    def test_moscow_time_follows_its_history(self):
        # Moscow kept UTC+4 from 2011 to October 2014
        assert parse_published("21 мая 2014, 12:00", language="ru").utcoffset() == dt.timedelta(hours=4)

    def test_it_gives_no_moment_when_the_zone_is_unknowable(self):
        assert parse_published("Published 15 June 2022", language="en") is None

    def test_it_gives_nothing_without_a_date(self):
        assert parse_published("no date here", language="en") is None


class TestStripLeadPrefix:
    @pytest.mark.parametrize(
        ("paragraph", "place", "rest"),
        [
            ("BEIJING, KOMPAS.com – China akan terus mendukung Rusia.", "Beijing", "China akan terus mendukung Rusia."),
            (
                "MOSCOW (Reuters) - Russia said on Monday it would talk.",
                "Moscow",
                "Russia said on Monday it would talk.",
            ),
            ("Jakarta, CNN Indonesia -- Presiden Rusia tiba di Beijing.", "Jakarta", "Presiden Rusia tiba di Beijing."),
            (
                "BEIJING, June 15 (Xinhua) -- Chinese President Xi Jinping spoke.",
                "Beijing",
                "Chinese President Xi Jinping spoke.",
            ),
            ("МОСКВА, 15 июн — РИА Новости. Путин провел переговоры с Си.", "Москва", "Путин провел переговоры с Си."),
        ],
    )
    def test_it_cuts_the_dateline_and_keeps_the_place(self, paragraph, place, rest):
        lead = strip_lead_prefix(paragraph)
        assert (lead.place, lead.text) == (place, rest)

    def test_it_leaves_an_ordinary_sentence_alone(self):
        sentence = "China and Russia - two neighbours - held talks on Monday."
        assert strip_lead_prefix(sentence).text == sentence


class TestBadInput:
    @pytest.mark.parametrize("raw", ["", "   \n\n", "\x00\x01\x02" * 500, None])
    def test_clean_text_gives_empty_text(self, raw):
        assert clean_text(raw).text == ""

    @pytest.mark.parametrize("html", ["", "<html><body><div", "\x00\xff" * 300, "<p>hi</p>"])
    def test_clean_html_gives_empty_text(self, html):
        assert clean_html(html).text == ""


class TestCleanHtml:
    def test_it_takes_the_main_text_and_the_meta_publication_time(self):
        article = clean_html(read("article-en.html"), url="https://global-ledger.example/world/xi-putin-call")
        assert article.title == "Xi and Putin speak by phone as trade grows"
        assert article.published.isoformat() == "2022-06-15T14:01:00+00:00"
        assert "spoke by telephone on Wednesday" in article.text
        assert "Most read" not in article.text
        assert "Sign up" not in article.text


class TestPageFurniture:
    def test_it_skips_banner_menu_and_rubric_to_find_the_headline(self):
        page = (
            "The Daily Meridian\nNews | World | Business | Sport\nWorld > Asia\nDiplomacy & Defence\n\n"
            "China and Russia hold naval drill near Vladivostok\n\n"
            "The exercise will last a week and involve two dozen ships, the navy said.\n\n"
            "12 Sep 2016 11:20 GMT\n\n"
            "Chinese and Russian warships began a week-long drill near Vladivostok on Monday, officials said.\n"
        )
        article = clean_text(page, language="en")
        assert article.title == "China and Russia hold naval drill near Vladivostok"
        assert article.published.isoformat() == "2016-09-12T11:20:00+00:00"
        # the standfirst above the dateline is a summary, not the article's first paragraph
        assert (
            article.text
            == "Chinese and Russian warships began a week-long drill near Vladivostok on Monday, officials said."
        )

    def test_a_zoneless_dateline_takes_the_zone_of_a_known_outlet(self):
        page = (
            "Xinhua\n\nChina, Russia start joint naval drill\n\n2012-04-22 18:29:43\n\n"
            "QINGDAO, April 22 (Xinhua) -- Chinese and Russian naval forces on Sunday began a joint exercise.\n"
        )
        article = clean_text(page, language="en")
        assert article.published.isoformat() == "2012-04-22T18:29:43+08:00"
        assert (article.place, article.outlet) == ("Qingdao", "Xinhua")

    def test_a_read_more_header_drops_the_headlines_under_it_but_not_the_next_paragraph(self):
        page = (
            "Russia and China sign a deal\n\n"
            "Russia and China signed a trade deal in Moscow on Tuesday, officials from both sides said.\n\n"
            "Read more:\nOil edges higher on supply worries\nEurope Braces For Storms, Floods In U.S.\n\n"
            "The deal covers grain, timber and fertiliser shipments across the border next year.\n"
        )
        text = clean_text(page, language="en").text
        assert "Oil edges" not in text and "Europe Braces" not in text
        assert text.endswith("The deal covers grain, timber and fertiliser shipments across the border next year.")


DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"


class TestDemoCorpus:
    def test_every_dateline_gives_the_manifest_publication_time(self):
        import json

        entries = [json.loads(line) for line in (DEMO / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
        assert len(entries) >= 24
        for entry in entries:
            article = clean_text((DEMO / entry["file"]).read_text(encoding="utf-8"))
            assert article.published.isoformat() == entry["published"], entry["file"]
            assert article.language == entry["language"], entry["file"]
            assert article.title, entry["file"]

    def test_no_related_headline_or_prompt_survives(self):
        for path in sorted(DEMO.glob("*.txt")):
            text = clean_text(path.read_text(encoding="utf-8")).text
            for noise in (
                "Baca juga",
                "Baca Juga",
                "Read more",
                "Most read",
                "Related",
                "WhatsApp",
                "SUBSCRIBE",
                "Pewarta",
                "Reporting by",
                "Komentar",
                "SCROLL",
            ):
                assert noise not in text, (path.name, noise)
