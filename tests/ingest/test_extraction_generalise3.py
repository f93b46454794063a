"""Phrasing classes found by reading the extractor's errors on the held-out sets (tests/holdout2, tests/holdout3),
tested with sentences written for these tests. No database."""

import datetime

from tests.ingest.contract_readers import readers

PUBLISHED = datetime.datetime(2025, 3, 12, 12, 0, tzinfo=datetime.UTC)  # a Wednesday

events, shown = readers(PUBLISHED)


class TestAPhraseNamingTheEventAnotherIsTimedBy:
    def test_a_day_between_the_phrase_and_the_talks_dates_the_talks(self):
        text = "On Monday, ahead of the ASEAN summit, Anwar Ibrahim and Prabowo Subianto met in Kuala Lumpur."
        assert ("meeting", "2025-03-10", "asserted") in shown(text, "en")

    def test_the_phrase_may_open_the_sentence(self):
        text = "Two days before the summit, on Monday, Emmanuel Macron met Narendra Modi in Paris."
        met = [e for e in events(text, "en") if e["kind"] == "meeting"]
        assert [e["date"] for e in met] == ["2025-03-10"]
        assert set(met[0]["countries"]) == {"France", "India"}

    def test_indonesian_sehari_sebelum_ktt(self):
        text = "Sehari sebelum KTT, Senin (10/3/2025), Prabowo dan Anwar Ibrahim bertemu di Putrajaya."
        met = [e for e in events(text, "id") if e["kind"] == "meeting"]
        assert [e["date"] for e in met] == ["2025-03-10"]

    def test_a_phrase_telling_more_than_its_trigger_keeps_its_day(self):
        text = "Setelah singgah di Hanoi, Vietnam, pada Senin (10/3), Prabowo tiba di Beijing, Selasa (11/3)."
        visits = sorted(e["date"] for e in events(text, "id") if e["kind"] == "visit")
        assert visits == ["2025-03-10", "2025-03-11"]


class TestDemandsAndWarnings:
    def test_demanding_that_sanctions_be_lifted_is_a_statement_not_a_sanction(self):
        text = "Iran on Monday demanded that the European Union lift the penalties it placed on its airline."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-10")]
        assert set(found[0]["actors"]) == {"Iran", "European Union"}

    def test_a_warning_that_is_a_statement(self):
        text = "Marco Rubio warned on Tuesday that Venezuelan officials would be held to account."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-11")]
        assert set(found[0]["countries"]) == {"United States", "Venezuela"}

    def test_warned_of_is_still_hypothetical(self):
        text = "Marco Rubio warned of sanctions on Venezuela on Tuesday."
        assert "statement" not in [e["kind"] for e in events(text, "en")]

    def test_indonesian_menuntut_agar(self):
        text = "Iran pada Senin (10/3) menuntut agar Uni Eropa mencabut sanksi terhadap maskapainya."
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-10")]


class TestAStatementAboutTheSanctionsToldBefore:
    def test_the_sanctions_name_the_party_that_imposed_them(self):
        text = (
            "Britain on Monday imposed sanctions on six Iranian officials. "
            "Iran's foreign ministry on Tuesday condemned the sanctions."
        )
        said = [e for e in events(text, "en") if e["kind"] == "statement"]
        assert [e["date"] for e in said] == ["2025-03-11"]
        assert set(said[0]["countries"]) == {"Iran", "United Kingdom"}

    def test_the_tariffs_after_a_firm_opposition(self):
        text = (
            "The United States on Monday ordered new tariffs on Canadian steel. "
            "Canada said on Tuesday it firmly opposes the tariffs."
        )
        said = [e for e in events(text, "en") if e["kind"] == "statement"]
        assert said and set(said[0]["countries"]) == {"Canada", "United States"}


class TestNumberedPackages:
    def test_an_ordinal_package_approved_is_a_sanction(self):
        text = "EU governments on Monday approved a 16th package targeting Russian shipping."
        assert [(e["kind"], e["date"]) for e in events(text, "en")] == [("sanction", "2025-03-10")]

    def test_a_month_dates_the_package(self):
        text = "The European Union passed the 15th package in December after weeks of haggling."
        assert [(e["kind"], e["date"]) for e in events(text, "en")] == [("sanction", "2024-12")]

    def test_an_aid_package_is_no_sanction(self):
        text = "The Senate on Monday approved a $60 billion aid package for Ukraine."
        assert "sanction" not in [e["kind"] for e in events(text, "en")]

    def test_indonesian_paket_ke(self):
        text = "Negara-negara anggota Uni Eropa mengesahkan paket ke-16 pada Senin (10/3)."
        assert [(e["kind"], e["date"]) for e in events(text, "id")] == [("sanction", "2025-03-10")]


class TestIndonesianBombersAndWarshipsTogether:
    def test_bombers_of_two_countries_flying_is_an_exercise(self):
        text = (
            "Jepang mengerahkan jet tempur setelah pesawat pengebom China dan Rusia melintas di dekat Okinawa "
            "pada Selasa (11/3)."
        )
        found = [e for e in events(text, "id") if e["kind"] == "exercise"]
        assert [e["date"] for e in found] == ["2025-03-11"]
        assert {"China", "Russia"} <= set(found[0]["countries"])

    def test_warships_sailing_together(self):
        text = "Kapal perang China dan Rusia berlayar bersama di Laut China Timur pada Selasa (11/3)."
        assert [(e["kind"], e["date"]) for e in events(text, "id")] == [("exercise", "2025-03-11")]


class TestIndonesianVisitsAndRepeats:
    def test_menyambangi_is_a_visit(self):
        text = "Prabowo menyambangi Kairo pada Senin (10/3) dan diterima Presiden Abdel Fattah el-Sisi."
        found = [e for e in events(text, "id") if e["kind"] == "visit"]
        assert [e["date"] for e in found] == ["2025-03-10"]
        assert set(found[0]["countries"]) == {"Indonesia", "Egypt"}

    def test_a_similar_patrol_earlier_is_another_patrol(self):
        text = (
            "Pesawat pengebom Rusia dan China terbang bersama di dekat Korea Selatan pada Selasa (11/3). "
            "Patroli serupa pernah digelar pada November 2024."
        )
        assert ("exercise", "2024-11", "asserted") in shown(text, "id")


class TestThatSameMorning:
    def test_that_same_morning_is_the_day_told_before(self):
        text = (
            "Xi Jinping hosted Vladimir Putin in Beijing on Monday. "
            "That same morning, Russia launched a massive drone attack on Ukraine."
        )
        assert ("attack", "2025-03-10", "asserted") in shown(text, "en")

    def test_on_the_same_evening(self):
        text = (
            "Xi Jinping hosted Vladimir Putin in Beijing on Monday. "
            "On the same evening, Russia launched a massive drone attack on Ukraine."
        )
        assert ("attack", "2025-03-10", "asserted") in shown(text, "en")

    def test_indonesian_malam_yang_sama(self):
        text = (
            "Xi Jinping menerima Vladimir Putin di Beijing pada Senin (10/3). "
            "Pada malam yang sama, Rusia melancarkan serangan drone besar-besaran ke Ukraina."
        )
        assert ("attack", "2025-03-10", "asserted") in shown(text, "id")


class TestTheDayOfAnElection:
    def test_an_election_day_does_not_date_the_meeting(self):
        text = (
            "Anwar Ibrahim received Prabowo in Putrajaya and congratulated him on his victory in the election "
            "on 14 February."
        )
        assert [e for e in events(text, "en") if e["date"] == "2025-02-14"] == []

    def test_indonesian_pemilihan_presiden(self):
        text = (
            "Anwar Ibrahim menerima Prabowo di Putrajaya dan memberi selamat atas kemenangannya dalam pemilihan "
            "presiden 14 Februari lalu."
        )
        assert [e for e in events(text, "id") if e["date"] == "2025-02-14"] == []

    def test_the_meeting_keeps_its_own_day(self):
        text = (
            "Anwar Ibrahim met Prabowo in Putrajaya on Monday and congratulated him on his win in the election "
            "on 14 February."
        )
        assert [e["date"] for e in events(text, "en") if e["kind"] == "meeting"] == ["2025-03-10"]


class TestIndonesianForeignMinistry:
    def test_kemlu_speaks_for_indonesia(self):
        text = "Kemlu pada Selasa (11/3) mengecam serangan Israel di Gaza."
        found = [e for e in events(text, "id") if e["kind"] == "statement"]
        assert [e["date"] for e in found] == ["2025-03-11"]
        assert set(found[0]["countries"]) == {"Indonesia", "Israel"}


class TestAPointPhraseTakesNoDayFromItsNeighbour:
    def test_leaving_before_the_second_day_of_a_summit(self):
        text = "Lavrov left Kuala Lumpur on Monday night, before the second day of the ASEAN summit."
        assert [e for e in events(text, "en") if e["kind"] == "summit"] == []

    def test_indonesian_sebelum_hari_kedua_ktt(self):
        text = "Sugiono sudah meninggalkan Kuala Lumpur pada Senin malam, sebelum hari kedua KTT ASEAN."
        assert [e for e in events(text, "id") if e["kind"] == "summit"] == []


class TestASummitNamedByItsCity:
    def test_indonesian_ktt_and_city(self):
        text = "Para pemimpin BRICS menggelar KTT Johannesburg pada Agustus 2023."
        found = [e for e in events(text, "id") if e["kind"] == "summit"]
        assert found and "South Africa" in found[0]["countries"]

    def test_english_city_before_summit(self):
        text = "BRICS leaders gathered for the Kazan summit in October 2024."
        found = [e for e in events(text, "en") if e["kind"] == "summit"]
        assert found and "Russia" in found[0]["countries"]


class TestSeparateTalks:
    def test_separate_talks_are_one_meeting_with_each(self):
        text = "Xi Jinping held separate talks with Anwar Ibrahim and Prabowo Subianto on Monday."
        met = sorted(tuple(e["countries"]) for e in events(text, "en") if e["kind"] == "meeting")
        assert met == [("China", "Indonesia"), ("China", "Malaysia")]

    def test_indonesian_secara_terpisah(self):
        text = "Xi Jinping secara terpisah bertemu Anwar Ibrahim dan Prabowo Subianto pada Senin (10/3)."
        met = sorted(tuple(e["countries"]) for e in events(text, "id") if e["kind"] == "meeting")
        assert met == [("China", "Indonesia"), ("China", "Malaysia")]

    def test_talks_of_three_without_the_cue_stay_one(self):
        text = "Xi Jinping held talks with Anwar Ibrahim and Prabowo Subianto on Monday."
        assert len([e for e in events(text, "en") if e["kind"] == "meeting"]) == 1


class TestTheDecisionWasAnnouncedOn:
    def test_the_day_the_decision_was_announced_dates_the_sanction_before_it(self):
        text = (
            "Australia and New Zealand agreed to impose new sanctions on Iranian banks. "
            "The decision was announced in a joint statement on Monday."
        )
        assert [(e["kind"], e["date"]) for e in events(text, "en")] == [("sanction", "2025-03-10")]

    def test_indonesian_keputusan_itu_diumumkan(self):
        text = (
            "Australia dan Selandia Baru sepakat menjatuhkan sanksi baru terhadap bank-bank Iran. "
            "Keputusan itu diumumkan dalam pernyataan bersama pada Senin (10/3)."
        )
        assert [(e["kind"], e["date"]) for e in events(text, "id")] == [("sanction", "2025-03-10")]

    def test_without_the_cue_the_next_day_is_not_borrowed(self):
        text = (
            "Australia and New Zealand agreed to impose new sanctions on Iranian banks. "
            "Their leaders spoke on Monday about trade."
        )
        assert [e for e in events(text, "en") if e["kind"] == "sanction"] == []


class TestASpeechByVideoIsNoCall:
    def test_addressing_leaders_by_video_link(self):
        text = "Zelensky addressed the G7 leaders by video link on Tuesday."
        assert [e["kind"] for e in events(text, "en")] == ["statement"]

    def test_indonesian_pidato_secara_virtual(self):
        text = "Presiden Prabowo menyampaikan pidato secara virtual kepada para pemimpin ASEAN pada Selasa (11/3)."
        assert [e["kind"] for e in events(text, "id")] == ["statement"]

    def test_two_leaders_speaking_by_video_is_still_a_call(self):
        text = "Xi and Putin spoke by video link on Tuesday."
        assert [e["kind"] for e in events(text, "en")] == ["call"]


class TestLeadersNamedInTheGazetteer:
    def test_a_planned_meeting_with_the_uae_president(self):
        text = "Prabowo dijadwalkan terbang ke Abu Dhabi pada Jumat (14/3) untuk bertemu Presiden Mohamed bin Zayed."
        met = [e for e in events(text, "id") if e["kind"] == "meeting"]
        assert met and set(met[0]["countries"]) == {"Indonesia", "United Arab Emirates"}

    def test_heads_of_government_by_surname(self):
        text = "Meloni met Milei in Rome on Monday."
        met = [e for e in events(text, "en") if e["kind"] == "meeting"]
        assert met and set(met[0]["countries"]) == {"Italy", "Argentina"}


class TestPostsOnSocialMedia:
    def test_indonesian_quote_written_on_an_account(self):
        text = '"Hentikan kekerasan sekarang juga," tulis Prabowo melalui akun Instagram resminya pada Senin (10/3).'
        assert [(e["kind"], e["date"]) for e in events(text, "id")] == [("statement", "2025-03-10")]

    def test_english_post_on_telegram(self):
        text = '"We will not give up our land," Zelensky said in a post on Telegram on Monday.'
        assert [(e["kind"], e["date"]) for e in events(text, "en")] == [("statement", "2025-03-10")]


class TestABirthdayIsNoDayOfTheTrip:
    def test_indonesian_genap_berusia(self):
        text = (
            "Prabowo, yang pada 17 Oktober lalu genap berusia 73 tahun, menempuh perjalanan panjang dalam "
            "lawatan ke Kairo ini."
        )
        assert [e for e in events(text, "id") if e["date"] and e["date"].endswith("-10-17")] == []


class TestTheTalksCameAs:
    def test_the_context_of_the_talks_gives_them_no_other_date(self):
        text = (
            "Xi Jinping met Vladimir Putin in Moscow on Monday. "
            "The talks came as Ukrainian forces pushed into the Kursk region this month."
        )
        met = [(e["date"], tuple(e["countries"])) for e in events(text, "en") if e["kind"] == "meeting"]
        assert met == [("2025-03-10", ("China", "Russia"))]

    def test_came_two_days_after_still_dates(self):
        text = "Xi Jinping met Vladimir Putin in Moscow on Monday. The talks came two days after a call with Trump."
        assert [e["date"] for e in events(text, "en") if e["kind"] == "meeting"] == ["2025-03-10"]


class TestAnInvasionSinceADay:
    def test_indonesian_invasion_told_with_sejak(self):
        text = "Israel menginvasi Lebanon selatan sejak 1 Oktober 2024."
        assert [(e["kind"], e["date"]) for e in events(text, "id")] == [("invasion", "2024-10-01")]


class TestASummitWhereTwoLeadersMet:
    def test_met_again_at_a_summit_is_the_meeting(self):
        text = "Xi and Putin met again at a BRICS summit in Kazan in October."
        assert [(e["kind"], e["date"]) for e in events(text, "en")] == [("meeting", "2024-10")]

    def test_indonesian_bertemu_dalam_ktt(self):
        text = "Xi dan Putin kembali bertemu dalam KTT BRICS di Kazan pada Oktober 2024."
        assert [(e["kind"], e["date"]) for e in events(text, "id")] == [("meeting", "2024-10")]

    def test_a_summit_told_alone_is_still_a_summit(self):
        text = "BRICS leaders gathered for a summit in Kazan in October."
        assert [e["kind"] for e in events(text, "en")] == ["summit"]


class TestMoreWaysToObject:
    def test_expressed_dissatisfaction_with_curbs(self):
        text = "Beijing on Monday expressed strong dissatisfaction with the Dutch export curbs."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-10")]
        assert set(found[0]["countries"]) == {"China", "Netherlands"}

    def test_deplored(self):
        text = "Canada deplored the new American tariffs on Monday."
        assert ("statement", "2025-03-10", "asserted") in shown(text, "en")

    def test_indonesian_menyampaikan_keberatan(self):
        text = "Kemlu pada Senin (10/3) menyampaikan keberatan atas keputusan Australia."
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-10")]
        assert set(found[0]["countries"]) == {"Indonesia", "Australia"}


class TestAMilitaryOperationLaunchedIntoACountry:
    def test_english_ground_operation_into(self):
        text = "Israel launched a ground operation into Lebanon on 1 October 2024."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("invasion", "2024-10-01")]
        assert set(found[0]["countries"]) == {"Israel", "Lebanon"}

    def test_indonesian_memulai_operasi_militer_sejak_dates_the_same_day(self):
        text = (
            "Israel memulai operasi militer ke Lebanon sejak 1 Oktober 2024. "
            "Pada hari yang sama, Presiden Prabowo menyerukan gencatan senjata."
        )
        assert shown(text, "id") == [("invasion", "2024-10-01", "asserted"), ("statement", "2024-10-01", "asserted")]


class TestCountriesTheGazetteerLacked:
    def test_demonyms_and_names(self):
        text = "Belgian and Danish ministers met in Copenhagen on Monday."
        met = [e for e in events(text, "en") if e["kind"] == "meeting"]
        assert met and set(met[0]["countries"]) == {"Belgium", "Denmark"}

    def test_indonesian_names(self):
        text = "Menlu Sugiono bertemu Menlu Yordania di Amman pada Senin (10/3)."
        met = [e for e in events(text, "id") if e["kind"] == "meeting"]
        assert met and set(met[0]["countries"]) == {"Indonesia", "Jordan"}


class TestACountryLeftOutOfASummit:
    def test_not_invited_is_no_party(self):
        text = "Russia was not invited to the summit that Saudi Arabia and Ukraine will hold in June."
        found = [e for e in events(text, "en") if e["kind"] == "summit"]
        assert found and set(found[0]["countries"]) == {"Saudi Arabia", "Ukraine"}

    def test_an_invited_country_stays(self):
        text = "Russia was invited to the summit that Saudi Arabia and Ukraine will hold in June."
        found = [e for e in events(text, "en") if e["kind"] == "summit"]
        assert found and "Russia" in found[0]["countries"]
