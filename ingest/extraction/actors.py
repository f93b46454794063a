"""Who takes part in an event: gazetteer mentions in the event's clause, with roles.

A title alone ("Presiden Rusia") resolves to whoever held the office on the event's date; a
title right next to a name ("Presiden Rusia Vladimir Putin") just describes that person.
Capitals act for their country ("Beijing bersedia...") unless they follow a locative
("di Beijing"), where they give the location (and, for visits and attacks, the target).
"""

import datetime
import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import Gazetteer, Mention
from .lexicons import load_lexicon, normalise_language

TARGETED_PLACE_KINDS = {"visit", "attack", "invasion"}
HOSTED_KINDS = {"summit"}  # the host country of a summit takes part in it
PLACED_KINDS = {"meeting", "call"}  # a country after a locative is only where the talks were held


@dataclass(frozen=True)
class ActorRole:
    name: str  # canonical English name from the gazetteer
    kind: str  # "person", "country", "organisation"
    role: str  # "initiator", "target", "participant"


@dataclass(frozen=True)
class ActorReading:
    actors: list[ActorRole]
    location: str | None


@cache
def _locative_pattern(language: str) -> re.Pattern:
    words = load_lexicon(language).get("locatives") or []
    body = "|".join(words) or r"(?!)"
    if language == "zh":
        return re.compile(rf"(?:{body})\s*$")
    return re.compile(rf"(?<!\w)(?:{body})\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _passive_pattern(language: str) -> re.Pattern:
    words = load_lexicon(language).get("passive") or []
    body = "|".join(words) or r"(?!)"
    if language == "zh":
        return re.compile(rf"(?:{body})")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def after_locative(text: str, mention: Mention, language: str | None) -> bool:
    """ "di Beijing", "in Moscow", "в Москве", "在北京": a place where, not a party who acts."""
    return bool(
        _locative_pattern(normalise_language(language)).search(text[max(0, mention.start - 12) : mention.start])
    )


def is_country_place(text: str, mention: Mention, language: str | None, gazetteer: Gazetteer) -> bool:
    """A country right after "in"/"di"/"в" ("talks in Kazakhstan") is where talks were held."""
    return gazetteer.kind_of(mention.actor or "") == "country" and after_locative(text, mention, language)


def describes_person(mention: Mention, mentions: list[Mention], text: str) -> bool:
    """A title directly before or after a person's name is that person's description."""
    for other in mentions:
        if other is mention or other.kind != "actor":
            continue
        if 0 <= other.start - mention.end <= 3 and re.fullmatch(r"[\s,]*", text[mention.end : other.start]):
            return True
        if 0 <= mention.start - other.end <= 4 and re.fullmatch(r"[\s,]*(?:the\s+)?", text[other.end : mention.start]):
            return True
    return False


def read_actors(
    text: str,
    mentions: list[Mention],
    *,
    language: str | None,
    gazetteer: Gazetteer,
    on: datetime.date | None,
    kind: str,
    trigger_start: int,
    trigger_end: int,
    directed: bool,
    passive: bool,
) -> ActorReading:
    """Actors with roles among `mentions` (already limited to the event's scope)."""
    language = normalise_language(language)
    locative = _locative_pattern(language)
    found: list[tuple[str, int]] = []  # (name, position)
    targets: set[str] = set()
    location = None
    for mention in mentions:
        if mention.kind == "ignore":
            continue
        name = None
        if mention.kind == "actor" and kind in PLACED_KINDS and is_country_place(text, mention, language, gazetteer):
            location = location or mention.actor  # "met on the sidelines of a summit in Kazakhstan": where
            continue
        if mention.kind in ("actor", "demonym"):
            name = mention.actor
        elif mention.kind == "title":
            if describes_person(mention, mentions, text):
                continue
            name = gazetteer.holder(mention.office, on)
        elif mention.kind in ("metonym", "place"):
            after_locative = bool(locative.search(text[max(0, mention.start - 12) : mention.start]))
            if after_locative:
                location = location or mention.place or mention.text
                if kind in TARGETED_PLACE_KINDS:
                    name = mention.actor  # "arrived in Moscow", "struck Kharkiv": the place's country is the target
                    targets.add(mention.actor)
                elif kind in HOSTED_KINDS:
                    name = mention.actor
            elif mention.kind == "metonym" or kind in ("attack", "invasion"):
                name = mention.actor
        if name:
            found.append((name, mention.start))
    passive_at = _passive_position(text, trigger_end, mentions, language) if directed else None
    roles: dict[str, ActorRole] = {}
    for name, position in found:
        role = "participant"
        if name in targets:
            role = "target"
        elif directed:
            before = position < trigger_start
            if passive or (passive_at is not None and position > passive_at):
                before = not before
            role = "initiator" if before else "target"
        if name in roles and roles[name].role != "target":
            continue
        roles[name] = ActorRole(name, gazetteer.kind_of(name) or "country", role)
    return ActorReading(list(roles.values()), location)


def _passive_position(text: str, trigger_end: int, mentions: list[Mention], language: str) -> int | None:
    """Where "by"/"oleh" follows the trigger: actors after it did the acting."""
    later = [m.start for m in mentions if m.start >= trigger_end]
    if not later:
        return None
    window = text[trigger_end : min(later)]
    match = _passive_pattern(language).search(window)
    return trigger_end + match.start() if match else None


def countries_of(actors: list[ActorRole], gazetteer: Gazetteer) -> list[str]:
    countries: list[str] = []
    for actor in actors:
        country = gazetteer.country_of(actor.name)
        if country and country not in countries:
            countries.append(country)
    return countries
