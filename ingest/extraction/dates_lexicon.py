"""Lexicons of date words (lexicons/dates_<lang>.json) and the Grammar that compiles them into patterns.

Part of ingest.extraction.dates: the builders (dates_alphabetic, dates_chinese) add their
patterns to a Grammar; find_dates runs them.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path

from ingest.extraction.regex_starts import MultiScan, build_pattern_scan, contains_any, find_first_chars
from ingest.extraction.trie import trie_regex

LEXICON_DIR = Path(__file__).parent / "lexicons"
LANGUAGES = ("en", "id", "ru", "zh")


@functools.cache
def load_lexicon(language: str) -> dict:
    with open(LEXICON_DIR / f"dates_{language}.json", encoding="utf-8") as handle:
        return {**json.load(handle), "language": language}


def words(items, *, names: bool = False, case_sensitive: bool = False) -> str:
    """An alternation of words, longest first; spaces match any run of spaces.

    Case variants are spelled out (lower, Capitalised, Title, UPPER) instead of using (?i),
    so the regex engine can jump between possible first letters: several times faster.
    Names under case_sensitive must be capitalised ("May", not the verb "may").
    """
    items = sorted(set(items), key=len, reverse=True)
    if not items:
        return r"(?!x)x"
    forms: list[str] = []
    for item in items:
        variants = [item[:1].upper() + item[1:], item.upper()]
        if not (names and case_sensitive):
            variants += [item, item.title()]
        forms += [form for form in dict.fromkeys(variants) if form not in forms]
    # As a trie ("Se(?:ptember|pt)"), not a flat alternation: the regex engine tries a flat list word
    # by word at every letter that may start one, a trie drops a whole group after one letter. Same
    # matches: the words that match at one place are prefixes of each other, and both forms try the
    # longest first.
    return "(?:" + trie_regex([re.escape(form).replace(r"\ ", r"\s+") for form in forms]) + ")"


def needed_words(phrases) -> list[str]:
    """One word of each phrase (its longest, the rarest in text) that a match of the phrase contains.

    Only a sound pre-check for phrases matched as written (words() allows any run of spaces).
    """
    return [max(phrase.lower().split(), key=len) for phrase in phrases if phrase.strip()]


def starts_clean(text: str, start: int, also: str = "") -> bool:
    """No letter or digit (or one of `also`) right before `start`: the match begins a word."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_" or before in also)


def starts_rarely(first: frozenset[str] | None) -> bool:
    """Every first character (find_first_chars) is a digit, or one character that is neither lower case
    nor a space: a capital, a bracket, a Chinese character."""
    if first is None:
        return False
    for item in first:
        char = item[-1]  # items are escaped characters ("\\(") or classes ("\\d", "\\w")
        if item != r"\d" and (len(item.lstrip("\\")) != 1 or char.islower() or char.isspace()):
            return False
    return True


def lookup(table: dict, key: str):
    """Find a lexicon entry whatever the case and spacing of the matched text."""
    return table.get(one_space(key.lower().rstrip(".")))


_SPACES = re.compile(r"\s+")


def one_space(text: str) -> str:
    """Each run of spaces as one space. A plain word (most keys) is returned as it is: a regex call
    costs 0.4 µs, several per date."""
    return text if text.isalpha() else _SPACES.sub(" ", text)


def preceded_by(text: str, start: int, phrases: list[str]) -> bool:
    """One of `phrases` (lower case) ends right before `start`, as a whole word."""
    if not phrases:
        return False
    before = text[max(0, start - 30) : start].lower()
    return phrase_patterns(tuple(phrases))[0].search(before) is not None


def followed_by(text: str, end: int, phrases: list[str]) -> bool:
    """One of `phrases` (lower case) starts right after `end`, as a whole word."""
    if not phrases:
        return False
    after = text[end : end + 30].lower()
    return phrase_patterns(tuple(phrases))[1].match(after) is not None


@functools.lru_cache(maxsize=256)
def phrase_patterns(phrases: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """The phrases as one alternation, compiled once: (ending a text, starting a text)."""
    alternation = "|".join(re.escape(phrase) for phrase in phrases)
    return re.compile(rf"(?<!\w)(?:{alternation})\s*$"), re.compile(rf"\s*(?:{alternation})(?!\w)")


def direction_of(word: str | None, lex: dict) -> str | None:
    if not word:
        return None
    word = one_space(word.lower())
    for key, name in (("last_words", "last"), ("this_words", "this"), ("next_words", "next")):
        if word in lex.get(key, []):
            return name
    return None


class Grammar:
    """The compiled patterns of one language, each with the function that reads its match."""

    def __init__(self, language: str):
        self.language = language
        self.lex = load_lexicon(language)
        self.patterns: list[tuple[re.Pattern, Callable, str | None, tuple[str, ...], re.Pattern | None]] = []
        lex = self.lex
        joiners = words(lex.get("range_joiners", []))
        self.range_gap = re.compile(rf"\s*{joiners}\s*$")
        pairs = lex.get("range_pair_openers", {})
        self.pair_gap = {opener: re.compile(rf"\s+{words([closer])}\s+$") for opener, closer in pairs.items()}
        self.pair_open = re.compile(rf"(?<!\w)(?P<o>{words(lex.get('range_pair_openers', {}))})\s+$")
        conjunctions = words(lex.get("conjunctions", []))
        self.coordinated = re.compile(rf"(?<!\w)(?:\d{{4}}|\w+)\s*,?\s*{conjunctions}\s+$")
        fillers = words(lex.get("qualifier_fillers", [])) + r"\s+"
        self.qualifier_before = re.compile(
            rf"(?<!\w)(?P<q>{words(lex.get('qualifiers', {}))})(?:\s*-\s*|\s+)(?:{fillers})?$"
        )

    def add(self, pattern: str, reader: Callable, clean_start: str | None = "", needs=(), core: str = "") -> None:
        """A pattern and its reader; matches glued to a preceding word (or a char of `clean_start`) are skipped.

        Two cheap pre-checks skip a pattern that cannot match the text: `needs`, lower-case strings
        of which every match contains one ('musim', 'ago'), and `core`, a small regex every match
        contains ('days ago' for '35 days ago'). A pattern that begins with a long alternation of
        number words is slow to scan; its rare core is found ten times faster.
        """
        if self.language == "zh":
            clean_start = None  # Chinese has no spaces: every position may start a date
        compiled_core = re.compile(core) if core else None
        needs = set(needs)
        needs = {word for word in needs if not any(other != word and other in word for other in needs)}  # "now" will do
        self.patterns.append((re.compile(pattern), reader, clean_start, tuple(sorted(needs)), compiled_core))

    def matches(self, text: str):
        """(priority, match) for every match of every pattern, each pattern's matches as its own finditer
        finds them; not in that order (the overlaps are settled by length, priority and start)."""
        scan, priorities, one_by_one = self.scan
        for index, match in scan.find_each(text):
            yield priorities[index], match
        lowered = text.lower()
        cores: dict[re.Pattern, bool] = {}  # patterns may share a core ("3 tahun lalu", "setahun lalu")
        for priority in one_by_one:
            pattern, _, _, needs, core = self.patterns[priority]
            if needs and not contains_any(lowered, needs):
                continue
            if core is not None:
                found = cores.get(core)
                if found is None:
                    found = cores[core] = core.search(text) is not None
                if not found:
                    continue
            for match in pattern.finditer(text):
                yield priority, match

    @functools.cached_property
    def scan(self) -> tuple[MultiScan, tuple[int, ...], tuple[int, ...]]:
        """One scan for the patterns that start with a digit, a capital, a bracket or a Chinese character
        and their priorities; the priorities of the patterns tried one by one.

        Why: a finditer per pattern costs a pass over the whole text, ~5 µs an article even where it
        finds nothing; these patterns start with characters rare enough in text that one scan finds
        where any of them matches for less than three passes (date scan ~0.17 -> ~0.13 ms/article).
        A pattern that starts with a lower-case letter would stop the scan at nearly every letter:
        those, and the ones behind a cheap pre-check (needs, core), keep their own pass.
        """
        together = [
            priority
            for priority, (pattern, _, _, needs, core) in enumerate(self.patterns)
            if not needs and core is None and starts_rarely(find_first_chars(pattern.pattern))
        ]
        alone = tuple(priority for priority in range(len(self.patterns)) if priority not in together)
        return build_pattern_scan([self.patterns[priority][0] for priority in together]), tuple(together), alone

    def before(self, pattern: str) -> re.Pattern:
        """A pattern that must end right where a match starts, searched in the few words before it."""
        return re.compile(rf"(?:{pattern})$")
