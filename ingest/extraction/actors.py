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

from .case_folding import folded_text, folded_twin
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
def _uninvited_pattern(language: str) -> re.Pattern | None:
    source = load_lexicon(language).get("uninvited_after")
    return re.compile(rf"[\s,]*(?:{source})(?!\w)", re.IGNORECASE) if source else None


def _uninvited(text: str, mention: Mention, language: str) -> bool:
    """ "a peace summit in June, which Russia has not been invited to": a country told as left out."""
    pattern = _uninvited_pattern(language)
    return bool(pattern and pattern.match(text, mention.end, mention.end + 60))


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
    # "a summit Russia was not invited to": a party told as left out is none, wherever else it is named
    left_out = {m.actor for m in mentions if _uninvited(text, m, language)} if kind in HOSTED_KINDS else set()
    for mention in mentions:
        if mention.kind == "ignore" or mention.actor in left_out:
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
            # "South Korean President Park Geun-hye" in 2015, a holder the gazetteer does not know: the country
            name = gazetteer.holder(mention.office, on) or gazetteer.office_country(mention.office)
        elif mention.kind in ("metonym", "place"):
            after_locative = bool(locative.search(text[max(0, mention.start - 12) : mention.start]))
            # "KTT Johannesburg", "the Samarkand summit": a summit named by its city is held there
            names_summit = kind in HOSTED_KINDS and (
                not text[trigger_end : mention.start].strip() or not text[mention.end : trigger_start].strip()
            )
            if after_locative or names_summit:
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
    if directed and language in STANCE_VERBS and not passive and passive_at is None:  # en, id; zh: "对X"
        roles = _refine_roles(text, mentions, roles, targets, kind, trigger_start, trigger_end, language, gazetteer)
    return ActorReading(list(roles.values()), location)


# Verbs whose subject takes a stance on an event rather than doing it: "China declined to describe
# Russia's assault", "Indonesia mengecam serangan itu". Their subject is no initiator of the event.
STANCE_VERBS = {
    "en": re.compile(
        r"(?<!\w)(?:declin|refus|sa(?:y|id)|condemn|criticis|criticiz|denounc|describ|call|urg|warn|welcom|oppos|"
        r"react|respond|accus|blam|prais|support|back|slamm|reject|deni|deny|den(?:y|ies)|question|protest|"
        r"express|voic|regrett?|lament|decr[iy]|told|tell|ask|comment|avoid|stopp)\w*",
        re.IGNORECASE,
    ),
    "id": re.compile(
        r"(?<!\w)(?:enggan|menolak|mengecam|mengutuk|mengatakan|menyebut|mendesak|menyatakan|mengkritik|"
        r"menuduh|menyalahkan|berkata|menilai|menyesalkan|memperingatkan|menanggapi|mendukung|menentang|"
        r"membantah|menyangkal|mempertanyakan|memprotes|menyerukan|meminta|ujar|kata|tegas|sebut)(?!\w)",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"(?!)"),  # zh: only the "对X" target rule below
}
# A host's verbs: the subject of "hosted", "invited" or "menjamu" before a visit is the host, its target.
_HOST_VERBS = {
    "en": re.compile(r"(?<!\w)(?:host|invit|welcom|receiv|greet)\w*", re.IGNORECASE),
    "id": re.compile(r"(?<!\w)(?:menjamu|mengundang|menyambut|menerima)(?!\w)", re.IGNORECASE),
    "zh": re.compile(r"(?!)"),
}
# A modifier that owns a nominal trigger: "Russia's military assault", "U.S. sanctions", "Russian strikes"
# (en, before it); "invasi Rusia", "serangan militer Rusia", "sanksi baru AS" (id, after it). Up to two
# lowercase words may sit between; a preposition may not ("serangan ke Ukraina" names the target).
_OWNER_BEFORE_EN = re.compile(
    r"(?:['’]s?)?\s+(?:(?!(?:on|against|into|of|to|in|at|by|the|a|an|its|their|and|or)\s)[a-z-]+\s+){0,2}"
)
_OWNER_AFTER_ID = re.compile(  # "serangan rudal dan drone Rusia": nouns may be joined, verbs (me-, ber-, di-) not
    r"\s+(?:(?!(?:ke|terhadap|atas|di|dari|oleh|pada|untuk|dengan|yang|itu|ini|tersebut)\s|me|ber|di)[a-z-]+\s+){0,3}"
)
_AND = re.compile(r"\s*(?:,\s*)?(?:and|dan|&|,)\s+(?:the\s+)?", re.IGNORECASE)
# What may sit between an actor and its own stance verb: dates, adverbs, auxiliaries, an apposition.
_SUBJECT_GAP = {
    "en": re.compile(
        r"(?:['’]s\s+\w+)?(?:\s*,[^,]{0,60},)?\s*(?:(?:on|last|this|in|early|late)\s+\w+\s+|"
        r"(?:also|has|have|had|was|were|is|are|again|publicly|firmly|strongly|sharply|quickly|then|still)\s+)*",
        re.IGNORECASE,
    ),
    "id": re.compile(
        r"(?:\s*,[^,]{0,60},)?\s*(?:(?:pada|hari|sejak)\s+\w+\s+|\([^)]{0,20}\)\s+|"
        r"(?:juga|telah|sudah|masih|tetap|pun|sebelumnya|kembali|secara\s+tegas)\s+)*",
        re.IGNORECASE,
    ),
    "zh": re.compile(r""),
}
# Prepositions that introduce the target after a trigger: "assault on Ukraine", "invasi ke Ukraina"; in
# Chinese before it: "对俄罗斯进行国事访问", "对乌克兰发动袭击".
_TARGET_BEFORE = {
    "en": re.compile(r"(?<!\w)(?:on|against|into|of|to|at)\s+(?:the\s+)?$", re.IGNORECASE),
    "id": re.compile(r"(?<!\w)(?:ke|terhadap|atas)\s+$", re.IGNORECASE),
    "zh": re.compile(r"对\s*$"),
}
# A trigger owned by a possessive pronoun ("his visit", "its invasion", "kunjungannya") belongs to the subject.
_SELF_OWNED = {
    "en": re.compile(r"(?<!\w)(?:his|her|its|their)\s+(?:[a-z-]+\s+){0,2}\S+$", re.IGNORECASE),
    "id": re.compile(r"nya$", re.IGNORECASE),
    "zh": re.compile(r"(?!)"),
}
# The agent after a passive word: "the invasion of Ukraine by Russia", "aneksasi Krimea oleh Rusia".
_AGENT_BEFORE = {
    "en": re.compile(r"(?<!\w)by\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE),
    "id": re.compile(r"(?<!\w)oleh\s+$", re.IGNORECASE),
    "zh": re.compile(r"(?!)"),
}
_NOUNS_ID = {"invasi", "sanksi", "aneksasi", "agresi", "operasi", "embargo", "blokade", "lawatan", "kunjungan"}
ONE_WAY_KINDS = {"invasion", "attack", "sanction"}  # a bystander of these is no party at all


def _refine_roles(text, mentions, roles, targets, kind, trigger_start, trigger_end, language, gazetteer):
    """Initiator and target from the trigger's grammar, beyond plain word order.

    - the owner of a nominal trigger is its initiator ("Russia's invasion", "invasi Rusia ke Ukraina");
    - an actor after "on"/"against"/"ke"/"terhadap" following the trigger is its target;
    - the subject of a stance verb ("declined", "mengecam") before the trigger is no initiator;
    - one country is never both initiator and target of one event.
    """
    spans: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.actor in roles:
            spans.setdefault(mention.actor, []).append(mention)
    owners = _trigger_owners(text, mentions, roles, trigger_start, trigger_end, language)
    near = [
        m
        for m in mentions
        if m.actor in roles
        and (
            trigger_end <= m.start <= trigger_end + 60
            if language != "zh"
            else trigger_start - 30 <= m.start < trigger_start
        )
    ]
    owners |= {m.actor for m in near if _AGENT_BEFORE[language].search(text[max(0, m.start - 8) : m.start])}
    aimed = {
        m.actor
        for m in near
        if m.actor not in owners
        and (_TARGET_BEFORE[language].search(text[max(0, m.start - 12) : m.start]) or m.text.startswith("对"))
    }
    # "visiting Beijing, warned Chinese leaders that... Russia's...": actors after a stance verb that follows
    # the trigger belong to what was said, not to the event
    said = _stance_at(text, trigger_end, min(len(text), trigger_end + 200), language)
    said_at = len(text) if said is None else said
    if kind == "visit":  # "travelled to China, when he attended...", "berkunjung ke Rusia": where the visit went
        aimed |= {
            m.actor
            for m in mentions
            if m.actor in roles
            and m.actor not in owners
            and m.start < said_at
            and m.kind == "actor"
            and gazetteer.kind_of(m.actor) == "country"
            and after_locative(text, m, language)
        }
    said_after = {m.actor for m in mentions if m.actor in roles and m.start > said_at} - aimed
    said_after -= {m.actor for m in mentions if trigger_end <= m.start < said_at}
    # "warned Beijing during his visit", "dalam kunjungannya": the subject's own event
    self_owned = bool(_SELF_OWNED[language].search(text[max(0, trigger_start - 40) : trigger_end]))
    subject_gap = _SUBJECT_GAP[language]
    demoted: set[str] = set()
    for name, role in roles.items():
        if role.role != "initiator" or name in owners:
            continue
        before = [m for m in spans.get(name, []) if m.end <= trigger_start]
        if not before:
            continue
        after_actor = text[before[-1].end : trigger_start]
        host = _HOST_VERBS[language].search(after_actor) if kind == "visit" else None
        if host and subject_gap.fullmatch(after_actor[: host.start()]):
            aimed.add(name)  # "Putin invited Xi to visit Moscow": the host is where the visit goes
            continue
        verb = None if self_owned else _stance_at(after_actor, 0, len(after_actor), language)
        if owners or (verb is not None and subject_gap.fullmatch(after_actor[:verb])):
            demoted.add(name)
    # "sanctions over Russia's war in Ukraine", "perang Rusia di Ukraina": a country where something happens
    # is not whom sanctions hit
    located = {
        m.actor for m in mentions if kind == "sanction" and m.start >= trigger_end and after_locative(text, m, language)
    }
    refined: dict[str, ActorRole] = {}
    for name, role in roles.items():
        value = role.role
        if name in owners:
            value = "initiator"
        elif name in aimed:
            value = "target"
        elif name in demoted or (value == "target" and (name in located or name in said_after)):
            value = "participant"
        refined[name] = ActorRole(role.name, role.kind, value)
    placed = targets | aimed
    refined = _settle_same_country(refined, placed, gazetteer)
    has_target = any(r.role == "target" for r in refined.values())
    if kind in ONE_WAY_KINDS and owners and has_target:
        refined = {n: r for n, r in refined.items() if n not in demoted or r.role != "participant"}
    return refined


@cache
def _stance_twin(language: str) -> re.Pattern | None:
    return folded_twin(STANCE_VERBS[language])


def _stance_at(text: str, start: int, end: int, language: str) -> int | None:
    """Where STANCE_VERBS[language].search(text, start, end) finds a stance verb, read case-sensitively on
    the folded window where the pattern allows (case_folding: the same match, about twice as fast)."""
    twin = _stance_twin(language)
    lead = 1 if start > 0 else 0  # the character before the window, for the pattern's look-behind
    window = folded_text(text[start - lead : end]) if twin is not None else None
    if window is None:
        match = STANCE_VERBS[language].search(text, start, end)
        return match.start() if match else None
    match = twin.search(window, lead)
    return match.start() + start - lead if match else None


def _trigger_owners(text, mentions, roles, trigger_start, trigger_end, language) -> set[str]:
    """The actors that own a nominal trigger, if written right next to it ("U.S. and EU sanctions")."""
    if not _is_nominal(text[trigger_start:trigger_end], language):
        return set()
    usable = [m for m in mentions if m.actor in roles and m.kind in ("actor", "demonym", "metonym", "title")]
    owner = None
    for mention in usable:
        if language == "en" and mention.end <= trigger_start:
            gap = text[mention.end : trigger_start]
            possessive = gap[:1] in "'’"
            if mention.kind == "metonym" and not possessive:
                continue
            if _OWNER_BEFORE_EN.fullmatch(gap) and (possessive or mention.kind == "demonym" or not gap.strip()):
                owner = mention
        if language == "id" and mention.start >= trigger_end and mention.kind != "metonym":
            if _OWNER_AFTER_ID.fullmatch(text[trigger_end : mention.start]):
                owner = mention
                break
    if owner is None:
        return set()
    group = [owner]
    ordered = sorted(usable, key=lambda m: m.start)
    if language == "en":  # "the U.S. and EU sanctions": walk back over the coordinated owners
        for mention in reversed([m for m in ordered if m.end <= owner.start]):
            if not _AND.fullmatch(text[mention.end : group[-1].start]):
                break
            group.append(mention)
    else:  # "sanksi AS dan Uni Eropa"
        for mention in [m for m in ordered if m.start >= owner.end]:
            if not _AND.fullmatch(text[group[-1].end : mention.start]):
                break
            group.append(mention)
    return {m.actor for m in group}


def _is_nominal(trigger: str, language: str) -> bool:
    """A noun trigger ("invasion", "serangan", "kunjungan") that a possessive or genitive can own."""
    words = trigger.lower().split()
    if not words:
        return False
    if language == "id":
        word = words[0]
        return word in _NOUNS_ID or word.endswith(("an", "annya")) and not word.startswith(("me", "ber", "di"))
    return not words[0].endswith(("ed", "ing")) and words[0] not in {"struck", "hit", "sent", "fired", "launched"}


def _settle_same_country(roles: dict[str, ActorRole], placed: set[str], gazetteer: Gazetteer) -> dict[str, ActorRole]:
    """One country on both sides. If it is the place visited or struck ("in Moscow", "ke Ukraina"), its
    people are the target side (the hosts); otherwise its target-side entry is only a participant."""
    sides: dict[str, set[str]] = {}
    for name, role in roles.items():
        sides.setdefault(gazetteer.country_of(name) or name, set()).add(role.role)
    settled = {}
    for name, role in roles.items():
        country = gazetteer.country_of(name) or name
        value = role.role
        if {"initiator", "target"} <= sides[country]:
            if country in placed:
                value = "target" if value == "initiator" else value
            elif value == "target":
                value = "participant"
        settled[name] = ActorRole(role.name, role.kind, value)
    return settled


def _passive_position(text: str, trigger_end: int, mentions: list[Mention], language: str) -> int | None:
    """Where "by"/"oleh" follows the trigger: actors after it did the acting."""
    later = [m.start for m in mentions if m.start >= trigger_end]
    if not later:
        return None
    window = text[trigger_end : min(later)]
    match = _passive_pattern(language).search(window)
    return trigger_end + match.start() if match else None


def settle_sides(actors: list[ActorRole], gazetteer: Gazetteer) -> list[ActorRole]:
    """Actors united from several sentences: a country keeps the side its first actor has (the primary
    sentence's); its actors told on the other side elsewhere are only participants."""
    first_side: dict[str, str] = {}
    settled = []
    for actor in actors:
        country = gazetteer.country_of(actor.name) or actor.name
        side = first_side.setdefault(country, actor.role) if actor.role != "participant" else None
        if side is not None and side != actor.role:
            actor = ActorRole(actor.name, actor.kind, "participant")
        settled.append(actor)
    return settled


def countries_of(actors: list[ActorRole], gazetteer: Gazetteer) -> list[str]:
    countries: list[str] = []
    for actor in actors:
        country = gazetteer.country_of(actor.name)
        if country and country not in countries:
            countries.append(country)
    return countries
