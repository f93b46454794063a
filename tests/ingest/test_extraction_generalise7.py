"""Reading across sentences: a day told in a sentence with no event word of its own still moves the story to
that day, so "two days later" or "beberapa jam kemudian" in the next sentence counts from it. Sentences written for
these tests (other wording, other events). No database."""

import datetime

from tests.ingest.contract_readers import readers

PUBLISHED = datetime.datetime(2025, 3, 14, 12, 0, tzinfo=datetime.UTC)  # a Friday

events, shown = readers(PUBLISHED)


class TestStoryMovesToADayToldWithoutAnEvent:
    def test_indonesian_days_later_counts_from_the_day_just_told(self):
        text = (
            "Menteri Luar Negeri Jepang Takeshi Iwaya bertemu Menlu Korea Selatan di Tokyo pada Kamis (13/3/2025). "
            "Pada Sabtu (8/3/2025), hujan deras merendam ribuan rumah di pesisir utara Jawa. "
            "Dua hari kemudian, Presiden Prabowo Subianto dan Perdana Menteri Anwar Ibrahim berbicara melalui telepon."
        )
        calls = [e for e in events(text, "id") if e["kind"] == "call"]
        assert [(e["date"], e["modality"]) for e in calls] == [("2025-03-10", "asserted")]

    def test_english_days_later_counts_from_the_day_just_told(self):
        text = (
            "Japan's foreign minister met his South Korean counterpart in Tokyo on Thursday. "
            "On March 8, a storm cut power to much of the northern coast of Java. "
            "Two days later, Indonesian President Prabowo Subianto spoke by phone with Anwar Ibrahim."
        )
        calls = [e for e in events(text, "en") if e["kind"] == "call"]
        assert [e["date"] for e in calls] == ["2025-03-10"]

    def test_a_plan_stays_on_the_story_day(self):
        text = (
            "Presiden Prabowo Subianto bertemu Perdana Menteri Anwar Ibrahim di Jakarta pada Kamis (13/3/2025). "
            "Dalam rombongan Anwar hadir seorang menteri yang dilantik pada Senin (10/3/2025). "
            "Malam harinya, kedua pemimpin dijadwalkan melanjutkan pembicaraan sambil makan malam."
        )
        assert [e["date"] for e in events(text, "id") if e["date"] == "2025-03-10"] == []
