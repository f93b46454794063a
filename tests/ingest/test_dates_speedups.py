"""The shortcuts that make the date scan fast must never change what it finds."""

import datetime
import json
import re
from pathlib import Path

import pytest

from ingest.extraction.dates import find_dates, grammar_for
from ingest.extraction.dates_lexicon import LANGUAGES, load_lexicon, lookup, one_space
from ingest.extraction.dates_resolve import Context, future_markers, prefer_at
from ingest.extraction.regex_starts import build_pattern_scan

ROOT = Path(__file__).resolve().parents[2]

SAMPLES = {
    "en": [
        "On Monday, 24 February 2022 (24/2/2022) and on June 15, 2022 they met; in early 2021, in the 1990s, "
        "last week, 3 days ago, Q1 2023, the first quarter of 2023, 2014-2022, from March to May 2020, "
        "10-12 April 2023, April 10-12, 2023, 2022-06-15, in winter 2022, at the end of the year. 2022",
        "May 2022",
        "x15/6/2022 123/4/2022 1990s2020 COVID-19 Olympics 2024, in 2020 and 2021",
    ],
    "id": [
        "Pada Rabu (15/6/2022), 24 Februari 2022, awal Februari 2023, pekan lalu, tiga hari lalu, kuartal "
        "pertama 2023, tahun 2014-2022, 20-22 Maret 2023, Maret hingga Mei 2020, musim dingin 2022, akhir "
        "tahun, sejak 1990-an, saat ini, kemarin. Senin",
        "İstanbul, Senin (13/4): pada 2020 İran menjawab, 12.05.2022 dan 12.5.22",
    ],
    "ru": [
        "В понедельник, 24 февраля 2022 года, в январе 2022 года, в прошлом году, три дня назад, через два дня, "
        "в 1990-е, весной 2022 года, в первом квартале 2023 года, 10-12 апреля 2023 года, с 2014 по 2022 год",
    ],
    "zh": [
        "2022年2月24日，去年3月，上周三，三天前，2023年第一季度，上世纪90年代，今年春天，本月初，昨天，目前，5日",
    ],
}


def corpus_texts(language: str) -> list[str]:
    """The corpus texts of `language` (a few kept short), and the samples."""
    texts = list(SAMPLES[language])
    for gold_path in sorted((ROOT / "tests" / "corpus").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.parent / gold["file"]
        if (gold.get("language") or "en") == language and text_path.exists():
            texts.append(text_path.read_text(encoding="utf-8"))
    return texts


def variants(text: str) -> list[str]:
    """The text as written, re-cased, with a date at its very start and end, and cut short."""
    return [text, text.upper(), text.lower(), text.title(), "2022 " + text + " 2022", text[:40], text[-40:]]


def plain_matches(grammar, text: str) -> list[tuple]:
    """Every pattern's matches as its own finditer finds them, with no pre-check and no shared scan."""
    return sorted(
        (priority, match.span(), match.groupdict())
        for priority, (pattern, *_) in enumerate(grammar.patterns)
        for match in pattern.finditer(text)
    )


class TestOneScanForThePatterns:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_each_pattern_gets_the_matches_its_own_finditer_gives(self, language):
        grammar = grammar_for(language)
        for text in corpus_texts(language):
            for variant in variants(text):
                found = sorted((p, m.span(), m.groupdict()) for p, m in grammar.matches(variant))
                assert found == plain_matches(grammar, variant), variant[:80]

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_patterns_of_the_one_scan_are_the_unguarded_ones_with_rare_first_characters(self, language):
        grammar = grammar_for(language)
        _, together, alone = grammar.scan
        assert sorted(together + alone) == list(range(len(grammar.patterns)))
        assert together, "the digit patterns at least"
        for priority in together:
            _, _, _, needs, core = grammar.patterns[priority]
            assert not needs and core is None

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_empty_and_dateless_texts_give_nothing(self, language):
        grammar = grammar_for(language)
        for text in ("", " ", "x", "ИИ", "İ"):
            assert list(grammar.matches(text)) == []
            assert find_dates(text, published=datetime.datetime(2022, 6, 15), language=language) == []

    def test_a_reference_back_to_a_group_is_kept_by_the_pattern_itself(self):
        numeric = re.compile(r"(?P<a>\d)(?P<sep>[/.-])(?P<b>\d)(?P=sep)(?P<c>\d)")
        month = re.compile(r"(?P<a>J)an")
        scan = build_pattern_scan([numeric, month])
        found = [(index, match.group(), match["a"]) for index, match in scan.find_each("1/2.3 1/2/3 Jan 4-5-6")]
        assert found == [(0, "1/2/3", "1"), (1, "Jan", "J"), (0, "4-5-6", "4")]

    def test_matches_of_one_pattern_do_not_overlap_as_with_finditer(self):
        pattern = re.compile(r"\d\d?/\d\d?")
        scan = build_pattern_scan([pattern])
        text = "12/34/56 1/2/3"
        assert [m.span() for _, m in scan.find_each(text)] == [m.span() for m in pattern.finditer(text)]

    def test_a_pattern_that_may_start_anywhere_is_refused(self):
        with pytest.raises(ValueError):
            build_pattern_scan([re.compile(r".x")])


class TestReadersShortcuts:
    def test_one_space_is_the_regex_it_replaces(self):
        texts = ["monday", "last  week", "last\nweek", " tahun lalu ", "3rd", "i̇stanbul", "İ", "", "ДНЕЙ", "本月"]
        for text in texts:
            for variant in (text, text.upper(), text.title()):
                assert one_space(variant) == re.sub(r"\s+", " ", variant), variant

    def test_lookup_finds_an_entry_whatever_its_case_spacing_and_full_stop(self):
        table = {"last week": 1, "monday": 2, "sept": 3}
        assert [lookup(table, key) for key in ("Last \n Week", "MONDAY", "Sept.", "İ", "")] == [1, 2, 3, None, None]

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_tense_of_a_sentence_is_read_as_by_the_plain_search(self, language):
        def plain(ctx, start):
            reach = max(0, start - 1000)
            sentence_start = max(reach, max(ctx.text.rfind(mark, reach, start) for mark in ".!?。\n") + 1)
            markers = future_markers(ctx.lex.get("language", ""))
            return "future" if markers and markers.search(ctx.text, sentence_start, start) else "past"

        for text in corpus_texts(language)[:12]:
            for variant in (text, text.upper(), "." + text + "."):
                ctx = Context(variant, datetime.date(2022, 6, 15), "2022-06-15", "auto", load_lexicon(language))
                for start in list(range(0, len(variant) + 1, 7)) + [len(variant)]:
                    assert prefer_at(ctx, start) == plain(ctx, start)
