"""Plain factories: make_event(**overrides) and friends, with real rows behind them."""

import datetime
import itertools

from ingest.models import Article, Outlet
from timeline.models import Actor, Event, EventActor, Evidence

_counter = itertools.count(1)


def make_actor(name: str, kind: str = Actor.Kind.COUNTRY, **fields) -> Actor:
    actor, _ = Actor.objects.get_or_create(name=name, defaults={"kind": kind, **fields})
    return actor


def make_outlet(name: str = "Warta Dunia", **fields) -> Outlet:
    fields.setdefault("domain", name.lower().replace(" ", "-") + ".example")
    outlet, _ = Outlet.objects.get_or_create(name=name, defaults=fields)
    return outlet


def make_article(**fields) -> Article:
    n = next(_counter)
    fields.setdefault("title", f"Article {n}")
    fields.setdefault("raw", f"Raw text of article {n}.")
    fields.setdefault("text", fields["raw"])
    fields.setdefault("content_hash", Article.hash_content(fields["raw"]))
    fields.setdefault("url", f"https://warta-dunia.example/news/{n}")
    fields.setdefault("language", "en")
    fields.setdefault("published", datetime.datetime(2022, 6, 15, 14, 1, tzinfo=datetime.UTC))
    fields.setdefault("status", Article.Status.EXTRACTED)
    if "outlet" not in fields:
        fields["outlet"] = make_outlet()
    return Article.objects.create(**fields)


def make_event(
    *,
    actors: tuple[str, ...] = ("China", "Russia"),
    sentence: str | None = None,
    article: Article | None = None,
    **fields,
) -> Event:
    """A published event with its actors (countries by name) and one evidence sentence."""
    fields.setdefault("kind", Event.Kind.CALL)
    fields.setdefault("date_start", datetime.date(2022, 6, 15))
    fields.setdefault("date_end", fields["date_start"])
    fields.setdefault("precision", Event.Precision.DAY)
    fields.setdefault("status", Event.Status.PUBLISHED)
    fields.setdefault("title", f"{' and '.join(actors)}: {fields['kind']}")
    fields.setdefault("confidence", 0.9)
    event = Event.objects.create(**fields)
    for name in actors:
        EventActor.objects.create(event=event, actor=make_actor(name))
    article = article or make_article()
    sentence = sentence or f"{' and '.join(actors)} held a {event.kind} on {event.date_display}."
    Evidence.objects.create(
        event=event,
        article=article,
        sentence=sentence,
        start=0,
        end=len(sentence),
        confidence=event.confidence,
        extractor_version="test",
    )
    return event


def make_curator(username: str = "ina", password: str = "not-a-real-password"):
    """A staff member in the 'curators' group (made again if a transactional test flushed it)."""
    import importlib

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name="curators")
    if created or not group.permissions.exists():
        importlib.import_module("timeline.migrations.0004_curators_group").grant_permissions(group, Permission)
    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    user.groups.add(group)
    return user
