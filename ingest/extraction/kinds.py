"""Event kinds: trigger words per language (lexicons/*.json), with negation and modality cues.

A trigger is a word or phrase that names an event of one kind ("bertemu", "phone call",
"вторжение", "通电话"). Where two triggers overlap the longer wins ("pertemuan virtual" is a
call, not a meeting). Negation ("tidak bertemu", "did not meet", "не встретились", "没有会晤")
and planned modality ("akan berkunjung", "will visit", "планирует", "将访问") are read from
the words just before the trigger, inside its clause.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from .case_folding import folded_text, folded_twin
from .lexicons import load_lexicon, normalise_language
from .regex_starts import (
    PREFIX_LENGTH,
    build_char_class,
    find_case_sensitive_starts,
    find_first_chars,
    find_prefixes,
    fold,
)
from .spans import DisjointSpans

KINDS = (
    "call",
    "meeting",
    "visit",
    "summit",
    "agreement",
    "statement",
    "exercise",
    "invasion",
    "attack",
    "sanction",
    "other",
)
# When one clause holds triggers of several kinds, its date belongs to the most specific one:
# "met on the sidelines of the SCO summit on 15 September" is a meeting.
KIND_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        (
            "call",
            "agreement",
            "meeting",
            "visit",
            "summit",
            "exercise",
            "invasion",
            "attack",
            "sanction",
            "statement",
            "other",
        )
    )
}
DIRECTED_KINDS = {"visit", "invasion", "attack", "sanction", "statement"}


@dataclass(frozen=True)
class Trigger:
    kind: str
    start: int  # offsets relative to the text given to find_triggers (plus its offset)
    end: int
    text: str
    plover_type: str | None
    plover_mode: str | None
    directed: bool
    passive: bool
    weak: bool = False  # a noun like "treaty" that names a thing more often than an event


@dataclass(frozen=True)
class _Entry:
    kind: str
    pattern: re.Pattern
    plover_type: str | None
    plover_mode: str | None
    directed: bool
    passive: bool
    weak: bool
    folded: re.Pattern | None = None  # the pattern for folded text (case_folding); None for a capitalised name


def _bounded(source: str, language: str) -> str:
    return f"(?:{source})" if language == "zh" else rf"(?<!\w)(?:{source})(?!\w)"


@cache
def _entries(language: str) -> tuple[_Entry, ...]:
    lexicon = load_lexicon(language)
    entries = []
    for kind, spec in (lexicon.get("kinds") or {}).items():
        for item in spec.get("triggers") or []:
            item = {"pattern": item} if isinstance(item, str) else item
            pattern = re.compile(_bounded(item["pattern"], language), re.IGNORECASE)  # used with .match
            entries.append(
                _Entry(
                    kind=kind,
                    pattern=pattern,
                    plover_type=item.get("plover_type", spec.get("plover_type")),
                    plover_mode=item.get("plover_mode", spec.get("plover_mode")),
                    directed=item.get("directed", kind in DIRECTED_KINDS),
                    passive=item.get("passive", False),
                    weak=item.get("weak", False),
                    folded=folded_twin(pattern),
                )
            )
    return tuple(entries)


@dataclass
class _StartIndex:
    """Where triggers may start, and which triggers to try there, from the first letters of a word.

    Why: finding trigger starts with one IGNORECASE alternation (even grouped by first letter) made
    the regex engine try every group at every word, and was the costliest step of extraction. Most
    triggers tell the letters they begin with ("meet" for "meets?|meeting", "visi"/"stat" for "(?:state )?visit"),
    so at each word a dict lookup on its first PREFIX_LENGTH letters, folded, names the few triggers worth a match.
    Triggers whose start the regex does not tell that closely are tried by their first letter, or everywhere.
    """

    positions: re.Pattern  # where some trigger may start (a word start whose first letter fits)
    entries: tuple[_Entry, ...]
    prefixes: tuple[frozenset[str] | None, ...]  # per entry: the folded letters it may begin with
    firsts: tuple[re.Pattern | None, ...]  # per entry without prefixes: a character it may start with (None: any)
    # per entry: the first characters as written when the trigger reads its first letter case-sensitively
    # ("(?-i:[A-Z])\w* exercises": a capitalised name), else None
    exact_firsts: tuple[frozenset[str] | None, ...]
    by_key: dict[str, tuple[_Entry, ...]] = field(default_factory=dict)
    folded_positions: re.Pattern | None = None  # `positions` for folded text (case_folding)

    def entries_for(self, key: str) -> tuple[_Entry, ...]:
        """The entries, in lexicon order, that may match where the text begins with `key`: its first
        character as written, then the next PREFIX_LENGTH - 1 folded."""
        known = self.by_key.get(key)
        if known is None:
            folded = fold(key[:1]) + key[1:]
            known = tuple(
                entry
                for entry, prefixes, first, exact in zip(
                    self.entries, self.prefixes, self.firsts, self.exact_firsts, strict=True
                )
                if (
                    any(folded.startswith(prefix) for prefix in prefixes)
                    if prefixes is not None
                    else first is None or first.match(folded[:1])
                )
                and (exact is None or key[:1] in exact)
            )
            if len(self.by_key) > 50_000:  # keys are word beginnings: bounded, but not by the lexicon alone
                self.by_key.clear()
            self.by_key[key] = known
        return known


@cache
def _start_index(language: str) -> _StartIndex:
    entries = _entries(language)
    prefixes = [find_prefixes(entry.pattern.pattern, re.IGNORECASE) for entry in entries]
    firsts = [
        find_first_chars(entry.pattern.pattern, re.IGNORECASE) if found is None else None
        for entry, found in zip(entries, prefixes, strict=True)
    ]
    anywhere = any(found is None and first is None for found, first in zip(prefixes, firsts, strict=True))
    items = {re.escape(prefix[0]) for found in prefixes if found for prefix in found}
    items |= {item for first in firsts if first for item in first}
    boundary = "" if language == "zh" else r"(?<!\w)"
    # with a trigger whose start is unknown, every word start is a candidate
    positions = re.compile(boundary + ("" if anywhere else build_char_class(frozenset(items))), re.IGNORECASE)
    classes = tuple(None if first is None else re.compile(build_char_class(first), re.IGNORECASE) for first in firsts)
    exact = tuple(find_case_sensitive_starts(entry.pattern.pattern, re.IGNORECASE) for entry in entries)
    return _StartIndex(positions, entries, tuple(prefixes), classes, exact, folded_positions=folded_twin(positions))


def find_triggers(text: str, language: str | None, offset: int = 0) -> list[Trigger]:
    """Non-overlapping triggers in `text`, longest first where two compete."""
    language = normalise_language(language)
    if not isinstance(text, str) or not text:
        return []
    index = _start_index(language)
    found = []
    known = index.by_key
    folded = folded_text(text)  # None when folding shifts offsets: then each word start is folded on its own
    twin = index.folded_positions if folded is not None else None
    for position in twin.finditer(folded) if twin is not None else index.positions.finditer(text):
        start = position.start()
        if folded is not None:
            key = text[start] + folded[start + 1 : start + PREFIX_LENGTH]
        else:
            key = text[start] + fold(text[start + 1 : start + PREFIX_LENGTH])
        entries = known.get(key)
        if entries is None:  # not `or`: most words start no trigger, and their () is known too
            entries = index.entries_for(key)
        for entry in entries:
            # case-sensitive on the folded text where the trigger allows: the same match, faster
            twin = entry.folded if folded is not None else None
            match = twin.match(folded, start) if twin is not None else entry.pattern.match(text, start)
            if match and match.end() > start:
                found.append((start, match.end(), entry))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[tuple[int, int, _Entry]] = []
    free = DisjointSpans()
    for start, end, entry in found:
        if free.take(start, end):
            taken.append((start, end, entry))
    taken.sort(key=lambda t: t[0])
    return [
        Trigger(
            e.kind, offset + s, offset + end, text[s:end], e.plover_type, e.plover_mode, e.directed, e.passive, e.weak
        )
        for s, end, e in taken
    ]


@cache
def _cue_patterns(language: str) -> dict[str, re.Pattern]:
    lexicon = load_lexicon(language)
    negation = lexicon.get("negation") or {}
    modality = lexicon.get("modality") or {}

    def alternation(items: list[str]) -> str:
        return "|".join(items) or r"(?!)"

    if language == "zh":
        # No spaces: the cue sits within a few characters before the trigger.
        before = r"(?:{})[^，。；！？]{{0,4}}$"
        after = r"^[^，。；！？]{{0,6}}(?:{})"
        masked = r"(?:{})"
        wide_before = r"(?:{})[^，。；！？]{{0,8}}$"
    else:
        before = r"(?<!\w)(?:{})(?!\w)(?:\W+\w+){{0,2}}\W*$"
        after = r"^\W*(?:\w+\W+){{0,3}}?(?:{})(?!\w)"
        masked = r"(?<!\w)(?:{})(?!\w)"
        wide_before = r"(?<!\w)(?:{})(?!\w)(?:\W+\w+){{0,4}}\W*$"
    flags = re.IGNORECASE
    # "skipped the summit in Delhi on Saturday", "the visit to Beijing set for May was called off": cues that
    # undo an event whatever stands between them and the trigger, unless a new clause starts ("and", "after");
    # after the trigger "and" joins the parties ("talks between Wang and Lavrov were postponed"): own list.
    breaks = alternation(negation.get("scope_breaks") or [])
    clause_before = r"(?<!\w)(?:{})(?!\w)(?:(?!(?<!\w)(?:{})(?!\w))[^.;:!?])*$"
    # "the exercise, which was postponed last year, began": a cancellation told in a relative clause is history.
    relative = "".join(rf"(?<!{re.escape(word)} )" for word in negation.get("relative_before_cue") or [])
    clause_after = r"^(?:(?!(?<!\w)(?:{})(?!\w))[^.;:!?]){{0,140}}?(?<!\w)" + relative + r"(?:{})(?!\w)"
    return {
        "neg_clause_before": re.compile(
            clause_before.format(alternation(negation.get("clause_before") or []), breaks), flags
        ),
        "neg_clause_after": re.compile(
            clause_after.format(
                alternation(negation.get("scope_breaks_after") or []),
                alternation(negation.get("clause_after") or []),
            ),
            flags,
        ),
        # neg_clause_after in two parts (see _called_off_after): the cue, and what closes its reach
        "neg_clause_after_cue": re.compile(
            r"(?<!\w)" + relative + "(?:{})(?!\\w)".format(alternation(negation.get("clause_after") or [])), flags
        ),
        "neg_clause_after_break": re.compile(
            r"(?<!\w)(?:{})(?!\w)".format(alternation(negation.get("scope_breaks_after") or [])), flags
        ),
        "neg_before": re.compile(before.format(alternation(negation.get("before") or [])), flags),
        "neg_after": re.compile(
            after.replace("(?:{})", relative + "(?:{})").format(alternation(negation.get("after") or [])), flags
        ),
        "not_negation": re.compile(masked.format(alternation(negation.get("not_negation") or [])), flags),
        "plan_before": re.compile(wide_before.format(alternation(modality.get("before") or [])), flags),
        "plan_after": re.compile(after.format(alternation(modality.get("after") or [])), flags),
        # "Xi is expected in Russia in October for the BRICS summit": a few cues put the whole clause after
        # them in the future, however many words stand between them and the trigger
        "plan_clause_before": re.compile(
            (r"(?:{})[^，。；！？]*$" if language == "zh" else r"(?<!\w)(?:{})(?!\w)[^.;:!?]*$").format(
                alternation(modality.get("clause_before") or [])
            ),
            flags,
        ),
        "commemorated": re.compile(
            (r"(?:{})[^，。；！？]{{0,4}}$" if language == "zh" else r"(?<!\w)(?:{})\s+(?:\w+\s+)?$").format(
                alternation(lexicon.get("commemorated_before") or [])
            ),
            flags,
        ),
        "hypothetical": re.compile(wide_before.format(alternation(lexicon.get("hypothetical") or [])), flags),
        "reference_before": re.compile(
            (r"(?:{})\s*$" if language == "zh" else r"(?<!\w)(?:{})\s+(?:\w+\s+)?$").format(
                alternation(lexicon.get("reference_before") or [])
            ),
            flags,
        ),
        "reference_after": re.compile(
            (r"^(?:{})" if language == "zh" else r"^\s+(?:{})(?!\w)").format(
                alternation(lexicon.get("reference_after") or [])
            ),
            flags,
        ),
    }


@cache
def _folded_cue_patterns(language: str) -> dict[str, re.Pattern] | None:
    """The cue patterns without re.IGNORECASE, for folded text (see case_folding); None when one cannot be."""
    twins = {name: folded_twin(pattern) for name, pattern in _cue_patterns(language).items()}
    return None if any(twin is None for twin in twins.values()) else twins


def reads_folded(language: str | None) -> bool:
    """The cue checks below take folded text (`folded=True`) for this language: about twice as fast."""
    return _folded_cue_patterns(normalise_language(language)) is not None


def _cues(language: str | None, folded: bool) -> dict[str, re.Pattern]:
    language = normalise_language(language)
    return (folded and _folded_cue_patterns(language)) or _cue_patterns(language)


def _mask(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def is_negated(before: str, after: str, language: str | None, *, folded: bool = False) -> bool:
    """`before`: the clause up to the trigger (after any earlier trigger); `after`: the sentence after it.
    `folded`: both are folded text (case_folding.folded_text), which the checks below read faster."""
    cues = _cues(language, folded)
    before = _mask(before, cues["not_negation"])
    return bool(cues["neg_before"].search(before) or cues["neg_after"].search(after[:60]))


def is_called_off(before: str, after: str, language: str | None, *, folded: bool = False) -> bool:
    """ "X skipped the summit on Monday", "the visit on Tuesday was cancelled", "batal menghadiri KTT": the event
    did not happen. `before`: the clause up to the trigger; `after`: the text up to the next trigger."""
    cues = _cues(language, folded)
    return bool(cues["neg_clause_before"].search(before)) or _called_off_after(after, cues)


CLAUSE_PUNCTUATION = re.compile(r"[.;:!?]")


def _called_off_after(after: str, cues: dict[str, re.Pattern]) -> bool:
    """What neg_clause_after answers: from the start, at most 140 characters that are neither clause punctuation
    nor the start of a scope break, then the cue. Found here as the first cue and where its reach ends, as the
    one-regex form tried every break word at every character: the costliest check of a sentence. A later cue
    could only be reached through more characters, so the first one decides."""
    cue = cues["neg_clause_after_cue"].search(after)
    if cue is None or cue.start() > 140 or CLAUSE_PUNCTUATION.search(after, 0, cue.start()):
        return False
    scope_break = cues["neg_clause_after_break"].search(after)
    return scope_break is None or scope_break.start() >= cue.start()


def is_planned(before: str, after: str, language: str | None, *, folded: bool = False) -> bool:
    cues = _cues(language, folded)
    return bool(
        cues["plan_before"].search(before)
        or cues["plan_clause_before"].search(before)
        or cues["plan_after"].search(after[:60])
    )


def plans_whole_clause(before: str, language: str | None) -> bool:
    """ "Macron is due in Moscow on Monday": a cue that puts everything told after it in the clause in the future,
    its day included."""
    return bool(_cue_patterns(normalise_language(language))["plan_clause_before"].search(before))


def is_hypothetical(before: str, language: str | None, *, folded: bool = False) -> bool:
    """ "if it were attacked", "jika diserang", "если", "如果": nothing happened."""
    return bool(_cues(language, folded)["hypothetical"].search(before))


def is_commemorated(before: str, language: str | None, *, folded: bool = False) -> bool:
    """ "on the first anniversary of the invasion", "peringatan setahun invasi": the event is only remembered; the
    date told with it is the anniversary's, so it is no report of the event."""
    return bool(_cues(language, folded)["commemorated"].search(before))


def is_reference(before: str, after: str, language: str | None, *, folded: bool = False) -> bool:
    """ "latihan tersebut", "this exercise", "эти учения", "该演习": the event the text already told."""
    cues = _cues(language, folded)
    return bool(cues["reference_before"].search(before) or cues["reference_after"].search(after))


def plover_for(kind: str, language: str | None = "en") -> tuple[str | None, str | None]:
    spec = (load_lexicon(normalise_language(language)).get("kinds") or {}).get(kind) or {}
    return spec.get("plover_type"), spec.get("plover_mode")
