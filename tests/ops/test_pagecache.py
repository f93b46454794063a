"""Whole pages cached for anonymous readers (ops.pagecache): what a reader, a curator and the logs see."""

import datetime
import json
import logging
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ops import pagecache
from ops.logs import JsonFormatter
from ops.pagecache import _placeholder
from sharing.states import share_state
from tests.factories import make_curator, make_event
from timeline import curation
from timeline.density import VERSION_KEY
from timeline.models import Event

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def request_lines(caplog) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == "linimasa.request"]


def without_tokens(html: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", html)


def get_twice(client: Client, url: str, caplog, **kwargs):
    """The same address twice: the first answer is rendered (and stored), the second replayed."""
    with caplog.at_level(logging.INFO, logger="linimasa.request"):
        first = client.get(url, **kwargs)
        second = client.get(url, **kwargs)
    assert [line.get("page_cache") for line in request_lines(caplog)[-2:]] == ["miss", "hit"]
    return first, second


class TestReadersGetTheSamePage:
    @pytest.mark.parametrize("page", ["timeline", "event", "shared"])
    def test_a_replayed_page_is_the_rendered_one_with_its_own_token(self, client, caplog, page):
        event = make_event(title="Xi and Putin talk by phone", date_start=datetime.date(2022, 6, 15))
        timeline, _ = share_state("kind=call", title="Calls")
        url = {"timeline": "/", "event": f"/events/{event.pk}/", "shared": timeline.get_absolute_url()}[page]
        first, second = get_twice(client, url, caplog)
        assert first.status_code == second.status_code == 200
        assert "Xi and Putin talk by phone" in second.content.decode()
        assert without_tokens(second.content.decode()) == without_tokens(first.content.decode())
        assert second["Content-Type"] == first["Content-Type"]
        assert second["Content-Length"] == str(len(second.content))
        assert _placeholder() not in first.content.decode() + second.content.decode()

    def test_a_replayed_page_reads_nothing_from_the_database(self, client):
        make_event(title="Xi and Putin talk by phone")
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        assert queries.captured_queries == []

    def test_hits_keep_the_request_id_the_log_line_and_the_security_headers(self, client, caplog):
        make_event()
        client.get("/")
        with caplog.at_level(logging.INFO, logger="linimasa.request"):
            response = client.get("/", headers={"X-Request-ID": "proxy-given-id-456"})
        line = request_lines(caplog)[-1]
        assert line["page_cache"] == "hit"
        assert line["request_id"] == "proxy-given-id-456" == response["X-Request-ID"]
        assert line["status"] == 200
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert {"HX-Request", "Cookie", "Accept-Language"} <= set(re.split(r",\s*", response["Vary"]))


class TestTheCsrfTokenStaysPerReader:
    def test_each_reader_gets_a_fresh_token_that_works_for_posting(self):
        make_event()
        Client().get("/")  # someone else's visit stores the page
        reader = Client(enforce_csrf_checks=True)
        page = reader.get("/")
        assert page.cookies["csrftoken"].value
        token = TOKEN.search(page.content.decode()).group(1)
        assert f'"X-CSRFToken": "{token}"' in page.content.decode()
        switched = reader.post("/i18n/setlang/", {"language": "id", "next": "/", "csrfmiddlewaretoken": token})
        assert switched.status_code == 302

    def test_two_readers_never_share_a_token(self):
        make_event()
        one, two = Client(), Client()
        first, second = one.get("/"), two.get("/")
        assert TOKEN.search(first.content.decode()).group(1) != TOKEN.search(second.content.decode()).group(1)
        assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value

    def test_a_returning_reader_keeps_the_cookie_secret(self, client):
        make_event()
        client.get("/")
        secret = client.cookies["csrftoken"].value
        client.get("/")
        assert client.cookies["csrftoken"].value == secret


class TestChangesShowAtOnce:
    def test_publishing_rejecting_merging_and_fixing_a_date_show_on_the_next_request(self, client):
        curator = make_curator()
        kept = make_event(
            title="Lavrov meets Wang Yi in Beijing",
            date_start=datetime.date(2024, 4, 9),
            sentence="Lavrov met Wang Yi.",
        )
        duplicate = make_event(
            title="Wang Yi hosts Lavrov", date_start=datetime.date(2024, 4, 9), sentence="Wang Yi hosted Lavrov."
        )
        proposal = make_event(title="Xi visits Moscow", status=Event.Status.PROPOSED)
        client.get("/")
        client.get(f"/events/{kept.pk}/")
        assert "Xi visits Moscow" not in client.get("/").content.decode()

        curation.publish(proposal, user=curator)
        assert "Xi visits Moscow" in client.get("/").content.decode()

        curation.reject(proposal, reason="Reported wrongly", user=curator)
        assert "Xi visits Moscow" not in client.get("/").content.decode()

        curation.merge([kept, duplicate], into=kept, user=curator)
        assert "Wang Yi hosts Lavrov" not in client.get("/").content.decode()
        assert client.get(f"/events/{duplicate.pk}/")["Location"] == f"/events/{kept.pk}/"

        curation.edit_date(kept, date_start=datetime.date(2024, 4, 8), precision="day", user=curator)
        html = client.get(f"/events/{kept.pk}/").content.decode()
        assert "8 Apr 2024" in html
        assert "9 Apr 2024" not in html.split("Corrected by a curator")[0]

    def test_a_change_made_by_another_process_shows_once_the_counters_are_read_again(self, client, monkeypatch):
        event = make_event(title="Lavrov meets Wang Yi in Beijing")
        monkeypatch.setattr(pagecache, "VERSION_POLL_SECONDS", 60)
        client.get("/")
        # Another worker or a Celery task: the row and the shared counter move, this process hears nothing.
        Event.objects.filter(pk=event.pk).update(title="Lavrov meets Wang Yi in Moscow")
        cache.incr(VERSION_KEY)
        assert "in Beijing" in client.get("/").content.decode()
        monkeypatch.setattr(pagecache, "VERSION_POLL_SECONDS", 0)
        assert "in Moscow" in client.get("/").content.decode()

    def test_a_shared_timeline_made_private_is_gone_for_readers(self, client):
        make_event()
        timeline, _ = share_state("kind=call", title="Calls")
        assert client.get(timeline.get_absolute_url()).status_code == 200
        timeline.visibility = timeline.Visibility.PRIVATE
        timeline.save()
        assert client.get(timeline.get_absolute_url()).status_code == 404

    def test_a_renamed_shared_timeline_shows_its_new_title(self, client):
        make_event()
        timeline, _ = share_state("kind=call", title="Calls")
        client.get(timeline.get_absolute_url())
        timeline.title = "Every call between Xi and Putin"
        timeline.save()
        assert "Every call between Xi and Putin" in client.get(timeline.get_absolute_url()).content.decode()


class TestCuratorsNeverGetTheReadersPage:
    def test_a_signed_in_curator_gets_a_rendered_page_and_leaves_nothing_behind(self, client, caplog):
        make_event(title="A checked call")
        make_event(title="An unchecked proposal", status=Event.Status.PROPOSED)
        reader = Client()
        assert "An unchecked proposal" not in reader.get("/").content.decode()
        client.force_login(make_curator())
        with caplog.at_level(logging.INFO, logger="linimasa.request"):
            html = client.get("/").content.decode()
            html_again = client.get("/").content.decode()
        assert "An unchecked proposal" in html and "An unchecked proposal" in html_again
        assert all("page_cache" not in line for line in request_lines(caplog)[-2:])
        assert "An unchecked proposal" not in Client().get("/").content.decode()


class TestHtmxAndLanguage:
    def test_partials_and_full_pages_never_stand_in_for_each_other(self, client):
        make_event(title="Xi and Putin talk by phone")
        full = client.get("/").content.decode()
        fragment = client.get("/", headers={"HX-Request": "true"}).content.decode()
        rows = client.get("/", headers={"HX-Request": "true", "HX-Target": "page-more-x"}).content.decode()
        full_again = client.get("/").content.decode()
        assert "<html" in full and "<html" in full_again
        assert "<html" not in fragment and 'id="timeline-results"' in fragment
        assert "<html" not in rows and 'id="timeline-results"' not in rows
        assert "Xi and Putin talk by phone" in rows
        restored = client.get("/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
        assert "<html" in restored.content.decode()

    def test_the_chosen_language_gets_its_own_page(self, client):
        make_event()
        assert 'lang="en"' in client.get("/").content.decode()
        client.cookies["django_language"] = "id"
        indonesian = client.get("/")
        assert 'lang="id"' in indonesian.content.decode() and indonesian["Content-Language"] == "id"
        del client.cookies["django_language"]
        assert 'lang="en"' in client.get("/").content.decode()
        assert 'lang="id"' in client.get("/", headers={"Accept-Language": "id"}).content.decode()

    def test_another_host_gets_its_own_absolute_links(self, settings):
        settings.ALLOWED_HOSTS = ["testserver", "linimasa.example"]
        make_event()
        timeline, _ = share_state("kind=call", title="Calls")
        Client().get(timeline.get_absolute_url())
        html = Client(HTTP_HOST="linimasa.example").get(timeline.get_absolute_url()).content.decode()
        assert "http://linimasa.example/t/" in html
        assert "http://testserver/" not in html
