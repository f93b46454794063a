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


class TestWeekdayWithPartOfDay:
    def test_a_weekday_night_with_its_date_in_brackets_is_one_mention(self):
        assert found("Iran menyerang Israel pada Sabtu malam (11/6).") == [("Sabtu malam (11/6)", "2022-06-11")]

    def test_a_weekday_morning_with_a_written_date_after_a_comma_is_one_mention(self):
        assert found("Putin tiba Selasa pagi, 14 Juni 2022.") == [("Selasa pagi, 14 Juni 2022", "2022-06-14")]

    def test_english_saturday_night_with_its_date_is_one_mention(self):
        assert found("Iran launched drones on Saturday night, April 13, 2024.", language="en") == [
            ("Saturday night, April 13, 2024", "2024-04-13")
        ]


class TestWrittenDates:
    def test_day_month_year_in_indonesian_and_english(self):
        assert found("pada 16 Juli 2001") == [("16 Juli 2001", "2001-07-16")]
        assert found("on June 15, 2022", language="en") == [("June 15, 2022", "2022-06-15")]
        assert found("on 15 June 2022", language="en") == [("15 June 2022", "2022-06-15")]

    def test_month_and_year_is_a_month(self):
        assert one("pada Februari 2022").precision == "month"

    def test_prepositions_make_a_year(self):
        assert found("pada 2001, tahun 2001, in 2001") == [("2001", "2001"), ("tahun 2001", "2001")]
        assert found("in 2001", language="en") == [("2001", "2001")]

    def test_month_in_english_is_never_given_a_day(self):
        mention = one("Xi and Putin met in February.", language="en")
        assert (mention.value, mention.precision) == ("2022-02", "month")


class TestRelativeDates:
    def test_bare_weekday_is_the_latest_one_on_or_before_publication(self):
        assert found("pada Senin") == [("Senin", "2022-06-13")]
        assert found("pada Rabu") == [("Rabu", "2022-06-15")]

    def test_future_preference_looks_forward(self):
        assert found("akan berkunjung pada 3 Maret", prefer="future") == [("3 Maret", "2023-03-03")]
        assert found("pada Senin", prefer="future") == [("Senin", "2022-06-20")]

    def test_auto_preference_reads_the_tense(self):
        assert found("Xi akan berkunjung pada 3 Maret", prefer="auto") == [("3 Maret", "2023-03-03")]
        assert found("Xi berkunjung pada 3 Maret", prefer="auto") == [("3 Maret", "2022-03-03")]

    def test_publication_day_is_taken_in_its_own_zone(self):
        late_utc = datetime.datetime.fromisoformat("2022-06-15T23:30+00:00")
        jakarta = late_utc.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
        assert found("kemarin", published=late_utc) == [("kemarin", "2022-06-14")]
        assert found("kemarin", published=jakarta) == [("kemarin", "2022-06-15")]

    def test_indonesian_relative_words(self):
        assert found("kemarin") == [("kemarin", "2022-06-14")]
        assert found("hari ini") == [("hari ini", "2022-06-15")]
        assert found("pekan lalu") == [("pekan lalu", "2022-W23")]
        assert found("minggu lalu") == [("minggu lalu", "2022-W23")]
        assert found("bulan lalu") == [("bulan lalu", "2022-05")]
        assert found("tahun lalu") == [("tahun lalu", "2021")]
        assert found("tahun ini") == [("tahun ini", "2022")]

    def test_english_relative_words(self):
        assert found("yesterday", language="en") == [("yesterday", "2022-06-14")]
        assert found("last week", language="en") == [("last week", "2022-W23")]
        assert found("last month", language="en") == [("last month", "2022-05")]
        assert found("last year", language="en") == [("last year", "2021")]
        assert found("three days ago", language="en") == [("three days ago", "2022-06-12")]

    def test_week_value_starts_on_monday(self):
        assert one("pekan lalu").contract_date() == "2022-06-06"

    def test_weekday_decides_the_year_of_a_yearless_date(self):
        late_july = datetime.datetime.fromisoformat("2022-07-26T20:30+07:00")
        assert found("pada Rabu (27/7)", published=late_july) == [("Rabu (27/7)", "2022-07-27")]

    def test_without_publication_relative_dates_are_skipped(self):
        assert found("kemarin, pada Rabu, 24 Februari", published=None) == []
        assert found("pada 16 Juli 2001", published=None) == [("16 Juli 2001", "2001-07-16")]


class TestRangesQualifiersAndPeriods:
    def test_day_ranges_keep_both_ends(self):
        mention = one("pada 20-22 Maret 2023")
        assert (mention.value, mention.end_value, mention.is_range) == ("2023-03-20", "2023-03-22", True)
        assert (mention.earliest, mention.latest) == (datetime.date(2023, 3, 20), datetime.date(2023, 3, 22))
        assert found("20–22 March 2023", language="en")[0][1] == "2023-03-20"
        assert one("from 20 to 22 March", language="en").end_value == "2022-03-22"
        assert one("20 hingga 22 Maret").end_value == "2022-03-22"

    def test_qualifiers_narrow_the_interval_to_a_third(self):
        early = one("awal Februari")
        assert (early.value, early.precision, early.qualifier) == ("2022-02", "month", "early")
        assert (early.earliest, early.latest) == (datetime.date(2022, 2, 1), datetime.date(2022, 2, 9))
        assert one("akhir 2021").latest == datetime.date(2021, 12, 31)
        assert one("akhir 2021").earliest == datetime.date(2021, 9, 1)
        assert one("pertengahan Maret").qualifier == "mid"
        assert one("mid-2019", language="en").qualifier == "mid"
        assert one("late 2021", language="en").qualifier == "late"

    def test_quarters_seasons_and_decades(self):
        assert found("Q1 2022", language="en") == [("Q1 2022", "2022-Q1")]
        assert one("kuartal pertama 2022").value == "2022-Q1"
        assert one("the first quarter of 2022", language="en").contract_date() == "2022-01"
        assert one("summer 2019", language="en").value == "2019-SU"
        assert one("musim panas 2019").precision == "season"
        assert one("the 1990s", language="en").value == "199"
        assert one("tahun 1990-an").contract_date() == "1990"

    def test_references_to_now_past_and_future(self):
        assert [m.value for m in find_dates("now, recently, soon", published=KOMPAS, language="en")] == [
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
        ]
        assert one("saat ini").precision == "ref"
        assert one("saat ini").contract_date() == ""


class TestNotDates:
    def test_durations_ages_counts_and_money(self):
        assert found("selama 2 tahun") == []
        assert found("for two years", language="en") == []
        assert found("berusia 69 tahun") == []
        assert found("a 69-year-old man", language="en") == []
        assert found("$400 billion and Rp 2.000", language="en") == []
        assert found("sekitar 2000 orang") == []

    def test_names_phone_numbers_and_percentages(self):
        assert found("Covid-19") == []
        assert found("Theresa May said", language="en") == []
        assert found("call 021-5350377 or 0812-3456-7890") == []
        assert found("rose 20.22% in the quarter", language="en") == []
        assert found("the Winter Olympics", language="en") == []

    def test_bad_input_gives_nothing(self):
        assert find_dates("", published=KOMPAS, language="id") == []
        assert find_dates(None, published=KOMPAS, language="id") == []
        assert find_dates("pada 2001", published=KOMPAS, language="xx") == []


class TestOtherLanguages:
    def test_russian_common_forms(self):
        assert found("24 февраля 2022 года", language="ru") == [("24 февраля 2022 года", "2022-02-24")]
        assert one("в феврале", language="ru").value == "2022-02"
        assert one("вчера", language="ru").value == "2022-06-14"

    def test_chinese_common_forms(self):
        assert found("2022年2月24日", language="zh") == [("2022年2月24日", "2022-02-24")]
        assert found("2月24日", language="zh") == [("2月24日", "2022-02-24")]
        assert found("去年", language="zh") == [("去年", "2021")]
        assert found("昨天", language="zh") == [("昨天", "2022-06-14")]

    def test_chinese_day_of_this_or_last_month_keeps_its_day(self):
        assert found("本月3日", language="zh") == [("本月3日", "2022-06-03")]
        assert found("上月28日", language="zh") == [("上月28日", "2022-05-28")]
        assert found("下个月2号", language="zh") == [("下个月2号", "2022-07-02")]
        assert found("本月", language="zh") == [("本月", "2022-06")]


class TestNormalizeDatesCommand:
    def test_a_line_gives_its_dates(self):
        from ingest.management.commands.normalize_dates import normalize_line

        line = '{"id": 7, "text": "pada Februari", "published": "2022-06-15T21:01+07:00", "language": "id-ID"}'
        assert normalize_line(line)["dates"][0]["value"] == "2022-02"

    def test_a_bad_line_gives_an_error_and_no_exception(self):
        from ingest.management.commands.normalize_dates import normalize_line

        assert "error" in normalize_line("not json")
        assert "error" in normalize_line('{"id": 1, "text": "x", "published": "yesterday"}')


class TestReadAbsolute:
    """The dateparser layer: what it reads, what it refuses, and that its cache is safe."""

    def test_month_names_and_abbreviations_are_read_by_dateparser(self):
        from ingest.extraction.dates_absolute import read_absolute

        reading = read_absolute("24 Feb. 2022", language="en", precision="day")
        assert (reading.year, reading.month, reading.day) == (2022, 2, 24)
        assert read_absolute("Pebruari 2022", language="id", precision="month").month == 2

    def test_a_month_never_gets_the_day_dateparser_fills_in(self):
        from ingest.extraction.dates_absolute import read_absolute

        reading = read_absolute("februari 2022", language="id", precision="month")
        assert (reading.year, reading.month, reading.day) == (2022, 2, None)

    def test_a_reading_at_another_precision_is_refused(self):
        from ingest.extraction.dates_absolute import read_absolute

        assert read_absolute("februari 2022", language="id", precision="day") is None
        assert read_absolute("31/2/2022", language="id", precision="day") is None
        assert read_absolute("", language="id", precision="day") is None

    def test_one_parser_is_kept_per_language_and_order(self):
        from ingest.extraction.dates_absolute import get_parser

        assert get_parser("id", "DMY") is get_parser("id", "DMY")
        assert get_parser("en", "MDY") is not get_parser("id", "DMY")

    def test_a_cached_year_less_date_still_takes_each_articles_year(self):
        later = datetime.datetime(2023, 6, 15, tzinfo=datetime.UTC)
        assert found("pada 24 Februari") == [("24 Februari", "2022-02-24")]
        assert found("pada 24 Februari", published=later) == [("24 Februari", "2023-02-24")]

    def test_words_dateparser_lacks_are_read_by_our_lexicon(self):
        assert found("pada 17 Ags 2021") == [("17 Ags 2021", "2021-08-17")]
        assert one("в январе 2022", language="ru").value == "2022-01"
