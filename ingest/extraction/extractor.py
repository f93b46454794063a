"""extract(): cleaned article text in, candidate events out (pure Python, no Django).

An event needs three things in one sentence: a trigger of a kind, a date bound to that
trigger (same clause, or a clause of the sentence with no trigger of its own), and at least
one gazetteer actor (in the trigger's clause or sentence, or carried over from the previous
sentence when this one only says "he"/"dia"). An undated trigger never makes an event: it
becomes further evidence of a dated event of the same kind and actors in the article.
"""

import bisect
import datetime
import re
from dataclasses import dataclass, field, replace
from functools import cache

from .actors import PLACED_KINDS, ActorRole, after_locative, countries_of, is_country_place, read_actors
from .candidates import EXTRACTOR_VERSION, Candidate, Evidence, format_end
from .case_folding import folded_text
from .dates import DateMention, find_dates
from .gazetteer import Gazetteer, Mention
from .kinds import (
    KIND_PRIORITY,
    Trigger,
    find_triggers,
    is_called_off,
    is_commemorated,
    is_hypothetical,
    is_negated,
    is_planned,
    is_reference,
    plans_whole_clause,
    reads_folded,
)
from .language import detect_language
from .lexicons import load_lexicon, normalise_language
from .merging import merge_candidates
from .regex_starts import MultiScan, build_multi_scan, may_match
from .sentences import Sentence, split_clauses, split_sentences

CARRY_BACK = 3
# Talks and calls last a day: "after talks in the Kremlin" dates the talks as well as what followed.
ONE_DAY_KINDS = {"call", "meeting"}
# What a dateless sentence right after a dated one may go on telling about that day: talks, calls, signings.
CONTINUED_KINDS = {"call", "meeting", "agreement"}
# Kinds that happen together on one occasion and share a clause's date; invasions and attacks
# mentioned beside them are background with dates of their own.
SHAREABLE_KINDS = {
    "call",
    "meeting",
    "visit",
    "summit",
    "agreement",
    "exercise",
}  # sentences to look back for the actors of a sentence that names none


@dataclass
class _Reading:
    """One live trigger in one sentence, before it becomes a candidate or extra evidence."""

    trigger: Trigger
    sentence: Sentence
    clause: tuple[int, int]  # absolute offsets
    planned: bool
    date: DateMention | None = None
    carried: bool = False
    reference: bool = False  # "latihan tersebut", "this exercise": an event already told, not a new one
    in_phrase: bool = False  # "after talks in the Kremlin": dated by the phrase it stands in
    continued: bool = False  # dateless, dated by the sentence before it
    venue: bool = False  # "met on the sidelines of the SCO summit": the summit is where, not what
    topic: bool = False  # "condemned Russia's invasion on Wednesday": what the statement is about, not dated by it
    led_by: "_Reading | None" = None  # "held talks on Tuesday, and the two sides signed ...": the talks it followed


@dataclass
class _Context:
    recent: list[list[Mention]]
    by_kind: dict[str, list[Mention]]
    people: list[Mention]  # one mention per person named so far, the most named first
    sentence_mentions: list[Mention]
    dated_kinds: set[str] = field(default_factory=set)  # kinds of the dated events told so far
    told: list[Mention] = field(default_factory=list)  # actor mentions of the last sentence telling an event


def extract(
    text: str, *, published: datetime.datetime | None, language: str | None = None, gazetteer: Gazetteer | None = None
) -> list[Candidate]:
    if not isinstance(text, str) or not text.strip():
        return []
    language = normalise_language(language or detect_language(text))
    gazetteer = gazetteer or Gazetteer.default()
    published_day = _day_of(published)
    sentences = split_sentences(text, language)
    mentions = _with_surnames(text, gazetteer.find_mentions(text, language), gazetteer, language)
    found_dates = find_dates(text, published=published, language=language, prefer="auto")
    dates = [d for d in found_dates if _is_event_date(d, text, language)]
    onsets = _onset_dates(text, found_dates, language)
    periods = _period_dates(text, found_dates, language)
    if periods:
        dates = sorted(dates + periods, key=lambda d: d.start)
    anaphoric = _anaphoric_phrases(text, language)

    triggers = find_triggers(text, language)  # one scan of the whole text; sentences take their share
    # Mentions, dates and triggers are in order of start: each sentence takes its share by bisection, not
    # by a scan of the whole text's lists (quadratic in a long text: sentences times mentions).
    mention_starts, trigger_starts = [m.start for m in mentions], [t.start for t in triggers]
    date_starts = [d.start for d in dates]
    dated: list[Candidate] = []
    undated: list[Candidate] = []
    recent: list[list[Mention]] = []  # actor mentions of the last usable sentences, newest last
    by_kind: dict[str, list[Mention]] = {}  # actor mentions of the last sentence with a trigger of each kind
    last_told: list[Mention] = []  # actor mentions of the last sentence with a trigger of another kind than statement
    anchor: DateMention | None = None  # the day of the last dated event, for "the same day"
    anchors: dict[str, DateMention] = {}  # the day of the last dated event of each kind, for "after the talks"
    seen_people = _PeopleSeen()
    lead: Candidate | None = None  # the event the previous sentence dated by itself
    pending: list[tuple] = []  # the previous sentence's undated events, with what built them
    untold: DateMention | None = None  # the day the previous sentence told without any event word
    for sentence in sentences:
        if not sentence.usable:
            continue
        in_sentence = [m for m in _starting_in(mentions, mention_starts, sentence) if m.kind != "ignore"]
        sentence_dates = _starting_in(dates, date_starts, sentence)
        phrases = [a for a in anaphoric if sentence.start <= a[0] < sentence.end]
        opened = None if sentence_dates else _counted_opener(text, sentence, language)
        if opened is not None:
            # "Sehari setelah referendum, AS menjatuhkan sanksi": counted from the day of the event the opener names
            told = _told_day(text, opened, dated, triggers, sentences, dates, language) or anchor
            if told is not None:
                sentence_dates = _resolve_anaphoric(text, [opened[:3]], told)
                phrases = [a for a in phrases if not opened[0] <= a[0] < opened[1]]
            else:
                opened = None
        dated_by_phrase = bool(phrases) and not sentence_dates
        if dated_by_phrase:
            story = anchor or _last_day_before(dates, sentence.start)
            story = story or _publication_day(text, phrases, published_day, language)
            sentence_dates = _resolve_anaphoric(text, phrases, untold or story, anchors, triggers)
        elif phrases:
            sentence_dates = _with_counted_days(text, sentence_dates, phrases, language)
            sentence_dates = _with_story_day(text, sentence_dates, phrases, anchor, published_day, language)
        if sentence_dates and not dated_by_phrase:
            sentence_dates = _with_days_after(text, sentence, sentence_dates, triggers, language)
        in_triggers = _starting_in(triggers, trigger_starts, sentence)
        # "Pasukan kedua negara bentrok pada Senin (15/6). Dua hari kemudian, ...": a day told with no event word
        # moves the story to that day, even though nothing was read there
        if (
            sentence_dates
            and not in_triggers
            and not dated_by_phrase
            and sentence_dates[-1].precision == "day"
            and (published_day is None or sentence_dates[-1].latest <= published_day)
        ):
            next_untold = sentence_dates[-1]
        else:
            next_untold = untold if not (sentence_dates or in_triggers) else None
        own = [
            t
            for t in in_triggers
            if t.end <= sentence.end
            and not (opened is not None and opened[0] <= t.start < opened[1])
            # "The agreement comes a day after Putin promised ...": the event the phrase compares is told already
            and not (dated_by_phrase and _compared(text, t, phrases, language))
            and (
                (dated_by_phrase and t.kind in ONE_DAY_KINDS) or not any(a <= t.start < b for a, b, _ in phrases)
            )
        ]
        # (most sentences have no trigger of their own: nothing below needs what was told for them)
        told = frozenset(c.kind for c in dated) if own else frozenset()
        readings = _read_sentence(text, sentence, language, sentence_dates, own, told)
        if dated_by_phrase and untold is not None and readings and all(r.planned for r in readings):
            # "Minggu, Belousov diusulkan menjadi menteri. Malam harinya, kedua pemimpin dijadwalkan ...": what is
            # planned is planned for the story's day, not for a day told in passing
            sentence_dates = _resolve_anaphoric(text, phrases, story, anchors, triggers)
            readings = _read_sentence(text, sentence, language, sentence_dates, own, told)
        if pending and sentence_dates and _decision_told(text, sentence, language):
            # "... agreed to impose sanctions. The decision was announced on Saturday.": the day is the decision's
            for reading, args, loose in pending:
                reading.date = sentence_dates[0]
                candidate = _build(text, reading, *args)
                if candidate is not None and candidate.date is not None:
                    undated.remove(loose)
                    dated.append(candidate)
            readings = []
        pending = []
        if onsets:
            _date_onsets(readings, [d for d in onsets if sentence.start <= d.start < sentence.end], language)
        if sentence_dates and not dated_by_phrase:
            readings += _talks_in_phrase(triggers, phrases, readings, sentence, sentence_dates)
        if not sentence_dates:
            _continue_day(readings, lead.date if lead else None)
        previous_lead, lead = lead, None
        if readings:  # (ranking the people named so far for each sentence cost more than the sentences read)
            context = _Context(
                recent, by_kind, seen_people.most_named(), in_sentence, {c.kind for c in dated}, last_told
            )
        carried_kinds: set[str] = set()  # kinds whose parties this sentence took from earlier ones
        built: dict[int, Candidate] = {}
        for reading in readings:
            candidate = _build(
                text, reading, readings, in_sentence, context, language, gazetteer, published, published_day
            )
            if candidate is not None:
                built[id(reading)] = candidate
                if reading.led_by is not None and id(reading.led_by) in built:
                    _parties_of_talks(candidate, built[id(reading.led_by)], gazetteer)
            if candidate is None or (reading.continued and not _continues(candidate, previous_lead, gazetteer)):
                continue
            for one in _separate_talks(candidate, text, reading, language, gazetteer):
                (dated if one.date is not None else undated).append(one)
            if candidate.date is None and not reading.reference:
                args = (readings, in_sentence, context, language, gazetteer, published, published_day)
                pending.append((reading, args, candidate))
            if any(a.name not in {m.actor for m in in_sentence} for a in candidate.actors):
                carried_kinds.add(reading.trigger.kind)
            if (
                not reading.continued
                and candidate.date is not None
                and candidate.date.precision == "day"
                and candidate.modality == "asserted"
            ):
                lead = candidate
            if (
                candidate.date is not None
                and candidate.date.precision == "day"
                and candidate.modality == "asserted"
                and candidate.date.latest == candidate.date.earliest  # "the same day" is never a span's
            ):
                anchor = candidate.date
                if candidate.kind in ONE_DAY_KINDS:  # talks last a day; "during the visit" may be any of its days
                    anchors[candidate.kind] = candidate.date
        untold = next_untold
        seen_people.add(m for m in in_sentence if m.kind == "actor" and gazetteer.kind_of(m.actor) == "person")
        if in_sentence:
            recent = (recent + [in_sentence])[-CARRY_BACK:]
            for reading in readings:
                # "Patroli sebelumnya digelar pada Mei, saat para pemimpin Quad bertemu": a patrol whose parties
                # were carried leaves the patrol's parties, not this sentence's names, for the next patrol
                if reading.trigger.kind not in carried_kinds:
                    by_kind[reading.trigger.kind] = in_sentence
                    if reading.trigger.kind != "statement":
                        last_told = in_sentence
    dated = merge_candidates(dated)
    _attach_undated(dated, undated)
    return [c for c in dated if not _half_read(c, gazetteer)]


@cache
def _decision_cue(language: str) -> re.Pattern | None:
    source = load_lexicon(language).get("decision_told_after")
    return re.compile(rf"\W*(?:{source})(?!\w)", re.IGNORECASE) if source else None


def _decision_told(text: str, sentence: Sentence, language: str) -> bool:
    """ "The decision was announced on Saturday": a sentence that only tells when what was told before was
    announced."""
    cue = _decision_cue(language)
    return bool(cue and cue.match(text, sentence.start, sentence.end))


@cache
def _separate_cue(language: str) -> re.Pattern | None:
    words = load_lexicon(language).get("separate_markers") or []
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE) if words else None


def _separate_talks(
    candidate: Candidate, text: str, reading: _Reading, language: str, gazetteer: Gazetteer
) -> list[Candidate]:
    """ "Xi held separate talks with Modi and Erdogan": two meetings of the first party named, one with each
    of the others, not one three-way meeting."""
    if candidate.kind not in ONE_DAY_KINDS or len(candidate.countries) < 3:
        return [candidate]
    cue = _separate_cue(language)
    if cue is None or not cue.search(text, reading.clause[0], min(reading.clause[1], reading.trigger.end + 20)):
        return [candidate]
    first, *others = candidate.actors
    home = countries_of([first], gazetteer)
    pairs = []
    for other in others:
        country = countries_of([other], gazetteer)
        if country == home or not country:
            continue
        pair = replace(candidate, actors=[first, other], countries=home + country, evidence=list(candidate.evidence))
        pairs.append(pair)
    return pairs or [candidate]


# Kinds that always take two parties: two sides of talks, a call or a deal, a guest and a host (a national
# drill or a summit named by its grouping alone may have one)
TWO_PARTY_KINDS = {"meeting", "call", "visit", "agreement"}


def _half_read(candidate: Candidate, gazetteer: Gazetteer) -> bool:
    """Talks, a call, a visit or a deal with one party found: the text was not read right, and a one-sided
    event on the timeline is noise ("Putin arrived", "Trump signed the bill into law")."""
    if candidate.kind not in TWO_PARTY_KINDS:
        return False
    return len({gazetteer.country_of(a.name) or a.name for a in candidate.actors} | set(candidate.countries)) < 2


GIVEN_NAME_TOO = {"Indonesia"}  # "Retno Marsudi" is Bu Retno
SURNAME_FIRST = {"China", "Taiwan", "North Korea", "South Korea", "Vietnam"}  # "Wang Yi" is Mr Wang


def _with_surnames(text: str, mentions: list[Mention], gazetteer: Gazetteer, language: str) -> list[Mention]:
    """ "Wang Yi met Lavrov. Hours later, Wang met Blinken": once a text has named a person in full, it names
    them by their surname alone. A surname standing alone after the full name stands for that person, unless
    two people named in full share it or another capitalised name follows it ("Li Hui" is not Li Qiang)."""
    if language == "zh":
        return mentions
    surnames: dict[str, tuple[str | None, int]] = {}  # surname -> (person, where the full name ends)
    for m in mentions:
        tokens = m.text.split()
        if m.kind != "actor" or len(tokens) < 2 or gazetteer.kind_of(m.actor or "") != "person":
            continue
        country = gazetteer.country_of(m.actor)
        # "Retno Marsudi ... Retno dan Lavrov": Indonesians are named by their given name as often as by the last
        if country in GIVEN_NAME_TOO:
            names = (tokens[0], tokens[-1])
        else:
            names = (tokens[0] if country in SURNAME_FIRST else tokens[-1],)
        for surname in names:
            if len(surname) < 2 or not surname[0].isupper():
                continue
            known = surnames.get(surname)
            surnames[surname] = (m.actor, m.end) if known is None or known[0] == m.actor else (None, 0)
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    for surname, (person, after) in surnames.items():
        at = text.find(surname, after)
        while person is not None and at >= 0:
            end = at + len(surname)
            alone = not (at > 0 and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum())
            followed = _NAME_AFTER.match(text, end)
            if alone and not followed and not any(a < end and at < b for a, b in taken):
                extra.append(Mention(at, end, surname, "actor", person))
            at = text.find(surname, end)
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


_NAME_AFTER = re.compile(r"[ \t]+[A-ZА-ЯЁ]")


def _talks_in_phrase(
    triggers: list[Trigger],
    phrases: list[tuple[int, int, int]],
    readings: list[_Reading],
    sentence: Sentence | None = None,
    dates: list[DateMention] = (),
):
    """ "по итогам переговоров во вторник подписали", "after their talks, the leaders on Tuesday signed": talks
    named by a same-day phrase took place on the day of the event the phrase leads into."""
    found = []
    for start, end, shift in phrases:
        if shift != 0:
            continue
        led = next((r for r in readings if r.trigger.start >= end and r.date is not None and not r.planned), None)
        if led is not None:
            sentence, clause, date = led.sentence, led.clause, led.date
        else:
            # "Earlier this month, Wang Yi told Kallas during talks in Brussels that...": a date no trigger took,
            # told before the phrase, is the day of the talks
            unused = [d for d in dates if d.end <= start and not any(r.date is d for r in readings)]
            if sentence is None or not unused:
                continue
            clause, date = (sentence.start, sentence.end), unused[-1]
        for trigger in triggers:
            if start <= trigger.start < end and trigger.kind in ONE_DAY_KINDS:
                found.append(_Reading(trigger, sentence, clause, False, date=date, in_phrase=True))
    return found


def _continue_day(readings: list[_Reading], day: DateMention | None) -> None:
    """ "Xi met Mishustin on Wednesday. The two men watched officials sign agreements.": a dateless sentence
    right after a dated one goes on telling that day, for consultations told as done."""
    if day is None:
        return
    for reading in readings:
        if reading.date is not None or reading.reference or reading.planned or reading.trigger.weak:
            continue
        if any(r.trigger.kind == "statement" and r.trigger.start < reading.trigger.start for r in readings):
            continue  # "the paper called for peace talks": what a statement asks for has not happened
        if reading.trigger.kind in CONTINUED_KINDS:
            reading.date = day
            reading.continued = True


def _parties_of_talks(candidate: Candidate, talks: Candidate, gazetteer: Gazetteer) -> None:
    """ "He held talks with Ramaphosa on Tuesday, and the two governments signed agreements": what the talks led
    to is between their parties, unless its clause names two of its own."""

    def parties(event: Candidate) -> set[str]:
        return {gazetteer.country_of(a.name) or a.name for a in event.actors}

    if len(parties(candidate) & parties(talks)) < 2:
        candidate.actors = [ActorRole(a.name, a.kind, "participant") for a in talks.actors]
        candidate.countries = list(talks.countries)


def _continues(candidate: Candidate, lead: Candidate | None, gazetteer: Gazetteer) -> bool:
    """A continued event goes on with two of the parties of the event before it, and a call never goes on
    as a meeting (or a meeting as a call): "Putin told Xi he was willing to hold talks with Kyiv"."""
    if lead is None or {candidate.kind, lead.kind} == ONE_DAY_KINDS:
        return False

    def parties(event: Candidate) -> set[str]:
        return {gazetteer.country_of(a.name) or a.name for a in event.actors}

    return len(parties(candidate) & parties(lead)) >= 2


def _day_of(published) -> datetime.date | None:
    if isinstance(published, datetime.datetime):
        return published.date()
    if isinstance(published, datetime.date):
        return published
    return None


@cache
def _blockers(language: str) -> tuple[re.Pattern, re.Pattern]:
    lexicon = load_lexicon(language)
    before = "|".join(lexicon.get("date_blockers_before") or []) or r"(?!)"
    after = "|".join(lexicon.get("date_blockers_after") or []) or r"(?!)"
    if language == "zh":
        return re.compile(rf"(?:{before})\s*$"), re.compile(rf"^\s*(?:{after})")
    return (
        re.compile(rf"(?<!\w)(?:{before})\s+(?:the\s+|awal\s+|akhir\s+)?$", re.IGNORECASE),
        re.compile(rf"^\s*(?:{after})(?!\w)", re.IGNORECASE),
    )


@cache
def _period_owner(language: str) -> re.Pattern:
    words = "|".join(load_lexicon(language).get("period_owners") or []) or r"(?!)"
    return re.compile(rf"(?<!\w)(?:{words})\s+$", re.IGNORECASE)


@cache
def _when_after(language: str) -> re.Pattern:
    words = "|".join(load_lexicon(language).get("when_markers") or []) or r"(?!)"
    return re.compile(rf"\s*[,，]\s*(?:{words})(?!\w)", re.IGNORECASE)


def _is_event_date(mention: DateMention, text: str, language: str) -> bool:
    """'since February', 'hingga 2030', '以来' mark a period's edge, not the day something happened."""
    if mention.precision in ("ref", "decade") or not mention.contract_date():
        return False
    before, after = _blockers(language)
    if _period_owner(language).search(text, max(0, mention.start - 40), mention.start):
        return False  # "an action plan for 2017-2020": the period a plan covers, not a day something happened
    # "с 7 по 10 мая", "from 7 to 10 May": a range's opening word is not "since"
    if mention.end_value is None and before.search(text[max(0, mention.start - 30) : mention.start]):
        # "since November 2019, when they met": the when-clause tells what happened on that date
        return bool(_when_after(language).match(text, mention.end))
    # "6月13日起，以色列发动空袭": a day a campaign or measure starts from is the day it began
    if mention.precision == "day" and _start_after(language).match(text, mention.end):
        return True
    return not after.search(text[mention.end : mention.end + 20])


@cache
def _start_after(language: str) -> re.Pattern:
    words = "|".join(load_lexicon(language).get("start_markers_after") or []) or r"(?!)"
    return re.compile(rf"\s*(?:{words})")


@cache
def _anaphoric_scan(language: str) -> tuple[MultiScan | None, tuple[int, ...]]:
    """One scan for every phrase (each phrase's matches as its own finditer gives them) and their shifts."""
    phrases = load_lexicon(language).get("anaphoric_dates") or {}
    if not phrases:
        return None, ()
    bound = (lambda source: source) if language == "zh" else (lambda source: rf"(?<!\w)(?:{source})(?!\w)")
    sources = [bound(source) for source in phrases]
    return build_multi_scan(sources, re.IGNORECASE, "" if language == "zh" else r"(?<!\w)"), tuple(phrases.values())


def _anaphoric_phrases(text: str, language: str) -> list[tuple[int, int, int]]:
    """Spans of "pada hari yang sama", "a day earlier", "накануне", "同日", with their shift in days."""
    scan, shifts = _anaphoric_scan(language)
    if scan is None:
        return []
    return sorted((match.start(), match.end(), shifts[index]) for index, match in scan.find_each(text))


@cache
def _onset_marker(language: str) -> re.Pattern | None:
    words = load_lexicon(language).get("onset_markers") or []
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})\s+$", re.IGNORECASE) if words else None


def _onset_dates(text: str, found: list[DateMention], language: str) -> list[DateMention]:
    """Dates told as the start of a lasting state ("sejak Maret"): no event of their own."""
    pattern = _onset_marker(language)
    if pattern is None:
        return []
    dated = [d for d in found if d.precision in ("day", "month", "year")]
    return [d for d in dated if pattern.search(text, max(0, d.start - 20), d.start)]


def _date_onsets(readings: list[_Reading], onsets: list[DateMention], language: str) -> None:
    """"menjatuhkan sanksi terhadap pejabat Rusia sejak Maret": a lasting measure told with the date it runs
    from began then; nothing else may stand between the two."""
    kinds = set(load_lexicon(language).get("onset_kinds") or [])
    for reading in readings:
        if reading.date is not None or reading.reference or reading.trigger.kind not in kinds:
            continue
        end = reading.trigger.end
        after = [d for d in onsets if 0 <= d.start - end <= 80]
        if after and not any(end <= r.trigger.start < after[0].start for r in readings if r is not reading):
            reading.date = after[0]


@cache
def _period_pattern(language: str) -> re.Pattern | None:
    phrases = load_lexicon(language).get("anaphoric_periods") or {}
    if not phrases:
        return None
    return re.compile("|".join(rf"(?<!\w)(?P<{unit}>{source})(?!\w)" for source, unit in phrases.items()), re.I)


def _period_dates(text: str, found: list[DateMention], language: str) -> list[DateMention]:
    """"sejak Maret, menyusul aneksasi Krimea pada bulan yang sama": the month (or year) of the date told
    last before the phrase, even one that only marked a period's edge."""
    pattern = _period_pattern(language)
    if pattern is None or not may_match(pattern, text):  # most texts hold no "bulan yang sama"
        return []
    resolved = []
    for match in pattern.finditer(text):
        unit = match.lastgroup
        finer = ("day", "month") if unit == "month" else ("day", "month", "year")
        earlier = [d for d in found if d.end <= match.start() and d.precision in finer]
        base = max(earlier, key=lambda d: d.start, default=None)
        if base is None or any(d.start <= match.start() < d.end for d in found):
            continue
        year, month = base.earliest.year, base.earliest.month
        if unit == "month":
            first, last, value = datetime.date(year, month, 1), _month_end(year, month), f"{year:04d}-{month:02d}"
        else:
            first, last, value = datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year:04d}"
        trail = f"'{match.group()}' -> {value}: the {unit} of '{base.expression}' ({base.value})"
        resolved.append(
            DateMention(match.start(), match.end(), match.group(), first, last, unit, None, value, None, True, trail)
        )
    return resolved


def _month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


@cache
def _publication_day_phrases(language: str) -> re.Pattern | None:
    phrases = load_lexicon(language).get("anaphoric_publication_day") or []
    return re.compile("|".join(phrases), re.IGNORECASE) if phrases else None


def _publication_day(
    text: str, phrases: list[tuple[int, int, int]], day: datetime.date | None, language: str
) -> DateMention | None:
    """ "Earlier in the day, Putin called Xi" with no day told before it: the day the article was published."""
    pattern = _publication_day_phrases(language)
    if day is None or pattern is None or not any(pattern.fullmatch(text, a, b) for a, b, _ in phrases):
        return None
    value = day.isoformat()
    return DateMention(0, 0, "the day of publication", day, day, "day", None, value, None, True, "publication day")


_WORD = re.compile(r"\w")


def _with_story_day(
    text: str,
    dates: list[DateMention],
    phrases: list[tuple[int, int, int]],
    anchor: DateMention | None,
    day: datetime.date | None,
    language: str,
) -> list[DateMention]:
    """ "Lavrov, who arrived on Monday for a visit, held talks with Wang earlier in the day": "the day" is the
    day the story is about (the last dated event, else publication), not the day told in a side clause."""
    pattern = _publication_day_phrases(language)
    if pattern is None:
        return dates
    added = []
    for start, end, shift in phrases:
        if not pattern.fullmatch(text, start, end) or any(d.start < end and start < d.end for d in dates):
            continue
        base = anchor or _publication_day(text, [(start, end, shift)], day, language)
        if base is not None:
            added += _resolve_anaphoric(text, [(start, end, shift)], base)
    return sorted(dates + added, key=lambda d: d.start) if added else dates


def _with_counted_days(
    text: str, dates: list[DateMention], phrases: list[tuple[int, int, int]], language: str = "en"
) -> list[DateMention]:
    """ "met Xi on Tuesday, and the next day flew to Beijing", "bertemu pada Selasa, lalu keesokan harinya ...":
    a day counted from the day told before it in the same sentence ("arrived on Tuesday and held talks that day":
    that very day; but "earlier in the day" is the story's day, see _with_story_day)."""
    story = _publication_day_phrases(language)
    added = []
    for start, end, shift in phrases:
        if shift == 0 and (story is None or story.fullmatch(text, start, end)):
            continue
        if shift == 0 and plans_whole_clause(text[max(0, start - 300) : start], language):
            continue  # "is due in Moscow on Monday, while Scholz will meet Biden on the same day": read with the plan
        if any(d.start < end and start < d.end for d in dates):
            continue
        before = [d for d in dates if d.end <= start and d.precision == "day" and d.earliest == d.latest]
        # "21 January, the day after the inauguration": right after its date, the phrase describes that day
        if before and _WORD.search(text, before[-1].end, start):
            added += _resolve_anaphoric(text, [(start, end, shift)], before[-1])
    return sorted(dates + added, key=lambda d: d.start) if added else dates


@cache
def _days_after(language: str) -> tuple[re.Pattern, tuple[int, ...], re.Pattern] | None:
    lexicon = load_lexicon(language)
    spec = lexicon.get("days_after_in_sentence") or {}
    if not spec:
        return None
    sources = "|".join(rf"(?P<g{i}>{source})" for i, source in enumerate(spec))
    # "a day after the SCO summit": a noun phrase, not a clause telling who did what
    nouns = "|".join(lexicon.get("days_after_noun_openers") or []) or r"(?!)"
    noun = re.compile(rf"\s*(?:(?:{nouns})(?!\w)|$)", re.IGNORECASE)
    return re.compile(rf"(?<!\w)(?:{sources})(?!\w)", re.IGNORECASE), tuple(spec.values()), noun


def _with_days_after(
    text: str, sentence: Sentence, dates: list[DateMention], triggers: list[Trigger], language: str
) -> list[DateMention]:
    """ "met Xi on Tuesday, a day after Lavrov met Wang Yi", "sehari setelah ...": what follows the phrase happened
    that many days before the day told before it in the sentence."""
    known = _days_after(language)
    if known is None:
        return dates
    pattern, shifts, noun = known
    if not may_match(pattern, sentence.text):
        return dates
    added = []
    for match in pattern.finditer(text, sentence.start, sentence.end):
        before = [d for d in dates if d.end <= match.start() and d.precision == "day" and d.earliest == d.latest]
        # "a day after the summit on Monday": the thing after the phrase has a day of its own
        if not before or any(match.start() <= d.start < match.end() + 60 for d in dates):
            continue
        following = next((t.start for t in triggers if t.start >= match.end()), sentence.end)
        shift = shifts[int(match.lastgroup[1:])]
        # "hours after talks with Mishustin": the same day, whether a clause or a noun phrase follows
        if shift and noun.match(text, match.end(), following):
            continue
        added += _resolve_anaphoric(text, [(match.start(), match.end(), shift)], before[-1])
    return sorted(dates + added, key=lambda d: d.start) if added else dates


@cache
def _comparing_verbs(language: str) -> re.Pattern | None:
    words = load_lexicon(language).get("comparing_verbs") or []
    return re.compile(rf"(?:{'|'.join(words)})(?!\w)", re.IGNORECASE) if words else None


def _compared(text: str, trigger: Trigger, phrases: list[tuple[int, int, int]], language: str) -> bool:
    """The trigger is the subject of a phrase that measures it from another event: "The statement came hours
    after ..."."""
    verbs = _comparing_verbs(language)
    return verbs is not None and any(
        not text[trigger.end : a].strip() and verbs.match(text, a) for a, _, _ in phrases if a >= trigger.end
    )


@cache
def _counted_opener_pattern(language: str) -> tuple[re.Pattern, tuple[int, ...]] | None:
    spec = load_lexicon(language).get("counted_openers") or {}
    if not spec:
        return None
    sources = "|".join(rf"(?P<g{i}>{source})" for i, source in enumerate(spec))
    # the phrase, then what it counts from, up to the comma closing the opener
    return re.compile(rf"\s*(?P<phrase>{sources})\s+(?P<named>[^,;:.]{{1,60}}?),", re.IGNORECASE), tuple(spec.values())


def _counted_opener(text: str, sentence: Sentence, language: str) -> tuple[int, int, int, int] | None:
    """ "Sehari setelah referendum, ...", "Two days before the summit, ...": a sentence opening with a count of
    days from an event it names; (phrase start, opener end, shift, start of what it names)."""
    known = _counted_opener_pattern(language)
    if known is None:
        return None
    pattern, shifts = known
    match = pattern.match(text, sentence.start, sentence.end)
    if match is None:
        return None
    group = next(name for name, value in match.groupdict().items() if value is not None and name.startswith("g"))
    return match.start("phrase"), match.end(), shifts[int(group[1:])], match.start("named")


def _told_day(
    text: str,
    opened: tuple[int, int, int, int],
    dated: list[Candidate],
    triggers: list[Trigger],
    sentences: list[Sentence],
    dates: list[DateMention],
    language: str,
) -> DateMention | None:
    """The day of the event told last whose kind the opener names ("sebelum KTT") or whose sentence holds the
    opener's first word ("setelah referendum")."""
    _, end, _, named = opened
    kinds = {t.kind for t in triggers if named <= t.start < end}
    # the first word that is not a determiner ("before the summit": "summit")
    openers = {w.lower() for w in load_lexicon(language).get("days_after_noun_openers") or []}
    word = next((w for w in re.findall(r"[\w-]+", text[named:end]) if w.lower() not in openers), "")
    head = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE) if len(word) >= 3 else None
    told = [
        c
        for c in reversed(dated)
        if c.date is not None
        and c.date.precision == "day"
        and c.date.earliest == c.date.latest
        and c.modality == "asserted"
    ]
    if head is not None:
        for candidate in told:
            if any(head.search(e.sentence) for e in candidate.evidence):
                return candidate.date
        # the event was told without being read as one: the day told in the last sentence naming it
        for sentence in reversed([s for s in sentences if s.end <= opened[0]]):
            if head.search(sentence.text):
                days = [d for d in dates if sentence.start <= d.start < sentence.end and d.precision == "day"]
                if days and days[-1].earliest == days[-1].latest:
                    return days[-1]
    return next((c.date for c in told if c.kind in kinds), None)


def _last_day_before(dates: list[DateMention], position: int) -> DateMention | None:
    return max((d for d in dates if d.end <= position and d.precision == "day"), key=lambda d: d.start, default=None)


def _resolve_anaphoric(
    text: str,
    phrases: list[tuple[int, int, int]],
    anchor: DateMention | None,
    anchors: dict[str, DateMention] | None = None,
    triggers: list[Trigger] = (),
) -> list[DateMention]:
    """A day counted from the day of the event the text was just telling about; a phrase that names
    its event ("会谈后", "по итогам переговоров") counts from the last event of that kind."""
    resolved = []
    for start, end, shift in phrases:
        named = [t.kind for t in triggers if start <= t.start < end]
        base = next((anchors[kind] for kind in named if anchors and kind in anchors), anchor)
        if base is None:
            continue
        day = base.earliest + datetime.timedelta(days=shift)
        trail = (
            f"'{text[start:end]}' -> {day.isoformat()}: {shift:+d} day(s) from '{base.expression}' ({base.value})"
        )
        resolved.append(
            DateMention(start, end, text[start:end], day, day, "day", None, day.isoformat(), None, True, trail)
        )
    return resolved


def _starting_in(items: list, starts: list[int], sentence: Sentence) -> list:
    return items[bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)]


def _read_sentence(
    text: str,
    sentence: Sentence,
    language: str,
    in_sentence: list[DateMention],
    triggers: list[Trigger],
    told: frozenset[str] = frozenset(),
) -> list[_Reading]:
    if not triggers:
        return []
    protected = [(d.start - sentence.start, d.end - sentence.start) for d in in_sentence]
    clauses = [(sentence.start + a, sentence.start + b) for a, b in split_clauses(sentence.text, language, protected)]
    readings: list[_Reading] = []
    previous_end: dict[tuple[int, int], int] = {}
    # the cue checks read the folded sentence case-sensitively: the same answers, about twice as fast
    folded_sentence = folded_text(sentence.text) if reads_folded(language) else None
    folded = folded_sentence is not None
    cued, base = (folded_sentence, sentence.start) if folded else (text, 0)
    for trigger in triggers:
        clause = next((c for c in clauses if c[0] <= trigger.start < c[1]), (sentence.start, sentence.end))
        # Negation cues reach back to the previous trigger at most: "menolak untuk mengutuk invasi"
        # negates the condemnation, not the invasion.
        start = max(clause[0], previous_end.get(clause, clause[0]))
        previous_end[clause] = trigger.end
        own, in_clause = cued[start - base : trigger.start - base], cued[clause[0] - base : trigger.start - base]
        after = cued[trigger.end - base : sentence.end - base]
        if is_negated(own, after, language, folded=folded):
            continue
        following = next((t.start for t in triggers if t.start >= trigger.end), sentence.end)
        if is_called_off(in_clause, cued[trigger.end - base : following - base], language, folded=folded):
            continue
        if is_hypothetical(in_clause, language, folded=folded):
            continue
        if is_commemorated(own, language, folded=folded):
            continue
        planned = is_planned(in_clause, after, language, folded=folded) or _is_future_form(trigger, language)
        # "dijadwalkan menggelar pembicaraan pada Selasa, sebelum menghadiri parade pada Rabu": the plan goes on
        planned = planned or bool(
            readings
            and readings[-1].planned
            and readings[-1].clause != clause
            and _plan_goes_on(language).match(text, clause[0], trigger.start)
        )
        reference = is_reference(own, after, language, folded=folded)
        venue = _is_sideline_venue(text, clause[0], trigger, language, in_sentence)
        readings.append(_Reading(trigger, sentence, clause, planned, reference=reference, venue=venue))
    readings = _drop_announcing(readings)
    _mark_topics(text, readings)
    # "signed a declaration after talks in the Kremlin": the talks inside the date phrase take its day
    inside = {id(r): d for r in readings for d in in_sentence if d.start <= r.trigger.start < d.end}
    outside = [r for r in readings if id(r) not in inside]
    if in_sentence:  # (a sentence without a date has none to bind: its clauses need not be told apart)
        _bind_dates(outside, in_sentence, clauses, _subordinate_clauses(text, clauses, language), text, language, told)
        _after_talks(outside, in_sentence)
    for reading in readings:
        if id(reading) in inside and not reading.reference:
            reading.date = inside[id(reading)]
            reading.in_phrase = True
    _share_simultaneous(readings, in_sentence, text, language)
    return _one_per_kind(readings)


def _after_talks(readings: list[_Reading], dates: list[DateMention]) -> None:
    """ "Xi held talks with Lula on Tuesday, and the two governments signed agreements on trade": what the talks
    led to, told after them in a clause with no day of its own, took place the day of the talks."""
    talks = None
    for reading in readings:
        if reading.trigger.kind == "statement":
            talks = None  # "met Xi on Monday and said the two would sign a deal": what is said is not done
        elif reading.trigger.kind in ONE_DAY_KINDS:
            dated = reading.date is not None and reading.date.precision == "day" and not reading.planned
            talks = reading if dated else None
        elif (
            talks is not None
            and reading.date is None
            and reading.trigger.kind == "agreement"
            and not (reading.planned or reading.reference or reading.topic or reading.venue or reading.trigger.weak)
            and not any(reading.clause[0] <= d.start < reading.clause[1] for d in dates)
        ):
            reading.date = talks.date
            reading.led_by = talks


# (not a strike: "Ukraine condemned the Russian airstrike on Kharkiv on Tuesday" is most often told the day it hit)
TOPIC_KINDS = {"invasion"}


def _mark_topics(text: str, readings: list[_Reading]) -> None:
    """ "Japan condemned Russia's invasion of Ukraine on Wednesday", "mengecam invasi Rusia, Rabu (2/3)": an
    invasion named as the object of a statement is what was condemned; the day is the statement's."""
    for said, named in zip(readings, readings[1:], strict=False):
        if (
            named.trigger.kind in TOPIC_KINDS
            and said.trigger.kind == "statement"
            and said.trigger.directed
            and said.clause == named.clause
            and len(text[said.trigger.end : named.trigger.start].split()) <= 4
        ):
            named.topic = True


@cache
def _plan_goes_on(language: str) -> re.Pattern:
    """A clause that carries on the plan of the one before: "..., before attending", "..., sebelum menghadiri"."""
    words = load_lexicon(language).get("modality", {}).get("continued_by") or []
    return re.compile(rf"\W*(?:{'|'.join(words) or '(?!)'})(?!\w)", re.IGNORECASE)


def _drop_announcing(readings: list[_Reading]) -> list[_Reading]:
    """ "The Kremlin announced on Tuesday that Xi would visit", "jubir Kremlin mengatakan Putin akan berkunjung":
    a weak statement trigger (an announcement, a spokesman) followed by an event of another kind only tells
    that event; it is a statement of its own only when nothing else is told after it."""
    return [
        r
        for r in readings
        if not (
            r.trigger.weak
            and r.trigger.kind == "statement"
            and any(o.trigger.start >= r.trigger.end and o.trigger.kind != "statement" for o in readings)
        )
    ]


@cache
def _sideline_cue(language: str) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    lexicon = load_lexicon(language)
    cues = lexicon.get("sideline_before") or []
    if not cues:
        return None
    body = "|".join(cues)
    # the cue, then at most a few words naming the gathering ("the 16th BRICS", "KTT G20 di")
    before = re.compile(rf"(?<!\w)(?:{body})(?!\w)(?:\W+[\w-]+){{0,5}}\W*$", re.IGNORECASE)
    # "the SCO summit, which opened in Samarkand on 15 September": a summit told with a day of its own
    dated = "|".join(lexicon.get("sideline_dated_after") or []) or r"(?!)"
    own_day = re.compile(rf"(?<!\w)(?:{dated})(?!\w)", re.IGNORECASE)
    return before, re.compile(body, re.IGNORECASE), own_day


def _is_sideline_venue(
    text: str, clause_start: int, trigger: Trigger, language: str, dates: list[DateMention] = ()
) -> bool:
    """ "met Putin on the sidelines of the BRICS summit", "di sela-sela KTT SCO": the summit, and the cue itself
    (a meeting trigger when nothing else tells the meeting), are the setting of the meeting told beside them."""
    patterns = _sideline_cue(language)
    if patterns is None:
        return False
    before, cue, own_day = patterns
    if trigger.kind != "summit":
        return bool(cue.fullmatch(trigger.text))
    if not before.search(text, max(clause_start, trigger.start - 80), trigger.start):
        return False
    told = own_day.search(text, trigger.end, trigger.end + 80)
    return not (told and any(told.end() <= d.start <= told.end() + 40 for d in dates))


@cache
def _future_forms(language: str) -> re.Pattern | None:
    forms = load_lexicon(language).get("future_trigger_forms") or []
    return re.compile("|".join(forms), re.IGNORECASE) if forms else None


def _is_future_form(trigger: Trigger, language: str) -> bool:
    """ "В среду он посетит парад": a Russian perfective verb in the present form tells what is still to come."""
    pattern = _future_forms(language)
    return bool(pattern and pattern.fullmatch(trigger.text))


@cache
def _simultaneous(language: str) -> re.Pattern | None:
    words = load_lexicon(language).get("simultaneous_markers") or []
    return re.compile(rf"[\s,;]*(?:{'|'.join(words)})", re.IGNORECASE) if words else None


def _share_simultaneous(readings: list[_Reading], dates: list[DateMention], text: str, language: str) -> None:
    """ "declared a partnership on Friday, as Putin met Xi in Beijing": a dateless clause told as happening
    at the same time takes the day of the event told before it in the sentence."""
    pattern = _simultaneous(language)
    if pattern is None:
        return
    for reading in readings:
        clause = reading.clause
        if reading.date is not None or reading.reference or not pattern.match(text, clause[0], clause[1]):
            continue
        if any(clause[0] <= d.start < clause[1] for d in dates):
            continue
        earlier = [r for r in readings if r.date is not None and not r.planned and r.clause[0] < clause[0]]
        if earlier:
            reading.date = max(earlier, key=lambda r: r.trigger.start).date


def _one_per_kind(readings: list[_Reading]) -> list[_Reading]:
    """ "arrived in Moscow on Wednesday for a four-day visit": two triggers, one visit. The first dated
    reading of a kind stands for the sentence; undated ones of that kind add nothing."""
    kept: list[_Reading] = []
    dated: dict[tuple, set] = {}  # (kind, clause) already standing for the clause -> its dates
    for reading in sorted(readings, key=lambda r: (r.date is None, r.date.start if r.date else r.trigger.start)):
        key = (reading.trigger.kind, reading.clause)
        # "Thursday's deal builds on a treaty signed in July 2001": two dates of one kind, two events
        if key in dated and (reading.date is None or reading.date.contract_date() in dated[key]):
            continue
        if reading.date is not None:
            dated.setdefault(key, set()).add(reading.date.contract_date())
        elif any(k.trigger.kind == reading.trigger.kind and k.clause == reading.clause for k in kept):
            continue
        kept.append(reading)
    return sorted(kept, key=lambda r: r.trigger.start)


def _subordinate_clauses(text: str, clauses: list[tuple[int, int]], language: str) -> set[tuple[int, int]]:
    """Clauses opened by a word ("since", "who", "sejak", "который"): their dates are their own."""
    pattern = _clause_opener(language)
    return {c for i, c in enumerate(clauses) if i > 0 and pattern.match(text, c[0], c[1])}


@cache
def _clause_opener(language: str) -> re.Pattern:
    markers = [m for m in load_lexicon(language).get("clause_markers") or [] if re.search(r"\w", m)]
    body = "|".join(markers) or r"(?!)"
    return re.compile(rf"[\s,;:—–-]*(?:{body})", re.IGNORECASE)


def _bind_dates(
    readings: list[_Reading],
    dates: list[DateMention],
    clauses: list[tuple[int, int]],
    subordinate: set[tuple[int, int]],
    text: str,
    language: str,
    told: frozenset[str] = frozenset(),
) -> None:
    """Each date goes to one trigger: the most specific in its clause; else, from a plain clause
    ("On Monday, Xi met Putin"), the nearest trigger of a neighbouring clause without a date."""
    clause_has_date = {c: any(c[0] <= d.start < c[1] for d in dates) for c in clauses}
    # "On Monday, ahead of the summit, Biden met Xi": a short phrase measuring from another event names that
    # event as a point of time; the day told beside it is the day of the clause that tells what happened
    points = _point_phrases(text, readings, language)
    with_trigger = {r.clause for r in readings} - points
    # a day is the better witness: "Pengumuman disampaikan Brasil, yang memimpin BRICS tahun ini, pada Senin"
    for date in sorted(dates, key=lambda d: d.precision not in ("day", "week")):
        clause = next((c for c in clauses if c[0] <= date.start < c[1]), None)
        # "On Wednesday, Putin is scheduled to meet ...": a day opening the sentence on its own is the plan's
        # (not "On Monday, Putin said he would travel": the day of the telling)
        opener = clause == clauses[0] and len(clauses) > 1 and len(text[clause[0] : clause[1]].split()) <= 4
        # "said on Friday he would visit in May": a weekday told before a planned trigger dates the telling
        free = [
            r
            for r in readings
            if r.date is None
            and not r.topic
            # "Pengumuman itu disampaikan pada Senin": a reference to an event not yet dated is dated here
            and not (r.reference and r.trigger.kind in told)
            # (a month is when the plan is for: "is expected in China in October for the summit")
            and not (
                r.planned
                and date.relative
                and date.precision in ("day", "week")
                and r.trigger.start > date.end
                # (unless the plan is told before the day: "Macron is due in Moscow on Monday for talks")
                and not plans_whole_clause(text[r.clause[0] : date.start], language)
                and not (opener and plans_whole_clause(text[date.end : r.trigger.start], language))
            )
        ]
        opened = _opening_day_of(text, date, free, language)
        if opened is not None:
            opened.date = date  # "met Xi on Tuesday, the first day of a BRICS summit": the summit began that day
            free = [r for r in free if r is not opened]
        # "Xi last visited Russia in March, when he and Putin signed a statement": the when-clause tells that time
        then = _told_in_when_clause(text, date, clause, clauses, free, clause_has_date, language)
        for reading in then:
            reading.date = date
        free = [r for r in free if r not in then]
        owner = _possessing_reading(text, date, free, language)
        if owner is not None:
            owner.date = date  # "Thursday's deal builds on a treaty signed in 2001": the deal's day
            continue
        same = [r for r in free if r.clause == clause]
        main = _main_event_of_reference_point(text, date, same, free, language)
        if main is not None:
            main.date = date  # "held his first call with Zelenskiy since Russia's invasion on Wednesday": the call
            continue
        if any(not r.trigger.weak for r in same):
            same = [r for r in same if not r.trigger.weak]  # "objected to the Treaty on Tuesday": the objection
        if any(not r.venue for r in same):
            same = [r for r in same if not r.venue]  # "met on the sidelines of the SCO summit on Friday": the meeting
        elif same and any(not r.venue for r in free):
            same = []  # "Di sela-sela KTT BRICS pada Selasa, Xi bertemu Putin": the day of the meeting told beside it
        if same:
            chosen = min(same, key=lambda r: (_priority(r.trigger.kind), _distance(r.trigger, date)))
            if chosen.trigger.kind in SHAREABLE_KINDS and any(
                r.planned and r.trigger.kind in SHAREABLE_KINDS and r.trigger.end <= chosen.trigger.start
                for r in same
            ):
                chosen.planned = True  # "dijadwalkan melanjutkan lawatan ke Tokyo untuk bertemu Kishida pada Rabu"
            if chosen.trigger.kind in SHAREABLE_KINDS:
                # "held talks and signed a joint statement on Tuesday": the talks and the signing share the day
                # (not a visit from a day counted off another event: "hours after talks on the second day of a
                # visit" dates the talks, the visit spans days)
                counted = "day(s) from" in date.trail
                for other in same:
                    if (
                        other.trigger.kind in SHAREABLE_KINDS
                        and other.trigger.kind != chosen.trigger.kind
                        and not other.trigger.weak
                        and not other.venue
                        and not (counted and other.trigger.kind == "visit")
                    ):
                        other.date = date
                        other.planned = other.planned or chosen.planned  # "will meet at the G20 summit on July 7"
                # "said at the G20 summit on September 5 that Moscow supported Beijing's position": what is said
                # there, told after the occasion and its day, is said that day
                for other in same:
                    if other.trigger.kind == "statement" and chosen.trigger.end <= date.start < other.trigger.start:
                        other.date = date
            for talks in _after_subject_relative(text, clause, clauses, clause_has_date, free, language):
                talks.date = date
        else:
            anaphoric = "day(s) from" in date.trail
            if clause is None:
                continue
            here = clauses.index(clause)
            if clause in subordinate and not anaphoric:
                # "the SCO summit, which opened in Samarkand on Thursday": the relative clause dates its noun
                named = _noun_before_relative(text, clause, free, language)
                if named is not None and not named.planned:
                    named.date = date
                    continue
                # only "since November 2019, when they met": the next clause is the date's own
                following = [r for r in free if here + 1 < len(clauses) and r.clause == clauses[here + 1]]
                if following and _when_after(language).match(text, date.end):
                    following[0].date = date
                elif _when_after(language).match(text, date.end):
                    # "the fourth such patrol and the first since November, when the two air forces flew":
                    # the one before it took place then
                    previous = _previous_instance(text, date, free, language)
                    if previous is not None:
                        previous.date = date
                continue
            open_ = [r for r in free if not clause_has_date.get(r.clause)]
            # "signed the Treaty of Good-Neighbourliness, Friendship and Cooperation in the Kremlin, Monday":
            # a date closing a sentence belongs to the trigger told before it, even across list commas
            # ("sanctioned the EDD, the procurement arm of the CMC, and its director, Li Shangfu, on Thursday").
            # Never across a clause of its own ("met Putin after the court issued a warrant in March").
            # A short opener phrase without a trigger ("largest since the Soviet era, ...") is no clause of its own.
            phrases = {c for c in subordinate if c not in with_trigger and len(text[c[0] : c[1]].split()) <= 5}
            others = [
                r
                for r in open_
                if r.trigger.end <= date.start
                and r.clause not in points
                and 0 <= here - clauses.index(r.clause) <= 4
                and not any(
                    c in subordinate and c not in phrases for c in clauses[clauses.index(r.clause) + 1 : here + 1]
                )
                and not _said_after_subordinate(text, r, date, subordinate, phrases, language)
            ]
            if others:
                chosen = min(others, key=lambda r: _distance(r.trigger, date))
                _share_date(chosen, [r for r in free if r.clause == chosen.clause], date)
            else:
                # an opening date phrase ("On Tuesday, a day before the parade, ...") reaches over short phrases
                # to the clause it dates; any other date no further than its neighbours
                opener = here == 0 and not anaphoric and len(text[clause[0] : clause[1]].split()) <= 4
                every = not opener
                # (never the event a point phrase names: "left Bali on Tuesday, before the second day of the
                # summit" tells no day of the summit)
                others = [
                    r
                    for r in open_
                    if r.clause not in points
                    and _clause_gap(clauses, with_trigger, text, clauses.index(r.clause), here, every) <= 2
                    and not _said_after_subordinate(text, r, date, subordinate, phrases, language)
                ]
                if not others:
                    continue
                # "7月3日，习近平出席峰会期间会见普京": the nearest clause, and in it the most specific consultation
                chosen = min(
                    others,
                    key=lambda r: (
                        _clause_gap(clauses, with_trigger, text, clauses.index(r.clause), here, every),
                        r.trigger.weak,  # "menandatangani perintah eksekutif yang mengenakan tarif": the tariffs
                        _priority(r.trigger.kind),
                        _distance(r.trigger, date),
                    ),
                )
                # "Earlier on Tuesday, Putin and Xi met Khurelsukh for a three-way summit": the clause's
                # consultations share the day told before it (not a visit: "met Medvedev, who is visiting")
                _share_date(
                    chosen, [r for r in free if r.clause == chosen.clause and r.trigger.kind != "visit"], date
                )
        chosen.date = date


@cache
def _point_phrase_opener(language: str) -> re.Pattern | None:
    words = load_lexicon(language).get("point_phrase_openers") or []
    return re.compile(rf"[\s,;:—–-]*(?:{'|'.join(words)})(?!\w)", re.IGNORECASE) if words else None


def _point_phrases(text: str, readings: list[_Reading], language: str) -> set[tuple[int, int]]:
    """Clauses like "ahead of the summit", "sebelum KTT G20": a few words naming the event another is timed by.
    A phrase that tells more after its trigger ("setelah singgah di Astana") tells an event of its own."""
    opener = _point_phrase_opener(language)
    if opener is None:
        return set()
    return {
        r.clause
        for r in readings
        if len(text[r.clause[0] : r.trigger.start].lstrip(" ,;:—–-").split()) <= 7
        and len(text[r.trigger.end : r.clause[1]].split()) <= 1
        and opener.match(text, r.clause[0], r.trigger.start)
    }


def _clause_gap(
    clauses: list[tuple[int, int]], with_trigger: set, text: str, first: int, second: int, every: bool = False
) -> int:
    """How many clauses apart two clauses are, not counting short phrases without a trigger between them
    (unless `every`): "On Tuesday, a day before the parade, Putin and Xi held talks" keeps the day by the talks."""
    low, high = sorted((first, second))
    between = [
        c for c in clauses[low + 1 : high] if every or c in with_trigger or len(text[c[0] : c[1]].split()) > 5
    ]
    return len(between) + (high > low)


@cache
def _relative_opener(language: str) -> tuple[re.Pattern, re.Pattern] | None:
    """A clause opened by "which" and what may stand between it and its noun ("summit in Samarkand, which")."""
    lexicon = load_lexicon(language)
    words = lexicon.get("noun_relatives") or []
    if not words or language == "zh":
        return None
    locatives = "|".join(lexicon.get("locatives") or []) or r"(?!)"
    opener = re.compile(rf"[\s,;:—–-]*(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)
    gap = re.compile(rf"(?:\s+(?:{locatives})\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){{1,3}})?[\s,]*")
    return opener, gap


def _after_subject_relative(
    text: str,
    clause: tuple[int, int] | None,
    clauses: list[tuple[int, int]],
    clause_has_date: dict,
    free: list[_Reading],
    language: str,
) -> list[_Reading]:
    """ "Hu Jintao, who arrived in Moscow on Thursday, held talks with Medvedev": talks the subject held right
    after a relative clause telling the day it arrived, with no day of their own, were held that day."""
    if clause is None or clause not in clauses[1:2] or len(clauses) < 3 or any(r.clause == clauses[0] for r in free):
        return []
    if not _relative_pronouns(language).match(text[clause[0] : clause[1]].lstrip(" ,;:—–-")):
        return []
    main = clauses[2]
    if clause_has_date.get(main):
        return []
    return [
        r
        for r in free
        if r.clause == main and r.date is None and r.trigger.kind in ONE_DAY_KINDS and not r.planned and not r.reference
    ]


def _noun_before_relative(
    text: str, clause: tuple[int, int], free: list[_Reading], language: str
) -> _Reading | None:
    """The trigger a relative clause describes: it ends right before the clause, or before a place named
    after it."""
    patterns = _relative_opener(language)
    if patterns is None or not patterns[0].match(text, clause[0], clause[1]):
        return None
    before = [r for r in free if r.trigger.end <= clause[0] and r.clause[1] == clause[0]]
    if not before:
        return None
    last = max(before, key=lambda r: r.trigger.end)
    return last if patterns[1].fullmatch(text, last.trigger.end, clause[0]) else None


@cache
def _first_since(language: str) -> re.Pattern | None:
    source = load_lexicon(language).get("first_since_before")
    return re.compile(rf"(?:{source})$", re.IGNORECASE) if source else None


def _previous_instance(text: str, date: DateMention, free: list[_Reading], language: str) -> _Reading | None:
    """The trigger a "first since <date>, when ..." phrase follows: its previous instance was on that date."""
    pattern = _first_since(language)
    if pattern is None or not pattern.search(text, max(0, date.start - 60), date.start):
        return None
    before = [r for r in free if r.trigger.end <= date.start and date.start - r.trigger.end <= 60]
    return before[-1] if before else None


@cache
def _reference_point(language: str) -> tuple[re.Pattern, re.Pattern] | None:
    spec = load_lexicon(language).get("reference_point") or {}
    if not spec.get("before") or not spec.get("dates"):
        return None
    return re.compile(rf"(?:{spec['before']})$", re.IGNORECASE), re.compile(spec["dates"], re.IGNORECASE)


def _main_event_of_reference_point(
    text: str, date: DateMention, same: list[_Reading], free: list[_Reading], language: str
) -> _Reading | None:
    """A weekday told after "since <event>" dates the main event: what is first since an event of days ago
    is told of today, and an event a sentence measures from is told with its own full date."""
    patterns = _reference_point(language)
    if patterns is None or not same or date.precision != "day" or not patterns[1].search(date.expression):
        return None
    if not all(patterns[0].match(text, r.clause[0], r.trigger.start) for r in same):
        return None
    main = [r for r in free if r.clause[1] <= date.start and r.clause != same[0].clause and r.trigger.end <= date.start]
    return min(main, key=lambda r: (_priority(r.trigger.kind), _distance(r.trigger, date))) if main else None


@cache
def _said_cue(language: str) -> re.Pattern | None:
    source = load_lexicon(language).get("said_before_date")
    return re.compile(rf"(?:{source})\s+$", re.IGNORECASE) if source else None


def _said_after_subordinate(
    text: str, reading: _Reading, date: DateMention, subordinate: set, phrases: set, language: str
) -> bool:
    """"suspended purchases after the US imposed sanctions, trade sources said on Thursday": the day of the
    telling is not the day of what a subordinate clause tells."""
    pattern = _said_cue(language)
    if pattern is None or reading.clause not in subordinate or reading.clause in phrases:
        return False
    if reading.trigger.end > date.start:
        return False  # "Putin said on Tuesday after talks with Wen": the talks told after the day are of that day
    return bool(pattern.search(text, max(0, date.start - 30), date.start))


@cache
def _when_clause_after(language: str) -> re.Pattern | None:
    words = load_lexicon(language).get("when_clause_markers") or []
    return re.compile(rf"\s*[,，]\s*(?:{'|'.join(words)})(?!\w)", re.IGNORECASE) if words else None


def _told_in_when_clause(
    text: str,
    date: DateMention,
    clause: tuple[int, int] | None,
    clauses: list[tuple[int, int]],
    free: list[_Reading],
    clause_has_date: dict,
    language: str,
) -> list[_Reading]:
    """The triggers of a dateless when-clause opening right after the date."""
    pattern = _when_clause_after(language)
    if clause is None or pattern is None or not pattern.match(text, date.end):
        return []
    here = clauses.index(clause)
    if here + 1 >= len(clauses) or clause_has_date.get(clauses[here + 1]):
        return []
    return [r for r in free if r.clause == clauses[here + 1]]


@cache
def _opening_day(language: str) -> re.Pattern | None:
    source = load_lexicon(language).get("opening_day_of")
    return re.compile(source, re.IGNORECASE) if source else None


def _opening_day_of(text: str, date: DateMention, free: list[_Reading], language: str) -> _Reading | None:
    """The trigger named by an apposition after the date: "on Tuesday, the first day of a three-day summit"."""
    pattern = _opening_day(language)
    match = pattern.match(text, date.end) if pattern else None
    if match is None:
        return None
    # a few words may name it first: "a BRICS summit", "the annual Vostok exercise"
    return next((r for r in free if _FEW_WORDS.fullmatch(text, match.end(), r.trigger.start)), None)


_FEW_WORDS = re.compile(r"(?:[\w'’-]+ ){0,4}")


@cache
def _possessive(language: str) -> re.Pattern | None:
    source = load_lexicon(language).get("date_possessive")
    return re.compile(rf"(?:{source})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE) if source else None


def _possessing_reading(text: str, date: DateMention, free: list[_Reading], language: str) -> _Reading | None:
    """The trigger a date owns by a possessive ("Monday's talks", "last week's phone call")."""
    pattern = _possessive(language)
    if pattern is None:
        return None
    after = [r for r in free if 0 <= r.trigger.start - date.end <= 40]
    return next((r for r in after if pattern.match(text, date.end, r.trigger.start)), None)


def _share_date(chosen: _Reading, same: list[_Reading], date: DateMention) -> None:
    """ "held talks and signed a joint statement on Tuesday": consultations of one clause share its day."""
    if chosen.trigger.kind not in SHAREABLE_KINDS:
        return
    for other in same:
        kind = other.trigger.kind
        if kind in SHAREABLE_KINDS and kind != chosen.trigger.kind and not other.trigger.weak and not other.venue:
            other.date = date
            other.planned = other.planned or chosen.planned


def _priority(kind: str) -> int:
    """Consultations outrank each other by specificity; other kinds just go by distance."""
    return KIND_PRIORITY.get(kind, 99) if kind in SHAREABLE_KINDS else 50


def _distance(trigger: Trigger, date: DateMention) -> int:
    if date.start >= trigger.end:
        return date.start - trigger.end
    return max(0, trigger.start - date.end)


def _owns_other_thing(text: str, mention: Mention, trigger: Trigger, language: str, gazetteer: Gazetteer) -> bool:
    """ "They spoke a day after Donald Trump's inauguration": a person named as the owner of something
    other than the event ("Trump's inauguration", not "Putin's visit") takes no part in it."""
    pattern = _possessive(language)
    if pattern is None or mention.kind != "actor" or gazetteer.kind_of(mention.actor) != "person":
        return False
    if not re.match(r"['’]s\s", text[mention.end : mention.end + 3]):
        return False
    return not (0 <= trigger.start - mention.end <= 40 and pattern.match(text, mention.end, trigger.start))


def _scope_mentions(
    reading: _Reading,
    readings: list[_Reading],
    in_sentence: list[Mention],
    gazetteer: Gazetteer | None = None,
    text: str | None = None,
    language: str = "en",
) -> list[Mention]:
    """Mentions in the trigger's clause; widened to the sentence's clauses that no other dated trigger owns."""
    if reading.in_phrase:
        return in_sentence  # "After talks in the Kremlin, he and Putin signed...": the sentence's parties talked
    clause = reading.clause
    scoped = [m for m in in_sentence if clause[0] <= m.start < clause[1]]
    # "sat beside Putin as Russia staged a parade": a person and their country are one party, not two
    # "a meeting in Rome between the US adviser, ...": the place where is no party
    parties = _count_actors(scoped, text, gazetteer, language, reading.trigger.kind)
    # "Putin tiba di Beijing": a visitor and where they went are a visit's two parties
    if reading.trigger.kind == "visit" and parties == 1 and text is not None:
        parties += any(m.kind in ("metonym", "place") and after_locative(text, m, language) for m in scoped)
    if parties >= 2 or reading.trigger.kind == "invasion":
        return scoped  # who struck whom is told in the strike's own clause
    if reading.trigger.kind == "attack":
        # "a missile hit the regional administration on Freedom Square, in central Kharkiv, on Tuesday": where it
        # hit may follow in a clause of its own that tells no other event
        owned = {r.clause for r in readings if r is not reading}
        return scoped + [
            m
            for m in in_sentence
            if m.kind == "place"
            and m.start >= clause[1]
            and not any(a <= m.start < b for a, b in owned)
            and not any(clause[1] <= t.trigger.start < m.start for t in readings)
        ]
    # a planned trigger's clause before this one lends its parties: "invited Xi to visit, telling him in a call"
    owned = {
        r.clause for r in readings if r is not reading and r.clause != clause and not (r.planned and r.clause < clause)
    }
    return [m for m in in_sentence if (clause[0] <= m.start < clause[1]) or not any(a <= m.start < b for a, b in owned)]


@cache
def _where_opener(language: str) -> re.Pattern | None:
    words = load_lexicon(language).get("place_relatives") or []
    return re.compile(rf"[\s,;:—–-]*(?:{'|'.join(words)})(?!\w)", re.IGNORECASE) if words else None


def _place_before_where(
    text: str, reading: _Reading, scoped: list[Mention], in_sentence: list[Mention], language: str
) -> list[Mention]:
    """ "fighting in the Kursk region, where Ukrainian troops broke in on 6 August": a strike told in a
    where-clause lands on the place named just before the clause."""
    pattern = _where_opener(language)
    if pattern is None or reading.trigger.kind not in ("invasion", "attack"):
        return []
    if not pattern.match(text, reading.clause[0], reading.trigger.start):
        return []
    before = [m for m in in_sentence if m.end <= reading.clause[0] and m.kind in ("place", "actor", "metonym")]
    if not before or reading.clause[0] - before[-1].end > 40 or before[-1] in scoped:
        return []
    return before[-1:]


_SHORT_GAP = re.compile(r"\s*(?:\w{1,5}\s+)?")  # a preposition before a date: "во", "on", "pada"


def _shared_subject(
    reading: _Reading, scoped: list[Mention], in_sentence: list[Mention], language: str, gazetteer: Gazetteer
) -> list[Mention]:
    """A clause whose opener runs straight into the trigger has no subject of its own: "Putin backed Beijing
    when meeting Xi", "Setelah singgah di Astana, Medvedev tiba di Beijing". It shares the main clause's person:
    the nearest one before the clause, or the first one after it when the clause opens the sentence."""
    if language == "zh":
        return []  # no spaces to tell an opener from the verb it runs into
    sentence = reading.sentence
    start = reading.clause[0] - sentence.start
    opener = _clause_opener(language).match(sentence.text, start)
    if opener is None:
        return []
    at = opener.end()
    date = reading.date
    if date is not None and sentence.start + at <= date.start and date.end <= reading.trigger.start:
        if _SHORT_GAP.fullmatch(sentence.text[at : date.start - sentence.start]):
            at = date.end - sentence.start  # "а во вторник встретился", "and on Tuesday met": the date is no subject
    rest = sentence.text[at : at + 40]
    lead = len(rest) - len(rest.lstrip())
    if not any(t.start == lead for t in find_triggers(rest, language)):
        return []
    people = [m for m in in_sentence if m.kind == "actor" and gazetteer.kind_of(m.actor) == "person"]
    before = [m for m in people if m.start < reading.clause[0]]
    after = [m for m in people if m.start >= reading.clause[1]]
    subject = before[:1] if before else (after[:1] if start == 0 else [])
    named = {m.actor for m in scoped}
    return [m for m in subject if m.actor not in named]


def _count_actors(
    mentions: list[Mention],
    text: str | None = None,
    gazetteer: Gazetteer | None = None,
    language: str = "en",
    kind: str | None = None,
) -> int:
    """Distinct parties named: a title beside a name is that person, a person stands for their country,
    and a capital after a locative is where it happened, not who took part."""
    parties = set()
    for m in mentions:
        if m.kind not in ("actor", "demonym", "title", "metonym"):
            continue
        if m.kind == "title" and any(
            o.kind == "actor" and (0 <= o.start - m.end <= 3 or 0 <= m.start - o.end <= 4) for o in mentions
        ):
            continue
        if m.kind == "metonym" and text is not None and after_locative(text, m, language):
            continue
        placed = kind in PLACED_KINDS and m.kind == "actor" and text and gazetteer
        if placed and is_country_place(text, m, language, gazetteer):
            continue  # "as the two leaders met at a summit in Kazakhstan": the two leaders are still to be found
        name = m.actor or m.office
        if gazetteer is not None and m.actor:
            name = gazetteer.country_of(m.actor) or m.actor
        parties.add(name)
    return len(parties)


@cache
def _group_office_patterns(language: str) -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    table = load_lexicon(language).get("group_offices") or {}
    return tuple(
        (re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE), tuple(offices)) for words, offices in table.items()
    )


def _group_offices(text: str, language: str) -> tuple[str, ...]:
    """The offices a group noun names: "the two prime ministers", "kedua menlu" -> ("Prime Minister", ...)."""
    for pattern, offices in _group_office_patterns(language):
        if pattern.search(text):
            return offices
    return ()


@cache
def _group_pronouns(language: str) -> re.Pattern:
    words = load_lexicon(language).get("group_pronouns") or []
    body = "|".join(words) or r"(?!)"
    if language == "zh":
        return re.compile(body)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


# Kinds whose subject may be a group told before ("the two leaders met", "keduanya bertemu")
GROUP_SUBJECT_KINDS = {"meeting", "call"}
_GROUP_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,2}")  # "the two leaders also met", "kedua pemimpin kemudian bertemu"


def _group_subject(text: str, reading: _Reading, language: str) -> bool:
    """A group noun ("the two leaders", "keduanya"; not a bare "they") is the subject right before the trigger."""
    pattern = _group_pronouns(language)
    start = max(reading.clause[0], reading.trigger.start - 60)
    for match in pattern.finditer(text, start, reading.trigger.start):
        if " " not in match.group().strip() and not match.group().lower().startswith("kedua"):
            continue  # "they", "mereka", "their": may be anyone
        if _GROUP_GAP.fullmatch(text, match.end(), reading.trigger.start):
            return True
    return False


class _PeopleSeen:
    """The people the article named so far, counted as they come: counting every earlier sentence's
    again for each new sentence was quadratic in the length of the text."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.last: dict[str, Mention] = {}
        self.position: dict[str, int] = {}  # when each name was last seen: no list.index in the sort
        self.seen = 0

    def add(self, people) -> None:
        for mention in people:
            self.counts[mention.actor] = self.counts.get(mention.actor, 0) + 1
            self.last[mention.actor] = mention
            self.position[mention.actor] = self.seen
            self.seen += 1

    def most_named(self) -> list[Mention]:
        order = sorted(self.counts, key=lambda name: (-self.counts[name], -self.position[name]))
        return [self.last[name] for name in order]


def _carried_mentions(
    text: str,
    reading: _Reading,
    scoped: list[Mention],
    context: _Context,
    language: str,
    gazetteer: Gazetteer,
) -> list[Mention]:
    """Actors a sentence refers back to: "Dia juga...", "the two leaders", "sanksi tersebut"."""
    recent = context.recent  # may be empty: the first sentence can still refer within itself
    count = _count_actors(scoped, text, gazetteer, language, reading.trigger.kind)
    pronoun = _subject_pronoun(language).search(text, reading.clause[0], reading.trigger.start)
    if pronoun:
        # "Sebelumnya, ia bertemu Putin": "ia" is the person the text was telling about (the last one named
        # before it in the sentence, else in the sentences before), however many other parties are named
        named = {m.actor for m in scoped}
        earlier = [m for m in context.sentence_mentions if m.start < pronoun.start() and m.kind == "actor"]
        for mentions in [earlier, *reversed(recent)]:
            people = [m for m in mentions if m.kind == "actor" and gazetteer.kind_of(m.actor) == "person"]
            if people and people[-1].actor not in named:
                return people[-1:]
            if people:
                break
    if count >= 2:
        return []
    sentence = reading.sentence.text
    clause_text = text[reading.clause[0] : reading.clause[1]]
    acting = ("actor", "demonym", "title", "metonym")
    same_kind = [m for m in context.by_kind.get(reading.trigger.kind, []) if m.kind in acting]
    previous = [m for m in recent[-1] if m.kind in acting] if recent else []
    if count <= 1 and _relative_pronouns(language).match(clause_text.lstrip(" ,;:—–-")):
        # "met Li Qiang, who is in Moscow on a visit": the relative clause's subject is the person just named
        named = {m.actor for m in scoped}
        # "the Chinese telecoms giant, which the U.S. blacklisted": a demonym names the noun's country
        before = [
            m for m in context.sentence_mentions if m.start < reading.clause[0] and m.kind in ("actor", "demonym")
        ]
        if before and before[-1].actor not in named:
            return before[-1:]
    if _group_pronouns(language).search(text[reading.sentence.start : reading.clause[1]]):
        # "the two leaders" (here or as the subject of an earlier clause of the sentence) are the people
        # the article is about: the most named so far
        named = {m.actor for m in scoped}
        persons = len({m.actor for m in scoped if m.kind == "actor" and gazetteer.kind_of(m.actor) == "person"})
        # people named earlier in this sentence come first: "Putin told Xi ..., as the two leaders met"
        earlier = [
            m
            for m in context.sentence_mentions
            if m.start < reading.clause[0]
            and m.kind == "actor"
            and gazetteer.kind_of(m.actor) == "person"
            and not _owns_other_thing(text, m, reading.trigger, language, gazetteer)
        ]
        hosts = [
            m
            for m in context.sentence_mentions
            if m.start < reading.clause[0]
            and m.kind == "actor"
            and gazetteer.kind_of(m.actor) == "country"
            and m.actor not in named
        ]
        visitor = {gazetteer.country_of(m.actor) for m in earlier}
        if not persons and len({m.actor for m in earlier}) == 1 and hosts and hosts[-1].actor not in visitor:
            return [earlier[0], hosts[-1]]  # "Xi last visited Russia in March, when the two leaders signed"
        # then the pair the sentence before named ("Xi dan Biden bertemu ... Pertemuan keduanya berlangsung"),
        # then the people the article named most
        last = [
            m for m in (recent[-1] if recent else []) if m.kind == "actor" and gazetteer.kind_of(m.actor) == "person"
        ]
        pair = last if len({m.actor for m in last}) == 2 else []
        pool = list({m.actor: m for m in earlier + pair + context.people if m.actor not in named}.values())
        offices = _group_offices(text[reading.sentence.start : reading.clause[1]], language)
        if offices:
            # "the two prime ministers signed": the premiers named so far, not the presidents met the same day
            on = reading.date.earliest if reading.date is not None else None
            holding = [m for m in pool if gazetteer.holds_office(m.actor, offices, on)]
            if len(holding) >= 2 - persons:
                pool = holding
        people = pool[: max(0, 2 - persons)]
        if people and len(people) + persons >= 2:
            return people
        # "memprotes China dan Rusia setelah pembom kedua negara terbang": the two countries just named
        countries = [
            m
            for m in context.sentence_mentions
            if m.start < reading.clause[0]
            and m.kind == "actor"
            and gazetteer.kind_of(m.actor) == "country"
            and m.actor not in named
        ]
        if not persons and len({m.actor for m in countries}) >= 2:
            return countries[-2:]
        # "kerja sama militer Beijing dan Moskwa. Pada Juli 2019, pesawat pengebom kedua negara ...": the two
        # countries the sentence before named, when the last event of the kind had fewer than two parties
        pair = [
            m
            for m in previous
            if m.kind in ("actor", "metonym")
            and m.actor not in named
            and gazetteer.kind_of(m.actor) == "country"
        ]
        if not persons and len({m.actor for m in same_kind}) < 2 and len({m.actor for m in pair}) == 2:
            return pair
    if count == 0 and same_kind:
        return same_kind  # "Latihan tersebut berlangsung 21-27 Desember": the drills told before
    if count <= 1 and _thing_pronouns(language).search(clause_text):
        # "since it sent troops into Ukraine": the country named just before
        before = [m for m in context.sentence_mentions if m.start < reading.clause[0] and m.kind in acting]
        countries = [m for m in before if gazetteer.kind_of(m.actor or "") == "country"]
        if countries:
            return countries[-1:]
    if count == 0:
        gathered: list[Mention] = []
        for mentions in reversed(recent):
            gathered += [m for m in mentions if m.kind in acting]
            if len({m.actor or m.office for m in gathered}) >= 2:
                break
        return gathered
    if (
        reading.trigger.kind == "statement"
        and count == 1
        and not reading.planned
        and context.told
        and all(m.start < reading.trigger.start for m in scoped if m.kind in acting)
    ):
        # "China's foreign ministry said on Thursday it opposed unilateral sanctions": a reaction naming only
        # its speaker answers the event told just before; that event's parties are whom it is about
        named = {m.actor for m in scoped}
        return [m for m in context.told if m.kind in ("actor", "metonym") and m.actor not in named]
    if _pronouns(language).search(sentence) or _reference_words(language).search(sentence):
        # "ia bertemu Putin": the person the text was about, first one named earlier in the same sentence
        named = {m.actor for m in scoped}
        earlier = [
            m
            for m in context.sentence_mentions
            if m.start < reading.clause[0] and m.kind == "actor" and gazetteer.kind_of(m.actor) == "person"
        ]
        earlier = [m for m in earlier if m.actor not in named]
        if earlier:
            return earlier[:1]
        for mentions in reversed(recent):
            people = [m for m in mentions if m.kind == "actor" and gazetteer.kind_of(m.actor) == "person"]
            people = [m for m in people if m.actor not in named]
            if people:
                return people[:1]
        return [m for m in previous if m.actor not in named]
    if same_kind and count == 1:
        # "The U.S. Treasury announced the sanctions on Wednesday": the parties of the sanctions told before
        named = {m.actor for m in scoped}
        return [
            m
            for m in same_kind
            if m.actor not in named and m.kind != "title" and gazetteer.kind_of(m.actor) != "person"
        ]
    return []


@cache
def _kind_repeat(language: str) -> re.Pattern | None:
    source = load_lexicon(language).get("kind_repeat_before")
    return re.compile(rf"(?:{source})$", re.IGNORECASE) if source else None


def _repeats_kind(text: str, reading: _Reading, language: str) -> bool:
    """"the first such patrol", "the eighth such mission": another event of the kind told before."""
    pattern = _kind_repeat(language)
    start = max(reading.clause[0], reading.trigger.start - 40)
    return bool(pattern and pattern.search(text, start, reading.trigger.start))


@cache
def _opening_locative(language: str) -> re.Pattern:
    words = "|".join(load_lexicon(language).get("locatives") or []) or r"(?!)"
    return re.compile(rf"\W*(?:{words})\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:of\s+)?", re.IGNORECASE)


def _opening_place(text: str, reading: _Reading, mention: Mention, language: str) -> bool:
    """A place named by the locative phrase a sentence opens with ("In the port of Mariupol, ...")."""
    if mention.kind not in ("place", "metonym") or language == "zh":
        return False
    return bool(_opening_locative(language).fullmatch(text, reading.sentence.start, mention.start))


@cache
def _pronouns(language: str) -> re.Pattern:
    return _word_pattern(language, load_lexicon(language).get("pronouns") or [])


@cache
def _subject_pronoun(language: str) -> re.Pattern:
    """A personal pronoun standing as the subject just before the trigger ("ia bertemu", "dia juga menerima")."""
    words = "|".join(load_lexicon(language).get("subject_pronouns") or []) or r"(?!)"
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:\w+\s+)?$", re.IGNORECASE)


@cache
def _relative_pronouns(language: str) -> re.Pattern:
    return _word_pattern(language, load_lexicon(language).get("relative_pronouns") or [])


@cache
def _thing_pronouns(language: str) -> re.Pattern:
    return _word_pattern(language, load_lexicon(language).get("thing_pronouns") or [])


@cache
def _reference_words(language: str) -> re.Pattern:
    return _word_pattern(language, load_lexicon(language).get("reference_words") or [])


def _word_pattern(language: str, words: list[str]) -> re.Pattern:
    body = "|".join(words) or r"(?!)"
    if language == "zh":
        return re.compile(body)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _build(
    text: str,
    reading: _Reading,
    readings: list[_Reading],
    in_sentence: list[Mention],
    context: _Context,
    language: str,
    gazetteer: Gazetteer,
    published,
    published_day: datetime.date | None,
) -> Candidate | None:
    trigger = reading.trigger
    if reading.in_phrase and trigger.kind in context.dated_kinds:
        return None  # "Seusai pembicaraan", "after the talks": the talks the article already told
    date = reading.date
    modality = "planned" if reading.planned else "asserted"
    if date is not None and reading.planned and date.relative and published_day and date.earliest < published_day:
        date = _reread(text, reading.sentence, date, published, language, "future")
    elif date is not None and not reading.planned and date.relative and published_day and date.earliest > published_day:
        if not _coming_day(date, published_day):
            date = _reread(text, reading.sentence, date, published, language, "past")  # told as done: the last one
    if date is not None and published_day and date.earliest > published_day + datetime.timedelta(days=1):
        modality = "planned"  # a date still to come is an announcement, whatever the verb says
    on = date.earliest if date is not None else published_day
    scoped = _scope_mentions(reading, readings, in_sentence, gazetteer, text, language)
    if context.by_kind.get(trigger.kind) and _repeats_kind(text, reading, language):
        # "The first such patrol, in July last year, caused a row after Seoul accused...": the parties of the
        # patrols told before, not whoever the rest of the sentence names
        scoped = [m for m in scoped if reading.clause[0] <= m.start < reading.clause[1]]
    scoped = [m for m in scoped if not _owns_other_thing(text, m, trigger, language, gazetteer)]
    scoped = scoped + _shared_subject(reading, scoped, in_sentence, language, gazetteer)
    placed = any(m.kind in ("metonym", "place") and after_locative(text, m, language) for m in scoped)
    if trigger.kind == "visit" and not placed and _count_actors(scoped, text, gazetteer, language, trigger.kind) < 2:
        # "held talks in the Kremlin on Tuesday, the main day of the Chinese leader's state visit": the place
        # the sentence is set in is where the visit went (unless its own clause names where: "tiba di Beijing")
        scoped = scoped + [
            m
            for m in in_sentence
            if m not in scoped and m.kind in ("metonym", "place") and after_locative(text, m, language)
        ]
    scoped = scoped + _place_before_where(text, reading, scoped, in_sentence, language)
    if trigger.kind == "attack" and _count_actors(scoped, text, gazetteer, language, trigger.kind) < 2:
        # "In the besieged port of Mariupol, rescuers searched a theatre hit by a Russian airstrike": the place
        # the sentence opens with is where the strike hit
        scoped = scoped + [m for m in in_sentence if m not in scoped and _opening_place(text, reading, m, language)]
    if trigger.kind in GROUP_SUBJECT_KINDS and _group_subject(text, reading, language):
        # "The two leaders met again at an SCO summit in the Kazakh capital", "met in Beijing hours before the
        # Games that the US and the UK boycott": the pair told before met; countries and groups named after the
        # verb are where and around it (a person named there is still met: "the two leaders met Modi")
        scoped = [
            m
            for m in scoped
            if m.start < trigger.start or (m.kind == "actor" and gazetteer.kind_of(m.actor) == "person")
        ]
    carried_in = _carried_mentions(text, reading, scoped, context, language, gazetteer)
    if trigger.kind == "visit" and _count_actors(scoped + carried_in, text, gazetteer, language, "visit") < 2:
        carried_in += _story_place(scoped + carried_in, context, text, language, gazetteer)
    carried = bool(carried_in)
    scoped = scoped + carried_in
    reading_actors = read_actors(
        text,
        scoped,
        language=language,
        gazetteer=gazetteer,
        on=on,
        kind=trigger.kind,
        trigger_start=trigger.start,
        trigger_end=trigger.end,
        directed=trigger.directed,
        passive=trigger.passive,
    )
    actors = reading_actors.actors
    if not actors:
        return None
    if (modality == "planned" or reading.in_phrase or reading.continued) and len(actors) < 2:
        return None  # an announcement, or talks only told as a date ("after talks"), need their parties named
    if carried:
        # Carried-over actors came from an earlier sentence: they are participants here, not located by position.
        actors = [ActorRole(a.name, a.kind, a.role if a.role != "target" else "participant") for a in actors]
        # nor initiators when the sentence names its own ("Putin announced...", "since Russia invaded"); else
        # "He last visited Beijing": the person carried over is the subject
        own = {m.actor for m in scoped if m.start >= reading.sentence.start}
        if any(a.role == "initiator" and a.name in own for a in actors):
            actors = [
                ActorRole(a.name, a.kind, "participant" if a.name not in own and a.role == "initiator" else a.role)
                for a in actors
            ]
    evidence = Evidence(
        sentence=reading.sentence.text,
        start=reading.sentence.start,
        end=reading.sentence.end,
        date_expression=date.expression if date else None,
        trigger=trigger.text,
        trigger_start=trigger.start,
        trigger_end=trigger.end,
        primary=True,
    )
    return Candidate(
        kind=trigger.kind,
        plover_type=trigger.plover_type,
        plover_mode=trigger.plover_mode,
        modality=modality,
        date=date,
        date_value=date.contract_date() if date else None,
        precision=date.precision if date else None,
        date_end=format_end(date) if date else None,
        qualifier=date.qualifier if date else None,
        date_trail=date.trail if date else "",
        actors=actors,
        countries=countries_of(actors, gazetteer),
        location=reading_actors.location,
        evidence=[evidence],
        confidence=_confidence(date, actors, reading, carried),
        extractor_version=EXTRACTOR_VERSION,
    )


def _story_place(
    scoped: list[Mention], context: _Context, text: str, language: str, gazetteer: Gazetteer
) -> list[Mention]:
    """ "Lavrov, who arrived on Monday for a two-day visit": a visit whose sentence names no destination went
    to where the story is set, the last place the sentences before put it ("met Lavrov in Beijing")."""
    if any(m.kind in ("metonym", "place") for m in context.sentence_mentions):
        return []  # the sentence tells where ("lawatan ke Tokyo"), even if not as a party
    visitors = {gazetteer.country_of(m.actor) for m in scoped if m.actor} | {m.actor for m in scoped if m.actor}
    for mentions in reversed(context.recent):
        places = [
            m
            for m in mentions
            if m.kind == "metonym" and m.actor not in visitors and after_locative(text, m, language)
        ]
        if places:
            return places[-1:]
    return []


def _coming_day(date: DateMention, published_day: datetime.date) -> bool:
    """"travel to Beijing for a summit on July 24" told on July 18: a day and month without a year, weeks ahead,
    is the coming one whatever the verb (a text names the year of a day eleven months gone)."""
    calendar = date.precision == "day" and any(c.isdigit() for c in date.expression)
    return calendar and 0 < (date.earliest - published_day).days <= 31


def _reread(text: str, sentence: Sentence, date: DateMention, published, language: str, prefer: str) -> DateMention:
    """Re-read a year-less date in one direction: forward for what is planned, back for what was done."""
    local_start = date.start - sentence.start
    for mention in find_dates(sentence.text, published=published, language=language, prefer=prefer):
        if mention.start == local_start:
            shift = sentence.start
            return DateMention(
                mention.start + shift,
                mention.end + shift,
                mention.expression,
                mention.earliest,
                mention.latest,
                mention.precision,
                mention.qualifier,
                mention.value,
                mention.end_value,
                mention.relative,
                mention.trail,
            )
    return date


def _confidence(date: DateMention | None, actors: list[ActorRole], reading: _Reading, carried: bool) -> float:
    score = 0.5
    if date is not None:
        score += {"day": 0.2, "week": 0.1, "month": 0.12, "year": 0.05}.get(date.precision, 0.05)
        if reading.clause[0] <= date.start < reading.clause[1]:
            score += 0.1
    if len(actors) >= 2:
        score += 0.1
    if carried:
        score -= 0.1
    if reading.planned:
        score -= 0.1
    return round(max(0.05, min(0.95, score)), 2)


def _attach_undated(dated: list[Candidate], undated: list[Candidate]) -> None:
    """An undated mention of a dated event of the article becomes more evidence of it; otherwise dropped."""
    for loose in undated:
        names = {a.name for a in loose.actors} | set(loose.countries)
        at = loose.evidence[0].start if loose.evidence else 0
        best = None
        for candidate in dated:
            if candidate.kind != loose.kind:
                continue
            shared = names & ({a.name for a in candidate.actors} | set(candidate.countries))
            # a dateless report refers back: an event told before it comes first, then the most shared parties
            told_before = min((e.start for e in candidate.evidence), default=0) < at
            rank = (told_before, len(shared))
            if shared and (best is None or rank > best[0]):
                best = (rank, candidate)
        if best is None:
            continue
        target = best[1]
        if len(target.countries) < 2 and loose.modality == target.modality and _tells_next(loose, target, dated):
            # "Rusia memulai latihan ... Untuk pertama kalinya, China ikut dalam latihan tersebut": a later,
            # dateless report of the same event names the party the dated one left out
            names = {a.name for a in target.actors}
            target.actors += [a for a in loose.actors if a.name not in names]
            target.countries += [c for c in loose.countries if c not in target.countries]
        known = {(e.start, e.trigger_start) for e in target.evidence}
        for evidence in loose.evidence:
            if (evidence.start, evidence.trigger_start) not in known:
                target.evidence.append(Evidence(**{**evidence.__dict__, "primary": False}))


def _tells_next(loose: Candidate, target: Candidate, dated: list[Candidate]) -> bool:
    """The undated report comes after the dated event, before any other dated event of its kind is told."""
    at = loose.evidence[0].start
    start = target.evidence[0].start
    if at <= start:
        return False
    return not any(c.kind == target.kind and start < c.evidence[0].start < at for c in dated if c is not target)
