"""In Chromium: hostile text on every page never executes, and the CSP blocks inline script."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.security import test_xss
from tests.security.test_xss import MARK, reader_urls, staff_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
hostile_world = test_xss.hostile_world  # the matrix's fixture: every name and text hostile

# Runs before any page script (through the DevTools protocol, so the CSP does not apply to it):
# records every policy violation and every dialog a payload might open.
RECORDER = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def watched(page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(RECORDER)
    page.dialogs = dialogs
    return page


def visit(page, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    page.wait_for_timeout(50)
    assert page.evaluate(f"typeof window.{MARK}") == "undefined", f"a payload ran on {url}"
    return page.evaluate("window.__violations")


class TestNothingExecutes:
    def test_reader_pages_embeds_and_exports_run_no_payload_and_break_no_policy(
        self, watched, live_server, hostile_world
    ):
        for url in reader_urls(hostile_world):
            if "/export/" in url or url.endswith((".atom", ".ics")):
                continue  # downloads: no page to run in
            assert visit(watched, live_server.url + url) == [], url
        assert watched.dialogs == []

    def test_htmx_swaps_of_hostile_rows_run_nothing(self, watched, live_server, hostile_world):
        visit(watched, live_server.url + "/")
        watched.get_by_role("checkbox", name="Call").first.check()
        watched.wait_for_url("**/?kind=call")
        watched.locator(".event-title a").first.click()
        watched.wait_for_timeout(500)
        assert watched.evaluate(f"typeof window.{MARK}") == "undefined"
        assert watched.evaluate("window.__violations") == []
        assert watched.dialogs == []

    def test_admin_views_run_no_payload(self, watched, live_server, hostile_world):
        client = Client()
        client.force_login(hostile_world["staff"])
        session = client.cookies["sessionid"].value
        watched.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        for url in staff_urls(hostile_world):
            visit(watched, live_server.url + url)
        assert watched.dialogs == []


class TestContentSecurityPolicy:
    def test_an_injected_inline_script_is_blocked_and_reported(self, watched, live_server, hostile_world):
        visit(watched, live_server.url + "/")
        blocked = watched.evaluate(
            """() => new Promise(resolve => {
                document.addEventListener('securitypolicyviolation', e => resolve(e.effectiveDirective));
                const script = document.createElement('script');
                script.textContent = 'window.inline_ran = 1';
                document.body.appendChild(script);
                setTimeout(() => resolve(null), 2000);
            })"""
        )
        assert blocked in {"script-src-elem", "script-src"}
        assert watched.evaluate("typeof window.inline_ran") == "undefined"

    def test_an_injected_event_handler_is_blocked(self, watched, live_server, hostile_world):
        visit(watched, live_server.url + "/")
        watched.evaluate(
            """() => { const img = document.createElement('img');
                       img.setAttribute('onerror', 'window.handler_ran = 1'); img.src = '/missing.png';
                       document.body.appendChild(img); }"""
        )
        watched.wait_for_timeout(500)
        assert watched.evaluate("typeof window.handler_ran") == "undefined"
        assert any(v.startswith("script-src") for v in watched.evaluate("window.__violations"))
