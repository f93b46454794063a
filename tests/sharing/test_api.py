"""The read-only API: filters as on the page, cursor paging, provenance, rate limit, and fuzzing."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from sharing.states import share_state
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_rate(settings):
    settings.LINIMASA_API_RATE = "100000/min"


class TestEventsApi:
    def test_every_event_carries_its_precision_and_provenance(self, client, events):
        items = client.get("/api/events").json()["items"]
        drills = next(e for e in items if e["kind"] == "exercise")
        assert (drills["date"], drills["precision"]) == ("2021-10", "month")
        call = next(e for e in items if e["kind"] == "call")
        [evidence] = call["evidence"]
        assert evidence["article"]["outlet"] == "TASS"
        assert evidence["article"]["state_affiliated"] is True
        assert evidence["sentence"]

    def test_it_takes_the_page_filters(self, client, events):
        items = client.get("/api/events?kind=call&actor=Russia").json()["items"]
        assert [e["title"] for e in items] == ["Xi and Putin talk by phone"]
        assert client.get("/api/events?from=2021&to=2021-12").json()["items"][0]["kind"] == "exercise"

    def test_a_bad_filter_is_a_clear_400(self, client, events):
        response = client.get("/api/events?kind=picnic")
        assert response.status_code == 400
        assert "picnic" in response.json()["detail"][0]

    def test_the_cursor_walks_every_event_once(self, client, events):
        seen, url = [], "/api/events?limit=1"
        while url:
            page = client.get(url).json()
            seen += [e["id"] for e in page["items"]]
            url = f"/api/events?limit=1&cursor={page['next_cursor']}" if page["next_cursor"] else None
        assert seen == [events["treaty"].pk, events["drills"].pk, events["call"].pk]

    def test_a_merged_event_answers_with_its_canonical_event(self, client, events):
        Event.objects.filter(pk=events["hidden"].pk).update(status="merged", merged_into=events["call"])
        assert client.get(f"/api/events/{events['hidden'].pk}").json()["id"] == events["call"].pk

    def test_nul_characters_get_an_answer_not_a_server_error(self, client, events):
        # PostgreSQL refuses NUL in any query; found by the fuzzer below.
        assert client.get("/api/events?a=%00China&b=Russia").status_code == 200
        assert client.get("/api/events?q=%00").status_code == 200
        assert client.get("/api/actors?q=%00xi").json()["items"][0]["name"] == "Xi Jinping"
        assert client.get("/api/timelines/%00").status_code == 404

    def test_unpublished_events_are_not_found(self, client, events):
        assert client.get(f"/api/events/{events['hidden'].pk}").status_code == 404


class TestOtherResources:
    def test_actors_are_found_by_name(self, client, events):
        names = [a["name"] for a in client.get("/api/actors?q=xi").json()["items"]]
        assert names == ["Xi Jinping"]

    def test_outlets_say_which_are_state_media(self, client, events):
        outlets = {o["name"]: o["state_affiliated"] for o in client.get("/api/outlets").json()["items"]}
        assert outlets["TASS"] is True

    def test_only_public_timelines_are_listed_but_unlisted_ones_open_by_slug(self, client, events):
        unlisted, _ = share_state("kind=call")
        assert client.get("/api/timelines").json()["items"] == []
        saved = client.get(f"/api/timelines/{unlisted.slug}").json()
        assert saved["query"] == "kind=call"
        assert saved["snapshots"][0]["url"].startswith(f"/t/{unlisted.slug}/as-of/")
        assert saved["snapshots"][0]["event_count"] == 1
        items = client.get(f"/api/timelines/{unlisted.slug}/events").json()["items"]
        assert [e["title"] for e in items] == ["Xi and Putin talk by phone"]

    def test_the_schema_is_published(self, client, db):
        schema = client.get("/api/openapi.json").json()
        assert {"/api/events", "/api/actors", "/api/outlets", "/api/timelines"} <= set(schema["paths"])


    def test_the_docs_page_loads_its_scripts_from_this_site(self, client, db):
        # The CSP admits only our own scripts: a CDN copy of Swagger UI would leave the page blank.
        html = client.get("/api/docs").content.decode()
        assert '<script src="/static/ninja/swagger-ui-bundle.js">' in html
        assert "cdn." not in html


class TestRateLimit:
    def test_too_many_requests_get_a_clear_429(self, client, events, settings):
        settings.LINIMASA_API_RATE = "3/min"
        statuses = [client.get("/api/outlets").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        response = client.get("/api/outlets")
        assert "3/min" in response.json()["detail"]
        assert int(response["Retry-After"]) >= 1


schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def test_transaction_kept_open():
    """Calls through the WSGI app end with close_old_connections, which on PostgreSQL would close the
    connection holding the test's transaction; Django's own test client detaches it the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_survives_fuzzing_from_its_own_schema(case, events, test_transaction_kept_open):
    # Every check but one: a well-formed request naming an actor, outlet or date that does not exist
    # is rightly refused with a 400 that says why, which no schema can tell from a known name.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
