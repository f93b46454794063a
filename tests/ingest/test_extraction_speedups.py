"""The shortcuts that make extraction fast must never change what it finds."""

import datetime
import re

from ingest.extraction import dates_absolute, dates_resolve, kinds, sentences
from ingest.extraction.dates import find_dates
from ingest.extraction.dates_lexicon import load_lexicon, words
from ingest.extraction.gazetteer import Gazetteer
from ingest.extraction.kinds import find_triggers
from ingest.extraction.lexicons import load_lexicon as load_lexicon_kinds
from ingest.extraction.regex_starts import (
    build_alternation_scan,
    build_char_class,
    build_multi_scan,
    find_case_sensitive_starts,
    find_first_chars,
    find_prefixes,
    fold,
    folded_guard,
    may_match,
)


class TestFindFirstChars:
    def test_a_word_starts_with_its_first_letter(self):
        assert find_first_chars("phone call") == {"p"}

    def test_an_optional_prefix_also_lets_the_next_part_start(self):
        assert find_first_chars(r"(?:tele)?phone") == {"t", "p"}

    def test_a_lookbehind_before_the_word_takes_no_character(self):
        assert find_first_chars(r"(?<!\w)(?:visit|tour)(?!\w)") == {"v", "t"}

    def test_a_digit_class_is_kept_as_a_class(self):
        first = find_first_chars(r"\d+-(?:й|м) пакет|пакет")
        assert first == {r"\d", "п"}

    def test_a_pattern_that_may_start_anywhere_gives_none(self):
        assert find_first_chars(r".+ summit") is None
        assert find_first_chars(r"[^a]bc") is None

    def test_a_pattern_that_may_match_nothing_gives_none(self):
        assert find_first_chars(r"(?:talks)?") is None

    def test_a_broken_pattern_gives_none_instead_of_raising(self):
        assert find_first_chars("(unclosed") is None

    def test_the_class_matches_every_case_of_the_letters_under_ignorecase(self):
        pattern = re.compile(build_char_class(find_first_chars(r"(?:tele)?phone")), re.IGNORECASE)
        assert all(pattern.match(char) for char in "tTpP")
        assert not pattern.match("x")


class TestFindPrefixes:
    def test_a_word_gives_its_first_letters_folded(self):
        assert find_prefixes("Phone call", re.IGNORECASE, 4) == {"phon"}

    def test_optional_parts_and_alternatives_give_each_way_in(self):
        assert find_prefixes(r"(?<!\w)(?:(?:state )?visit|met)(?!\w)", re.IGNORECASE, 4) == {"stat", "visi", "met"}

    def test_a_class_that_does_not_tell_its_letters_stops_the_prefix_there(self):
        assert find_prefixes(r"ab\w+ cd", re.IGNORECASE, 4) == {"ab"}
        assert find_prefixes(r"x.y", re.IGNORECASE, 4) == {"x"}

    def test_a_pattern_with_an_unknown_first_letter_or_an_empty_match_gives_none(self):
        assert find_prefixes(r"\d+-й пакет", re.IGNORECASE, 4) is None
        assert find_prefixes(r"(?:talks)?", re.IGNORECASE, 4) is None

    def test_every_text_a_pattern_matches_starts_with_one_of_its_prefixes(self):
        source = r"(?:tele)?phone (?:call|talk)s?|[Vv]ideo ?link|会谈|x{0,2}y"
        prefixes = find_prefixes(source, re.IGNORECASE, 3)
        for text in ("Telephone calls", "PHONE TALK", "videolink", "Video link", "会谈", "xxy", "y"):
            assert re.fullmatch(source, text, re.IGNORECASE)
            assert any(fold(text[:3]).startswith(prefix) for prefix in prefixes), text

    def test_a_first_letter_read_case_sensitively_is_kept_as_written(self):
        assert find_case_sensitive_starts(r"(?-i:[A-C])\w* drills", re.IGNORECASE) == {"A", "B", "C"}
        assert find_case_sensitive_starts(r"(?-i:A)|b", re.IGNORECASE) is None
        assert find_case_sensitive_starts(r"drills", re.IGNORECASE) is None

    def test_fold_takes_the_letters_ignorecase_takes_as_one(self):
        assert fold("MEET") == "meet"
        assert fold("İSTANBUL") == fold("istanbul")
        assert fold("ſ") == fold("s") and fold("Σ") == fold("ς")


class TestMultiScan:
    def test_each_pattern_gets_the_matches_its_own_finditer_gives(self):
        sources = [r"(?<!\w)(?:day before)(?!\w)", r"(?<!\w)(?:the day)(?!\w)", r"(?<!\w)(?:day|days)(?!\w)"]
        text = "The day before, the DAY before that, days passed; the day."
        scan = build_multi_scan(sources, re.IGNORECASE, r"(?<!\w)")
        found = sorted((i, m.span()) for i, m in scan.find_each(text))
        expected = sorted((i, m.span()) for i, s in enumerate(sources) for m in re.finditer(s, text, re.IGNORECASE))
        assert found == expected and len(found) == 9

    def test_an_alternation_keeps_the_branch_order_of_a_plain_finditer(self):
        sources = [r"\bafter\b", r"\bdays after\b", ",", r" - ", r"\bAs part of\b"]
        text = "Two DAYS AFTER the drill, as part of talks - and after that, days after."
        found = [m.span() for _, m in build_alternation_scan(sources, re.IGNORECASE).find_each(text)]
        assert found == [m.span() for m in re.finditer("|".join(sources), text, re.IGNORECASE)]
        assert len(found) == 7

    def test_a_text_without_any_pattern_gives_nothing(self):
        assert build_multi_scan(["pekan lalu", "hari itu"], re.IGNORECASE).find_each("Tidak ada apa-apa.") == []

    def test_folded_sources_are_scanned_case_sensitively_with_the_same_matches(self):
        sources = [r"(?<!\w)(?:sehari sebelumnya)(?!\w)", r"(?<!\w)(?:pada hari yang sama)(?!\w)"]
        scan = build_multi_scan(sources, re.IGNORECASE, r"(?<!\w)")
        assert scan.folded_scan is not None
        for text in [
            "SEHARI SEBELUMNYA, Lavrov tiba. Pada Hari yang Sama, Wang Yi bicara; sehari sebelumnya pun.",
            "İstanbul: sehari sebelumnya diplomat bertemu, pada hari yang sama İran menjawab.",  # İ folds to two
            "Disehari sebelumnya tidak ada; PADA HARI YANG SAMA ada.",
        ]:
            found = sorted((i, m.span()) for i, m in scan.find_each(text))
            expected = sorted(
                (i, m.span()) for i, s in enumerate(sources) for m in re.finditer(s, text, re.IGNORECASE)
            )
            assert found == expected and found

    def test_a_source_with_capitals_keeps_the_case_blind_scan(self):
        scan = build_multi_scan([r"(?<!\w)(?:\W*day after)(?!\w)", r"(?<!\w)Moskva"], re.IGNORECASE, r"(?<!\w)")
        assert scan.folded_scan is None
        assert [m.group() for _, m in scan.find_each("a DAY AFTER in moskva")] == ["DAY AFTER", "moskva"]


class TestSentenceEnds:
    def test_a_run_of_marks_ends_one_sentence_and_abbreviations_do_not(self):
        text = "Putin met Xi... They signed a deal?! Then Mr. Lavrov spoke.\u2026 Wang Yi replied."
        assert [s.text for s in sentences.split_sentences(text, "en")] == [
            "Putin met Xi...",
            "They signed a deal?!",
            "Then Mr. Lavrov spoke.\u2026",
            "Wang Yi replied.",
        ]

    def test_a_long_run_of_dots_is_one_end(self):
        text = "Awal" + "." * 5000 + " Akhir kalimat."
        found = [s.text for s in sentences.split_sentences(text, "id")]
        assert found[-1] == "Akhir kalimat." and found[0].startswith("Awal.")  # the rest: MAX_SENTENCE pieces


class TestTriggerScan:
    def test_triggers_are_found_whatever_their_case_and_place(self):
        found = find_triggers("PHONE CALL between the leaders. Then a summit; (visit) too.", "en")
        assert [t.kind for t in found] == ["call", "summit", "visit"]

    def test_the_longer_of_two_triggers_starting_apart_wins(self):
        found = find_triggers("Kedua pemimpin menggelar pertemuan virtual pada Senin.", "id")
        assert [(t.kind, t.text) for t in found] == [("call", "pertemuan virtual")]

    def test_triggers_sharing_their_first_letters_are_each_tried(self):
        found = find_triggers("Mereka bertemu, lalu menggelar latihan bersama dan menandatangani perjanjian.", "id")
        assert [t.kind for t in found] == ["meeting", "exercise", "agreement", "agreement"]

    def test_a_trigger_starting_with_a_capitalised_name_is_found_only_after_a_capital(self):
        found = find_triggers("Russia held Vostok exercises; the ships joined other exercises.", "en")
        assert [(t.kind, t.text) for t in found] == [("exercise", "Vostok exercises"), ("exercise", "exercises")]

    def test_chinese_triggers_are_found_without_word_boundaries(self):
        assert [t.kind for t in find_triggers("习近平与普京通电话。", "zh")] == ["call"]


class TestLowerCasedAliasScan:
    def test_mentions_are_those_of_the_case_blind_pattern_in_any_casing(self):
        gazetteer = Gazetteer.default()
        text = "PRESIDEN RUSIA Vladimir Putin bertemu presiden china xi jinping; Menlu RI Retno di Moskow."
        for language in ("id", "en", "ru"):
            matchers = gazetteer._matchers_for(language)
            assert any(m.lowered is not None for m in matchers)
            for variant in (text, text.upper(), text.lower(), text.title(), "Путин и СИ ЦЗИНЬПИН в Москве"):
                fast = gazetteer.find_mentions(variant, language)
                saved = [m.lowered for m in matchers]
                try:
                    for matcher in matchers:
                        matcher.lowered = None  # the case-blind pattern on the text as written
                    assert fast == gazetteer.find_mentions(variant, language)
                finally:
                    for matcher, lowered in zip(matchers, saved, strict=True):
                        matcher.lowered = lowered

    def test_text_whose_lower_case_is_longer_keeps_its_offsets(self):
        text = "İstanbul: Presiden Rusia Vladimir Putin tiba."
        mentions = Gazetteer.default().find_mentions(text, "id")
        putin = next(m for m in mentions if m.actor == "Vladimir Putin")
        assert text[putin.start : putin.end] == "Vladimir Putin"


class TestFuzzyAliasLookup:
    def test_an_alias_split_over_two_lines_still_names_its_actor(self):
        mentions = Gazetteer.default().find_mentions("Vladimir\nPutin spoke.", "en")
        assert [m.actor for m in mentions if m.kind == "actor"] == ["Vladimir Putin"]

    def test_a_declined_russian_name_names_its_actor(self):
        mentions = Gazetteer.default().find_mentions("Си Цзиньпин встретился с Путиным.", "ru")
        assert "Vladimir Putin" in [m.actor for m in mentions]


class TestProvisionalDateReadings:
    def test_month_words_are_read_by_dateparser_once_per_language_not_per_date(self):
        dates_resolve.month_words_read.cache_clear()
        dates_absolute.clear_cache()
        published = datetime.datetime(2023, 3, 1, 9, 0)
        text = "Kunjungan pada 24 Februari 2022, pertemuan 3 Februari 2023, dan latihan pada Februari 2021."
        found = find_dates(text, published=published, language="id")
        assert [(m.expression, m.value) for m in found] == [
            ("24 Februari 2022", "2022-02-24"),
            ("3 Februari 2023", "2023-02-03"),
            ("Februari 2021", "2021-02"),
        ]
        month_words = {word.lower() for word in load_lexicon("id")["months"]}
        assert dates_absolute.parse_cached.cache_info().misses == len(month_words)  # one question per word
        find_dates("Latihan dimulai pada 25 Agustus 2005 dan berakhir Mei 2006.", published=published, language="id")
        assert dates_absolute.parse_cached.cache_info().misses == len(month_words)  # none for later articles

    def test_a_date_matched_three_ways_is_one_mention_and_one_dateparser_call(self):
        dates_absolute.clear_cache()
        published = datetime.datetime(2022, 3, 1, 9, 0)
        found = find_dates("双方于2022年2月24日举行会谈。", published=published, language="zh")
        assert [(m.expression, m.value) for m in found] == [("2022年2月24日", "2022-02-24")]
        assert dates_absolute.parse_cached.cache_info().misses == 1  # not '2022年2月', not '2月24日'

    def test_the_month_table_is_what_dateparser_reads_for_each_word(self):
        table = dates_resolve.month_words_read("id", "DMY")
        assert table["februari"] == 2 and table["agustus"] == 8
        for word, month in table.items():
            reading = dates_absolute.read_absolute(f"{word} 2000", language="id", precision="month", year_given=False)
            assert month == (reading.month if reading else None)

    def test_a_day_that_does_not_exist_leaves_the_month(self):
        published = datetime.datetime(2022, 7, 1, 9, 0)
        found = find_dates("Rapat itu digelar pada 31 Juni 2022.", published=published, language="id")
        assert [(m.expression, m.value, m.precision) for m in found] == [("Juni 2022", "2022-06", "month")]

    def test_all_digit_dates_are_computed_without_dateparser_and_agree_with_it(self):
        dates_absolute.clear_cache()
        published = datetime.datetime(2022, 7, 1, 9, 0)
        text = "Pertemuan pada 15/6/2022, lalu 3.7.2022 dan 2022-06-16; bukan 31/2/2022."
        found = find_dates(text, published=published, language="id")
        assert [(m.expression, m.value) for m in found] == [
            ("15/6/2022", "2022-06-15"),
            ("3.7.2022", "2022-07-03"),
            ("2022-06-16", "2022-06-16"),
        ]
        assert dates_absolute.parse_cached.cache_info().misses == 0
        for expression, day in (("15/6/2022", 15), ("3/7/2022", 3)):
            reading = dates_absolute.read_absolute(expression, language="id", precision="day")
            assert reading is not None and reading.day == day
        assert dates_absolute.read_absolute("31/2/2022", language="id", precision="day") is None


class TestWordsAsTrie:
    def test_the_trie_matches_what_the_longest_first_alternation_matched(self):
        items = ["sep", "sept", "september", "awal", "awal tahun", "akhir", "minggu lalu", "minggu"]
        flat = "|".join(
            re.escape(form).replace(r"\ ", r"\s+")
            for form in sorted(
                {v for item in items for v in (item, item.upper(), item.title(), item[:1].upper() + item[1:])},
                key=len,
                reverse=True,
            )
        )
        text = "Sept. 15, September, SEP 2; awal  tahun ini, Awal Tahun, AWAL, minggu lalu dan Minggu Lalu; sept-ember"
        for tail in ("", r"(?!\w)", r"\s+\d+", r"\b\s*(?:ini|lalu)?"):
            ours = re.compile(f"{words(items)}{tail}")
            reference = re.compile(f"(?:{flat}){tail}")
            assert [m.span() for m in ours.finditer(text)] == [m.span() for m in reference.finditer(text)]


class TestClauseMarkers:
    SENTENCES = {
        "en": "Xi met Putin on Monday, after talks in Moscow; WHEN asked, Peskov said (briefly) that nothing changed",
        "id": "Putin tiba pada Senin, Setelah itu ia bertemu Xi (foto) meskipun hujan, SEJAK pagi di mana pun",
        "ru": "Путин встретился с Си в понедельник, КОТОРЫЙ прибыл в Москву после того как ЗАВЕРШИЛ визит",
        "zh": "习近平与普京会谈，此前双方通电话；但未签署协议",
    }

    def test_the_lower_cased_scan_finds_what_the_case_blind_alternation_finds(self):
        for language, sentence in self.SENTENCES.items():
            markers = load_lexicon_kinds(language).get("clause_markers")
            reference = re.compile("|".join(markers), re.IGNORECASE)
            for variant in (sentence, sentence.upper(), sentence.lower(), sentence.title()):
                expected = [m.span() for m in reference.finditer(variant)]
                assert [m.span() for m in sentences._clause_markers(variant, language)] == expected

    def test_a_sentence_whose_lower_case_is_longer_keeps_its_offsets(self):
        sentence = "İstanbul, where Xi met Putin"
        assert [m.span() for m in sentences._clause_markers(sentence, "en")] == [(8, 9), (10, 15)]


class TestCalledOffAfter:
    SENTENCES = {
        "en": [
            " in Beijing on Monday was later called off, officials said.",
            " between Wang and Lavrov were postponed. They met in May.",
            " but the visit was cancelled; the talks went ahead.",
            " that had been postponed last year began on Monday, and the drills were not called off.",
        ],
        "id": [
            " di Jakarta pada Senin akhirnya dibatalkan karena cuaca.",
            " yang ditunda tahun lalu digelar, namun latihan lain batal.",
            " tetapi kunjungan itu ditunda: menurut pejabat, KTT batal.",
        ],
    }

    def test_the_two_part_search_answers_as_the_one_regex_did(self):
        answers = set()
        for language, texts in self.SENTENCES.items():
            cues = kinds._cue_patterns(language)
            for sentence in texts:
                for start in range(len(sentence)):
                    after = sentence[start:]
                    expected = bool(cues["neg_clause_after"].search(after))
                    assert kinds._called_off_after(after, cues) == expected, (language, after)
                    answers.add(expected)
        assert answers == {True, False}


class TestGuardStrings:
    def test_a_pattern_is_skipped_only_where_it_cannot_match(self):
        pattern = re.compile(r"(?<!\w)(?P<month>(?:pada |di )?bulan yang sama)(?!\w)|(?<!\w)tahun yang sama", re.I)
        assert set(folded_guard(pattern)) == {"bulan yang sama", "tahun yang sama"}
        texts = [
            "Latihan itu digelar pada Maret. Pada Bulan Yang Sama, Rusia menggelar parade.",
            "PADA TAHUN YANG SAMA keduanya bertemu.",
            "Pada bulan yang lalu, keduanya bertemu; tahun yang samar.",
            "Tidak ada apa-apa di sini.",
            "İstanbul: pada bulan yang sama.",
        ]
        for text in texts:
            if pattern.search(text):
                assert may_match(pattern, text), text
        assert not may_match(pattern, texts[3])
        assert may_match(pattern, texts[2])  # "tahun yang sama" is there, though no match follows

    def test_patterns_without_a_required_string_are_always_tried(self):
        assert folded_guard(re.compile(r"\d+\s+\w+")) is None
        assert may_match(re.compile(r"\d+\s+\w+"), "apa saja")
