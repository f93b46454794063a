"""Loading the gazetteer into the database: a renamed actor keeps its events."""

import pytest

from ingest.extraction.gazetteer import Gazetteer
from tests.factories import make_event
from timeline.gazetteer import load_gazetteer
from timeline.models import Actor, EventActor

pytestmark = pytest.mark.django_db


def sco(name: str) -> dict:
    return {"name": name, "kind": "organisation", "wikidata": "Q485207", "aliases": {"en": ["SCO"]}, "offices": []}


def test_a_canonical_name_changed_in_the_gazetteer_renames_the_actor_and_keeps_its_events():
    load_gazetteer([sco("SCO")])
    old = Actor.objects.get(name="SCO")
    event = make_event(actors=("China",), kind="summit")
    EventActor.objects.create(event=event, actor=old)

    load_gazetteer([sco("Shanghai Cooperation Organisation")])

    renamed = Actor.objects.get(wikidata_id="Q485207")
    assert renamed.pk == old.pk and renamed.name == "Shanghai Cooperation Organisation"
    assert not Actor.objects.filter(name="SCO").exists()
    assert event.roles.filter(actor=renamed).exists()
    assert renamed.history.first().name == "Shanghai Cooperation Organisation"  # the rename is in its history
    assert renamed.aliases.filter(name="SCO").exists()  # the old name still finds it


def test_loading_twice_adds_nothing_and_the_shipped_names_follow_the_usual_forms():
    records = Gazetteer.default().records
    first = load_gazetteer(records)
    again = load_gazetteer(records)
    assert first.actors == len(records) and again.actors == again.aliases == again.offices == 0
    names = set(Actor.objects.values_list("name", flat=True))
    assert {"Shanghai Cooperation Organisation", "United Nations Security Council"} <= names
    assert "United Nations General Assembly" in names
