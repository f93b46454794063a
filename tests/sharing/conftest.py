import datetime

import pytest
from django.core.cache import cache

from tests.factories import make_actor, make_article, make_event, make_outlet


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # density strips and API rate counts live in the cache
    yield
    cache.clear()


@pytest.fixture
def previews_in_tmp(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path / "previews"


@pytest.fixture
def events(db):
    """Three published China–Russia events at day, month and year precision, and one proposed."""
    china, russia = make_actor("China"), make_actor("Russia")
    make_actor("Xi Jinping", kind="person", country=china)
    make_actor("Vladimir Putin", kind="person", country=russia)
    tass = make_outlet("TASS", domain="tass.example", language="ru", country="Russia", state_affiliated=True)
    call = make_event(
        title="Xi and Putin talk by phone",
        kind="call",
        date_start=datetime.date(2022, 6, 15),
        actors=("Xi Jinping", "Vladimir Putin"),
        plover_type="CONSULT",
        plover_mode="phone",
        article=make_article(outlet=tass, language="ru", url="https://tass.example/1"),
    )
    drills = make_event(
        title="Joint naval drills in the Sea of Japan",
        kind="exercise",
        date_start=datetime.date(2021, 10, 1),
        date_end=datetime.date(2021, 10, 31),
        precision="month",
        plover_type="COOPERATE",
        plover_mode="military",
    )
    treaty = make_event(
        title="Treaty of Good-Neighbourliness signed",
        kind="agreement",
        date_start=datetime.date(2001, 1, 1),
        date_end=datetime.date(2001, 12, 31),
        precision="year",
        plover_type="AGREE",
    )
    hidden = make_event(title="An unchecked proposal", status="proposed", date_start=datetime.date(2022, 6, 16))
    return {"call": call, "drills": drills, "treaty": treaty, "hidden": hidden}
