"""Line rules of news pages: which lines are boilerplate, list headers, menus or headlines.

The boilerplate lines themselves are data, one file a language, in ingest/boilerplate/*.json;
this module merges them into a few fast regexes. Part of ingest.cleaning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from re import _constants as sre  # the stdlib's own pattern parser, to read the rules exactly
from re import _parser as sre_parser

from ingest.extraction.regex_starts import contains_any, required_strings

BOILERPLATE_DIR = Path(__file__).resolve().parent / "boilerplate"
RULE_LANGUAGES = ("id", "en", "ru", "zh")


# guarded rules: (the strings of which a match holds one, the rule)
Guarded = tuple[tuple[tuple[str, ...], re.Pattern], ...]


@dataclass(frozen=True)
class RuleSet:
    """Line patterns merged into a few regexes, matched against the lower-cased line.

    Tried one by one, the ~80 line patterns cost more than the rest of the cleaning together.
    Merged, and with two shortcuts that cannot change an answer (most lines match no rule):
    - the anchored rules are merged once per first character of the line, each merge keeping
      only the rules a line starting with it can match (see first_characters);
    - each other rule, when every match of it contains one of a few strings (see
      required_strings), is tried alone and only on a line that contains one of them.
    Case-sensitive matching is about twice as fast as re.IGNORECASE: a rule written with
    capitals is made case-blind on its own.
    """

    by_first_character: dict[str, re.Pattern]
    unguarded_at_start: re.Pattern | None
    unguarded: re.Pattern | None
    # A guarded rule matches only lines holding one of its strings. Every such string contains a key
    # here, and the rule is listed under each key one of its strings contains.
    guarded_by_string: dict[str, Guarded]

    def guards_in(self, page: str) -> tuple[tuple[str, Guarded], ...]:
        """The guarded_by_string entries whose string occurs in this lower-cased page: the only guarded
        rules its lines can match. A page holds two of the fifteen strings on average, so its lines
        test those two (drop_furniture 50 -> 48 us/article: the page is read once a string, not once
        a line and string)."""
        return tuple((string, guarded) for string, guarded in self.guarded_by_string.items() if string in page)

    def matches(self, lowered: str, guards=None) -> bool:
        """A rule matches this lower-cased, non-empty line; guards: guards_in(the page holding the line)."""
        at_start = self.by_first_character.get(lowered[0])
        if at_start is not None and at_start.match(lowered):
            return True
        if self.unguarded_at_start is not None and self.unguarded_at_start.match(lowered):
            return True
        if self.unguarded is not None and self.unguarded.search(lowered):
            return True
        for string, guarded in self.guarded_by_string.items() if guards is None else guards:
            if string in lowered:  # most lines hold none: no regex for the guarded rules
                for strings, rule in guarded:
                    if contains_any(lowered, strings) and rule.search(lowered):
                        return True
        return False


@dataclass(frozen=True)
class Rules:
    """The patterns of every language."""

    drop_line: RuleSet
    list_header: RuleSet
    byline_label: frozenset[str]


def is_anchored(pattern: str) -> bool:
    """'^...' with no top-level '|': the pattern can only match at the start of the line."""
    if not pattern.startswith("^"):
        return False
    depth, escaped, in_class = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


def has_capitals(pattern: str) -> bool:
    return any(char != char.lower() for char in re.sub(r"\\.", "", pattern))  # '\S' is no capital


def merge(patterns: list[str]) -> re.Pattern | None:
    """One regex for many rules, to be used on lower-cased text; None for no rules."""
    if not patterns:
        return None
    parts = []
    for pattern in patterns:
        re.compile(pattern)  # a bad rule is reported alone, not as part of a huge alternation
        parts.append(f"(?i:{pattern})" if has_capitals(pattern) else f"(?:{pattern})")
    return re.compile("|".join(parts))


# Character sets no bigger than this are spelled out; a larger one ('[a-z]') is read as 'any character'.
SMALL_SET = 64


def first_characters(items: list) -> tuple[frozenset[str] | None, bool]:
    """The characters a match of these parsed items can start with (None: unknown, any) and whether
    the items can match the empty string. Case-blind parts, large or category classes ('\\w') and
    look-arounds give None."""
    found: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            return frozenset(found | {chr(arg)}), False
        if op is sre.AT:
            continue  # '^', '\b': zero width, the next item gives the character
        if op is sre.IN:
            if any(kind not in (sre.LITERAL, sre.RANGE) for kind, _ in arg):
                return None, False
            chars = [chr(value) for kind, value in arg if kind is sre.LITERAL]
            for kind, value in arg:
                if kind is sre.RANGE:
                    if value[1] - value[0] > SMALL_SET:
                        return None, False
                    chars += [chr(code) for code in range(value[0], value[1] + 1)]
            return frozenset(found | set(chars)), False
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, inner = arg
            if add_flags & sre.SRE_FLAG_IGNORECASE:
                return None, False
            chars, can_be_empty = first_characters(inner.data)
        elif op is sre.BRANCH:
            branches = [first_characters(branch.data) for branch in arg[1]]
            if any(chars is None for chars, _ in branches):
                return None, False
            chars = frozenset().union(*(chars for chars, _ in branches))
            can_be_empty = any(empty for _, empty in branches)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _high, inner = arg
            chars, can_be_empty = first_characters(inner.data)
            can_be_empty = can_be_empty or low == 0
        else:
            return None, False
        if chars is None:
            return None, False
        found |= chars
        if not can_be_empty:
            return frozenset(found), False
    return frozenset(found), True


def start_characters(pattern: str) -> frozenset[str] | None:
    """What a line must start with for this anchored rule to match it; None when it could be anything."""
    if has_capitals(pattern):
        return None  # matched case-blind: spelling out every case variant is not worth it
    chars, can_be_empty = first_characters(sre_parser.parse(pattern).data)
    return None if can_be_empty else chars


def rule_set(patterns: list[str]) -> RuleSet:
    """Each rule where it is cheapest: by first character when its start is known, else guarded by
    its strings when it has some, else in the merge tried on every line."""
    first_characters_of: dict[str, frozenset[str]] = {}
    guarded, needs, unguarded_at_start, unguarded = [], set(), [], []
    for pattern in patterns:
        anchored = is_anchored(pattern)
        characters = start_characters(pattern) if anchored else None
        parsed = sre_parser.parse(pattern)
        case_blind = has_capitals(pattern) or parsed.state.flags & re.IGNORECASE  # '(?i)' too
        strings = None if case_blind else required_strings(parsed.data)
        if characters is not None:
            first_characters_of[pattern] = characters
        elif strings is not None:
            guarded.append((tuple(sorted(strings)), re.compile(pattern)))  # not case-blind: compiled as is
            needs |= strings
        elif anchored:
            unguarded_at_start.append(pattern)
        else:
            unguarded.append(pattern)
    characters = set().union(*first_characters_of.values())
    by_first_character = {
        char: merge([p for p, chars in first_characters_of.items() if char in chars]) for char in characters
    }
    # a string that contains another one adds nothing: the shorter is found wherever it is
    needs = {s for s in needs if not any(other != s and other in s for other in needs)}
    guarded_by_string = {
        need: tuple((strings, rule) for strings, rule in guarded if any(need in s for s in strings))
        for need in sorted(needs)
    }
    return RuleSet(
        by_first_character=by_first_character,
        guarded_by_string=guarded_by_string,
        unguarded_at_start=merge(unguarded_at_start),
        unguarded=merge(unguarded),
    )


@cache
def load_rules() -> Rules:
    """All languages' rules together: pages mix them and the patterns are specific enough."""
    drop, header, labels = [], [], set()
    for language in RULE_LANGUAGES:
        path = BOILERPLATE_DIR / f"{language}.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        drop += data.get("drop_line", [])
        header += data.get("list_header", [])
        labels |= {label.lower() for label in data.get("byline_label", [])}
    return Rules(rule_set(drop), rule_set(header), frozenset(labels))


def is_boilerplate(line: str) -> bool:
    """A stripped line that is page furniture (drop_furniture tests its lines the same way)."""
    return bool(line) and load_rules().drop_line.matches(line.lower())


def is_list_header(line: str) -> bool:
    return is_lowered_list_header(line.strip().lower())


def is_lowered_list_header(lowered: str) -> bool:
    """is_list_header of a stripped, lower-cased line (lower() makes no colon or space: same candidate)."""
    candidate = lowered.rstrip(":：").strip()
    return bool(candidate) and load_rules().list_header.matches(candidate)


# --- line shapes -------------------------------------------------------------------------------

SENTENCE_STOPS = frozenset(".!?…。！？")
CLOSING_MARKS = "\"'”’»)]"
CJK = re.compile(r"[\u4e00-\u9fff]")


def ends_sentence(text: str) -> bool:
    """A stop, maybe followed by closing quotes or brackets, ends the text (or its last line)."""
    if text.endswith("\n"):
        text = text[:-1]  # as '$' in a regex: the end, or before a final newline
    return text.rstrip(CLOSING_MARKS)[-1:] in SENTENCE_STOPS


def count_words(line: str) -> int:
    cjk = 0 if line.isascii() else len(CJK.findall(line))  # isascii is a flag check: no scan
    return len(line.split()) + cjk // 2


def is_body_like(line: str) -> bool:
    """A paragraph of running text, not a headline, label or link."""
    line = line.strip()
    words = count_words(line)
    return words >= 30 or words >= 8 and ends_sentence(line)


def is_headline_like(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= 250 and not is_body_like(line)


HEADLINE_LABEL = re.compile(
    r"^(explainer|analysis|opinion|factbox|live|video|photos|timeline|q&a)\s*:", re.IGNORECASE
)


def is_capitalised_headline(line: str) -> bool:
    """'Russia Publishes Draft Security Treaties With NATO, U.S.' ends with a dot but is a headline."""
    if line.endswith(("?", "？")) and count_words(line) < 15:
        return True  # 'Explainer: Why is the Olympics under a boycott?'
    if HEADLINE_LABEL.match(line):
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    return 0 < len(words) <= 14 and capitalised >= 0.7 * len(words)


def drop_furniture(lines: list[str]) -> list[str]:
    """The lines without boilerplate and menus, and without related-headline lists: a list header
    and the headline-like lines under it go, up to the next real paragraph."""
    drop_line = load_rules().drop_line
    lowered_lines = [line.strip().lower() for line in lines]
    guards = drop_line.guards_in("\n".join(lowered_lines))
    kept, in_list = [], False
    for line, lowered in zip(lines, lowered_lines, strict=True):
        if not lowered:
            if not in_list:
                kept.append(line)
            continue
        stripped = line.strip()
        # list headers first: 'Read more:' alone opens a list, 'Read more: <headline>' is one line to drop
        if is_lowered_list_header(lowered):
            in_list = True
            continue
        if drop_line.matches(lowered, guards) or is_navigation(stripped):
            continue
        if in_list and (is_headline_like(stripped) or is_capitalised_headline(stripped)):
            continue
        in_list = False
        kept.append(line)
    return kept


def drop_trailing_headlines(paragraphs: list[str]) -> list[str]:
    """Three or more headline-like lines closing the page are a list without a header."""
    end = len(paragraphs)
    while end > 0 and is_headline_like(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end] if len(paragraphs) - end >= 3 else paragraphs


NAVIGATION_SEPARATORS = re.compile(r"\s+[|>»/·•]\s+|\s{3,}")
NAVIGATION_MARKS = tuple("|>»/·•")
NAVIGATION_NUMBERS = re.compile(r"\d{4}|\d{1,2}:\d{2}")
NAVIGATION_ARROW = re.compile(r"\s[>»]\s")
NON_WORD = re.compile(r"\W+")


def is_navigation(line: str) -> bool:
    """A menu or breadcrumb: 'News | Opinion | Sport', 'World > Russia', 'Главное   Россия   В мире'."""
    line = line.strip()
    if not line or ends_sentence(line):  # most lines are sentences: the cheap test first
        return False
    if not contains_any(line, NAVIGATION_MARKS) and line.isprintable() and "   " not in line:
        # no separator: the only printable space is ' ' (every other \s is a 'Separator' or 'Other'
        # character, which isprintable refuses), so '\s{3,}' is three of them; true of any script,
        # so Indonesian, Russian and Chinese titles skip the split too (~1 us/article)
        return False
    parts = [p for p in NAVIGATION_SEPARATORS.split(line) if p.strip()]
    if len(parts) < 2 or any(count_words(p) > 4 for p in parts):
        return False
    if NAVIGATION_NUMBERS.search(line) or (any(ch.isdigit() for ch in line) and len(parts) < 3):
        return False  # a dateline ('Xinhua | 2012-04-22 18:29') or a dated list item ('15 Jun 01 | Asia')
    return len(parts) >= 3 or NAVIGATION_ARROW.search(line) is not None


def key_of(line: str) -> str:
    return NON_WORD.sub(" ", line.lower()).strip()
