"""Split cleaned article text into sentences (with offsets) and sentences into clauses.

Paragraphs are lines; a sentence never crosses a line. Chinese ends sentences on 。！？
without spaces. Lines that look like headlines of other articles (no closing punctuation,
short) or start with "Baca juga"/"Read also" are marked so they never yield an event.
"""

import re
from dataclasses import dataclass
from functools import cache

from .lexicons import load_lexicon, normalise_language
from .regex_starts import MultiScan, build_alternation_scan

# Words whose trailing dot does not end a sentence.
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "lt",
    "col",
    "sen",
    "rep",
    "gov",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "vol",
    "inc",
    "corp",
    "jr",
    "sr",
    "vs",
    "etc",
    "prof",
    "capt",
    "maj",
    "sgt",
    "adm",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.s",
    "d.c",
    "pt",
    "tbk",
    "bpk",
    "h",
    "ir",
    "drs",
    "kol",
    "brigjen",
    "mayjen",
    "letjen",
    "jend",
    "tn",
    "ny",
    "sdr",
    "т",
    "г",
    "гг",
    "им",
    "ул",
    "с",
    "см",
    "тыс",
    "млн",
    "млрд",
    "руб",
    "др",
    "пр",
}
# Matched from the first mark of a run only, taken whole (possessive): a long run of dots costs
# linear time, not quadratic (found by tests/fuzz). The first mark comes before the look back at the
# one before it: a pattern that opens with a character class lets the engine skip to the next mark.
SENTENCE_END = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-ZА-ЯЁ0-9])")
ZH_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*")
CLOSING = re.compile(r"[.!?…。！？:：;\"'”’»)\]]\s*$")
# "SAMARKAND, Uzbekistan, Sept 15 (Reuters) - ", "BEIJING, KOMPAS.com – ", "MOSCOW, July 4. /TASS/. ":
# a place in capitals, optional date and agency, then a dash. The sentence starts after it.
DATELINE = re.compile(
    r"^[\"“]?[A-ZА-ЯЁ][A-ZА-ЯЁ .'/-]{2,40}(?:,[^,\n]{1,40}){0,3}?"
    r"\s*(?:\((?:[A-Za-z][\w .-]{1,25})\)|/[A-ZА-ЯЁ]+/\.?|[A-Za-z]+\.com)?\s*(?:[-–—]{1,2}|\.)\s+(?=[\"“A-ZА-ЯЁ])"
    r"|^[A-ZА-ЯЁ][\w'-]+(?: [A-ZА-ЯЁ][\w'-]+)?,?\s*"
    r"\((?:AFP|AP|Reuters|Xinhua|TASS|ANTARA|Antara|РИА Новости|ТАСС)\)\s*[-–—]{1,2}\s+"
    r"|^[A-ZА-ЯЁ][\w-]+\.\s+\d{1,2}\s+\w+\.\s+[A-Z][A-Za-z.]+\s+[-–—]{1,2}\s+"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int
    usable: bool  # False for related-article lines and headline-like fragments


def split_sentences(text: str, language: str | None) -> list[Sentence]:
    if not isinstance(text, str) or not text:
        return []
    language = normalise_language(language)
    skip_prefixes = _skip_prefix_pattern(language)
    sentences: list[Sentence] = []
    position = 0
    paragraph = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        usable_line = not skip_prefixes.match(stripped) and not _is_headline_like(stripped, language)
        dateline = DATELINE.match(line) if language != "zh" else None
        for start, end in _bounded(_sentence_spans(line, language), line):
            if dateline and start < dateline.end() < end:
                start = dateline.end()
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if not piece:
                continue
            absolute = line_start + start + lead
            sentences.append(Sentence(absolute, absolute + len(piece), piece, paragraph, len(sentences), usable_line))
        paragraph += 1
    return sentences


# No real sentence is this long (the longest in our corpora is about 330 characters). Text without stops
# (a pasted table, a list of names, a page of noise) is read in pieces of at most this length, so the
# per-sentence reading, which compares each trigger with the sentence's others, stays linear in the text.
MAX_SENTENCE = 1000


def _bounded(spans: list[tuple[int, int]], line: str) -> list[tuple[int, int]]:
    bounded = []
    for start, end in spans:
        while end - start > MAX_SENTENCE:
            # Cut after the last space before the limit (a word is never split), or at the limit if none.
            cut = line.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE) + 1 or start + MAX_SENTENCE
            bounded.append((start, cut))
            start = cut
        bounded.append((start, end))
    return bounded


def _sentence_spans(line: str, language: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    if language == "zh":
        for match in ZH_SENTENCE_END.finditer(line):
            spans.append((start, match.end()))
            start = match.end()
    else:
        for match in SENTENCE_END.finditer(line):
            # The word before the mark is read from a short window: after many abbreviations in a row
            # the open sentence grows long, and searching all of it each time was quadratic.
            window = line[max(start, match.start() - 80) : match.end()]
            word = re.search(r"(\S+?)[.!?…]+[\"'”’»)\]]*\s*$", window)
            if word and _is_abbreviation(word.group(1)):
                continue
            spans.append((start, match.end()))
            start = match.end()
    if start < len(line):
        spans.append((start, len(line)))
    return spans


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("\"'“‘«([").lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _is_headline_like(line: str, language: str) -> bool:
    """Unpunctuated short lines are headlines, captions or list items, not article sentences."""
    if CLOSING.search(line):
        return False
    size = len(line) if language == "zh" else len(line.split())
    return size < (60 if language == "zh" else 30)


@cache
def _skip_prefix_pattern(language: str) -> re.Pattern:
    prefixes = load_lexicon(language).get("skip_line_prefixes") or []
    body = "|".join(prefixes) or r"(?!)"
    return re.compile(rf"\W*(?:{body})", re.IGNORECASE)


@cache
def _clause_scan(language: str) -> MultiScan:
    """The matches of the alternation of every clause marker, found with one scan grouped by first
    letter (a plain finditer tried every marker at every word: the costliest step of splitting)."""
    markers = load_lexicon(language).get("clause_markers") or [","]
    return build_alternation_scan(markers, re.IGNORECASE)


WORD_MARKER = re.compile(r"\\b([^\W\d_])")  # "\bsince\b": a marker opening with a word boundary and a letter


@cache
def _clause_pattern(language: str) -> re.Pattern | None:
    r"""The alternation of the clause markers for the lower-cased sentence, with the same matches.

    Why: a branch opening with "\b" keeps the regex engine from skipping to the few characters a
    marker can start with. "\bsince\b" is written "s(?<!\w.)ince\b" (the letter, then: no word
    character before it), so every branch starts with a character; case-sensitive on lower-cased
    text, which is faster than IGNORECASE. None when a marker spells a class in capitals ("\W")."""
    markers = load_lexicon(language).get("clause_markers") or [","]
    if any(re.search(r"\\[A-Z]", marker) for marker in markers):
        return None
    branches = [WORD_MARKER.sub(lambda m: m.group(1) + r"(?<!\w.)", marker, count=1) for marker in markers]
    try:
        return re.compile("|".join(marker.lower() for marker in branches))
    except re.error:
        return None


def _clause_markers(sentence: str, language: str) -> list[re.Match]:
    pattern = _clause_pattern(language)
    lowered = sentence.lower()
    if pattern is not None and len(lowered) == len(sentence):
        return list(pattern.finditer(lowered))
    return [match for _, match in _clause_scan(language).find_each(sentence)]


def split_clauses(sentence: str, language: str | None, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Clause spans (local offsets); separators inside `protected` spans (dates) do not cut."""
    language = normalise_language(language)
    cuts = [0]
    for match in _clause_markers(sentence, language):
        if any(start <= match.start() < end for start, end in protected):
            continue
        if match.start() > cuts[-1] and sentence[cuts[-1] : match.start()].strip(" ,;:—–-"):
            cuts.append(match.start())  # ", when" is one cut, not two
    cuts.append(len(sentence))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
