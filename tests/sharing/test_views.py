import datetime
import html
import re

import pytest

from sharing.models import Snapshot, Timeline
from sharing.states import share_state
from tests.factories import make_article, make_event
from timeline.models import Event

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [e.title if hasattr(e, "title") else e["title"] for e in response.context["events"]]


class TestShareView:
    def test_it_saves_the_state_and_opens_it_at_its_short_link(self, client, events):
        response = client.post("/t/", {"query": "kind=call"})
        timeline = Timeline.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/t/{timeline.slug}/"
        page = client.get(response["Location"])
        assert titles(page) == ["Xi and Putin talk by phone"]

    def test_it_reuses_the_timeline_for_the_same_state(self, client, events):
        client.post("/t/", {"query": "kind=call&actor=russia"})
        client.post("/t/", {"query": "actor=Russia&kind=call"})  # same state, other order and case
        assert Timeline.objects.count() == 1
        assert Snapshot.objects.count() == 1

    def test_unlisted_slugs_are_too_long_to_guess(self, client, events):
        client.post("/t/", {"query": ""})
        assert len(Timeline.objects.get().slug) >= 20

    def test_it_refuses_a_state_the_page_would_refuse(self, client, events):
        response = client.post("/t/", {"query": "kind=picnic"})
        assert response.status_code == 400
        assert "picnic" in response.content.decode()
        assert not Timeline.objects.exists()

    def test_htmx_gets_the_links_with_copy_buttons(self, client, events):
        response = client.post("/t/", {"query": "kind=call"}, headers={"HX-Request": "true"})
        html = response.content.decode()
        timeline = Timeline.objects.get()
        assert f"http://testserver/t/{timeline.slug}/" in html
        assert "/as-of/" in html
        assert "data-copy" in html

    def test_anonymous_readers_cannot_make_public_timelines(self, client, events):
        response = client.post("/t/", {"query": "", "visibility": "public"})
        assert response.status_code == 400
        assert not Timeline.objects.exists()

    def test_a_flood_of_shares_from_one_address_is_refused_clearly(self, client, events, settings):
        settings.LINIMASA_SHARES_PER_HOUR = 2
        statuses = [client.post("/t/", {"query": f"q=word{i}"}).status_code for i in range(3)]
        assert statuses == [302, 302, 429]
        assert Timeline.objects.count() == 2

    def test_the_timeline_page_offers_to_share_and_export_its_state(self, client, events):
        html = client.get("/?kind=call").content.decode()
        assert 'action="/t/"' in html
        assert 'name="query" value="kind=call"' in html
        assert "/export/events.csv?kind=call" in html


class TestSharedTimeline:
    def test_merged_events_follow_their_canonical_event(self, client, events):
        duplicate = make_event(title="Phone call (duplicate report)", date_start=datetime.date(2022, 6, 15))
        timeline, _ = share_state("kind=agreement", included=[duplicate.pk])
        Event.objects.filter(pk=duplicate.pk).update(status="merged", merged_into=events["call"])
        page = client.get(timeline.get_absolute_url())
        assert "Xi and Putin talk by phone" in titles(page)
        assert "Phone call (duplicate report)" not in titles(page)

    def test_exclusions_hide_hand_picked_events(self, client, events):
        timeline, _ = share_state("", excluded=[events["drills"].pk])
        assert "Joint naval drills in the Sea of Japan" not in titles(client.get(timeline.get_absolute_url()))

    def test_the_snapshot_keeps_events_and_dates_as_shared(self, client, events):
        timeline, snapshot = share_state("kind=call")
        Event.objects.filter(pk=events["call"].pk).update(date_start=datetime.date(2022, 6, 14),
                                                          date_end=datetime.date(2022, 6, 14))
        make_event(title="A later call", date_start=datetime.date(2023, 3, 1))
        live = client.get(timeline.get_absolute_url())
        frozen = client.get(snapshot.get_absolute_url())
        assert titles(live) == ["Xi and Putin talk by phone", "A later call"]
        assert titles(frozen) == ["Xi and Putin talk by phone"]
        assert 'datetime="2022-06-15"' in frozen.content.decode()  # the date as it was when shared
        assert 'datetime="2022-06-14"' in live.content.decode()
        assert timeline.get_absolute_url() in frozen.content.decode()  # the live link stays beside it

    def test_sharing_again_after_a_change_makes_a_new_snapshot(self, events):
        timeline, first = share_state("kind=call")
        make_event(title="A later call", date_start=datetime.date(2023, 3, 1))
        _, second = share_state("kind=call")
        assert first.key != second.key
        assert [e["title"] for e in first.events] == ["Xi and Putin talk by phone"]

    def test_a_saved_view_that_no_longer_reads_says_why(self, client, events):
        from timeline.models import Actor

        timeline, snapshot = share_state("actor=China")
        Actor.objects.filter(name="China").update(name="People's Republic of China")
        html = client.get(timeline.get_absolute_url()).content.decode()
        assert "no longer reads" in html
        assert snapshot.get_absolute_url() in html

    def test_signed_in_readers_may_keep_a_view_to_themselves(self, client, events, django_user_model):
        user = django_user_model.objects.create_user("budi", password="pw-long-enough-123")
        client.force_login(user)
        assert 'value="private"' in client.get("/?kind=call").content.decode()
        client.post("/t/", {"query": "kind=call", "visibility": "private"})
        timeline = Timeline.objects.get()
        assert (timeline.visibility, timeline.owner) == ("private", user)
        client.logout()
        assert client.get(timeline.get_absolute_url()).status_code == 404

    def test_private_timelines_are_hidden_from_others(self, client, events, django_user_model):
        owner = django_user_model.objects.create_user("ana", password="pw-long-enough-123")
        timeline, _ = share_state("", owner=owner, visibility="private")
        assert client.get(timeline.get_absolute_url()).status_code == 404
        client.force_login(owner)
        assert client.get(timeline.get_absolute_url()).status_code == 200


class TestPreviews:
    def test_shared_pages_carry_open_graph_and_twitter_tags(self, client, events, previews_in_tmp):
        timeline, _ = share_state("kind=call")
        html = client.get(timeline.get_absolute_url()).content.decode()
        assert f'property="og:image" content="http://testserver/t/{timeline.slug}/preview.png"' in html
        assert 'name="twitter:card" content="summary_large_image"' in html
        assert "application/json+oembed" in html

    def test_event_pages_carry_open_graph_tags(self, client, events, previews_in_tmp):
        html = client.get(events["call"].get_absolute_url()).content.decode()
        assert f"/events/{events['call'].pk}/preview.png" in html
        assert 'property="og:title"' in html

    def test_the_preview_is_a_png_cached_on_disk(self, client, events, previews_in_tmp):
        from PIL import Image

        timeline, _ = share_state("")
        response = client.get(f"/t/{timeline.slug}/preview.png")
        assert response["Content-Type"] == "image/png"
        files = list(previews_in_tmp.glob("*.png"))
        assert len(files) == 1
        image = Image.open(files[0])
        assert image.size == (1200, 630)
        client.get(f"/t/{timeline.slug}/preview.png")
        assert list(previews_in_tmp.glob("*.png")) == files  # drawn once

    def test_oembed_describes_the_embed(self, client, events, previews_in_tmp):
        timeline, _ = share_state("")
        url = f"http://testserver/t/{timeline.slug}/"
        data = client.get("/oembed", {"url": url, "format": "json", "maxwidth": "400"}).json()
        assert data["type"] == "rich"
        assert f"/t/{timeline.slug}/embed" in data["html"]
        assert data["width"] == 400

    def test_oembed_of_a_snapshot_embeds_the_frozen_events(self, client, events, previews_in_tmp):
        timeline, snapshot = share_state("kind=call")
        data = client.get("/oembed", {"url": f"http://testserver{snapshot.get_absolute_url()}"}).json()
        src = data["html"].split('src="')[1].split('"')[0].replace("&amp;", "&")
        make_event(title="A later call", date_start=datetime.date(2023, 3, 1))
        html = client.get(src.removeprefix("http://testserver")).content.decode()
        assert "Xi and Putin talk by phone" in html
        assert "A later call" not in html
        assert "A later call" in client.get(f"/t/{timeline.slug}/embed").content.decode()

    def test_oembed_refuses_other_links(self, client, events):
        assert client.get("/oembed", {"url": "http://testserver/admin/"}).status_code == 404


class TestEmbed:
    def test_only_the_embed_page_may_be_framed(self, client, events):
        timeline, _ = share_state("")
        embed = client.get(f"/t/{timeline.slug}/embed")
        page = client.get(timeline.get_absolute_url())
        assert "X-Frame-Options" not in embed
        assert "frame-ancestors *" in embed["Content-Security-Policy"]
        assert page["X-Frame-Options"] == "DENY"
        assert client.get("/")["X-Frame-Options"] == "DENY"

    def test_the_embed_lists_the_events(self, client, events):
        timeline, _ = share_state("kind=exercise")
        html = client.get(f"/t/{timeline.slug}/embed").content.decode()
        assert "Joint naval drills in the Sea of Japan" in html
        assert "Xi and Putin" not in html


def _make_calls(count: int) -> None:
    for day in range(count):
        day_of = datetime.date(2023, 1, 1) + datetime.timedelta(days=day)
        make_event(title=f"Call number {day:02d}", kind="call", date_start=day_of)


def _newer_url(response) -> str:
    return response.context["newer_url"]


def _calls_in(response) -> list[str]:
    # A fragment has no template context in the test client: read the titles from the HTML.
    return re.findall(r"Call number \d\d", response.content.decode())


class TestSharedTimelinePaging:
    def test_a_long_view_shows_one_page_and_loads_the_next_as_the_reader_scrolls(self, client, events):
        _make_calls(40)
        timeline, _ = share_state("kind=call")
        first = client.get(timeline.get_absolute_url())
        html = first.content.decode()
        assert len(titles(first)) == 30
        assert "41 events, live" in html  # the count covers every page
        assert 'hx-trigger="revealed"' in html
        more = client.get(_newer_url(first), headers={"HX-Request": "true", "HX-Target": "page-more-x"})
        rest = more.content.decode()
        assert "<html" not in rest  # only the next rows, appended in place
        assert _calls_in(more) == [f"Call number {n:02d}" for n in range(29, 40)]
        assert "The end of this timeline." in rest
        assert set(titles(first)).isdisjoint(_calls_in(more))

    def test_the_rows_link_to_events_and_actors_like_the_main_timeline(self, client, events):
        timeline, _ = share_state("kind=call")
        html = client.get(timeline.get_absolute_url()).content.decode()
        assert f'hx-get="/events/{events["call"].pk}/"' in html
        assert "Xi Jinping" in html

    def test_the_older_link_goes_back_a_page(self, client, events):
        _make_calls(40)
        timeline, _ = share_state("kind=call")
        first = client.get(timeline.get_absolute_url())
        second = client.get(_newer_url(first))
        back = client.get(second.context["older_url"])
        assert titles(back) == titles(first)

    def test_a_malformed_cursor_shows_the_first_page(self, client, events):
        timeline, _ = share_state("kind=call")
        response = client.get(timeline.get_absolute_url() + "?after=yesterday")
        assert response.status_code == 200
        assert titles(response) == ["Xi and Putin talk by phone"]

    def test_a_snapshot_pages_its_frozen_events_too(self, client, events):
        _make_calls(40)
        _, snapshot = share_state("kind=call")
        first = client.get(snapshot.get_absolute_url())
        assert len(titles(first)) == 30
        assert 'hx-trigger="revealed"' in first.content.decode()
        more = client.get(_newer_url(first), headers={"HX-Request": "true", "HX-Target": "page-more-x"})
        assert "<html" not in more.content.decode()
        assert _calls_in(more) == [f"Call number {n:02d}" for n in range(29, 40)]
        assert 'hx-trigger="revealed"' not in more.content.decode()


def _make_many_calls(count: int) -> None:
    article = make_article()  # one source for all: the rows, not the evidence, are under test
    for day in range(count):
        day_of = datetime.date(2023, 1, 1) + datetime.timedelta(days=day)
        make_event(title=f"Embedded call {day:03d}", kind="call", date_start=day_of, article=article)


def _embedded_calls(response) -> list[str]:
    return re.findall(r"Embedded call \d{3}", response.content.decode())


def _link(response, css_class: str) -> str | None:
    """The href of a paging link as a browser without JavaScript would follow it."""
    # The newer link carries the class itself; the older one sits in a paragraph that does.
    pattern = rf'class="page-link {css_class}" href="([^"]+)"|<p class="page-link {css_class}"><a href="([^"]+)"'
    found = re.search(pattern, response.content.decode())
    return html.unescape(found.group(1) or found.group(2)) if found else None


class TestEmbedPaging:
    def test_plain_links_walk_a_long_embed_page_by_page_inside_the_frame(self, client, events):
        _make_many_calls(210)
        timeline, _ = share_state("kind=call")
        embed_url = f"/t/{timeline.slug}/embed"
        response = client.get(embed_url)
        assert _link(response, "page-older") is None  # the first page starts the timeline
        seen, pages = [], []
        while True:
            assert response.status_code == 200
            assert "X-Frame-Options" not in response
            pages.append(_embedded_calls(response))
            seen += pages[-1]
            newer = _link(response, "page-newer")
            if newer is None:
                break
            assert newer.startswith(embed_url + "?after=")
            # The paging link has no target: it moves the frame itself, not a new tab.
            assert f'class="page-link page-newer" href="{html.escape(newer)}">' in response.content.decode()
            response = client.get(newer)
        assert seen == [f"Embedded call {n:03d}" for n in range(210)]  # each once, in date order
        assert max(len(page) for page in pages) <= 30
        assert len(pages) == 8  # Xi and Putin's call of 2022 comes first, then 210 calls 30 a page
        # And back: the older links lead through the same pages in reverse.
        back = []
        while (older := _link(response, "page-older")) is not None:
            response = client.get(older)
            back.append(_embedded_calls(response))
        assert back == pages[-2::-1]

    def test_an_embedded_snapshot_keeps_its_frozen_events_on_every_page(self, client, events):
        _make_many_calls(210)
        timeline, snapshot = share_state("kind=call")
        make_event(title="Embedded call 999", kind="call", date_start=datetime.date(2022, 12, 31))
        response = client.get(f"/t/{timeline.slug}/embed", {"as-of": snapshot.key})
        seen = _embedded_calls(response)
        while (newer := _link(response, "page-newer")) is not None:
            assert f"as-of={snapshot.key}&after=" in newer
            response = client.get(newer)
            seen += _embedded_calls(response)
        assert seen == [f"Embedded call {n:03d}" for n in range(210)]  # the later call is not in it
        assert "Embedded call 999" in client.get(f"/t/{timeline.slug}/embed").content.decode()

    def test_htmx_appends_only_the_next_rows_and_they_still_open_in_a_new_tab(self, client, events):
        _make_many_calls(210)
        timeline, _ = share_state("kind=call")
        first = client.get(f"/t/{timeline.slug}/embed")
        assert 'hx-trigger="revealed"' in first.content.decode()
        more = client.get(_link(first, "page-newer"), headers={"HX-Request": "true", "HX-Target": "page-more-x"})
        rows = more.content.decode()
        assert "<html" not in rows
        assert _embedded_calls(more) == [f"Embedded call {n:03d}" for n in range(29, 59)]
        assert 'target="_blank"' in rows
        assert more["Vary"].count("HX-Request") == 1
