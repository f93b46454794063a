"""Relative day references and summits that are only the setting of a meeting ("on the sidelines of"),
in English and Indonesian. Sentences are written for these tests. No database."""

import datetime

from ingest.extraction import extract

UTC = datetime.UTC
PUBLISHED = datetime.datetime(2023, 9, 14, 18, 0, tzinfo=UTC)  # a Thursday


def summary(text, language, published=PUBLISHED):
    found = [c.to_contract() for c in extract(text, published=published, language=language)]
    return sorted((e["kind"], e["date"]) for e in found if e["date"])


class TestSidelineSummitsEnglish:
    def test_a_meeting_on_the_sidelines_of_a_summit_is_only_a_meeting(self):
        found = summary("Xi Jinping met Vladimir Putin on the sidelines of the SCO summit in Astana on Tuesday.", "en")
        assert found == [("meeting", "2023-09-12")]

    def test_on_the_margins_of_names_the_setting_as_well(self):
        found = summary("On Monday Wang Yi sat down with Sergei Lavrov on the margins of the G20 summit.", "en")
        assert found == [("meeting", "2023-09-11")]

    def test_a_summit_told_with_its_own_day_in_a_relative_clause_stays_an_event(self):
        found = summary(
            "Li Qiang met Mikhail Mishustin on the sidelines of the BRICS summit, which opened in Kazan on Tuesday.",
            "en",
        )
        assert ("summit", "2023-09-12") in found

    def test_a_summit_told_on_its_own_is_still_a_summit(self):
        found = summary("Xi Jinping and Vladimir Putin attended the SCO summit in Astana on Tuesday.", "en")
        assert found == [("summit", "2023-09-12")]


class TestSidelineSummitsIndonesian:
    def test_a_meeting_di_sela_sela_a_summit_is_only_a_meeting(self):
        found = summary("Xi Jinping bertemu Vladimir Putin di sela-sela KTT SCO di Astana pada Selasa.", "id")
        assert found == [("meeting", "2023-09-12")]

    def test_a_leading_sideline_phrase_gives_its_day_to_the_meeting_told_after_it(self):
        found = summary("Di sela KTT G20 di New Delhi pada Senin, Wang Yi bertemu Sergei Lavrov.", "id")
        assert found == [("meeting", "2023-09-11")]

    def test_a_summit_held_on_days_of_its_own_stays_an_event(self):
        found = summary(
            "Li Qiang bertemu Mikhail Mishustin di sela KTT BRICS yang digelar pada 12-13 September di Kazan.", "id"
        )
        assert "summit" in [kind for kind, _ in found]


class TestOpeningDayIndonesian:
    def test_hari_pertama_dates_the_gathering_it_opens(self):
        found = summary("Xi Jinping bertemu Vladimir Putin di Kazan pada Selasa, hari pertama KTT BRICS.", "id")
        assert ("summit", "2023-09-12") in found


class TestCountedDays:
    def test_the_next_day_in_a_second_clause_counts_from_the_day_of_the_first(self):
        found = summary("Li Qiang met Mikhail Mishustin on Monday, and the next day Wang Yi met Sergei Lavrov.", "en")
        assert found == [("meeting", "2023-09-11"), ("meeting", "2023-09-12")]

    def test_keesokan_harinya_in_a_second_clause_counts_from_the_day_of_the_first(self):
        found = summary(
            "Xi Jinping menelepon Vladimir Putin pada Senin, lalu keesokan harinya Wang Yi bertemu Sergei Lavrov.", "id"
        )
        assert found == [("call", "2023-09-11"), ("meeting", "2023-09-12")]

    def test_the_day_after_right_behind_a_date_describes_that_date(self):
        found = summary(
            "The two leaders last spoke on 8 September, the day after the summit: Xi Jinping called Vladimir Putin.",
            "en",
        )
        assert "2023-09-09" not in [date for _, date in found]

    def test_the_next_day_is_told_as_past_not_as_a_plan(self):
        text = "Xi Jinping met Vladimir Putin on Monday, and the next day Wang Yi met Sergei Lavrov."
        modalities = [c.to_contract()["modality"] for c in extract(text, published=PUBLISHED, language="en")]
        assert modalities == ["asserted", "asserted"]


class TestEarlierInTheDay:
    def test_earlier_in_the_day_with_no_day_told_before_is_the_day_of_publication(self):
        found = summary("Earlier in the day, Vladimir Putin held a phone call with Xi Jinping.", "en")
        assert found == [("call", "2023-09-14")]

    def test_earlier_in_the_day_after_a_dated_event_takes_that_day(self):
        found = summary(
            "Wang Yi met Sergei Lavrov in Moscow on Tuesday. Earlier in the day, Putin spoke by phone with Xi Jinping.",
            "en",
        )
        assert ("call", "2023-09-12") in found

    def test_that_day_with_no_day_told_before_stays_undated(self):
        assert summary("Later that day, Vladimir Putin held a phone call with Xi Jinping.", "en") == []


class TestDaysAfter:
    def test_a_day_after_a_clause_dates_that_clause_a_day_earlier(self):
        found = summary("Vladimir Putin met Xi Jinping on Tuesday, a day after Sergei Lavrov met Wang Yi.", "en")
        assert found == [("meeting", "2023-09-11"), ("meeting", "2023-09-12")]

    def test_sehari_setelah_a_clause_dates_that_clause_a_day_earlier(self):
        found = summary("Li Qiang bertemu Mikhail Mishustin pada Rabu, sehari setelah Wang Yi bertemu Lavrov.", "id")
        assert found == [("meeting", "2023-09-12"), ("meeting", "2023-09-13")]

    def test_a_day_after_a_noun_phrase_adds_no_event(self):
        found = summary("Xi Jinping arrived in Moscow on Tuesday, two days after the SCO summit in Astana.", "en")
        assert found == [("visit", "2023-09-12")]
