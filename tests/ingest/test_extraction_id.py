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


class TestKindLexicon:
    def test_an_inauguration_is_an_other_event(self):
        text = "Xi Jinping dan Vladimir Putin meresmikan jembatan perbatasan di Heihe pada Senin (12/6)."
        assert summary(text) == [("other", "2023-06-12")]

    def test_a_video_link_alone_is_a_call(self):
        text = "Xi Jinping berbicara dengan Vladimir Putin melalui sambungan video pada Senin (12/6)."
        assert summary(text) == [("call", "2023-06-12")]

    def test_a_resolution_passed_is_a_statement(self):
        text = "Majelis Umum PBB mengesahkan resolusi yang mengecam Rusia atas perang di Ukraina pada Kamis (8/6)."
        assert ("statement", "2023-06-08") in summary(text)

    def test_a_quoted_concern_is_a_statement(self):
        text = 'China pada Minggu menyatakan "keprihatinan mendalam" atas serangan Rusia ke Ukraina.'
        assert ("statement", "2023-06-11") in summary(text)

    def test_leaders_of_a_bloc_gathering_is_a_summit(self):
        text = "Para pemimpin Uni Afrika (AU) bertemu di Addis Ababa pada Senin (12/6) untuk membahas perang di Sudan."
        assert ("summit", "2023-06-12") in summary(text)

    def test_leaders_of_the_two_countries_meeting_stays_a_meeting(self):
        text = "Para pemimpin kedua negara, Xi Jinping dan Vladimir Putin, bertemu di Moskwa pada Senin (12/6)."
        assert summary(text) == [("meeting", "2023-06-12")]

    def test_a_spokesperson_speaking_on_a_day_is_a_statement(self):
        text = "Juru bicara Kementerian Luar Negeri China, Senin (12/6), meminta Washington mencabut sanksi itu."
        found = events(text)
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2023-06-12")]
        assert set(found[0]["countries"]) == {"China", "United States"}

    def test_a_spokesperson_telling_of_talks_dates_the_talks(self):
        text = "Juru bicara Kremlin mengatakan Vladimir Putin bertemu Xi Jinping di Moskwa pada Senin (12/6)."
        assert summary(text) == [("meeting", "2023-06-12")]

    def test_signing_an_executive_order_is_no_agreement_and_its_tariffs_keep_the_date(self):
        text = (
            "Pada Rabu (14/6), Presiden AS Joe Biden menandatangani perintah eksekutif "
            "yang mengenakan tarif tambahan terhadap barang-barang China."
        )
        assert summary(text) == [("sanction", "2023-06-14")]

    def test_missiles_launched_at_a_country_are_an_attack_on_it(self):
        text = "Iran meluncurkan ratusan drone dan rudal ke arah Israel pada Sabtu malam (10/6)."
        found = events(text)
        assert [(e["kind"], e["date"]) for e in found] == [("attack", "2023-06-10")]
        assert set(found[0]["countries"]) == {"Iran", "Israel"}

    def test_a_speech_given_by_video_link_is_a_statement_not_a_call(self):
        text = "Presiden Volodymyr Zelensky berpidato secara virtual di hadapan para diplomat pada Senin (12/6)."
        assert ("statement", "2023-06-12") in summary(text)
        assert ("call", "2023-06-12") not in summary(text)

    def test_a_summit_named_again_with_a_relative_clause_is_the_same_summit(self):
        text = (
            "Para pemimpin G20 membuka KTT di Nusa Dua, Bali, pada Senin (12/6). "
            "KTT yang berlangsung 12-13 Juni itu dibayangi perang di Ukraina."
        )
        assert [kind for kind, _ in summary(text)].count("summit") == 1

    def test_a_peace_conference_in_switzerland_is_a_summit(self):
        text = "Konferensi perdamaian untuk Ukraina digelar di Bürgenstock, Swiss, pada 15-16 Juni."
        found = [e for e in events(text) if e["kind"] == "summit"]
        assert [e["date"] for e in found] == ["2023-06-15"]
        assert {"Ukraine", "Switzerland"} <= set(found[0]["countries"])

    def test_tariffs_imposed_are_a_sanction(self):
        text = "Amerika Serikat mengenakan tarif tambahan terhadap barang-barang China pada Selasa (13/6)."
        assert summary(text) == [("sanction", "2023-06-13")]


class TestRulings:
    def test_a_court_ruling_that_is_an_other_event_with_the_court_as_party(self):
        text = "Mahkamah Arbitrase Permanen pada 12 Juli memutuskan bahwa klaim China atas perairan itu tidak sah."
        found = events(text)
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2022-07-12")]
        assert {"Permanent Court of Arbitration", "China"} <= set(found[0]["actors"])

    def test_deciding_to_do_something_is_no_ruling(self):
        text = "Indonesia memutuskan untuk bergabung dengan BRICS pada Senin (12/6)."
        assert ("other", "2023-06-12") not in summary(text)


class TestContextDates:
    def test_a_few_hours_later_is_the_same_day(self):
        text = (
            "Wang Yi bertemu Sergey Lavrov di Jakarta pada Kamis (15/6). "
            "Beberapa jam kemudian, Wang Yi juga bertemu Menteri Luar Negeri AS Antony Blinken."
        )
        assert sorted(e["actors"][-1] for e in events(text) if e["date"] == "2023-06-15") == [
            "Antony Blinken",
            "Sergey Lavrov",
        ]

    def test_the_same_day_as_named_talks_dates_what_follows_not_new_talks(self):
        text = (
            "Vladimir Putin bertemu utusan AS Steve Witkoff di Kremlin pada Rabu (14/6). "
            "Pada hari yang sama dengan pertemuan Witkoff, Amerika Serikat mengenakan tarif tambahan "
            "terhadap barang-barang India."
        )
        assert summary(text) == [("meeting", "2023-06-14"), ("sanction", "2023-06-14")]

    def test_in_those_talks_dates_what_the_talks_brought(self):
        text = (
            "Xi Jinping dan Vladimir Putin menggelar pembicaraan melalui telepon pada Senin (12/6). "
            "Dalam pembicaraan itu, keduanya menandatangani perpanjangan perjanjian kerja sama energi."
        )
        assert ("agreement", "2023-06-12") in summary(text)


class TestPeriods:
    def test_the_same_month_is_the_month_told_before_even_after_since(self):
        text = (
            "Uni Eropa menjatuhkan sanksi terhadap pejabat Rusia sejak Maret, "
            "menyusul aneksasi Krimea oleh Rusia pada bulan yang sama."
        )
        assert ("invasion", "2023-03") in summary(text)

    def test_the_same_year_is_the_year_told_before(self):
        text = (
            "Putin mengunjungi Beijing pada Mei 2019. Pada tahun yang sama, Rusia dan China menggelar "
            "patroli udara bersama pertama di atas Laut Jepang."
        )
        assert ("exercise", "2019") in summary(text)

    def test_a_sanction_told_since_a_month_began_then(self):
        text = "Amerika Serikat menjatuhkan sanksi terhadap bank-bank Rusia sejak Maret."
        assert summary(text) == [("sanction", "2023-03")]

    def test_an_exercise_measured_since_a_year_is_no_event_of_that_year(self):
        text = "Rusia dan China menggelar latihan terbesar sejak 2018 di Laut Jepang."
        assert ("exercise", "2018") not in summary(text)


class TestPlans:
    def test_talks_that_a_scheduled_trip_leads_to_are_planned_too(self):
        text = (
            "Joko Widodo dijadwalkan melanjutkan lawatan ke Tokyo untuk bertemu Perdana Menteri Jepang "
            "Fumio Kishida pada Rabu (21/6)."
        )
        found = [e for e in events(text) if e["kind"] == "meeting"]
        assert found and all(e["modality"] == "planned" for e in found)


class TestReferences:
    def test_a_reference_to_an_announcement_not_yet_dated_takes_the_day(self):
        text = (
            "Indonesia resmi menjadi anggota penuh BRICS. Pengumuman itu disampaikan pemerintah Brasil, "
            "yang memimpin BRICS tahun ini, pada Senin (12/6)."
        )
        assert summary(text) == [("statement", "2023-06-12")]

    def test_a_reference_to_a_sanction_already_dated_adds_no_second_one(self):
        text = (
            "Amerika Serikat menjatuhkan sanksi terhadap bank-bank Rusia pada Senin (12/6). "
            "Sanksi tersebut dibahas lagi oleh Kongres AS pada Selasa (13/6)."
        )
        assert summary(text) == [("sanction", "2023-06-12")]


class TestClauses:
    def test_an_acronym_in_brackets_does_not_cut_off_the_parties(self):
        text = (
            "Kontrak itu diteken antara Gazprom dan China National Petroleum Corporation (CNPC) "
            "yang diteken pada Mei 2014."
        )
        found = events(text)
        assert [(e["kind"], e["date"]) for e in found] == [("agreement", "2014-05")]
        assert set(found[0]["countries"]) == {"Russia", "China"}


class TestAppositions:
    def test_a_closing_date_reaches_back_across_a_list_of_appositions(self):
        text = (
            "Amerika Serikat menjatuhkan sanksi terhadap Rosoboronexport, eksportir senjata milik negara Rusia, "
            "serta direkturnya, Alexander Mikheev, pada Kamis, 15 Juni 2023."
        )
        assert summary(text) == [("sanction", "2023-06-15")]


class TestActors:
    def test_the_international_criminal_court_is_a_party(self):
        text = "Mahkamah Pidana Internasional menerbitkan surat perintah penangkapan untuk Putin pada 17 Maret."
        found = events(text)
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2023-03-17")]
        assert "International Criminal Court" in found[0]["actors"]

    def test_a_warrant_for_him_dates_the_court_action_in_a_since_clause(self):
        text = (
            "Ini kunjungan pertama Putin ke luar negeri sejak Mahkamah Pidana Internasional "
            "mengeluarkan surat perintah penangkapannya pada Maret."
        )
        found = [e for e in events(text) if e["kind"] == "other"]
        assert [e["date"] for e in found] == ["2023-03"]
        assert "International Criminal Court" in found[0]["actors"]

    def test_the_indonesian_armed_forces_stand_for_indonesia(self):
        text = "TNI dan Angkatan Laut Rusia membuka latihan bersama di Surabaya pada Senin (5/6)."
        found = events(text)
        assert [(e["kind"], e["date"]) for e in found] == [("exercise", "2023-06-05")]
        assert set(found[0]["countries"]) == {"Indonesia", "Russia"}


class TestSharedSubject:
    def test_a_when_clause_without_subject_takes_the_main_clause_person(self):
        text = "Presiden Rusia Vladimir Putin memuji China saat bertemu Presiden Xi Jinping di Astana pada Juli."
        found = [e for e in events(text) if e["kind"] == "meeting"]
        assert found and set(found[0]["countries"]) == {"Russia", "China"}

    def test_an_opening_after_clause_takes_the_person_who_follows(self):
        text = "Setelah singgah di Astana, Kazakhstan, pada Senin (12/6), Putin tiba di Beijing, Selasa (13/6/2023)."
        stop = [e for e in events(text) if e["date"] == "2023-06-12"]
        assert stop and set(stop[0]["countries"]) == {"Russia", "Kazakhstan"}

    def test_a_city_names_the_country_visited(self):
        text = "Kanselir Jerman Olaf Scholz tiba di Chongqing pada Selasa (13/6)."
        found = [e for e in events(text) if e["kind"] == "visit"]
        assert found and set(found[0]["countries"]) == {"Germany", "China"}


class TestOpenerPhrases:
    def test_a_short_since_phrase_does_not_keep_the_date_from_its_trigger(self):
        text = (
            "Rusia memulai latihan militer terbesarnya sejak Perang Dingin, Zapad, di wilayah barat pada Senin (12/6)."
        )
        assert ("exercise", "2023-06-12") in summary(text)


class TestLaterReports:
    def test_a_dateless_report_of_the_same_exercise_adds_the_missing_party(self):
        text = (
            "Rusia membuka latihan militer besar-besaran di Siberia pada Senin (12/6). "
            "Untuk pertama kalinya, tentara China ikut dalam latihan Rusia tersebut."
        )
        found = [e for e in events(text) if e["kind"] == "exercise"]
        assert [e["date"] for e in found] == ["2023-06-12"]
        assert set(found[0]["countries"]) == {"Russia", "China"}

    def test_a_report_after_another_exercise_is_about_that_one(self):
        text = (
            "Rusia menggelar latihan militer di Siberia pada Senin (12/6). "
            "Belarus dan Serbia menggelar latihan militer di Minsk pada Selasa (13/6). "
            "Untuk pertama kalinya, tentara China ikut dalam latihan tersebut."
        )
        drills = {e["date"]: set(e["countries"]) for e in events(text) if e["kind"] == "exercise"}
        assert drills["2023-06-12"] == {"Russia"}


class TestGroupWords:
    def test_the_two_countries_are_the_two_named_just_before(self):
        text = (
            "Jepang memprotes China dan Rusia setelah pesawat pengebom kedua negara terbang bersama "
            "di dekat Okinawa pada Selasa (13/6)."
        )
        found = [e for e in events(text) if e["kind"] == "exercise"]
        assert found and {"China", "Russia"} <= set(found[0]["countries"])

    def test_a_carried_patrol_leaves_its_parties_for_the_next_patrol(self):
        text = (
            "Pembom Rusia dan China menggelar patroli udara bersama di atas Laut Jepang pada Rabu (14/6). "
            "Patroli sebelumnya digelar pada Mei lalu, saat para pemimpin G7 bertemu di Hiroshima. "
            "Patroli udara gabungan pertama kali digelar pada Juli 2019."
        )
        first = [e for e in events(text) if e["kind"] == "exercise" and e["date"] == "2019-07"]
        assert first and set(first[0]["countries"]) == {"Russia", "China"}


class TestSubjectPronouns:
    def test_ia_before_the_trigger_is_the_person_told_about_before(self):
        text = (
            "Perdana Menteri India Narendra Modi tiba di Beijing pada Selasa (13/6). "
            "Sebelumnya, ia bertemu Putin di Moskwa pada Senin (12/6), langkah yang dikritik para pemimpin Uni Eropa."
        )
        talks = [e for e in events(text) if e["kind"] == "meeting"]
        assert talks and {"India", "Russia"} <= set(talks[0]["countries"])

    def test_ia_after_a_name_in_the_same_sentence_is_that_person(self):
        text = "Menurut Kremlin, Putin mengatakan ia bertemu Xi Jinping di Beijing pada Senin (12/6)."
        talks = [e for e in events(text) if e["kind"] == "meeting"]
        assert talks and set(talks[0]["countries"]) == {"Russia", "China"}

