"""The characters a regex match can begin with, read from the regex itself.

Why: a long alternation compiled with re.IGNORECASE is tried branch by branch at every
position of a text, because the regex engine cannot skip ahead on a case-folded first
letter. Knowing which characters a match may start with lets a caller find the few
positions worth trying with one character-class scan, and try there only the patterns
that can start with that character.

The answer is a superset (lookarounds are skipped, repeats are taken at their widest), as
the items of a character class ("a", "\\d"), or None when the pattern could start anywhere
(".", a negated class, a back reference, an empty match).
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from dataclasses import dataclass, field
from functools import cache

_WIDEST_RANGE = 512  # a class like [а-я] is spelled out; a wider one is "anything"
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}


def find_first_chars(source: str, flags: int = 0) -> frozenset[str] | None:
    """The class items (escaped characters, or "\\d", "\\w", "\\s") a non-empty match of `source`
    may start with, before case folding; None when it may start with anything."""
    try:
        parsed = sre_parse.parse(source, flags)
    except (re.error, TypeError, ValueError):
        return None
    chars, nullable = _first_of_sequence(list(parsed))
    if chars is None or nullable:
        return None
    return frozenset(chars)


def build_char_class(items: frozenset[str]) -> str:
    """A regex character class of `items` (compile it with the pattern's case flag)."""
    return "[" + "".join(sorted(items)) + "]"


@dataclass
class MultiScan:
    """The matches of several patterns, exactly as one `finditer` per pattern would give them,
    found with one scan of the text.

    Why: many small IGNORECASE patterns each scanning the whole text cost one pass per
    pattern; one zero-width scan grouped by first character finds the few positions where
    any of them matches, and only the patterns that can start with that character are tried.
    """

    scan: re.Pattern  # zero width, matches where some pattern matches
    patterns: tuple[re.Pattern, ...]
    firsts: tuple[re.Pattern | None, ...]  # per pattern: a character it may start with (None: any)
    by_char: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # The same positions found case-sensitively in fold(text), when every source is written folded: a
    # case-blind alternation is tried letter by letter, a case-sensitive one skips ahead (see _folded_scan)
    folded_scan: re.Pattern | None = None

    def find_each(self, text: str) -> list[tuple[int, re.Match]]:
        """(pattern index, match) pairs: for each pattern, its non-overlapping matches as finditer finds them."""
        last_end = [0] * len(self.patterns)
        found = []
        scan, scanned = self.scan, text
        if self.folded_scan is not None:
            folded = fold(text)
            if len(folded) == len(text):  # "İ" folds to two characters: positions would shift
                scan, scanned = self.folded_scan, folded
        for position in scan.finditer(scanned):
            start = position.start()
            for index in self._indices_for(text[start : start + 1]):
                if start < last_end[index]:
                    continue  # finditer resumes this pattern after its previous match
                match = self.patterns[index].match(text, start)
                if match:
                    found.append((index, match))
                    last_end[index] = max(match.end(), start + 1)
        return found

    def _indices_for(self, char: str) -> tuple[int, ...]:
        known = self.by_char.get(char)
        if known is None:
            known = tuple(i for i, first in enumerate(self.firsts) if first is None or first.match(char))
            self.by_char[char] = known
        return known


def build_multi_scan(sources: list[str], flags: int = 0, boundary: str = "") -> MultiScan:
    """A MultiScan of `sources` compiled with `flags`; `boundary` (e.g. a lookbehind every source
    already starts with) is put before the scan to skip positions faster."""
    firsts = [find_first_chars(source, flags) for source in sources]
    case = flags & re.IGNORECASE
    classes = tuple(None if first is None else re.compile(build_char_class(first), case) for first in firsts)
    patterns = tuple(re.compile(source, flags) for source in sources)
    scan = MultiScan(_grouped_scan(sources, firsts, flags, boundary), patterns, classes)
    if case and all(fold(source) == source for source in sources):  # "\\W" or "Moskva" are not folded
        scan.folded_scan = _folded_scan(sources, [find_first_chars(source) for source in sources], flags, boundary)
    return scan


def _folded_scan(sources: list[str], firsts: list, flags: int, boundary: str) -> re.Pattern:
    """The grouped scan of folded sources, case-sensitive, for fold(text). Where every source starts at a
    word start with a word character, the scan takes that character first and looks back from it: a
    pattern opening with a character class lets the engine skip to the next candidate letter."""
    sensitive = flags & ~re.IGNORECASE
    zero_width = _grouped_scan(sources, firsts, sensitive, boundary)
    items = set().union(*(first for first in firsts if first is not None)) if all(firsts) else set()
    if boundary != r"(?<!\w)" or not items or not all(len(item) == 1 and item.isalnum() for item in items):
        return zero_width
    lookahead = zero_width.pattern[len(boundary) :]
    return re.compile(f"{build_char_class(frozenset(items))}(?<!\\w.)(?<=(?:{lookahead}).)", sensitive)


def build_alternation_scan(sources: list[str], flags: int = 0) -> MultiScan:
    """A MultiScan whose one pattern is the alternation of `sources`: find_each gives exactly the
    matches of re.finditer("|".join(sources)), branch order kept, from one grouped scan."""
    firsts = [find_first_chars(source, flags) for source in sources]
    alternation = re.compile("|".join(sources) or "(?!)", flags)
    return MultiScan(_grouped_scan(sources, firsts, flags, ""), (alternation,), (None,))


def _grouped_scan(sources: list[str], firsts: list, flags: int, boundary: str) -> re.Pattern:
    """Zero width, matching where some source matches: one class of every first character, then one
    group per character whatever its case ("P" and "p" together), each holding the sources that may
    start with it. Only where matters, not which source, so the order within groups is free."""
    groups: dict[str, list[str]] = {}
    items: dict[str, set[str]] = {}  # folded item -> the items as written
    anywhere: list[str] = []
    for source, first in zip(sources, firsts, strict=True):
        if first is None:
            anywhere.append(source)
            continue
        for item in sorted(first):
            key = item.lower() if len(item) == 1 and flags & re.IGNORECASE else item
            items.setdefault(key, set()).add(item)
            group = groups.setdefault(key, [])
            if source not in group:
                group.append(source)
    branches = [f"(?=[{''.join(sorted(items[key]))}])(?:{'|'.join(group)})" for key, group in sorted(groups.items())]
    branches += anywhere
    union = "" if anywhere or not items else f"(?=[{''.join(sorted(set().union(*items.values())))}])"
    return re.compile(boundary + union + "(?=" + ("|".join(branches) or "(?!)") + ")", flags)


def _first_of_sequence(items: list) -> tuple[set[str] | None, bool]:
    """(first characters, whether the whole sequence can match the empty string)."""
    chars: set[str] = set()
    for op, arg in items:
        first, nullable = _first_of_item(op, arg)
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _first_of_item(op, arg) -> tuple[set[str] | None, bool]:  # noqa: C901 - one branch per regex opcode
    if op is sre.LITERAL:
        return {re.escape(chr(arg))}, False
    if op is sre.IN:
        return _first_of_class(arg), False
    if op is sre.CATEGORY and arg in _CATEGORIES:  # a bare \d outside brackets
        return {_CATEGORIES[arg]}, False
    if op is sre.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in arg[1]:
            first, empty = _first_of_sequence(list(branch))
            if first is None:
                return None, False
            chars |= first
            nullable = nullable or empty
        return chars, nullable
    if op is sre.SUBPATTERN:
        return _first_of_sequence(list(arg[3]))
    if op is sre.ATOMIC_GROUP:
        return _first_of_sequence(list(arg))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = arg
        first, empty = _first_of_sequence(list(body))
        return first, empty or low == 0
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero width: the match starts with what follows
    return None, False  # ".", a back reference, a conditional: could be anything


def _first_of_class(items) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            chars.add(re.escape(chr(arg)))
        elif op is sre.RANGE and arg[1] - arg[0] <= _WIDEST_RANGE:
            chars.update(re.escape(chr(code)) for code in range(arg[0], arg[1] + 1))
        elif op is sre.CATEGORY and arg in _CATEGORIES:
            chars.add(_CATEGORIES[arg])
        else:
            return None  # a negated class, another category, a very wide range
    return chars


# ---------------------------------------------------------------- first two characters

PREFIX_LENGTH = 4  # letters of a word: 'me' starts half of Indonesian verbs, 'meng' a few
# Characters that re.IGNORECASE treats as the same letter beyond what str.lower() says ("ſ" is "s",
# "ı" is "i", "İ" lowers to two characters in str.lower() but to "i" in re): each maps to one member.
_IGNORECASE_SAME = {0x130: "i"}
for _code, _others in re._casefix._EXTRA_CASES.items():
    _canonical = chr(min(_code, *_others))
    for _member in (_code, *_others):
        if chr(_member) != _canonical:
            _IGNORECASE_SAME[_member] = _canonical


# The characters the translation changes: most texts have none, and translating a whole article
# character by character costs far more than looking for them.
_FOLDED_APART = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_IGNORECASE_SAME)) + "]")


def fold(text: str) -> str:
    """`text` with each character replaced by one representative of the characters re.IGNORECASE
    takes for it (mostly its lower case), so equal folds mean re would match them."""
    if text.isascii():
        return text.lower()
    lowered = text.lower()
    if _FOLDED_APART.search(text) is None and _FOLDED_APART.search(lowered) is None:
        return lowered
    return text.translate(_IGNORECASE_SAME).lower().translate(_IGNORECASE_SAME)


def find_prefixes(source: str, flags: int = 0, length: int = PREFIX_LENGTH) -> frozenset[str] | None:
    """Folded strings, one of which begins every match of `source` under re.IGNORECASE: up to `length`
    characters, shorter where the regex stops telling (a class like \\w, ".") or the match may end.
    None when it does not even tell the first character or may match nothing. A superset, like
    find_first_chars: a text position whose folded text starts with none of them cannot match."""
    try:
        parsed = sre_parse.parse(source, flags)
    except (re.error, TypeError, ValueError):
        return None
    found = _prefixes_of_sequence(list(parsed), {""}, length)
    if found is None:
        return None
    found = {prefix.rstrip(_UNTOLD) for prefix in found}
    return None if "" in found else frozenset(found)


_UNTOLD = "\x00"  # ends a prefix after which the regex does not tell the next character


def _prefixes_of_sequence(items: list, partial: set[str], length: int) -> set[str] | None:
    for op, arg in items:
        if all(_complete(p, length) for p in partial):
            return partial
        extended = _prefixes_of_item(op, arg, partial, length)
        # an item that does not tell its characters ends every prefix that reached it
        partial = {p if _complete(p, length) else p + _UNTOLD for p in partial} if extended is None else extended
    return partial


def _complete(prefix: str, length: int) -> bool:
    return len(prefix) >= length or prefix.endswith(_UNTOLD)


def _extend(partial: set[str], chars, length: int) -> set[str]:
    return {p if _complete(p, length) else p + c for p in partial for c in chars}


def _prefixes_of_item(op, arg, partial: set[str], length: int) -> set[str] | None:  # noqa: C901 - one branch per op
    if op is sre.LITERAL:
        return _extend(partial, {fold(chr(arg))}, length)
    if op is sre.IN:
        items = _first_of_class(arg)  # escaped characters, or the categories \\d, \\w, \\s
        if items is None or any(item in _CATEGORIES.values() for item in items):
            return None
        return _extend(partial, {fold(item[-1]) for item in items}, length)
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in arg[1]:
            out |= _prefixes_of_sequence(list(branch), partial, length)
        return out
    if op is sre.SUBPATTERN:
        return _prefixes_of_sequence(list(arg[3]), partial, length)
    if op is sre.ATOMIC_GROUP:
        return _prefixes_of_sequence(list(arg), partial, length)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg
        out, current = set(), partial
        for count in range(low + length + 1):  # past low + length repeats every string is complete
            if count >= low:
                out |= current
            if count == high:
                break
            current = _prefixes_of_sequence(list(body), current, length)
        return out
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return partial  # zero width
    return None


def find_case_sensitive_starts(source: str, flags: int = 0) -> frozenset[str] | None:
    """The characters, as written, a match of `source` may start with when the regex reads every first
    character case-sensitively even under re.IGNORECASE ("(?-i:[A-Z])\\w+ exercises"); else None."""
    try:
        parsed = sre_parse.parse(source, flags)
    except (re.error, TypeError, ValueError):
        return None
    found = _case_of_sequence(list(parsed), bool(flags & re.IGNORECASE))
    if found is None or found[1] or not found[2]:
        return None
    chars = set()
    for item in found[0]:
        if item in _CATEGORIES.values():
            return None
        chars.add(item[-1])  # an escaped character
    return frozenset(chars)


def _case_of_sequence(items: list, ignore: bool) -> tuple[set[str], bool, bool] | None:
    """(first characters, whether the sequence may match empty, whether all are read case-sensitively)."""
    chars: set[str] = set()
    sensitive = True
    for op, arg in items:
        found = _case_of_item(op, arg, ignore)
        if found is None:
            return None
        chars |= found[0]
        sensitive = sensitive and found[2]
        if not found[1]:
            return chars, False, sensitive
    return chars, True, sensitive


def _case_of_item(op, arg, ignore: bool) -> tuple[set[str], bool, bool] | None:
    if op is sre.LITERAL:
        return {re.escape(chr(arg))}, False, not ignore
    if op is sre.IN:
        chars = _first_of_class(arg)
        return None if chars is None else (chars, False, not ignore)
    if op is sre.SUBPATTERN:
        _group, add, remove, body = arg
        inner = (ignore or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _case_of_sequence(list(body), inner)
    if op is sre.BRANCH:
        chars, empty, sensitive = set(), False, True
        for branch in arg[1]:
            found = _case_of_sequence(list(branch), ignore)
            if found is None:
                return None
            chars |= found[0]
            empty = empty or found[1]
            sensitive = sensitive and found[2]
        return chars, empty, sensitive
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        found = _case_of_sequence(list(arg[2]), ignore)
        return None if found is None else (found[0], found[1] or arg[0] == 0, found[2])
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True, True
    return None


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
    # few strings are checked fastest; one of only spaces would be in every line
    return min(candidates, key=lambda c: (any(s.isspace() for s in c), len(c), -min(map(len, c))))


@cache
def folded_guard(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Folded strings one of which every match of `pattern` contains; None when none is known."""
    try:
        found = required_strings(sre_parse.parse(pattern.pattern).data)
    except (re.error, TypeError, ValueError, RecursionError):
        return None
    return tuple(fold(string) for string in found) if found else None


def contains_any(text: str, strings) -> bool:
    """One of `strings` is in `text`."""
    for string in strings:  # a plain loop: faster than any() over a generator or a map
        if string in text:
            return True
    return False


def may_match(pattern: re.Pattern, text: str) -> bool:
    """False only when `pattern` cannot match in `text`: none of its guard strings is there. Folded on
    both sides, so a case-blind pattern is guarded by the same test; a text whose fold changes its
    length ("İ") is always tried."""
    guard = folded_guard(pattern)
    if guard is None:
        return True
    folded = fold(text)
    if len(folded) != len(text):
        return True
    for string in guard:  # a plain loop: cheaper than any() over a generator
        if string in folded:
            return True
    return False


# ---------------------------------------------------------------- compiled patterns, one scan


def build_pattern_scan(patterns: list[re.Pattern]) -> MultiScan:
    """A MultiScan of compiled patterns (same flags), each kept as it is, named groups and all: find_each
    gives each pattern's matches exactly as its own finditer would.

    Why: every pattern's finditer costs a pass over the whole text even where it matches nothing; one scan
    finds the few places where any of them matches. The scan takes a first character before it looks at
    the patterns (`[chars](?<=(?:lookahead).)`): a lookahead first would make the regex engine stop at
    every position, a character class first lets it skip to the next character some pattern may start
    with. Inside the scan the groups are plain (patterns may share a group name) and a reference back to
    a group ("(?P=sep)") is the group's own pattern: the scan may then find a place too many, never one
    too few, and find_each tries the pattern itself there.
    Raises ValueError when a pattern may start with any character (find_first_chars is None).
    """
    flags = patterns[0].flags if patterns else 0
    sources = [_plain_groups(pattern.pattern) for pattern in patterns]
    firsts = [find_first_chars(source, flags) for source in sources]
    if any(first is None for first in firsts):
        raise ValueError("a pattern may start with any character")
    lookahead = _grouped_scan(sources, firsts, flags, "").pattern
    chars = build_char_class(frozenset().union(*firsts)) if patterns else "(?!)"
    scan = re.compile(f"{chars}(?<=(?:{lookahead}).)", flags | re.DOTALL)
    classes = tuple(re.compile(build_char_class(first), flags & re.IGNORECASE) for first in firsts)
    return MultiScan(scan, tuple(patterns), classes)


def _plain_groups(source: str) -> str:
    """`source` with its named groups unnamed and each reference back to one replaced by the group's pattern."""
    bodies = {}
    for found in re.finditer(r"\(\?P<(\w+)>", source):
        bodies[found[1]] = source[found.end() : _group_end(source, found.end())]
    source = re.sub(r"\(\?P=(\w+)\)", lambda found: f"(?:{bodies[found[1]]})", source)
    return re.sub(r"\(\?P<\w+>", "(?:", source)


def _group_end(source: str, position: int) -> int:
    """Where the group whose pattern starts at `position` closes (escapes and classes skipped)."""
    depth, in_class = 1, False
    while True:
        char = source[position]
        if char == "\\":
            position += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[position + 1 : position + 2] == "^":
                position += 1
            if source[position + 1 : position + 2] == "]":
                position += 1  # "[]" and "[^]": a first "]" is a member
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return position
        position += 1
