"""The event page is cached for anonymous readers like the timeline rows, never for curators."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_curator, make_event

pytestmark = pytest.mark.django_db


class TestEventPageCache:
    def test_a_second_anonymous_visit_reads_nothing_from_the_database(self, client):
        event = make_event(title="Wang Yi meets Lavrov in Beijing", date_start=datetime.date(2024, 4, 9))
        first = client.get(f"/events/{event.pk}/")
        with CaptureQueriesContext(connection) as queries:
            second = client.get(f"/events/{event.pk}/")
        assert first.status_code == second.status_code == 200
        assert b"Wang Yi meets Lavrov" in second.content
        assert not [q for q in queries.captured_queries if "timeline_" in q["sql"]]

    def test_a_corrected_event_shows_at_once(self, client):
        event = make_event(title="Wang Yi meets Lavrov in Beijing", date_start=datetime.date(2024, 4, 9))
        client.get(f"/events/{event.pk}/")
        event.title = "Wang Yi meets Lavrov in Moscow"
        event.save()
        html = client.get(f"/events/{event.pk}/").content.decode()
        assert "in Moscow" in html
        assert "in Beijing" not in html

    def test_the_in_place_detail_comes_from_the_same_cache(self, client):
        event = make_event(title="Wang Yi meets Lavrov", sentence="Wang Yi met Sergei Lavrov on Tuesday.")
        client.get(f"/events/{event.pk}/")
        fragment = client.get(f"/events/{event.pk}/", headers={"HX-Request": "true"}).content.decode()
        assert "Wang Yi met Sergei Lavrov" in fragment
        assert "<html" not in fragment

    def test_a_proposed_event_stays_hidden_from_readers_after_a_curator_opened_it(self, client):
        event = make_event(title="An unchecked proposal", status="proposed")
        client.force_login(make_curator())
        assert client.get(f"/events/{event.pk}/").status_code == 200
        client.logout()
        assert client.get(f"/events/{event.pk}/").status_code == 404

    def test_curators_never_get_the_readers_cached_page(self, client):
        event = make_event(title="An unchecked proposal", status="proposed")
        assert client.get(f"/events/{event.pk}/").status_code == 404
        client.force_login(make_curator())
        html = client.get(f"/events/{event.pk}/").content.decode()
        assert "Proposed: not shown to readers" in html
