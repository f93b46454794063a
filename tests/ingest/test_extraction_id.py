"""Indonesian extraction rules, one sentence each: text in, events out. No database."""

import datetime

from ingest.extraction import extract

WIB = datetime.timezone(datetime.timedelta(hours=7))
PUBLISHED = datetime.datetime(2023, 6, 16, 9, 30, tzinfo=WIB)


def events(text, published=PUBLISHED):
    return [c.to_contract() for c in extract(text, published=published, language="id")]


def summary(text, published=PUBLISHED):
    return sorted((e["kind"], e["date"]) for e in events(text, published))


class TestDateBinding:
    def test_a_closing_date_belongs_to_the_signing_across_a_list_of_names(self):
        text = (
            "Presiden Rusia Vladimir Putin dan Presiden China Xi Jinping meneken Perjanjian Kerja Sama Energi, "
            "Pangan, dan Teknologi di Beijing, Rabu (14/6)."
        )
        assert summary(text) == [("agreement", "2023-06-14")]

    def test_a_signing_inside_talks_shares_the_talks_date(self):
        text = (
            "Nota kesepahaman itu ditandatangani dalam pertemuan Xi Jinping dengan Vladimir Putin "
            "di Balai Agung Rakyat, Beijing, Selasa (13/6)."
        )
        assert ("agreement", "2023-06-13") in summary(text)

    def test_each_stop_of_a_journey_keeps_its_own_day(self):
        text = "Setelah singgah di Astana, Kazakhstan, pada Senin (12/6), Putin tiba di Beijing, Selasa (13/6/2023)."
        dated = [(e["date"], e["countries"]) for e in events(text) if e["kind"] == "visit"]
        assert ("2023-06-13", ["Russia", "China"]) in dated
        assert all(date != "2023-06-12" or "China" not in countries for date, countries in dated)

    def test_a_date_of_an_earlier_clause_of_its_own_does_not_reach_back(self):
        text = "Xi menjadi tamu pertama yang bertemu Putin setelah Rusia menyerang Ukraina pada Februari."
        assert ("meeting", "2023-02") not in summary(text)
