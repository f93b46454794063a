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
