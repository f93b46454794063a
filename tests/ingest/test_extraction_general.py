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
