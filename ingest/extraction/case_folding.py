"""Case-blind patterns run case-sensitively on folded text, with the same matches.

Why: re.IGNORECASE makes the engine compare every character through its case table and keeps it
from skipping ahead to the few letters a pattern can start with; the same pattern without the flag,
run on `fold(text)` (each character replaced by the one re takes for its case class), finds the
same matches at the same offsets about twice as fast. The twin is made only when that is certain:
every letter the pattern spells is already its own fold ("akan", not "Akan"), no part of it turns
the flag off, and the text's fold keeps its length.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from functools import cache

from .regex_starts import fold

_WIDEST_RANGE = 512


@cache
def folded_twin(pattern: re.Pattern) -> re.Pattern | None:
    """`pattern` without re.IGNORECASE, for folded text; None when that could change a match."""
    if not pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):
        return None
    if not _folded_items(parsed.data):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def folded_text(text: str) -> str | None:
    """fold(text), or None when folding changes its length ("İ" in some forms): offsets would shift."""
    folded = fold(text)
    return folded if len(folded) == len(text) else None


def _is_own_fold(code: int) -> bool:
    char = chr(code)
    return fold(char) == char


def _folded_items(items) -> bool:  # noqa: C901 - one branch per regex opcode
    for op, arg in items:
        if op is sre.LITERAL or op is sre.NOT_LITERAL:
            if not _is_own_fold(arg):
                return False
        elif op is sre.IN:
            for item_op, item in arg:
                if item_op is sre.LITERAL and not _is_own_fold(item):
                    return False
                if item_op is sre.RANGE:
                    low, high = item
                    if high - low > _WIDEST_RANGE or not all(_is_own_fold(code) for code in range(low, high + 1)):
                        return False
                if item_op not in (sre.LITERAL, sre.RANGE, sre.CATEGORY, sre.NEGATE):
                    return False
        elif op is sre.SUBPATTERN:
            _group, _add, remove, body = arg
            if remove & sre.SRE_FLAG_IGNORECASE or not _folded_items(body.data):
                return False
        elif op is sre.BRANCH:
            if not all(_folded_items(branch.data) for branch in arg[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _folded_items(arg[2].data):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _folded_items(arg[1].data):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _folded_items(arg.data):
                return False
        elif op not in (sre.ANY, sre.AT, sre.CATEGORY):
            return False  # a back reference, a conditional: not worth reasoning about
    return True
