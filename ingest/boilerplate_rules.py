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

BOILERPLATE_DIR = Path(__file__).resolve().parent / "boilerplate"
RULE_LANGUAGES = ("id", "en", "ru", "zh")


@dataclass(frozen=True)
class Rules:
    """The boilerplate patterns of every language, merged into a few regexes.

    Tried one by one, the ~80 line patterns cost more than the rest of the cleaning together;
    merged, a line is one `match` (patterns anchored with '^') and one `search` (the others).
    They are matched against the lower-cased line: case-sensitive matching is about twice as
    fast as re.IGNORECASE, and a rule written with capitals is made case-blind on its own.
    """

    drop_at_start: re.Pattern
    drop_anywhere: re.Pattern
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


def merge(patterns: list[str]) -> re.Pattern:
    """One regex for many rules, to be used on lower-cased text."""
    if not patterns:
        return NEVER
    parts = []
    for pattern in patterns:
        re.compile(pattern)  # a bad rule is reported alone, not as part of a huge alternation
        has_capitals = any(char != char.lower() for char in re.sub(r"\\.", "", pattern))  # '\S' is no capital
        parts.append(f"(?i:{pattern})" if has_capitals else f"(?:{pattern})")
    return re.compile("|".join(parts))


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
    return Rules(merge(at_start), merge(anywhere), merge(header), frozenset(labels))


def is_boilerplate(line: str) -> bool:
    if not line:
        return False
    rules = load_rules()
    line = line.lower()
    return bool(rules.drop_at_start.match(line) or rules.drop_anywhere.search(line))


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
