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
from re import _constants as sre, _parser as sre_parser  # the stdlib's own pattern parser, to read the rules exactly

BOILERPLATE_DIR = Path(__file__).resolve().parent / "boilerplate"
RULE_LANGUAGES = ("id", "en", "ru", "zh")


@dataclass(frozen=True)
class Rules:
    """The boilerplate patterns of every language, merged into a few regexes.

    Tried one by one, the ~80 line patterns cost more than the rest of the cleaning together;
    merged, a line is one `match` (patterns anchored with '^') and one `search` (the others).
    They are matched against the lower-cased line: case-sensitive matching is about twice as
    fast as re.IGNORECASE, and a rule written with capitals is made case-blind on its own.

    Two shortcuts that cannot change an answer, as most lines match no rule:
    - the anchored rules are merged once per first character of the line, each merge keeping
      only the rules that can start with it (see first_characters), so a line tries a few;
    - the other rules are searched only in a line that contains one of the strings that every
      match of one of them contains (see required_strings).
    """

    drop_at_start: dict[str, re.Pattern]  # by the line's first character
    drop_at_start_other: re.Pattern  # for any other first character
    drop_anywhere: re.Pattern
    drop_anywhere_needs: tuple[str, ...] | None  # None: no such strings, always search
    list_header: re.Pattern
    byline_label: frozenset[str]


NEVER = re.compile(r"(?!x)x")


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


def merge(patterns: list[str]) -> re.Pattern:
    """One regex for many rules, to be used on lower-cased text."""
    if not patterns:
        return NEVER
    parts = []
    for pattern in patterns:
        re.compile(pattern)  # a bad rule is reported alone, not as part of a huge alternation
        parts.append(f"(?i:{pattern})" if has_capitals(pattern) else f"(?:{pattern})")
    return re.compile("|".join(parts))


# Character sets no bigger than this are spelled out; a larger one ('[a-z]') is read as 'any character'.
SMALL_SET = 64


def first_characters(items: list) -> tuple[frozenset[str] | None, bool]:
    """The characters a match of these parsed items can start with (None: unknown, any) and whether
    the items can match the empty string. Case-blind parts, classes and look-arounds give None."""
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


def required_strings(items: list) -> frozenset[str] | None:
    """Strings of which every match of these parsed items contains one (None: none found). Of the
    candidates, the one with the fewest strings of three characters or more is taken."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, arg in items + [(None, None)]:
        if op is sre.LITERAL:
            run += chr(arg)
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        if op is sre.SUBPATTERN and not arg[1] & sre.SRE_FLAG_IGNORECASE:
            candidates.append(required_strings(arg[3].data))
        elif op is sre.BRANCH:
            branches = [required_strings(branch.data) for branch in arg[1]]
            if all(branch is not None for branch in branches):
                candidates.append(frozenset().union(*branches))
        elif op is sre.MAX_REPEAT and arg[0] >= 1:
            candidates.append(required_strings(arg[2].data))
    candidates = [c for c in candidates if c]
    if not candidates:
        return None
    return min(candidates, key=lambda strings: (min(len(s) for s in strings) < 3, len(strings)))


def needed_strings(patterns: list[str]) -> tuple[str, ...] | None:
    """Strings of which a line must contain one for any of these rules to match it (None: unknown)."""
    needed: set[str] = set()
    for pattern in patterns:
        strings = None if has_capitals(pattern) else required_strings(sre_parser.parse(pattern).data)
        if strings is None:
            return None
        needed |= strings
    # a string that contains another one adds nothing: the shorter is found wherever it is
    return tuple(sorted(s for s in needed if not any(other != s and other in s for other in needed)))


def merge_by_start(patterns: list[str]) -> tuple[dict[str, re.Pattern], re.Pattern]:
    """The anchored rules merged once for each first character they can match, and for the others."""
    starts = {pattern: start_characters(pattern) for pattern in patterns}
    anything = [p for p in patterns if starts[p] is None]
    characters = set().union(*(chars for chars in starts.values() if chars is not None))
    by_character = {
        char: merge([p for p in patterns if starts[p] is None or char in starts[p]]) for char in characters
    }
    return by_character, merge(anything)


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
    at_start = [p for p in drop if is_anchored(p)]
    anywhere = [p for p in drop if not is_anchored(p)]
    by_start, other_start = merge_by_start(at_start)
    return Rules(by_start, other_start, merge(anywhere), needed_strings(anywhere), merge(header), frozenset(labels))


def is_boilerplate(line: str) -> bool:
    return bool(line) and is_lowered_boilerplate(line.lower())


def is_lowered_boilerplate(lowered: str) -> bool:
    """is_boilerplate of a stripped, lower-cased, non-empty line."""
    rules = load_rules()
    if rules.drop_at_start.get(lowered[0], rules.drop_at_start_other).match(lowered):
        return True
    needs = rules.drop_anywhere_needs
    if needs is not None and not any(map(lowered.__contains__, needs)):
        return False  # every match of those rules contains one of these strings
    return rules.drop_anywhere.search(lowered) is not None


def is_list_header(line: str) -> bool:
    candidate = line.strip().rstrip(":：").strip().lower()
    return bool(candidate) and bool(load_rules().list_header.search(candidate))


# --- line shapes -------------------------------------------------------------------------------

SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]*)$")
CJK = re.compile(r"[\u4e00-\u9fff]")


def count_words(line: str) -> int:
    cjk = len(CJK.findall(line))
    return len(line.split()) + cjk // 2


def is_body_like(line: str) -> bool:
    """A paragraph of running text, not a headline, label or link."""
    line = line.strip()
    words = count_words(line)
    if SENTENCE_END.search(line) and words >= 8:
        return True
    return words >= 30


def is_headline_like(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= 250 and not is_body_like(line)


def is_capitalised_headline(line: str) -> bool:
    """'Russia Publishes Draft Security Treaties With NATO, U.S.' ends with a dot but is a headline."""
    if line.endswith(("?", "？")) and count_words(line) < 15:
        return True  # 'Explainer: Why is the Olympics under a boycott?'
    if re.match(r"^(explainer|analysis|opinion|factbox|live|video|photos|timeline|q&a)\s*:", line, re.IGNORECASE):
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    return 0 < len(words) <= 14 and capitalised >= 0.7 * len(words)


def drop_lists(lines: list[str]) -> list[str]:
    """A list header and the headline-like lines under it go, up to the next real paragraph."""
    kept, in_list = [], False
    for line in lines:
        stripped = line.strip()
        if is_list_header(stripped):
            in_list = True
            continue
        if in_list:
            if not stripped or is_headline_like(stripped) or is_capitalised_headline(stripped):
                continue
            if is_boilerplate(stripped):
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
NAVIGATION_NUMBERS = re.compile(r"\d{4}|\d{1,2}:\d{2}")
NAVIGATION_ARROW = re.compile(r"\s[>»]\s")
NON_WORD = re.compile(r"\W+")


def is_navigation(line: str) -> bool:
    """A menu or breadcrumb: 'News | Opinion | Sport', 'World > Russia', 'Главное   Россия   В мире'."""
    line = line.strip()
    if not line or SENTENCE_END.search(line):  # most lines are sentences: the cheap test first
        return False
    parts = [p for p in NAVIGATION_SEPARATORS.split(line) if p.strip()]
    if len(parts) < 2 or any(count_words(p) > 4 for p in parts):
        return False
    if NAVIGATION_NUMBERS.search(line) or (any(ch.isdigit() for ch in line) and len(parts) < 3):
        return False  # a dateline ('Xinhua | 2012-04-22 18:29') or a dated list item ('15 Jun 01 | Asia')
    return len(parts) >= 3 or NAVIGATION_ARROW.search(line) is not None


def key_of(line: str) -> str:
    return NON_WORD.sub(" ", line.lower()).strip()
