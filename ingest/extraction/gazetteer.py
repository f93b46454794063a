"""Find actors, office titles and places in text, from the gazetteer records (lexicons/gazetteer.json).

Aliases match on word boundaries (no boundaries in Chinese); acronyms and very short aliases
("AS", "RI", "Xi") match case-sensitively so that "as" or "xi" in running text do not count.
Russian aliases tolerate case endings ("Путина", "России").
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicons import LEXICON_DIR, load_lexicon, normalise_language
from .regex_starts import build_char_class, find_first_chars
from .trie import trie_regex

CYRILLIC_SOFT_END = re.compile(r"[аеёиоуыэюяйь]{1,2}$")
CYRILLIC_HARD_END = re.compile(r"^[А-ЯЁа-яё][а-яё]+[бвгджзклмнпрстфхцчшщ]$")


@dataclass(frozen=True)
class Mention:
    """One span of text that names an actor, an office title, a place, or a phrase to ignore."""

    start: int
    end: int
    text: str
    kind: str  # "actor", "metonym", "demonym", "place", "title", "ignore"
    actor: str | None = None  # canonical name (for titles: None until resolved by date)
    office: str | None = None
    place: str | None = None  # English place name for locations


@dataclass
class _Matcher:
    pattern: re.Pattern | None
    exact: dict[str, tuple]  # casefolded surface form -> payload
    fuzzy: list[tuple[re.Pattern, tuple]] = field(default_factory=list)  # for inflected forms
    lowered: re.Pattern | None = None  # `pattern` without IGNORECASE, for the lower-cased text
    by_char: dict[str, tuple] = field(default_factory=dict, init=False, repr=False)
    starts: list = field(default_factory=list, init=False, repr=False)  # per fuzzy form: its first letters

    def payload_for(self, text: str) -> tuple | None:
        payload = self.exact.get(text.casefold())
        if payload is not None:
            return payload
        for pattern, candidate in self._fuzzy_starting(text[:1]):
            if pattern.fullmatch(text):
                return candidate
        return None

    def _fuzzy_starting(self, char: str) -> tuple:
        """The fuzzy forms, in order, that can start with `char`: a miss used to try every
        multi-word alias of the language, one Python call each."""
        known = self.by_char.get(char)
        if known is None:
            if len(self.starts) != len(self.fuzzy):
                self.starts = [_first_letters(pattern) for pattern, _ in self.fuzzy]
            pairs = zip(self.fuzzy, self.starts, strict=True)
            known = tuple(item for item, first in pairs if first is None or first.match(char))
            self.by_char[char] = known
        return known


def _first_letters(pattern: re.Pattern) -> re.Pattern | None:
    """A one-character pattern of the letters a match of `pattern` may start with (None: any)."""
    first = find_first_chars(pattern.pattern, pattern.flags)
    return None if first is None else re.compile(build_char_class(first), pattern.flags & re.IGNORECASE)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 1 < len(letters) <= 4 and word == word.upper()


def _is_case_sensitive(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 3 or alias == alias.upper()


def _alias_regex(alias: str, language: str, capital_insensitive: bool = False) -> str:
    """Regex source for one alias: Russian words get room for case endings."""
    parts = []
    words = re.split(r"(\s+)", alias)
    for index, word in enumerate(words):
        if not word or word.isspace():
            parts.append(r"\s+" if word else "")
            continue
        if language == "ru" and len(word) >= 4 and word != word.upper() and re.search("[а-яё]$", word):
            stem = CYRILLIC_SOFT_END.sub("", word) if len(CYRILLIC_SOFT_END.sub("", word)) >= 3 else word
            parts.append(re.escape(stem) + "[а-яё]{0,3}")
        elif language == "ru" and index == len(words) - 1 and len(word) == 3 and CYRILLIC_HARD_END.search(word):
            parts.append(re.escape(word) + "[а-яё]{0,2}")  # "Ли Цян" declines too: "с Ли Цяном", "в Риме"
        else:
            parts.append(re.escape(word))
    source = "".join(parts)
    if capital_insensitive and alias[:1].isalpha() and alias[:1].lower() != alias[:1].upper():
        first = re.escape(alias[0])
        source = f"[{alias[0].lower()}{alias[0].upper()}]" + source[len(first) :]
    return source


def _compile(entries: list[tuple[str, tuple, bool]], language: str, flags: int) -> _Matcher:
    """entries: (alias, payload, capital_insensitive)."""
    if not entries:
        return _Matcher(None, {})
    exact: dict[str, tuple] = {}
    fuzzy = []
    sources = []
    for alias, payload, capital_insensitive in sorted(entries, key=lambda e: -len(e[0])):
        source = _alias_regex(alias, language, capital_insensitive)
        sources.append(source)
        exact.setdefault(alias.casefold(), payload)
        if source != re.escape(alias):
            fuzzy.append((re.compile(source, flags), payload))
    body = trie_regex(sources)
    source = f"(?:{body})" if language == "zh" else rf"(?<![\w])(?:{body})(?![\w])"
    matcher = _Matcher(re.compile(source, flags), exact, fuzzy)
    # A case-blind pattern is tried on the lower-cased text as a case-sensitive one: the same matches at
    # half the cost. Not when the source spells a class in capitals ("\S", "\W": lower-casing changes it).
    if flags & re.IGNORECASE and not re.search(r"\\[A-Z]", source):
        try:
            matcher.lowered = re.compile(source.lower(), flags & ~re.IGNORECASE)
        except re.error:  # a range like "[Z-a]" turned upside down
            matcher.lowered = None
    return matcher


class Gazetteer:
    """Actors with aliases per language, offices with holders and dates, places."""

    def __init__(self, records: list[dict], offices: list[dict] | None = None):
        self.records = records
        self.offices = offices or []
        self.by_name = {r["name"]: r for r in records}
        self._matchers: dict[str, tuple[_Matcher, _Matcher]] = {}
        self._holders: dict[str, list[tuple[datetime.date | None, datetime.date | None, str]]] = {}
        self._office_countries = {o["office"]: o.get("country") for o in self.offices}
        for record in records:
            for held in record.get("offices") or []:
                self._holders.setdefault(held["office"], []).append(
                    (_day(held.get("start")), _day(held.get("end")), record["name"])
                )

    @classmethod
    def default(cls) -> "Gazetteer":
        return _default_gazetteer()

    @classmethod
    def from_records(cls, records: list[dict], offices: list[dict] | None = None) -> "Gazetteer":
        return cls(list(records), list(offices or []))

    def kind_of(self, name: str) -> str | None:
        record = self.by_name.get(name)
        return record["kind"] if record else None

    def country_of(self, name: str) -> str | None:
        """The country a person (or a national company) belongs to, or the country itself."""
        record = self.by_name.get(name)
        if record is None:
            return None
        if record["kind"] in ("person", "organisation"):
            country = record.get("country")
            return country if self.kind_of(country) == "country" else None
        return name if record["kind"] == "country" else None

    def holder(self, office: str, on: datetime.date | None) -> str | None:
        """Who held an office on a day (the current holder when the day is unknown)."""
        terms = self._holders.get(office) or []
        if not terms:
            return None
        if on is None:
            current = [name for start, end, name in terms if end is None]
            return current[0] if current else None
        for start, end, name in terms:
            if (start is None or start <= on) and (end is None or on < end):
                return name
        return None

    def office_country(self, office: str) -> str | None:
        """The country an office belongs to ("President of South Korea": South Korea), if the gazetteer has it."""
        country = self._office_countries.get(office)
        return country if country and self.kind_of(country) == "country" else None

    def holds_office(self, name: str, prefixes: tuple[str, ...], on: datetime.date | None) -> bool:
        """Whether a person held an office whose name starts with one of `prefixes` ("Prime Minister") on a
        day (any time when the day is unknown)."""
        for held in (self.by_name.get(name) or {}).get("offices") or []:
            if not held["office"].startswith(prefixes):
                continue
            start, end = _day(held.get("start")), _day(held.get("end"))
            if on is None or ((start is None or start <= on) and (end is None or on < end)):
                return True
        return False

    def find_mentions(self, text: str, language: str | None) -> list[Mention]:
        """Non-overlapping mentions, longest first where two compete for the same text."""
        language = normalise_language(language)
        found = []
        lowered = text.lower()
        same_offsets = len(lowered) == len(text)  # "İ" lower-cases to two characters: offsets would shift
        for matcher in self._matchers_for(language):
            if matcher.pattern is None:
                continue
            if matcher.lowered is not None and same_offsets:
                matches = matcher.lowered.finditer(lowered)
            else:
                matches = matcher.pattern.finditer(text)
            for match in matches:
                start, end = match.span()
                surface = text[start:end]
                payload = matcher.payload_for(surface)
                if payload is not None:
                    found.append((start, end, surface, payload))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        mentions, last_end = [], -1
        for start, end, surface, (kind, actor, office, place) in found:
            if start < last_end:
                continue
            last_end = end
            if kind == "compound":  # "中俄" names China and Russia at once
                mentions.extend(Mention(start, end, surface, "demonym", name) for name in actor.split("|"))
                continue
            mentions.append(Mention(start, end, surface, kind, actor, office, place))
        return mentions

    def _matchers_for(self, language: str) -> tuple[_Matcher, _Matcher]:
        if language not in self._matchers:
            self._matchers[language] = self._build_matchers(language)
        return self._matchers[language]

    def _build_matchers(self, language: str) -> tuple[_Matcher, _Matcher]:
        lexicon = load_lexicon(language)
        insensitive, sensitive = [], []

        def add(alias: str, payload: tuple, title: bool = False) -> None:
            if not alias:
                return
            if title and any(_is_acronym(word) for word in alias.split()):
                # "Presiden AS" must not match "presiden as"; accept "presiden AS" and "Presiden AS".
                sensitive.append((alias, payload, True))
                lowered = " ".join(w if _is_acronym(w) else w.lower() for w in alias.split())
                if lowered != alias:
                    sensitive.append((lowered, payload, True))
            elif title:
                insensitive.append((alias, payload, False))
            elif _is_case_sensitive(alias):
                sensitive.append((alias, payload, False))
            else:
                insensitive.append((alias, payload, False))

        for record in self.records:
            name = record["name"]
            for alias in (record.get("aliases") or {}).get(language, []):
                add(alias, ("actor", name, None, None))
            for alias in (record.get("metonyms") or {}).get(language, []):
                add(alias, ("metonym", name, None, record.get("capital") or alias))
            for alias in (record.get("places") or {}).get(language, []):
                add(alias, ("place", name, None, alias))
        for office in self.offices:
            for title in (office.get("titles") or {}).get(language, []):
                add(title, ("title", None, office["office"], None), title=True)
        for demonym, country in (lexicon.get("demonyms") or {}).items():
            add(demonym, ("demonym", country, None, None))
        for phrase in lexicon.get("ignore_phrases") or []:
            add(phrase, ("ignore", None, None, None))
        for compound, countries in (lexicon.get("zh_compounds") or {}).items():
            add(compound, ("compound", "|".join(countries), None, None))
        flags = re.UNICODE
        return _compile(insensitive, language, flags | re.IGNORECASE), _compile(sensitive, language, flags)


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    with (LEXICON_DIR / "gazetteer.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    return Gazetteer(data["actors"], data.get("offices") or [])
