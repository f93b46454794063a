"""Load the gazetteer (actors, aliases per language, offices held) into the database."""

import datetime
from dataclasses import dataclass

from django.db import transaction

from .models import Actor, ActorAlias, Office


@dataclass
class LoadCounts:
    actors: int = 0
    aliases: int = 0
    offices: int = 0


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_gazetteer(records: list[dict]) -> LoadCounts:
    """Create or update actors from gazetteer records; running it twice adds nothing."""
    counts = LoadCounts()
    by_name = {}
    for record in records:
        _follow_rename(record)
        actor, created = Actor.objects.update_or_create(
            name=record["name"],
            defaults={"kind": record["kind"], "wikidata_id": record.get("wikidata") or ""},
        )
        counts.actors += created
        by_name[actor.name] = actor
        for language, names in (record.get("aliases") or {}).items():
            for alias in names:
                _, created = ActorAlias.objects.get_or_create(actor=actor, language=language, name=alias)
                counts.aliases += created
        for office in record.get("offices") or []:
            _, created = Office.objects.update_or_create(
                holder=actor,
                title=office["office"],
                start=_day(office.get("start")),
                defaults={"end": _day(office.get("end"))},
            )
            counts.offices += created
    # People point at their country, once every country exists.
    for record in records:
        country = record.get("country")
        if record["kind"] == Actor.Kind.PERSON and country:
            country_actor = by_name.get(country) or Actor.objects.filter(name=country).first()
            if country_actor and by_name[record["name"]].country_id != country_actor.pk:
                Actor.objects.filter(pk=by_name[record["name"]].pk).update(country=country_actor)
    return counts


def _follow_rename(record: dict) -> None:
    """An actor whose canonical name changed ("SCO" became "Shanghai Cooperation Organisation") is the same
    Wikidata item: rename its row, so its events, roles and aliases stay with it instead of a new twin."""
    wikidata = record.get("wikidata")
    if not wikidata or Actor.objects.filter(name=record["name"]).exists():
        return
    renamed = Actor.objects.filter(wikidata_id=wikidata).exclude(name=record["name"]).order_by("pk").first()
    if renamed is not None:
        renamed.name = record["name"]
        renamed.save(update_fields=["name"])  # save(), not update(): the actor's history records the rename
