"""Phrasing classes found by reading the extractor's errors on the held-out set (tests/holdout), tested with
sentences written for these tests. No database."""

import datetime

from tests.ingest.contract_readers import readers

PUBLISHED = datetime.datetime(2023, 9, 14, 18, 0, tzinfo=datetime.UTC)  # a Thursday

events, shown = readers(PUBLISHED)


class TestPlansToldFarFromTheTrigger:
    def test_expected_in_a_country_for_a_summit_is_a_planned_summit_in_the_coming_month(self):
        text = "Vladimir Putin is expected in China in October for the Belt and Road Forum summit with Xi Jinping."
        assert shown(text, "en") == [("summit", "2023-10", "planned")]

    def test_due_in_a_capital_next_month_for_talks_is_planned(self):
        text = "Vladimir Putin is due in Beijing next month for talks with Xi Jinping."
        assert shown(text, "en") == [("meeting", "2023-10", "planned")]

    def test_dijadwalkan_reaches_the_visit_told_later_in_the_clause(self):
        text = "Xi Jinping dijadwalkan tiba di Moskow pada Oktober untuk menghadiri KTT BRICS bersama Vladimir Putin."
        found = events(text, "id")
        assert found and all((e["date"], e["modality"]) == ("2023-10", "planned") for e in found)

    def test_a_weekday_before_a_plan_still_dates_the_telling_not_the_plan(self):
        text = "Vladimir Putin said on Tuesday he would visit China to meet Xi Jinping."
        assert all(e["date"] != "2023-09-12" for e in events(text, "en") if e["modality"] == "planned")


class TestAnniversaries:
    def test_the_anniversary_of_an_invasion_is_no_invasion_in_that_month(self):
        text = (
            "In February, on the first anniversary of the invasion, Beijing released a 12-point position paper "
            "on Russia's war in Ukraine."
        )
        assert shown(text, "en") == [("statement", "2023-02", "asserted")]

    def test_peringatan_setahun_invasi_is_no_invasion_either(self):
        text = "Pada peringatan setahun invasi Rusia ke Ukraina pada Februari, China merilis dokumen posisi 12 poin."
        assert [e["kind"] for e in events(text, "id")] == ["statement"]

    def test_an_invasion_told_with_its_own_date_is_kept(self):
        text = "Russia invaded Ukraine on 24 February 2022."
        assert shown(text, "en") == [("invasion", "2022-02-24", "asserted")]


class TestIndonesianRelativeClause:
    def test_yang_after_a_country_makes_it_the_subject_of_the_invasion(self):
        text = "China membantah memasok drone ke Rusia, yang menginvasi Ukraina pada Februari 2022."
        (invasion,) = events(text, "id")
        assert (invasion["kind"], invasion["date"]) == ("invasion", "2022-02")
        assert set(invasion["countries"]) == {"Russia", "Ukraine"}


class TestOpeningDateOverAShortPhrase:
    def test_pada_selasa_then_sehari_sebelum_parade_still_dates_the_talks(self):
        text = "Pada Selasa (12/9), sehari sebelum parade, Xi Jinping dan Vladimir Putin menggelar pembicaraan."
        assert shown(text, "id") == [("meeting", "2023-09-12", "asserted")]


class TestGroupNounsNamingAnOffice:
    def test_the_two_prime_ministers_are_the_premiers_named_before_not_the_president(self):
        text = (
            "Chinese Premier Li Qiang held talks with Russian Prime Minister Mikhail Mishustin in Moscow on Tuesday. "
            "Li also met Russian President Vladimir Putin in the Kremlin on Tuesday. "
            "Earlier on Tuesday, the two prime ministers signed a joint communique on trade."
        )
        (agreement,) = [e for e in events(text, "en") if e["kind"] == "agreement"]
        assert set(agreement["actors"]) == {"Li Qiang", "Mikhail Mishustin"}

    def test_kedua_menlu_are_the_foreign_ministers(self):
        text = (
            "Menteri Luar Negeri China Wang Yi bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Beijing pada "
            "Selasa (12/9). Presiden Xi Jinping kemudian menerima Lavrov pada Selasa (12/9). "
            "Kedua menlu juga menandatangani protokol konsultasi pada Selasa (12/9)."
        )
        (agreement,) = [e for e in events(text, "id") if e["kind"] == "agreement"]
        assert set(agreement["actors"]) == {"Wang Yi", "Sergey Lavrov"}


class TestHoursAfter:
    def test_talks_hours_after_another_meeting_are_on_the_same_day(self):
        text = (
            "Chinese Premier Li Qiang met Russian President Vladimir Putin on Tuesday, hours after talks with his "
            "Russian counterpart Mikhail Mishustin on the second day of a visit to Moscow."
        )
        meetings = sorted((e["date"], tuple(sorted(e["actors"]))) for e in events(text, "en") if e["kind"] == "meeting")
        assert [m[0] for m in meetings] == ["2023-09-12", "2023-09-12"]
        assert {"Mikhail Mishustin", "Vladimir Putin"} <= {name for m in meetings for name in m[1]}

    def test_the_visit_is_not_dated_by_the_hours_after_phrase(self):
        text = (
            "Chinese Premier Li Qiang met Russian President Vladimir Putin on Tuesday, hours after talks with his "
            "Russian counterpart Mikhail Mishustin on the second day of a visit to Moscow."
        )
        assert all(e["kind"] != "visit" or e["date"] != "2023-09-12" for e in events(text, "en"))


class TestTheDayOfTheStory:
    LEAD = "BEIJING: Chinese President Xi Jinping met Russian Foreign Minister Sergey Lavrov in Beijing on Tuesday. "

    def test_earlier_in_the_day_is_the_lead_day_not_the_day_of_a_side_clause(self):
        text = self.LEAD + (
            "Lavrov, who landed on Monday for a three-day visit, held talks with the Chinese foreign minister "
            "earlier in the day."
        )
        talks = [e for e in events(text, "en") if e["kind"] == "meeting" and "Wang Yi" in e["actors"]]
        assert [e["date"] for e in talks] == ["2023-09-12"]

    def test_a_visit_without_a_destination_went_where_the_story_is_set(self):
        text = self.LEAD + "Lavrov, who landed on Monday for a three-day visit, also met students."
        visits = [e for e in events(text, "en") if e["kind"] == "visit"]
        assert [(v["date"], sorted(v["countries"])) for v in visits] == [("2023-09-11", ["China", "Russia"])]

    def test_a_visit_whose_sentence_names_a_place_takes_no_other(self):
        text = self.LEAD + "Lavrov then flies on to Pyongyang for a visit on Friday."
        assert all("China" not in e["countries"] for e in events(text, "en") if e["kind"] == "visit")


class TestThingsThatDidNotHappen:
    def test_a_summit_that_would_not_go_ahead_is_dropped(self):
        text = (
            "On Monday, Donald Trump said a planned summit with Vladimir Putin in Budapest would not go ahead, "
            "saying he did not want a pointless meeting."
        )
        assert events(text, "en") == []

    def test_a_meeting_agreed_on_in_a_call_is_no_meeting_but_the_call_is_kept(self):
        text = "Donald Trump and Vladimir Putin agreed on the Budapest meeting during a phone call on Monday."
        assert [(e["kind"], e["date"]) for e in events(text, "en")] == [("call", "2023-09-11")]


class TestFirmOpposition:
    def test_firmly_opposed_is_a_statement_and_the_sanctions_it_opposes_are_no_event(self):
        text = "China's foreign ministry said on Thursday it firmly opposed the new U.S. sanctions on Russian oil."
        assert [(e["kind"], e["date"]) for e in events(text, "en")] == [("statement", "2023-09-14")]


class TestSummitHostsAndParades:
    def test_a_summit_in_bali_is_hosted_by_indonesia(self):
        text = "Presiden Xi Jinping menghadiri KTT APEC di Nusa Dua, Bali, pada Senin (11/9)."
        (summit,) = [e for e in events(text, "id") if e["kind"] == "summit"]
        assert "Indonesia" in summit["countries"]

    def test_samarkand_is_in_uzbekistan(self):
        text = "Vladimir Putin and Xi Jinping attended the SCO summit in Samarkand on Monday."
        (summit,) = [e for e in events(text, "en") if e["kind"] == "summit"]
        assert "Uzbekistan" in summit["countries"]

    def test_attending_a_military_parade_abroad_is_an_event(self):
        text = "Presiden Prabowo Subianto menghadiri parade militer di Lapangan Tiananmen, Beijing, Rabu (13/9/2023)."
        (parade,) = events(text, "id")
        assert (parade["kind"], parade["date"]) == ("other", "2023-09-13")
        assert {"Indonesia", "China"} <= set(parade["countries"])


class TestSovietUnion:
    def test_a_soviet_exercise_is_the_soviet_unions_not_the_parties_of_the_story(self):
        text = (
            "Russia and China opened the Vostok drills on Tuesday. "
            "Moscow says they are the largest since Zapad-81, a Soviet exercise held in 1981."
        )
        (old,) = [e for e in events(text, "en") if e["date"] == "1981"]
        assert "Soviet Union" in old["countries"] and "China" not in old["countries"]

    def test_since_the_soviet_era_names_no_party(self):
        text = "Rusia dan China memulai latihan militer terbesar sejak era Uni Soviet, Vostok 2023, pada Selasa (12/9)."
        (drill,) = events(text, "id")
        assert set(drill["countries"]) == {"Russia", "China"}


class TestVagueAgo:
    def test_more_than_a_year_ago_dates_nothing(self):
        text = (
            "Xi Jinping spoke by phone with Volodymyr Zelensky on Tuesday, their first contact since Russia "
            "invaded Ukraine more than a year ago."
        )
        assert [(e["kind"], e["date"]) for e in events(text, "en")] == [("call", "2023-09-12")]

    def test_lebih_dari_setahun_lalu_dates_nothing(self):
        text = (
            "Xi Jinping menelepon Volodymyr Zelensky pada Selasa (12/9), kontak pertama sejak Rusia menginvasi "
            "Ukraina lebih dari setahun lalu."
        )
        assert [(e["kind"], e["date"]) for e in events(text, "id")] == [("call", "2023-09-12")]


class TestAPlanGoesOn:
    def test_sebelum_carries_the_plan_to_the_parade_and_its_wednesday_is_the_coming_one(self):
        text = (
            "Putin dijadwalkan menggelar pembicaraan dengan Xi Jinping di Beijing pada Selasa, sebelum menghadiri "
            "parade militer pada Rabu."
        )
        published = datetime.datetime(2023, 9, 11, 12, 0, tzinfo=datetime.UTC)  # a Monday
        found = sorted((e["kind"], e["date"], e["modality"]) for e in events(text, "id", published))
        assert found == [("meeting", "2023-09-12", "planned"), ("other", "2023-09-13", "planned")]

    def test_a_clause_after_a_plan_told_as_done_stays_done(self):
        text = "Putin will travel to China in October, after he met Xi Jinping in Moscow on Tuesday."
        assert ("meeting", "2023-09-12", "asserted") in shown(text, "en")
