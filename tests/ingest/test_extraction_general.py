"""Rules that must hold on any English or Indonesian news text, not only on the dev corpus. No database.

Sentences are written for these tests; each asserts what a reader of the timeline would see."""

import datetime

from ingest.extraction import extract

UTC = datetime.UTC
PUBLISHED = datetime.datetime(2023, 9, 14, 18, 0, tzinfo=UTC)  # a Thursday


def kinds(text, language, published=PUBLISHED):
    return sorted(c.to_contract()["kind"] for c in extract(text, published=published, language=language))


class TestCalledOffEventsEnglish:
    def test_an_event_cancelled_after_the_trigger_is_dropped(self):
        assert kinds("The visit by Sergei Lavrov to Beijing on Tuesday was cancelled at the last minute.", "en") == []

    def test_talks_between_two_named_parties_that_were_postponed_are_dropped(self):
        assert kinds("Talks between Wang Yi and Sergei Lavrov set for Tuesday were postponed.", "en") == []

    def test_a_summit_that_was_called_off_is_dropped(self):
        assert kinds("The planned summit of Vladimir Putin and Xi Jinping on Monday was called off.", "en") == []

    def test_not_travelling_negates_the_talks_told_later_in_the_clause(self):
        assert kinds("Vladimir Putin did not travel to Beijing on Monday for talks with Xi Jinping.", "en") == []

    def test_a_declined_invitation_is_no_visit(self):
        assert kinds("Putin declined Xi Jinping's invitation to the summit in Beijing on Tuesday.", "en") == []

    def test_pulling_out_of_a_summit_is_no_summit_for_them(self):
        assert kinds("Xi Jinping pulled out of the summit with Vladimir Putin on Tuesday.", "en") == []

    def test_a_cancellation_in_another_clause_leaves_the_meeting(self):
        text = "Vladimir Putin called off a trip to Paris, and he met Xi Jinping in Beijing on Tuesday."
        assert kinds(text, "en") == ["meeting"]

    def test_a_real_meeting_is_kept(self):
        assert kinds("Vladimir Putin met Xi Jinping in Beijing on Tuesday.", "en") == ["meeting"]


class TestCalledOffEventsIndonesian:
    def test_batal_menghadiri_drops_the_summit(self):
        assert kinds("Xi Jinping batal menghadiri KTT di Moskow bersama Vladimir Putin pada Selasa.", "id") == []

    def test_membatalkan_kunjungan_also_drops_the_meeting_it_was_for(self):
        text = "Putin membatalkan kunjungan ke Beijing untuk bertemu Xi Jinping pada Selasa (12/9)."
        assert kinds(text, "id") == []

    def test_ditunda_after_the_trigger_drops_the_meeting(self):
        assert kinds("Pertemuan Wang Yi dan Sergei Lavrov pada Selasa ditunda hingga bulan depan.", "id") == []

    def test_tidak_jadi_drops_the_visit(self):
        assert kinds("Kunjungan Putin ke China pada Selasa tidak jadi dilaksanakan.", "id") == []

    def test_a_cancelled_exercise_is_dropped(self):
        assert kinds("Latihan gabungan China dan Rusia yang dijadwalkan Selasa dibatalkan.", "id") == []

    def test_a_cancellation_in_a_later_clause_leaves_the_meeting(self):
        text = "Putin bertemu Xi Jinping di Beijing pada Selasa, sementara kunjungannya ke Paris dibatalkan."
        assert "meeting" in kinds(text, "id")


def summary(text, language, published=PUBLISHED):
    found = [c.to_contract() for c in extract(text, published=published, language=language)]
    return sorted((e["kind"], e["date"], tuple(sorted(e["countries"]))) for e in found)


class TestOpeningsAndMembershipsEnglish:
    def test_a_bridge_opened_to_traffic_is_an_other_event_of_its_day(self):
        found = summary("The first road bridge between China and Russia opened to traffic on June 10.", "en")
        assert found == [("other", "2023-06-10", ("China", "Russia"))]

    def test_a_border_crossing_that_was_opened_is_an_other_event(self):
        found = summary("The new border crossing between Russia and China was opened on Tuesday.", "en")
        assert found == [("other", "2023-09-12", ("China", "Russia"))]

    def test_a_reactor_beginning_to_operate_is_an_other_event(self):
        found = summary("The nuclear reactor that Russia built in China began operating on Tuesday.", "en")
        assert found == [("other", "2023-09-12", ("China", "Russia"))]

    def test_joining_a_bloc_is_an_other_event(self):
        assert kinds("Iran officially joined the Shanghai Cooperation Organisation on July 4.", "en") == ["other"]

    def test_a_government_announcing_that_is_a_statement(self):
        text = "On Tuesday, the Russian foreign ministry announced that China and Russia would deepen trade ties."
        assert kinds(text, "en") == ["statement"]

    def test_an_announced_agreement_stays_an_agreement_only(self):
        text = "Moscow and Beijing announced on Monday that they had signed an agreement on border trade."
        assert kinds(text, "en") == ["agreement"]


class TestOpeningsAndMembershipsIndonesian:
    def test_jembatan_dibuka_is_an_other_event_of_its_day(self):
        found = summary("Jembatan pertama antara Rusia dan China dibuka pada Selasa (12/9).", "id")
        assert found == [("other", "2023-09-12", ("China", "Russia"))]

    def test_a_pipeline_mulai_beroperasi_is_an_other_event(self):
        found = summary("Pipa gas dari Rusia ke China mulai beroperasi pada 2 Desember 2019.", "id")
        assert found == [("other", "2019-12-02", ("China", "Russia"))]

    def test_resmi_menjadi_anggota_penuh_is_an_other_event(self):
        assert kinds("Iran resmi menjadi anggota penuh SCO pada 4 Juli.", "id") == ["other"]

    def test_mengumumkan_bahwa_is_a_statement(self):
        text = "Kementerian Luar Negeri China pada Selasa mengumumkan bahwa China dan Rusia akan berpatroli bersama."
        assert kinds(text, "id") == ["statement"]

    def test_deciding_to_become_a_member_is_no_membership(self):
        assert kinds("Indonesia memutuskan untuk menjadi anggota penuh BRICS pada Senin (11/9).", "id") == []


class TestIntendedMembershipEnglish:
    def test_applying_to_become_a_member_is_no_membership(self):
        assert kinds("Indonesia applied to become a full member of BRICS on Monday.", "en") == []

    def test_having_become_a_member_is_an_other_event(self):
        assert kinds("Indonesia became a full member of BRICS on Monday.", "en") == ["other"]


class TestCancellationAsHistory:
    def test_a_postponement_told_in_a_relative_clause_leaves_the_meeting(self):
        text = "Xi Jinping bertemu Putin pada Selasa untuk membahas proyek pipa yang sempat ditunda."
        assert kinds(text, "id") == ["meeting"]

    def test_a_skip_told_in_a_yang_clause_leaves_the_meeting(self):
        assert kinds("Putin, yang batal hadir di KTT G20, bertemu Xi Jinping pada Selasa.", "id") == ["meeting"]

    def test_a_skip_before_but_leaves_the_meeting(self):
        text = "Vladimir Putin skipped the G20 summit in Bali, but met Xi Jinping in Beijing on Tuesday."
        assert kinds(text, "en") == ["meeting"]


class TestMoreCancellationForms:
    def test_not_expected_to_attend_drops_the_planned_summit(self):
        text = "Xi Jinping is not expected to attend the summit with Vladimir Putin in Moscow on Tuesday."
        assert kinds(text, "en") == []

    def test_talks_put_on_hold_are_dropped(self):
        assert kinds("The talks between Wang Yi and Lavrov on Tuesday were put on hold.", "en") == []

    def test_ditangguhkan_drops_the_meeting(self):
        assert kinds("Pertemuan Wang Yi dan Lavrov pada Selasa ditangguhkan.", "id") == []


class TestMoreStartingForms:
    def test_gas_beginning_to_flow_is_an_other_event(self):
        text = "Gas began flowing from Russia to China through the new pipeline on Monday."
        assert kinds(text, "en") == ["other"]

    def test_meluncurkan_pipa_is_an_other_event(self):
        assert kinds("Putin dan Xi meluncurkan pipa gas Power of Siberia pada Senin.", "id") == ["other"]


class TestPostponementRightAfterTheTrigger:
    def test_a_postponement_in_a_which_clause_leaves_the_exercise(self):
        text = "A joint naval exercise of China and Russia, which was postponed last year, began on Tuesday."
        assert kinds(text, "en") == ["exercise"]

    def test_a_plain_postponement_drops_the_exercise(self):
        assert kinds("A joint naval exercise of China and Russia was postponed on Tuesday.", "en") == []

    def test_sempat_ditunda_leaves_the_exercise(self):
        text = "Latihan gabungan China dan Rusia, yang sempat ditunda tahun lalu, dimulai pada Selasa."
        assert kinds(text, "id") == ["exercise"]


class TestLaunchedByVideoLink:
    def test_a_pipeline_launched_by_video_link_is_the_launch_not_a_call(self):
        text = "Putin and Xi launched the new gas pipeline by video link on Monday."
        assert kinds(text, "en") == ["other"]

    def test_talks_by_video_link_stay_a_call(self):
        assert kinds("Xi Jinping and Vladimir Putin held talks by video link on Monday.", "en") == ["call"]

    def test_meresmikan_melalui_tautan_video_is_the_launch(self):
        assert kinds("Putin dan Xi meresmikan pipa gas itu melalui tautan video pada Senin.", "id") == ["other"]


class TestAnnouncements:
    def test_an_announced_visit_is_the_visit_alone(self):
        text = "The Kremlin announced on Tuesday that Xi Jinping would visit Moscow next month."
        assert kinds(text, "en") == ["visit"]

    def test_a_dated_government_declaration_is_a_statement(self):
        assert kinds("Beijing declared on Tuesday that it would not supply weapons to Russia.", "en") == ["statement"]

    def test_menyatakan_pada_hari_bahwa_is_a_statement(self):
        text = "Kementerian Luar Negeri China menyatakan pada Selasa bahwa Beijing menentang sanksi terhadap Rusia."
        assert kinds(text, "id") == ["statement"]

    def test_mengumumkan_kunjungan_is_the_visit_alone(self):
        text = "Kremlin mengumumkan pada Selasa bahwa Xi Jinping akan mengunjungi Moskow bulan depan."
        assert kinds(text, "id") == ["visit"]


class TestWillNotAttend:
    def test_will_not_travel_for_a_summit_drops_the_summit(self):
        text = "Putin will not travel to Johannesburg for the BRICS summit with Xi Jinping, South Africa said."
        assert kinds(text, "en") == []

    def test_a_curly_apostrophe_negates_like_a_straight_one(self):
        assert kinds("Putin won’t travel to Beijing for talks with Xi Jinping on Tuesday.", "en") == []

    def test_tidak_akan_hadir_drops_the_summit(self):
        assert kinds("Xi Jinping tidak akan hadir dalam KTT bersama Putin di Moskow pada Selasa.", "id") == []

    def test_a_contracted_not_negates_the_meeting(self):
        assert kinds("Putin didn't meet Xi Jinping on Tuesday.", "en") == []

    def test_not_the_first_time_leaves_the_meeting(self):
        assert kinds("It wasn't the first time Putin met Xi Jinping on a Tuesday in Beijing.", "en") == ["meeting"]
