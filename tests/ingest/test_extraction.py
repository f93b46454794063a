"""Extraction one-liners: text in, events out. No database."""

import datetime

from ingest.extraction import EXTRACTOR_VERSION, detect_language, extract

WIB = datetime.timezone(datetime.timedelta(hours=7))
PUBLISHED = datetime.datetime(2022, 6, 15, 21, 1, tzinfo=WIB)


def events(text, language, published=PUBLISHED):
    return [c.to_contract() for c in extract(text, published=published, language=language)]


def kinds(text, language, published=PUBLISHED):
    return [e["kind"] for e in events(text, language, published)]


class TestKinds:
    def test_it_reads_a_phone_call_in_indonesian(self):
        found = events(
            "Presiden China Xi Jinping berbicara dengan Vladimir Putin melalui telepon pada Rabu (15/6/2022).", "id"
        )
        assert [(e["kind"], e["date"], e["precision"]) for e in found] == [("call", "2022-06-15", "day")]

    def test_it_reads_a_meeting_in_english(self):
        assert kinds("Xi Jinping met Vladimir Putin in Beijing on February 4.", "en") == ["meeting"]

    def test_it_reads_joint_drills(self):
        assert kinds("China and Russia began joint naval drills in the Sea of Japan on Monday.", "en") == ["exercise"]

    def test_it_reads_sanctions(self):
        assert kinds("The United States imposed sanctions on Chinese firms helping Russia on Tuesday.", "en") == [
            "sanction"
        ]

    def test_it_carries_plover_type_and_mode(self):
        call = events("Xi Jinping and Vladimir Putin held a phone call on Wednesday.", "en")[0]
        assert call["plover"] == {"type": "CONSULT", "mode": "phone"}

    def test_it_stamps_the_extractor_version(self):
        call = events("Xi Jinping and Vladimir Putin held a phone call on Wednesday.", "en")[0]
        assert call["extractor_version"] == EXTRACTOR_VERSION


class TestPrecisionRules:
    def test_it_skips_undated_sentences(self):
        assert events("Sejauh ini, China menolak untuk mengutuk invasi Rusia ke Ukraina.", "id") == []

    def test_it_needs_a_known_actor(self):
        assert events("The two neighbours held talks on Monday.", "en") == []

    def test_it_ignores_read_also_lines(self):
        assert events("Baca juga: Xi Jinping bertemu Putin pada Rabu (15/6/2022).", "id") == []

    def test_it_keeps_a_month_when_the_text_gives_a_month(self):
        found = events("Sebelumnya, Xi sempat bertemu Putin secara langsung di Beijing pada Februari.", "id")
        assert [(e["date"], e["precision"]) for e in found] == [("2022-02", "month")]

    def test_it_binds_a_since_clause_date_to_its_own_event(self):
        text = (
            "Percakapan itu panggilan telepon kedua antara Xi dan Putin "
            "sejak Rusia melancarkan invasi ke Ukraina pada 24 Februari."
        )
        assert [(e["kind"], e["date"]) for e in events(text, "id")] == [("invasion", "2022-02-24")]

    def test_it_attaches_an_undated_restatement_as_evidence(self):
        text = (
            "Xi Jinping berbicara dengan Vladimir Putin melalui telepon pada Rabu (15/6/2022).\n"
            "Percakapan telepon antara Xi dan Putin itu berlangsung hangat."
        )
        found = events(text, "id")
        assert len(found) == 1
        assert len(found[0]["sources"]) == 2

    def test_it_does_not_date_an_event_with_a_period_start(self):
        assert (
            events("Relations between Russia and China have been warm since 2001 and trade deals followed.", "en") == []
        )


class TestContextDates:
    def test_the_same_day_counts_from_the_last_event(self):
        text = (
            "Xi Jinping bertemu Vladimir Putin di Moskwa pada Senin (13/6/2022).\n"
            "Pada hari yang sama, Xi Jinping bertemu Mikhail Mishustin."
        )
        assert sorted(e["date"] for e in events(text, "id")) == ["2022-06-13", "2022-06-13"]

    def test_a_day_earlier_counts_back(self):
        text = "Xi Jinping met Vladimir Putin on 13 June 2022.\nA day earlier, Xi Jinping met Mikhail Mishustin."
        assert sorted(e["date"] for e in events(text, "en")) == ["2022-06-12", "2022-06-13"]

    def test_since_a_date_when_dates_the_when_clause(self):
        text = "It was their first meeting since November 2019, when Xi Jinping met Vladimir Putin in Brasilia."
        assert [(e["kind"], e["date"]) for e in events(text, "en")] == [("meeting", "2019-11")]

    def test_a_referenced_event_takes_no_new_date(self):
        text = (
            "China dan Rusia menggelar latihan militer bersama pada Senin (13/6/2022).\n"
            "Latihan tersebut dibahas pada 2018."
        )
        assert [e["date"] for e in events(text, "id")] == ["2022-06-13"]

    def test_a_hypothetical_attack_is_no_event(self):
        assert events("On Monday, Joe Biden said the US would defend Taiwan if China attacked it.", "en") == []


class TestNegation:
    def test_did_not_meet_gives_no_event(self):
        assert events("Xi Jinping did not meet Vladimir Putin on Monday.", "en") == []

    def test_tidak_bertemu_gives_no_event(self):
        assert events("Xi Jinping tidak bertemu Vladimir Putin pada Senin (13/6/2022).", "id") == []

    def test_batal_berkunjung_gives_no_event(self):
        assert events("Putin batal berkunjung ke Beijing pada Senin (13/6/2022).", "id") == []

    def test_russian_negation_gives_no_event(self):
        assert events("Путин и Си Цзиньпин не встретились 13 июня.", "ru") == []

    def test_chinese_negation_gives_no_event(self):
        assert events("习近平6月13日没有会晤普京。", "zh") == []


class TestModality:
    def test_will_visit_is_planned(self):
        found = events("Vladimir Putin will visit Beijing on June 20.", "en")
        assert [e["modality"] for e in found] == ["planned"]

    def test_akan_berkunjung_resolves_the_date_forward(self):
        found = events("Putin akan berkunjung ke Beijing pada 20 Juni.", "id")
        assert [(e["modality"], e["date"]) for e in found] == [("planned", "2022-06-20")]

    def test_a_past_meeting_is_asserted(self):
        assert [e["modality"] for e in events("Xi Jinping met Vladimir Putin on Monday.", "en")] == ["asserted"]


class TestActors:
    def test_a_title_alone_resolves_by_the_event_date(self):
        text = "Presiden Rusia bertemu Presiden China Hu Jintao di Beijing pada 23 Mei 2008."
        assert events(text, "id")[0]["actors"] == ["Dmitry Medvedev", "Hu Jintao"]

    def test_the_same_title_later_is_someone_else(self):
        text = "Presiden Rusia bertemu Presiden China di Beijing pada 4 Februari 2022."
        assert events(text, "id")[0]["actors"] == ["Vladimir Putin", "Xi Jinping"]

    def test_people_map_to_their_countries(self):
        found = events("Xi Jinping met Vladimir Putin on Monday.", "en")
        assert found[0]["countries"] == ["China", "Russia"]

    def test_a_pronoun_carries_the_actor_over(self):
        text = (
            "Presiden Joko Widodo tiba di Moskwa pada Rabu (29/6/2022).\n"
            "Dia juga bertemu Vladimir Putin pada Kamis (30/6/2022)."
        )
        meeting = [e for e in events(text, "id", datetime.datetime(2022, 7, 1, tzinfo=WIB)) if e["kind"] == "meeting"]
        assert set(meeting[0]["countries"]) == {"Indonesia", "Russia"}

    def test_the_invader_is_the_initiator(self):
        found = events("Rusia melancarkan invasi ke Ukraina pada 24 Februari.", "id")
        roles = {r["name"]: r["role"] for r in found[0]["roles"]}
        assert roles == {"Russia": "initiator", "Ukraine": "target"}

    def test_acronyms_match_only_in_capitals(self):
        assert events("Menteri Luar Negeri AS bertemu Wang Yi pada Senin (13/6/2022).", "id")[0]["countries"] == [
            "United States",
            "China",
        ]
        assert "United States" not in events("Wang Yi met Lavrov as usual on Monday.", "en")[0]["countries"]

    def test_a_capital_after_a_locative_is_the_location(self):
        found = events("Xi Jinping met Vladimir Putin in Moscow on Monday.", "en")
        assert found[0]["location"] == "Moscow"


class TestLanguages:
    def test_russian_phone_call(self):
        found = events("Владимир Путин и Си Цзиньпин провели телефонный разговор 15 июня.", "ru")
        assert [(e["kind"], e["date"], e["countries"]) for e in found] == [("call", "2022-06-15", ["Russia", "China"])]

    def test_chinese_phone_call_without_spaces(self):
        found = events("6月15日，国家主席习近平同俄罗斯总统普京通电话。", "zh")
        assert [(e["kind"], e["date"]) for e in found] == [("call", "2022-06-15")]
        assert set(found[0]["countries"]) == {"China", "Russia"}

    def test_chinese_compound_names_both_countries(self):
        found = events("中俄两国海军6月12日在日本海举行联合演习。", "zh")
        assert [(e["kind"], set(e["countries"])) for e in found] == [("exercise", {"China", "Russia"})]


class TestDetectLanguage:
    def test_it_tells_indonesian_from_english(self):
        assert detect_language("China akan terus mendukung Rusia dalam hal kedaulatan dan keamanannya.") == "id"
        assert detect_language("China will keep supporting Russia on sovereignty and security.") == "en"

    def test_it_reads_scripts(self):
        assert detect_language("Путин и Си Цзиньпин провели телефонный разговор") == "ru"
        assert detect_language("习近平同俄罗斯总统普京通电话") == "zh"

    def test_too_little_text_is_unknown(self):
        assert detect_language("ok") is None


class TestBadInput:
    def test_empty_or_wrong_input_gives_nothing(self):
        assert extract("", published=None) == []
        assert extract(None, published=None) == []  # type: ignore[arg-type]

    def test_no_publication_date_still_reads_full_dates(self):
        found = events("Xi Jinping met Vladimir Putin in Beijing on 4 February 2022.", "en", published=None)
        assert [e["date"] for e in found] == ["2022-02-04"]
