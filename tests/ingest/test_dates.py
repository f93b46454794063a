"""Date normalisation: one expression in, the interval and precision a reader would expect out."""

import datetime

from ingest.extraction.dates import DateMention, find_dates

KOMPAS = datetime.datetime.fromisoformat("2022-06-15T21:01+07:00")  # a Wednesday, 21:01 WIB


def found(text, language="id", published=KOMPAS, prefer="past"):
    """(expression, value) pairs, the way a curator reads them."""
    return [(m.expression, m.value) for m in find_dates(text, published=published, language=language, prefer=prefer)]


def one(text, language="id", published=KOMPAS, prefer="past") -> DateMention:
    mentions = find_dates(text, published=published, language=language, prefer=prefer)
    assert len(mentions) == 1, mentions
    return mentions[0]


class TestSeedArticle:
    def test_weekday_with_written_date_is_one_day_mention(self):
        mention = one("melalui telepon pada Rabu (15/6/2022).")
        assert (mention.expression, mention.value, mention.precision) == ("Rabu (15/6/2022)", "2022-06-15", "day")
        assert mention.trail == "'Rabu (15/6/2022)' -> 2022-06-15: explicit date"

    def test_day_and_month_take_the_year_of_publication(self):
        mention = one("sejak Rusia melancarkan invasi ke Ukraina pada 24 Februari.")
        assert (mention.value, mention.precision, mention.relative) == ("2022-02-24", "day", True)
        assert "2022-06-15T21:01+07:00" in mention.trail

    def test_month_alone_is_a_month_and_never_gets_a_day(self):
        mention = one("bertemu Putin secara langsung pada malam Olimpiade Musim Dingin Beijing pada Februari.")
        assert (mention.expression, mention.value, mention.precision) == ("Februari", "2022-02", "month")
        assert (mention.earliest, mention.latest) == (datetime.date(2022, 2, 1), datetime.date(2022, 2, 28))
        assert mention.contract_date() == "2022-02"

    def test_related_news_traps_give_no_date(self):
        assert found("Korsel Sebut Peretas Korea Utara Curi Data Komputer Pengadilan Selama 2 Tahun") == []
        assert found("Macron Harap Kylian Mbappe Bisa Bela Perancis di Olimpiade 2024") == []
        assert found("Perang di Gaza, Jumlah Korban Tewas Capai 35.000 Orang") == []
        assert found("Rangkuman Hari Ke-808 Serangan Rusia ke Ukraina") == []


class TestNumericDates:
    def test_slashes_dashes_and_iso_are_the_same_day(self):
        assert found("15/6/2022, 15-06-2022 dan 2022-06-15") == [
            ("15/6/2022", "2022-06-15"),
            ("15-06-2022", "2022-06-15"),
            ("2022-06-15", "2022-06-15"),
        ]

    def test_english_reads_month_first_when_ambiguous(self):
        assert found("on 6/5/2022", language="en") == [("6/5/2022", "2022-06-05")]

    def test_english_reads_day_first_when_the_first_number_cannot_be_a_month(self):
        assert found("on 15/6/2022", language="en") == [("15/6/2022", "2022-06-15")]

    def test_impossible_dates_are_dropped(self):
        assert found("31/2/2022 dan 30 Februari") == []

    def test_clock_times_are_not_dates(self):
        assert found("pukul 21:01 WIB dan 21.01") == []
