"""Statements on fresh text (quality round 8): a reaction that names only its speaker is about the event told
just before it; "said it opposed", "hit back", "menyampaikan kekhawatiran" and "mengatakan ... menentang" are
statements. Sentences written for these tests (other wording, other events). No database."""

import datetime

from tests.ingest.contract_readers import readers

PUBLISHED = datetime.datetime(2025, 3, 14, 12, 0, tzinfo=datetime.UTC)  # a Friday

events, shown = readers(PUBLISHED)


def statements(text, language):
    return [e for e in events(text, language) if e["kind"] == "statement"]


class TestReactionIsAboutTheEventToldBefore:
    def test_english_said_it_opposed_takes_the_parties_of_the_sanctions(self):
        text = (
            "Japan imposed export controls on three Indian chemical makers on Wednesday. "
            "India's commerce ministry said on Thursday it opposed measures that had no basis in trade rules."
        )
        found = statements(text, "en")
        assert [e["date"] for e in found] == ["2025-03-13"]
        assert {"India", "Japan"} <= set(found[0]["countries"])

    def test_english_hit_back_takes_the_parties_of_the_event_before(self):
        text = (
            "Australia imposed sanctions on two Brazilian meat exporters on Tuesday over forged health papers. "
            "Brazil's agriculture ministry hit back on Wednesday."
        )
        found = statements(text, "en")
        assert [e["date"] for e in found] == ["2025-03-12"]
        assert {"Brazil", "Australia"} <= set(found[0]["countries"])

    def test_a_planned_vote_does_not_borrow_parties(self):
        text = (
            "Vietnamese President Luong Cuong met Japanese Prime Minister Shigeru Ishiba in Hanoi on Thursday. "
            "The U.N. General Assembly is expected to vote on Friday on a resolution condemning the blockade."
        )
        assert [e for e in statements(text, "en") if e["date"] == "2025-03-14"] == []

    def test_a_statement_naming_both_parties_keeps_its_own(self):
        text = (
            "Japan imposed export controls on three Indian chemical makers on Wednesday. "
            "Indonesia criticised Malaysia on Thursday over the fishing dispute."
        )
        found = statements(text, "en")
        assert [e["date"] for e in found] == ["2025-03-13"]
        assert "Japan" not in found[0]["countries"]


class TestIndonesianStatementWords:
    def test_conveyed_concern_to_two_capitals(self):
        text = (
            'Pemerintah Korea Selatan menyampaikan "kekhawatiran mendalam" kepada Tokyo dan Manila melalui jalur '
            "diplomatik, kata Menteri Luar Negeri Cho Tae-yul, Rabu (12/3/2025)."
        )
        found = statements(text, "id")
        assert [e["date"] for e in found] == ["2025-03-12"]
        assert {"South Korea", "Japan"} <= set(found[0]["countries"])

    def test_said_the_country_opposes(self):
        text = (
            "Dalam konferensi pers pada Selasa (11/3/2025), Perdana Menteri Anwar Ibrahim mengatakan Malaysia "
            "menentang rencana pembangunan pangkalan militer asing di Laut China Selatan oleh Filipina."
        )
        found = statements(text, "id")
        assert [e["date"] for e in found] == ["2025-03-11"]
        assert "Malaysia" in found[0]["countries"]
