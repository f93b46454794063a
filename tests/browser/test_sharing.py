"""Sharing in a real browser: a shared link opens the same events elsewhere; only embeds can be framed."""

import datetime
import http.server
import threading

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from sharing.states import share_state
from tests.factories import make_actor, make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLES = ".event-title a"


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    settings.LINIMASA_API_RATE = "100000/min"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def events(live_server):
    make_actor("China"), make_actor("Russia")
    make_event(title="Treaty of Good-Neighbourliness signed", kind="agreement", date_start=datetime.date(2001, 7, 16))
    make_event(title="Joint statement on a partnership", kind="agreement", date_start=datetime.date(2022, 2, 4))
    make_event(title="Xi and Putin talk by phone", kind="call", date_start=datetime.date(2022, 6, 15))
    return live_server.url


@pytest.fixture
def other_origin():
    """A second local web server on 127.0.0.1: its pages are another origin than the live server's."""
    pages: dict[str, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            body = pages.get(self.path, b"not found")
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", pages
    server.shutdown()
    server.server_close()


class TestShareThisView:
    def test_a_shared_link_opens_the_same_events_in_a_fresh_browser(self, page, browser, events):
        page.goto(events + "/?kind=agreement")
        shown = page.locator(f"#timeline-rows {TITLES}").all_inner_texts()
        assert shown == ["Treaty of Good-Neighbourliness signed", "Joint statement on a partnership"]
        page.get_by_role("button", name="Share this view").click()
        link = page.locator("#share-link")
        expect(link).to_be_visible()
        url = link.input_value()
        assert "/t/" in url
        stranger = browser.new_context()
        try:
            fresh = stranger.new_page()
            fresh.goto(url)
            assert fresh.locator(TITLES).all_inner_texts() == shown
            assert fresh.locator('meta[property="og:image"]').get_attribute("content").endswith("/preview.png")
        finally:
            stranger.close()


class TestFraming:
    def test_the_embed_can_be_framed_by_another_origin_but_a_normal_page_cannot(self, page, events, other_origin):
        timeline, _ = share_state("kind=call")
        host, pages = other_origin
        pages["/host.html"] = (
            "<!doctype html><title>Someone's blog</title>"
            f'<iframe id="embed" src="{events}/t/{timeline.slug}/embed" width="600" height="300"></iframe>'
            f'<iframe id="normal" src="{events}/t/{timeline.slug}/" width="600" height="300"></iframe>'
        ).encode()
        page.goto(host + "/host.html")
        embedded = page.frame_locator("#embed").locator(TITLES)
        expect(embedded).to_have_text(["Xi and Putin talk by phone"])
        page.wait_for_load_state("load")
        normal = page.frame(url=f"{events}/t/{timeline.slug}/")
        refused = normal is None or normal.locator(TITLES).count() == 0
        assert refused
        assert page.frame_locator("#normal").locator(TITLES).count() == 0

    def test_a_reader_without_javascript_pages_through_a_long_embed_inside_the_frame(
        self, page_without_js, events, other_origin
    ):
        first_day = datetime.date(2023, 1, 1)
        for day in range(40):
            make_event(title=f"Call {day:02d}", kind="call", date_start=first_day + datetime.timedelta(days=day))
        timeline, _ = share_state("kind=call")
        host, pages = other_origin
        pages["/long.html"] = (
            "<!doctype html><title>Someone's blog</title>"
            f'<iframe id="embed" src="{events}/t/{timeline.slug}/embed" width="600" height="400"></iframe>'
        ).encode()
        page_without_js.goto(host + "/long.html")
        frame = page_without_js.frame_locator("#embed")
        expect(frame.locator(TITLES).first).to_have_text("Xi and Putin talk by phone")
        expect(frame.locator(TITLES)).to_have_count(30)
        frame.locator(".page-newer").click()
        # The frame itself moved on: the host page is still there, the frame shows the last 11 calls.
        expect(frame.locator(TITLES)).to_have_text([f"Call {n:02d}" for n in range(29, 40)])
        assert page_without_js.url == host + "/long.html"
        frame.locator(".page-older a").click()
        expect(frame.locator(TITLES)).to_have_count(30)
        expect(frame.locator(TITLES).first).to_have_text("Xi and Putin talk by phone")
