"""Lexicon breadth of the two kinds found too rarely on fresh text, agreement and other: the common verbs and
noun phrases news uses for a deal ratified, approved or struck, and for a pipeline opened, forces put on alert,
a ceasefire declared, a referendum held, a first cargo delivered or imports allowed. Sentences written for these
tests (other wording, other events). No database."""

import datetime

from tests.ingest.contract_readers import readers

PUBLISHED = datetime.datetime(2025, 3, 12, 12, 0, tzinfo=datetime.UTC)  # a Wednesday

events, shown = readers(PUBLISHED)


class TestRatifiedAndApprovedAgreements:
    def test_english_law_ratifying_a_treaty(self):
        found = events("Putin signed the law ratifying the treaty with North Korea on Monday.", "en")
        assert [(e["kind"], e["date"]) for e in found] == [("agreement", "2025-03-10")]
        assert {"Russia", "North Korea"} <= set(found[0]["countries"])

    def test_english_approved_a_roadmap(self):
        text = "Lavrov and Wang Yi approved a roadmap for military cooperation on Monday."
        assert shown(text, "en") == [("agreement", "2025-03-10", "asserted")]

    def test_english_initialled_pact(self):
        text = "Japan and the Philippines initialled a reciprocal access pact on Monday."
        assert shown(text, "en") == [("agreement", "2025-03-10", "asserted")]

    def test_indonesian_meratifikasi(self):
        text = "Indonesia dan Singapura meratifikasi perjanjian ekstradisi pada Selasa (11/3)."
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("agreement", "2025-03-11")]
        assert {"Indonesia", "Singapore"} <= set(found[0]["countries"])

    def test_indonesian_menyetujui_peta_jalan(self):
        text = "Menlu Indonesia dan Menlu Vietnam menyetujui peta jalan kemitraan strategis pada Senin (10/3)."
        assert shown(text, "id") == [("agreement", "2025-03-10", "asserted")]

    def test_a_ratification_still_awaited_is_not_an_agreement_signed(self):
        text = "Parlemen Rusia belum meratifikasi perjanjian dengan Iran hingga Selasa (11/3)."
        assert [e for e in events(text, "id") if e["kind"] == "agreement" and e["modality"] == "asserted"] == []


class TestOtherEventsByTheirCommonVerbs:
    def test_english_forces_put_on_alert(self):
        text = "Kim Jong Un put North Korea's artillery units on combat readiness against South Korea on Tuesday."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2025-03-11")]
        assert "North Korea" in found[0]["countries"]

    def test_indonesian_forces_put_on_alert(self):
        text = "Presiden Korea Selatan memerintahkan militer negaranya dalam status siaga penuh pada Senin (10/3)."
        assert shown(text, "id") == [("other", "2025-03-10", "asserted")]

    def test_english_ceasefire_takes_effect(self):
        text = "A truce between Thailand and Cambodia took effect at midnight on Monday."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2025-03-10")]
        assert {"Thailand", "Cambodia"} <= set(found[0]["countries"])

    def test_indonesian_ceasefire_in_force(self):
        text = "Gencatan senjata antara India dan Pakistan di Kashmir resmi berlaku pada Sabtu (8/3)."
        assert shown(text, "id") == [("other", "2025-03-08", "asserted")]

    def test_indonesian_ceasefire_one_side_declares_is_a_statement_as_in_english(self):
        text = "Presiden Rusia Vladimir Putin mengumumkan gencatan senjata sepihak di Ukraina pada Senin (10/3)."
        assert [e["kind"] for e in events(text, "id")] == ["statement"]

    def test_english_ceasefire_agreed(self):
        text = "Armenia and Azerbaijan agreed a ceasefire in Nagorno-Karabakh on Tuesday."
        assert shown(text, "en") == [("agreement", "2025-03-11", "asserted")]

    def test_english_bridge_opened(self):
        text = "The first road bridge between Russia and China opened on Monday."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2025-03-10")]
        assert {"Russia", "China"} <= set(found[0]["countries"])

    def test_indonesian_bridge_opened_after_a_long_description(self):
        text = (
            "Jembatan kereta api kedua yang menghubungkan Tiongkok dan Rusia di atas Sungai Amur resmi dibuka "
            "pada Senin (10/3)."
        )
        assert shown(text, "id") == [("other", "2025-03-10", "asserted")]

    def test_indonesian_referendum_held(self):
        text = "Rusia menggelar referendum di wilayah Ukraina yang didudukinya pada Selasa (11/3)."
        found = events(text, "id")
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2025-03-11")]
        assert {"Russia", "Ukraine"} <= set(found[0]["countries"])

    def test_english_first_cargo_delivered(self):
        text = "Qatar delivered its first cargo of liquefied gas to Germany on Monday."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2025-03-10")]
        assert {"Qatar", "Germany"} <= set(found[0]["countries"])

    def test_indonesian_first_shipment_arrives(self):
        text = "Kiriman perdana minyak mentah Rusia tiba di India pada Senin (10/3)."
        assert shown(text, "id") == [("other", "2025-03-10", "asserted")]

    def test_english_imports_allowed(self):
        text = "Beijing lifted its ban on imports of Japanese seafood on Monday."
        found = events(text, "en")
        assert [(e["kind"], e["date"]) for e in found] == [("other", "2025-03-10")]
        assert {"China", "Japan"} <= set(found[0]["countries"])

    def test_indonesian_imports_allowed(self):
        text = "China mengizinkan impor jagung dari Brasil pada Senin (10/3)."
        assert shown(text, "id") == [("other", "2025-03-10", "asserted")]

    def test_english_joined_as_a_full_member(self):
        text = "Indonesia joined the New Development Bank as a full member on Monday."
        assert shown(text, "en") == [("other", "2025-03-10", "asserted")]

    def test_forces_not_put_on_alert_is_no_event(self):
        text = "Moscow has not put its nuclear forces on alert, the Kremlin said on Monday."
        assert [e for e in events(text, "en") if e["kind"] == "other"] == []
