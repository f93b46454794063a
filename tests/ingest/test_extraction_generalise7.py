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


class TestWhatTalksLedTo:
    def test_english_agreements_signed_after_dated_talks(self):
        text = (
            "Indonesian President Prabowo Subianto held talks with Vietnamese Prime Minister Pham Minh Chinh in "
            "Hanoi on Tuesday, and the two governments signed agreements on fisheries and rice."
        )
        found = [e for e in events(text, "en") if e["kind"] == "agreement"]
        assert [e["date"] for e in found] == ["2025-03-11"]
        assert {"Indonesia", "Vietnam"} <= set(found[0]["countries"])

    def test_english_pronoun_subject_keeps_the_parties_of_the_talks(self):
        text = (
            "Philippine President Ferdinand Marcos arrived in Tokyo on Monday. "
            "He held talks with Japanese Prime Minister Shigeru Ishiba on Tuesday, and the two sides signed a "
            "pact on defence equipment."
        )
        found = [e for e in events(text, "en") if e["kind"] == "agreement"]
        assert [e["date"] for e in found] == ["2025-03-11"]
        assert {"Philippines", "Japan"} <= set(found[0]["countries"])

    def test_what_is_said_after_talks_is_not_signed(self):
        text = (
            "Prabowo met Anwar Ibrahim in Jakarta on Tuesday and said the two countries would sign a border deal."
        )
        assert [e for e in events(text, "en") if e["kind"] == "agreement" and e["modality"] == "asserted"] == []


class TestWhereAStrikeHit:
    def test_indonesian_place_in_an_appositive_after_the_strike(self):
        text = (
            "Serangan rudal Rusia menghantam sebuah pusat perbelanjaan di Jalan Sumska, pusat kota Kharkiv, "
            "pada Senin (10/3/2025) malam."
        )
        found = [e for e in events(text, "id") if e["kind"] == "attack"]
        assert [e["date"] for e in found] == ["2025-03-10"]
        assert {"Russia", "Ukraine"} <= set(found[0]["countries"])

    def test_english_place_in_an_appositive_after_the_strike(self):
        text = "Russian drones struck a power station near the river port, outside Odesa, on Monday night."
        found = [e for e in events(text, "en") if e["kind"] == "attack"]
        assert [e["date"] for e in found] == ["2025-03-10"]
        assert {"Russia", "Ukraine"} <= set(found[0]["countries"])


class TestCountedFromANamedEvent:
    def test_indonesian_a_day_after_the_named_event(self):
        text = (
            "Parlemen Georgia menggelar pemungutan suara atas undang-undang agen asing pada Selasa (4/3/2025). "
            "Presiden Prabowo Subianto bertemu Perdana Menteri Anwar Ibrahim di Jakarta pada Kamis (6/3/2025). "
            "Sehari setelah pemungutan suara, Uni Eropa menjatuhkan sanksi terhadap sejumlah pejabat Georgia."
        )
        found = [e for e in events(text, "id") if e["kind"] == "sanction"]
        assert [e["date"] for e in found] == ["2025-03-05"]

    def test_english_a_day_before_the_named_event(self):
        text = (
            "China published a position paper on the Korean peninsula on Thursday. "
            "Japan's prime minister met the South Korean president in Seoul on Friday. "
            "A day before the paper, the European Union imposed sanctions on two Chinese banks."
        )
        found = [e for e in events(text, "en") if e["kind"] == "sanction"]
        assert [e["date"] for e in found] == ["2025-03-12"]

    def test_the_event_named_in_the_opener_is_not_a_new_one(self):
        text = (
            "Xi Jinping met Anwar Ibrahim in Beijing on Tuesday. "
            "Hours before the talks, a Chinese coast guard ship fired water cannon at a Philippine vessel."
        )
        meetings = [e for e in events(text, "en") if e["kind"] == "meeting"]
        assert [e["date"] for e in meetings] == ["2025-03-11"]


class TestWeaponsTests:
    def test_english_missile_fired_into_the_sea_is_a_test_not_a_visit(self):
        text = "Pakistan test-fired a new cruise missile on Monday that landed in the sea off its southern coast."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2025-03-10")]
        assert "Pakistan" in found[0]["countries"]

    def test_indonesian_nuclear_test(self):
        text = "India melakukan uji coba nuklir di gurun Rajasthan pada Senin (10/3/2025)."
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2025-03-10")]

    def test_missiles_fired_at_a_country_are_no_test(self):
        text = "Russia fired ballistic missiles at Kyiv on Monday."
        assert [e for e in events(text, "en") if e["kind"] == "other"] == []


class TestComparedWithAnotherEvent:
    def test_what_follows_came_hours_after_is_the_day_of_the_story(self):
        text = (
            "Japan and South Korea held talks on missile defence in Tokyo on Tuesday. "
            "The talks came hours after Pakistan test-fired a new cruise missile over the Arabian Sea."
        )
        found = [e for e in events(text, "en") if e["kind"] == "other"]
        assert [e["date"] for e in found] == ["2025-03-11"]

    def test_the_event_compared_is_not_dated_again(self):
        text = (
            "Indonesia and Malaysia signed a border treaty in Kuala Lumpur on Wednesday. "
            "The treaty comes a day after Prabowo Subianto met Anwar Ibrahim for talks on fisheries."
        )
        treaties = [e for e in events(text, "en") if e["kind"] == "agreement"]
        assert [e["date"] for e in treaties] == ["2025-03-12"]


class TestAnOfficeWhoseHolderIsUnknown:
    OLD = datetime.datetime(1998, 11, 14, 12, 0, tzinfo=datetime.UTC)  # a Saturday

    def test_english_title_names_the_country(self):
        text = "South Korean President Kim Dae-jung held talks with Jiang Zemin in Beijing on Thursday."
        found = events(text, "en", published=self.OLD)
        assert [(e["kind"], e["date"]) for e in found] == [("meeting", "1998-11-12")]
        assert {"South Korea", "China"} <= set(found[0]["countries"])

    def test_indonesian_title_names_the_country(self):
        text = (
            "Presiden China Jiang Zemin bertemu Presiden Korea Selatan Kim Dae-jung di Beijing "
            "pada Kamis (12/11/1998)."
        )
        found = events(text, "id", published=self.OLD)
        assert [(e["kind"], e["date"]) for e in found] == [("meeting", "1998-11-12")]
        assert {"South Korea", "China"} <= set(found[0]["countries"])


class TestIndonesiansByTheirGivenName:
    def test_given_name_alone_after_the_full_name(self):
        text = (
            "Menteri Luar Negeri Retno Marsudi menerima Menlu Jepang Yoko Kamikawa di Jakarta pada Senin (10/3/2025). "
            "Sehari kemudian, Retno dan Menlu China Wang Yi menggelar pembicaraan bilateral di Gedung Pancasila."
        )
        meetings = [e for e in events(text, "id") if e["kind"] == "meeting" and e["date"] == "2025-03-11"]
        assert len(meetings) == 1
        assert {"Indonesia", "China"} <= set(meetings[0]["countries"])


class TestTalksAfterTheDayOfArrival:
    def test_english_who_arrived_on_a_day_then_held_talks(self):
        text = (
            "Malaysian Prime Minister Anwar Ibrahim, who arrived in Tokyo on Tuesday from Seoul, held talks with "
            "Japanese Prime Minister Shigeru Ishiba at his official residence."
        )
        meetings = [e for e in events(text, "en") if e["kind"] == "meeting"]
        assert [e["date"] for e in meetings] == ["2025-03-11"]
        assert {"Malaysia", "Japan"} <= set(meetings[0]["countries"])

    def test_indonesian_yang_tiba_then_bertemu(self):
        text = (
            "Perdana Menteri Malaysia Anwar Ibrahim, yang tiba di Jakarta pada Selasa (11/3/2025), langsung bertemu "
            "Presiden Prabowo Subianto di Istana Merdeka."
        )
        meetings = [e for e in events(text, "id") if e["kind"] == "meeting"]
        assert [e["date"] for e in meetings] == ["2025-03-11"]

    def test_talks_with_a_day_of_their_own_keep_it(self):
        text = "Anwar Ibrahim, who arrived in Tokyo on Tuesday, will hold talks with Shigeru Ishiba on Thursday."
        meetings = [e for e in events(text, "en") if e["kind"] == "meeting"]
        assert "2025-03-11" not in [e["date"] for e in meetings]
