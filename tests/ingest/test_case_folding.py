"""Case-blind patterns run case-sensitively on folded text must match exactly where they matched before."""

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.extraction import kinds
from ingest.extraction.case_folding import folded_text, folded_twin

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_sentences(language: str) -> list[str]:
    found = []
    for gold_path in sorted(CORPUS.glob(f"{language}-*.gold.json")):
        text = (CORPUS / json.loads(gold_path.read_text(encoding="utf-8"))["file"]).read_text(encoding="utf-8")
        found += [line for line in text.splitlines() if line.strip()]
    return found


def recased(lines: list[str]) -> list[str]:
    """Each line as written, upper-cased and title-cased, plus letters whose fold is special."""
    extra = ["İstanbul'da AKAN bertemu", "ſanctions ſigned", "KELVIN \u212a talks", "Ваш ВИЗИТ не состоялся"]
    return [variant for line in lines for variant in (line, line.upper(), line.title())] + extra


class TestFoldedTwin:
    def test_a_lower_case_pattern_gets_a_case_sensitive_twin(self):
        twin = folded_twin(re.compile(r"(?<!\w)(?:akan|will)\s+\w+", re.IGNORECASE))
        assert twin is not None and not twin.flags & re.IGNORECASE

    def test_a_pattern_spelling_a_capital_has_none(self):
        assert folded_twin(re.compile(r"(?<!\w)Akan", re.IGNORECASE)) is None
        assert folded_twin(re.compile(r"[A-Z]\w+ talks", re.IGNORECASE)) is None

    def test_a_part_that_turns_the_flag_off_has_none(self):
        assert folded_twin(re.compile(r"(?-i:[a-z])\w* exercises", re.IGNORECASE)) is None

    def test_a_case_sensitive_pattern_has_none(self):
        assert folded_twin(re.compile(r"talks")) is None

    def test_a_text_folds_to_the_same_length(self):
        assert folded_text("Talks in Moscow") == "talks in moscow"
        assert folded_text("İstanbul") == "istanbul"  # str.lower() would give two characters for "İ"
        assert folded_text("") == ""


@pytest.mark.parametrize("language", ["en", "id", "ru", "zh"])
def test_every_cue_pattern_matches_the_same_spans_on_folded_text(language):
    patterns = kinds._cue_patterns(language)
    twins = kinds._folded_cue_patterns(language)
    assert twins is not None, "every cue pattern of the shipped lexicons has a twin"
    lines = recased(corpus_sentences(language))
    assert len(lines) > 100
    for name, pattern in patterns.items():
        for line in lines:
            folded = folded_text(line)
            if folded is None:
                continue
            expected = [m.span() for m in pattern.finditer(line)]
            assert [m.span() for m in twins[name].finditer(folded)] == expected, (name, line)


@pytest.mark.parametrize(
    "language, before, after",
    [
        ("en", "Putin did NOT ", " Xi in Beijing"),
        ("en", "The SUMMIT, which was expected to ", " on Monday, was CALLED OFF"),
        ("en", "If Russia ", "s, China will"),
        ("id", "Presiden TIDAK ", " Xi pada Senin"),
        ("id", "Jokowi AKAN ", " ke Moskwa, lalu dibatalkan"),
        ("id", "İstanbul'da menteri BATAL ", " Putin"),
        ("ru", "Путин НЕ ", " Си"),
        ("zh", "习近平将", "普京"),
    ],
)
def test_the_cue_checks_answer_the_same_on_folded_text(language, before, after):
    checks = [
        lambda b, a, **k: kinds.is_negated(b, a, language, **k),
        lambda b, a, **k: kinds.is_called_off(b, a, language, **k),
        lambda b, a, **k: kinds.is_planned(b, a, language, **k),
        lambda b, a, **k: kinds.is_hypothetical(b, language, **k),
        lambda b, a, **k: kinds.is_commemorated(b, language, **k),
        lambda b, a, **k: kinds.is_reference(b, a, language, **k),
    ]
    folded_before, folded_after = folded_text(before), folded_text(after)
    assert folded_before is not None and folded_after is not None
    answers = [check(before, after) for check in checks]
    assert [check(folded_before, folded_after, folded=True) for check in checks] == answers
    assert any(answers), "each case trips at least one check, so the comparison means something"


@pytest.mark.parametrize("language", ["en", "id", "ru", "zh"])
def test_triggers_found_on_folded_text_are_those_of_the_case_blind_patterns(language, monkeypatch):
    from ingest.extraction.kinds import _entries, _start_index, find_triggers

    lines = recased(corpus_sentences(language))
    fast = [find_triggers(line, language) for line in lines]
    # the same scan with every twin taken away: the case-blind patterns on the text as written
    index = _start_index(language)
    monkeypatch.setattr(index, "folded_positions", None)
    monkeypatch.setattr(index, "by_key", {})
    plain = [replace(entry, folded=None) for entry in _entries(language)]
    monkeypatch.setattr(index, "entries", tuple(plain))
    slow = [find_triggers(line, language) for line in lines]
    assert fast == slow
    assert sum(map(len, fast)) > 50


@pytest.mark.parametrize("language", ["en", "id", "zh"])
def test_stance_verbs_are_found_where_the_case_blind_pattern_finds_them(language):
    from ingest.extraction.actors import STANCE_VERBS, _stance_at

    found = 0
    for line in recased(corpus_sentences(language))[:600]:
        # windows opening mid-word and at a word start: the look-behind must see the character before
        for start in range(0, len(line), 7):
            end = min(len(line), start + 200)
            expected = STANCE_VERBS[language].search(line, start, end)
            assert _stance_at(line, start, end, language) == (expected.start() if expected else None), (line, start)
            found += expected is not None
    assert found > 100 or language == "zh"  # zh has no stance verbs: the plain path must still answer
