"""When two reports describe the same real event, and how to unite them within one article.

Same event: the kinds agree, the date intervals overlap (a day either side for two day-precise
dates, since a late call in Moscow is the next day in Jakarta), and the key actors agree:
the same countries (people count through their country), a report naming two or more of the
countries of the other, and never two different pairs of people. A month-precise report
absorbs a day-precise one of the same event; the finer date wins.
"""

import datetime
from dataclasses import dataclass, replace

from .actors import settle_sides
from .gazetteer import Gazetteer

DAY_SLACK = datetime.timedelta(days=1)
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5, "ref": 6}


@dataclass(frozen=True)
class EventKey:
    kind: str
    earliest: datetime.date
    latest: datetime.date
    precision: str
    actors: frozenset[str]
    countries: frozenset[str]
    modality: str = "asserted"


# "Russia attacked Ukraine on 24 February" and "Russia invaded Ukraine on 24 February" tell one event: an attack
# by the same side on the very day of an invasion is that invasion (the broader kind names it). Only day-precise
# reports: attacks on other days, or told by the month, stay events of their own.
BROADER_KIND = {frozenset({"attack", "invasion"}): "invasion"}


def kinds_merging_with(kind: str) -> set[str]:
    """The kinds whose events a report of `kind` may be the same event as (itself included)."""
    return {kind} | {other for pair in BROADER_KIND for other in pair if kind in pair}


def united_kind(a: str, b: str) -> str:
    return a if a == b else BROADER_KIND.get(frozenset({a, b}), a)


def merge_reason(a: EventKey, b: EventKey, *, day_slack: bool = True) -> str | None:
    """A readable reason when `a` and `b` are the same real event, else None.

    day_slack allows two day-precise dates a day apart (sources in different time zones);
    within one article both dates share one base and zone, so a different day is a different event.
    """
    if a.kind != b.kind:
        if frozenset({a.kind, b.kind}) not in BROADER_KIND or not a.precision == b.precision == "day":
            return None
        if not a.earliest == a.latest == b.earliest == b.latest:
            return None  # the very day only: strikes the next day, or over a span, are attacks of their own
    slack = DAY_SLACK if day_slack and a.precision == "day" and b.precision == "day" else datetime.timedelta(0)
    if a.earliest > b.latest + slack or b.earliest > a.latest + slack:
        return None
    agreement = _actors_agree(a, b)
    if agreement is None:
        return None
    if a.precision == b.precision:
        when = (
            f"same {a.precision} ({_show(a)})"
            if _show(a) == _show(b)
            else f"dates within a day ({_show(a)}, {_show(b)})"
        )
    else:
        when = f"{_show(a)} ({a.precision}) contains {_show(b)} ({b.precision})"
    if PRECISION_RANK.get(b.precision, 9) > PRECISION_RANK.get(a.precision, 9):
        when = f"{_show(b)} ({b.precision}) contains {_show(a)} ({a.precision})"
    if a.kind != b.kind:
        return f"{a.kind} and {b.kind} on the same day by the same sides: one {united_kind(a.kind, b.kind)}; {when}"
    return f"same {a.kind}: {when}; {agreement}"


def _show(key: EventKey) -> str:
    if key.precision in ("month", "quarter", "season"):
        return key.earliest.strftime("%Y-%m")
    if key.precision in ("year", "decade"):
        return str(key.earliest.year)
    return key.earliest.isoformat()


def _persons(key: EventKey) -> set[str]:
    gazetteer = Gazetteer.default()
    return {name for name in key.actors if name not in key.countries and gazetteer.kind_of(name) in ("person", None)}


def _actors_agree(a: EventKey, b: EventKey) -> str | None:
    persons_a, persons_b = _persons(a), _persons(b)
    if persons_a and persons_b and not (persons_a <= persons_b or persons_b <= persons_a):
        return None  # Wang Yi-Lavrov and Xi-Putin, or Xi-Putin and Xi-Mishustin, on one day are two events
    ca, cb = set(a.countries), set(b.countries)
    if ca and cb:
        if ca == cb:
            return "same countries: " + ", ".join(sorted(ca))
        small, large = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
        if len(small) >= 2 and small <= large:
            return "countries " + ", ".join(sorted(small)) + " named by both"
        return None
    shared = set(a.actors) & set(b.actors)
    if shared and (not ca and not cb):
        return "same actors: " + ", ".join(sorted(shared))
    return None


def finer(a, b):
    """The DateMention with the finer precision (the first when equal)."""
    if b is None:
        return a
    if a is None:
        return b
    return b if PRECISION_RANK.get(b.precision, 9) < PRECISION_RANK.get(a.precision, 9) else a


def merge_candidates(candidates: list) -> list:
    """Unite the candidates of one article that report the same event; evidences are kept."""
    merged: list = []
    keys: list = []  # merged[i].key(), made once: a key is rebuilt only when its event changes
    for candidate in candidates:
        key = candidate.key()
        for index, existing in enumerate(merged):
            if _three_way_beside_two(existing, candidate):
                continue
            if merge_reason(keys[index], key, day_slack=False):
                merged[index] = _unite(existing, candidate)
                keys[index] = merged[index].key()
                break
        else:
            merged.append(candidate)
            keys.append(key)
    return merged


ONE_DAY_TALKS = {"meeting", "call"}


def _three_way_beside_two(first, second) -> bool:
    """ "Xi held talks with Putin on Tuesday. The same day, Xi and Putin also met Khurelsukh": an article
    telling talks of two countries and talks of three on one day tells two meetings, not one."""
    if first.kind not in ONE_DAY_TALKS or second.kind != first.kind:
        return False
    small, large = sorted((first, second), key=lambda c: len(set(c.countries)))
    if not (len(set(small.countries)) == 2 and len(set(large.countries)) >= 3):
        return False
    # a dateless sentence going on about the talks ("In the meeting with Putin, ...") adds to them
    told = large.evidence[0]
    return set(small.countries) < set(large.countries) and bool(told.date_expression) and (
        told.date_expression in told.sentence
    )


def _unite(first, second):
    date = finer(first.date, second.date)
    source = second if date is second.date and date is not first.date else first
    actors = list(first.actors)
    names = {actor.name for actor in actors}
    actors += [actor for actor in second.actors if actor.name not in names]
    actors = settle_sides(actors, Gazetteer.default())  # one country never on both sides of the united event
    countries = list(first.countries) + [c for c in second.countries if c not in first.countries]
    seen = {(e.start, e.trigger_start) for e in first.evidence}
    evidence = list(first.evidence) + [
        replace(e, primary=False) for e in second.evidence if (e.start, e.trigger_start) not in seen
    ]
    if source is second:
        evidence = [replace(e, primary=(e.start == second.evidence[0].start)) for e in evidence]
    kind = united_kind(first.kind, second.kind)
    broader = second if kind != first.kind else first
    return replace(
        first,
        kind=kind,
        plover_type=broader.plover_type,
        plover_mode=broader.plover_mode,
        date=date,
        date_value=source.date_value,
        precision=source.precision,
        date_end=source.date_end,
        qualifier=source.qualifier,
        date_trail=source.date_trail,
        modality="asserted" if "asserted" in (first.modality, second.modality) else first.modality,
        actors=actors,
        countries=countries,
        location=first.location or second.location,
        evidence=evidence,
        confidence=min(0.97, max(first.confidence, second.confidence) + 0.03),
    )
