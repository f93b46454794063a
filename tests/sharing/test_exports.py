"""Every export read back by a real parser: csv, icalendar, feedparser, JSON validated by a schema."""

import csv
import datetime
import io
import json
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest

from sharing.states import share_state
from tests.factories import make_event

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parents[2] / "sharing" / "schemas"


def load_schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


class TestCsvExport:
    def test_it_lists_the_state_with_precision_columns(self, client, events):
        response = client.get("/export/events.csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        by_title = {row["title"]: row for row in rows}
        assert list(by_title) == ["Treaty of Good-Neighbourliness signed", "Joint naval drills in the Sea of Japan",
                                  "Xi and Putin talk by phone"]
        assert by_title["Joint naval drills in the Sea of Japan"]["date"] == "2021-10"
        assert by_title["Joint naval drills in the Sea of Japan"]["precision"] == "month"
        assert by_title["Treaty of Good-Neighbourliness signed"]["date"] == "2001"
        assert by_title["Xi and Putin talk by phone"]["countries"] == "Russia; China"

    def test_it_takes_the_page_query_string(self, client, events):
        rows = list(csv.DictReader(io.StringIO(client.get("/export/events.csv?kind=exercise").content.decode())))
        assert [row["kind"] for row in rows] == ["exercise"]

    def test_a_bad_query_is_a_clear_400(self, client, events):
        response = client.get("/export/events.csv?from=yesterday")
        assert response.status_code == 400
        assert "yesterday" in response.content.decode()


class TestIcsExport:
    def test_events_are_all_day_and_state_their_precision(self, client, events):
        calendar = icalendar.Calendar.from_ical(client.get("/export/events.ics").content)
        items = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
        drills = items["Joint naval drills in the Sea of Japan"]
        assert drills.decoded("dtstart") == datetime.date(2021, 10, 1)
        assert drills.decoded("dtend") == datetime.date(2021, 11, 1)  # exclusive end: all of October
        assert str(drills["x-linimasa-precision"]) == "month"
        assert "month" in str(drills["description"])
        call = items["Xi and Putin talk by phone"]
        assert call.decoded("dtstart") == datetime.date(2022, 6, 15)
        assert not isinstance(call.decoded("dtstart"), datetime.datetime)


class TestTimelineJsExport:
    def test_it_validates_and_leaves_out_parts_finer_than_the_precision(self, client, events):
        document = client.get("/export/timelinejs.json").json()
        jsonschema.validate(document, load_schema("timelinejs.schema.json"))
        dates = {slide["text"]["headline"]: slide["start_date"] for slide in document["events"]}
        assert dates["Treaty of Good-Neighbourliness signed"] == {"year": 2001}
        assert dates["Joint naval drills in the Sea of Japan"] == {"year": 2021, "month": 10}
        assert dates["Xi and Putin talk by phone"] == {"year": 2022, "month": 6, "day": 15}

    def test_other_sites_may_load_it(self, client, events):
        assert client.get("/export/timelinejs.json")["Access-Control-Allow-Origin"] == "*"


class TestPloverExport:
    def test_records_validate_and_carry_type_mode_and_sources(self, client, events):
        document = client.get("/export/plover.json?kind=call").json()
        jsonschema.validate(document, load_schema("plover.schema.json"))
        [record] = document["events"]
        assert (record["event_type"], record["mode"]) == ("CONSULT", "phone")
        assert record["event_date"] == "2022-06-15"
        assert record["sources"][0]["outlet"] == "TASS"


class TestAtomFeed:
    def test_it_lists_newly_published_events_only(self, client, events):
        feed = feedparser.parse(client.get("/feeds/events.atom").content)
        titles = [entry.title for entry in feed.entries]
        assert feed.version == "atom10"
        assert len(titles) == 3
        assert not any("unchecked" in t for t in titles)

    def test_it_takes_the_page_query_string(self, client, events):
        feed = feedparser.parse(client.get("/feeds/events.atom?kind=agreement").content)
        assert [entry.title for entry in feed.entries] == ["2001: Treaty of Good-Neighbourliness signed"]


class TestSavedTimelineExports:
    def test_the_five_exports_follow_the_saved_timeline(self, client, events):
        timeline, _ = share_state("kind=exercise")
        base = timeline.get_absolute_url()
        rows = list(csv.DictReader(io.StringIO(client.get(base + "export/events.csv").content.decode())))
        calendar = icalendar.Calendar.from_ical(client.get(base + "export/events.ics").content)
        timelinejs = client.get(base + "export/timelinejs.json").json()
        plover = client.get(base + "export/plover.json").json()
        feed = feedparser.parse(client.get(base + "feeds/events.atom").content)
        jsonschema.validate(timelinejs, load_schema("timelinejs.schema.json"))
        jsonschema.validate(plover, load_schema("plover.schema.json"))
        expected = "Joint naval drills in the Sea of Japan"
        assert [row["title"] for row in rows] == [expected]
        assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [expected]
        assert [s["text"]["headline"] for s in timelinejs["events"]] == [expected]
        assert timelinejs["title"]["text"]["headline"] == str(timeline)
        assert [r["headline"] for r in plover["events"]] == [expected]
        assert [e.title for e in feed.entries] == [f"Oct 2021: {expected}"]

    def test_an_unknown_format_is_not_found(self, client, events):
        timeline, _ = share_state("")
        assert client.get(timeline.get_absolute_url() + "export/events.xlsx").status_code == 404


class TestExportCost:
    @pytest.mark.parametrize("fmt", ["events.csv", "events.ics", "timelinejs.json", "plover.json"])
    def test_more_events_take_no_more_queries(self, client, events, fmt):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as few:
            client.get(f"/export/{fmt}")
        for day in range(1, 11):
            make_event(title=f"Call {day}", date_start=datetime.date(2023, 1, day))
        with CaptureQueriesContext(connection) as many:
            client.get(f"/export/{fmt}")
        assert len(many.captured_queries) == len(few.captured_queries)
