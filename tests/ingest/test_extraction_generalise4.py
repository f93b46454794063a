"""Phrasing classes found by reading the extractor's errors on the held-out set tests/holdout4, tested with
sentences written for these tests (other wording, other events). No database."""

import datetime

from tests.ingest.contract_readers import readers

PUBLISHED = datetime.datetime(2025, 3, 12, 12, 0, tzinfo=datetime.UTC)  # a Wednesday

events, shown = readers(PUBLISHED)


class TestAnInvasionNamedByAStatement:
    def test_the_day_is_the_condemnations(self):
        found = shown("Poland condemned Russia's invasion of Ukraine on Monday.", "en")
        assert found == [("statement", "2025-03-10", "asserted")]

    def test_indonesian_day_closing_the_sentence(self):
        found = shown("Malaysia mengecam invasi Rusia ke Ukraina, Senin (10/3/2025).", "id")
        assert found == [("statement", "2025-03-10", "asserted")]

    def test_a_vote_for_a_resolution_that_deplores_is_a_statement(self):
        text = 'Brazil voted on Tuesday for a resolution that "deplores" Russia\'s annexation of Crimea.'
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-11")]
        assert "Brazil" in found[0]["countries"]


class TestTroopsEnteringACountry:
    def test_troops_entered_is_an_invasion(self):
        found = events("Turkish troops entered Syria on October 9, 2019, after days of air strikes.", "en")
        assert ("invasion", "2019-10-09") in [(e["kind"], e["date"]) for e in found]
        assert "attack" not in [e["kind"] for e in found if e["date"] == "2019-10-09"]

    def test_indonesian_pasukan_memasuki(self):
        found = events("Pasukan Turki memasuki wilayah Suriah pada 9 Oktober 2019.", "id")
        assert [(e["kind"], e["date"]) for e in found] == [("invasion", "2019-10-09")]
        assert set(found[0]["countries"]) == {"Turkey", "Syria"}


class TestAMeetingToldAgainAsBesides:
    def test_besides_meeting_adds_no_meeting_on_the_next_day(self):
        text = (
            "Anthony Albanese met Xi Jinping in Beijing on Monday. "
            "Besides meeting Xi, Albanese spent Tuesday in Shanghai with business leaders."
        )
        met = [e for e in events(text, "en") if e["kind"] == "meeting"]
        assert [e["date"] for e in met] == ["2025-03-10"]

    def test_indonesian_selain_bertemu(self):
        text = (
            "Prabowo bertemu Anwar Ibrahim di Putrajaya, Senin (10/3/2025). "
            "Selain bertemu Anwar, Prabowo dijadwalkan menghadiri forum bisnis di Kuala Lumpur pada Kamis."
        )
        met = [e for e in events(text, "id") if e["kind"] == "meeting"]
        assert [e["date"] for e in met] == ["2025-03-10"]

    def test_selain_itu_still_tells_a_new_event(self):
        text = (
            "Prabowo bertemu Anwar Ibrahim di Putrajaya, Senin (10/3/2025). "
            "Selain itu, Prabowo bertemu Lawrence Wong di Singapura, Selasa (11/3/2025)."
        )
        met = sorted(e["date"] for e in events(text, "id") if e["kind"] == "meeting")
        assert met == ["2025-03-10", "2025-03-11"]


class TestDialoguePartnership:
    def test_a_dialogue_partnership_that_began_in_a_year_is_no_meeting(self):
        text = "Hubungan kemitraan dialog ASEAN dan India dimulai pada 1992."
        assert "meeting" not in [e["kind"] for e in events(text, "id")]

    def test_a_dialogue_is_still_talks(self):
        text = "Indonesia dan Jepang menggelar dialog keamanan di Tokyo pada Senin (10/3/2025)."
        assert ("meeting", "2025-03-10", "asserted") in shown(text, "id")


class TestYearsAheadIsADuration:
    def test_untuk_tiga_tahun_ke_depan_dates_nothing(self):
        text = (
            "Bank Indonesia dan Bank of Japan memperpanjang perjanjian swap senilai 30 miliar dollar AS "
            "untuk tiga tahun ke depan."
        )
        assert [e["date"] for e in events(text, "id")] == []


class TestATargetIsNoEvent:
    def test_indonesian_ditargetkan(self):
        text = "Jalur kereta Laos-Thailand yang dibangun China ditargetkan mulai beroperasi tahun ini."
        assert events(text, "id") == []

    def test_english_targeted_to(self):
        text = "Russia and China are targeted to begin gas deliveries through the new pipeline this year."
        assert events(text, "en") == []

    def test_a_line_that_began_operating_is_still_told(self):
        text = "Jalur kereta Laos-China yang dibangun China mulai beroperasi pada Jumat (3/12/2021)."
        assert [e["kind"] for e in events(text, "id")] == ["other"]


class TestTheTwoCountriesAfterAOneSidedDrill:
    def test_indonesian_kedua_negara_takes_the_pair_just_named(self):
        text = (
            "Kementerian Pertahanan Iran mengatakan latihan itu memperdalam kemitraan strategis kedua negara. "
            "Pengamat menilai pelayaran ini babak baru hubungan militer Teheran dan Moskwa. "
            "Pada Januari 2019, kapal perang kedua negara menggelar latihan bersama pertama di Samudra Hindia."
        )
        drills = [e for e in events(text, "id") if e["kind"] == "exercise" and e["date"] == "2019-01"]
        assert [set(e["countries"]) for e in drills] == [{"Iran", "Russia"}]

    def test_english_the_two_countries(self):
        text = (
            "Iran's defence ministry said the exercise deepened the strategic partnership of the two countries. "
            "Analysts called the voyage a new stage in military ties between Tehran and Moscow. "
            "In January 2019, warships of the two countries held their first joint drills in the Indian Ocean."
        )
        drills = [e for e in events(text, "en") if e["kind"] == "exercise" and e["date"] == "2019-01"]
        assert [set(e["countries"]) for e in drills] == [{"Iran", "Russia"}]


class TestWillJoinPutsTheClauseInTheFuture:
    def test_the_summit_after_will_then_join_is_the_coming_one(self):
        text = (
            "Anthony Albanese flies on to Tokyo later on Wednesday and will then join Narendra Modi and "
            "Shigeru Ishiba at the Quad summit in Tokyo on Friday."
        )
        summits = [(e["date"], e["modality"]) for e in events(text, "en") if e["kind"] == "summit"]
        assert summits == [("2025-03-14", "planned")]

    def test_will_attend(self):
        text = (
            "Narendra Modi arrives in Paris on Monday and will attend"
            " the AI summit with Emmanuel Macron on Thursday."
        )
        assert ("summit", "2025-03-13", "planned") in shown(text, "en")
