"""Phrasing classes of the weak kinds (statement, other, sanction) found by reading the extractor's errors on
all the tuning sets at once (tests/corpus, tests/holdout..holdout4), tested with sentences written for these
tests (other wording, other events). No database."""

import datetime

from tests.ingest.contract_readers import readers

PUBLISHED = datetime.datetime(2025, 3, 12, 12, 0, tzinfo=datetime.UTC)  # a Wednesday

events, shown = readers(PUBLISHED)


class TestVetoes:
    def test_the_security_council_has_its_full_name(self):
        found = events("The United States vetoed a draft resolution on Gaza in the Security Council on Monday.", "en")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-10")]
        assert "United Nations Security Council" in found[0]["actors"]

    def test_indonesian_passive_diveto(self):
        text = (
            "Rancangan resolusi tentang Suriah di Dewan Keamanan PBB gagal disahkan karena diveto Rusia, Senin (10/3)."
        )
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-10")]
        assert {"Russia", "United Nations Security Council"} <= set(found[0]["actors"])

    def test_indonesian_hak_veto(self):
        text = (
            "Amerika Serikat menggunakan hak veto di Dewan Keamanan PBB pada Selasa (11/3) untuk menggagalkan resolusi."
        )
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-11")]
        assert "United States" in found[0]["actors"]

    def test_english_passive_vetoed_by(self):
        text = "A draft condemning the coup in Myanmar was vetoed by China in the Security Council on Monday."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-10")]
        assert "China" in found[0]["actors"]


class TestOfficialStatements:
    def test_indonesian_written_statement_of_a_ministry(self):
        text = (
            "Dalam keterangan tertulis pada Senin (10/3), Kemlu menyatakan Indonesia tetap menghormati "
            "kedaulatan Ukraina."
        )
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-10")]
        assert "Indonesia" in found[0]["countries"]

    def test_indonesian_announcement_through_an_official_statement(self):
        text = "Keputusan itu diumumkan Malaysia melalui pernyataan resmi pada Selasa (11/3)."
        assert shown(text, "id") == [("statement", "2025-03-11", "asserted")]

    def test_indonesian_speech_before_parliament(self):
        text = "Presiden Prancis Emmanuel Macron berpidato di hadapan parlemen Indonesia di Jakarta, Senin (10/3)."
        assert shown(text, "id") == [("statement", "2025-03-10", "asserted")]

    def test_indonesian_wish_to_join(self):
        text = "Menlu Thailand menyampaikan keinginan negaranya untuk bergabung dengan OECD pada Selasa (11/3)."
        assert shown(text, "id") == [("statement", "2025-03-11", "asserted")]

    def test_english_said_in_a_statement(self):
        text = "Japan's foreign ministry said in a statement on Monday that it regretted North Korea's missile launch."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-10")]
        assert {"Japan", "North Korea"} <= set(found[0]["countries"])


class TestThreatenedSanctions:
    def test_a_threat_of_sanctions_is_a_statement_not_a_sanction(self):
        found = shown("On Monday, Washington threatened Iran with new sanctions over its nuclear programme.", "en")
        assert found == [("statement", "2025-03-10", "asserted")]

    def test_or_face_sanctions_with_a_deadline_dates_the_telling(self):
        text = "Early last month, the EU gave Belarus a deadline of March 20 to free detainees or face more sanctions."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-02")]
        assert {"European Union", "Belarus"} <= set(found[0]["actors"])

    def test_indonesian_mengancam_sanksi(self):
        text = "Uni Eropa mengancam akan menjatuhkan sanksi terhadap Georgia pada Selasa (11/3)."
        found = events(text, "id")
        assert [e["kind"] for e in found] == ["statement"]
        assert "sanction" not in [e["kind"] for e in found]

    def test_imposed_sanctions_stay_sanctions(self):
        found = shown("Britain imposed sanctions on Iran's Revolutionary Guards on Monday.", "en")
        assert found == [("sanction", "2025-03-10", "asserted")]


class TestBansOnDealingsAreSanctions:
    def test_english_barred_from_doing_business_with(self):
        text = "On Monday, the U.S. Treasury barred Americans from doing business with Venezuela's state oil company."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("sanction", "2025-03-10")]
        assert {"United States", "Venezuela"} <= set(found[0]["countries"])

    def test_indonesian_melarang_bertransaksi_dengan(self):
        text = "Inggris pada Senin (10/3) melarang perusahaannya bertransaksi dengan bank-bank Iran."
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("sanction", "2025-03-10")]
        assert {"United Kingdom", "Iran"} <= set(found[0]["countries"])


class TestVotesOnResolutions:
    def test_indonesian_country_supporting_a_resolution(self):
        text = (
            "Malaysia termasuk di antara 93 negara yang mendukung resolusi Majelis Umum PBB yang menangguhkan "
            "Rusia dari Dewan HAM, Kamis (6/3)."
        )
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("statement", "2025-03-06")]
        assert {"Malaysia", "Russia"} <= set(found[0]["countries"])

    def test_indonesian_rejecting_a_resolution(self):
        text = "Korea Utara menolak resolusi Majelis Umum PBB tentang Ukraina pada Senin (10/3)."
        assert shown(text, "id") == [("statement", "2025-03-10", "asserted")]
